"""The analyst's routes over a real ``marsad serve`` on loopback and a real DuckDB store (tests/api/desk_texts.py):
every telling of a merged event with its own roles, the filtered list as Parquet and CSV, counts over time that
the list confirms bar by bar."""
from __future__ import annotations

import csv
import io

import httpx
import pyarrow.parquet as pq
import pytest

from api.desk_texts import build
from api.live import serving


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("desk")
    db = tmp / "desk.duckdb"
    build(db)
    with serving(db, tmp / "serve.log") as url:
        yield url


def _all_ids(base: str, params: dict) -> list[str]:
    ids, cursor = [], None
    while True:
        page = httpx.get(base + "/v1/events", params=dict(params, limit=2, **({"cursor": cursor} if cursor else {})
                                                          )).json()
        ids += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            return ids


def _event(base: str, **params) -> dict:
    (item,) = httpx.get(base + "/v1/events", params=params).json()["items"]
    return httpx.get(base + "/v1/events/" + item["id"]).json()


def _texts(spans) -> list[str]:
    return [s["text"] for s in spans]


def test_a_later_telling_has_its_own_trigger_target_and_count(base):
    ev = _event(base, type="ASSAULT", actor="SYR")
    first, toll = ev["tellings"]
    assert [(t["start"], t["end"]) for t in ev["tellings"]] == [(s["start"], s["end"]) for s in ev["evidences"]]
    assert first["trigger"]["text"] == "شنت" and _texts(first["source"]) == ["سورية"]
    assert first["quantities"] == [] and "6 مدنيين" in toll["text"]
    assert toll["trigger"]["text"] == "قتلوا"
    # the victims' phrase holds their count since issue 19's counted-subject rule ("6 مدنيين قتلوا")
    assert _texts(toll["target"]) == ["6 مدنيين"] and _texts(toll["quantities"]) == ["6 مدنيين"]
    text = ev["document"]["text"]
    for telling in ev["tellings"]:
        for span in [telling["trigger"], telling["time"], *telling["source"], *telling["target"],
                     *telling["quantities"], *telling["place"]]:
            if span:
                assert text[span["start"]:span["end"]] == span["text"]
                assert telling["start"] <= span["start"] < span["end"] <= telling["end"]


def test_an_english_toll_is_its_own_telling(base):
    ev = _event(base, type="ASSAULT", actor="ETH")
    toll = ev["tellings"][1]
    assert toll["trigger"]["text"] == "were killed" and _texts(toll["quantities"]) == ["eleven civilians"]
    assert ev["tellings"][0]["trigger"]["text"] == "shelled" and ev["tellings"][0]["time"]["text"] == "Thursday"


@pytest.mark.parametrize("params", [{}, {"type": "ASSAULT"}, {"since": "2024-01-01", "until": "2024-06-30"},
                                    {"actor": "TUR"}, {"q": "Amman"}, {"quad_class": "1", "min_confidence": "0.3"},
                                    {"place": "Riyadh"}])
def test_the_parquet_download_holds_the_filtered_list(base, params):
    r = httpx.get(base + "/v1/events.parquet", params=params)
    assert r.status_code == 200 and r.headers["content-disposition"] == 'attachment; filename="marsad-events.parquet"'
    table = pq.read_table(io.BytesIO(r.content))
    want = _all_ids(base, params)
    assert table.column("event_id").to_pylist() == want
    assert int(r.headers["x-marsad-events"]) == len(want)
    rows = table.to_pylist()
    listed = {e["id"]: e for e in httpx.get(base + "/v1/events", params=dict(params, limit=100)).json()["items"]}
    for row in rows:
        ev = listed[row["event_id"]]
        assert row["source_codes"] == [a["code"] for a in ev["source"]] and row["cameo"] == ev["cameo"]
        assert row["source_names_ar"] == [a["name_ar"] for a in ev["source"]]


