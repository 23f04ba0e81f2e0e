"""The analyst's desk in a real browser (Debian chromium via Playwright) against a real ``marsad serve`` over a store
of articles written for these tests (tests/api/desk_texts.py): every telling of a merged event highlighted with its
own roles, the Parquet download of the filtered list, the charts (counts over time with click-through, the
directed network, the map by QuadClass) and the Arabic count words, each compared with what the API says."""
from __future__ import annotations

import io
import os

import pyarrow.parquet as pq
import pytest

from api.desk_texts import build
from browser.test_browser_dashboard import api, chromium_context, expect, page, serving  # noqa: F401 - api, page:
# the shared fixtures (an API client; a page that records requests and errors and checks them) over this server

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-desk")
    db = tmp / "desk.duckdb"
    build(db)
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    with serving(db, tmp / "serve.log", env) as base:
        yield base


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with chromium_context(tmp_path_factory.mktemp("chromium-profile-desk")) as ctx:
        yield ctx


# The Arabic noun after a number (CLDR's plural categories of Arabic, by the last two digits), as an Arabic reader
# expects it: the table the page's countText must follow.
AR_EVENT = [(0, "حدث"), (1, "حدث"), (2, "حدثان"), (3, "أحداث"), (7, "أحداث"), (10, "أحداث"), (11, "حدثًا"),
            (25, "حدثًا"), (99, "حدثًا"), (100, "حدث"), (101, "حدث"), (102, "حدث"), (103, "أحداث"), (111, "حدثًا"),
            (1000, "حدث"), (1004, "أحداث")]


def arabic_count(n: int) -> str:
    """'3 أحداث', '11 حدثًا': a number of events in Arabic with the agreeing noun."""
    r = n % 100
    word = "حدث" if n in (0, 1) else "حدثان" if n == 2 else "أحداث" if 3 <= r <= 10 else "حدثًا" if 11 <= r else "حدث"
    return f"{n} {word}"


def _apply(page, **values: str) -> None:
    for name, value in values.items():
        if name in ("type", "quad_class"):
            page.select_option(f"#f-{name.replace('_', '-')}", value)
        else:
            page.fill(f"#f-{name.replace('_', '-')}", value)
    page.click("#f-apply")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")


def _shown(page) -> list[str]:
    return page.locator("#event-list .event-item").evaluate_all("els => els.map(e => e.dataset.id)")


def _joined(page, selector: str) -> str:
    return "".join(page.locator(selector).all_text_contents())


# ---- every telling highlighted -----------------------------------------------------------------------------------
@pytest.mark.parametrize("actor, later", [("SYR", ("قتلوا", "6 مدنيين")), ("ETH", ("were killed", "eleven civilians"))])
def test_every_telling_is_highlighted_with_its_own_roles(page, api, actor, later):
    (item,) = api.get("/v1/events", params={"actor": actor, "type": "ASSAULT"}).json()["items"]
    ev = api.get(f"/v1/events/{item['id']}").json()
    assert len(ev["tellings"]) == 2
    page.evaluate("id => openEvent(id)", ev["id"])
    page.wait_for_selector("#evidence")
    assert page.locator("#article").text_content() == ev["document"]["text"]
    marks = page.locator("#article mark.hl-telling")
    expect(marks).to_have_count(2)
    for i, telling in enumerate(ev["tellings"]):
        mark = f'#article mark.hl-telling[data-telling="{i}"]'
        assert page.locator(mark).text_content() == telling["text"]
        assert _joined(page, mark + " .hl-trigger") == telling["trigger"]["text"]
        for role, cls in (("source", "hl-source"), ("target", "hl-target"), ("quantities", "hl-quantity"),
                          ("place", "hl-place")):
            assert _joined(page, f"{mark} .{cls}") == "".join(s["text"] for s in telling[role]), (i, role)
    # the later telling (the toll) shows its own verb and count, which the first sentence does not have
    toll = '#article mark.hl-telling[data-telling="1"]'
    assert _joined(page, toll + " .hl-trigger") == later[0] and _joined(page, toll + " .hl-quantity") == later[1]
    assert page.locator("#evidence").text_content() == ev["evidence"]["text"]


