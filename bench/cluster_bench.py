"""Event clustering speed report (not a test): cluster N synthetic tellings on one core, in memory and through a
real DuckDB store.

    .venv/bin/python bench/cluster_bench.py --events 100000 [--days 365] [--store] [--json]

The tellings are generated deterministically (seed 23): acts spread over ``--days`` days, 16 types, 40 countries,
400 places (10 per country), each act told 1-5 times (2.5 on average) by tellings that disagree as coders do: a
fifth lose the place, a tenth lose the day (undated: their article's date is the act's day or the next), a seventh
lose the source, a tenth get another target country, and the toll rises between tellings.

Reported: seconds for ``cluster_events`` + ``summarize`` (the engine, one process, one thread), clusters, largest
block, B-cubed P/R/F1 against the generated acts (synthetic noise, a sanity figure, not the corpus score), peak RSS;
with ``--store``: the same tellings written as rows of ``documents``/``events``/``event_actors``/``quantities`` of a
fresh store file (not timed) and ``marsad cluster --rebuild`` timed in a child process (read + cluster + write), and
an incremental run after adding 1% more tellings on the last 3 days (``children_cpu_seconds`` adds up the child runs
so far; peak RSS is each child's own).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.cluster import ClusterEvent, cluster_events, summarize  # noqa: E402
from marsad.evaluate.clusters import bcubed  # noqa: E402

TYPES = ["ASSAULT", "PROTEST", "CONSULT", "COERCE", "ACCUSE", "SANCTION", "AID", "AGREE", "THREATEN", "REQUEST",
         "SUPPORT", "REJECT", "RETREAT", "MOBILIZE", "CONCEDE", "COOPERATE"]
WEIGHTS = [30, 8, 12, 8, 10, 3, 3, 4, 5, 4, 3, 3, 2, 2, 1, 2]
COUNTRIES = ["C%02d" % i for i in range(40)]
START = dt.date(2025, 1, 1)


def generate(n: int, days: int, seed: int = 23) -> tuple[list[ClusterEvent], dict[str, str]]:
    rnd = random.Random(seed)
    out: list[ClusterEvent] = []
    gold: dict[str, str] = {}
    act = 0
    while len(out) < n:
        act += 1
        typ = rnd.choices(TYPES, WEIGHTS)[0]
        day = START + dt.timedelta(days=rnd.randrange(days))
        src, tgt = rnd.sample(COUNTRIES, 2)
        country = rnd.choice((src, tgt))
        place = f"place:{country}-{rnd.randrange(10)}"
        toll = rnd.randrange(1, 30)
        for k in range(min(rnd.choice((1, 1, 2, 2, 3, 3, 4, 5)), n - len(out))):
            doc = f"{rnd.getrandbits(64):016x}"
            eid = f"{doc}:e1"
            dated = rnd.random() >= 0.1
            s = () if rnd.random() < 1 / 7 else (src + rnd.choice(("", "GOV", "MIL")),)
            t = (rnd.choice(COUNTRIES) if rnd.random() < 0.1 else tgt,)
            loc = None if rnd.random() < 0.2 else place
            out.append(ClusterEvent(
                event_id=eid, doc_id=doc, outlet=f"outlet{rnd.randrange(300)}",
                doc_date=day + dt.timedelta(days=rnd.randrange(2)), day=day if dated else None, type=typ, family=typ,
                cameo="190", source_codes=s, target_codes=t, source_countries=frozenset(c[:3] for c in s),
                target_countries=frozenset(c[:3] for c in t), location_entity=loc, location_country=country,
                quantities=(("killed", float(toll + k)),) if typ == "ASSAULT" else ()))
            gold[eid] = f"a{act}"
    return out, gold


def engine(events: list[ClusterEvent], gold: dict[str, str]) -> dict[str, object]:
    t0, c0 = time.perf_counter(), time.process_time()
    assignments = cluster_events(events)
    clusters = [summarize(a) for a in assignments]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    blocks: dict[tuple, int] = {}
    for e in events:
        key = (e.family, e.day or e.doc_date)
        blocks[key] = blocks.get(key, 0) + 1
    items = {e.event_id: (gold[e.event_id], a.cluster_id) for a in assignments for e in a.members}
    p, r = bcubed(items)
    return {"events": len(events), "clusters": len(clusters), "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
            "largest_block": max(blocks.values()), "bcubed_p": round(p, 4), "bcubed_r": round(r, 4),
            "bcubed_f1": round(2 * p * r / (p + r), 4),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def write_store(path: Path, events: list[ClusterEvent]) -> None:
    import pyarrow as pa

    from marsad.store.db import Store

    with Store(path) as s:
        docs = pa.table({"doc_id": [e.doc_id for e in events], "date": [e.doc_date for e in events],
                         "source": [e.outlet for e in events], "lang": ["ar"] * len(events)})
        evs = pa.table({
            "event_id": [e.event_id for e in events], "doc_id": [e.doc_id for e in events],
            "date": [e.doc_date for e in events], "type": [e.type for e in events],
            "cameo": [e.cameo for e in events], "cameo_root": ["19"] * len(events), "modality": ["asserted"] * len(events),
            "location_entity": [e.location_entity for e in events],
            "location_country": [e.location_country for e in events],
            "time_value": [e.day.isoformat() if e.day else None for e in events],
            "time_relation": ["on" if e.day else None for e in events]})
        actors = [(e.event_id, e.doc_id, role, c, c[:3]) for e in events
                  for role, codes in (("source", e.source_codes), ("target", e.target_codes)) for c in codes]
        act = pa.table({"event_id": [a[0] for a in actors], "doc_id": [a[1] for a in actors],
                        "role": [a[2] for a in actors], "position": [0] * len(actors), "code": [a[3] for a in actors],
                        "country": [a[4] for a in actors]})
        qs = [(f"{e.doc_id}:q1", e.doc_id, [e.event_id], k, v) for e in events for k, v in e.quantities]
        qt = pa.table({"quantity_id": [q[0] for q in qs], "doc_id": [q[1] for q in qs],
                       "event_ids": [q[2] for q in qs], "kind": [q[3] for q in qs], "value": [q[4] for q in qs]})
        for name, table in (("documents", docs), ("events", evs), ("event_actors", act), ("quantities", qt)):
            s.con.register("_t", table)
            cols = ", ".join(f'"{c}"' for c in table.column_names)
            s.con.execute(f'INSERT INTO "{name}" ({cols}) SELECT {cols} FROM _t')
            s.con.unregister("_t")


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed_cli(args: list[str]) -> dict[str, object]:
    """Run ``marsad ARGS``; its peak RSS is the child's own VmHWM, sampled every 20 ms (``wait4``'s ru_maxrss
    would count this big bench process: Linux carries the peak of the forked copy across exec)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(Path(sys.executable).parent / "marsad"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _hwm_kb(proc.pid))
            time.sleep(0.02)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"marsad {' '.join(args)} failed: {err}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": round(time.perf_counter() - t0, 2), "children_cpu_seconds": round(usage.ru_utime +
            usage.ru_stime, 2), "peak_rss_mb": round(peak[0] / 1024, 1), "output": out.strip().splitlines()[-1:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--store", action="store_true", help="also time `marsad cluster --rebuild` on a store file")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    events, gold = generate(a.events, a.days)
    report: dict[str, object] = {"days": a.days, "engine": engine(events, gold)}
    if a.store:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.duckdb"
            extra, _ = generate(a.events // 100, 3, seed=24)
            last = START + dt.timedelta(days=a.days - 3)
            extra = [e.__class__(**{**{f: getattr(e, f) for f in e.__dataclass_fields__},
                                    "day": e.day and e.day + (last - START),
                                    "doc_date": e.doc_date + (last - START)}) for e in extra]
            write_store(db, events)
            report["store_rebuild"] = timed_cli(["cluster", "--db", str(db), "--rebuild"])
            write_store(db, extra)
            report["store_incremental"] = timed_cli(["cluster", "--db", str(db)])
            report["store_incremental"]["new_events"] = len(extra)
    print(json.dumps(report, indent=1) if a.json else report)


if __name__ == "__main__":
    main()
