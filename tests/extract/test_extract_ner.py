"""The learned Arabic NER (marsad.extract.ner): exact offsets on any input, valid BIO decoding, the shipped model
and its data files, and names the KB does not know found in sentences written for this test."""
from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.extract import ner
from marsad.extract.ner import NerSpan, NerTagger, default_mentions, spans_from_labels, tag_text
from marsad.extract.words import segment

MODELS = resources.files("marsad.models")


def check_spans(text: str, spans: list[NerSpan]) -> None:
    last_end = 0
    for s in spans:
        assert text[s.start:s.end] == s.text and s.start < s.end
        assert s.label in ner.LABELS
        assert s.start >= last_end, "spans are in text order and do not overlap"
        assert s.text == s.text.strip()
        assert unicodedata.category(s.text[0])[0] not in "PZ" and unicodedata.category(s.text[-1])[0] not in "PZ"
        last_end = s.end


HOSTILE = [
    "",
    " \n\t ",
    "...،،؛!!؟?---«»()",
    "\u200f\u200e\u200f",
    "ب" * 5000,
    "محمد" + "ـ" * 300 + "علي",
    "قال الرئيس" + "X" * 3000 + " في باريس.",
    "الرئيس Macron و" + "李" * 10 + " في 2024-05-06 ١٢٣ 😀😀 التقى علي",
    "وقال أحمد\u200f , \u200f إن «الحزب» (الجديد) 77% - ...",
    ".\n".join(["التقى سمير الحداد بنظيره"] * 200),
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_offsets_are_exact_on_hostile_input(text):
    check_spans(text, tag_text(text))


_alphabet = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإئؤةىـ ًٌٍَُِّ") + list("abcXYZ019٠١٩.,،؛:!؟?-«»()%\n\t "
                                                                                             "\u200f\u200e😀李"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_alphabet, max_size=300).map("".join))
def test_offsets_are_exact_on_any_text(text):
    words, _ = segment(text, "ar")
    spans = NerTagger.load().tag(text, words, default_mentions(text, "ar"))
    check_spans(text, spans)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "I-LOC", "B-MISC"]), min_size=1,
                max_size=12))
def test_decoding_never_starts_an_entity_with_i(labels):
    text = " ".join(f"w{i}" for i in range(len(labels)))
    words, _ = segment(text, "en")
    assert len(words) == len(labels)
    spans = spans_from_labels(text, words, labels)
    for s in spans:
        first = next(i for i, w in enumerate(words) if w.start == s.start)
        last = next(i for i, w in enumerate(words) if w.end == s.end)
        assert labels[first] != "O" and labels[first][2:] == s.label
        # every word inside continues the entity with I- of its class
        assert all(lab == "I-" + s.label for lab in labels[first + 1:last + 1])
    assert sum(lab != "O" for lab in labels) == sum(
        1 for i, w in enumerate(words) for s in spans if s.start <= w.start < s.end)


def test_decoding_reads_orphan_i_as_a_new_entity_and_marks_as_outside():
    text = "a b , c d e"
    words, _ = segment(text, "en")
    spans = spans_from_labels(text, words, ["I-PERS", "I-PERS", "I-PERS", "I-ORG", "B-ORG", "I-LOC"])
    assert [(s.text, s.label) for s in spans] == [("a b", "PERS"), ("c", "ORG"), ("d", "ORG"), ("e", "LOC")]


def test_english_and_empty_documents_get_no_spans():
    assert tag_text("President Biden met Chancellor Scholz in Berlin.", "en") == []
    assert NerTagger.load().tag("", [], []) == []


def test_the_model_ships_small_with_its_metadata():
    meta = json.loads(MODELS.joinpath(ner.META_FILE).read_text(encoding="utf-8"))
    size = len(MODELS.joinpath(ner.MODEL_FILE).read_bytes())
    assert size < 3_000_000
    assert meta["feature_set"] == ner.FEATURE_SET and meta["algorithm"] == "lbfgs"
    assert set(meta["params"]) >= {"c1", "c2", "max_iterations", "feature.minfreq"}
    assert len(meta["training_data"]["sha256"]) == 64
    assert NerTagger.load() is NerTagger.load()


def test_cues_come_from_the_data_file_normalized():
    cues = ner.load_cues()
    assert "title" in cues.single[segment("الرئيس", "ar")[0][0].norm]
    assert "org" in cues.single[segment("وزارة", "ar")[0][0].norm]
    (before, kind), = [c for c in cues.multi[segment("باسم", "ar")[0][0].norm] if c[0] == (
        segment("المتحدث", "ar")[0][0].norm,)]
    assert kind == "title"


# sentences written for this test; every name in them is one the KB does not know (checked below)
UNKNOWN = [
    ("وصل وزير الزراعة حمدان القرشي إلى مدينة تيزنيت صباح أمس في زيارة تستغرق يومين.",
     [("PERS", "حمدان القرشي"), ("LOC", "تيزنيت")]),
    ("وقالت منظمة حقوقية إن السلطات اعتقلت الصحفي يوسف الترهوني في مدينة بنغازي.",
     [("PERS", "يوسف الترهوني")]),
    ("واجتمع رئيس البلدية لارس يورغنسن مع ممثلين عن اتحاد العمال الدنماركي.",
     [("PERS", "لارس يورغنسن"), ("ORG", "اتحاد العمال الدنماركي")]),
    ("وأكد الدكتور فيصل بن عبد الرحمن الشهري أن المستشفى استقبل عشرين مصابا.",
     [("PERS", "فيصل بن عبد الرحمن الشهري")]),
]


@pytest.mark.parametrize("text,expected", UNKNOWN, ids=range(len(UNKNOWN)))
def test_names_the_kb_does_not_know_are_found(text, expected):
    kb = {text[m.start:m.end] for m in default_mentions(text, "ar")
          if m.kind in ("person", "person_short", "organization", "acronym", "place", "capital", "country")}
    got = {(s.label, s.text) for s in tag_text(text)}
    for label, name in expected:
        assert not any(name in k or k in name for k in kb), f"{name} is a KB name: pick another"
        assert (label, name) in got, f"{name} not found as {label}: {sorted(got)}"
