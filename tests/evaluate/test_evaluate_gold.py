"""Gold loading and validation: spans must match the text, enumerations and codes must be known."""
from __future__ import annotations

import json

import pytest

from marsad.errors import InputError
from marsad.evaluate.gold import code_known, load_gold, validate_gold

TEXT = "قالت مصر إن وزير خارجيتها سيزور أنقرة الأسبوع المقبل."


def record(**over):
    s = TEXT.index("مصر")
    t = TEXT.index("سيزور")
    rec = {"id": "ar-x-1", "split": "dev", "lang": "ar", "date": "2024-05-02", "title": "", "text": TEXT,
           "tags": ["planned"],
           "entities": [{"start": s, "end": s + 3, "text": "مصر", "kind": "country", "code": "EGY", "country": "EGY",
                         "name": "Egypt"}],
           "events": [{"type": "CONSULT", "mode": "visit", "cameo_root": "04", "source": ["EGYGOV"], "target": ["TUR"],
                       "modality": "planned", "location": "Ankara", "time": "2024-05", "quantities": [],
                       "trigger": {"start": t, "end": t + 5, "text": "سيزور"},
                       "evidence": {"start": 0, "end": len(TEXT), "text": TEXT}}],
           "notes": ""}
    rec.update(over)
    return rec


def write(tmp_path, *recs, name="g.jsonl"):
    p = tmp_path / name
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    return p


def test_load_and_validate_clean(tmp_path):
    p = write(tmp_path, record(), record(id="ar-x-2", split="test"))
    docs = load_gold([p])
    assert [d.id for d in docs] == ["ar-x-1", "ar-x-2"]
    assert docs[0].events[0].source == ("EGYGOV",) and docs[0].events[0].modality == "planned"
    assert validate_gold(docs, {"EGY", "TUR"}) == []
    assert [d.id for d in load_gold([p], split="test")] == ["ar-x-2"]


def test_validator_reports_every_problem(tmp_path):
    bad = record(id="ar-x-1")
    bad["entities"][0]["start"] += 1
    bad["events"][0]["modality"] = "maybe"
    bad["events"][0]["target"] = ["ZZZ"]
    bad["events"][0]["type"] = "MEET"
    docs = load_gold([write(tmp_path, bad, record())])
    problems = validate_gold(docs, {"EGY", "TUR"})
    fields = sorted(p.field for p in problems)
    assert fields == ["entities[0]", "events[0].modality", "events[0].target[0]", "events[0].type", "id"]
    assert all(":1" in p.where or ":2" in p.where for p in problems)
    kinds = {p.field: p.kind for p in problems}
    assert kinds["entities[0]"] == "span" and kinds["events[0].target[0]"] == "code"
    assert kinds["events[0].modality"] == "value"


def test_trigger_outside_evidence(tmp_path):
    r = record()
    r["events"][0]["evidence"] = {"start": 0, "end": 4, "text": TEXT[:4]}
    problems = validate_gold(load_gold([write(tmp_path, r)]))
    assert [p.field for p in problems] == ["events[0].trigger"]


def test_bad_json_names_file_and_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(record(), ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_gold([p])
    assert exc.value.code == "E100" and "bad.jsonl:2" in str(exc.value)


def test_missing_fields_and_files(tmp_path):
    with pytest.raises(InputError, match="text"):
        load_gold([write(tmp_path, {"id": "x", "lang": "en"})])
    with pytest.raises(InputError, match="does not exist"):
        load_gold([tmp_path / "nope.jsonl"])


@pytest.mark.parametrize("code,ok", [
    ("USA", True), ("USAGOV", True), ("USAMILGOV", True), ("IGONAT", True), ("IGONATMIL", True), ("UAF", True),
    ("USAXYZ", False), ("ZZZ", False), ("USAG", False),
])
def test_code_known(code, ok):
    assert code_known(code, {"USA", "JPN", "IGONAT"}) is ok
