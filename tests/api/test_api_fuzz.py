"""Fuzzing the API over HTTP (issue 21): any JSON (or not-JSON) body on the POST routes, any query string on the GET
routes, with and without the token, against a real ``marsad serve`` on loopback. The server never answers 5xx,
every error is the envelope with its status, and a 200 from /v1/code has offsets into the text as sent. Profile
``fuzzing.FUZZ`` (short and seeded in the test run, long under ``make fuzz``)."""
from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.live import serving
from fuzzing import FUZZ
from marsad.store import Store
from store.docfactory import sample_docs

TOKEN = "fuzz-token"
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
JSONS = st.recursive(SCALARS, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                      st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                     max_leaves=12)
CODE_BODIES = st.one_of(
    st.fixed_dictionaries({"text": st.text(max_size=200)}, optional={
        "lang": st.one_of(st.sampled_from(["ar", "en", "auto"]), SCALARS), "date": st.one_of(st.dates().map(str), SCALARS),
        "url": SCALARS, "min_confidence": SCALARS, "explain": SCALARS, "ner": SCALARS, "all_candidates": SCALARS}),
    JSONS)
RAW = st.one_of(CODE_BODIES.map(lambda b: json.dumps(b).encode()), st.binary(max_size=200))
QUERY = st.dictionaries(st.sampled_from(["actor", "dyad", "type", "quad_class", "modality", "since", "until", "place",
                                         "q", "limit", "cursor", "undirected", "background", "min_confidence",
                                         "level", "by", "kind", "min_docs", "x"]),
                        st.text(max_size=20), max_size=4)
GETS = st.sampled_from(["/v1/events", "/v1/actors", "/v1/dyads", "/v1/network", "/v1/stats", "/v1/entities/unlinked",
                        "/v1/codes", "/healthz"])


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    db = tmp / "fuzz.duckdb"
    with Store(db) as s:
        s.upsert_documents([(d, None) for d in sample_docs()])
    with serving(db, tmp / "serve.log", token=TOKEN) as url:
        with httpx.Client(base_url=url, timeout=120) as client:
            yield client


def _check(r: httpx.Response) -> None:
    assert r.status_code < 500, (r.status_code, r.text[:300])
    if r.status_code >= 400:
        err = r.json()["error"]
        assert err["status"] == r.status_code and err["code"].startswith("E") and "\n" not in err["message"]


@FUZZ
@given(RAW)
def test_code_any_body(base, raw):
    r = base.post("/v1/code", content=raw, headers={"content-type": "application/json"})
    _check(r)
    if r.status_code == 200:
        text = json.loads(raw)["text"]
        for e in r.json()["events"]:
            assert text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]


DOCUMENT_BODIES = st.one_of(
    st.builds(lambda docs: json.dumps({"documents": docs}).encode(), st.lists(CODE_BODIES, max_size=3)), RAW)


@FUZZ
@given(DOCUMENT_BODIES)
def test_documents_any_body(base, raw):
    r = base.post("/v1/documents", content=raw,
                  headers={"content-type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    _check(r)
    assert r.status_code in (200, 400, 422), r.text[:300]  # 400: a value the coder refuses (lang "0", a date)


@FUZZ
@given(GETS, QUERY)
def test_reads_any_query(base, path, query):
    _check(base.get(path, params=query))


@FUZZ
@given(DOCUMENT_BODIES, st.sampled_from([None, "Bearer nope", "Basic " + TOKEN, TOKEN, "Bearer"]))
def test_documents_without_the_token(base, raw, auth):  # last: its wrong tokens lock this client out (429)
    headers = {"content-type": "application/json"} | ({"Authorization": auth} if auth else {})
    r = base.post("/v1/documents", content=raw, headers=headers)
    _check(r)
    assert r.status_code in (401, 429)  # never a 422: the body of a stranger is not read
