"""Every option that limits rows refuses zero or a negative number with one line and exit code 2 (issue 21, item 8):
`stats dyads --limit -1` and `stats actors --limit -1` reached DuckDB, whose binder error came back as E300 ("the
database could not be read", exit 3), and `demo --top -1` ingested the whole demo corpus before failing so. A real
store of a few coded documents; the CLI in-process."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.store import Store
from store.docfactory import sample_docs

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("limits") / "s.duckdb"
    with Store(path) as s:
        s.upsert_documents([(d, None) for d in sample_docs()])
    return str(path)


@pytest.mark.parametrize("args", [
    ["query", "SELECT 1", "--limit", "-1"],
    ["stats", "dyads", "--limit", "-1"], ["stats", "dyads", "--limit", "0"],
    ["stats", "actors", "--limit", "-1"], ["stats", "actors", "--limit", "0"],
    ["events", "--limit", "-1"], ["events", "--limit", "0"],
    ["stats", "unlinked", "-n", "-1"], ["stats", "unlinked", "-n", "0"],
])
def test_a_limit_under_one_is_a_one_line_error(db, args):
    res = runner.invoke(app, [*args, "--db", db])
    assert res.exit_code == 2, res.output
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("marsad: error E100") and "limit" in lines[0], res.stderr
    assert "Traceback" not in res.output and "E300" not in res.stderr


@pytest.mark.parametrize("cmd", ["dyads", "actors"])
def test_a_positive_limit_still_limits(db, cmd):
    full = runner.invoke(app, ["stats", cmd, "--db", db, "-f", "csv"])
    one = runner.invoke(app, ["stats", cmd, "--db", db, "-f", "csv", "--limit", "1"])
    assert full.exit_code == 0 and one.exit_code == 0, full.output + one.output
    assert len(full.stdout.splitlines()) > 2 and len(one.stdout.splitlines()) == 2  # header + one row


def test_demo_top_is_checked_before_the_ingest(tmp_path):
    store = tmp_path / "demo.duckdb"
    res = runner.invoke(app, ["demo", "--db", str(store), "--top", "-1"])
    assert res.exit_code == 2 and res.stderr.startswith("marsad: error E100: --top"), res.output
    assert not store.exists()  # nothing was coded or written
