"""`marsad code` from the command line: real files, real exit codes, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from marsad.cli import app

runner = CliRunner()
AR = "التقى وزير الخارجية الأمريكي نظيره الياباني في طوكيو أمس لبحث التعاون الدفاعي.\n"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_code_json_is_the_output_contract(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(AR, encoding="utf-8")
    res = run("code", str(f), "--date", "2024-03-05")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    for key in ("doc_id", "lang", "date", "kb_version", "entities", "events", "quantities", "times"):
        assert key in doc
    assert doc["lang"] == "ar" and doc["date"] == "2024-03-05"
    for ev in doc["events"]:
        for key in ("id", "type", "mode", "cameo", "quad_class", "goldstein", "source", "target", "modality",
                    "location", "time", "quantities", "trigger", "evidence", "rule", "confidence"):
            assert key in ev
        assert AR[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_code_reads_stdin_and_jsonl():
    res = run("code", "-", "--format", "jsonl", input="Japan and the United States held talks in Tokyo.\n")
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1 and json.loads(lines[0])["lang"] == "en"


def test_code_table_shows_events(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(AR, encoding="utf-8")
    res = run("code", str(f), "--format", "table", "--date", "2024-03-05")
    assert res.exit_code == 0, res.output
    assert "events" in res.stdout and "entities" in res.stdout


@pytest.mark.parametrize("content, needle", [
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"\xd8\xff\xfe bad", "not UTF-8"),
])
def test_bad_files_give_one_line_and_exit_2(tmp_path, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "marsad", "code", str(f)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert needle in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, needle", [
    (["code", "/no/such/file.txt"], "no such file"),
    (["code", "."], "is a directory"),
    (["code", "-", "--date", "2024-13-40"], "YYYY-MM-DD"),
    (["code", "-", "--lang", "fr"], "--lang"),
    (["code", "-", "--format", "xml"], "--format"),
])
def test_bad_arguments_give_one_line_and_exit_2(args, needle):
    proc = subprocess.run([sys.executable, "-m", "marsad", *args], input="نص", capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    assert needle in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("text", ["", "   \n\t ", "!!! ... ؟؟ ، ،", "\u200f\u200e\u202b"])
def test_empty_or_punctuation_gives_a_valid_document_without_events(tmp_path, text):
    f = tmp_path / "e.txt"
    f.write_text(text, encoding="utf-8")
    res = run("code", str(f))
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["events"] == [] and doc["entities"] == []


def test_code_explain_lists_every_candidate_and_its_fate(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text("قصفت الطائرات مواقع للمسلحين قرب الحدود فجر اليوم. ولا تزال ظاهرة الخطف تقلق سكان الأرياف.",
                 encoding="utf-8")
    res = run("code", str(f), "--date", "2024-03-05", "--explain")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    outcomes = [x["outcome"] for x in doc["explain"]]
    assert any(o.startswith("kept as e") for o in outcomes) and any(o.startswith("dropped: ") for o in outcomes)
    table = run("code", str(f), "--date", "2024-03-05", "--explain", "-f", "table")
    assert table.exit_code == 0 and "-> kept as e1" in table.stdout and "-> dropped:" in table.stdout
    bad = run("code", str(f), "--min-confidence", "3")
    assert bad.exit_code == 2 and "min-confidence" in bad.output
    everything = json.loads(run("code", str(f), "--all-candidates").stdout)["events"]
    assert len(everything) >= len(doc["events"])
