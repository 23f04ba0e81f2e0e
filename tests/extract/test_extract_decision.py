"""The decision layer (extract/decision.py): a learned score per candidate, thresholds, audit flags, explain trace.

Sentences written for the project."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from marsad.errors import InputError
from marsad.extract.decision import DecisionModel, load_model
from marsad.pipeline import code

STRIKE = "قصفت الطائرات الروسية مواقع للمعارضة في ريف إدلب صباح اليوم."
PLUPERFECT = "وكانت الطائرات قد قصفت مستودعا للذخيرة قرب الحدود الشهر الماضي. وقال مسؤول إن الوضع هادئ اليوم."


def test_the_shipped_model_reads_and_is_versioned():
    raw = json.loads(resources.files("marsad.models").joinpath("decision.json").read_text(encoding="utf-8"))
    model = load_model()
    assert model.version == raw["version"] != "0-untrained"
    assert set(raw["trained_on"]) >= {"gsr", "sports", "written"}  # where its labels came from
    assert 0.0 < model.threshold_for(None) < 1.0 and model.threshold_for("ASSAULT") == raw["thresholds"]["ASSAULT"]
    assert len(model.weights) > 1000


def test_score_is_a_logistic_sum_and_top_features_are_signed():
    m = DecisionModel("t", 0.0, {"a": 2.0, "b": -1.0}, {"*": 0.5})
    assert m.score([]) == 0.5
    assert m.score(["a", "b", "unknown"]) == pytest.approx(1 / (1 + 2.718281828459045 ** -1.0))
    assert m.top(["b", "a", "a"]) == [("a", 2.0), ("b", -1.0)]


def test_the_score_is_calibrated_by_the_models_platt_scaling():
    """The logit passes through the model's Platt scaling (a z + b) before the sigmoid; the shipped model has one,
    fitted by tools/train_decision.py on the real gold's cross-validated predictions."""
    m = DecisionModel("t", 0.0, {"a": 2.0}, {"*": 0.5}, calibration=(0.5, -1.0))
    assert m.score(["a"]) == pytest.approx(1 / (1 + 2.718281828459045 ** 0.0))  # 0.5 * 2 - 1 = 0
    a, b = load_model().calibration
    assert 0.0 < a < 1.0 and (a, b) != (1.0, 0.0)  # too-sure raw scores are flattened


def test_confidence_is_the_decision_score():
    doc = code(STRIKE, lang="ar", date="2024-03-02", all_candidates=True, explain=True)
    scores = {r["trigger"]["start"]: r["score"] for r in doc.explain if "score" in r}
    assert doc.events and all(round(ev.confidence, 3) == scores[ev.trigger.start] for ev in doc.events)


def test_thresholds_move_what_is_kept():
    every = code(STRIKE, lang="ar", date="2024-03-02", all_candidates=True).events
    none = code(STRIKE, lang="ar", date="2024-03-02", min_confidence=1.0).events
    low = code(STRIKE, lang="ar", date="2024-03-02", min_confidence=0.0).events
    assert every and none == [] and len(low) == len(every)
    with pytest.raises(InputError):
        code(STRIKE, lang="ar", min_confidence=1.5)


def test_explain_names_every_candidate_and_its_fate():
    doc = code(STRIKE + " ولا تزال ظاهرة الخطف تقلق السكان.", lang="ar", date="2024-03-02", explain=True)
    assert doc.explain and all(r["outcome"].startswith(("kept as e", "merged into", "dropped: ")) for r in doc.explain)
    kept = {r["outcome"][len("kept as "):] for r in doc.explain if r["outcome"].startswith("kept as")}
    assert kept == {ev.id for ev in doc.events}
    assert any(r["outcome"].startswith("dropped: ") and r["rule"].startswith("ar.assault.abduct")
               for r in doc.explain)  # a kind of act ("ظاهرة الخطف") is dropped, with its reason
    for r in doc.explain:
        assert doc.text[r["trigger"]["start"]:r["trigger"]["end"]] == r["trigger"]["text"]
    assert "explain" in doc.to_dict() and "explain" not in code(STRIKE, lang="ar").to_dict()


def test_a_recalled_act_is_kept_and_flagged_background():
    doc = code(PLUPERFECT, lang="ar", date="2024-03-02", all_candidates=True, explain=True)
    flagged = [ev for ev in doc.events if ev.background]
    assert [ev.type for ev in flagged] == ["ASSAULT"] and flagged[0].to_dict()["background"] is True
    assert all(not ev.background for ev in code(STRIKE, lang="ar", all_candidates=True).events)


@pytest.mark.parametrize("text, lang", [
    (STRIKE + " واجتمع وزير الخارجية مع نظيره التركي في أنقرة أمس لبحث التعاون.", "ar"),
    ("Protesters marched in the capital on Sunday. Police fired tear gas at them, and the army warned the "
     "opposition against new rallies.", "en"),
])
def test_the_fast_score_equals_the_score_of_the_explained_features(text, lang):
    # scoring sums cached feature groups; training reads the strings of the explain trace: the two must agree
    model = load_model()
    doc = code(text, lang=lang, date="2024-03-02", all_candidates=True, explain=True)
    scored = [r for r in doc.explain if "features" in r]
    assert scored
    for r in scored:
        assert r["score"] == round(model.score(r["features"]), 3)
        assert len(r["features"]) == len(set(r["features"]))  # each feature once, as in training


@pytest.mark.slow
def test_the_model_file_is_reproduced_byte_for_byte(shared_dir):
    # the shipped weights come from tools/train_decision.py and the labelled data, nothing else
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    res = subprocess.run([sys.executable, str(root / "tools" / "train_decision.py"), "--check"], capture_output=True,
                         text=True, timeout=900)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert "reproduced byte for byte" in res.stdout
