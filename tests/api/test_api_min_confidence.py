"""``min_confidence`` on GET /v1/events and the analytics routes (actors, dyads, network, stats), over hand-built
events of known confidence; a bad value is a 400 in the one error envelope."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.export.tables import DocMeta
from marsad.store import Store
from store.docfactory import CONFIDENCE_TEXTS, confidence_docs


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("apiconf") / "conf.duckdb"
    with Store(path) as store:
        store.upsert_documents([(d, DocMeta(title="t", source="test")) for d in confidence_docs()])
    return TestClient(create_app(str(path), token=""))


def get(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("value, want", [(None, [0.30, 0.45, 0.55, 0.70, 0.85, 0.95]),
                                         ("0", [0.30, 0.45, 0.55, 0.70, 0.85, 0.95]),
                                         ("0.5", [0.55, 0.70, 0.85, 0.95]), ("0.7", [0.70, 0.85, 0.95]),
                                         ("0.70", [0.70, 0.85, 0.95]), (".9", [0.95]), ("1", [])])
def test_events_min_confidence(client, value, want):
    params = {"limit": 100} if value is None else {"limit": 100, "min_confidence": value}
    page = get(client, "/v1/events", **params)
    assert sorted(e["confidence"] for e in page["items"]) == want and page["total"] == len(want)


def test_events_min_confidence_combines_with_filters_and_cursor(client):
    page = get(client, "/v1/events", actor="CHN", min_confidence="0.6")
    assert page["total"] == 1 and page["items"][0]["evidence"]["text"] == CONFIDENCE_TEXTS["islands"]
    first = get(client, "/v1/events", min_confidence="0.5", limit=2)
    assert first["total"] == 4 and first["next_cursor"]
    rest = get(client, "/v1/events", min_confidence="0.5", limit=2, cursor=first["next_cursor"])
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert len(set(ids)) == 4 and rest["next_cursor"] is None
    assert min(e["confidence"] for e in first["items"] + rest["items"]) >= 0.5


def test_blank_min_confidence_is_no_bar(client):
    assert get(client, "/v1/events", min_confidence="")["total"] == 6


def test_analytics_routes_honour_min_confidence(client):
    pairs = lambda rows: {(r["source"], r["target"]) for r in rows}  # noqa: E731
    assert len(pairs(get(client, "/v1/dyads", by="year")["items"])) == 7
    assert pairs(get(client, "/v1/dyads", by="year", min_confidence="0.7")["items"]) == {
        ("USA", "JPN"), ("CHN", "JPN"), ("EGY", "TUR")}
    actors = {a["actor"]: a["events"] for a in get(client, "/v1/actors", min_confidence="0.7")["items"]}
    assert actors == {"JPN": 2, "USA": 1, "CHN": 1, "EGY": 1, "TUR": 1}
    net = get(client, "/v1/network", min_confidence="0.9")
    assert [(e["source"], e["target"], e["weight"]) for e in net["edges"]] == [("USA", "JPN", 1)]
    assert {n["id"] for n in net["nodes"]} == {"USA", "JPN"}
    full, bar = get(client, "/v1/stats"), get(client, "/v1/stats", min_confidence="0.7")
    assert "min_confidence" not in full and bar["min_confidence"] == 0.7
    assert (full["canonical_events"], bar["canonical_events"], bar["events"]) == (6, 3, 3)
    assert bar["by_type"] == {"ACCUSE": 1, "CONSULT": 1, "SUPPORT": 1} and bar["documents"] == full["documents"]


@pytest.mark.parametrize("path", ["/v1/events", "/v1/actors", "/v1/dyads", "/v1/network", "/v1/stats"])
@pytest.mark.parametrize("bad", ["1.5", "-0.2", "high", "nan", "inf", "0,5"])
def test_bad_min_confidence_is_a_400_in_the_envelope(client, path, bad):
    r = client.get(path, params={"min_confidence": bad})
    assert r.status_code == 400, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"] == {"code": "E100", "status": 400,
                             "message": f"min_confidence {bad!r} is not a number between 0 and 1"}


def test_min_confidence_is_in_the_openapi_document(client):
    spec = get(client, "/openapi.json")
    for path in ("/v1/events", "/v1/actors", "/v1/dyads", "/v1/network", "/v1/stats"):
        assert "min_confidence" in {p["name"] for p in spec["paths"][path]["get"]["parameters"]}, path
