"""A damaged store gives one line, never a traceback (issue 21, item 4).

Single-byte damage at offsets spread over a real DuckDB file (the header and truncation gave a clean E300 already;
damage in a data block only shows when a query reads that block: 22 of 84 such files gave raw DuckDB
tracebacks). Every command here must end in one ``marsad: error E...`` line or succeed; a read-only open never
speaks of migration (it migrates nothing).
"""
from __future__ import annotations

import os
import shutil

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import StoreError
from marsad.store import Store
from store.docfactory import sample_docs

runner = CliRunner()
COMMANDS = [["stats"], ["events", "-n", "1000", "-f", "json"], ["query", "SELECT sum(length(text)) FROM documents"],
            ["stats", "dyads"], ["export", "plover", "-o", "{out}", "--force"], ["export", "csv", "-o", "{out}d",
                                                                                   "--force"]]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    path = tmp_path_factory.mktemp("corrupt") / "p.duckdb"
    with Store(path) as s:
        s.upsert_documents([(d, None) for d in sample_docs()])
    return path


def test_single_byte_damage_is_one_line(pristine, tmp_path):
    size = os.path.getsize(pristine)
    offsets = sorted(set(range(262_144 + 64, size, max(1, (size - 262_144) // 24))))
    failures, clean_errors = [], 0
    for off in offsets:
        db = tmp_path / f"c{off}.duckdb"
        shutil.copy(pristine, db)
        with open(db, "r+b") as fh:
            fh.seek(off)
            byte = fh.read(1)
            fh.seek(off)
            fh.write(bytes([byte[0] ^ 0xFF]))
        for cmd in COMMANDS:
            args = [a.format(out=tmp_path / "out.x") for a in cmd] + ["--db", str(db)]
            res = runner.invoke(app, args)
            if res.exception is not None and not isinstance(res.exception, SystemExit):
                failures.append((off, cmd[0], repr(res.exception)[:120]))
            elif res.exit_code:
                clean_errors += 1
                assert res.stderr.startswith("marsad: error E") and len(res.stderr.strip().splitlines()) == 1
        try:
            Store(db, read_only=True).close()
        except StoreError as exc:
            assert "migrat" not in str(exc), str(exc)
    assert not failures, failures
    assert clean_errors > 0, "no damage was detected at all: the offsets missed the data"
