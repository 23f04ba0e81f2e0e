"""evaluate(): a fake coder, per-language/tag/split groups, and coder failures counted as errors (never dropped)."""
from __future__ import annotations

import json

import pytest

import marsad.evaluate as ev
from marsad.errors import CodingError, InputError
from marsad.evaluate import evaluate, predictions_from_file

from .test_evaluate_scoring import gold_doc, pred_doc


def docs():
    a, b = gold_doc(), gold_doc()
    b.id, b.lang, b.split, b.tags = "t2", "ar", "dev", ("negation",)
    return [a, b]


def test_fake_coder_and_groups():
    calls = []

    def coder(text, lang=None, date=None, doc_id=None):
        calls.append((lang, date, doc_id))
        return dict(pred_doc(), kb_version="kb-x", coder_version="c-y")

    res = evaluate(docs(), coder=coder)
    assert calls == [("en", "2025-03-04", "t1"), ("ar", "2025-03-04", "t2")]
    assert res.overall.detection.tp == 4 and res.overall.docs == 2
    assert set(res.by_lang) == {"en", "ar"} and res.by_lang["ar"].detection.tp == 2
    assert set(res.by_split) == {"test", "dev"} and set(res.by_tag) == {"negation"}
    assert res.coder == {"kb_version": "kb-x", "coder_version": "c-y"}
    assert res.to_dict()["headline"]["event_detection_f1"] == 0.8


@pytest.mark.parametrize("exc", [CodingError("boom"), RuntimeError("bug")])
def test_coder_failure_is_an_error_and_its_events_misses(exc):
    def coder(text, lang=None, date=None, doc_id=None):
        if doc_id == "t2":
            raise exc
        return pred_doc()

    res = evaluate(docs(), coder=coder)
    assert len(res.overall.errors) == 1 and res.overall.errors[0].startswith("t2:")
    assert (res.overall.detection.tp, res.overall.detection.n_gold) == (2, 4)


def test_prediction_file(tmp_path):
    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps(dict(pred_doc(), doc_id="t1")) + "\n", encoding="utf-8")
    preds = predictions_from_file(p)
    res = evaluate(docs(), predictions=preds)
    assert res.overall.errors == ["t2: no prediction in the prediction file"]
    p.write_text('{"events": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="doc_id"):
        predictions_from_file(p)


def test_public_names_sorted_and_present():
    assert ev.__all__ == sorted(ev.__all__)
    assert all(hasattr(ev, name) for name in ev.__all__)


def test_prediction_found_by_content_hash(tmp_path):
    from marsad.pipeline import doc_id_of

    d = docs()[0]
    preds = {doc_id_of(d.text): pred_doc()}
    res = evaluate([d], predictions=preds)
    assert res.overall.errors == [] and res.overall.detection.tp == 2
