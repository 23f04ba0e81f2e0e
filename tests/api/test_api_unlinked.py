"""Names the KB does not know over real HTTP on loopback (a ``marsad serve`` process): GET /v1/entities/unlinked
over a store made by ``marsad ingest --ner`` from the project's own texts, and ``"ner": true`` on POST /v1/code and
POST /v1/documents."""
from __future__ import annotations

import httpx
import pytest

from marsad.store import Store
from store.nercorpus import ARTICLES, ingest_ner

from .live import serving

TOKEN = "unlinked-test-token"


@pytest.fixture(scope="module")
def ner_db(tmp_path_factory):
    return ingest_ner(tmp_path_factory.mktemp("apiner") / "ner.duckdb")


@pytest.fixture(scope="module")
def http(ner_db):
    with serving(ner_db, ner_db.parent / "serve.log") as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


def test_unlinked_route_is_the_store_query(http, ner_db):
    with Store(ner_db, read_only=True) as s:
        every = s.unlinked(limit=None)
        two = s.unlinked(limit=None, min_docs=2)
    r = http.get("/v1/entities/unlinked")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.json() == {"items": every[:20], "total": len(every)}
    assert every and any(it["name"] and not it["name"].isascii() for it in every)  # Arabic, as written
    assert http.get("/v1/entities/unlinked", params={"limit": 1}).json()["items"] == every[:1]
    assert http.get("/v1/entities/unlinked", params={"min_docs": 2}).json() == {"items": two, "total": len(two)}
    orgs = http.get("/v1/entities/unlinked", params={"kind": "organization"}).json()["items"]
    assert orgs and {o["kind"] for o in orgs} == {"organization"} and orgs[0]["sector"] == "NGO"


@pytest.mark.parametrize("params, needle", [({"kind": "country"}, "kind"), ({"limit": 0}, "limit"),
                                            ({"limit": 5000}, "limit"), ({"min_docs": 0}, "min_docs")])
def test_bad_parameters_are_400_in_the_envelope(http, params, needle):
    r = http.get("/v1/entities/unlinked", params=params)
    assert r.status_code == 400, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == "E100" and needle in body["error"]["message"]


def test_code_takes_ner(http):
    text, day = ARTICLES[0][2], ARTICLES[0][1]
    plain = http.post("/v1/code", json={"text": text, "date": day}).json()
    found = http.post("/v1/code", json={"text": text, "date": day, "ner": True}).json()
    assert not [e for e in plain["entities"] if e["id"].startswith("new:")]
    new = [e for e in found["entities"] if e["id"].startswith("new:")]
    assert new and all(text[m["start"]:m["end"]] == m["text"] for e in new for m in e["mentions"])
    assert http.post("/v1/code", json={"text": text, "ner": "sometimes"}).status_code == 422


def test_documents_take_ner_and_the_route_lists_them(tmp_path):
    docs = [{"text": t, "date": d, "title": i} for i, d, t in ARTICLES[3:5]]
    with serving(tmp_path / "w.duckdb", tmp_path / "serve.log", token=TOKEN) as base:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        r = httpx.post(base + "/v1/documents", json={"documents": docs[:1]}, headers=auth, timeout=60)
        assert r.status_code == 200 and r.json()["new"] == 1
        assert httpx.get(base + "/v1/entities/unlinked").json() == {"items": [], "total": 0}
        r = httpx.post(base + "/v1/documents", json={"documents": docs[1:], "ner": True}, headers=auth, timeout=60)
        assert r.status_code == 200 and r.json()["new"] == 1
        got = httpx.get(base + "/v1/entities/unlinked").json()
    assert got["total"] >= 1 and {it["docs"] for it in got["items"]} == {1}
    assert any(it["kind"] == "organization" for it in got["items"])
