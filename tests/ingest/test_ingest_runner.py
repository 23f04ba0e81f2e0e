"""The ingest loop end to end through marsad.code: counts, idempotence, duplicates, workers, SIGKILL and resume."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.samples import AR_1, EN_1, write_corpus
from marsad.errors import InputError
from marsad.export.tables import TABLES
from marsad.ingest import IngestOptions, ingest
from marsad.store import Store

VOCAB = [f"w{i}" for i in range(800)] + ["Washington", "Tokyo", "Cairo", "Ankara", "talks", "troops", "agreed"]


def synthetic_jsonl(path: Path, n: int, bad_every: int = 0, seed: int = 1) -> tuple[int, int]:
    """n lines of random-word documents (no two near-duplicates); every bad_every-th line is not JSON.
    Returns (documents, bad lines)."""
    rng = random.Random(seed)
    docs = bad = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(1, n + 1):
            if bad_every and i % bad_every == 0:
                fh.write("{broken json\n")
                bad += 1
                continue
            words = " ".join(rng.choice(VOCAB) for _ in range(40))
            fh.write(json.dumps({"text": f"Doc {i}: {words}.", "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                 "id": str(i)}) + "\n")
            docs += 1
    return docs, bad


def counts(db: str | Path) -> dict[str, int]:
    with Store(db, read_only=True) as s:
        out = {t: s.count(t) for t in TABLES}
        out["skipped"] = s.count("skipped")
        out["distinct_docs"] = s.sql("SELECT count(DISTINCT doc_id) FROM documents")[0][0]
    return out


def test_ingest_mixed_corpus_counts_and_idempotence(tmp_path):
    root = tmp_path / "in"
    write_corpus(root)
    db = tmp_path / "m.duckdb"
    with Store(db) as s:
        rep = ingest([str(root)], s)
        assert (rep.read, rep.skipped) == (24, 11)
        assert rep.new + rep.duplicates + rep.near_duplicates + rep.already == 13
        assert s.count("documents") == rep.new + rep.duplicates + rep.near_duplicates
        assert rep.duplicates >= 1  # the RSS item and the .txt file hold the same Arabic story
        assert rep.already >= 3  # the WARC holds the same pages as the .html files, the feeds as the JSONL/CSV
        first = {t: s.count(t) for t in TABLES}
        assert s.count("skipped") == 11
        reasons = {r["reason"].split(" (")[0].split(":")[0] for r in s.skipped()}
        assert {"not JSON", "no main text found in the HTML page", "empty file", "feed item has no text",
                "not UTF-8 text", "malformed feed after item 1"} <= reasons
        again = ingest([str(root)], s)
        assert again.already_done and again.read == 0
        restart = ingest([str(root)], s, IngestOptions(restart=True))
        assert (restart.read, restart.new, restart.duplicates) == (24, 0, 0)
        assert {t: s.count(t) for t in TABLES} == first and s.count("skipped") == 11
        runs = s.runs()
        assert [r["status"] for r in runs] == ["done", "done"]


def test_arabic_copy_is_recorded_as_duplicate_of_the_first(tmp_path):
    (tmp_path / "a.txt").write_text(AR_1, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + AR_1.replace("،", " ، ") + "\n\n", encoding="utf-8")
    with Store(tmp_path / "d.duckdb") as s:
        rep = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], s)
        assert (rep.new, rep.duplicates) == (1, 1)
        (dup_of,) = s.sql("SELECT dup_of FROM documents WHERE path LIKE '%b.txt'")[0]
        (first,) = s.sql("SELECT doc_id FROM documents WHERE path LIKE '%a.txt'")[0]
        assert dup_of == first


def test_missing_path_is_an_input_error_before_anything_is_written(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        with pytest.raises(InputError):
            ingest([str(tmp_path / "nope.jsonl")], s)
        assert s.count("documents") == 0 and s.runs() == []


def test_bad_options(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        for opts in (IngestOptions(workers=0), IngestOptions(batch=0), IngestOptions(near_dup_threshold=0.1)):
            with pytest.raises(InputError):
                ingest([str(tmp_path)], s, opts)


def test_stdin_ingest(tmp_path):
    import io

    stream = io.BufferedReader(io.BytesIO(('{"text": "%s"}\n' % EN_1).encode()))
    with Store(tmp_path / "s.duckdb") as s:
        rep = ingest(["-"], s, stdin=stream)
        assert rep.new == 1 and s.count("checkpoints") == 0  # a stream cannot be resumed


@pytest.mark.slow
def test_two_workers_store_exactly_what_one_worker_stores(tmp_path):
    src = tmp_path / "in.jsonl"
    n_docs, n_bad = synthetic_jsonl(src, 600, bad_every=97)
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as s:
            rep = ingest([str(src)], s, IngestOptions(workers=workers, batch=50))
            assert (rep.new, rep.skipped) == (n_docs, n_bad)
    one, two = counts(tmp_path / "w1.duckdb"), counts(tmp_path / "w2.duckdb")
    assert one == two and one["documents"] == n_docs
    with Store(tmp_path / "w1.duckdb", read_only=True) as a, Store(tmp_path / "w2.duckdb", read_only=True) as b:
        q = "SELECT doc_id, date, ext_id FROM documents ORDER BY doc_id"
        assert a.sql(q) == b.sql(q)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from marsad.cli import main; sys.argv[0] = 'marsad'; main()", *args]


@pytest.mark.slow
def test_sigkill_mid_ingest_then_resume_loses_and_doubles_nothing(tmp_path):
    src = tmp_path / "big.jsonl"
    n_docs, n_bad = synthetic_jsonl(src, 800, bad_every=40)
    db = tmp_path / "k.duckdb"
    proc = subprocess.Popen(_cli("ingest", str(src), "--db", str(db), "--batch", "25", "-v", "-q"),
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    committed = 0
    deadline = time.time() + 120
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("committed batch"):
            committed += 1
            if committed == 4:
                os.kill(proc.pid, signal.SIGKILL)
                break
        assert time.time() < deadline
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Store(db) as s:  # DuckDB replays its WAL: whole batches only
        (fp, pos, done) = s.sql("SELECT fingerprint, position, done FROM checkpoints")[0]
        assert not done and pos % 25 == 0 and 100 <= pos < 800
        bad_before = pos // 40
        assert s.count("documents") == pos - bad_before
        assert s.count("skipped") == bad_before
        rep = ingest([str(src)], s, IngestOptions(batch=25))
        assert rep.resumed_from == pos and rep.read == 800 - pos
    after = counts(db)
    assert after["documents"] == after["distinct_docs"] == n_docs
    assert after["skipped"] == n_bad

    clean = tmp_path / "clean.duckdb"
    with Store(clean) as s:
        ingest([str(src)], s, IngestOptions(batch=25))
    assert counts(clean) == after


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_the_run_resumes(tmp_path):
    src = tmp_path / "mid.jsonl"
    n_docs, _ = synthetic_jsonl(src, 400)
    db = tmp_path / "i.duckdb"
    proc = subprocess.Popen(_cli("ingest", str(src), "--db", str(db), "--batch", "20", "-v", "-q"),
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("committed batch 2"):
            os.kill(proc.pid, signal.SIGINT)
            break
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    assert proc.returncode == 130, rest
    assert "interrupted" in rest and "Traceback" not in rest
    with Store(db) as s:
        assert s.runs()[-1]["status"] == "interrupted"
        pos = s.checkpoint(s.sql("SELECT fingerprint FROM checkpoints")[0][0])[0]
        assert s.count("documents") == pos
        rep = ingest([str(src)], s, IngestOptions(batch=20))
        assert rep.resumed_from == pos and s.count("documents") == n_docs


def test_a_ctrl_c_swallowed_on_the_way_still_stops_at_the_next_batch(tmp_path):
    """DuckDB may take a SIGINT while a statement runs and let it end without raising; the ingest remembers the
    Ctrl-C and stops at the next batch boundary, interrupted, with every committed batch kept and resumable. Here the
    swallowing is the batch callback's own (it catches the KeyboardInterrupt the signal raises)."""
    src = tmp_path / "swallow.jsonl"
    n_docs, _ = synthetic_jsonl(src, 120)
    swallowed = []

    def on_batch(_report):
        if not swallowed:
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.5)  # the handler runs here and raises
            except KeyboardInterrupt:
                swallowed.append(True)

    before = signal.getsignal(signal.SIGINT)
    with Store(tmp_path / "s.duckdb") as s:
        with pytest.raises(KeyboardInterrupt):
            ingest([str(src)], s, IngestOptions(batch=20), on_batch=on_batch)
        assert swallowed and s.runs()[-1]["status"] == "interrupted"
        done = s.count("documents")
        assert 0 < done < n_docs
        assert signal.getsignal(signal.SIGINT) is before  # the handler was put back
        rep = ingest([str(src)], s, IngestOptions(batch=20))
        assert rep.resumed_from == done and s.count("documents") == n_docs
