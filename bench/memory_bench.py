"""Ingest memory report (not a test): peak RSS of `marsad ingest` (one worker) as the store grows.

    .venv/bin/python bench/memory_bench.py --sizes 1000 3000 10000 [--workers 1] [--batch 200] [--small-memos] [--json]
    .venv/bin/python bench/memory_bench.py --sizes 3000 --profile      # where the memory goes (in-process)
    .venv/bin/python bench/memory_bench.py --sizes 10000 100000 --queries   # and query times on each store

The corpus of N articles is built deterministically, so duplicates are controlled and known:

- the real development articles of ``../shared/data/saudinewsnet-dev/articles.jsonl.gz`` first, in file order (read
  at run time, written only to a temporary directory: their licence keeps them out of the repository);
- then synthetic Arabic articles from ``marsad.bench.corpus.generate`` (seed 24, ~2.4 KB each), one call, so
  every generated article is distinct;
- then, injected in place of the article at position i (0-based, i >= 100): an **exact duplicate** of article
  i - 50 when i % 100 == 37 (same words, different bytes: a tatweel and doubled spaces, so a new doc_id with the
  same normalized key), and a **near duplicate** of article i - 70 when i % 100 == 83 (one word in a hundred
  replaced: shingle Jaccard ~0.94, above the 0.8 default threshold; source articles of fewer than 60 words are
  passed over for the nearest longer one before them).

Each size is a separate `marsad ingest --workers W --batch B -v` process into a fresh store. Reported: wall time,
articles/s, peak RSS (``wait4`` of the process, and of its worker processes when W > 1), RSS after 25/50/75/100%
of the articles (sampled from /proc at every committed batch), store size on disk, the dedup counts of the
store, and whether every injected duplicate was found (``dup_of`` / ``near_dup_of`` set). The exact-duplicate
truth counts every article whose normalized key was seen before (the injected ones and any in the real data).

``--queries`` also times, on each store built, ``marsad stats actors`` and two dyad series (``stats dyads`` by
month, and by day counting every telling), each a ``marsad`` process, best of three, beside the process's start-up
(``marsad --version``). ``--profile`` ingests in-process instead and prints, every 1,000 articles, RSS, Python heap
(tracemalloc), DuckDB's own memory by tag (``duckdb_memory()``) and the sizes of the coder's caches.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from marsad.bench.rss import ingest_rss, rss_mb

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "saudinewsnet-dev" / "articles.jsonl.gz"
EXACT_MOD, EXACT_BACK = 37, 50
NEAR_MOD, NEAR_BACK = 83, 70


def build_corpus(n: int, real_path: Path = REAL) -> tuple[list[dict], dict[str, list[str]]]:
    """N articles as ingest records, and the ids of the injected duplicates by kind ("exact", "near")."""
    docs: list[dict] = []
    if real_path.is_file():
        with gzip.open(real_path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if len(docs) >= n:
                    break
                r = json.loads(line)
                docs.append({"id": r["id"], "text": r["text"], "date": r.get("date"), "title": r.get("title"),
                             "lang": "ar"})
    if len(docs) < n:
        from marsad.bench.corpus import generate

        corpus = generate(n - len(docs), lang="ar", seed=24, target_bytes=2400)
        docs.extend({"id": d.id, "text": d.text, "date": d.date, "lang": d.lang} for d in corpus.docs)
    injected: dict[str, list[str]] = {"exact": [], "near": []}
    for i in range(100, n):
        if i % 100 == EXACT_MOD:
            src = docs[i - EXACT_BACK]
            words = src["text"].split(" ")
            words[len(words) // 2] = words[len(words) // 2] + "ـ"  # tatweel: folded away by the normalized key
            text = "  ".join(words)
            docs[i] = dict(src, id=f"exact-{i}", text=text)
            injected["exact"].append(docs[i]["id"])
        elif i % 100 == NEAR_MOD:
            j = i - NEAR_BACK
            while j > 0 and (len(docs[j]["text"].split()) < 60 or docs[j]["id"].startswith(("exact-", "near-"))):
                j -= 1
            words = docs[j]["text"].split()
            for k in range(50, len(words), 100):
                words[k] = "مراسلنا" if docs[j]["lang"] == "ar" else "correspondent"
            docs[i] = dict(docs[j], id=f"near-{i}", text=" ".join(words))
            injected["near"].append(docs[i]["id"])
    return docs, injected


def exact_truth(docs: list[dict]) -> int:
    from marsad.store import dedup

    seen: set[str] = set()
    ids: set[str] = set()
    dups = 0
    for d in docs:
        if d["text"] in ids:
            continue  # the same bytes again: "already", not a duplicate
        ids.add(d["text"])
        k = dedup.norm_key(d["text"])
        dups += k in seen
        seen.add(k)
    return dups


def run_size(n: int, tmp: Path, workers: int, batch: int, small_memos: bool = False, queries: bool = False) -> dict:
    docs, injected = build_corpus(n)
    src = tmp / f"corpus-{n}.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    truth = exact_truth(docs)
    db = tmp / f"store-{n}.duckdb"
    cmd = [str(Path(sys.executable).with_name("marsad")), "ingest", str(src), "--db", str(db), "--workers",
           str(workers), "--batch", str(batch), "-v"] + (["--small-memos"] if small_memos else [])
    started = time.perf_counter()
    run = ingest_rss(cmd)
    wall = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"ingest failed ({run.returncode}):\n{run.stdout}\n{''.join(run.stderr[-20:])}")
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    new, dups, near = con.execute("SELECT count(*) FILTER (dup_of IS NULL AND near_dup_of IS NULL), "
                                  "count(*) FILTER (dup_of IS NOT NULL), count(*) FILTER (near_dup_of IS NOT NULL) "
                                  "FROM documents").fetchone()
    found = {}
    for kind, ids in injected.items():
        found[kind] = con.execute("SELECT count(*) FROM documents WHERE ext_id IN (SELECT unnest(?::VARCHAR[])) AND "
                                  "(dup_of IS NOT NULL OR near_dup_of IS NOT NULL)", [ids]).fetchone()[0]
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    marks = {f"rss_at_{q}pct_mb": round(run.at(q / 100), 1) for q in (25, 50, 75, 100)}  # RSS at q% of the items
    size = db.stat().st_size + (db.with_suffix(".duckdb.wal").stat().st_size
                                if db.with_suffix(".duckdb.wal").exists() else 0)
    return {"articles": n, "workers": workers, "batch": batch, "small_memos": small_memos, "wall_s": round(wall, 1),
            "articles_per_s": round(n / wall, 1), "peak_rss_mb": round(run.peak_mb, 1), **marks,
            "store_mb": round(size / 1e6, 1), "events": events, "new": new, "duplicates": dups,
            "near_duplicates": near, "exact_truth": truth, "injected_exact": len(injected["exact"]),
            "injected_exact_found": found["exact"], "injected_near": len(injected["near"]),
            "injected_near_found": found["near"], **({"query_s": query_times(db)} if queries else {})}


#: the queries timed on each store built (``--queries``): name -> ``marsad`` arguments after the store
QUERIES = {
    "stats actors": ["stats", "actors", "--limit", "20", "--format", "json"],
    "dyads by month": ["stats", "dyads", "--by", "month", "--format", "json"],
    "dyads by day, mentions": ["stats", "dyads", "--by", "day", "--count", "mentions", "--limit", "1000",
                               "--format", "json"],
}


def query_times(db: Path, repeats: int = 3) -> dict[str, float]:
    """Wall seconds of each ``QUERIES`` command on the store (a ``marsad`` process each; the best of ``repeats``,
    the first run reading a cold store from the page cache), and of ``marsad --version``, the process's own start."""
    exe = str(Path(sys.executable).with_name("marsad"))
    out = {}
    for name, args in {"start-up (marsad --version)": ["--version"], **QUERIES}.items():
        cmd = [exe, *args] if args == ["--version"] else [exe, *args[:2], "--db", str(db), *args[2:]]
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            run = subprocess.run(cmd, capture_output=True, text=True)
            best = min(best, time.perf_counter() - started)
            if run.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} failed ({run.returncode}):\n{run.stderr[-2000:]}")
        out[name] = round(best, 2)
    return out


