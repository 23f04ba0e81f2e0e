"""The engine's shape: stages declare what they need and provide, the order is checked, every drop and recode is a
named rule that --explain shows, and the rules' parameters are data that is validated."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import marsad
from marsad.extract import stages as stages_pkg
from marsad.kb.coding_rules import RULE_FIELDS, load_coding_rules, read_rules, rule_problems
from marsad.extract.stages import STAGES, check_order, stage
from marsad.extract.stages.state import INPUTS
from marsad.kb.loader import DATA_DIR

SRC = Path(marsad.__file__).resolve().parent
ARABIC = re.compile(r"[\u0600-\u06ff]")
CAMEO_LITERAL = re.compile(r"^0?\d{2,3}$")


def test_every_stage_needs_only_what_earlier_stages_provide():
    check_order(STAGES, INPUTS)  # also run at import; here it must not raise
    provided = set(INPUTS).union(*[s.provides for s in STAGES])
    assert {"events", "mentions", "words", "candidates"} <= provided


def test_a_stage_out_of_order_is_refused():
    @stage(needs=("events",), provides=())
    def needs_events(res, st):
        return None

    @stage(needs=("text",), provides=("events",))
    def makes_events(res, st):
        return None

    check_order((makes_events, needs_events), INPUTS)
    with pytest.raises(TypeError, match="needs_events needs \\['events'\\]"):
        check_order((needs_events, makes_events), INPUTS)


def test_a_stage_naming_an_unknown_field_is_refused():
    with pytest.raises(TypeError, match="no_such_field"):
        @stage(needs=("no_such_field",), provides=())
        def broken(res, st):
            return None


def _literals(path: Path) -> list[str]:
    return [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_the_pipeline_only_orchestrates():
    path = SRC / "pipeline.py"
    assert len(path.read_text(encoding="utf-8").splitlines()) < 200
    strings = _literals(path)
    assert not [s for s in strings if ARABIC.search(s)], "an Arabic word in pipeline.py: it belongs to a stage's data"
    assert not [s for s in strings if CAMEO_LITERAL.match(s)], "a CAMEO code in pipeline.py: coding_rules.jsonl"


def test_no_cameo_code_is_written_in_the_stages():
    for path in Path(stages_pkg.__file__).parent.glob("*.py"):
        assert not [s for s in _literals(path) if CAMEO_LITERAL.match(s)], path.name


def _explain(text: str) -> list[dict]:
    return marsad.code(text, lang="ar", date="2024-05-01", explain=True, all_candidates=True).explain


def test_a_host_is_recoded_as_visited_and_explain_says_so():
    doc = marsad.code("استقبل رئيس الوزراء الأردني وزير الخارجية الفرنسي في عمان يوم الأحد.", date="2024-05-01",
                      explain=True, all_candidates=True)
    visit = [e for e in doc.events if e.cameo == load_coding_rules()["host-is-visited"]["to_cameo"]]
    assert visit and visit[0].source[0].code.startswith("FRA") and visit[0].target[0].code.startswith("JOR")
    assert any(r.get("recoded_by") == ["host-is-visited"] for r in doc.explain)


def test_a_dropped_candidate_names_the_rule_that_dropped_it():
    names = set(re.findall(r"^    ([a-z-]+) ", stages_pkg.candidates.__doc__, re.M)) | {"trigger-finder"}
    records = _explain("قال الخبير إن ندوة عن الاغتيالات السياسية عقدت في الجامعة. وفي مارس الماضي زار الوفد المدينة.")
    dropped = [r for r in records if r["outcome"].startswith("dropped:") and "decision score" not in r["outcome"]]
    assert dropped, records
    assert all(r.get("dropped_by") in names for r in dropped), [r.get("dropped_by") for r in dropped]


def test_the_shipped_coding_rules_are_valid_and_complete():
    records = read_rules(DATA_DIR / "coding_rules.jsonl")
    assert rule_problems(records) == []
    assert {r["rule"] for r in records} == set(RULE_FIELDS)


@pytest.mark.parametrize("change, message", [
    (lambda rs: rs + [{"rule": "no-such-rule", "note": "x"}], "unknown rule"),
    (lambda rs: rs + [dict(rs[0])], "given twice"),
    (lambda rs: [{k: v for k, v in r.items() if k != "to_cameo"} if r["rule"] == "host-is-visited" else r
                 for r in rs], "lacks ['to_cameo']"),
    (lambda rs: [dict(r, colour="red") if r["rule"] == "recent-pluperfect" else r for r in rs], "unknown fields"),
    (lambda rs: [r for r in rs if r["rule"] != "background-means"], "'background-means' is missing"),
    (lambda rs: [dict(r, note="") if r["rule"] == "anchor-quantities" else r for r in rs], "has no note"),
])
def test_a_broken_coding_rules_file_is_reported(change, message):
    problems = rule_problems(change(read_rules(DATA_DIR / "coding_rules.jsonl")))
    assert any(message in p for p in problems), problems


def test_kb_validate_reports_a_broken_coding_rule(tmp_path):
    import shutil

    from marsad.kb.validate import validate
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    lines = (data / "coding_rules.jsonl").read_text(encoding="utf-8").splitlines()
    (data / "coding_rules.jsonl").write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    report = validate(data)
    assert any(p.file == "coding_rules.jsonl" and "'optional-roles' is missing" in p.message for p in report.errors)
