"""What one ``POST /v1/code`` may cost (issue 21, item 3): at most ``max_chars`` characters are coded (the reply says
``truncated``), and coding stops when the client leaves.

Before: a 400 KB run of figures with no full stop cost 6.9 CPU-seconds and four times that at twice the size, so
one 2 MB body could hold the server for minutes, and went on after its client had gone. A real ``marsad serve``
on loopback (its CPU time read from /proc), and the app in-process for the exact replies."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.live import serving
from marsad.api.app import create_app
from marsad.api.budget import DEFAULT_MAX_CHARS, cut, truncation
from marsad.bench.corpus import generate
from marsad.pipeline import code, doc_id_of
from marsad.store import Store

# written for this test: three short reports, each with an event
REPORTS = ["قصفت طائرات حربية مواقع للمسلحين قرب الموصل فجر الثلاثاء. ",
           "وأعلنت الحكومة العراقية فرض حظر تجول في المدينة حتى إشعار آخر. ",
           "واستقبل رئيس الوزراء العراقي وفدا تركيا في بغداد لبحث أمن الحدود. "]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.parametrize("text, limit, end", [
    ("abc def. ghi jkl", 100, 16),                     # fits: all of it
    ("x" * 85 + ". " + "y" * 30 + ". z", 100, 87),      # after the last sentence end in the last fifth
    ("x" * 85 + " " + "y" * 30, 100, 86),               # no sentence end there: after the last space
    ("x" * 70 + ". " + "y" * 50, 100, 100),             # a sentence end before the last fifth does not count
    ("ق" * 85 + "؟ " + "و" * 30, 100, 87),              # Arabic question mark
])
def test_cut(text, limit, end):
    assert cut(text, limit) == end


def test_a_long_text_is_coded_up_to_the_budget_and_says_so(tmp_path):
    Store(tmp_path / "b.duckdb").close()
    client = TestClient(create_app(str(tmp_path / "b.duckdb"), max_chars=2000), raise_server_exceptions=False)
    text = "".join(REPORTS) * 30
    r = client.post("/v1/code", json={"text": text, "date": "2024-05-07"})
    assert r.status_code == 200, r.text
    body = r.json()
    coded = body["truncated"]["coded_chars"]
    assert body["truncated"]["chars"] == len(text) and 1600 <= coded <= 2000 and text[coded - 2] == "."
    assert body["doc_id"] == doc_id_of(text)  # the identity of the text as sent
    assert body["events"] and all(e["trigger"]["end"] <= coded for e in body["events"])
    for e in body["events"]:  # offsets are into the text as sent
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
    # the same as coding that beginning directly
    direct = code(text[:coded], date="2024-05-07").to_dict()
    assert [e["trigger"] for e in body["events"]] == [e["trigger"] for e in direct["events"]]


def test_a_text_within_the_budget_is_coded_whole(tmp_path):
    Store(tmp_path / "w.duckdb").close()
    client = TestClient(create_app(str(tmp_path / "w.duckdb"), max_chars=2000), raise_server_exceptions=False)
    text = "".join(REPORTS)
    body = client.post("/v1/code", json={"text": text, "date": "2024-05-07"}).json()
    assert body["truncated"] is None and truncation(text, len(text)) is None
    assert body["events"] == code(text, date="2024-05-07").to_dict()["events"]


def test_a_time_limit_stops_the_coding_with_a_503(tmp_path):
    Store(tmp_path / "t.duckdb").close()
    client = TestClient(create_app(str(tmp_path / "t.duckdb"), max_seconds=1e-9), raise_server_exceptions=False)
    r = client.post("/v1/code", json={"text": "".join(REPORTS)})
    assert r.status_code == 503 and r.json()["error"]["code"] == "E410"


def test_a_document_past_the_time_limit_stops_the_request_and_stores_nothing(tmp_path):
    """POST /v1/documents codes each document within the server's time limit per document: past it, a 503 (E410)
    that names the document, and none of the request's documents is stored."""
    db = str(tmp_path / "docs.duckdb")
    Store(db).close()
    body = {"documents": [{"text": t} for t in REPORTS]}
    auth = {"Authorization": "Bearer s3cret"}
    strict = TestClient(create_app(db, token="s3cret", max_seconds=1e-9), raise_server_exceptions=False)
    r = strict.post("/v1/documents", json=body, headers=auth)
    assert r.status_code == 503 and r.json()["error"]["code"] == "E410"
    assert doc_id_of(REPORTS[0]) in r.json()["error"]["message"]
    assert strict.get("/v1/stats").json()["documents"] == 0
    ok = TestClient(create_app(db, token="s3cret")).post("/v1/documents", json=body, headers=auth)
    assert ok.status_code == 200 and ok.json()["new"] == 3


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("budget")
    db = tmp / "budget.duckdb"
    Store(db).close()
    with serving(db, tmp / "serve.log") as url:
        yield url


