"""Screenshots of every dashboard view for the docs (``docs/screenshots/*.png``), refreshed by ``make docs-shots``.

    python tools/docs_shots.py [--out docs/screenshots] [--base http://127.0.0.1:PORT]

Without ``--base`` it codes the shipped demo corpus into a temporary DuckDB (``marsad demo``), starts ``marsad serve``
on a free loopback port and stops it after. Debian chromium (headless, through Playwright, never a downloaded
browser) opens each view in Arabic (and the list of tellings once in English) and saves one PNG per view at 1280x860:
``SHOTS`` names them. tests/browser/test_browser_docs_shots.py runs ``take()`` against its own server, so a view that
stops drawing fails a test before the docs go stale.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 860}
# file name -> what it shows (the README's captions)
SHOTS = {
    "acts.png": "the acts, the list the dashboard opens on: one row per act with how many tellings and outlets told it",
    "act.png": "an act's page: every telling of it, each opening its event page",
    "events.png": "every telling (the toggle above the list): filters in the address, CSV and Parquet downloads",
    "events-en.png": "the same list in English",
    "event.png": "an event page: every telling of a merged event highlighted with its own roles",
    "trends.png": "events over time by QuadClass, the conflict side below zero; a bar opens its events",
    "timeline.png": "the dyad timeline: cooperation up, conflict down, mean Goldstein",
    "network.png": "the directed actor network: arrows, loops for domestic pairs, the busiest actors",
    "map.png": "the map: places coloured by QuadClass, rings for country centroids, events without a place counted",
    "code.png": "coding a pasted text",
}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PASTED = ("قصفت طائرات حربية سوقا شعبية في مدينة إدلب يوم الخميس، ما أسفر عن 9 قتلى. "
          "واتهمت تركيا الحكومة السورية بخرق اتفاق التهدئة.")  # written for the screenshot


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def demo_server():
    """``marsad demo`` into a temporary store, then ``marsad serve`` over it; yields the base URL."""
    import httpx

    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        subprocess.run([sys.executable, "-m", "marsad", "demo", "--db", str(db)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("marsad serve did not start")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def _merged_event(base: str) -> str | None:
    """The id of an event with the most tellings (a merged event shows every telling highlighted)."""
    import httpx

    best, most = None, 0
    for item in httpx.get(base + "/v1/events", params={"limit": 1000}).json()["items"]:
        detail = httpx.get(base + "/v1/events/" + item["id"]).json()
        n = len(detail.get("tellings") or [])
        if n > most:
            best, most = item["id"], n
    return best


def _most_told_act(base: str) -> str | None:
    """The id of the act (event cluster) told by the most articles."""
    import httpx

    acts = [a for a in httpx.get(base + "/v1/clusters", params={"limit": 1000}).json()["items"] if a["clustered"]]
    return max(acts, key=lambda a: (a["n_mentions"], a["id"]))["id"] if acts else None


def take(base: str, out: Path, chromium: str | None = None) -> list[Path]:
    """Save one PNG per view of the dashboard at ``base`` into ``out``; return the files written."""
    from playwright.sync_api import expect, sync_playwright

    chromium = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        page = browser.new_page(viewport=VIEWPORT, locale="ar")
        page.set_default_timeout(20_000)

        def idle(selector: str) -> None:
            expect(page.locator(selector)).to_have_attribute("aria-busy", "false")

        def shot(name: str) -> None:
            page.wait_for_timeout(150)
            page.screenshot(path=str(out / name))
            written.append(out / name)

        def tab(view: str, busy: str) -> None:
            page.click(f"#tabs button[data-view={view}]")
            idle(busy)

        page.goto(base + "/")
        idle("#event-list")
        shot("acts.png")
        act = _most_told_act(base)
        if act:
            page.evaluate("id => openAct(id)", act)
            idle("#act-tellings")
        shot("act.png")
        page.goto(base + "/?count=mentions")
        idle("#event-list")
        shot("events.png")
        page.goto(base + "/?count=mentions&lang=en")
        idle("#event-list")
        shot("events-en.png")
        page.goto(base + "/")
        idle("#event-list")
        merged = _merged_event(base)
        if merged:
            page.evaluate("id => openEvent(id)", merged)
            page.wait_for_selector("#evidence")
            page.locator("#evidence").scroll_into_view_if_needed()
            page.evaluate("window.scrollTo(0, 0)")
        shot("event.png")
        page.goto(base + "/")
        idle("#event-list")
        tab("trends", "#counts-svg")
        shot("trends.png")
        tab("timeline", "#timeline-svg")
        shot("timeline.png")
        tab("network", "#network-svg")
        shot("network.png")
        tab("map", "#map-svg")
        shot("map.png")
        page.click("#tabs button[data-view=code]")
        page.fill("#code-text", PASTED)
        page.click("#code-run")
        page.wait_for_selector("#code-results li")
        idle("#code-results")
        shot("code.png")
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files (default docs/screenshots)")
    ap.add_argument("--base", help="a running marsad serve (default: start one over the demo corpus)")
    args = ap.parse_args(argv)
    if args.base:
        files = take(args.base, args.out)
    else:
        with demo_server() as base:
            files = take(base, args.out)
    for f in files:
        print(f"wrote {f.relative_to(ROOT) if f.is_relative_to(ROOT) else f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
