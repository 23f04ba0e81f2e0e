"""Acts by default, tellings when asked, over a real ``marsad serve`` on a store built by ``marsad ingest`` from the
cluster corpus (tests/api/acts_store.py): the analytics routes count what ``marsad stats`` counts (clusters unless
``count=mentions``), the act list takes the event list's filters on the tellings, every telling of an act is
reachable as an event, and an event not clustered yet is an act of its own."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import httpx
import pytest

from api.acts_store import build
from api.live import serving

# The API names each code and marsad stats does not; the text an actor is most often written as (example_text, a
# node's label) is DuckDB's mode(), whose pick among ties may differ between two processes.
NAMES = ("name", "name_ar", "example_text", "label")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build(tmp_path_factory.mktemp("api-acts") / "acts.duckdb")


@pytest.fixture(scope="module")
def base(store):
    with serving(store, store.with_suffix(".log")) as url:
        yield url


def get(base: str, path: str, **params) -> dict:
    reply = httpx.get(base + path, params=params, timeout=30)
    assert reply.status_code == 200, reply.text
    return reply.json()


def stats(store, *args: str) -> object:
    done = subprocess.run([sys.executable, "-m", "marsad", "stats", *args, "--db", str(store), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def unnamed(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in NAMES} for r in rows]


@pytest.mark.parametrize("count", [None, "clusters", "mentions"])
def test_analytics_count_what_marsad_stats_counts(base, store, count):
    params = {"count": count} if count else {}
    cli = ("--count", count) if count else ()
    assert unnamed(get(base, "/v1/actors", **params)["items"]) == unnamed(stats(store, "actors", *cli))
    assert get(base, "/v1/dyads", by="month", **params)["items"] == stats(store, "dyads", "--by", "month", *cli)
    net = get(base, "/v1/network", **params)
    want = stats(store, "network", *cli)
    assert unnamed(net["nodes"]) == unnamed(want["nodes"]) and net["edges"] == want["edges"]


def test_acts_are_fewer_than_tellings_and_the_default(base):
    acts, told = get(base, "/v1/actors")["items"], get(base, "/v1/actors", count="mentions")["items"]
    isr = {r["actor"]: r["events"] for r in acts}["ISR"]
    assert {r["actor"]: r["events"] for r in told}["ISR"] > isr >= 2  # three Rafah strikes, seven reports
    counted = get(base, "/v1/counts", group="type")
    assert counted["count"] == "clusters"
    assault = {k["key"]: k["events"] for k in counted["keys"]}["ASSAULT"]
    assert 2 < assault < {k["key"]: k["events"] for k in get(base, "/v1/counts", group="type", count="mentions")[
        "keys"]}["ASSAULT"]


FILTERS = [{}, {"type": "ASSAULT"}, {"quad_class": 4}, {"actor": "RUS"}, {"place": "البصرة"},
           {"since": "2025-01-08", "until": "2025-07-31"}, {"min_confidence": "0.5"}, {"q": "Rafah"}]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_act_list_and_the_counts_select_the_same_tellings(base, filters):
    acts = get(base, "/v1/clusters", limit=1000, **filters)
    events = get(base, "/v1/events", limit=1000, **filters)
    assert acts["total"] == len(acts["items"]) == get(base, "/v1/counts", **filters)["total"]
    assert acts["tellings"] == events["total"] == get(base, "/v1/counts", count="mentions", **filters)["total"]
    assert 0 < acts["total"] <= events["total"]
    # the acts listed are exactly the acts of the tellings the event list selects
    of_act = {}
    for act in acts["items"]:
        told = get(base, "/v1/clusters/" + act["id"])["tellings"]
        of_act.update({t["id"]: act["id"] for t in told})
        assert sum(t["id"] in {e["id"] for e in events["items"]} for t in told) == act["matched"] >= 1
    assert {of_act[e["id"]] for e in events["items"]} == {a["id"] for a in acts["items"]}


def test_a_bar_of_the_chart_lists_the_acts_it_counts(base):
    counted = get(base, "/v1/counts", group="type", by="month")
    bars = [(p, key, n) for p in counted["periods"] for key, n in p["counts"].items()]
    assert len(bars) >= 4
    for period, key, n in bars:
        assert get(base, "/v1/clusters", type=key, since=period["start"], until=period["end"])["total"] == n


def test_every_telling_of_an_act_opens_as_an_event(base):
    acts = get(base, "/v1/clusters", limit=1000)["items"]
    assert max(a["n_mentions"] for a in acts) >= 4 and len(acts) < sum(a["n_mentions"] for a in acts)
    for act in acts:
        got = get(base, "/v1/clusters/" + act["id"])
        assert len(got["tellings"]) == act["n_mentions"] and act["clustered"]
        for telling in got["tellings"]:
            ev = get(base, "/v1/events/" + telling["id"])
            assert ev["evidence"]["text"] == telling["evidence_text"] and ev["doc_id"] == telling["doc_id"]


def test_count_is_an_enum_in_the_openapi_document_and_checked(base):
    spec = get(base, "/openapi.json")
    for path in ("/v1/actors", "/v1/dyads", "/v1/network", "/v1/counts"):
        (param,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "count"]
        assert param["schema"]["enum"] == ["clusters", "mentions"] and param["schema"]["default"] == "clusters"
        bad = httpx.get(base + path, params={"count": "acts"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E100", path
        assert "count" in bad.json()["error"]["message"]


# written for this test: an act no other article tells
LONE = "Fishermen staged a sit-in at the port of Sfax on Thursday over the price of fuel."  # one act


def test_an_event_not_clustered_yet_is_an_act_of_its_own(store, tmp_path):
    db = tmp_path / "lone.duckdb"
    shutil.copy(store, db)
    with serving(db, tmp_path / "serve.log", token="t0ken-acts") as url:
        before = get(url, "/v1/clusters")["total"]
        sent = httpx.post(url + "/v1/documents", headers={"Authorization": "Bearer t0ken-acts"},
                          json={"documents": [{"text": LONE, "date": "2025-12-04", "source": "Gulf Wire"}]})
        assert sent.status_code == 200 and sent.json()["events"] >= 1, sent.text
        (ev,) = get(url, "/v1/events", q="Sfax")["items"]
        page = get(url, "/v1/clusters", q="Sfax")
        (act,) = page["items"]
        assert act["id"] == ev["id"] and act["clustered"] is False and act["n_mentions"] == act["matched"] == 1
        assert get(url, "/v1/clusters")["total"] == before + 1 == get(url, "/v1/counts")["total"]
        assert httpx.get(url + "/v1/clusters/" + act["id"]).status_code == 404
