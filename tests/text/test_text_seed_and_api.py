"""The flagship article read through the text layer (skipped when ../shared is absent); API hygiene.
The text layer's imports are checked with the other layers in tests/repo/test_repo_layers.py."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import marsad.text as text_layer
from marsad.text import detect_language, find_numbers, find_times, normalize, split_sentences, tokenize

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"


def _seed(name: str) -> str:
    path = SEED / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "lang"), [("us-japan-alliance.ar.txt", "ar"), ("us-japan-alliance.en.txt", "en")])
def test_seed_article(name: str, lang: str) -> None:
    text = _seed(name)
    assert detect_language(text) == lang
    nt = normalize(text)
    sents = split_sentences(text, normalized=nt)
    assert len(sents) >= 10
    toks = tokenize(text, normalized=nt)
    assert all(text[t.start:t.end] == t.text for t in toks)
    nums = [n for n in find_numbers(text, normalized=nt) if not n.year_like and not n.date_part]
    assert any(n.value == 54000 and n.approx for n in nums), nums
    assert any(n.value == 2 and n.percent for n in nums), nums
    times = find_times(text, doc_date=dt.date(2024, 7, 28), normalized=nt)
    assert any(t.value == "2027" and t.relation == "by" for t in times), times


def test_all_is_sorted_and_complete() -> None:
    assert text_layer.__all__ == sorted(text_layer.__all__)
    for name in text_layer.__all__:
        assert hasattr(text_layer, name), name


def test_bench_reports_throughput() -> None:
    r = text_layer.text_layer_throughput(["قال الوزير أمس إن نحو 54 ألف جندي ينتشرون. " * 20] * 5,
                                         doc_date=dt.date(2024, 7, 30))
    assert r["docs"] == 5 and r["mb"] > 0 and r["mb_per_s"] > 0
    assert r["times"] == 5 * 20 and r["numbers"] == 5 * 20 and r["sentences"] == 5 * 20


def test_records_behave_like_frozen_dataclasses() -> None:
    """Token, NumberMatch and TimeMatch are tuples (``_record.FrozenRecord``) with a frozen dataclass's manners."""
    import dataclasses
    import pickle

    from marsad.text import NumberMatch, TimeMatch, Token, find_numbers, find_times, tokenize
    text = "قتل نحو 54 ألف شخص في 28 يوليو 2024"
    recs = [tokenize(text)[0], find_numbers(text)[0], find_times(text)[0]]
    assert [type(r) for r in recs] == [Token, NumberMatch, TimeMatch]
    assert repr(find_numbers(text)[0]).startswith("NumberMatch(start=4, end=14, text='نحو 54 ألف', value=54000.0,")
    assert repr(NumberMatch(1, 2, "x", 1.0, None, None, False, False, 1, 1, 2)) == (
        "NumberMatch(start=1, end=2, text='x', value=1.0, low=None, high=None, approx=False, percent=False, "
        "approx_start=1, num_start=1, num_end=2, year_like=False, date_part=False)")
    for r in recs:
        fields = tuple(getattr(r, f) for f in r._fields)
        same = type(r)(*fields)
        assert same == r and not (same != r) and hash(same) == hash(fields)
        if type(r) is not Token:  # (a Token still equals the plain tuple of its fields, as it always did)
            assert r != fields and fields != r and not (r == fields)  # only equal to a record of the same class
        assert pickle.loads(pickle.dumps(r)) == r
        with pytest.raises(dataclasses.FrozenInstanceError):
            r.start = 0  # type: ignore[misc]
        with pytest.raises(TypeError):
            _ = r < same  # type: ignore[operator]
