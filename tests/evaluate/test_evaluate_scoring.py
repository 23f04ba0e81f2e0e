"""Scoring math on a tiny hand-made gold/prediction pair; every expected number is worked out by hand below."""
from __future__ import annotations

import pytest

from marsad.evaluate.gold import GoldDoc, GoldEntity, GoldEvent, GoldQuantity
from marsad.evaluate.scoring import PRF, SPURIOUS, location_equal, match_events, score_document, time_equal
from marsad.model import Span

TEXT = "Japan and the United States met in Tokyo on Monday. China condemned the meeting."


def sp(needle: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def sd(needle: str) -> dict:
    return sp(needle).to_dict()


S1 = "Japan and the United States met in Tokyo on Monday."
S2 = "China condemned the meeting."


def gold_doc() -> GoldDoc:
    ents = [GoldEntity(*_t(sp("Japan")), "country", "JPN", "JPN", "Japan"),
            GoldEntity(*_t(sp("United States")), "country", "USA", "USA", "United States"),
            GoldEntity(*_t(sp("Tokyo")), "place", None, "JPN", "Tokyo"),
            GoldEntity(*_t(sp("China")), "country", "CHN", "CHN", "China")]
    events = [
        GoldEvent("CONSULT", None, "04", ("JPN", "USA"), (), "asserted", "Tokyo", "2025-03", (), sp("met"), sp(S1)),
        GoldEvent("ACCUSE", "disapprove", "11", ("CHN",), ("JPN", "USA"), "asserted", None, None,
                  (GoldQuantity(54000, "troops"),), sp("condemned"), sp(S2)),
    ]
    return GoldDoc(id="t1", split="test", lang="en", date="2025-03-04", title="", text=TEXT, entities=ents,
                   events=events)


def _t(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


def actor(code: str) -> dict:
    return {"code": code, "entity": None, "text": code}


def pred_doc() -> dict:
    return {
        "doc_id": "t1",
        "entities": [
            {"id": "e1", "kind": "country", "code": "JPN", "country": "JPN", "mentions": [sd("Japan")]},
            {"id": "e2", "kind": "country", "code": "USA", "country": "USA", "mentions": [sd("the United States")]},
            {"id": "e3", "kind": "country", "code": "JPN", "country": "JPN", "mentions": [sd("Tokyo")]},
            {"id": "e4", "kind": "organization", "code": "XXX", "country": None, "mentions": [sd("meeting")]},
        ],
        "events": [
            {"type": "CONSULT", "mode": None, "cameo": "040", "source": [actor("JPN"), actor("USAGOV")],
             "target": [], "modality": "asserted", "location": {"name": "Tokyo", "country": "JPN"},
             "time": {"value": "2025-03-03"}, "quantities": [], "trigger": sd("met"), "evidence": sd(S1),
             "rule": "r1"},
            {"type": "ACCUSE", "mode": None, "cameo": "112", "source": [], "target": [actor("JPN")],
             "modality": "reported", "location": None, "time": None,
             "quantities": [{"kind": "troops", "value": 54000, "unit": None},
                            {"kind": "percent", "value": 2, "unit": "percent"}],
             "trigger": sd("condemned"), "evidence": sd(S2), "rule": "r2"},
            # overlaps the first gold event too, but the CONSULT prediction shares its trigger and type
            {"type": "THREATEN", "mode": None, "cameo": "130", "source": [], "target": [], "modality": "asserted",
             "location": None, "time": None, "quantities": [], "trigger": sd("Monday"),
             "evidence": sd("Tokyo on Monday"), "rule": "r3"},
        ],
    }


@pytest.fixture(scope="module")
def rep():
    return score_document(gold_doc(), pred_doc(), want_diff=True)


def test_prf_math_and_empty_denominators():
    p = PRF(tp=2, n_pred=3, n_gold=4)
    assert (p.precision, p.recall) == (2 / 3, 0.5)
    assert p.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("key,tp,pred,gold", [
    ("exact", 2, 4, 4),          # "Japan" and "Tokyo" have identical offsets
    ("exact+kind", 1, 4, 4),     # Tokyo: place in gold, country predicted
    ("overlap", 3, 4, 4),        # Japan, (the) United States, Tokyo; China missed; "meeting" spurious
    ("overlap+kind", 2, 4, 4),   # Tokyo predicted as a country
])
def test_mentions(rep, key, tp, pred, gold):
    m = rep.mentions[key]
    assert (m.tp, m.n_pred, m.n_gold) == (tp, pred, gold)


def test_linking(rep):
    code = rep.linking["code"]
    # gold codes on Japan, USA, China (Tokyo has none); predicted codes on all 4 mentions
    assert (code.n, code.correct, code.prf.tp, code.prf.n_pred, code.prf.n_gold) == (2, 2, 2, 4, 3)
    country = rep.linking["country"]
    assert (country.n, country.correct, country.prf.n_pred, country.prf.n_gold) == (3, 3, 3, 4)


def test_detection_prefers_trigger_and_type(rep):
    assert (rep.detection.tp, rep.detection.n_pred, rep.detection.n_gold) == (2, 3, 2)
    assert rep.detection.f1 == pytest.approx(0.8)
    assert rep.typed.tp == 2
    assert rep.tuple.tp == 1  # the ACCUSE event has the wrong source, target and modality
    assert rep.confusion == {("CONSULT", "CONSULT"): 1, ("ACCUSE", "ACCUSE"): 1, (SPURIOUS, "THREATEN"): 1}
    assert (rep.per_type["THREATEN"].n_pred, rep.per_type["THREATEN"].tp) == (1, 0)
    assert {k: (v.n_pred, v.tp) for k, v in rep.per_rule.items()} == {"r1": (1, 1), "r2": (1, 1), "r3": (1, 0)}


@pytest.mark.parametrize("name,correct,n", [
    ("type", 2, 2), ("cameo_root", 2, 2), ("mode", 1, 2), ("source_country", 1, 2), ("source_code", 0, 2),
    ("target_country", 1, 2), ("modality", 1, 2), ("location", 2, 2), ("time", 2, 2), ("quantities", 1, 2),
])
def test_field_accuracy(rep, name, correct, n):
    assert (rep.fields[name].correct, rep.fields[name].n) == (correct, n)


@pytest.mark.parametrize("name,tp,pred,gold", [
    ("source_country", 2, 2, 3),   # {JPN,USA} vs {JPN,USA}; {CHN} vs {}
    ("source_code", 1, 2, 3),      # USAGOV != USA
    ("target_country", 1, 1, 2),
    ("quantities", 1, 2, 1),
    ("mode", 0, 0, 1),
    ("location", 1, 1, 1),
])
def test_field_elements(rep, name, tp, pred, gold):
    prf = rep.fields[name].prf
    assert (prf.tp, prf.n_pred, prf.n_gold) == (tp, pred, gold)


def test_diff_lists_misses_and_false_alarms_with_sentences(rep):
    kinds = {(d.kind, d.label) for d in rep.diff}
    assert ("event-false-alarm", "THREATEN") in kinds
    assert ("mention-miss", "country") in kinds
    assert ("mention-false-alarm", "organization") in kinds
    fa = next(d for d in rep.diff if d.kind == "event-false-alarm")
    assert fa.sentence == S1
    field = next(d for d in rep.diff if d.kind == "field" and d.label == "ACCUSE")
    assert "modality: gold asserted pred reported" in field.detail


def test_one_to_one_matching():
    g = gold_doc()
    two_gold_same_sentence = [g.events[0], GoldEvent("CONSULT", None, "04", ("JPN",), (), "asserted", None, None,
                                                     (), None, sp(S1))]
    pred = [pred_doc()["events"][0]]
    assert match_events(two_gold_same_sentence, pred) == [(0, 0)]
    assert match_events(g.events, []) == []


def test_merged_event_matches_through_any_of_its_evidences():
    g = gold_doc().events[1]
    ev = dict(pred_doc()["events"][0], evidence=sd(S1), evidences=[sd(S1), sd(S2)])
    assert match_events([g], [ev]) == [(0, 0)]


@pytest.mark.parametrize("gold,pred,ok", [
    ("Tokyo", {"name": "tokyo", "country": "JPN"}, True),
    ("JPN", {"name": "Tokyo", "country": "JPN"}, True),
    ("Osaka", {"name": "Tokyo", "country": "JPN"}, False),
    (None, None, True),
    (None, {"name": "Tokyo"}, False),
    ("Tokyo", None, False),
])
def test_location_equal(gold, pred, ok):
    assert location_equal(gold, pred) is ok


@pytest.mark.parametrize("gold,value,ok", [
    ("2027", "2027", True), ("2027", "2027-12-31", True), ("2025-03-03", "2025", False),
    (None, None, True), ("2027", None, False), (None, "2027", False),
])
def test_time_equal(gold, value, ok):
    assert time_equal(gold, None if value is None else {"value": value}) is ok


def test_document_date_fallback_is_no_stated_time():
    fallback = {"value": "2025-03-04", "relation": "document-date"}
    assert time_equal(None, fallback) is True
    assert time_equal("2025-03-04", fallback) is True
    assert time_equal("2025-03-03", fallback) is False


def test_report_adds_up_and_serializes(rep):
    from marsad.evaluate.scoring import EvalReport

    total = EvalReport()
    total.add(rep)
    total.add(rep)
    assert total.detection.tp == 4 and total.docs == 2
    d = total.to_dict(include_diff=True)
    assert d["events"]["detection"]["f1"] == 0.8
    assert d["headline"]["entity_overlap_f1"] == 0.5
    assert len(d["diff"]) == 2 * len(rep.diff)
