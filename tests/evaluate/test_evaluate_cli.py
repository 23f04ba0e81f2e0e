"""`marsad eval` in-process: scoring saved predictions, JSON output, --diff, --validate, the baseline commands."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app

from .test_evaluate_gsr import ASSAULT, write_csv
from .test_evaluate_scoring import TEXT, gold_doc, pred_doc

runner = CliRunner()


def gold_record(doc_id: str, split: str) -> dict:
    g = gold_doc()
    return {"id": doc_id, "split": split, "lang": "en", "date": g.date, "title": "", "text": TEXT, "tags": ["reported"],
            "entities": [{"start": e.start, "end": e.end, "text": e.text, "kind": e.kind, "code": e.code,
                          "country": e.country, "name": e.name} for e in g.entities],
            "events": [{"type": ev.type, "mode": ev.mode, "cameo_root": ev.cameo_root, "source": list(ev.source),
                        "target": list(ev.target), "modality": ev.modality, "location": ev.location, "time": ev.time,
                        "quantities": [{"value": q.value, "unit": q.unit} for q in ev.quantities],
                        "trigger": ev.trigger.to_dict(), "evidence": ev.evidence.to_dict()} for ev in g.events],
            "notes": ""}


@pytest.fixture()
def files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(gold_record(i, s)) for i, s in (("d1", "dev"), ("t1", "test"))) + "\n",
                    encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    preds = [dict(pred_doc(), doc_id="d1"), dict(pred_doc(), doc_id="t1")]
    pred.write_text("\n".join(json.dumps(p) for p in preds) + "\n", encoding="utf-8")
    return gold, pred


def test_eval_saved_predictions_json(files, tmp_path):
    gold, pred = files
    out = tmp_path / "report.json"
    res = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--json", str(out)])
    assert res.exit_code == 0, res.output
    rep = json.loads(out.read_text(encoding="utf-8"))
    assert rep["docs"] == 2
    assert rep["events"]["detection"] == {"tp": 4, "pred": 6, "gold": 4, "precision": 0.6667, "recall": 1.0,
                                          "f1": 0.8}
    assert rep["mentions"]["overlap+kind"]["f1"] == 0.5
    assert rep["by_tag"]["reported"]["docs"] == 2 and rep["by_tag"]["reported"]["modality"]["correct"] == 2
    assert rep["by_lang"]["en"]["docs"] == 2
    assert "Type confusion" in res.output and "event detection" in res.output


def test_eval_split_and_stdout_json(files):
    gold, pred = files
    res = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--split", "test", "--json", "-"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["docs"] == 1 and rep["events"]["detection"]["tp"] == 2


def test_eval_diff_shows_sentences(files):
    gold, pred = files
    res = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--diff", "--diff-kind", "event-false-alarm"])
    assert res.exit_code == 0, res.output
    assert "event-false-alarm" in res.output and "THREATEN" in res.output and "[asserted]" in res.output
    assert "met in Tokyo on Monday" in res.output
    assert "mention-miss" not in res.output


@pytest.mark.parametrize("args,code,needle", [
    (["--split", "train"], 2, "not dev or test"),
    (["--split", "test", "--pred", "/nonexistent/p.jsonl"], 2, "does not exist"),
    (["--limit", "0", "--gsr"], 2, "--limit"),
])
def test_eval_bad_options_one_line(files, args, code, needle):
    gold, _ = files
    res = runner.invoke(app, ["eval", str(gold), *args])
    assert res.exit_code == code
    assert needle in res.output and "Traceback" not in res.output


def test_eval_missing_gold_file(tmp_path):
    res = runner.invoke(app, ["eval", str(tmp_path / "none.jsonl")])
    assert res.exit_code == 2 and "does not exist" in res.output


def test_validate_flags_a_broken_span(files, tmp_path):
    gold, _ = files
    rec = gold_record("x1", "dev")
    rec["entities"][0]["end"] += 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["eval", str(gold), "--validate"]).exit_code == 0
    res = runner.invoke(app, ["eval", str(bad), "--validate"])
    assert res.exit_code == 1 and "entities[0]" in res.output
    res = runner.invoke(app, ["eval", str(bad), "--pred", str(files[1])])
    assert res.exit_code == 2 and "problems in the gold files" in res.output


def test_eval_gsr_directory(tmp_path):
    write_csv(tmp_path / "assault_dev.csv", ASSAULT, "ASSAULT")
    write_csv(tmp_path / "protest_dev.csv", [("p-1", "yes", "sentence")], "PROTEST")
    res = runner.invoke(app, ["eval", "--gsr", str(tmp_path), "--json", "-"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["sentences"] == 7 and set(rep["types"]) == {"ASSAULT", "PROTEST"}
    assert rep["types"]["ASSAULT"]["skipped_ambiguous"] == 1


def test_update_and_check_baseline(files, tmp_path, monkeypatch):
    """The baseline only goes up without --force; --check-baseline fails once a floor is above the measure."""
    gold, _ = files
    base = tmp_path / "baseline.json"
    base.write_text(json.dumps({"split": "test", "tolerance": 0.005, "metrics": {"event_detection_f1": 0.0}}),
                    encoding="utf-8")
    args = ["eval", str(gold), "--baseline", str(base), "--no-gsr"]
    res = runner.invoke(app, [*args, "--update-baseline"])
    assert res.exit_code == 0, res.output
    data = json.loads(base.read_text(encoding="utf-8"))
    assert set(data["metrics"]) >= {"event_detection_f1", "entity_overlap_f1"}
    assert runner.invoke(app, [*args, "--check-baseline"]).exit_code == 0
    data["metrics"]["event_detection_f1"] = 1.5  # above any measure
    base.write_text(json.dumps(data), encoding="utf-8")
    res = runner.invoke(app, [*args, "--check-baseline"])
    assert res.exit_code == 1 and "event_detection_f1" in res.output
    res = runner.invoke(app, [*args, "--update-baseline"])  # lower measured figure: kept without --force
    assert "use --force" in res.output
    assert json.loads(base.read_text(encoding="utf-8"))["metrics"]["event_detection_f1"] == 1.5
    runner.invoke(app, [*args, "--update-baseline", "--force"])
    assert json.loads(base.read_text(encoding="utf-8"))["metrics"]["event_detection_f1"] <= 1.0


def test_markdown_tables(files):
    gold, pred = files
    res = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--markdown"])
    assert res.exit_code == 0, res.output
    assert "| event detection (evidence overlap) | 66.7 | 100.0 | 80.0 |" in res.stdout
    assert "Type confusion" not in res.stdout


def test_compare_with_an_earlier_report(files, tmp_path):
    gold, pred = files
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"headline": {"event_detection_f1": 0.5}, "fields": {"type": {"accuracy": 1.0}}}),
                   encoding="utf-8")
    res = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--compare", str(old)])
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.output.splitlines() if "event_detection_f1" in ln)
    assert "50.0" in line and "80.0" in line and "+30.0" in line
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--compare", str(bad)])
    assert res.exit_code == 2 and "not a report" in res.output


def test_unwritable_json_path(files):
    gold, pred = files
    res = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--json", "/nonexistent/dir/r.json"])
    assert res.exit_code == 2 and "cannot write" in res.output and "Traceback" not in res.output
