"""`marsad serve` refuses bad options with one line and its exit code, before it loads or binds anything."""
from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.cli.serve import parse_size


@pytest.mark.parametrize("text, size", [("2MB", 2 * 1024 ** 2), ("512kb", 512 * 1024), ("1048576", 1048576),
                                        ("1.5m", int(1.5 * 1024 ** 2))])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("args, needle", [
    (["--max-body", "lots"], "--max-body"),
    (["--max-body", "-1MB"], "--max-body"),
    (["--port", "70000"], "--port"),
    (["--allowed-host", "bad host/name"], "--allowed-host"),
    (["--max-chars", "0"], "--max-chars"),
    (["--max-seconds", "0"], "--max-seconds"),
])
def test_bad_options_are_one_line_errors(tmp_path, args, needle):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), *args])
    assert result.exit_code != 0
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in result.output


def test_a_busy_port_is_reported_not_a_traceback(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--port", str(port)])
    assert result.exit_code != 0
    assert "cannot listen on 127.0.0.1" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.duckdb").exists()  # refused before the store was created
