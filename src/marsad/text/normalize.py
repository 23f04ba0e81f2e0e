"""Normalization: a *matching view* of a text plus an offset map back to the original characters.

Job: fold Arabic and English news text into one form in which dictionary keys (KB names, lexicon forms) and
patterns match, while every character of the view still knows which character of the original produced it.
May import: stdlib only (``marsad.text`` imports nothing else of marsad).

The folding, applied to any text whatever its language:

* Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) -> base letters (NFKC per character; a ligature may
  expand to several characters, e.g. U+FEFB -> "لا"; the map handles it);
* deleted: harakat U+064B-U+065F, dagger alef U+0670, tatweel U+0640, Quranic marks U+0610-U+061A and
  U+06D6-U+06ED, extended marks U+08D3-U+08FF, zero-width characters (ZWSP, ZWNJ, ZWJ, BOM, word joiner, soft
  hyphen) and bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates);
* alef forms أ إ آ ٱ ٲ ٳ -> ا; ى -> ي; ة -> ه; Persian ی -> ي and ک -> ك; ؤ and ئ are kept;
* Arabic-Indic and Persian digits -> 0-9; ٪ -> %, ٫ -> ., ٬ -> ,, ، -> ,, ؛ -> ;, ؟ -> ?, ۔ -> .;
* every Unicode horizontal space (tab, NBSP, thin, em, ideographic...) -> ' ', and a run of them -> one ' ';
* line breaks (CR LF, CR, LF, VT, FF, NEL, LS, PS) -> '\\n' (CR LF becomes one '\\n'); newlines never collapse;
* letters lowercased one character at a time (length may change: U+0130 -> "i̇"); curly quotes ‘’‚‛ -> ',
  “”„‟«» -> "; hyphen variants (U+2010-U+2015, U+2212, U+FE63, U+FF0D) -> -; fullwidth ASCII -> ASCII.

Everything else (NUL, lone surrogates, other scripts) passes through unchanged. ``normalize`` is linear time: one
``str.translate`` plus, only when something was deleted, expanded or collapsed, a pass over those places.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import overload


__all__ = ["NormalizedText", "normalize", "normalize_key", "IGNORABLE_CHARS", "MARK_CHARS"]

# -- the character tables -------------------------------------------------------------------------------------

_DELETE_MARKS = [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x0610, 0x061B), *range(0x06D6, 0x06EE),
                 *range(0x08D3, 0x08E2), *range(0x08E3, 0x0900)]
_DELETE_INVISIBLE = [0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060, 0x00AD, 0x180E, 0x200E, 0x200F, 0x061C,
                     *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
#: characters that are combining marks or tatweel: attached to the letter before them (see ``to_original``)
MARK_CHARS = frozenset(chr(c) for c in _DELETE_MARKS)
#: invisible format characters (zero-width, bidi controls): deleted from the view, never part of a span's edge
IGNORABLE_CHARS = frozenset(chr(c) for c in _DELETE_INVISIBLE)

_HSPACE = [0x09, 0x20, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]
_LINEBREAK = [0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029]  # CR handled separately (CR LF -> one LF)

_ONE_TO_ONE: dict[int, str] = {}
for _c in "أإآٱٲٳ":
    _ONE_TO_ONE[ord(_c)] = "ا"
_ONE_TO_ONE.update({ord("ى"): "ي", ord("ة"): "ه", 0x06CC: "ي", 0x06A9: "ك",
                    0x066A: "%", 0x066B: ".", 0x066C: ",", 0x060C: ",", 0x061B: ";", 0x061F: "?", 0x06D4: "."})
for _i in range(10):
    _ONE_TO_ONE[0x0660 + _i] = str(_i)
    _ONE_TO_ONE[0x06F0 + _i] = str(_i)
for _c in (0x2018, 0x2019, 0x201A, 0x201B):
    _ONE_TO_ONE[_c] = "'"
for _c in (0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB):
    _ONE_TO_ONE[_c] = '"'
for _c in (*range(0x2010, 0x2016), 0x2212, 0xFE63, 0xFF0D):
    _ONE_TO_ONE[_c] = "-"
for _c in _HSPACE:
    _ONE_TO_ONE[_c] = " "
for _c in _LINEBREAK:
    _ONE_TO_ONE[_c] = "\n"


def _fold_char(ch: str) -> str:
    """The folding of one character, not counting presentation forms / fullwidth (applied after them)."""
    code = ord(ch)
    if code in _DELETE_SET:
        return ""
    if code in _ONE_TO_ONE:
        return _ONE_TO_ONE[code]
    low = ch.lower()
    return low


_DELETE_SET = frozenset(_DELETE_MARKS) | frozenset(_DELETE_INVISIBLE)


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in _DELETE_SET:
        table[code] = ""
    table.update(_ONE_TO_ONE)
    # letters with a different lowercase form (all scripts; one char may become two, e.g. U+0130)
    for code in range(0x1E960):  # the last cased letter is U+1E921 (Adlam)
        if 0xD800 <= code <= 0xDFFF or code in table:
            continue
        ch = chr(code)
        low = ch.lower()
        if low != ch:
            table[code] = low
    # presentation forms and fullwidth ASCII: NFKC, then fold the result (ligatures expand)
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00), *range(0xFF01, 0xFF5F)):
        if code in _DELETE_SET or code in _ONE_TO_ONE:
            continue
        ch = chr(code)
        if unicodedata.category(ch) == "Cn":
            continue
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc == ch:
            continue
        folded = "".join(_fold_char(c) for c in nfkc)
        if code < 0xFF00:  # isolated harakat forms decompose to " " + mark: drop the space
            folded = folded.strip(" ")
        table[code] = folded
    return table


def _ranges(chars: str) -> str:
    """A character-class body listing ``chars`` as ranges (re is much slower on long lists of single chars)."""
    codes = sorted(set(map(ord, chars)))
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        a, b = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return "".join(parts)


_TABLE: dict[int, str | int] = _build_table()  # type: ignore[assignment]
#: characters whose folding is not exactly one character (deleted or expanded), plus CR
_IRREGULAR = "".join(sorted(chr(c) for c, v in _TABLE.items() if len(v) != 1)) + "\r"
# stdlib re: its big character sets are ~20x faster than the regex module's here
#: output length of each irregular character (CR counts 1: the collapse pass handles it)
_IRREGULAR_LEN = {ch: len(_TABLE[ord(ch)]) if ch != "\r" else 1 for ch in _IRREGULAR}
_IRREGULAR_RUN = re.compile("[" + _ranges(_IRREGULAR) + "]+")
_TABLE[0x0D] = "\r"  # CR stays CR through translate; the collapse pass turns CR LF / CR into one LF
# identity entries for every unmapped code point below U+3000: str.translate raises and clears a KeyError for each
# character missing from the table, which makes it ~2x slower on Arabic text
for _c in range(0x3000):
    _TABLE.setdefault(_c, _c)  # type: ignore[arg-type]
_COLLAPSE = re.compile(r"\r\n?+| {2,}+")
# str.translate looks every character up in a dict (~50 ns each). Most texts contain only a few distinct characters
# that change (Arabic: أ إ آ ى ة): one scan with a character class finds them, and a str.replace per distinct
# character does the rest. Exact when every replacement is itself left unchanged by the table (checked here).
_STR_TABLE: dict[str, str] = {chr(c): (chr(v) if isinstance(v, int) else v) for c, v in _TABLE.items()
                              if (chr(v) if isinstance(v, int) else v) != chr(c)}
_REPLACE_SAFE = frozenset(ch for ch, v in _STR_TABLE.items()
                          if all(_TABLE.get(ord(x), ord(x)) in (x, ord(x)) for x in v))
_CHANGING = re.compile("[" + _ranges("".join(_STR_TABLE) + "\r") + "]")
# the BMP part of _CHANGING: finds the same characters in a text without astral ones (see _changing_class)
_CHANGING_BMP = re.compile("[" + _ranges("".join(ch for ch in _STR_TABLE if ch <= "\uffff") + "\r") + "]")
_IRREGULAR_SET = frozenset(_IRREGULAR)
# The changing characters of almost every Arabic text: one-to-one folds, safe to replace in any order. They are
# replaced first (a membership test and a str.replace each); when the character class then finds nothing else (one
# scan, no match objects) the text is done. findall over the original instead makes a string for every ة and أ.
_COMMON_FOLDS = tuple(ch for ch in "ةأإىآ" if ch in _REPLACE_SAFE and ch not in _IRREGULAR_SET)
_REPLACE_MAX = 24
_EXTEND_AFTER = MARK_CHARS  # deleted chars that belong to the letter before them


class IdentityOffsets(Sequence[int]):
    """Compact offset map of a view with the same length as its original: offsets[i] == i (for i <= n)."""

    __slots__ = ("_n",)

    def __init__(self, n: int) -> None:
        self._n = n

    def __len__(self) -> int:
        return self._n + 1

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[int]: ...

    def __getitem__(self, i: int | slice) -> int | Sequence[int]:
        if isinstance(i, slice):
            return range(self._n + 1)[i]
        if i < 0:
            i += self._n + 1
        if not 0 <= i <= self._n:
            raise IndexError("offset index out of range")
        return i

    def __iter__(self) -> Iterator[int]:
        return iter(range(self._n + 1))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdentityOffsets):
            return other._n == self._n
        if isinstance(other, Sequence | array):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("IdentityOffsets", self._n))

    def __repr__(self) -> str:
        return f"IdentityOffsets({self._n})"


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A matching view ``norm`` of ``original`` and the map back.

    ``offsets`` has ``len(norm) + 1`` entries: ``offsets[i]`` is the index in ``original`` of the character that
    produced ``norm[i]``, and ``offsets[len(norm)] == len(original)``. It is non-decreasing. When nothing was
    deleted, expanded or collapsed it is an :class:`IdentityOffsets` (no memory per character).
    """

    original: str
    norm: str
    offsets: Sequence[int]

    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        """Original span ``(start, end)`` covering ``norm[nstart:nend]``.

        Starts at the character that produced ``norm[nstart]`` and ends just after the character that produced
        ``norm[nend-1]``, then also takes the combining marks / tatweel deleted right after it (diacritics on the
        last letter of a name belong to the name) but never a following space, punctuation or invisible control.
        An empty span maps to an empty span at the corresponding original position.
        Raises ``ValueError`` when ``0 <= nstart <= nend <= len(norm)`` does not hold.
        """
        n = len(self.norm)
        if not 0 <= nstart <= nend <= n:
            raise ValueError(f"normalized span ({nstart}, {nend}) is outside 0..{n} or reversed")
        offs = self.offsets
        start = offs[nstart]
        if nend == nstart:
            return start, start
        last = offs[nend - 1]
        end = last + 1
        limit = offs[nend] if nend < n else len(self.original)
        orig = self.original
        if end < limit:
            if orig[last] == "\r" and orig[end] == "\n":
                end += 1
            while end < limit and orig[end] in _EXTEND_AFTER:
                end += 1
        return start, end

    def to_norm(self, ostart: int, oend: int) -> tuple[int, int]:
        """Smallest normalized span whose characters all come from ``original[ostart:oend]`` (inverse helper)."""
        import bisect

        offs = self.offsets
        n = len(self.norm)
        lo = bisect.bisect_left(offs, ostart, 0, n)
        hi = bisect.bisect_left(offs, oend, lo, n)
        return lo, hi


