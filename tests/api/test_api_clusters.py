"""GET /v1/clusters and /v1/clusters/{id} on a real ``marsad serve`` over a store the cluster corpus was ingested
into: one row per act with its counts, its tellings one click away, filters, and errors in the envelope."""
from __future__ import annotations

import json

import httpx
import pytest

from api.live import serving
from marsad.evaluate.clusters import default_corpus, load_corpus
from marsad.ingest.runner import IngestOptions, ingest
from marsad.store import Store

ACTS = ("act001", "act002", "act024", "act041")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api-clusters")
    rows = [r for r in load_corpus(default_corpus()) if r["act"] in ACTS]
    src = tmp / "acts.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    db = tmp / "acts.duckdb"
    with Store(db) as store:
        ingest([str(src)], store, IngestOptions())
    with serving(db, tmp / "serve.log") as url:
        yield url


def test_the_list_gives_one_row_per_act_with_its_counts(base):
    page = httpx.get(base + "/v1/clusters", params={"type": "ASSAULT", "min_mentions": 2}).json()
    assert page["total"] == len(page["items"]) >= 2
    told = {c["n_articles"] for c in page["items"]}
    assert max(told) >= 3  # act001 is told by several articles
    first = page["items"][0]
    assert {"id", "date", "type", "n_mentions", "n_sources", "n_articles", "quantity", "first_seen"} <= set(first)
    assert all(c["type"] == "ASSAULT" and c["n_mentions"] >= 2 for c in page["items"])
    everything = httpx.get(base + "/v1/clusters", params={"limit": 1000}).json()
    assert everything["total"] > page["total"]
    assert httpx.get(base + "/v1/clusters", params={"limit": 1, "offset": 1}).json()["items"][0]["id"] == \
        everything["items"][1]["id"]


def test_an_act_lists_its_tellings(base):
    page = httpx.get(base + "/v1/clusters", params={"type": "ASSAULT", "min_mentions": 3}).json()
    act = page["items"][0]
    got = httpx.get(base + "/v1/clusters/" + act["id"]).json()
    assert got["id"] == act["id"] and len(got["tellings"]) == act["n_mentions"]
    assert len({t["doc_id"] for t in got["tellings"]}) == act["n_articles"]
    assert len({t["source"] for t in got["tellings"]}) == act["n_sources"]
    assert all(t["evidence_text"] and t["type"] == "ASSAULT" for t in got["tellings"])
    assert act["id"] == min(t["id"] for t in got["tellings"])


def test_errors_use_the_envelope(base):
    missing = httpx.get(base + "/v1/clusters/nope:e1")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404"
    for params in ({"limit": 0}, {"offset": -1}, {"since": "2025-13-01"}, {"colour": "red"}):
        bad = httpx.get(base + "/v1/clusters", params=params)
        assert bad.status_code == 400, params
        assert bad.json()["error"]["code"].startswith("E1")
