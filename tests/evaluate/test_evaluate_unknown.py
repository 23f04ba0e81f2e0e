"""Events whose actor the KB does not know (marsad.evaluate.unknown, `marsad eval --real --unknown-actors`).

The texts are written for this test; the coder is a stand-in returning output-contract dicts, so the counting is
tested apart from the coder's quality."""
from __future__ import annotations

import json

import pytest

from marsad.evaluate.real import RealDoc, RealEvent
from marsad.evaluate.unknown import beyond_kb, kb_handles, score_unknown

TEXT = ("هاجمت جماعة النور المسلحة مركزا للشرطة في الموصل. "
        "واستقبل رئيس العراق وفدا من حزب الفجر الجديد.")


def _span(word):
    start = TEXT.index(word)
    return start, start + len(word)


def _entity(eid, code, country, word):
    s, e = _span(word)
    return {"id": eid, "code": code, "country": country, "mentions": [{"start": s, "end": e, "text": word}]}


def _event(etype, word, source, target):
    s, e = _span(word)
    return {"type": etype, "trigger": {"start": s, "end": e, "text": word}, "modality": "asserted",
            "source": [{"code": c} for c in source], "target": [{"code": c} for c in target]}


MOSUL = _entity("place:mosul", None, "IRQ", "الموصل")
IRAQ = _entity("country:IRQ", "IRQ", "IRQ", "العراق")


@pytest.mark.parametrize("codes, entities, beyond", [
    (("IRQINS",), [], True),            # an Iraqi group, and nothing of Iraq in the sentence
    (("IRQINS",), [MOSUL], False),      # a place of Iraq gives the KB a handle on the country
    (("IRQGOV",), [IRAQ], False),       # the country itself
    (("UAF",), [], False),              # bare sectors name nobody
    (("IGONAT",), [IRAQ], True),        # an organization code needs that code
    ((), [], False),
])
def test_a_role_is_beyond_the_kb_when_the_sentence_gives_no_handle(codes, entities, beyond):
    handles = kb_handles({"entities": entities}, 0, len(TEXT))
    assert beyond_kb(codes, handles) is beyond


def test_handles_come_from_the_event_sentence_only():
    first = TEXT.index(".") + 1
    assert kb_handles({"entities": [IRAQ]}, 0, first) == (frozenset(), frozenset())
    assert kb_handles({"entities": [IRAQ]}, first, len(TEXT))[0] == {"IRQ"}


def test_events_beyond_the_kb_are_counted_and_scored_in_both_runs():
    s1, e1 = _span("هاجمت")
    s2, e2 = _span("استقبل")
    doc = RealDoc("u1", "gsr", "ar", "dev", None, TEXT, [
        RealEvent("ASSAULT", None, s1, e1, ("IRQINS",), ("IRQCOP",), "asserted", False),  # handle: الموصل
        RealEvent("CONSULT", None, s2, e2, ("IRQGOV",), ("SYRPTY",), "asserted", False)])  # Syria: none

    def coder(text, lang, date, ner):
        assert text == TEXT and lang == "ar"
        events = [_event("ASSAULT", "هاجمت", ["IRQ"], ["IRQCOP"]),
                  _event("CONSULT", "استقبل", ["IRQGOV"], ["SYRPTY"] if ner else ["IRQ"])]
        return {"entities": [MOSUL, IRAQ], "events": events}

    rep = score_unknown([doc], coder=coder)
    for key in ("sentences-ar", "all"):
        d = rep[key].to_dict()
        assert (d["events"], d["beyond_kb"], d["roles_beyond_kb"]) == (2, 1, 1)
        assert d["matched"] == {"kb": 1, "ner": 1}
        assert d["right"] == {"kb": 0, "ner": 1} and d["roles_right"] == {"kb": 0, "ner": 1}
        assert d["right_all_events"] == {"kb": 1, "ner": 2}
    assert rep["sentences-ar"].items == [{"id": "u1", "type": "CONSULT", "start": s2, "end": e2,
                                          "roles": ["target"], "source": ["IRQGOV"], "target": ["SYRPTY"]}]


def test_cli_unknown_actors_agrees_with_the_real_scorer(shared_dir, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    out, real = tmp_path / "unknown.json", tmp_path / "real.json"
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "--real", "--split", "dev", "--unknown-actors", "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "beyond KB" in res.output
    assert runner.invoke(app, ["eval", "--real", "--split", "dev", "--json", str(real)]).exit_code == 0
    got, ref = (json.loads(p.read_text(encoding="utf-8"))["all"] for p in (out, real))
    assert got["events"] == ref["events"]["gold"]
    assert got["right_all_events"]["kb"] == ref["tuples"]["tp"]  # the same tuple criterion as --real
    assert 0 < got["beyond_kb"] < got["events"] and got["with_ner_name"] <= got["beyond_kb"]
    assert got["right"]["kb"] <= got["matched"]["kb"] <= got["beyond_kb"]
