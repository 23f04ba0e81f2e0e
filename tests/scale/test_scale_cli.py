"""`marsad spark code` refuses bad options with one line and exit code 2, before any Spark work starts."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import InputError
from marsad.scale.job import JobConfig, _validate, build_parser, parse_conf, parse_fields


def invoke(*args: str):
    return CliRunner().invoke(app, ["spark", "code", *args])


@pytest.mark.parametrize("extra, words", [
    (["--date", "2024-02-31"], "--date"),
    (["--format", "xml"], "--format"),
    (["--field", "text"], "FIELD=KEY"),
    (["--field", "bodyy=x"], "bodyy"),
    (["--partitions", "0"], "--partitions"),
    (["--lang", "fr"], "--lang"),
    (["--conf", "ui=false"], "spark.KEY=VALUE"),
])
def test_bad_options_are_one_line_errors(tmp_path, extra, words):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Egypt and Jordan signed a deal."}\n')
    result = invoke("--input", str(src), "--output", str(tmp_path / "out"), *extra)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and words in result.output
    assert not (tmp_path / "out").exists()


def test_missing_input_and_occupied_output(tmp_path):
    result = invoke("--input", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no such file" in result.output
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.csv").write_text("x")
    result = invoke("--input", str(src), "--output", str(out))
    assert result.exit_code == 2 and "--overwrite" in result.output
    result = invoke("--input", str(src), "--output", str(out), "--overwrite")
    assert result.exit_code == 2 and "not marsad tables" in result.output
    assert (out / "mine.csv").exists()  # never wiped


def test_job_entry_point_parses_like_the_cli(tmp_path):
    args = build_parser().parse_args(["--input", "a.jsonl", "--output", "o", "--field", "text=body",
                                      "--conf", "spark.executor.memory=2g", "--partitions", "8"])
    assert parse_fields(args.field) == {"text": "body"} and args.partitions == 8
    assert parse_conf(args.conf) == {"spark.executor.memory": "2g"}
    src = tmp_path / "same"
    src.mkdir()
    (src / "a.jsonl").write_text("{}\n")
    with pytest.raises(InputError):
        _validate(JobConfig(input=str(src), output=str(src)))


def test_without_pyspark_the_error_names_the_extra(tmp_path, monkeypatch):
    import sys

    for name in ("pyspark", "pyspark.sql"):
        monkeypatch.setitem(sys.modules, name, None)  # import pyspark now raises ImportError
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Egypt and Jordan signed a deal."}\n')
    result = invoke("--input", str(src), "--output", str(tmp_path / "out"))
    assert result.exit_code == 2 and "marsad[spark]" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