# ---- downloads -------------------------------------------------------------------------------------------------
def test_the_parquet_download_holds_every_filtered_event(page, api):
    _apply(page, since="2024-01-01")
    with page.expect_download() as got:
        page.click("#download-parquet")
    assert got.value.suggested_filename == "marsad-events.parquet"
    table = pq.read_table(io.BytesIO(open(got.value.path(), "rb").read()))
    want = api.get("/v1/events", params={"since": "2024-01-01", "limit": 1000}).json()["items"]
    assert table.column("event_id").to_pylist() == [e["id"] for e in want] == _shown(page)
    assert table.column("source_codes").to_pylist() == [[a["code"] for a in e["source"]] for e in want]


# ---- counts over time --------------------------------------------------------------------------------------------
def _open_counts(page, group: str = "quad_class") -> None:
    page.click("#tabs button[data-view=trends]")
    page.select_option("#c-group", group)
    page.click("#c-show")
    expect(page.locator("#counts-svg")).to_have_attribute("aria-busy", "false")


@pytest.mark.parametrize("group", ["quad_class", "type"])
def test_counts_over_time_draw_the_api_series_with_conflict_below_zero(page, api, group):
    _open_counts(page, group)
    want = api.get("/v1/counts", params={"group": group, "count": "mentions"}).json()
    bars = page.locator("#counts-svg rect.count-bar").evaluate_all(
        "els => els.map(e => [e.dataset.key, e.dataset.start, +e.dataset.count, e.dataset.side, "
        "+e.getAttribute('y'), +e.getAttribute('height')])")
    expected = sorted((k, p["start"], n) for p in want["periods"] for k, n in p["counts"].items())
    assert sorted((k, start, n) for k, start, n, *_ in bars) == expected
    zero = page.locator("#counts-svg line.axis").first.evaluate("e => +e.getAttribute('y1')")
    for key, _start, _n, side, y, height in bars:
        if side == "conflict":
            assert y >= zero - 0.1, key  # drawn below the zero line
        else:
            assert y + height <= zero + 0.1, key
    sides = {k["key"]: k["side"] for k in want["keys"]}
    assert {side for _k, _s, _n, side, *_ in bars} == set(sides.values()) == {"cooperation", "conflict"}
    # axis titles with the unit, and negative ticks on the conflict side
    assert page.locator("#counts-svg .y-title").text_content() == "عدد الأحداث في الشهر (النزاع تحت الصفر)"
    assert page.locator("#counts-svg .x-title").text_content() == "شهر"
    assert any(t.startswith("−") for t in page.locator("#counts-svg .y-tick").all_text_contents())
    if group == "type":
        assert page.locator("#counts-legend li").count() == len(want["keys"])


def test_a_bar_opens_the_events_it_counts(page, api):
    _apply(page, actor="TUR")
    _open_counts(page, "quad_class")
    bar = page.locator('#counts-svg rect.count-bar[data-key="4"]').first
    start, end = bar.get_attribute("data-start"), bar.get_attribute("data-end")
    count = int(bar.get_attribute("data-count"))
    bar.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#view-events").is_visible()
    assert "quad_class=4" in page.url and f"since={start}" in page.url and "actor=TUR" in page.url
    want = api.get("/v1/events", params={"actor": "TUR", "quad_class": 4, "since": start, "until": end}).json()
    assert want["total"] == count and _shown(page) == [e["id"] for e in want["items"]]
    assert page.locator("#event-count").text_content() == arabic_count(count)


# ---- network -------------------------------------------------------------------------------------------------------
def test_the_network_is_directed_with_loops_and_a_top_n(page, api):
    page.click("#tabs button[data-view=network]")
    expect(page.locator("#network-svg")).to_have_attribute("aria-busy", "false")
    net = api.get("/v1/network", params={"count": "mentions"}).json()
    edges = page.locator("#network-svg path.edge").evaluate_all(
        "els => els.map(e => [e.dataset.source, e.dataset.target, +e.dataset.weight, e.getAttribute('marker-end')])")
    assert sorted(e[:3] for e in edges) == sorted([e["source"], e["target"], e["weight"]] for e in net["edges"])
    assert all(marker and marker.startswith("url(#arrow-") for *_x, marker in edges)
    loops = page.locator("#network-svg path.edge.self-loop").evaluate_all("els => els.map(e => e.dataset.source)")
    assert sorted(loops) == sorted(e["source"] for e in net["edges"] if e["source"] == e["target"])
    assert "TUR" in loops and "ETH" in loops  # the domestic arrest and the shelling of rebels
    # no label sits under a node: each label's box is clear of its own circle
    clear = page.locator("#network-svg g.node").evaluate_all("""gs => gs.every(g => {
        const c = g.querySelector('circle').getBBox(), t = g.querySelector('text').getBBox();
        return t.x >= c.x + c.width || t.x + t.width <= c.x || t.y >= c.y + c.height || t.y + t.height <= c.y;
    })""")
    assert clear
    page.fill("#n-top", "3")
    page.click("#n-show")
    expect(page.locator("#network-svg g.node")).to_have_count(3)
    top3 = [n["id"] for n in net["nodes"][:3]]
    assert page.locator("#network-svg g.node").evaluate_all("els => els.map(e => e.dataset.id)") == top3
    shown = page.locator("#network-svg path.edge").evaluate_all(
        "els => els.map(e => [e.dataset.source, e.dataset.target])")
    assert sorted(shown) == sorted([e["source"], e["target"]] for e in net["edges"]
                                   if e["source"] in top3 and e["target"] in top3)