def profile(n: int, tmp: Path, batch: int, every: int = 1000) -> None:
    """In-process ingest with tracemalloc and DuckDB's memory table printed every ``every`` articles."""
    import gc
    import tracemalloc

    from marsad.ingest import IngestOptions, ingest
    from marsad.store import Store

    docs, _ = build_corpus(n)
    src = tmp / "profile.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    tracemalloc.start(1)
    base = [None]
    nxt = [every]

    def caches() -> str:
        import functools
        out = []
        for modname, mod in list(sys.modules.items()):
            if not modname.startswith("marsad"):
                continue
            for name, obj in list(vars(mod).items()):
                if isinstance(obj, functools._lru_cache_wrapper):
                    size = obj.cache_info().currsize
                    if size > 1000:
                        out.append(f"{modname.split('.')[-1]}.{name}={size}")
        return " ".join(sorted(out))

    def on_batch(rep) -> None:
        if rep.read < nxt[0]:
            return
        nxt[0] += every
        gc.collect()
        snap = tracemalloc.take_snapshot()
        cur = tracemalloc.get_traced_memory()[0] / 1e6
        mem = store.con.execute("SELECT tag, round(memory_usage_bytes / 1e6, 1) FROM duckdb_memory() "
                                "WHERE memory_usage_bytes > 1e6 ORDER BY 2 DESC").fetchall()
        print(f"{rep.read:>7} RSS {rss_mb(os.getpid()):6.0f} MB  python heap {cur:6.1f} MB  duckdb {mem}  "
              f"caches {caches()}", flush=True)
        if base[0] is None:
            base[0] = snap
        else:
            for st in snap.compare_to(base[0], "lineno")[:6]:
                print("        ", st, flush=True)

    with Store(tmp / "profile.duckdb") as store:
        ingest([str(src)], store, IngestOptions(batch=batch), on_batch=on_batch)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--small-memos", action="store_true", help="ingest with `marsad ingest --small-memos`")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--queries", action="store_true", help="also time `marsad stats` queries on each store built")
    ap.add_argument("--profile", action="store_true", help="in-process, with tracemalloc (slower)")
    ap.add_argument("--every", type=int, default=1000, help="--profile: report every N articles")
    ap.add_argument("--keep", help="directory for the corpora and stores (default: a temporary one, removed)")
    args = ap.parse_args()
    if not REAL.is_file():
        print(f"note: {REAL} not found: the corpus is all synthetic", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="marsad-memory-bench-") as t:
        tmp = Path(args.keep) if args.keep else Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        if args.profile:
            profile(args.sizes[0], tmp, args.batch, args.every)
            return
        results = []
        for n in args.sizes:
            r = run_size(n, tmp, args.workers, args.batch, args.small_memos, args.queries)
            results.append(r)
            if not args.json:
                print(json.dumps(r), flush=True)
    load = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"cpus": os.cpu_count(), "load_after": round(load, 2), "runs": results}, indent=1))
        return
    print(f"\n{os.cpu_count()} CPUs, load average after: {load:.2f}")
    print("| articles | wall s | articles/s | peak RSS MB | RSS at 25/50/75/100% MB | store MB | dup / near-dup "
          "(exact truth) | injected exact / near found |")
    print("|---:|---:|---:|---:|---|---:|---|---|")
    for r in results:
        print(f"| {r['articles']:,} | {r['wall_s']} | {r['articles_per_s']} | {r['peak_rss_mb']} | "
              f"{r['rss_at_25pct_mb']} / {r['rss_at_50pct_mb']} / {r['rss_at_75pct_mb']} / {r['rss_at_100pct_mb']} | "
              f"{r['store_mb']} | {r['duplicates']} / {r['near_duplicates']} ({r['exact_truth']}) | "
              f"{r['injected_exact_found']}/{r['injected_exact']} / {r['injected_near_found']}/{r['injected_near']} |")
    if args.queries:
        names = list(results[0]["query_s"])
        print("\nQuery wall s (a `marsad` process each, best of 3):\n")
        print("| articles | " + " | ".join(names) + " |")
        print("|---:|" + "---:|" * len(names))
        for r in results:
            print(f"| {r['articles']:,} | " + " | ".join(str(r["query_s"][q]) for q in names) + " |")


if __name__ == "__main__":
    main()
