"""The per-chunk caches of the text layer (marsad.text._chunks) give what a scan of the whole view gives."""
from __future__ import annotations

import datetime as dt
import random
import re

from marsad.text import find_numbers, find_times, normalize, tokenize
from marsad.text import _chunks
from marsad.text.dates import _candidates

_REFERENCE = re.compile(r"(\s*+)(\S++)")


def _reference_chunks(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for ws, chunk in _REFERENCE.findall(text, 0, len(text.rstrip())):
        out.append((pos + len(ws), chunk))
        pos += len(ws) + len(chunk)
    return out


def test_chunks_and_starts_match_a_regex_scan() -> None:
    rng = random.Random(7)
    alphabet = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\x1c", "\r\n", "a", "ب", ".", "٥"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        chunks, starts = _chunks.chunks_and_starts(text)
        assert list(zip(starts, chunks)) == _reference_chunks(text), repr(text)


def test_two_word_months_across_chunks() -> None:
    doc = dt.date(2024, 7, 28)
    for text in ("وصل في كانون الثاني 2024 الوفد", "في 5 ذو الحجة 1445 هجرية", "حتى تشرين الأول الماضي"):
        assert isinstance(normalize(text).offsets, type(normalize("x").offsets))
        first = find_times(text, doc_date=doc)
        assert first and first == find_times(text, doc_date=doc)  # again, from the cached chunks
        norm = normalize(text).norm
        assert [m.span() for m in _candidates(norm, text)] == [m.span() for m in _candidates(norm)]


def test_identity_paths_equal_the_whole_view_paths() -> None:
    text = "قتل 39 شخصا منذ ثلاثة أيام، وأصيب نحو 1,200 آخرين في 28 يوليو/تموز 2024 خلال الأيام الماضية."
    norm = normalize(text).norm
    assert [m.span() for m in _candidates(norm, text)] == [m.span() for m in _candidates(norm)]
    assert [n.value for n in find_numbers(text)] == [39.0, 3.0, 1200.0, 28.0, 2024.0]
    assert find_times(text, doc_date=dt.date(2024, 7, 30))
    assert [t.text for t in tokenize(text)][:3] == ["قتل", "39", "شخصا"]


def test_marked_chunks_are_the_chunks_some_finder_finds_something_in() -> None:
    rng = random.Random(11)
    words = ["قتل", "39", "شخصا", "منذ", "ثلاثة", "أيام", "1,200", "يوليو/تموز", "2024", "كانون", "الثاني", "ألف",
             "و500", "x" * 45 + "2024", "\n", "  ", "."]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        chunks, starts = _chunks.chunks_and_starts(text)
        expected = []
        for p, c in zip(starts, chunks):
            found = tuple(f(c) for f in _chunks._FINDERS)
            if any(found):
                expected.append((p, found))
        assert _chunks.marked_chunks(text) == expected
        assert _chunks.marked_chunks(text) is _chunks.marked_chunks(text)  # kept with the text's chunks


def test_clitic_templates_from_plain_templates() -> None:
    """A chunk's template with clitics worked out from its template without them equals the direct one."""
    from marsad.text import tokens as T

    chunks = ["والولايات", "وإلغاء", "الإلغاء", "بالإلغاء،", "U.S.", "u.s.", "Japan's", "(والحكومة)", "54,000",
              "وقواتها", "كتابها،", "للبنان.", "ﻻ", "ﷺ", "«بالمئة»", "وبالأمس/اليوم", "x-y's", "e.g.", "١٢٣٤",
              "فالحكومة-والولايات", "ٱلأمم", "وﻻية", "اََلحرب", "وبالإضافة"]
    plans = T._Plans(None)
    for chunk in chunks:
        direct = T._chunk_template(chunk, plans)
        assert T._with_clitics(chunk, T._chunk_template(chunk, None), plans) == direct, chunk


def test_marked_texts_tokenized_by_chunks_equal_the_whole_view() -> None:
    """A text whose view deletes or expands characters (harakat, tatweel, bidi marks, ligatures) is tokenized chunk
    by chunk as an identity one is: the tokens equal ``_tokenize`` over the whole view."""
    from marsad.text import tokens as T

    rng = random.Random(24)
    pieces = ["قراراً", "ـ", "وزيرـ", "\u064b", "\u0651", "\u200f", "\u202b", "\u202c", "ﷺ", "ﻻ", "وﻻية", "اََلحرب",
              "والولايات", "بالإلغاء،", "U.S.", "Japan's", "54,000", "٥٤٬٠٠٠", "(", ")", ".", "،", "قتل", "كتابها",
              "ٱلأمم", "\u00a0", " ", "  ", "\n", "\n\n", "\r\n", "x\u200by", "الله", "ﷻ"]
    protect = frozenset(["الولايات", "كتاب"]).__contains__
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\u200f "]) for _ in range(rng.randint(0, 10)))
        nt = normalize(text)
        for split_clitics in (False, True):
            for prot in (None, protect):
                expected = T._tokenize(text, nt, split_clitics, prot)
                got = tokenize(text, split_clitics=split_clitics, protect=prot)
                assert len(got) == len(expected) and list(got) == expected, (repr(text), split_clitics, prot)
                assert [tuple(t) for t in got] == [tuple(t) for t in expected]


def test_word_and_trailing_punctuation_templates_equal_the_token_pattern(monkeypatch) -> None:
    """The fast path of ``_chunk_template`` for a word and one mark after it ("المدينة،") gives what the token
    pattern gives (the path turned off), on such chunks, near misses and random ones (chunks whose view deletes or
    expands a character never come here: ``_marked_template`` makes theirs)."""
    from marsad.text import tokens as T
    from marsad.text.normalize import _IRREGULAR_RUN

    rng = random.Random(11)
    letters = ["ب", "ة", "أ", "ى", "a", "Z", "ª", "ـ", "'", "-", "_", "5", "٥", "\u064e", "\u05be", "."]
    marks = sorted(T._TRAILING_PUNCT) + ["(", "-", "'", "_", "%", "\u05c3", "a", "٥"]
    chunks = ["المدينة،", "العالم.", "فيه.", "(الاثنين)،", "U.S.", "ab.", "x،", "،", ".", "ـه.", "بوناتي\""]
    for _ in range(5_000):
        chunks.append("".join(rng.choice(letters) for _ in range(rng.randint(0, 5))) + rng.choice(marks))
    chunks = [c for c in chunks if _IRREGULAR_RUN.search(c) is None]
    assert len(chunks) > 2_000
    fast = [T._chunk_template(c, None) for c in chunks]
    monkeypatch.setattr(T, "_TRAILING_PUNCT", frozenset())
    assert fast == [T._chunk_template(c, None) for c in chunks]


def test_marked_word_templates_equal_the_marked_path() -> None:
    """The fast path for a marked chunk that is one word with harakat or tanween ("قراراً") gives what
    ``_marked_template`` gives (normalizing the chunk and running the token pattern), rows of the same type, on such
    chunks, near misses (a mark first, a bidi control or a ligature inside, tatweel, digits, punctuation) and random
    ones; chunks it does not take (None) are left to ``_marked_template``."""
    from marsad.text import tokens as T
    from marsad.text.normalize import _IRREGULAR_RUN

    rng = random.Random(25)
    pieces = ["ق", "ر", "ا", "أ", "إ", "ة", "ى", "ـ", "\u064b", "\u064e", "\u0651", "\u0652", "\u0670", "\u200f",
              "\u200b", "\u202c", "ﻻ", "ﷺ", "a", "Z", "İ", "5", "٥", ".", "،", "«", "'", "-", "_", "\u00ad"]
    chunks = ["قراراً", "المتخصّص", "للقدومِ", "موجَّه", "ًقرار", "قرار\u200f", "وﻻية", "الـحرب", "«وهمٌ", "حدًا،"]
    for _ in range(20_000):
        chunks.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))))
    chunks = [c for c in chunks if _IRREGULAR_RUN.search(c) is not None]
    taken = 0
    for c in chunks:
        fast = T._marked_word_template(c)
        if fast is not None:
            taken += 1
            slow = T._marked_template(c, None)
            assert fast == slow and list(map(type, fast[2])) == list(map(type, slow[2])), repr(c)
    assert taken > 300


