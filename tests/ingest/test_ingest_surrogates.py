"""A lone surrogate never blocks an ingest nor fails a request (issue 21, item 2).

``"\\ud800"`` is valid JSON but no UTF-8 writer takes it: one such record rolled its batch back and every resume
failed at the same batch; the API answered 500. The rule (marsad/text/clean.py): each lone surrogate becomes
U+FFFD, one code point for one, in the text and in every metadata field, so offsets stay true.
"""
from __future__ import annotations

import json
import subprocess
import sys

from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.pipeline import code
from marsad.store import Store

RECORDS = [  # written as raw JSON: json.dumps would never write a lone surrogate
    '{"text": "\\u0642\\u0635\\u0641\\u062a \\u0627\\u0644\\u0637\\u0627\\u0626\\u0631\\u0627\\u062a \\ud800 '
    '\\u063a\\u0632\\u0629.", "title": "bad \\udc80 title", "url": "https://example.org/\\ud83d"}',
    '{"text": "Egypt hosted talks in Cairo on Monday."}',
    '{"text": "Israeli jets struck Gaza \\udfff on Monday."}',
]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from marsad.cli import main; sys.argv[0] = 'marsad'; main()", *args]


def test_code_replaces_lone_surrogates_keeping_offsets():
    text = json.loads(RECORDS[2])["text"]
    doc = code(text, date="2024-03-05", url="https://x/\ud800")
    assert len(doc.text) == len(text) and "\ufffd" in doc.text and doc.url == "https://x/\ufffd"
    json.dumps(doc.to_dict()).encode("utf-8")  # encodable
    for ev in doc.events:
        assert doc.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text


def test_ingest_stores_every_record_and_a_second_run_has_nothing_to_do(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(RECORDS * 150) + "\n", encoding="utf-8")  # the bad ones in every batch
    db = tmp_path / "s.duckdb"
    for _ in range(2):
        proc = subprocess.run(_cli("ingest", str(src), "--db", str(db), "-q", "--batch", "50"), capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    with Store(db, read_only=True) as s:
        assert s.count("documents") == 3 and s.count("skipped") == 0
        title, url = s.sql("SELECT title, url FROM documents WHERE title IS NOT NULL")[0]
        assert (title, url) == ("bad \ufffd title", "https://example.org/\ufffd")
    assert "nothing to do" in proc.stdout


def test_api_codes_and_stores_them(tmp_path):
    client = TestClient(create_app(str(tmp_path / "a.duckdb"), token="s3cret"))
    r = client.post("/v1/code", content=RECORDS[0].encode(), headers={"content-type": "application/json"})
    assert r.status_code == 200 and r.json()["doc_id"], r.text
    body = '{"documents": [' + ", ".join(RECORDS) + "]}"
    r = client.post("/v1/documents", content=body.encode(), headers={"content-type": "application/json",
                                                                      "authorization": "Bearer s3cret"})
    assert r.status_code == 200 and r.json()["new"] == 3, r.text
