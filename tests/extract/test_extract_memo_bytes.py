"""What a memo entry of the coder costs (issue 24: flat memory): equal parts of the entries are one shared object —
the strings of a word's readings, the shape of a lexicon start, a decision sum that weighs nothing —, a one-word
decision group is read off the model's tables instead of a memo, and a word form's readings stay under a byte
bound measured here (``marsad.bench.memo_bytes``)."""
from __future__ import annotations

import pytest

from marsad.bench.memo_bytes import memo_bytes
from marsad.extract import decision, lexicon, words
from marsad.extract.lexicon import Pattern, _Starts

STEMS = ["اجتماع", "حكومة", "مظاهرة", "سفارة", "طلاب", "وزير", "تعاون", "مساعدات", "عائلات", "طائرات"]


def _norm(text: str) -> str:
    return words.segment(text, "ar")[0][0].norm


def _forms() -> list[str]:
    """Forms of a few stems with the proclitics and pronouns news text puts on them (240 distinct)."""
    return list(dict.fromkeys(_norm(p + s + x) for p in ("", "و", "ب", "ال", "وال", "بال") for s in STEMS
                              for x in ("", "ه", "ها", "هم")))


def test_the_strings_of_readings_are_one_object_across_forms():
    a = words.reading(_norm("وأعلن"), "ar", True)
    b = words.reading(_norm("فأعلن"), "ar", True)
    c = words.reading(_norm("أعلن"), "ar", True)
    base_a = next(base for prefix, base, _s in a[0] if prefix)
    base_b = next(base for prefix, base, _s in b[0] if prefix)
    assert base_a == base_b == c[0][0][1]
    assert base_a is base_b is c[0][0][1]  # the stem, and the bare form's own norm: one string
    pre = {p: p for bases, _f in (words.reading(_norm(w), "ar", True) for w in ("وزيارة", "والوزير")) for p, _b, _s
           in bases if p == "و"}
    assert pre["و"] is next(p for p, _b, _s in a[0] if p == "و")
    assert words.reading(_norm("سفارته"), "ar", True)[0][-1][2] is words.reading(_norm("زيارته"), "ar", True)[0][-1][2]


def test_a_word_form_costs_under_a_byte_bound():
    """Measured by this process: 983 bytes a form with the strings shared, 1,295 without (these forms share their
    stems and affixes, as news text does)."""
    memo = {norm: words.reading(norm, "ar", True) for norm in _forms()}
    got = memo_bytes({"words": memo})[0]
    assert got.entries == 240
    assert got.per_entry < 1100, got.per_entry


@pytest.mark.parametrize("rotated", [False, True], ids=["current", "after-rotation"])
def test_segment_memo_keys_are_the_readings_strings(rotated):
    """Also when the words come back from the memo's old generation (other tests of the same process have filled
    and rotated it): the key put back is the interned string, not the tokenizer's copy."""
    words.segment("زار الوزير السفارة", "ar")
    if rotated:
        words._word_readings("ar").rotate()
    ws, _s = words.segment("زار الوزير السفارة، وزار الوزير السفارة", "ar")
    by_norm = {w.norm: w for w in ws if w.kind == "word"}
    for norm, w in by_norm.items():
        assert w.bases[0][1] == norm
        key = next(k for k in words._word_readings("ar") if k == norm)
        assert key is w.bases[0][1]  # the memo's key is the literal reading's base, not a copy


def _pattern(second: tuple[str, ...] | None, item: str) -> Pattern:
    return Pattern((second,) if second else (), item, 2 if second else 1)


def test_starts_with_the_same_patterns_share_their_shape():
    one, two, three = _pattern(None, "a"), _pattern(("x", "y"), "b"), _pattern(("y",), "c")
    shapes: dict = {}
    bare = _Starts.of(((two, ""), (three, ""), (one, "")), shapes)
    with_prefix = _Starts.of(((two, "و"), (three, "و"), (one, "و")), shapes)
    assert bare.pairs != with_prefix.pairs
    assert bare.by_second is with_prefix.by_second and bare.second_forms is with_prefix.second_forms
    assert bare.one_word is with_prefix.one_word and bare._picks is with_prefix._picks
    assert bare.one_word_found == ((one, "", 1),) and with_prefix.one_word_found == ((one, "و", 1),)
    assert bare.with_next(frozenset({"y"})) == (0, 1, 2) == with_prefix.with_next(frozenset({"y"}))
    assert bare.with_next(frozenset({"x"})) == (0, 2)
    other = _Starts.of(((three, ""), (one, "")), shapes)
    assert other.by_second is not bare.by_second and other.with_next(frozenset({"y"})) == (0, 1)
    alone = _Starts.of(((two, ""), (three, ""), (one, "")))  # no table: nothing shared, the same starts
    assert alone.by_second == bare.by_second and alone.by_second is not bare.by_second


