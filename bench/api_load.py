#!/usr/bin/env python
"""Load report for the REST API (not a test): concurrent clients on loopback against GET /v1/events and
POST /v1/code, reporting requests/s, latency percentiles and errors per route.

    .venv/bin/python bench/api_load.py                        # 8 clients, 30 s, over a fresh `marsad demo` store
    .venv/bin/python bench/api_load.py --clients 8 --duration 30 --db marsad.duckdb --json bench/api_load.json
    .venv/bin/python bench/api_load.py --url http://127.0.0.1:8000   # an already running `marsad serve`

Unless ``--url`` is given, it starts ``marsad serve`` as a child process on a free 127.0.0.1 port (one uvicorn
worker, as a user starts it) over ``--db`` or over a temporary store built with ``marsad demo``, waits for /healthz,
warms the coder with one request, runs the load, and stops the server. The run is bounded twice: ``--duration``
seconds (at most 600) and ``--max-requests`` per client. Each client is a keep-alive HTTP/1.1 connection that sends
its next request as soon as the previous answer is read (closed loop), cycling through a fixed mix of event queries
(no filter, actor, dyad, type, full text, a cursor page) and of short Arabic and English texts to code, so the
figures are repeatable. Any non-2xx answer or transport error counts as an error; the exit code is 1 when there
were errors.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

# Project-written texts, short news-style sentences (Arabic first, as the users' sources are).
TEXTS = [
    ("اجتمع وزير الخارجية المصري مع نظيره الأردني في عمّان يوم الأحد لبحث التعاون الاقتصادي بين البلدين.", "ar"),
    ("أعلنت الحكومة التركية فرض عقوبات على شركات إيرانية، فيما نددت طهران بالقرار ووصفته بأنه عدائي.", "ar"),
    ("The Japanese defence minister met his American counterpart in Tokyo on Tuesday to discuss joint exercises.",
     "en"),
    ("قصفت طائرات حربية مواقع في شمال سوريا فجر الخميس، ما أسفر عن مقتل ثلاثة مدنيين وإصابة آخرين.", "ar"),
    ("Egypt and Saudi Arabia signed an agreement in Riyadh on Monday to expand trade, officials said.", "en"),
]
EVENT_QUERIES = [
    {"limit": 50},
    {"actor": "USA", "limit": 50},
    {"dyad": "SAU,IRN", "undirected": "true", "limit": 50},
    {"type": "ASSAULT", "limit": 20},
    {"q": "عسكرية", "limit": 20},
    {"quad_class": 1, "since": "2020-01-01", "limit": 50},
]


@dataclass
class RouteStats:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(what)


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of an ascending list; 0.0 for an empty one."""
    if not sorted_values:
        return 0.0
    rank = max(1, min(len(sorted_values), int(-(-q * len(sorted_values) // 100))))
    return sorted_values[rank - 1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}  # read-only, as a public server runs
    out = open(log, "wb")  # noqa: SIM115 - owned by the process; closed by the OS when this script exits
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"marsad serve exited with {proc.returncode}: {log.read_text(errors='replace')[-800:]}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise SystemExit("marsad serve did not answer /healthz within 90 s")
        time.sleep(0.2)


async def client(base: str, index: int, routes: list[str], stop_at: float, max_requests: int,
                 stats: dict[str, RouteStats], cursor: str | None) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        for n in range(max_requests):
            if time.perf_counter() >= stop_at:
                return
            route = routes[(index + n) % len(routes)]
            k = index * 7 + n
            try:
                started = time.perf_counter()
                if route == "events":
                    params = dict(EVENT_QUERIES[k % len(EVENT_QUERIES)])
                    if cursor and k % 5 == 4:
                        params = {"limit": 50, "cursor": cursor}
                    resp = await http.get("/v1/events", params=params)
                else:
                    text, lang = TEXTS[k % len(TEXTS)]
                    resp = await http.post("/v1/code", json={"text": text, "lang": lang, "date": "2025-03-02"})
                body = resp.content
                elapsed = time.perf_counter() - started
            except httpx.HTTPError as exc:
                stats[route].error(f"{type(exc).__name__}: {exc}")
                continue
            if resp.status_code // 100 != 2:
                stats[route].error(f"{resp.status_code}: {body[:200]!r}")
                continue
            stats[route].latencies.append(elapsed)


async def run_load(base: str, clients: int, duration: float, max_requests: int, routes: list[str]
                   ) -> tuple[dict[str, RouteStats], float]:
    first = httpx.get(base + "/v1/events", params={"limit": 50}, timeout=60).json()
    stats = {r: RouteStats() for r in routes}
    started = time.perf_counter()
    stop_at = started + duration
    await asyncio.gather(*(client(base, i, routes, stop_at, max_requests, stats, first.get("next_cursor"))
                           for i in range(clients)))
    return stats, time.perf_counter() - started


def report(stats: dict[str, RouteStats], wall: float, args: argparse.Namespace, base: str) -> dict:
    out: dict = {"clients": args.clients, "duration_s": round(wall, 2), "url": base, "routes": {},
                 "python": platform.python_version(), "cpus": os.cpu_count(),
                 "load_average": [round(x, 2) for x in os.getloadavg()]}
    total_ok = total_err = 0
    for route, st in stats.items():
        lat = sorted(st.latencies)
        total_ok += len(lat)
        total_err += st.errors
        out["routes"][route] = {
            "path": "GET /v1/events" if route == "events" else "POST /v1/code",
            "requests": len(lat), "errors": st.errors, "rps": round(len(lat) / wall, 1),
            "p50_ms": round(1000 * percentile(lat, 50), 1), "p95_ms": round(1000 * percentile(lat, 95), 1),
            "p99_ms": round(1000 * percentile(lat, 99), 1), "max_ms": round(1000 * (lat[-1] if lat else 0), 1),
            "error_samples": st.error_samples}
    all_lat = sorted(x for st in stats.values() for x in st.latencies)
    out["total"] = {"requests": total_ok, "errors": total_err, "rps": round(total_ok / wall, 1),
                    "p99_ms": round(1000 * percentile(all_lat, 99), 1)}
    return out


def print_table(rep: dict) -> None:
    print(f"API load: {rep['clients']} clients, {rep['duration_s']} s, {rep['url']} "
          f"(cpus {rep['cpus']}, load average at end {rep['load_average']})")
    print(f"{'route':<16} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8}")
    for r in list(rep["routes"].values()) + [dict(rep["total"], path="all")]:
        print(f"{r['path']:<16} {r['requests']:>8} {r['errors']:>6} {r['rps']:>8} {r.get('p50_ms', ''):>8} "
              f"{r.get('p95_ms', ''):>8} {r['p99_ms']:>8} {r.get('max_ms', ''):>8}")
    for r in rep["routes"].values():
        for sample in r["error_samples"]:
            print(f"  error {r['path']}: {sample}")


def _rss_mb(pid: int) -> dict[str, float]:
    """The server's resident memory now and at its peak (VmRSS, VmHWM in /proc), in MB; empty off Linux."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    kb = {k: int(v.split()[0]) for k, _, v in (x.partition(":") for x in lines) if k in ("VmRSS", "VmHWM")}
    return {"server_rss_mb": round(kb["VmRSS"] / 1024, 1), "server_peak_rss_mb": round(kb["VmHWM"] / 1024, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load (at most 600)")
    ap.add_argument("--max-requests", type=int, default=100_000, help="per client")
    ap.add_argument("--routes", default="events,code", help="comma list of: events, code")
    ap.add_argument("--db", type=Path, help="DuckDB store to serve (default: a fresh `marsad demo` store)")
    ap.add_argument("--url", help="load an already running server instead of starting one")
    ap.add_argument("--json", type=Path, help="also write the report as JSON here")
    args = ap.parse_args(argv)
    if not 1 <= args.clients <= 64:
        ap.error("--clients must be between 1 and 64")
    if not 0 < args.duration <= 600:
        ap.error("--duration must be more than 0 and at most 600 seconds")
    routes = [r.strip() for r in args.routes.split(",") if r.strip()]
    if not routes or set(routes) - {"events", "code"}:
        ap.error("--routes takes events and/or code")

    proc = None
    with tempfile.TemporaryDirectory(prefix="marsad-load-") as tmp:
        base = args.url
        if not base:
            db = args.db
            if db is None:
                db = Path(tmp) / "demo.duckdb"
                print("building the demo store ...", file=sys.stderr)
                subprocess.run([sys.executable, "-m", "marsad", "demo", "--db", str(db)], check=True,
                               stdout=subprocess.DEVNULL)
            elif not db.exists():
                ap.error(f"--db {db} does not exist")
            proc, base = start_server(db, Path(tmp) / "serve.log")
        try:
            httpx.post(base + "/v1/code", json={"text": TEXTS[0][0]}, timeout=120).raise_for_status()  # warm-up
            stats, wall = asyncio.run(run_load(base, args.clients, args.duration, args.max_requests, routes))
            memory = _rss_mb(proc.pid) if proc is not None else {}
        finally:
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    rep = report(stats, wall, args, base)
    rep.update(memory)
    print_table(rep)
    if memory:
        print(f"server RSS at the end {memory['server_rss_mb']} MB, peak {memory['server_peak_rss_mb']} MB")
    if args.json:
        args.json.write_text(json.dumps(rep, indent=2) + "\n", encoding="utf-8")
    return 1 if rep["total"]["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
