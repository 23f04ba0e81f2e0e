"""Ingest speed report (not a test): N synthetic articles ingested with --workers 1, 2, ... into fresh stores.

    .venv/bin/python bench/ingest_bench.py --docs 2000 --workers 1 2 [--lang mixed] [--batch 200] [--json]

The corpus comes from ``marsad.bench.corpus.generate`` (seeded, KB-based templates, Arabic and English). Each run
is a separate process (so the KB load is counted once per run, as a user sees it) that reports wall time, documents
per second, events, near-duplicates, CPU seconds and peak RSS of itself and its worker processes.

On a machine shared with other work the wall-clock speedup says little; ``cpu-bound`` is the speedup the measured
CPU times allow on otherwise idle cores (single-process CPU time over the busiest stage of the parallel run).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(args: argparse.Namespace) -> None:
    from marsad.ingest import IngestOptions, ingest
    from marsad.store import Store

    started = time.perf_counter()
    with Store(args.db) as store:
        rep = ingest([args.input], store, IngestOptions(workers=args.workers, batch=args.batch,
                                                         near_dup_threshold=args.threshold or None))
    wall = time.perf_counter() - started
    me, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    own, kids = me.ru_maxrss, ch.ru_maxrss
    cpu_main, cpu_workers = me.ru_utime + me.ru_stime, ch.ru_utime + ch.ru_stime
    print(json.dumps({"workers": args.workers, "docs": rep.read - rep.skipped, "wall_s": round(wall, 2),
                      "docs_per_s": round((rep.read - rep.skipped) / wall, 1), "events": rep.events,
                      "new": rep.new, "duplicates": rep.duplicates, "near_duplicates": rep.near_duplicates,
                      "peak_rss_main_mb": round(own / 1024, 1), "peak_rss_worker_mb": round(kids / 1024, 1),
                      "cpu_main_s": round(cpu_main, 2), "cpu_workers_s": round(cpu_workers, 2)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--lang", default="mixed")
    ap.add_argument("--bytes", type=int, default=1500, help="target size of an article")
    ap.add_argument("--threshold", type=float, default=0.8, help="near-duplicate threshold (0: off)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.workers = args.workers[0]
        child(args)
        return

    from marsad.bench.corpus import generate

    tmp = Path(tempfile.mkdtemp(prefix="marsad-ingest-bench-"))
    src = tmp / "corpus.jsonl"
    t0 = time.perf_counter()
    corpus = generate(args.docs, lang=args.lang, seed=11, target_bytes=args.bytes)
    with open(src, "w", encoding="utf-8") as fh:
        for d in corpus.docs:
            fh.write(json.dumps({"id": d.id, "text": d.text, "date": d.date, "lang": d.lang},
                                ensure_ascii=False) + "\n")
    gen_s = time.perf_counter() - t0
    results = []
    load_before = os.getloadavg()[0]
    for w in args.workers:
        db = tmp / f"w{w}.duckdb"
        out = subprocess.run([sys.executable, __file__, "--child", "--input", str(src), "--db", str(db),
                              "--workers", str(w), "--batch", str(args.batch), "--threshold", str(args.threshold)],
                             capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = results[0]["docs_per_s"]
    for r in results:
        r["speedup"] = round(r["docs_per_s"] / base, 2) if base else None
        # What the CPU times allow on idle cores: the single-process CPU time over the longest of the main process
        # (read, dedup, store), each worker's share of coding, and all the CPU time spread over the cores.
        single = results[0]["cpu_main_s"] + results[0]["cpu_workers_s"]
        cores = os.cpu_count() or 1
        total = r["cpu_main_s"] + r["cpu_workers_s"]
        busiest = max(r["cpu_main_s"], r["cpu_workers_s"] / r["workers"], total / cores) \
            if r["workers"] > 1 else single
        r["cpu_bound_speedup"] = round(single / busiest, 2) if busiest else None
    report = {"docs": args.docs, "lang": args.lang, "bytes_per_doc": args.bytes, "corpus_mb":
              round(src.stat().st_size / 1e6, 2), "generate_s": round(gen_s, 1), "cpus": os.cpu_count(),
              "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2), "runs": results}
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(f"{args.docs} docs ({report['corpus_mb']} MB, {args.lang}), batch {args.batch}, {os.cpu_count()} CPUs")
    print(f"load average before the runs: {report['load_before']}, after: {report['load_after']}")
    print(f"{'workers':>7} {'wall s':>8} {'docs/s':>8} {'speedup':>8} {'cpu-bound':>9} {'events':>8} {'near-dup':>8} "
          f"{'CPU main s':>10} {'CPU workers s':>13} {'RSS main MB':>12} {'RSS worker MB':>14}")
    for r in results:
        print(f"{r['workers']:>7} {r['wall_s']:>8} {r['docs_per_s']:>8} {r['speedup']:>8} {r['cpu_bound_speedup']:>9} "
              f"{r['events']:>8} {r['near_duplicates']:>8} {r['cpu_main_s']:>10} {r['cpu_workers_s']:>13} "
              f"{r['peak_rss_main_mb']:>12} {r['peak_rss_worker_mb']:>14}")


if __name__ == "__main__":
    main()
