"""API hardening (issue 21, item 7, the parts done): a hostile cursor is a 400, not a 500; no file system path in
any reply. Real DuckDB file, the app through the test client."""
from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.store import Store
from store.docfactory import sample_docs


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("hard") / "secret-place.duckdb"
    with Store(path) as s:
        s.upsert_documents([(d, None) for d in sample_docs()])
    return TestClient(create_app(str(path), token="s3cret"), raise_server_exceptions=False)


@pytest.mark.parametrize("depth", [10, 3000])
def test_nested_cursor_is_a_400(client, depth):
    raw = ("[" * depth + "]" * depth).encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    r = client.get("/v1/events", params={"cursor": cursor})
    assert r.status_code == 400 and r.json()["error"]["status"] == 400, r.text[:200]


def test_a_real_cursor_still_pages(client):
    first = client.get("/v1/events", params={"limit": 1}).json()
    assert first["next_cursor"]
    second = client.get("/v1/events", params={"limit": 1, "cursor": first["next_cursor"]})
    assert second.status_code == 200 and second.json()["items"][0]["id"] != first["items"][0]["id"]


@pytest.mark.parametrize("route", ["/healthz", "/v1/stats"])
def test_no_path_in_replies(client, route):
    r = client.get(route)
    assert r.status_code == 200 and "secret-place" not in r.text and "/tmp" not in json.dumps(r.json())
