"""The dashboard's minimum-confidence control in a real browser (Debian chromium via Playwright) against a real
``marsad serve`` over a store of hand-built events with known confidences (``store.docfactory.confidence_docs``:
0.95, 0.85, 0.70, 0.55, 0.45, 0.30). What the page lists is compared with what the API says.
"""
from __future__ import annotations

import os

import pytest

from browser.test_browser_dashboard import api, chromium_context, expect, page, serving  # noqa: F401 - api, page:
# the same fixtures (an API client; a page that records requests and errors and checks them) over this module's server
from marsad.export.tables import DocMeta
from marsad.store import Store
from store.docfactory import confidence_docs

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``marsad serve`` (read-only, no token) on a free loopback port over the hand-built store."""
    tmp = tmp_path_factory.mktemp("browser-conf")
    db = tmp / "conf.duckdb"
    with Store(db) as store:
        store.upsert_documents([(d, DocMeta(title="t", source="desk")) for d in confidence_docs()])
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    with serving(db, tmp / "serve.log", env) as base:
        yield base


@pytest.fixture(scope="module")
def confidence_of(api) -> dict[str, float]:
    items = api.get("/v1/events", params={"limit": 100}).json()["items"]
    assert sorted(e["confidence"] for e in items) == [0.30, 0.45, 0.55, 0.70, 0.85, 0.95]
    return {e["id"]: e["confidence"] for e in items}


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with chromium_context(tmp_path_factory.mktemp("chromium-profile-conf")) as ctx:
        yield ctx


def _apply(page) -> None:
    page.click("#f-apply")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")


def _shown(page) -> list[str]:
    return page.locator("#event-list .event-item").evaluate_all("els => els.map(e => e.dataset.id)")


def _count(page) -> int:
    return int(page.locator("#event-count").text_content().split()[0])


# ---- tests -------------------------------------------------------------------------------------------------------
def test_the_control_sits_with_the_filters_and_is_labelled_in_both_languages(page):
    box = page.locator("#filters input#f-min-confidence")
    assert [box.get_attribute(k) for k in ("type", "min", "max", "step", "name")] == [
        "number", "0", "1", "0.05", "min_confidence"]
    assert box.input_value() == ""
    label = page.locator("label:has(#f-min-confidence) [data-i18n]")
    assert label.text_content() == "الحد الأدنى للثقة"
    page.click("#lang-toggle")
    assert label.text_content() == "Minimum confidence"


@pytest.mark.parametrize("value", ["0.5", "0.7", "0.95", "1"])
def test_setting_the_bar_shrinks_the_list_to_events_at_or_above_it(page, api, confidence_of, value):
    assert _count(page) == len(_shown(page)) == 6
    page.fill("#f-min-confidence", value)
    _apply(page)
    want = {i for i, c in confidence_of.items() if c >= float(value)}
    shown = _shown(page)
    assert set(shown) == want and len(shown) == len(want) < 6
    assert all(confidence_of[i] >= float(value) for i in shown)
    assert _count(page) == len(want)
    # the page is a client of the API: same events, same order, and the bar went out as min_confidence
    page_api = api.get("/v1/events", params={"min_confidence": value, "limit": 50}).json()
    assert shown == [e["id"] for e in page_api["items"]]
    assert any("/v1/events?" in u and f"min_confidence={value}&" in u + "&" for u in page.recorder.urls)


def test_the_bar_survives_the_language_switch_and_a_map_point_and_reset_clears_it(page, api, confidence_of):
    page.fill("#f-min-confidence", "0.7")
    _apply(page)
    barred = _shown(page)
    assert len(barred) == 3
    page.click("#lang-toggle")  # the list is drawn again in English, from the same events
    assert page.locator("#f-min-confidence").input_value() == "0.7" and _shown(page) == barred
    # the map draws the events the current filters (and the bar) let through: 0.95 and 0.70 at "Japan", 0.85 at
    # "Egypt" (the 0.30 event at "Egypt" is under the bar)
    page.click("#tabs button[data-view=map]")
    expect(page.locator("#map-svg")).to_have_attribute("aria-busy", "false")
    counts = dict(page.locator("#map-svg circle.point").evaluate_all(
        "els => els.map(e => [e.dataset.place, Number(e.dataset.count)])"))
    assert counts == {"Japan": 2, "Egypt": 1}
    # pressing a point replaces the filters with its place; the bar stays
    point = page.locator('#map-svg circle.point[data-place="Egypt"]')
    point.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#view-events").is_visible() and page.locator("#f-place").input_value() == "Egypt"
    assert page.locator("#f-min-confidence").input_value() == "0.7"
    want = api.get("/v1/events", params={"place": "Egypt", "min_confidence": "0.7"}).json()
    assert api.get("/v1/events", params={"place": "Egypt"}).json()["total"] == 2
    assert _shown(page) == [e["id"] for e in want["items"]] and _count(page) == want["total"] == 1
    # reset clears every filter, the bar included, and the list is whole again
    page.click("#f-reset")
    expect(page.locator("#event-count")).to_have_text("6 events")
    assert page.locator("#f-min-confidence").input_value() == "" and len(_shown(page)) == 6


def test_a_value_outside_0_to_1_is_refused_by_the_form_and_never_sent(page):
    page.fill("#f-min-confidence", "1.5")
    assert page.locator("#f-min-confidence").evaluate("e => e.validity.rangeOverflow") is True
    page.click("#f-apply")  # the browser's own validation stops the submit
    page.fill("#f-min-confidence", "0.85")
    _apply(page)
    assert _count(page) == 2
    sent = [u for u in page.recorder.urls if "min_confidence=" in u]
    assert sent and not [u for u in sent if "min_confidence=1.5" in u]
