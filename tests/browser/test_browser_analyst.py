"""The analyst's desk in a real browser (Debian chromium via Playwright) against a real ``marsad serve`` over a
store of articles written for these tests: actor names on hover and in the legend, the API reference, filters kept
in the page address, and a CSV download of the listed events, each compared with what the API says."""
from __future__ import annotations

import csv
import io
import os

import pytest

from browser.test_browser_dashboard import api, chromium_context, expect, page, serving  # noqa: F401 - api, page:
# the shared fixtures (an API client; a page that records requests and errors and checks them) over this server
from browser.test_browser_desk import arabic_count
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

TEXTS = [("هاجمت قوات الدعم السريع بلدة قرب الفاشر في السودان يوم الاثنين، ما أدى إلى مقتل 9 مدنيين.", "2024-05-06"),
         ("Iraqi government forces shelled positions held by the rebels near Mosul on Tuesday.", "2024-05-07"),
         ("استقبل الرئيس الإيراني وفدًا عراقيًا في طهران يوم الأحد لبحث التعاون الاقتصادي.", "2024-05-05")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-analyst")
    db = tmp / "analyst.duckdb"
    with Store(db) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title=t[:25], source="desk", date=d)) for t, d in TEXTS])
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    with serving(db, tmp / "serve.log", env) as base:
        yield base


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with chromium_context(tmp_path_factory.mktemp("chromium-profile-analyst")) as ctx:
        yield ctx


def test_codes_in_the_list_show_their_names_on_hover(page, api):
    want = {a["code"]: a["name_ar"] for it in api.get("/v1/events", params={"limit": 100}).json()["items"]
            for a in it["source"] + it["target"]}
    shown = page.locator("#event-list abbr.code").evaluate_all("els => els.map(e => [e.textContent, e.title])")
    assert shown and dict(shown) == want
    assert dict(shown)["SDNREBRSF"] == "قوات الدعم السريع"
    page.click("#lang-toggle")
    english = dict(page.locator("#event-list abbr.code").evaluate_all("els => els.map(e => [e.textContent, e.title])"))
    assert english["SDNREBRSF"] == "Rapid Support Forces" and english["IRQMIL"] == "Iraq – military"


def test_the_event_page_writes_names_beside_codes(page):
    page.locator("#event-list .event-item", has_text="SDNREBRSF").first.click()
    page.wait_for_selector("#evidence")
    assert "SDNREBRSF (قوات الدعم السريع)" in page.locator("#event-facts .actors-source").text_content()


def test_the_legend_lists_sectors_in_the_interface_language(page, api):
    page.click("#code-legend summary")
    rows = page.locator("#code-legend-table tr").evaluate_all("els => els.map(e => e.innerText)")
    legend = api.get("/v1/codes").json()
    assert len(rows) == 1 + len(legend["sectors"]) + len(legend["prefixes"])
    assert any(r.startswith("REB") and "متمردون" in r for r in rows)


def test_the_api_reference_shows_parameter_descriptions_and_no_backticks(page, server, api):
    page.goto(server + "/docs")
    expect(page.locator("#api-docs")).to_have_attribute("aria-busy", "false")
    text = page.locator("#api-docs").inner_text()
    assert "``" not in text and "`" not in text
    spec = api.get("/openapi.json").json()
    described = [p["description"] for p in spec["paths"]["/v1/events"]["get"]["parameters"]]
    shown = page.locator("#get-v1-events td.param-doc").all_text_contents()
    assert shown == described
    expect(page.locator("#get-v1-events table.response caption")).to_have_text("Response (200): EventsPage")
    fields = page.locator("#get-v1-events table.response td:first-child code").all_text_contents()
    assert fields == list(spec["components"]["schemas"]["EventsPage"]["properties"])


def _apply(page, **values: str) -> None:
    for name, value in values.items():
        if name == "type":
            page.select_option("#f-type", value)
        else:
            page.fill(f"#f-{name}", value)
    page.click("#f-apply")
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")


def _shown(page) -> list[str]:
    return page.locator("#event-list .event-item").evaluate_all("els => els.map(e => e.dataset.id)")


def test_filters_live_in_the_address_and_survive_a_reload(page, api):
    _apply(page, actor="IRQ", type="ASSAULT", since="2024-05-01")
    assert "actor=IRQ" in page.url and "type=ASSAULT" in page.url and "since=2024-05-01" in page.url
    want = api.get("/v1/events", params={"actor": "IRQ", "type": "ASSAULT", "since": "2024-05-01"}).json()
    assert want["total"] >= 1 and _shown(page) == [e["id"] for e in want["items"]]
    page.reload()
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    assert page.locator("#f-actor").input_value() == "IRQ" and page.locator("#f-type").input_value() == "ASSAULT"
    assert _shown(page) == [e["id"] for e in want["items"]]
    page.click("#f-reset")
    expect(page.locator("#event-count")).to_have_text(arabic_count(api.get("/v1/events").json()["total"]))
    assert "actor=" not in page.url


def test_a_shared_link_opens_the_filtered_list_in_its_language(page, server, api):
    page.goto(server + "/?place=%D8%B7%D9%87%D8%B1%D8%A7%D9%86&count=mentions&lang=en")  # place=طهران
    expect(page.locator("#event-list")).to_have_attribute("aria-busy", "false")
    want = api.get("/v1/events", params={"place": "طهران"}).json()
    assert want["total"] >= 1 and _shown(page) == [e["id"] for e in want["items"]]
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_download_holds_the_rows_on_screen(page, api):
    _apply(page, q="ايران")
    shown = _shown(page)
    assert shown
    with page.expect_download() as got:
        page.click("#download-csv")
    text = open(got.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == shown
    by_id = {e["id"]: e for e in api.get("/v1/events", params={"q": "ايران"}).json()["items"]}
    for r in rows:
        ev = by_id[r["id"]]
        assert r["source_codes"] == ";".join(a["code"] for a in ev["source"])
        assert r["source_names"] == ";".join(a["name_ar"] for a in ev["source"])
        assert r["evidence"] == ev["evidence"]["text"] and r["cameo"] == ev["cameo"]


def test_places_are_named_in_the_interface_language(page, api):
    located = [e for e in api.get("/v1/events", params={"place": "Tehran"}).json()["items"]]
    assert located and located[0]["location"]["name_ar"] == "طهران"
    item = page.locator(f'#event-list .event-item[data-id="{located[0]["id"]}"] .where')
    expect(item).to_have_text("طهران")
    page.click("#lang-toggle")
    expect(item).to_have_text("Tehran")
