"""GET /v1/events and the analytics routes with a stored background event (a past act recalled as context)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.export.tables import DocMeta
from marsad.store import Store
from store.docfactory import background_doc, sample_docs


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("apibg") / "bg.duckdb"
    with Store(path) as store:
        store.upsert_documents([(d, DocMeta(title="t", source="test")) for d in [background_doc(), *sample_docs()]])
    return TestClient(create_app(str(path), token=""))


def local_ids(page):
    return {(e["doc_id"], e["local_id"]): e["background"] for e in page["items"]}


def test_events_leave_background_out_by_default(client):
    page = client.get("/v1/events", params={"limit": 100}).json()
    assert page["total"] == 6 and all(e["background"] is False for e in page["items"])
    assert (background_doc().doc_id, "e2") not in local_ids(page)


@pytest.mark.parametrize("value, total, flags", [("exclude", 6, {False}), ("include", 7, {False, True}),
                                                 ("only", 1, {True})])
def test_events_background_filter(client, value, total, flags):
    page = client.get("/v1/events", params={"limit": 100, "background": value}).json()
    assert page["total"] == total == len(page["items"])
    assert {e["background"] for e in page["items"]} == flags


def test_background_event_detail_and_filters_combine(client):
    only = client.get("/v1/events", params={"background": "only", "dyad": "TUR,EGY"}).json()
    assert only["total"] == 1 and only["items"][0]["type"] == "REDUCE"
    detail = client.get(f"/v1/events/{only['items'][0]['id']}").json()
    assert detail["background"] is True and detail["document"]["text"] == background_doc().text
    assert client.get("/v1/events", params={"dyad": "TUR,EGY"}).json()["total"] == 0


def test_analytics_routes_do_not_count_background(client):
    dyads = client.get("/v1/dyads", params={"by": "year"}).json()["items"]
    assert not [d for d in dyads if (d["source"], d["target"]) == ("TUR", "EGY")]
    assert [d["events"] for d in dyads if (d["source"], d["target"]) == ("EGY", "TUR")] == [1]
    edges = client.get("/v1/network").json()["edges"]
    assert ("TUR", "EGY") not in {(e["source"], e["target"]) for e in edges}
    stats = client.get("/v1/stats").json()
    assert (stats["events"], stats["canonical_events"], stats["background_events"]) == (7, 6, 1)
    assert "REDUCE" not in stats["by_type"]


@pytest.mark.parametrize("bad", ["yes", "ONLY", ""])
def test_bad_background_value_is_a_400_in_the_envelope(client, bad):
    r = client.get("/v1/events", params={"background": bad})
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert set(r.json()) == {"error"} and err["code"] == "E100" and err["status"] == 400
    assert "background" in err["message"] and "exclude, include, only" in err["message"]
