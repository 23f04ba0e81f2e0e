"""Query parameters over real HTTP (``marsad serve`` on loopback over a DuckDB file): a parameter a route does not
take is a 400 naming it (a misspelt filter used to return every event), so is a malformed one, every parameter is
described in the OpenAPI document, no description shows reST double backticks, and replies carry an ETag."""
from __future__ import annotations

import httpx
import pytest

from api.live import serving
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

TEXT = "Iraqi government forces shelled positions held by the rebels near Mosul on Tuesday."  # written for this test


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("params")
    db = tmp / "params.duckdb"
    with Store(db) as store:
        store.upsert_documents([(code(TEXT, date="2024-05-07"), DocMeta(title="t", source="desk"))])
    with serving(db, tmp / "serve.log") as url:
        yield url


@pytest.mark.parametrize("path, params, named", [
    ("/v1/events", {"min_confidenc": "0.9"}, "min_confidenc"),
    ("/v1/events", {"actor": "IRQ", "tpye": "ASSAULT"}, "tpye"),
    ("/v1/actors", {"levl": "code"}, "levl"),
    ("/v1/dyads", {"by": "year", "minconfidence": "1"}, "minconfidence"),
    ("/v1/network", {"q": "x"}, "q"),
    ("/v1/stats", {"since": "2024-01-01"}, "since"),
    ("/v1/entities/unlinked", {"limits": "5"}, "limits"),
    ("/healthz", {"verbose": "1"}, "verbose"),
])
def test_an_unknown_parameter_is_a_400_that_names_it(base, path, params, named):
    r = httpx.get(base + path, params=params)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["code"] == "E104" and err["status"] == 400
    assert f"unknown query parameter {named} for GET {path}" in err["message"]


def test_the_message_lists_what_the_route_takes(base):
    err = httpx.get(base + "/v1/events", params={"min_confidenc": "0.9", "zz": "1"}).json()["error"]
    assert err["message"].startswith("unknown query parameters min_confidenc, zz for GET /v1/events; it takes: ")
    assert "min_confidence" in err["message"].split("it takes: ")[1].split(", ")


def test_known_parameters_still_work_and_the_page_takes_its_own(base):
    assert httpx.get(base + "/v1/events", params={"min_confidence": "0", "actor": "IRQ"}).json()["total"] == 1
    assert httpx.get(base + "/", params={"actor": "IRQ", "lang": "en"}).status_code == 200
    assert httpx.post(base + "/v1/code", params={"x": "1"}, json={"text": TEXT}).status_code == 400


def test_every_query_parameter_has_a_description_without_backticks(base):
    spec = httpx.get(base + "/openapi.json").json()
    params = [(path, p) for path, ops in spec["paths"].items() for op in ops.values()
              for p in op.get("parameters", []) if p["in"] == "query"]
    assert len(params) >= 20
    assert all(p.get("description") for _path, p in params), [(path, p["name"]) for path, p in params
                                                               if not p.get("description")]
    texts = [p["description"] for _path, p in params] + [op.get("description", "") for ops in spec["paths"].values()
                                                         for op in ops.values()]
    assert not [t for t in texts if "``" in t]


@pytest.mark.parametrize("params, named", [({"since": "yesterday"}, "since 'yesterday'"),
                                           ({"limit": "ten"}, "limit 'ten'"), ({"quad_class": "x"}, "quad_class 'x'"),
                                           ({"undirected": "perhaps"}, "undirected 'perhaps'")])
def test_a_malformed_parameter_is_a_400_that_names_it(base, params, named):
    r = httpx.get(base + "/v1/events", params=params)
    assert r.status_code == 400 and r.json()["error"]["code"] == "E100"
    assert r.json()["error"]["message"].startswith(named + ": ")


def test_a_malformed_body_stays_a_422(base):
    r = httpx.post(base + "/v1/code", json={"lang": "ar"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "E422"


def test_lists_carry_an_etag_and_answer_304_when_unchanged(base):
    first = httpx.get(base + "/v1/events", params={"actor": "IRQ"})
    tag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache" and tag.startswith('"')
    again = httpx.get(base + "/v1/events", params={"actor": "IRQ"}, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    other = httpx.get(base + "/v1/events", params={"actor": "USA"}, headers={"If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag and other.json()["total"] == 0
    for path in ("/v1/stats", "/v1/actors", "/v1/network", "/healthz"):
        tag = httpx.get(base + path).headers["etag"]
        assert httpx.get(base + path, headers={"If-None-Match": tag}).status_code == 304
    bad = httpx.get(base + "/v1/events", params={"tpye": "x"})
    assert bad.status_code == 400 and "etag" not in bad.headers
