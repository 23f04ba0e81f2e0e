"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright, against a real
``marsad serve`` process on 127.0.0.1 over a DuckDB built by ``marsad demo`` plus articles carrying XSS payloads.

Every check compares what the page shows with what the JSON API says (the page is a client of the API), so a
test fails when either drifts. Screenshots go to ``artifacts/browser/`` (gitignored). The whole module is skipped,
with the reason, when chromium or the playwright package is missing; it never downloads a browser.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from api import live

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Project-written texts. The payloads sit inside sentences that code to events, so the evidence the event page
# renders contains them verbatim.
XSS_ARTICLES = [
    ("Protesters <script>window.__xss=1</script> rallied in Paris <img src=x onerror=\"window.__xss=2\"> against "
     "the war on Sunday.", "2024-06-02", "en"),
    ("تظاهر محتجون <script>window.__xss=3</script> أمام السفارة الروسية في بيروت <img src=x "
     "onerror=\"window.__xss=4\"> احتجاجًا على قصف أوكرانيا.", "2024-06-03", "ar"),
]
PASTED_AR = ("وقّعت مصر والأردن اتفاقًا للتعاون الاقتصادي في القاهرة يوم الأحد، فيما اتهمت إيران الولايات المتحدة "
             "بتهديد أمنها.")

if CHROMIUM is None:
    pytest.skip("chromium is not installed (Debian: apt-get install chromium; `make test` does it)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
expect = sync_api.expect


TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory):
    """Start ``marsad demo`` into a fresh DuckDB at once, so that chromium can start while it runs."""
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "dash.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "demo", "--db", str(db)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    yield tmp, db, proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    proc.stderr.close()


def serving(db: Path, log_path: Path, env: dict[str, str]):
    """A real ``marsad serve`` process over ``db`` with the environment ``env`` (tests/api/live.py)."""
    return live.serving(db, log_path, env=env)


