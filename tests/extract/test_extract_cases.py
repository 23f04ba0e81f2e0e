"""The event case table (tests/extract/event_cases.jsonl, sentences written for the project): type, source,
target and modality per sentence, negatives included.

Each case passes when every expected event is found (same type, expected source/target countries among the
coded ones, same modality) and, for negatives, when no asserted event is coded. The table is scored as a whole
against a floor (the coder's measured accuracy when the floor was last raised), so a regression in any rule
shows up, and each PLOVER type must keep at least one passing case.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import marsad
import marsad.pipeline

CASES_PATH = Path(__file__).with_name("event_cases.jsonl")
FLOOR = 0.0  # raised by the lead as the engine improves: see FLOOR_FILE
FLOOR_FILE = Path(__file__).with_name("event_cases_floor.json")


def load_cases():
    with open(CASES_PATH, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def countries(actors):
    return {a["code"][:3] for a in actors if a.get("code")}


def case_passes(case, all_candidates: bool = True) -> tuple[bool, str]:
    """Does the case hold? The table checks the rules, so by default every candidate they let through is kept
    (``all_candidates``); ``test_the_decision_layer_keeps_most_written_cases`` measures the layer on it."""
    doc = marsad.pipeline.code(case["text"], lang=case["lang"], date=case.get("date"),
                               all_candidates=all_candidates).to_dict()
    evs = doc["events"]
    if not case["expect"]:
        bad = [e for e in evs if e["modality"] == "asserted" and e["type"] is not None]
        return (not bad, f"false alarms: {[(e['type'], e['trigger']['text']) for e in bad]}")
    for exp in case["expect"]:
        ok = False
        for e in evs:
            if e["type"] != exp["type"]:
                continue
            if exp.get("modality") and e["modality"] != exp["modality"]:
                continue
            if not set(exp.get("source") or []) <= countries(e["source"]) | (
                    countries(e["target"]) if not exp.get("target") else set()):
                continue
            if not set(exp.get("target") or []) <= countries(e["target"]) | countries(e["source"]):
                continue
            ok = True
            break
        if not ok:
            got = [(e["type"], sorted(countries(e["source"])), sorted(countries(e["target"])), e["modality"]) for e in evs]
            return False, f"missing {exp}; got {got}"
    return True, ""


@pytest.fixture(scope="module")
def results():
    cases = load_cases()
    return [(c, *case_passes(c)) for c in cases]


def test_case_table_is_large_and_valid():
    cases = load_cases()
    assert len(cases) >= 200
    assert sum(c["lang"] == "ar" for c in cases) >= 150
    assert sum(1 for c in cases if not c["expect"]) >= 30
    assert len({c["id"] for c in cases}) == len(cases)


def test_case_accuracy_stays_above_the_floor(results):
    floor = json.loads(FLOOR_FILE.read_text())["accuracy"] if FLOOR_FILE.exists() else FLOOR
    passed = sum(ok for _c, ok, _m in results)
    acc = passed / len(results)
    failures = "\n".join(f"{c['id']}: {c['text'][:70]} -> {msg}" for c, ok, msg in results if not ok)
    assert acc >= floor - 1e-9, f"case accuracy {acc:.3f} fell below the floor {floor:.3f}\n{failures}"


def test_negatives_raise_few_false_alarms(results):
    neg = [(c, ok) for c, ok, _m in results if not c["expect"]]
    assert neg
    assert sum(ok for _c, ok in neg) / len(neg) >= 0.7


def test_every_type_has_a_passing_case(results):
    passing = Counter(e["type"] for c, ok, _m in results if ok for e in c["expect"])
    expected = {e["type"] for c, _ok, _m in results for e in c["expect"]}
    missing = sorted(t for t in expected if t and passing[t] == 0)
    assert not missing, f"no passing case for {missing}"


LAYER_FLOOR = 0.84  # case accuracy with the decision layer on (measured 0.850 with decision model 1)


def test_the_decision_layer_keeps_most_written_cases():
    # the layer is tuned on real text, where the rules of the rarer types are mostly wrong; on these clean written
    # sentences it drops some right events: this floor makes any further loss visible
    results = [case_passes(c, all_candidates=False)[0] for c in load_cases()]
    assert sum(results) / len(results) >= LAYER_FLOOR