_IDENT_MAX = 1 << 20  # cache 0..1M as a ready array (4 MB): slicing it is a memcpy, array(range) is not
_IDENT = array("i")


def _ident(a: int, b: int) -> array[int]:
    """``array('i', range(a, b))``, fast."""
    global _IDENT
    if b <= _IDENT_MAX:
        if b > len(_IDENT):
            _IDENT = array("i", range(min(_IDENT_MAX, max(b, 2 * len(_IDENT), 4096))))
        return _IDENT[a:b]
    return array("i", range(a, b))


# the last text ``_normalize_cached`` worked out and the spans of its runs of irregular characters (``irregular_runs``)
_LAST_RUNS: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())


def irregular_runs(text: str) -> tuple[tuple[int, int], ...] | None:
    """The ``(start, end)`` spans of the runs of irregular characters (deleted or expanded by the view, or CR) of
    ``text`` when it is the text last normalized (not from the cache), else None (unknown): what the tokenizer
    needs to know which of a text's chunks hold one without searching each (``tokens._tokenize_identity``)."""
    last = _LAST_RUNS
    return last[1] if last[0] is text else None


def _offsets_pass1(text: str) -> Sequence[int]:
    """Offsets of ``text.translate(_TABLE)`` back into ``text`` (identity when no irregular character); the spans
    of the irregular runs are kept in ``_LAST_RUNS``."""
    global _LAST_RUNS
    if not _IRREGULAR_RUN.search(text):
        _LAST_RUNS = (text, ())
        return IdentityOffsets(len(text))
    out = array("i")
    prev = 0
    lens = _IRREGULAR_LEN
    runs = []
    for m in _IRREGULAR_RUN.finditer(text):
        s, e = m.span()
        runs.append((s, e))
        if s > prev:
            out.extend(_ident(prev, s))
        for i in range(s, e):
            k = lens.get(text[i], 1)
            if k == 1:
                out.append(i)
            elif k:
                out.extend((i,) * k)
        prev = e
    out.extend(_ident(prev, len(text) + 1))
    _LAST_RUNS = (text, tuple(runs))
    return out


