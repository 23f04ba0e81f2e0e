"""The event case table (tests/extract/event_cases.jsonl) is well formed and covers what the engine must do.

The lead's tests/extract/test_extract_cases.py runs the table through the coder; this module checks the table
itself: schema, sizes, PLOVER type and modality coverage per language, negatives, valid actor codes, and that
the file is the output of tools/rules/gen_cases.py (edit cases_src.txt, not the JSONL).
"""
from __future__ import annotations

import datetime as dt
import importlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from marsad.kb.rules import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "extract" / "event_cases.jsonl"
MODALITIES = {"asserted", "negated", "intended", "planned", "hypothetical", "reported"}
IGO_CODES = {"UNO", "EUR", "IGO"}


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    from marsad.kb import load_kb

    return {e.code for e in load_kb().entities.values() if e.kind == "country" and e.code}


def test_schema(cases):
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    for c in cases:
        assert set(c) == {"id", "lang", "date", "text", "expect"}, c["id"]
        assert c["lang"] in ("ar", "en") and c["id"].startswith(c["lang"] + "-")
        dt.date.fromisoformat(c["date"])
        assert c["text"].strip() == c["text"] and len(c["text"]) >= 20
        for e in c["expect"]:
            assert e["type"] in PLOVER_TYPES, c["id"]
            assert set(e) <= {"type", "source", "target", "modality"}
            assert e.get("modality", "asserted") in MODALITIES
            for code in e["source"] + e["target"]:
                assert re.fullmatch(r"[A-Z]{3}", code), (c["id"], code)


def test_sizes(cases):
    assert len(cases) >= 220
    assert sum(c["lang"] == "ar" for c in cases) >= 160
    assert sum(not c["expect"] for c in cases) >= 40
    assert len({c["text"] for c in cases}) == len(cases)


@pytest.mark.parametrize("lang,floor", [("ar", 5), ("en", 2)])
def test_every_plover_type_is_covered(cases, lang, floor):
    per_type = Counter(e["type"] for c in cases if c["lang"] == lang for e in c["expect"])
    thin = {t: per_type.get(t, 0) for t in PLOVER_TYPES if per_type.get(t, 0) < floor}
    assert not thin, f"{lang}: types with fewer than {floor} cases: {thin}"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_modality_is_covered(cases, lang):
    seen = {e.get("modality") for c in cases if c["lang"] == lang for e in c["expect"]}
    assert MODALITIES <= seen


def test_arabic_sentence_shapes_are_covered(cases):
    ar = [c["text"] for c in cases if c["lang"] == "ar" and c["expect"]]
    shapes = {
        "dual": r"(وزيرا|البلدان|الجانبان|الرئيسان|تعززان|يجتمعان|البحريتان)",
        "between": r"\bبين\b",
        "passive": r"(عُقد|تم توقيع|اغتيل|أصيب|قتل ثلاثة)",
        "reported": r"^(قال|أكد|ذكرت)",
        "coordination": r"\S+ و\S+ و",
        "preposition_against": r"\bضد\b",
        "nominal": r"^(زيارة|مقتل|غارات)",
    }
    for name, pattern in shapes.items():
        assert any(re.search(pattern, t) for t in ar), name


def test_actor_codes_exist(cases, country_codes):
    for c in cases:
        for e in c["expect"]:
            for code in e["source"] + e["target"]:
                assert code in country_codes or code in IGO_CODES, (c["id"], code)


def test_file_is_the_generators_output(cases, capsys):
    sys.path.insert(0, str(ROOT / "tools" / "rules"))
    try:
        gen = importlib.import_module("gen_cases")
    finally:
        sys.path.pop(0)
    assert cases == gen.rows(), "edit tools/rules/cases_src.txt and rerun tools/rules/gen_cases.py"
    capsys.readouterr()
