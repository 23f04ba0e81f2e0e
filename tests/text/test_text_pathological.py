"""Hostile input: huge lines, runs of one character, only marks/controls, NUL, lone surrogates. Every stage must
finish and raise nothing. Bounds are generous and in CPU seconds of this process (time.process_time), so that a
busy machine does not make them flaky; linear-time code does each 1 MB case in a few CPU seconds at most."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from marsad.text import (detect_language, find_numbers, find_times, normalize, normalize_key, sentence_languages,
                         split_sentences, tokenize)

MB = 1_000_000
QMB = MB // 4  # the many-kinds table runs on 250 KB each (kept affordable for CI); 1 MB and 10 MB cases below


def _all_stages(text: str) -> None:
    nt = normalize(text)
    assert len(nt.offsets) == len(nt.norm) + 1
    split_sentences(text, normalized=nt)
    toks = tokenize(text, normalized=nt)
    if toks:
        assert text[toks[-1].start:toks[-1].end] == toks[-1].text
    find_numbers(text, normalized=nt)
    find_times(text, doc_date=dt.date(2024, 7, 30), normalized=nt)
    detect_language(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "ا" * QMB,
    "و" * QMB,
    "\u064e" * QMB,
    "\u200f" * QMB,
    "\u202e\u2066" * (QMB // 2),
    " " * QMB,
    "\n" * QMB,
    "\r\n" * (QMB // 2),
    "." * QMB,
    ". " * (QMB // 2),
    "5" * QMB,
    "1." * (QMB // 2),
    "a." * (QMB // 2),
    "ﷺ" * (QMB // 4),
    "\x00" * QMB,
    "\ud800" * QMB,
    "(" * QMB,
    "يوم " * (QMB // 4),
    "عشرة " * (QMB // 5),
    "خمسة و" * (QMB // 6),
    "İ" * QMB,
], ids=lambda t: f"{t[:2]!r}x{len(t)}")
def test_pathological_kinds(text: str) -> None:
    t0 = time.process_time()
    _all_stages(text)
    assert time.process_time() - t0 < 20


@pytest.mark.slow
def test_ten_megabyte_single_line() -> None:
    unit = ("وقال الوزير إن نحو 54 ألف جندي أمريكي ينتشرون في اليابان، وإن الإنفاق سيبلغ 2% بحلول عام 2027 "
            "بعد اجتماع يوم الثلاثاء 28 يوليو 2024. ")
    text = unit * (10 * MB // len(unit.encode()))
    t0 = time.process_time()
    nt = normalize(text)
    toks = tokenize(text, normalized=nt)
    nums = find_numbers(text, normalized=nt)
    times = find_times(text, doc_date=dt.date(2024, 7, 30), normalized=nt)
    sents = split_sentences(text, normalized=nt)
    assert time.process_time() - t0 < 120
    reps = text.count("الوزير")
    assert len(sents) == reps
    assert len(times) == 2 * reps
    assert sum(1 for n in nums if n.value == 54000) == reps
    assert toks[-1].end == len(text) - 1


def test_one_pathological_megabyte_in_the_default_run() -> None:
    text = ("و\u064e\u200f" + "ﻻ" + "٥" + ".") * (MB // 6)
    t0 = time.process_time()
    _all_stages(text)
    assert time.process_time() - t0 < 20


@pytest.mark.parametrize("text", [
    "", " ", "\x00", "\ud800", "\udfff\ud800", "\u064b\u064c", "\u200f", "\ufeff", "ﷺ", "\r", "؟", "٪", "٫٬",
    "a\ud800b", "\x00٥٤\x00ألف", "İ.", "ﻻ.", "«»", "()", "..."])
def test_tiny_hostile_inputs(text: str) -> None:
    _all_stages(text)
    sentence_languages(text)
    assert normalize_key(text) == normalize(text).norm.strip()


def test_non_str_input_is_a_type_error() -> None:
    for fn in (normalize, normalize_key, tokenize, split_sentences, find_numbers, find_times, detect_language):
        with pytest.raises(TypeError):
            fn(b"\xd8\xa7")  # type: ignore[operator]
