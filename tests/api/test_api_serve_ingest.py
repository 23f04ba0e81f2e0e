"""A running ``marsad serve`` and a ``marsad ingest`` of the same store both work (issue 21, item 9).

Before: each got a lock error, since DuckDB gives a file to one writing process. Now the server announces itself
beside the store and the ingest sends its documents through the server's ``POST /v1/documents``. A real server
on loopback, a real ``marsad ingest`` process, a real DuckDB file; the dashboard's reads go on during the ingest."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import httpx
import pytest

from api.live import serving
from marsad.store import Store
from marsad.store.serving import announcement, find

TOKEN = "serve-and-ingest"
# written for this test: short reports with events, each a document of its own
REPORTS = ["قصفت طائرات حربية مواقع قرب مدينة الموصل فجر {d} أيار، وفق مصادر أمنية عراقية.",
           "استقبل وزير الخارجية الأردني نظيره المصري في عمان يوم {d} أيار لبحث التعاون الاقتصادي.",
           "Turkish troops shelled positions near the Syrian border town of Kobani on May {d}, officials said."]


def _corpus(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            day = i % 28 + 1
            f.write(json.dumps({"id": f"r{i}", "text": REPORTS[i % 3].format(d=day) + f" ({i})",
                                "date": f"2024-05-{day:02d}", "title": f"report {i}"}, ensure_ascii=False) + "\n")


def _ingest(corpus, db, token: str | None, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    if token:
        env["MARSAD_TOKEN"] = token
    return subprocess.run([sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", str(db), "--batch", "25",
                           *extra], env=env, capture_output=True, text=True, timeout=300)


def test_ingest_writes_through_the_running_server_while_it_serves(tmp_path):
    db, corpus = tmp_path / "desk.duckdb", tmp_path / "feed.jsonl"
    _corpus(corpus, 90)
    with Store(db):
        pass
    with serving(db, tmp_path / "serve.log", token=TOKEN) as url:
        assert find(db).url == url and find(db).writable  # the server announced itself beside the store
        reads, stop = [], threading.Event()

        def dashboard() -> None:  # the desk keeps reading while the feed is ingested
            with httpx.Client(base_url=url, timeout=60) as c:
                while not stop.is_set():
                    reads.append(c.get("/v1/stats").status_code)
                    reads.append(c.get("/v1/events", params={"limit": 5}).status_code)

        reader = threading.Thread(target=dashboard)
        reader.start()
        try:
            first = _ingest(corpus, db, TOKEN)
        finally:
            stop.set()
            reader.join()
        assert first.returncode == 0, first.stderr[-2000:]
        assert "sending the documents to " + url in first.stderr
        stats = httpx.get(url + "/v1/stats").json()
        assert stats["documents"] == 90 and stats["events"] > 0
        assert reads and set(reads) == {200}, set(reads)
        again = _ingest(corpus, db, TOKEN)  # idempotent: nothing doubled
        assert again.returncode == 0 and httpx.get(url + "/v1/stats").json()["documents"] == 90
    assert not announcement(db).exists()  # removed when the server stopped
    with Store(db, read_only=True) as s:  # and the store is whole once the server is gone
        assert s.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 90


def test_without_the_token_the_ingest_says_what_to_do(tmp_path):
    db, corpus = tmp_path / "s.duckdb", tmp_path / "feed.jsonl"
    _corpus(corpus, 3)
    Store(db).close()
    with serving(db, tmp_path / "serve.log", token=TOKEN) as url:
        for token, needle in ((None, "set MARSAD_TOKEN"), ("wrong", "E401")):
            res = _ingest(corpus, db, token)
            lines = [x for x in res.stderr.splitlines() if x.startswith("marsad: error")]
            assert res.returncode == 2 and len(lines) == 1 and needle in lines[0], res.stderr[-1500:]
            assert "Traceback" not in res.stderr
        assert httpx.get(url + "/v1/stats").json()["documents"] == 0


def test_a_read_only_server_is_named_in_the_error(tmp_path):
    db, corpus = tmp_path / "ro.duckdb", tmp_path / "feed.jsonl"
    _corpus(corpus, 3)
    Store(db).close()
    with serving(db, tmp_path / "serve.log"):
        res = _ingest(corpus, db, TOKEN)
    assert res.returncode != 0 and "read-only" in res.stderr and "Traceback" not in res.stderr


def test_a_stale_announcement_is_ignored(tmp_path):
    db, corpus = tmp_path / "stale.duckdb", tmp_path / "feed.jsonl"
    _corpus(corpus, 6)
    Store(db).close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    announcement(db).write_text(json.dumps({"url": "http://127.0.0.1:9", "pid": int(dead.stdout), "writable": True,
                                            "max_body": 2097152}))
    assert find(db) is None  # a killed server's file names a dead process
    res = _ingest(corpus, db, None)
    assert res.returncode == 0, res.stderr[-1500:]
    with Store(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 6


@pytest.mark.parametrize("n_docs, max_body", [(40, "20KB")])
def test_requests_are_cut_to_the_servers_body_limit(tmp_path, n_docs, max_body):
    db, corpus = tmp_path / "small.duckdb", tmp_path / "feed.jsonl"
    _corpus(corpus, n_docs)
    with open(corpus, "a", encoding="utf-8") as f:  # one document larger than the server takes at all
        f.write(json.dumps({"id": "huge", "text": REPORTS[0].format(d=3) * 400}, ensure_ascii=False) + "\n")
    Store(db).close()
    with serving(db, tmp_path / "serve.log", token=TOKEN, args=("--max-body", max_body)) as url:
        res = _ingest(corpus, db, TOKEN)
        assert res.returncode == 0, res.stderr[-1500:]
        assert httpx.get(url + "/v1/stats").json()["documents"] == n_docs
    assert "skipped records" in res.stdout and "too large for the server's body limit" in res.stdout, res.stdout