def test_marked_chunks_of_a_text_from_its_irregular_runs() -> None:
    """The chunks a text's irregular runs touch (``normalize.irregular_runs``, kept by the normalization) are those
    a search of each chunk finds an irregular character in; a text normalized from the cache, or before another, has
    no runs known (None) and its chunks are searched one by one."""
    from marsad.text import tokens as T
    from marsad.text.normalize import _IRREGULAR_RUN, _normalize_cached, irregular_runs

    rng = random.Random(26)
    pieces = ["قراراً", "ـ", "\u064b", "\u200f", "\u200b", "ﻻ", "ﷺ", "قتل", "U.S.", "(", "،", " ", "  ", "\n", "\r\n",
              "\r", "\u00a0", "\t", "x\u200by", "İ", "\u2028"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        _normalize_cached.cache_clear()
        normalize(text)
        runs = irregular_runs(text)
        assert runs is not None
        chunks, starts = _chunks.chunks_and_starts(text)
        expected = {c for c in chunks if _IRREGULAR_RUN.search(c) is not None}
        assert T._marked_chunk_set(chunks, starts, runs) == expected, repr(text)
        assert bool(runs) == (_IRREGULAR_RUN.search(text) is not None), repr(text)
    normalize("another text")
    assert irregular_runs(text) is None  # known for the text normalized last only
