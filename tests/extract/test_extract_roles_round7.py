"""Issue 19, seventh round: roles on real newswire. Sentences written for the project."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _events(text: str, lang: str = "ar") -> list[dict]:
    return code(text, lang=lang, date="2024-05-14").to_dict()["events"]


def _countries(actors: list[dict]) -> set[str]:
    return {a["code"][:3] for a in actors if len(a["code"]) > 3}


# "الغاز المسيل/المسيلة للدموع" (tear gas) is no mention of M'Sila, Algeria (common_words.jsonl): before, the
# police and the crowd of every tear-gas sentence that named no country were coded Algerian
@pytest.mark.parametrize("text", [
    "واستخدمت الشرطة الغازات المسيلة للدموع لتفريق المتظاهرين قرب مبنى البلدية.",
    "أطلق الجنود القنابل المسيلة للدموع على المحتجين الذين تجمعوا أمام المحكمة.",
    "وألقت الشرطة قنابل الغاز المسيلة للدموع على الطلاب المعتصمين قرب الجامعة مساء أمس.",
])
def test_tear_gas_is_no_algerian_town(text):
    events = _events(text)
    assert events
    assert all("DZA" not in _countries(e["source"]) | _countries(e["target"]) for e in events)
    assert all((e["location"] or {}).get("country") != "DZA" for e in events)
