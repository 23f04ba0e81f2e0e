"""Bytes the coder's memos hold after coding N real articles as an ingest does (not a test).

    .venv/bin/python bench/memo_bytes.py --docs 5000 [--small-memos] [--json]

Codes the first N articles of ``../shared/data/saudinewsnet-dev/articles.jsonl.gz`` (read at run time, never
copied) in this process with ``marsad.pipeline.code``, emptying the ``functools`` caches between batches of 200
as ``marsad ingest`` does (``ingest.runner.bound_memory``), then prints each memo's entries and bytes
(``marsad.bench.memo_bytes``: sys.getsizeof over what the memos reach, every object counted once), the bytes per
word form (all memos over the word-readings entries), the coding CPU seconds and how many times the costly
functions ran (``extract.words.reading`` for a form the memo did not hold, ``lexicon._Starts`` made): counts that
do not depend on the load of the host, unlike the seconds.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "saudinewsnet-dev" / "articles.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--small-memos", action="store_true", help="the bounds of `marsad ingest --small-memos`")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from marsad.bench.memo_bytes import memo_bytes
    from marsad.extract import lexicon, words
    from marsad.ingest.memos import bound_coder_memos, coder_memos
    from marsad.ingest.runner import bound_memory
    from marsad.pipeline import code

    docs = []
    with gzip.open(REAL, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(docs) >= args.docs:
                break
            r = json.loads(line)
            docs.append((r["text"], r.get("date")))
    if args.small_memos:
        bound_coder_memos()
    calls = {"readings": 0, "starts": 0}
    reading, starts_of = words.reading, lexicon._Starts.of

    def counted_reading(norm, lang, is_word):  # type: ignore[no-untyped-def]
        calls["readings"] += is_word  # a word's (a number's or a mark's is cheap, and cached)
        return reading(norm, lang, is_word)

    def counted_starts(*a, **k):  # type: ignore[no-untyped-def]
        calls["starts"] += 1
        return starts_of(*a, **k)

    words.reading = counted_reading  # segment() looks the module global up on each memo miss
    lexicon._Starts.of = counted_starts  # type: ignore[method-assign]
    t0 = time.process_time()
    for i, (text, date) in enumerate(docs):
        code(text, lang="ar", date=date)
        if i % args.batch == args.batch - 1:
            bound_memory()
    cpu = time.process_time() - t0
    rows = memo_bytes(coder_memos())
    forms = sum(r.entries for r in rows if r.name.startswith("words.readings"))
    total = sum(r.bytes for r in rows)
    report = {"docs": len(docs), "coding_cpu_s": round(cpu, 2), "calls": calls, "word_forms": forms,
              "memo_mb": round(total / 1e6, 1), "bytes_per_form": round(total / max(forms, 1)),
              "memos": {r.name: {"entries": r.entries, "mb": round(r.bytes / 1e6, 2), "bytes_per_entry":
                                 round(r.per_entry)} for r in rows}}
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"{'memo':28} {'entries':>8} {'MB':>7} {'B/entry':>8}")
    for r in rows:
        print(f"{r.name:28} {r.entries:8} {r.bytes / 1e6:7.2f} {r.per_entry:8.0f}")
    print(f"all memos {report['memo_mb']} MB, {report['bytes_per_form']} bytes per word form ({forms} forms); "
          f"coding {cpu:.1f} CPU s; readings worked out {calls['readings']}, starts made {calls['starts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
