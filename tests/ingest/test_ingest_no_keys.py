"""A store with no key on ``documents`` (migration 010, issue 24): the ingest alone keeps each document once.
Ingesting the same file again (with ``restart``), the file twice over in one input, or a file that repeats its own
lines within a batch and across batches gives the same store, row for row (``tools/store_digest.py``)."""
from __future__ import annotations

import sys
from pathlib import Path

from ingest.test_ingest_runner import synthetic_jsonl
from marsad.ingest import IngestOptions, ingest
from marsad.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from store_digest import digest  # noqa: E402


def test_the_same_input_again_or_doubled_gives_the_same_store(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    n, _ = synthetic_jsonl(src, 60)
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    doubled = tmp_path / "doubled.jsonl"  # every line again: 3 later in the same batch of 7, and the whole file after
    with open(doubled, "w", encoding="utf-8") as fh:
        for i, line in enumerate(lines):
            fh.write(line)
            if i % 5 == 0:
                fh.write(lines[max(0, i - 3)])
        fh.writelines(lines)
    once, again = tmp_path / "once.duckdb", tmp_path / "doubled.duckdb"
    with Store(once) as s:
        first = ingest([str(src)], s, IngestOptions(batch=7))
    want = digest(str(once))
    with Store(once) as s:
        rerun = ingest([str(src)], s, IngestOptions(batch=7, restart=True))
    assert first.new == n and rerun.new == rerun.duplicates == rerun.near_duplicates == 0 and rerun.already == n
    got = digest(str(once))
    assert got == want
    with Store(again) as s:
        rep = ingest([str(doubled)], s, IngestOptions(batch=7))
        assert s.sql("SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(n, n)]
    assert rep.new == n and rep.already == rep.read - n
    other = digest(str(again))
    # the same rows but the file name each document was read from
    assert {t: v for t, v in other.items() if t != "documents"} == {t: v for t, v in want.items() if t != "documents"}
    assert other["documents"][0] == want["documents"][0]