@pytest.fixture(scope="module")
def server(demo_build):
    """A real ``marsad serve`` process (write route on, with a token) on a free loopback port over the demo
    store; the XSS articles go in through POST /v1/documents. Yields the base URL."""
    tmp, db, build = demo_build
    _, err = build.communicate(timeout=180)
    if build.returncode != 0:
        raise RuntimeError(f"marsad demo failed: {err.decode(errors='replace')[-2000:]}")
    with serving(db, tmp / "serve.log", dict(os.environ, MARSAD_TOKEN=TOKEN)) as base:
        docs = [{"text": t, "date": d, "lang": lang, "title": "<b onmouseover=alert(1)>" + t[:20],
                 "source": "<i>test</i>"} for t, d, lang in XSS_ARTICLES]
        added = httpx.post(base + "/v1/documents", json={"documents": docs}, timeout=60,
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert added.status_code == 200 and added.json()["events"] >= len(XSS_ARTICLES), added.text
        yield base


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def context(demo_build, tmp_path_factory):
    with chromium_context(tmp_path_factory.mktemp("chromium-profile")) as ctx:
        yield ctx


@contextmanager
def chromium_context(profile: Path):
    """Debian chromium through Playwright, headless, Arabic locale, a persistent profile in ``profile``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, locale="ar")
        ctx.set_default_timeout(15_000)
        yield ctx
        ctx.close()


class Recorder:
    """Every request the page makes and every uncaught page error."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []
        self.console_errors: list[str] = []

    def outside(self) -> list[str]:
        return [u for u in self.urls
                if not u.startswith(("data:", "about:")) and urlparse(u).hostname != "127.0.0.1"]


@pytest.fixture()
def page(context, server, request, start):
    pg = context.new_page()
    rec = Recorder()
    pg.on("request", lambda r: rec.urls.append(r.url))
    pg.on("pageerror", lambda e: rec.errors.append(str(e)))
    pg.on("console", lambda m: rec.console_errors.append(m.text) if m.type == "error" else None)
    pg.recorder = rec
    pg.goto(server + start)
    expect(pg.locator("#event-list")).to_have_attribute("aria-busy", "false")
    yield pg
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    pg.close()
    assert not rec.errors, f"uncaught errors in the page: {rec.errors}"
    assert not rec.console_errors, f"console errors (CSP violations show here): {rec.console_errors}"
    assert not rec.outside(), f"requests left 127.0.0.1: {rec.outside()}"


def _top_dyad(api) -> tuple[str, str]:
    totals: dict[tuple[str, str], int] = {}
    for row in api.get("/v1/dyads", params={"count": "mentions"}).json()["items"]:
        key = (row["source"], row["target"])
        totals[key] = totals.get(key, 0) + row["events"]
    if ("RUS", "UKR") in totals:
        return ("RUS", "UKR")
    return max(totals, key=lambda k: (totals[k], k))


def _apply_filters(page, **values: str) -> None:
    for name, value in values.items():
        page.fill(f"#f-{name}", value)
    page.click("#f-apply")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")


def _joined(page, selector: str) -> str:
    return "".join(page.locator(selector).all_text_contents())


# ---- tests -------------------------------------------------------------------------------------------------------
def test_dashboard_opens_rtl_and_lists_events(page, api):
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    total = api.get("/v1/events").json()["total"]
    assert page.locator("#event-count").text_content().split()[0] == str(total)
    assert page.locator("#event-list li").count() == min(total, 50)
    assert page.locator("#more").is_visible() == (total > 50)


def test_filter_by_dyad_shows_exactly_the_api_page(page, api):
    a, b = _top_dyad(api)
    _apply_filters(page, dyad=f"{a},{b}")
    want = api.get("/v1/events", params={"dyad": f"{a},{b}", "limit": 50}).json()
    assert want["items"], f"the demo store has no {a},{b} events"
    assert page.locator("#event-count").text_content().split()[0] == str(want["total"])
    shown = page.locator("#event-list .event-item").evaluate_all("els => els.map(e => e.dataset.id)")
    assert shown == [e["id"] for e in want["items"]]


def test_event_page_highlights_the_evidence_trigger_and_actors(page, api):
    a, b = _top_dyad(api)
    _apply_filters(page, dyad=f"{a},{b}")
    first = page.locator("#event-list .event-item").first
    event_id = first.get_attribute("data-id")
    first.click()
    page.wait_for_selector("#evidence")
    ev = api.get(f"/v1/events/{event_id}").json()
    text = ev["document"]["text"]
    assert page.locator("#article").text_content() == text
    assert page.locator("#evidence").text_content() == ev["evidence"]["text"]
    assert _joined(page, "#evidence .hl-trigger") == ev["trigger"]["text"]
    e0, e1 = ev["evidence"]["start"], ev["evidence"]["end"]
    inside = [x["text"] for x in ev["source"] + ev["target"]
              if x.get("start") is not None and e0 <= x["start"] and x["end"] <= e1 and x["text"]]
    actors = page.locator("#evidence .hl-actor").all_text_contents()
    for name in inside:
        assert any(name in got or got in name for got in actors), (name, actors)
    want_dir = "rtl" if ev["document"]["lang"] == "ar" else "ltr"
    assert page.locator("#article").get_attribute("dir") == want_dir
    assert page.evaluate("document.activeElement.id") == "back"


def test_event_page_highlights_the_place_inside_the_evidence(page, api):
    items = api.get("/v1/events", params={"limit": 1000}).json()["items"]
    target = None
    for item in items:
        if not item["location"] or not item["location"]["entity"]:
            continue
        ev = api.get(f"/v1/events/{item['id']}").json()
        e0, e1 = ev["evidence"]["start"], ev["evidence"]["end"]
        mentions = [m for en in ev["entities"] if en["id"] == ev["location"]["entity"] for m in en["mentions"]
                    if e0 <= m["start"] and m["end"] <= e1]
        if mentions and all(not (m["start"] < ev["trigger"]["end"] and ev["trigger"]["start"] < m["end"])
                            for m in mentions):
            target = (ev, mentions)
            break
    if target is None:
        pytest.fail("no event of the demo store has its place mentioned inside its evidence")
    ev, mentions = target
    page.evaluate("id => openEvent(id)", ev["id"])
    page.wait_for_selector("#evidence .hl-place")
    places = page.locator("#evidence .hl-place").all_text_contents()
    assert "".join(places) == "".join(m["text"] for m in mentions)


def test_code_a_pasted_arabic_text(page, api):
    page.click("#tabs button[data-view=code]")
    page.fill("#code-text", PASTED_AR)
    page.click("#code-run")
    page.wait_for_selector("#code-results li")
    want = api.post("/v1/code", json={"text": PASTED_AR}).json()
    assert want["events"]
    assert page.locator("#code-results li").count() == len(want["events"])
    assert page.locator("#code-results .coded-trigger").all_text_contents() == [e["trigger"]["text"]
                                                                                for e in want["events"]]
    assert page.locator("#code-status").text_content().split()[0] == str(len(want["events"]))
    # the pasted text is shown with the chosen event highlighted, the first one at once
    for i in (0, len(want["events"]) - 1):
        page.locator("#code-results .coded-item").nth(i).click()
        ev = want["events"][i]
        expect(page.locator("#code-article mark.hl-evidence")).to_have_text(ev["evidence"]["text"])
        assert _joined(page, "#code-article .hl-trigger") == ev["trigger"]["text"]
        if ev["time"] and ev["time"]["start"] is not None:
            assert _joined(page, "#code-article .hl-time") == ev["time"]["text"]
    assert page.locator("#code-article").text_content() == PASTED_AR
    assert page.locator("#code-article").get_attribute("dir") == "rtl"


def test_code_box_reports_an_api_error_in_one_line(page):
    page.click("#tabs button[data-view=code]")
    page.fill("#code-text", "")
    page.click("#code-run")
    expect(page.locator("#code-results")).to_have_attribute("aria-busy", "false")
    assert page.locator("#code-status").text_content().strip()
    assert page.locator("#code-results li").count() == 0


def test_switch_to_english_and_back(page, api):
    page.click("#lang-toggle")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    assert page.locator("#tabs button[data-view=events]").text_content() == "Events"
    assert page.locator("#lang-toggle").text_content() == "العربية"
    assert "events" in page.locator("#event-count").text_content()
    english = next(e for e in api.get("/v1/events", params={"limit": 1000}).json()["items"]
                   if api.get(f"/v1/events/{e['id']}").json()["document"]["lang"] == "en")
    page.evaluate("id => openEvent(id)", english["id"])
    expect(page.locator("#evidence")).to_have_text(english["evidence"]["text"])
    assert page.locator("#article").get_attribute("dir") == "ltr"
    assert page.locator("#event-facts dt").first.text_content() == "Source"
    page.screenshot(path=str(ARTIFACTS / "english_event_page.png"), full_page=True)
    page.click("#back")
    expect(page.locator("#view-events")).to_be_visible()
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("#tabs button[data-view=events]").text_content() == "الأحداث"


def _tab_until(page, predicate_js: str, limit: int = 40, key: str = "Tab") -> None:
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"Tab never reached the element ({predicate_js})")


