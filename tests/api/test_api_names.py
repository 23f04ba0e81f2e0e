"""Names beside actor codes over real HTTP: a ``marsad serve`` process on loopback over a DuckDB file of coded
articles. Every actor of /v1/events and /v1/events/{id} carries ``name``/``name_ar``, /v1/actors and /v1/network
rows too, /v1/codes is the legend and /v1/codes/{code} decodes one code."""
from __future__ import annotations

import httpx
import pytest

from api.live import serving
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

# written for this test
TEXTS = [("هاجمت قوات الدعم السريع بلدة قرب الفاشر في السودان يوم الاثنين، ما أدى إلى مقتل 9 مدنيين.", "2024-05-06"),
         ("Iraqi government forces shelled positions held by the rebels near Mosul on Tuesday.", "2024-05-07")]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("names")
    db = tmp / "names.duckdb"
    with Store(db) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title="t", source="desk", date=d)) for t, d in TEXTS])
    with serving(db, tmp / "serve.log") as url:
        yield url


def _actors(item):
    return item["source"] + item["target"]


def test_every_listed_actor_has_its_name(base):
    items = httpx.get(base + "/v1/events", params={"limit": 100}).json()["items"]
    by_code = {a["code"]: (a["name"], a["name_ar"]) for it in items for a in _actors(it)}
    assert by_code["SDNREBRSF"] == ("Rapid Support Forces", "قوات الدعم السريع")
    # "Iraqi government forces" are forces (an English role phrase is headed by its last noun: issue 19, round 11)
    assert by_code["IRQMIL"] == ("Iraq – military", "العراق – الجيش")
    assert all(name and name_ar for name, name_ar in by_code.values()), by_code


def test_the_event_page_names_its_actors(base):
    items = httpx.get(base + "/v1/events", params={"actor": "SDN"}).json()["items"]
    one = httpx.get(base + "/v1/events/" + items[0]["id"]).json()
    assert {a["code"]: a["name"] for a in _actors(one)}.get("SDNREBRSF") == "Rapid Support Forces"


def test_actors_and_network_rows_carry_names(base):
    rows = httpx.get(base + "/v1/actors").json()["items"]
    assert {r["actor"]: r["name_ar"] for r in rows}["SDN"] == "السودان"
    coded = httpx.get(base + "/v1/actors", params={"level": "code"}).json()["items"]
    assert {r["actor"]: r["name"] for r in coded}["SDNREBRSF"] == "Rapid Support Forces"
    nodes = httpx.get(base + "/v1/network").json()["nodes"]
    assert nodes and all(n["name"] and n["name_ar"] for n in nodes)


def test_codes_route_decodes_and_lists_the_legend(base):
    got = httpx.get(base + "/v1/codes/---REB")
    assert got.status_code == 200 and got.json()["name"] == "unknown country – rebels"
    assert [p["kind"] for p in got.json()["parts"]] == ["no_country", "sector"]
    legend = httpx.get(base + "/v1/codes").json()
    assert {"code": "REB", "name": "rebels", "name_ar": "متمردون"} in legend["sectors"]
    missing = httpx.get(base + "/v1/codes/QQQZZZ")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404"


def test_locations_carry_their_arabic_name(base):
    items = httpx.get(base + "/v1/events", params={"limit": 100}).json()["items"]
    names = {e["location"]["name"]: e["location"]["name_ar"] for e in items if e["location"]}
    assert names.get("Mosul") == "الموصل", names