def test_an_edge_opens_its_dyad(page, api):
    page.click("#tabs button[data-view=network]")
    expect(page.locator("#network-svg")).to_have_attribute("aria-busy", "false")
    page.locator('#network-svg path.edge.self-loop[data-source="TUR"]').dispatch_event("click")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#f-dyad").input_value() == "TUR,TUR"
    want = api.get("/v1/events", params={"dyad": "TUR,TUR"}).json()
    assert want["total"] >= 1 and _shown(page) == [e["id"] for e in want["items"]]


# ---- map -----------------------------------------------------------------------------------------------------------
def test_the_map_colours_places_by_quadclass_and_counts_the_unplaced(page, api):
    page.click("#tabs button[data-view=map]")
    expect(page.locator("#map-svg")).to_have_attribute("aria-busy", "false")
    items = api.get("/v1/events", params={"limit": 1000}).json()["items"]
    located = [e for e in items if e["location"] and e["location"]["lat"] is not None]
    unplaced = len(items) - len(located)
    assert unplaced >= 1
    points = page.locator("#map-svg circle.point").evaluate_all(
        "els => els.map(e => [e.dataset.place, +e.dataset.quad, e.classList.contains('quad-' + e.dataset.quad), "
        "getComputedStyle(e).fill])")
    by_place: dict[str, list[int]] = {}
    for e in located:
        by_place.setdefault(e["location"]["name"], []).append(e["quad_class"])
    for place, quad, has_class, _fill in points:
        quads = by_place[place]
        assert quad == max(set(quads), key=lambda q: (quads.count(q), q)) and has_class
    assert len({fill for *_x, fill in points}) >= 2  # cooperation and conflict are not one colour
    text = page.locator("#map-count").text_content()
    assert text.startswith(arabic_count(len(located)) + " على الخريطة")
    assert arabic_count(unplaced) + " بلا مكان" in text
    assert page.locator("#map-legend li").count() == 6


def test_the_map_zooms_and_pans(page):
    page.click("#tabs button[data-view=map]")
    expect(page.locator("#map-svg")).to_have_attribute("aria-busy", "false")
    svg = page.locator("#map-svg")
    assert svg.get_attribute("viewBox") == "0.0 0.0 960.0 380.0"
    page.click("#map-zoom-in")
    page.click("#map-zoom-in")
    x, y, w, h = (float(v) for v in svg.get_attribute("viewBox").split())
    assert (w, h) == (240.0, 95.0) and svg.get_attribute("data-zoom") == "4.000"
    box = svg.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 200, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    assert float(svg.get_attribute("viewBox").split()[0]) < x  # dragged right: the view moved west
    page.click("#map-zoom-reset")
    assert svg.get_attribute("viewBox") == "0.0 0.0 960.0 380.0"


# ---- Arabic wording ------------------------------------------------------------------------------------------------
def test_arabic_counts_agree_with_their_number(page):
    got = page.evaluate("ns => ns.map(n => countText(n, 'event', 'ar'))", [n for n, _w in AR_EVENT])
    assert got == [f"{n} {w}" for n, w in AR_EVENT]
    assert [arabic_count(n) for n, _w in AR_EVENT] == got
    assert page.evaluate("[countText(1, 'event', 'en'), countText(4, 'event', 'en')]") == ["1 event", "4 events"]


