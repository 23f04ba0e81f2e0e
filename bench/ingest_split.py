"""Where ingest time goes (not a test): coding against the store path, in one process (``--workers 1``).

    .venv/bin/python bench/ingest_split.py --docs 2000 [--batch 200] [--json]

Ingests the corpus of ``bench/memory_bench.py`` (real SaudiNewsNet development articles, then generated ones, with
injected exact and near duplicates) into a fresh store in-process and times, in CPU seconds of this process
(``time.process_time``, so other load on the machine does not count) and in wall seconds, each stage the ingest
calls: coding (``marsad.code``), flattening (``store.db.prepare``: the rows, the normalized key and the MinHash
signature), deduplication (``Store._decide``: exact keys and the LSH band probe), inserts (``Store._insert``), the
rest of the batch transaction (checkpoint, skipped rows, commit), event clustering at the end
(``Store.update_clusters``), and what is left (reading and parsing the input, the already-stored check,
bookkeeping). The store path's share is reported against coding time (the issue's target: at most 20%).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory_bench import build_corpus  # noqa: E402

STAGES = ("coding", "flattening", "dedup", "inserts", "transaction", "clustering", "other")


def measure(n: int, batch: int, tmp: Path) -> dict:
    import marsad.pipeline as pipeline
    from marsad.ingest import IngestOptions, ingest, runner
    from marsad.store import Store
    from marsad.store.db import Store as StoreClass

    docs, _ = build_corpus(n)
    src = tmp / "corpus.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)

    def timed(stage: str, fn):
        def wrapper(*args, **kwargs):
            c, w = time.process_time(), time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                cpu[stage] += time.process_time() - c
                wall[stage] += time.perf_counter() - w
        return wrapper

    pipeline.code("warm up", lang="en")  # the KB load is not ingest time
    saved = (pipeline.code, runner.prepare, StoreClass._decide, StoreClass._insert, StoreClass.upsert_batch,
             StoreClass.update_clusters)
    pipeline.code = timed("coding", pipeline.code)
    runner.prepare = timed("flattening", runner.prepare)
    StoreClass._decide = timed("dedup", StoreClass._decide)
    StoreClass._insert = timed("inserts", StoreClass._insert)
    StoreClass.upsert_batch = timed("batch", StoreClass.upsert_batch)
    StoreClass.update_clusters = timed("clustering", StoreClass.update_clusters)
    try:
        c0, w0 = time.process_time(), time.perf_counter()
        with Store(tmp / "split.duckdb") as store:
            report = ingest([str(src)], store, IngestOptions(batch=batch))
        total_cpu, total_wall = time.process_time() - c0, time.perf_counter() - w0
    finally:
        (pipeline.code, runner.prepare, StoreClass._decide, StoreClass._insert, StoreClass.upsert_batch,
         StoreClass.update_clusters) = saved
    out = {}
    for d in (cpu, wall):
        d["transaction"] = d.pop("batch", 0.0) - d["dedup"] - d["inserts"]
    for name, d, total in (("cpu", cpu, total_cpu), ("wall", wall, total_wall)):
        d["other"] = total - sum(d[s] for s in STAGES if s != "other")
        store_path = sum(d[s] for s in ("flattening", "dedup", "inserts", "transaction", "clustering"))
        out[name] = {"total_s": round(total, 2), **{s: round(d[s], 2) for s in STAGES},
                     "store_path_s": round(store_path, 2),
                     "store_path_vs_coding": round(store_path / d["coding"], 3) if d["coding"] else None,
                     "articles_per_s": round(n / total, 1)}
    return {"articles": n, "batch": batch, "new": report.new, "events": report.events, **out}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="marsad-ingest-split-") as t:
        r = measure(args.docs, args.batch, Path(t))
    if args.json:
        print(json.dumps(r, indent=1))
        return
    print(f"{r['articles']:,} articles ({r['new']:,} new, {r['events']:,} events), batch {r['batch']}")
    print("| | " + " | ".join(STAGES) + " | store path / coding | total | articles/s |")
    print("|---|" + "---:|" * (len(STAGES) + 3))
    for kind in ("cpu", "wall"):
        d = r[kind]
        print(f"| {kind} s | " + " | ".join(f"{d[s]:.2f}" for s in STAGES)
              + f" | {d['store_path_vs_coding']:.1%} | {d['total_s']:.1f} | {d['articles_per_s']} |")


if __name__ == "__main__":
    main()