def test_keyboard_only_navigation(page, api):
    _tab_until(page, "document.activeElement.dataset.view === 'timeline'")
    page.keyboard.press("Enter")
    assert page.locator("#view-timeline").is_visible()
    assert page.locator("#tabs button[data-view=timeline]").get_attribute("aria-pressed") == "true"
    expect(page.locator("#timeline-svg")).to_have_attribute("aria-busy", "false")
    _tab_until(page, "document.activeElement.dataset.view === 'events'", limit=10, key="Shift+Tab")
    page.keyboard.press("Enter")
    assert page.locator("#view-events").is_visible()
    _tab_until(page, "document.activeElement.classList.contains('event-item')")
    event_id = page.evaluate("document.activeElement.dataset.id")
    page.keyboard.press("Enter")
    page.wait_for_selector("#evidence")
    assert page.locator("#evidence").text_content() == api.get(f"/v1/events/{event_id}").json()["evidence"]["text"]
    assert page.evaluate("document.activeElement.id") == "back"
    page.keyboard.press("Enter")
    expect(page.locator("#view-events")).to_be_visible()
    expect(page.locator(f'.event-item[data-id="{event_id}"]')).to_be_focused()


def test_untrusted_article_text_is_never_executed(page, api):
    found = api.get("/v1/events", params={"q": "__xss", "limit": 100}).json()["items"]
    assert len({e["doc_id"] for e in found}) == len(XSS_ARTICLES)
    _apply_filters(page, q="__xss")
    assert page.locator("#event-list .event-item").count() == len(found)
    for ev in found:
        page.evaluate("id => openEvent(id)", ev["id"])
        expect(page.locator("#evidence")).to_have_text(ev["evidence"]["text"])
        assert "<script>" in page.locator("#article").text_content()
        assert page.locator("#article script, #article img, #event-list img, #event-list script").count() == 0
    page.click("#tabs button[data-view=code]")
    page.fill("#code-text", XSS_ARTICLES[0][0])
    page.click("#code-run")
    page.wait_for_selector("#code-results li")
    page.click("#tabs button[data-view=map]")
    expect(page.locator("#map-svg")).to_have_attribute("aria-busy", "false")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img").count() == 0
    assert not [u for u in page.recorder.urls if urlparse(u).path.rstrip("/").endswith("/x")]


def test_dyad_timeline_draws_the_api_series(page, api):
    a, b = _top_dyad(api)
    page.click("#tabs button[data-view=timeline]")
    page.fill("#t-a", a)  # typing while the busiest pair is still loading: the page must not overwrite it
    page.fill("#t-b", b)
    page.click("#t-show")
    expect(page.locator("#timeline-svg")).to_have_attribute("aria-busy", "false")
    rows = [r for r in api.get("/v1/dyads", params={"by": "month", "count": "mentions"}).json()["items"]
            if {r["source"], r["target"]} == {a, b} and (r["source"], r["target"]) in ((a, b), (b, a))]
    periods = {str(r["period"])[:7] for r in rows}
    assert periods
    # expect() retries: on a loaded machine the drawing may land a moment after aria-busy first reads false
    expect(page.locator("#timeline-svg .bar-coop")).to_have_count(len(periods))
    expect(page.locator("#timeline-table tr")).to_have_count(len(periods) + 1)
    conflict = sum(r["q3"] + r["q4"] for r in rows)
    shown = sum(int(x) for x in page.locator("#timeline-table tr td:nth-child(3)").all_text_contents())
    assert shown == conflict


