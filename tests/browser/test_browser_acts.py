"""Acts and their tellings in a real browser (Debian chromium via Playwright) against a real ``marsad serve`` over a
store built by ``marsad ingest`` from the whole cluster corpus (tests/api/acts_store.py): the list shows one row per act
by default, every telling of an act is one click away and opens its event page with it highlighted, a toggle lists
every telling instead, the filters select the same tellings in both modes, and the address keeps the mode. Each
check compares the page with the JSON API."""
from __future__ import annotations

import os
from urllib.parse import unquote

import pytest

from api.acts_store import build
from browser.test_browser_dashboard import api, chromium_context, expect, page, serving  # noqa: F401 - api, page:
# the shared fixtures (an API client; a page that records requests and errors and checks them) over this server

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# The Arabic nouns after a number (CLDR categories by the last two digits: 1, 2, 3-10, 11-99, other), as the page's
# countText must write them.
AR = {"act": ("واقعة", "واقعتان", "وقائع", "واقعةً", "واقعة"),
      "telling": ("رواية", "روايتان", "روايات", "روايةً", "رواية"),
      "event": ("حدث", "حدثان", "أحداث", "حدثًا", "حدث")}


def arabic(n: int, noun: str) -> str:
    one, two, few, many, other = AR[noun]
    r = n % 100
    return f"{n} " + (one if n == 1 else two if n == 2 else few if 3 <= r <= 10 else many if 11 <= r <= 99 else other)


def english(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("browser-acts") / "acts.duckdb", acts=None)  # the whole corpus: > 50 acts
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    with serving(db, db.with_suffix(".log"), env) as base:
        yield base


@pytest.fixture()
def start() -> str:
    """The page opens on the dashboard's own default: the acts."""
    return "/"


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with chromium_context(tmp_path_factory.mktemp("chromium-profile-acts")) as ctx:
        yield ctx


def _idle(page) -> None:
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")


def _ids(page, cls: str) -> list[str]:
    return page.locator(f"#event-list .{cls}").evaluate_all("els => els.map(e => e.dataset.id)")


def _query(page) -> str:
    return page.evaluate("location.search")


def test_the_list_shows_one_row_per_act_by_default(page, api):
    acts = api.get("/v1/clusters").json()
    assert acts["total"] < acts["tellings"]  # the store tells some acts several times
    assert _ids(page, "act-item") == [a["id"] for a in acts["items"]]
    assert page.locator("#event-list .event-item").count() == 0
    expect(page.locator("#mode-acts")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#event-count")).to_have_text(
        f"{arabic(acts['total'], 'act')} ({arabic(acts['tellings'], 'telling')})")
    # each row says how many tellings and outlets told its act
    for act in acts["items"]:
        row = page.locator(f'#event-list .act-item[data-id="{act["id"]}"] .told')
        expect(row).to_contain_text(arabic(act["n_mentions"], "telling"))


def test_more_pages_through_every_act(page, api):
    acts = api.get("/v1/clusters", params={"limit": 1000}).json()
    assert acts["total"] > 50 and len(_ids(page, "act-item")) == 50
    while page.locator("#more").is_visible():
        page.click("#more")
        _idle(page)
    assert _ids(page, "act-item") == [a["id"] for a in acts["items"]]


def test_every_telling_of_an_act_opens_its_event_highlighted(page, api):
    acts = api.get("/v1/clusters").json()["items"]
    act = max(acts, key=lambda a: (a["n_mentions"], a["id"]))
    want = api.get(f"/v1/clusters/{act['id']}").json()["tellings"]
    assert len(want) == act["n_mentions"] >= 3
    page.locator(f'#event-list .act-item[data-id="{act["id"]}"]').click()
    expect(page.locator("#view-act")).to_be_visible()
    assert unquote(page.evaluate("location.hash")) == "#act=" + act["id"]
    expect(page.locator("#act-count")).to_have_text("روايات هذه الواقعة: " + arabic(len(want), "telling"))
    assert page.locator("#act-tellings .telling-item").evaluate_all("els => els.map(e => e.dataset.id)") == \
        [t["id"] for t in want]
    for telling in want:
        page.locator(f'#act-tellings .telling-item[data-id="{telling["id"]}"]').click()
        page.wait_for_selector("#evidence")
        expect(page.locator("#view-event")).to_be_visible()
        assert unquote(page.evaluate("location.hash")) == "#event=" + telling["id"]
        expect(page.locator("#evidence")).to_have_text(telling["evidence_text"])
        page.click("#back")  # back to the act, not to the list
        expect(page.locator("#view-act")).to_be_visible()
        expect(page.locator("#act-tellings .telling-item")).to_have_count(len(want))
    page.click("#act-back")  # and from the act to the list, on the act's row
    expect(page.locator("#view-events")).to_be_visible()
    expect(page.locator(f'#event-list .act-item[data-id="{act["id"]}"]')).to_be_focused()


