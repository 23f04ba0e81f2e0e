"""Tokens: clitic segmentation table, English tokens, protection of names, span properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings

from marsad.text import Token, Tokens, enclitic_splits, normalize_key, proclitic_splits, tokenize

from ._strategies import arabicish, texts


def cut(text: str, **kw: object) -> list[str]:
    return [t.text for t in tokenize(text, **kw)]  # type: ignore[arg-type]


# (word, expected sub-token texts) with the default conservative rules
CLITIC_CASES = [
    ("والولايات", ["و", "ال", "ولايات"]),
    ("الولايات", ["ال", "ولايات"]),
    ("واليابان", ["و", "ال", "يابان"]),
    ("بالإضافة", ["ب", "ال", "إضافة"]),
    ("للتعاون", ["لل", "تعاون"]),
    ("وللتعاون", ["و", "لل", "تعاون"]),
    ("فالحكومة", ["ف", "ال", "حكومة"]),
    ("كالعادة", ["ك", "ال", "عادة"]),
    ("وبالتالي", ["و", "ب", "ال", "تالي"]),
    ("واتخذ", ["و", "اتخذ"]),
    ("وأكد", ["و", "أكد"]),
    ("فأكد", ["ف", "أكد"]),
    ("فاعل", ["فاعل"]),
    ("بطوكيو", ["ب", "طوكيو"]),
    ("سيعقد", ["س", "يعقد"]),
    ("وسيزور", ["و", "س", "يزور"]),
    ("قواتها", ["قوات", "ها"]),
    ("نظيريهما", ["نظيري", "هما"]),
    ("حكومتهم", ["حكومت", "هم"]),
    ("وزيرا", ["وزيرا"]),
    ("ووزير", ["و", "وزير"]),
    ("وزارة", ["وزارة"]),
    ("وفد", ["وفد"]),
    ("بريطانيا", ["بريطانيا"]),
    ("لبنان", ["لبنان"]),
    ("للبنان", ["ل", "لبنان"]),
    ("فرنسا", ["فرنسا"]),
    ("واشنطن", ["واشنطن"]),
    ("بكين", ["بكين"]),
    ("كوريا", ["كوريا"]),
    ("سياسة", ["سياسة"]),
    ("السياسة", ["ال", "سياسة"]),
    ("سيارة", ["سيارة"]),
    ("الذي", ["الذي"]),
    ("التي", ["التي"]),
    ("الله", ["الله"]),
    ("إلغاء", ["إلغاء"]),
    ("آلية", ["آلية"]),
    ("إلى", ["إلى"]),
    ("ولد", ["ولد"]),
    ("وقد", ["وقد"]),
    ("في", ["في"]),
    ("تفاهم", ["تفاهم"]),
    ("مذكرة", ["مذكرة"]),
    ("وَالوِلاياتُ", ["وَ", "ال", "وِلاياتُ"]),
    ("اجتماعهم", ["اجتماع", "هم"]),
    ("بينهما", ["بين", "هما"]),
]


@pytest.mark.parametrize(("word", "expected"), CLITIC_CASES)
def test_clitic_table(word: str, expected: list[str]) -> None:
    toks = tokenize(word)
    assert [t.text for t in toks] == expected
    if len(expected) > 1:
        parts = [t.part for t in toks]
        assert "stem" in parts and parts.count("stem") == 1
        assert all(t.word == 0 for t in toks)
    else:
        assert toks[0].part == "word"


def test_protected_words_are_never_split() -> None:
    assert cut("بلينكن ووزير") == ["بلينكن", "و", "وزير"]
    assert cut("بلينكن", protect={"بلينكن"}) == ["بلينكن"]
    assert cut("وبلينكن", protect={"بلينكن"}) == ["و", "بلينكن"]
    # a protected rest wins over a longer prefix: the KB name "الولايات" stays whole
    assert cut("والولايات", protect={"الولايات"}) == ["و", "الولايات"]
    assert cut("للولايات", protect=lambda w: w == "الولايات") == ["لل", "ولايات"]
    assert cut("الصين", protect={"الصين"}) == ["الصين"]


def test_split_clitics_off() -> None:
    assert cut("والولايات وقواتها", split_clitics=False) == ["والولايات", "وقواتها"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan's defense", ["Japan", "'s", "defense"]),
    ("Japan’s defense", ["Japan", "’s", "defense"]),
    ("the U.S. and Japan", ["the", "U.S.", "and", "Japan"]),
    ("Asia-Pacific region", ["Asia-Pacific", "region"]),
    ("54,000 troops", ["54,000", "troops"]),
    ("2.5 billion", ["2.5", "billion"]),
    ("F-16 jets", ["F-16", "jets"]),
    ("2% of GDP.", ["2", "%", "of", "GDP", "."]),
    ("O'Brien said", ["O'Brien", "said"]),
    ("«نعم»، قال", ["«", "نعم", "»", "،", "قال"]),
    ("٥٤٬٠٠٠ جندي", ["٥٤٬٠٠٠", "جندي"]),
])
def test_english_and_punctuation(text: str, expected: list[str]) -> None:
    assert cut(text) == expected


def test_kinds_and_word_index() -> None:
    toks = tokenize("وقواتها 54,000 جندي، $")
    assert [(t.text, t.kind, t.word, t.part) for t in toks] == [
        ("و", "word", 0, "proclitic"), ("قوات", "word", 0, "stem"), ("ها", "word", 0, "enclitic"),
        ("54,000", "number", 1, "word"), ("جندي", "word", 2, "word"), ("،", "punct", 3, "word"),
        ("$", "symbol", 4, "word")]


def test_norm_is_the_folded_text() -> None:
    toks = tokenize("وأمريكا ﻻ ﷺ")
    assert [t.norm for t in toks] == ["و", "امريكا", "لا", "صلي الله عليه وسلم"]


def test_splits_listing() -> None:
    assert proclitic_splits("والولايات") == [("", "والولايات"), ("و", "الولايات"), ("وال", "ولايات")]
    assert ("لل", "تعاون") in proclitic_splits("للتعاون")
    assert all(len(rest) >= 2 for _, rest in proclitic_splits("وبال"))
    assert enclitic_splits("قواتهما")[0] == ("قواتهما", "")
    assert ("قوات", "هما") in enclitic_splits("قواتهما")
    assert ("قواته", "ما") not in enclitic_splits("قواتهما")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_token_spans_exact_ordered_disjoint(text: str) -> None:
    toks = tokenize(text)
    prev_end = 0
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.start < t.end
        assert t.start >= prev_end
        assert t.norm == normalize_key(t.text)
        assert t.kind in ("word", "number", "punct", "symbol")
        assert t.part in ("word", "proclitic", "stem", "enclitic")
        assert not t.text.isspace()
        prev_end = t.end


@settings(max_examples=200, deadline=None)
@given(arabicish)
def test_token_spans_on_arabic_mix(text: str) -> None:
    toks = tokenize(text)
    words = [t.word for t in toks]
    assert words == sorted(words)
    prev_end = 0
    for t in toks:
        assert text[t.start:t.end] == t.text and t.start >= prev_end
        prev_end = t.end
    # split sub-tokens of one word are contiguous up to deleted marks, and keep their word's letters
    for w in set(words):
        group = [t for t in toks if t.word == w]
        assert "".join(t.norm for t in group) == normalize_key(text[group[0].start:group[-1].end]) or \
            len(group) == 1


# -- the Tokens container (tokens stored by chunk template, Token tuples made on first read) -------------------

@pytest.mark.parametrize("text", ["وقواتها 54,000 جندي، $  والولايات\n\nU.S. Japan's", "وأمريكا ﻻ ﷺ", "", "  \n"])
def test_tokens_container_reads_like_the_list(text: str) -> None:
    import pickle

    from marsad.text import Tokens
    toks = tokenize(text)
    assert isinstance(toks, Tokens)
    fresh = tokenize(text)
    as_list = list(fresh)
    assert len(toks) == len(as_list) and bool(toks) == bool(as_list)
    for field in Token._fields:  # the columns, read before any Token is made
        assert tokenize(text).column(field) == [getattr(t, field) for t in as_list]
    assert toks == as_list and as_list == toks and toks == fresh and not (toks != as_list)
    assert toks[:2] == as_list[:2] and isinstance(toks[:2], list)
    assert list(reversed(toks)) == as_list[::-1]
    assert repr(toks) == repr(as_list)
    assert pickle.loads(pickle.dumps(toks)) == as_list
    assert toks + [] == as_list and [] + toks == as_list
    if as_list:
        assert toks[-1] == as_list[-1] and as_list[0] in toks and toks.index(as_list[-1]) == len(as_list) - 1
        assert tokenize(text).column("start") == [t.start for t in as_list]
    assert toks != as_list + [Token(0, 0, "", "", "word", 0, "word")]


@given(texts)
def test_tokens_columns_match_the_tokens(text: str) -> None:
    as_list = list(tokenize(text))
    for field in Token._fields:
        assert tokenize(text).column(field) == [getattr(t, field) for t in as_list]
    assert len(tokenize(text)) == len(as_list)


@given(texts)
def test_tokens_chunk_rows_give_the_tokens_fields(text: str) -> None:
    """``chunk_rows`` (offset + relative rows) gives every token's start, end, text, norm, kind and part, on the
    fast path and on a list of tokens alike."""
    as_list = list(tokenize(text))
    for toks in (tokenize(text), Tokens._of_list(as_list)):
        rows = [(offset + r[0], offset + r[1], *r[2:5], r[6]) for offset, chunk in toks.chunk_rows() for r in chunk]
        assert rows == [(t.start, t.end, t.text, t.norm, t.kind, t.part) for t in as_list]


def test_default_plan_equals_the_general_plan() -> None:
    """``_default_plan`` (the cold path without protected words, written out) cuts every word as ``_word_plan``."""
    import random

    from marsad.text import tokens as T
    from marsad.text._ar_lexicon import ARTICLE_EXCEPTIONS, NO_SPLIT_STEMS

    rng = random.Random(5)
    letters = "اأبتثجحخدذرسشصضطظعغفقكلمنهويىةءؤئ"
    prefixes = ["", "و", "ف", "ب", "ك", "ل", "س", "ال", "لل", "وال", "بال", "فال", "كال", "ولل", "فلل", "وب", "ول",
                "وس", "فب", "فس", "وبال"]
    suffixes = ["", "ها", "هم", "هما", "هن", "ه", "ي", "نا"]
    stems = [*sorted(NO_SPLIT_STEMS)[:1500], *sorted(ARTICLE_EXCEPTIONS)[:500],
             *("".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(5000))]
    words = {rng.choice(prefixes) + s + rng.choice(suffixes) for s in stems} | {"japan's", "x", "١٢", "ab's"}
    for w in sorted(words):
        a, b = T._default_plan(w), T._word_plan(w, None)
        if type(b) is T._HamzaDependent:
            assert type(a) is T._HamzaDependent and (a.word, a.k, a.bare) == (b.word, b.k, b.bare), w
            assert a.pick("أ") == b.pick("أ") and a.pick("ا") == b.pick("ا"), w
        else:
            assert a == b, w