def test_the_event_count_and_mode_read_in_arabic(page, api):
    total = api.get("/v1/events").json()["total"]
    expect(page.locator("#event-count")).to_have_text(arabic_count(total))
    moded = next(e for e in api.get("/v1/events", params={"limit": 100}).json()["items"] if e["mode"])
    page.evaluate("id => openEvent(id)", moded["id"])
    page.wait_for_selector("#evidence")
    arabic = page.locator("#event-facts .mode").text_content()
    assert arabic != moded["mode"] and all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in arabic)
    page.click("#lang-toggle")
    expect(page.locator("#event-facts .mode")).to_have_text(moded["mode"])


# ---- date presets and the confidence slider ------------------------------------------------------------------------
def test_date_presets_count_back_from_the_newest_event(page, api):
    last = api.get("/v1/stats").json()["last_date"]
    assert last == "2024-11-05"
    page.click('#date-presets button[data-days="365"]')
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.input_value("#f-since") == "2023-11-07" and page.input_value("#f-until") == last
    assert "since=2023-11-07" in page.url
    want = api.get("/v1/events", params={"since": "2023-11-07", "until": last}).json()
    assert _shown(page) == [e["id"] for e in want["items"]] and want["total"] < api.get("/v1/events").json()["total"]
    page.click('#date-presets button[data-days="0"]')
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.input_value("#f-since") == "" and "since=" not in page.url


def test_the_confidence_slider_is_the_bar(page, api):
    page.fill("#f-confidence-slider", "0.9")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.input_value("#f-min-confidence") == "0.9" and "min_confidence=0.9" in page.url
    want = api.get("/v1/events", params={"min_confidence": "0.9"}).json()
    expect(page.locator("#event-count")).to_have_text(arabic_count(want["total"]))
    assert _shown(page) == [e["id"] for e in want["items"]]
    page.fill("#f-min-confidence", "0.35")
    assert page.input_value("#f-confidence-slider") == "0.35"


def test_a_dyad_timeline_bar_opens_that_months_events_both_ways(page, api):
    page.click("#tabs button[data-view=timeline]")
    page.fill("#t-a", "ETH")
    page.fill("#t-b", "EGY")
    page.click("#t-show")
    expect(page.locator("#timeline-svg")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#timeline-svg rect.bar-conf")).to_have_count(1)
    assert page.locator("#timeline-svg text.y-title").text_content() == "عدد الأحداث في الشهر (النزاع تحت الصفر)"
    bar = page.locator("#timeline-svg rect.bar-conf")
    assert bar.get_attribute("data-period") == "2024-11"
    bar.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#f-undirected").is_checked() and "undirected=true" in page.url
    params = {"dyad": "ETH,EGY", "undirected": "true", "since": "2024-11-01", "until": "2024-11-30"}
    want = api.get("/v1/events", params=params).json()
    assert want["total"] == 1 and _shown(page) == [e["id"] for e in want["items"]]
    assert want["items"][0]["source"][0]["code"] == "EGY"  # found although the pair was typed the other way round
    page.reload()
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#f-undirected").is_checked() and _shown(page) == [e["id"] for e in want["items"]]


def test_types_are_named_in_arabic_beside_their_code(page):
    assert page.locator('#f-type option[value="ASSAULT"]').text_content() == "ASSAULT · اعتداء"
    assert page.locator('#event-list .badge:text-is("ASSAULT 195")').get_attribute("title") == "اعتداء"
    page.click("#lang-toggle")
    assert page.locator('#f-type option[value="ASSAULT"]').text_content() == "ASSAULT"


def test_the_code_view_names_places_in_the_interface_language(page, api):
    text = "اعتقلت الشرطة التركية عشرات المحتجين في إسطنبول يوم السبت."  # the store's arrest, pasted again
    page.click("#tabs button[data-view=code]")
    page.fill("#code-text", text)
    page.click("#code-run")
    page.wait_for_selector("#code-results li")
    coded = api.post("/v1/code", json={"text": text}).json()
    assert coded["events"][0]["location"]["name"] == "Istanbul"
    expect(page.locator("#code-results .where").first).to_have_text("إسطنبول")
    expect(page.locator("#code-status")).to_have_text(arabic_count(len(coded["events"])))
    # every role of the pasted event is marked in the pasted text, as on the event page
    assert "".join(page.locator("#code-article .hl-source").all_text_contents()) == "الشرطة التركية"
    assert "".join(page.locator("#code-article .hl-quantity").all_text_contents()) == "عشرات المحتجين"
    page.click("#lang-toggle")
    expect(page.locator("#code-results .where").first).to_have_text("Istanbul")
