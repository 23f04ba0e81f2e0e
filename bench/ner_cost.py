"""What the NER layer costs on real articles: CPU seconds per article of ``code(text)`` and ``code(text, ner=True)``.

Reads the first ``--docs`` articles of the real SaudiNewsNet dev half (Arabic, ``../shared/data/saudinewsnet-dev``)
or of the Wikinews dev half (English, ``--lang en``), codes each article in this process both ways, the two runs
interleaved in ``--rounds`` rounds (each round codes every article once per way, the order of the ways alternating
between rounds) so that a loaded host slows both alike; CPU is this process's user+system time. Prints one JSON
object: articles, CPU-ms per article per way, the share NER adds, articles per CPU-second per way, how many articles
have an event, and how many new entities the NER adds (it reads only the sentences with a trigger).

    .venv/bin/python bench/ner_cost.py --docs 500 --rounds 3
    .venv/bin/python bench/ner_cost.py --lang en --docs 151
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys

from marsad.evaluate.real import shared_data_dir
from marsad.pipeline import code


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def articles(lang: str, n: int) -> list[tuple[str, str | None]]:
    root = shared_data_dir()
    if lang == "ar":
        fh = gzip.open(root / "saudinewsnet-dev" / "articles.jsonl.gz", "rt", encoding="utf-8")
    else:
        fh = (root / "wikinews-en-dev" / "articles.jsonl").open(encoding="utf-8")
    out = []
    with fh:
        for line in fh:
            rec = json.loads(line)
            out.append((f"{rec.get('title') or ''}\n{rec['text']}", rec.get("date")))
            if len(out) >= n:
                break
    return out


def measure(docs: list[tuple[str, str | None]], lang: str, rounds: int) -> dict:
    cpu = {False: 0.0, True: 0.0}
    for text, date in docs[:5]:  # warm-up: automata, the CRF model
        code(text, lang=lang, date=date, ner=True)
    new_entities = tagged = 0
    for r in range(rounds):
        for ner in ((False, True) if r % 2 == 0 else (True, False)):
            t0 = _cpu()
            outs = [code(text, lang=lang, date=date, ner=ner) for text, date in docs]
            cpu[ner] += _cpu() - t0
            if ner and r == 0:
                news = [sum(e.id.startswith("new:") for e in o.entities) for o in outs]
                new_entities, tagged = sum(news), sum(1 for o in outs if o.events)
    n = len(docs) * rounds
    plain, with_ner = 1000 * cpu[False] / n, 1000 * cpu[True] / n
    return {"lang": lang, "articles": len(docs), "rounds": rounds,
            "cpu_ms_per_article": {"plain": round(plain, 2), "ner": round(with_ner, 2)},
            "ner_adds": round(with_ner / plain - 1, 3) if plain else None,
            "articles_per_cpu_s": {"plain": round(1000 / plain, 1) if plain else None,
                                   "ner": round(1000 / with_ner, 1) if with_ner else None},
            "articles_with_events": tagged, "new_entities": new_entities}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=["ar", "en"], default="ar")
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    sys.stdout.write(json.dumps(measure(articles(args.lang, args.docs), args.lang, args.rounds), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