def test_the_toggle_lists_every_telling_and_the_address_keeps_the_mode(page, api, server):
    events = api.get("/v1/events").json()
    page.click("#mode-mentions")
    _idle(page)
    assert _ids(page, "event-item") == [e["id"] for e in events["items"]]
    assert page.locator("#event-list .act-item").count() == 0
    assert "count=mentions" in _query(page)
    expect(page.locator("#event-count")).to_have_text(arabic(events["total"], "event"))  # "200 حدث", "143 حدثًا"
    page.reload()
    _idle(page)
    expect(page.locator("#mode-mentions")).to_have_attribute("aria-pressed", "true")
    assert _ids(page, "event-item") == [e["id"] for e in events["items"]]
    page.click("#mode-acts")
    _idle(page)
    assert "count=" not in _query(page)
    assert _ids(page, "act-item") == [a["id"] for a in api.get("/v1/clusters").json()["items"]]


FILTERS = [{"type": "ASSAULT"}, {"quad_class": "4"}, {"actor": "RUS"}, {"place": "البصرة"},
           {"since": "2025-01-08", "until": "2025-07-31"}, {"min_confidence": "0.5"}, {"q": "Rafah"}]


def _apply(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = f"#f-{name.replace('_', '-')}"
        if name in ("type", "quad_class"):
            page.select_option(field, value)
        else:
            page.fill(field, value)
    page.click("#f-apply")
    _idle(page)


@pytest.mark.parametrize("filters", FILTERS, ids=[",".join(f) for f in FILTERS])
def test_the_filters_select_the_same_tellings_in_both_modes(page, api, filters):
    acts = api.get("/v1/clusters", params=filters).json()
    events = api.get("/v1/events", params=filters).json()
    assert 0 < acts["total"] <= events["total"] == acts["tellings"]
    _apply(page, filters)
    assert _ids(page, "act-item") == [a["id"] for a in acts["items"]]
    page.click("#mode-mentions")
    _idle(page)
    assert _ids(page, "event-item") == [e["id"] for e in events["items"]]
    page.reload()  # the filters and the mode are in the address
    _idle(page)
    assert _ids(page, "event-item") == [e["id"] for e in events["items"]]
    page.click("#mode-acts")
    _idle(page)
    assert _ids(page, "act-item") == [a["id"] for a in acts["items"]]


def test_english_words_and_counts(page, api, server):
    acts = api.get("/v1/clusters").json()
    page.goto(server + "/?lang=en")
    _idle(page)
    expect(page.locator("#mode-acts")).to_have_text("Acts")
    expect(page.locator("#mode-mentions")).to_have_text("Every telling")
    expect(page.locator("#event-count")).to_have_text(
        f"{english(acts['total'], 'act')} ({english(acts['tellings'], 'telling')})")
    one = next(a for a in acts["items"] if a["n_mentions"] == 1)
    page.locator(f'#event-list .act-item[data-id="{one["id"]}"]').click()
    expect(page.locator("#act-count")).to_have_text("Tellings of this act: 1 telling")


def test_the_chart_counts_what_the_list_counts(page, api):
    page.click("#tabs button[data-view=trends]")
    expect(page.locator("#counts-svg")).to_have_attribute("aria-busy", "false")
    acts = api.get("/v1/counts").json()
    assert acts["count"] == "clusters"
    expect(page.locator("#counts-note")).to_have_text(arabic(acts["total"], "act"))
    expect(page.locator("#counts-svg .y-title")).to_contain_text("عدد الوقائع")  # the axis counts acts
    bars = page.locator("#counts-svg rect.count-bar").evaluate_all("els => els.map(e => +e.dataset.count)")
    assert sum(bars) == sum(n for p in acts["periods"] for n in p["counts"].values())
    page.click("#tabs button[data-view=events]")
    page.click("#mode-mentions")
    _idle(page)
    page.click("#tabs button[data-view=trends]")
    expect(page.locator("#counts-svg")).to_have_attribute("aria-busy", "false")
    told = api.get("/v1/counts", params={"count": "mentions"}).json()["total"]
    assert told > acts["total"]
    expect(page.locator("#counts-note")).to_contain_text(str(told))
    expect(page.locator("#counts-svg .y-title")).to_contain_text("عدد الأحداث")


def test_an_act_row_gives_its_place_and_number_in_the_page_language(page, api, server):
    acts = api.get("/v1/clusters").json()["items"]
    act = next(a for a in acts if a["location_name_ar"] and a["quantity"] and a["quantity"]["kind"] == "killed")
    q = act["quantity"]
    number = f"{q['low']:g}" if q["low"] == q["high"] else f"{q['low']:g}–{q['high']:g}"  # as JavaScript writes it
    row = page.locator(f'#event-list .act-item[data-id="{act["id"]}"]')
    expect(row.locator(".where")).to_have_text(act["location_name_ar"])
    expect(row.locator(".quantity")).to_have_text(number + " قتلى")
    page.goto(server + "/?lang=en")
    _idle(page)
    row = page.locator(f'#event-list .act-item[data-id="{act["id"]}"]')
    expect(row.locator(".where")).to_have_text(act["location_name"])
    expect(row.locator(".quantity")).to_have_text(number + " killed")
