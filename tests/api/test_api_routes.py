"""Every route of the REST API in-process (FastAPI TestClient over a real DuckDB file), errors included."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

ARTICLES = [
    ("اجتمع وزير الخارجية الأمريكي مع نظيره الياباني في طوكيو أمس لبحث التعاون الدفاعي بين البلدين.", "2024-03-05",
     "ar"),
    ("قصفت طائرات روسية مواقع في خاركيف الأوكرانية فجر الثلاثاء، ما أسفر عن مقتل خمسة مدنيين.", "2024-05-14", "ar"),
    ("Japan and the United States held talks in Tokyo on Monday on closer military cooperation.", "2024-04-01", "en"),
    ("Protesters <script>window.__xss=1</script> rallied in Paris <img src=x onerror=alert(1)> against the war.",
     "2024-06-01", "en"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(path) as store:
        store.upsert_documents([(code(t, lang=lang, date=d), DocMeta(title=t[:30], source="test", url=None, date=d,
                                                                     lang=lang, path=None))
                                for t, d, lang in ARTICLES])
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, token=""))


@pytest.fixture(scope="module")
def writer(tmp_path_factory):
    path = tmp_path_factory.mktemp("apiw") / "w.duckdb"
    return TestClient(create_app(str(path), token="s3cret"))


def assert_envelope(resp, status):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["writable"] is False


def test_code_returns_the_output_contract(client):
    text = ARTICLES[0][0]
    r = client.post("/v1/code", json={"text": text, "date": "2024-03-05"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["lang"] == "ar" and doc["events"]
    for ev in doc["events"]:
        assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_events_list_filters_and_pagination(client):
    r = client.get("/v1/events", params={"limit": 1})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] >= 3 and len(page["items"]) == 1 and page["next_cursor"]
    seen = {page["items"][0]["id"]}
    cursor = page["next_cursor"]
    while cursor:
        nxt = client.get("/v1/events", params={"limit": 1, "cursor": cursor}).json()
        assert not seen & {i["id"] for i in nxt["items"]}
        seen |= {i["id"] for i in nxt["items"]}
        cursor = nxt["next_cursor"]
    assert len(seen) == page["total"]
    rus = client.get("/v1/events", params={"actor": "RUS"}).json()
    assert rus["items"] and all(any(a["code"].startswith("RUS") for a in e["source"] + e["target"])
                                for e in rus["items"])
    typed = client.get("/v1/events", params={"type": "ASSAULT"}).json()
    assert typed["items"] and all(e["type"] == "ASSAULT" for e in typed["items"])
    tokyo = client.get("/v1/events", params={"place": "Tokyo"}).json()
    assert tokyo["items"] and all(e["location"]["name"] == "Tokyo" for e in tokyo["items"])
    text = client.get("/v1/events", params={"q": "خاركيف"}).json()
    assert text["items"] and all("خاركيف" in e["evidence"]["text"] for e in text["items"])


def test_event_detail_has_document_and_spans(client):
    first = client.get("/v1/events", params={"limit": 1}).json()["items"][0]
    r = client.get(f"/v1/events/{first['id']}")
    assert r.status_code == 200
    ev = r.json()
    text = ev["document"]["text"]
    assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]


@pytest.mark.parametrize("path", ["/v1/actors", "/v1/dyads", "/v1/network", "/v1/stats"])
def test_analytics_routes(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.json()


def test_untrusted_text_comes_back_as_data(client):
    items = client.get("/v1/events", params={"q": "script"}).json()["items"]
    for e in items:
        assert "<script>" in e["evidence"]["text"]  # stored and returned verbatim as JSON data, never rendered


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("get", "/v1/events/nope", {}, 404),
    ("get", "/v1/nothing", {}, 404),
    ("delete", "/v1/events", {}, 405),
    ("get", "/v1/events", {"params": {"quad_class": 7}}, 400),
    ("get", "/v1/events", {"params": {"dyad": "USA"}}, 400),
    ("get", "/v1/events", {"params": {"since": "yesterday"}}, 422),
    ("get", "/v1/events", {"params": {"actor": "u$a"}}, 400),
    ("get", "/v1/events", {"params": {"cursor": "!!!"}}, 400),
    ("post", "/v1/code", {"json": {"lang": "ar"}}, 422),
    ("post", "/v1/code", {"json": {"text": "x", "lang": "fr"}}, 400),
    ("post", "/v1/code", {"content": b"not json", "headers": {"content-type": "application/json"}}, 422),
    ("post", "/v1/documents", {"json": {"documents": [{"text": "x"}]}}, 503),
])
def test_every_error_uses_the_envelope(client, method, path, kwargs, status):
    assert_envelope(getattr(client, method)(path, **kwargs), status)


def test_body_cap_gives_413(db):
    small = TestClient(create_app(db, token="", max_body=1000))
    assert_envelope(small.post("/v1/code", json={"text": "ا" * 5000}), 413)


def test_documents_need_the_token_and_are_idempotent(writer):
    doc = {"documents": [{"text": ARTICLES[1][0], "date": ARTICLES[1][1], "title": "t"}]}
    assert_envelope(writer.post("/v1/documents", json=doc), 401)
    assert_envelope(writer.post("/v1/documents", json=doc, headers={"Authorization": "Bearer wrong"}), 401)
    ok = writer.post("/v1/documents", json=doc, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["new"] == 1 and ok.json()["events"] >= 1
    again = writer.post("/v1/documents", json=doc, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["new"] == 0 and again.json()["already"] == 1
    assert writer.get("/v1/stats").json()["documents"] == 1