def _collapse(t1: str, off1: Sequence[int] | None) -> tuple[str, Sequence[int] | None]:
    """Turn CR LF / CR into LF and runs of spaces into one space, composing the offsets (if given)."""
    if "\r" not in t1 and "  " not in t1:
        return t1, off1
    parts: list[str] = []
    out = array("i") if off1 is not None else None
    ident = isinstance(off1, IdentityOffsets)
    prev = 0
    for m in _COLLAPSE.finditer(t1):
        s, e = m.span()
        parts.append(t1[prev:s])
        parts.append("\n" if t1[s] == "\r" else " ")
        if out is not None and off1 is not None:
            out.extend(_ident(prev, s + 1) if ident else off1[prev:s + 1])  # type: ignore[arg-type]
        prev = e
    parts.append(t1[prev:])
    if out is not None and off1 is not None:
        out.extend(_ident(prev, len(t1) + 1) if ident else off1[prev:])  # type: ignore[arg-type]
    return "".join(parts), out


def normalize(text: str, lang: str = "ar") -> NormalizedText:
    """The matching view of ``text`` with its offset map (see the module docstring for the folding).

    ``lang`` is accepted for symmetry with the other functions; the folding is the same for every language.
    The last few results are cached (the same text is usually normalized by several stages): treat the result,
    including its ``offsets`` array, as read-only.
    Raises ``TypeError`` when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, not {type(text).__name__}")
    return _normalize_cached(text)


@lru_cache(maxsize=32)
def _normalize_cached(text: str) -> NormalizedText:
    """The last few views: the pipeline asks for sentences, tokens, numbers and times of the same text, and the
    store's duplicate key asks for the article's text again after the coder normalized other strings (32 keep it
    for 90% of real articles, 8 for 60%)."""
    global _LAST_RUNS
    changing = _changing_class(text)
    t1 = text
    for ch in _COMMON_FOLDS:
        if ch in t1:
            t1 = t1.replace(ch, _STR_TABLE[ch])
    if changing.search(t1) is None:  # nothing but common folds (or nothing at all) changes
        off1: Sequence[int] = IdentityOffsets(len(text))
        _LAST_RUNS = (text, ())
    else:
        found = set(changing.findall(text))
        irregular = not found.isdisjoint(_IRREGULAR_SET)
        found.discard("\r")  # CR stays CR here (the collapse pass below handles it)
        if len(found) <= _REPLACE_MAX and found <= _REPLACE_SAFE:
            t1 = text
            for ch in found:
                t1 = t1.replace(ch, _STR_TABLE[ch])
        else:
            t1 = text.translate(_TABLE)
        if irregular:
            off1 = _offsets_pass1(text)  # (which keeps the irregular runs' spans in ``_LAST_RUNS``)
        else:
            off1 = IdentityOffsets(len(text))
            _LAST_RUNS = (text, ())
    norm, offs = _collapse(t1, off1)
    assert offs is not None
    return NormalizedText(text, norm, offs)


def _changing_class(text: str) -> re.Pattern[str]:
    """``_CHANGING``, or its BMP part when ``text`` holds no astral character (re tests a character against the
    astral ranges of a class one range after another: 3-4x slower than the bitmap of the BMP part). UTF-16 has two
    bytes for every character but an astral one (lone surrogates included, with surrogatepass)."""
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return _CHANGING_BMP
    return _CHANGING


def normalize_key(s: str) -> str:
    """The same folding for dictionary keys (KB names, lexicon forms): ``normalize(s).norm.strip()``, no offsets."""
    if not isinstance(s, str):
        raise TypeError(f"normalize_key() needs a str, not {type(s).__name__}")
    norm, _ = _collapse(s.translate(_TABLE), None)
    return norm.strip()
