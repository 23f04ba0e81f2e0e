#!/usr/bin/env python
"""Spark throughput report (not a test): documents/s for the in-process coder, local[1] and local[2].

    .venv/bin/python bench/spark_bench.py --docs 4000            # prints a table, writes bench/spark_bench.json

The same JSONL corpus (``marsad.bench.corpus.generate``, the corpus of ``marsad bench``: ~2 KB articles, two Arabic
for one English; dates folded into ``--days`` days, so partitions look like a real news stream) is coded
1. in-process: one Python process, ``marsad.code`` + the ``doc_tables`` flattening + a Parquet write per table
   (what `marsad export parquet` costs, without a database);
2. by ``marsad.scale.job.run`` on local[1] and on local[2], each in a fresh process (its own JVM), and with
   ``--masters local[1],local[2],standalone`` also on a standalone cluster of two 1-core workers on loopback
   (``marsad.scale.standalone``; its start is timed apart). Each Spark figure
   is given twice: ``cold`` (first run: JVM warm-up and Python workers starting) and ``warm`` (a second run in the
   same session, the steady state a long job sees). Session start-up is reported apart.
It also reports what the knowledge base costs an executor's Python worker: its peak RSS after coding and the
seconds it took to load the KB (``coder.worker_stats`` from the reused workers), and the RSS of a bare Python that
only imports marsad and loads the KB (the number to give ``spark.executor.pyspark.memory``).
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_corpus(path: Path, n: int, days: int, seed: int) -> int:
    from marsad.bench.corpus import generate

    corpus = generate(n, "mixed", seed=seed)
    start = dt.date(2024, 1, 1)
    with open(path, "w", encoding="utf-8") as fh:
        for i, doc in enumerate(corpus.docs):
            date = (start + dt.timedelta(days=i % days)).isoformat()
            fh.write(json.dumps({"id": doc.id, "text": doc.text, "date": date, "lang": doc.lang}, ensure_ascii=False))
            fh.write("\n")
    return path.stat().st_size


def in_process(corpus: Path, out: Path) -> dict:
    import pyarrow.parquet as pq

    import marsad
    from marsad.export.tables import DocMeta, doc_tables, merge, to_arrow

    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    marsad.code("warm up", lang="en")
    start = time.perf_counter()
    parts, events = [], 0
    for r in records:
        doc = marsad.code(r["text"], lang=r.get("lang"), date=r.get("date"))
        events += len(doc.events)
        parts.append(doc_tables(doc, DocMeta(date=r.get("date"), lang=r.get("lang"), ext_id=r.get("id"))))
    code_s = time.perf_counter() - start
    out.mkdir(parents=True, exist_ok=True)
    for name, table in to_arrow(merge(parts)).items():
        pq.write_table(table, out / f"{name}.parquet")
    total = time.perf_counter() - start
    return {"mode": "in-process", "documents": len(records), "events": events, "code_seconds": round(code_s, 2),
            "seconds": round(total, 2), "docs_per_second": round(len(records) / total, 1)}


def one_spark(master: str, corpus: Path, out: Path, partitions: int | None = None) -> dict:
    """Run in a child process: one session, a cold run and a warm run, worker statistics."""
    from pyspark.sql.pandas.types import from_arrow_schema

    from marsad.scale.coder import STATS_SCHEMA, worker_stats
    from marsad.scale.job import JobConfig, run
    from marsad.scale.session import spark_session

    t0 = time.perf_counter()
    spark = spark_session(master, app_name="marsad-bench")
    startup = time.perf_counter() - t0
    runs = []
    for label in ("cold", "warm"):
        target = out / label
        shutil.rmtree(target, ignore_errors=True)
        report = run(JobConfig(input=str(corpus), output=str(target), partitions=partitions), spark=spark)
        runs.append({"run": label, "seconds": report.seconds, "docs_per_second": report.docs_per_second,
                     "documents": report.documents, "events": report.rows["events"], "errors": report.errors,
                     "partitions": report.partitions})
    cores = spark.sparkContext.defaultParallelism
    stats = [r.asDict() for r in spark.range(cores * 4, numPartitions=cores * 4)
             .mapInArrow(worker_stats, from_arrow_schema(STATS_SCHEMA)).collect()]
    workers = {s["pid"]: s for s in stats if s["documents"]}
    spark.stop()
    return {"mode": master, "startup_seconds": round(startup, 2), "runs": runs,
            "workers": [{"pid": p, "kb_loads": s["loads"], "kb_load_seconds": round(s["load_seconds"], 3),
                         "documents": s["documents"], "peak_rss_mb": s["peak_rss_mb"]} for p, s in workers.items()]}


def kb_memory() -> dict:
    code = ("import resource, time; r0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; t = time.perf_counter();"
            "import marsad.scale.coder as c; c.ensure_loaded(); import marsad;"
            "marsad.code('التقى وزير الخارجية الأمريكي نظيره الياباني في طوكيو', date='2024-07-28');"
            "r1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
            "print(round(r0/1024,1), round(r1/1024,1), round(time.perf_counter()-t,3))")
    base, loaded, secs = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                        check=True).stdout.split()
    return {"python_start_rss_mb": float(base), "rss_with_kb_mb": float(loaded), "import_and_load_seconds": float(secs)}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=4000)
    p.add_argument("--days", type=int, default=60, help="fold the corpus dates into this many days")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--masters", default="local[1],local[2]",
                   help="comma-separated; 'standalone' starts a master and two 1-core workers on loopback")
    p.add_argument("--partitions", type=int, help="partitions of the input (default: the job's own choice)")
    p.add_argument("--input", help="a JSONL corpus to read --docs records from (default: generate one)")
    p.add_argument("--json", default=str(HERE / "spark_bench.json"), help="where to write the figures")
    p.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one master in this process
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one:
        print(json.dumps(one_spark(args.one, Path(args.corpus), Path(args.out), args.partitions)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="marsad-spark-bench-"))
    try:
        corpus = work / "corpus.jsonl"
        if args.input:  # the first --docs records of a JSONL file (e.g. real articles), as they are
            with open(args.input, encoding="utf-8") as src, open(corpus, "w", encoding="utf-8") as dst:
                for _, line in zip(range(args.docs), src):
                    dst.write(line)
            size = corpus.stat().st_size
        else:
            size = make_corpus(corpus, args.docs, args.days, args.seed)
        results = {"docs": args.docs, "corpus_mb": round(size / 1e6, 2), "days": args.days,
                   "cpus": os.cpu_count(), "python": platform.python_version(),
                   "load_average_before": [round(x, 2) for x in os.getloadavg()],
                   "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                   "kb_memory": kb_memory(), "in_process": in_process(corpus, work / "inproc"), "spark": []}
        for master in args.masters.split(","):
            with contextlib.ExitStack() as stack:
                url = master
                if master == "standalone":  # a master and two 1-core workers on loopback, started here
                    from marsad.scale.standalone import standalone_cluster

                    t0 = time.perf_counter()
                    url = stack.enter_context(standalone_cluster(workers=2, cores=1, workdir=work / "cluster")).url
                    results["standalone_start_seconds"] = round(time.perf_counter() - t0, 1)
                proc = subprocess.run([sys.executable, __file__, "--one", url, "--corpus", str(corpus),
                                       "--out", str(work / master.replace("[", "_").replace("]", "")),
                                       *(["--partitions", str(args.partitions)] if args.partitions else [])],
                                      capture_output=True, text=True)
            if proc.returncode:
                print(proc.stderr[-3000:], file=sys.stderr)
                return proc.returncode
            results["spark"].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    ip = results["in_process"]
    print(f"{args.docs} docs ({results['corpus_mb']} MB, {args.days} days), {results['cpus']} CPUs, load average "
          f"{results['load_average_before'][0]} before / {results['load_average_after'][0]} after")
    print(f"{'mode':<12}{'docs/s':>10}{'seconds':>10}  notes")
    print(f"{'in-process':<12}{ip['docs_per_second']:>10}{ip['seconds']:>10}  coding alone {ip['code_seconds']} s, "
          f"{ip['events']} events")
    for s in results["spark"]:
        for r in s["runs"]:
            print(f"{s['mode'] + ' ' + r['run']:<12}{r['docs_per_second']:>10}{r['seconds']:>10}  "
                  f"{r['partitions']} partitions, session start {s['startup_seconds']} s")
        for w in s["workers"]:
            print(f"{'':<12}worker {w['pid']}: KB loaded {w['kb_loads']}x in {w['kb_load_seconds']} s, "
                  f"{w['documents']} docs, peak RSS {w['peak_rss_mb']} MB")
    km = results["kb_memory"]
    print(f"KB in a bare Python: {km['python_start_rss_mb']} MB -> {km['rss_with_kb_mb']} MB "
          f"(import + load {km['import_and_load_seconds']} s)")
    print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