def test_actor_network_and_map(page, api):
    page.click("#tabs button[data-view=network]")
    page.wait_for_selector("#network-svg .node")
    net = api.get("/v1/network", params={"count": "mentions"}).json()
    assert page.locator("#network-svg .node").count() == min(len(net["nodes"]), int(page.input_value("#n-top")))
    assert page.locator("#network-svg .edge").count() > 0
    page.screenshot(path=str(ARTIFACTS / "actor_network.png"), full_page=True)
    page.click("#tabs button[data-view=map]")
    expect(page.locator("#map-svg")).to_have_attribute("aria-busy", "false")
    assert page.locator("#map-svg path.country").count() > 150
    items = api.get("/v1/events", params={"limit": 1000}).json()["items"]
    located = [e for e in items if e["location"] and e["location"]["lat"] is not None]
    assert located
    places = {(e["location"]["name"], e["location"]["lat"], e["location"]["lon"]) for e in located}
    points = page.locator("#map-svg circle.point")
    assert points.count() == len(places)
    assert sum(int(c) for c in points.evaluate_all("els => els.map(e => e.dataset.count)")) == len(located)
    assert page.locator("#map-count").text_content().split()[0] == str(len(located))
    # no country outline streaks across the map (rings crossing the antimeridian are unwrapped)
    longest = page.locator("#map-svg path.country").evaluate_all("""els => Math.max(...els.map(e => {
        let widest = 0;
        for (const ring of e.getAttribute('d').split('M').filter(Boolean)) {
            const xs = ring.replace('Z', '').split('L').map(p => parseFloat(p.split(',')[0]));
            for (let i = 1; i < xs.length; i++) widest = Math.max(widest, Math.abs(xs[i] - xs[i - 1]));
        }
        return widest;
    }))""")
    assert longest < 960 / 4, f"a country outline jumps {longest:.0f} px across the map"


def test_map_point_filters_the_events_by_place(page, api):
    page.click("#tabs button[data-view=map]")
    expect(page.locator("#map-svg")).to_have_attribute("aria-busy", "false")
    point = page.locator("#map-svg circle.point").first
    name, count = point.get_attribute("data-place"), int(point.get_attribute("data-count"))
    point.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#view-events").is_visible() and page.locator("#f-place").input_value() == name
    want = api.get("/v1/events", params={"place": name}).json()
    assert want["total"] >= count
    assert page.locator("#event-count").text_content().split()[0] == str(want["total"])


def test_api_reference_page_renders_offline(page, server, api):
    page.goto(server + "/docs")
    expect(page.locator("#api-docs")).to_have_attribute("aria-busy", "false")
    spec = api.get("/openapi.json").json()
    operations = sum(len(ops) for ops in spec["paths"].values())
    assert page.locator("section.route").count() == operations
    assert page.locator("section.route h2 code").first.text_content().split()[1] in spec["paths"]


def test_event_pages_have_addresses_and_the_back_button_works(page, server, api):
    item = api.get("/v1/events", params={"type": "ASSAULT", "limit": 1}).json()["items"][0]
    page.goto(server + "/#event=" + item["id"])
    expect(page.locator("#evidence")).to_have_text(item["evidence"]["text"])
    page.goto(server + "/?count=mentions")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    page.locator("#event-list .event-item").nth(1).click()
    expect(page.locator("#view-event")).to_be_visible()
    assert "#event=" in page.url
    page.go_back()
    expect(page.locator("#view-events")).to_be_visible()
    assert "#event=" not in page.url
    page.goto(server + "/#event=no-such-event")
    expect(page.locator("#notice")).to_contain_text("no-such-event")
    # the 404 of that unknown event is the one console error this test expects
    expected = [m for m in page.recorder.console_errors if "404" in m]
    assert len(expected) == 1
    page.recorder.console_errors.remove(expected[0])


def test_the_last_filter_wins_when_answers_cross(page, api):
    a, b = _top_dyad(api)
    page.fill("#f-dyad", f"{a},{b}")
    page.click("#f-apply")
    page.fill("#f-dyad", "")
    page.select_option("#f-type", "CONSULT")
    page.click("#f-apply")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    want = api.get("/v1/events", params={"type": "CONSULT", "limit": 50}).json()
    shown = page.locator("#event-list .event-item").evaluate_all("els => els.map(e => e.dataset.id)")
    assert shown == [e["id"] for e in want["items"]]
    assert page.locator("#event-count").text_content().split()[0] == str(want["total"])


def test_a_link_can_open_the_english_interface(page, server):
    page.goto(server + "/?count=mentions&lang=en")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    assert "events" in page.locator("#event-count").text_content()
