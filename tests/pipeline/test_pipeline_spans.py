"""Offsets are sacred: every span of the coded document points into the original text, whatever the input."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.model import CodedDocument, iter_spans

HOSTILE = st.sampled_from([
    "\u064e", "\u0651", "\u0652", "\u0670", "\u0640", "\ufefb", "\ufe8d", "\ufdf2", "\u0660", "\u0665", "\u06f5",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f", "\u061c", "\u202b", "\u202e", "\u2066", "\u2069",
    "\u00a0", "\u3000", "\n", "\r\n", " ", "،", "؟", ".", "%", "٪", "2", "54", "ألف",
])
WORDS = st.sampled_from([
    "الولايات المتحدة", "واليابان", "الصين", "طوكيو", "وزير الخارجية الأمريكي", "بلينكن", "اجتمع", "قصف", "هاجم",
    "تظاهر", "اتفاق", "لم", "سوف", "قال", "إن", "أمس", "عام 2027", "Japan", "the United States", "met", "Tokyo",
    "protesters", "said", "didn't", "attack", "54,000 troops", "2%", "Blinken", "China", "in",
])
TEXTS = st.lists(st.one_of(WORDS, HOSTILE, st.text(max_size=3)), max_size=40).map(" ".join)



@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from([None, "ar", "en"]))
def test_every_span_points_into_the_text(text, lang):
    doc = marsad.code(text, lang=lang, date="2024-05-01")
    out = doc.to_dict()
    json.dumps(out, ensure_ascii=False)
    for s in iter_spans(out):
        assert text[s["start"]:s["end"]] == s["text"], s
    for ev in out["events"]:
        assert ev["quad_class"] in (1, 2, 3, 4)
        assert -10 <= ev["goldstein"] <= 10


def test_code_is_deterministic():
    text = "قصفت طائرات حربية إسرائيلية مواقع في جنوب لبنان أمس، وقال الجيش الإسرائيلي إنه استهدف مخازن أسلحة."
    a = marsad.code(text, date="2024-02-10").to_dict()
    b = marsad.code(text, date="2024-02-10").to_dict()
    assert a == b


def test_doc_id_is_the_content_hash():
    a = marsad.code("نص أول")
    b = marsad.code("نص أول")
    c = marsad.code("نص ثان")
    assert a.doc_id == b.doc_id != c.doc_id and len(a.doc_id) == 24


def test_pathological_inputs_finish():
    for text in ["\u064e" * 50_000, "\u200f" * 50_000, "ا" * 200_000, "قصف " * 5_000, "\x00" * 1000, "\ud800x"]:
        doc = marsad.code(text, lang="ar")
        assert isinstance(doc, CodedDocument)


def test_code_many_matches_code_one_by_one():
    from marsad.pipeline import code_many

    texts = ["هاجم مسلحون مركزا للشرطة في بغداد أمس.", ("Japan and China held talks in Beijing.", "2024-02-02")]
    batch = [d.to_dict() for d in code_many(texts)]
    single = [marsad.code(texts[0]).to_dict(), marsad.code(texts[1][0], date=texts[1][1]).to_dict()]
    assert batch == single