def test_the_lexicon_shares_shapes_across_prefixes():
    lex = lexicon.get_lexicon()
    index = lex.triggers["ar"]
    first = next(form for form, pats in index.items()
                 if any(p.rest for p in pats) and len(form) >= 4 and "و" + form not in index)
    a, b = (words.segment(text, "ar")[0][0] for text in (first, "و" + first))
    got_a, got_b = lex._first(index, a), lex._first(index, b)
    assert [p for p, _x in got_a.pairs] == [p for p, _x in got_b.pairs]  # the same patterns, other prefixes
    assert got_a.pairs != got_b.pairs and got_a.by_second is got_b.by_second and got_a._picks is got_b._picks


def test_decision_sums_equal_the_formula_and_word_groups_take_no_memo_entry():
    model = decision.load_model()
    t = next(iter(model.thresholds))
    model.group_sum(("own", True, False, True), t, shared=False)  # the memo exists
    memo = model.cache["groups"][0]
    before = memo.entries()
    nothing = [model.group_sum(("own", f"nowhere{n}", False, True), t, shared=False) for n in range(3)]
    assert nothing == [0.0, 0.0, 0.0] and nothing[0] is nothing[1] is nothing[2]  # one shared zero in the memo
    assert memo.entries() == before + 3
    weighted = [f for f in model.weights if f.partition("=")[0] in decision.WORD_GROUPS][:30]
    weighted += [f.partition("|")[2] for f in model.weights if f.partition("|")[2].partition("=")[0] in ("L", "R1")][:30]
    weighted = list(dict.fromkeys(weighted + ["L1=لاشيء", "trig=لا شيء"]))
    assert len(weighted) > 40
    for feature in weighted:
        kind, word = feature.split("=", 1)
        for etype in (t, "ATTACK", "PROTEST", "NONE"):
            for shared, typed in ((True, True), (True, False), (False, True)):
                expect = sum((model.weights.get(x, 0.0) if shared else 0.0)
                             + (model.typed(etype).get(x, 0.0) if typed else 0.0) for x in decision.expand((kind, word)))
                assert model.group_sum((kind, word), etype, shared, typed) == expect
                assert model.group_sum((kind, word), etype, shared, typed) == expect  # from the memo, or the tables
    assert memo.entries() == before + 3 + 2 * len(weighted) * 4  # the word groups with both weights took none


def _score_by_group_sums(scorer: decision.CandidateScorer, c) -> float:
    """The score as every group's sum of its strings' weights, in the order ``score`` adds them (the formula)."""
    m, t = scorer.model, c.type

    def summed(key: tuple, shared: bool = True, typed: bool = True) -> float:
        return sum((m.weights.get(x, 0.0) if shared else 0.0) + (m.typed(t).get(x, 0.0) if typed else 0.0)
                   for x in decision.expand(key))

    z = m.bias + summed(c.own, shared=False) + summed(c.extras, typed=False)
    for g in c.shared:
        z += summed(g)
    norms = scorer._norms[c.sentence]
    bag = sum(m.bag_weights("").get(x, 0.0) for x in norms)
    bag = bag + sum(m.bag_weights(t).get(x, 0.0) for x in norms)
    return m.probability(z + bag)


def test_scores_equal_the_group_sums_exactly():
    model = decision.load_model()
    ws, _s = words.segment("تظاهر مئات الطلاب أمام السفارة في عمان، وقصفت طائرات حربية مواقع شمال البلاد. "
                           "واعتقلت الشرطة 12 شخصا بعد الاشتباكات.", "ar")
    scorer = decision.CandidateScorer(model, ws, 1, "ar")
    n = 0
    for etype in ("PROTEST", "ASSAULT", "ARREST", None):
        for w0 in range(len(ws)):
            for w1 in (w0, min(w0 + 1, len(ws) - 1)):
                c = scorer.candidate(etype, "r", "verb", w1 > w0, True, "asserted", None, (), (), w0 % 2 == 0,
                                     None, False, w0, w1, 0.5, False)
                assert scorer.score(c) == _score_by_group_sums(scorer, c)
                n += 1
    assert n > 100
