"""The dashboard's "New names" tab in a real browser (Debian chromium via Playwright, as test_browser_dashboard.py)
against a real ``marsad serve`` over a store made by ``marsad ingest --ner`` from the project's own texts: the table
shows exactly what GET /v1/entities/unlinked says, Arabic names read right-to-left in both interface languages, and
pressing a name lists the events that mention it. Skipped, like the dashboard tests, without chromium or playwright
(the import below carries their skip)."""
from __future__ import annotations

import httpx
import pytest

from api.live import serving
from browser.test_browser_dashboard import ARTIFACTS, Recorder, chromium_context, expect
from store.nercorpus import ingest_ner

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-unlinked")
    db = ingest_ner(tmp / "ner.duckdb")
    with serving(db, tmp / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with chromium_context(tmp_path_factory.mktemp("chromium-profile-unlinked")) as ctx:
        yield ctx


@pytest.fixture()
def page(context, base, request, start):
    pg = context.new_page()
    rec = Recorder()
    pg.on("pageerror", lambda e: rec.errors.append(str(e)))
    pg.on("console", lambda m: rec.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: rec.urls.append(r.url))
    pg.goto(base + start)
    expect(pg.locator("#event-list")).to_have_attribute("aria-busy", "false")
    yield pg
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    pg.close()
    assert not rec.errors and not rec.console_errors and not rec.outside(), (rec.errors, rec.console_errors)


def open_tab(page) -> None:
    page.click("#tabs button[data-view=unlinked]")
    expect(page.locator("#unlinked-table")).to_have_attribute("aria-busy", "false")


def test_new_names_tab_shows_the_api_list(page, base):
    want = httpx.get(base + "/v1/entities/unlinked", params={"limit": 100}).json()
    assert want["items"]
    open_tab(page)
    rows = page.locator("#unlinked-table tbody tr")
    expect(rows).to_have_count(len(want["items"]))
    assert rows.evaluate_all("els => els.map(e => e.dataset.id)") == [it["id"] for it in want["items"]]
    assert page.locator("#unlinked-table .unlinked-name bdi").all_text_contents() == [it["name"]
                                                                                      for it in want["items"]]
    docs = page.locator("#unlinked-table tbody tr td:nth-child(4)").all_text_contents()
    assert docs == [str(it["docs"]) for it in want["items"]]
    assert page.locator("#unlinked-count").text_content().split()[-1] == str(want["total"])
    assert page.locator("#unlinked-table .kind").first.text_content() in ("شخص", "منظمة", "مكان")
    # the name keeps its own direction: an isolated right-to-left run in the right-to-left page
    assert page.evaluate("getComputedStyle(document.querySelector('#unlinked-table bdi')).direction") == "rtl"


def test_new_names_in_english_keep_the_arabic_right_to_left(page, base):
    page.click("#lang-toggle")
    open_tab(page)
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator("#unlinked-table th").first.text_content() == "Name"
    assert page.locator("#unlinked-table .kind").first.text_content() in ("person", "organization", "place")
    assert page.evaluate("getComputedStyle(document.querySelector('#unlinked-table bdi')).direction") == "rtl"
    page.click("#lang-toggle")
    assert page.locator("#unlinked-table th").first.text_content() == "الاسم"


def test_pressing_a_name_lists_the_events_that_mention_it(page, base):
    items = httpx.get(base + "/v1/entities/unlinked").json()["items"]
    target = next(it for it in items if it["events"])
    want = httpx.get(base + "/v1/events", params={"q": target["name"], "limit": 50}).json()
    assert want["total"] >= 1
    open_tab(page)
    page.locator(f'#unlinked-table .unlinked-name[data-id="{target["id"]}"]').click()
    expect(page.locator("#view-events")).to_be_visible()
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#f-q").input_value() == target["name"]
    shown = page.locator("#event-list .event-item").evaluate_all("els => els.map(e => e.dataset.id)")
    assert shown == [e["id"] for e in want["items"]]
