"""The GSR scorer on a tiny directory in the GSR format, with a fake coder (sentences written for this test)."""
from __future__ import annotations

import csv
import json

import pytest

from marsad.errors import InputError
from marsad.evaluate.gsr import date_from_id, score_gsr

ASSAULT = [
    ("AAW_ARB_20070101.0001-1", "yes", "ATTACK by the army on a village"),
    ("AAW_ARB_20070101.0001-2", "yes", "ATTACK by gunmen on a market"),
    ("AAW_ARB_20070101.0001-3", "yes", "quiet day in the capital"),            # missed
    ("AAW_ARB_20070101.0001-4", "easy no", "a football match ended"),
    ("AAW_ARB_20070101.0001-5", "difficult no", "ATTACK was denied NEGATED"),  # negated -> not detected
    ("AAW_ARB_20070101.0001-6", "difficult no", "ATTACK on the ministry's policy"),  # false alarm
    ("AAW_ARB_20070101.0001-7", "ambiguous", "ATTACK maybe"),                 # skipped
]
PROTEST = [
    ("xyz-1", "yes", "RIOT in the streets"),
    ("xyz-2", "easy no", "markets opened"),
]


def fake_coder(text, lang=None, date=None, doc_id=None):
    assert lang == "ar"
    events = []
    if "ATTACK" in text:
        code = "ISRMIL" if "army" in text else "UAF"
        events.append({"type": "ASSAULT", "cameo": "190", "rule": "attack", "modality": "negated" if "NEGATED" in text else "asserted",
                       "source": [{"code": code, "entity": None, "text": "x"}], "target": []})
    if "RIOT" in text:
        events.append({"type": None, "cameo": "145", "modality": "asserted",
                       "source": [{"code": "EGYCVL", "entity": "e1", "text": "x"}], "target": []})
    return {"events": events, "entities": [{"id": "e1", "country": "EGY", "sectors": ["CVL"]}], "date": date}


def write_csv(path, rows, etype):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "event_type", "label", "accept", "reject", "total", "text"])
        for sid, label, text in rows:
            w.writerow([sid, etype, label, 0, 0, 3, text])


@pytest.fixture()
def gsr_dir(tmp_path):
    write_csv(tmp_path / "assault_dev.csv", ASSAULT, "ASSAULT")
    write_csv(tmp_path / "protest_dev.csv", PROTEST, "PROTEST")
    spans = [
        {"source": ASSAULT[0][0], "text": ASSAULT[0][2],
         "spans": [{"source_role": {"main": "ISR", "role": "MIL"}}, {"source_role": {}}]},
        {"source": ASSAULT[1][0], "text": ASSAULT[1][2],
         "spans": [{"source_role": {"main": "None", "role": "REB"}}]},       # sector wrong (UAF predicted)
        {"source": ASSAULT[2][0], "text": ASSAULT[2][2],
         "spans": [{"source_role": {"main": "SYR", "role": "GOV"}}, {"source_role": "UNKNOWN"}]},  # undetected
    ]
    (tmp_path / "assault_spans_dev.json").write_text(json.dumps(spans), encoding="utf-8")
    pspans = [{"source": "Some paper", "text": PROTEST[0][2],
               "spans": [{"source_role": {"main": "EGY", "role": "CVL"}}]}]
    (tmp_path / "protest_spans_dev.json").write_text(json.dumps(pspans), encoding="utf-8")
    return tmp_path


def test_detection_counts(gsr_dir):
    rep = score_gsr(gsr_dir, coder=fake_coder, keep_ids=True)
    a = rep.types["ASSAULT"]
    assert (a.detection.tp, a.detection.n_pred, a.detection.n_gold) == (2, 3, 3)
    assert a.skipped_ambiguous == 1
    assert a.labels == {"yes": 3, "easy no": 1, "difficult no": 2}
    assert a.false_alarm_rate("difficult no") == 0.5 and a.false_alarm_rate("easy no") == 0.0
    assert a.misses == [ASSAULT[2][::2]] and a.false_alarms == [ASSAULT[5][::2]]
    assert a.to_dict()["misses"] == [ASSAULT[2][0]] and a.to_dict()["false_alarms"] == [ASSAULT[5][0]]
    assert a.to_dict()["rules"] == {"attack": {"yes": 2, "no": 1}}
    p = rep.types["PROTEST"]  # CAMEO root 14 counts as PROTEST
    assert (p.detection.tp, p.detection.n_pred, p.detection.n_gold) == (1, 1, 1)
    assert rep.sentences == 8
    assert rep.headline() == {"gsr_assault_f1": pytest.approx(0.6667, abs=1e-4), "gsr_protest_f1": 1.0}


def test_source_accuracy(gsr_dir):
    a = score_gsr(gsr_dir, coder=fake_coder).types["ASSAULT"]
    # countries: ISR (detected, right), SYR (not detected); the "None" main carries no answer
    assert (a.source_country.gold, a.source_country.detected, a.source_country.correct) == (2, 1, 1)
    # sectors: MIL right, REB vs UAF wrong, GOV undetected
    assert (a.source_sector.gold, a.source_sector.detected, a.source_sector.correct) == (3, 2, 1)
    p = score_gsr(gsr_dir, coder=fake_coder).types["PROTEST"]
    assert (p.source_country.correct, p.source_sector.correct) == (1, 1)


def test_dates_are_passed_from_ids(gsr_dir):
    seen = []

    def coder(text, lang=None, date=None, doc_id=None):
        seen.append(date)
        return {"events": []}

    score_gsr(gsr_dir, coder=coder, types=("ASSAULT",))
    assert set(seen) == {"2007-01-01"}


@pytest.mark.parametrize("sid,date", [
    ("AAW_ARB_20071026.0026-2", "2007-10-26"), ("AAW_ARB_20071326.0026-2", None), ("e6874d82b9c4_38", None),
])
def test_date_from_id(sid, date):
    assert date_from_id(sid) == date


def test_missing_dir_and_files(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        score_gsr(tmp_path / "nope", coder=fake_coder)
    with pytest.raises(InputError, match="assault"):
        score_gsr(tmp_path, coder=fake_coder)
    (tmp_path / "assault_dev.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns"):
        score_gsr(tmp_path, coder=fake_coder, types=("ASSAULT",))
