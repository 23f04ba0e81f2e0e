"""No export destroys data (issue 21, item 1): not the store it reads, not the previous export, not on a full disk.

Real DuckDB files; the CLI as a subprocess where a limit on file size (RLIMIT_FSIZE, what a full disk looks like
to a writer: EFBIG instead of ENOSPC) or /dev/full is needed, in-process otherwise.
"""
from __future__ import annotations

import hashlib
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.export.tables import TABLES
from marsad.store import Store
from store.docfactory import sample_docs

runner = CliRunner()
KINDS = {"gdelt": "g.tsv", "plover": "p.jsonl", "parquet": "pq", "csv": "csv"}


def run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def digest(path: Path) -> str:
    if path.is_dir():
        return hashlib.sha256(b"".join(digest(p).encode() + p.name.encode()
                                       for p in sorted(path.iterdir()))).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def db(tmp_path) -> Path:
    path = tmp_path / "c.duckdb"
    with Store(path) as s:
        s.upsert_documents([(d, None) for d in sample_docs()])
    return path


def _documents(db: Path) -> int:
    with Store(db, read_only=True) as s:
        return s.count("documents")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_export_onto_the_store_is_refused_and_the_store_kept(db, kind):
    before, n = digest(db), _documents(db)
    for target in (db, Path(f"{db}.wal"), db.parent / "." / db.name):
        res = run("export", kind, "--db", str(db), "-o", str(target), "--force", code=2)
        assert ("E103" in res.stderr or kind in ("csv", "parquet") and "not a directory" in res.stderr)
        assert len(res.stderr.strip().splitlines()) == 1
    assert digest(db) == before and _documents(db) == n


def test_export_never_replaces_another_duckdb_file(db, tmp_path):
    other = tmp_path / "other.duckdb"
    other.write_bytes(db.read_bytes())
    res = run("export", "gdelt", "--db", str(db), "-o", str(other), "--force", code=2)
    assert "DuckDB database" in res.stderr and other.read_bytes() == db.read_bytes()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_existing_output_needs_force(db, tmp_path, kind):
    out = tmp_path / KINDS[kind]
    run("export", kind, "--db", str(db), "-o", str(out))
    first = digest(out)
    res = run("export", kind, "--db", str(db), "-o", str(out), code=2)
    assert "--force" in res.stderr and digest(out) == first
    run("export", kind, "--db", str(db), "-o", str(out), "--force")
    assert digest(out) == first or kind == "parquet"  # parquet files carry no timestamps, but are rewritten
    assert not [p for p in tmp_path.rglob(".*.tmp")]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from marsad.cli import main; sys.argv[0] = 'marsad'; main()", *args]


def _small_disk(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_full_disk_leaves_the_previous_export_whole(db, tmp_path, kind):
    out = tmp_path / KINDS[kind]
    run("export", kind, "--db", str(db), "-o", str(out), "--all-modalities" if kind == "gdelt" else "--force")
    before = digest(out)
    proc = subprocess.run(_cli("export", kind, "--db", str(db), "-o", str(out), "--force"), capture_output=True,
                          text=True, preexec_fn=_small_disk(300), timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("marsad: error E103: cannot write") and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert digest(out) == before, "the previous export was touched"
    assert not [p for p in tmp_path.rglob(".*.tmp")], "a temporary file was left behind"


@pytest.mark.parametrize("kind", ["gdelt", "plover"])
def test_dev_full_is_one_line(db, kind):
    proc = subprocess.run(_cli("export", kind, "--db", str(db), "-o", "/dev/full"), capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and proc.stderr.strip() == \
        "marsad: error E103: cannot write /dev/full: No space left on device"


def test_library_exports_refuse_the_store_too(db):
    from marsad.errors import OutputError
    from marsad.export.files import export_csv
    from marsad.export.gdelt import export_gdelt

    with Store(db, read_only=True) as s:
        with pytest.raises(OutputError):
            export_gdelt(s, db, force=True)
        with pytest.raises(OutputError):
            export_gdelt(s, str(db) + ".wal", force=True)
        (db.parent / "d").mkdir()
        (db.parent / "d" / "events.csv").symlink_to(db)  # a table file that is the store under another name
        with pytest.raises(OutputError):
            export_csv(s, db.parent / "d", force=True)
    assert _documents(db) > 0 and "events" in TABLES
