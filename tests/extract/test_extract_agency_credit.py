"""Rule ``credit-is-no-actor`` (extract/stages/actors.py): a news agency credited in parentheses or after a
dateline's dash, and its reporter named just before the credit, are no actors of the sentence; an agency the
sentence tells about stays one. Sentences written for the project."""
from __future__ import annotations

from marsad.pipeline import code


def _codes(text: str, role: str, lang: str = "ar") -> list[str]:
    doc = code(text, lang=lang, date="2024-05-14").to_dict()
    return [a["code"] for e in doc["events"] for a in e[role]]


def test_a_credit_in_parentheses_is_no_target():
    codes = _codes("تظاهر مئات الطلاب أمس احتجاجا على رفع الأسعار على ما افاد مراسل (ا ف ب).", "target")
    assert not any(c.endswith("MED") for c in codes)


def test_a_credit_after_the_dateline_is_no_source():
    codes = _codes("عمان ـ ا ف ب: تظاهر نحو ألف شخص أمس في وسط المدينة تضامنا مع العمال.", "source")
    assert codes and not any(c.endswith("MED") for c in codes)


def test_an_agency_the_sentence_tells_about_stays_an_actor():
    assert "FRAMED" in _codes("اعتقلت الشرطة مراسلا لوكالة فرانس برس أمس في القاهرة.", "target")