@pytest.mark.parametrize("shape, unit", [
    # the costliest shapes bench/request_cost.py found: quadratic in the coder, so a budget of characters bounds them
    ("figures, no full stop", "قتل 1,234,567 شخصا و٣٤٥ جنديا و 12.5 مليون دولار "),
    ("one sentence of coordinated actors", "السعودية وإيران والعراق وتركيا ومصر والأردن وقطر والإمارات والكويت و"),
])
def test_the_worst_2mb_body_costs_a_bounded_cpu_time(live, shape, unit):
    text = "التقى وزراء خارجية " + unit * (1_900_000 // len(json.dumps(unit, ensure_ascii=False).encode()))
    body = json.dumps({"text": text, "explain": True, "ner": True, "all_candidates": True},
                      ensure_ascii=False).encode()
    assert 1_800_000 < len(body) <= 2 * 1024 * 1024
    before = _cpu_seconds(live.pid)
    r = httpx.post(live + "/v1/code", content=body, headers={"content-type": "application/json"}, timeout=300)
    cost = _cpu_seconds(live.pid) - before
    print(f"\none 2 MB POST /v1/code ({shape}, explain+ner+all_candidates): {cost:.2f} CPU s")
    assert r.status_code == 200 and r.json()["truncated"]["coded_chars"] <= DEFAULT_MAX_CHARS
    assert cost < 15, f"one 2 MB request cost {cost:.1f} CPU s"


def test_coding_stops_when_the_client_leaves(tmp_path):
    db = tmp_path / "leave.duckdb"
    Store(db).close()
    # 2 MB of generated news coded whole (--max-chars above its length) with explain and ner: 72 CPU s measured
    text = "\n".join(d.text for d in generate(n=900, lang="ar", seed=5).docs)
    body = json.dumps({"text": text, "explain": True, "ner": True, "all_candidates": True},
                      ensure_ascii=False).encode()
    assert 1_500_000 < len(body) <= 2 * 1024 * 1024
    with serving(db, tmp_path / "serve.log", args=("--max-chars", "2000000", "--max-seconds", "600")) as url:
        idle = _cpu_seconds(url.pid)
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(url + "/v1/code", content=body, headers={"content-type": "application/json"}, timeout=3)
        left = _cpu_seconds(url.pid)
        assert left - idle > 0.3  # it was coding when the client left
        # the stop is seen at the next stage, trigger or tagged sentence: wait until the process is quiet
        deadline, last = time.monotonic() + 60, left
        while True:
            time.sleep(2)
            now = _cpu_seconds(url.pid)
            if now - last < 0.3 or time.monotonic() > deadline:
                break
            last = now
        print(f"\nafter the client left: {now - left:.2f} CPU s until the server was idle")
        assert now - last < 0.3, "the server went on coding for a client that had left"
        assert now - left < 5, f"{now - left:.1f} CPU s after the client left (14-15 when it stopped between stages only)"
        assert httpx.get(url + "/healthz").status_code == 200