def test_the_csv_download_has_the_same_rows_and_text_codes(base):
    r = httpx.get(base + "/v1/events.csv", params={"type": "ASSAULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))
    assert [row["event_id"] for row in rows] == _all_ids(base, {"type": "ASSAULT"})
    assert {row["cameo"] for row in rows} == {"195", "194"} and ',"195",' in r.text  # codes are quoted text


@pytest.mark.parametrize("path", ["/v1/events.parquet", "/v1/events.csv", "/v1/counts"])
def test_the_desk_routes_refuse_unknown_and_bad_parameters(base, path):
    r = httpx.get(base + path, params={"tpye": "ASSAULT"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "E104" and "tpye" in r.json()["error"]["message"]
    r = httpx.get(base + path, params={"min_confidence": "high"})
    assert r.status_code == 400 and "min_confidence" in r.json()["error"]["message"]


@pytest.mark.parametrize("group", ["type", "quad_class"])
def test_every_bar_of_the_counts_is_the_list_it_opens(base, group):
    got = httpx.get(base + "/v1/counts", params={"group": group}).json()
    assert got["by"] == "month" and got["total"] == httpx.get(base + "/v1/events").json()["total"]
    months = [p["start"][:7] for p in got["periods"]]
    assert months[0] == "2023-02" and months[-1] == "2024-11" and len(months) == 22  # quiet months are zeros
    bars = 0
    for period in got["periods"]:
        for key, n in period["counts"].items():
            listed = httpx.get(base + "/v1/events", params={group: key, "since": period["start"],
                                                            "until": period["end"]}).json()["total"]
            assert listed == n, (period, key)
            bars += n
    assert bars == got["total"] - got["undated"] - got["untyped"]
    sides = {k["key"]: k["side"] for k in got["keys"]}
    if group == "quad_class":
        assert sides == {"1": "cooperation", "3": "conflict", "4": "conflict"}
    else:
        assert sides["ASSAULT"] == "conflict" and sides["AGREE"] == "cooperation"


def test_counts_take_the_list_filters_and_a_period(base):
    got = httpx.get(base + "/v1/counts", params={"actor": "TUR", "by": "year"}).json()
    assert [p["start"] for p in got["periods"]] == ["2024-01-01"] and got["periods"][0]["end"] == "2024-12-31"
    assert got["total"] == httpx.get(base + "/v1/events", params={"actor": "TUR"}).json()["total"]
    bad = httpx.get(base + "/v1/counts", params={"by": "fortnight"})
    assert bad.status_code == 400 and "fortnight" in bad.json()["error"]["message"]


def test_the_replies_validate_against_their_schemas(base):
    from marsad.api import schemas

    schemas.Counts.model_validate(httpx.get(base + "/v1/counts", params={"group": "type"}).json())
    detail = _event(base, type="ASSAULT", actor="SYR")
    assert schemas.EventDetail.model_validate(detail).tellings[1].trigger.text == "قتلوا"
    spec = httpx.get(base + "/openapi.json").json()
    assert spec["paths"]["/v1/counts"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Counts"}
    assert "application/vnd.apache.parquet" in spec["paths"]["/v1/events.parquet"]["get"]["responses"]["200"]["content"]


def test_a_sentence_told_many_times_is_coded_once(tmp_path):
    from marsad.export.tables import DocMeta
    from marsad.pipeline import code
    from marsad.store import Store

    line = "قصفت مدفعية الجيش مواقع المتمردين قرب مدينة كسلا يوم الثلاثاء."  # written here, repeated as a feed might
    text = "\n".join([line] * 120)
    db = tmp_path / "repeats.duckdb"
    with Store(db) as store:
        store.upsert_documents([(code(text, date="2024-04-02"), DocMeta(title="repeats", date="2024-04-02"))])
    with serving(db, tmp_path / "serve.log") as url:
        (item,) = httpx.get(url + "/v1/events").json()["items"]
        detail = httpx.get(url + "/v1/events/" + item["id"], timeout=30).json()
    assert len(detail["tellings"]) == len(detail["evidences"]) == 120
    assert {t["trigger"]["text"] for t in detail["tellings"]} == {"قصفت مدفعية"}
    assert all(t["text"] == line for t in detail["tellings"])
