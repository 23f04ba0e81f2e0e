"""Sentence splitting for Arabic and English news text, as spans of the original text.

Job: return ordered, non-overlapping ``(start, end)`` spans over the ORIGINAL text such that every character that
is not whitespace or an invisible control (zero-width, bidi) belongs to exactly one sentence, and no sentence starts
or ends with whitespace / invisible controls. May import: stdlib, ``marsad.text``.

Rules (applied on the normalized view, so ؟ ۔ and Arabic-Indic digits count like ? . and 0-9):

* a line break ends a sentence (headlines and list items have no final punctuation);
* ``.`` ``!`` ``?`` ``…`` (and runs such as ``?!`` ``...``), followed by any closing quotes/brackets and then
  whitespace or the end, end a sentence, except after an abbreviation (Dr. Mr. Gen. U.S. Jan. ... and any single
  letter: initials "J. Smith", Arabic د. م. أ.), after a list number at the start of a line ("1. ..."), when the
  next word starts with a lowercase Latin letter, or inside a quotation/bracket that closes within a short clause
  on the same line;
* the Arabic semicolon ؛ and commas never split.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .normalize import IGNORABLE_CHARS, IdentityOffsets, NormalizedText, normalize

__all__ = ["split_sentences", "ABBREVIATIONS"]

#: lowercase abbreviations (without the final dot) after which a period does not end a sentence
ABBREVIATIONS: frozenset[str] = frozenset("""
mr mrs ms dr prof gen col lt sgt capt maj adm gov sen rep st jr sr inc ltd co corp vs no nos fig approx dept est
mt ft rev hon pres sec gen brig cmdr cpl pvt jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g
i.e a.m p.m u.s.a d.c ph.d al op cf vol pp art para
""".split())

# a line break, or terminal punctuation (a run of it) with any closing quotes/brackets, then whitespace or the end.
# Written with ONE leading character class (the alternation "...|\n" has none): re then skips to the next candidate
# in C instead of trying the pattern at every position.
_CANDIDATE = re.compile(r"""[.!?\u2026\n](?:(?<=\n)|[.!?\u2026]*+["')\]}»”’]*+(?=\s|\Z))""")
# On an identity view a run of line breaks is one candidate (one cut at its end): the cuts a lone-newline candidate
# would make inside the run only delimit whitespace, which gives no sentence. (Not so on other views: a deleted
# character between two line breaks of the view, e.g. a diacritic alone on a line, is still text.)
_CANDIDATE_RUNS = re.compile(r"""[.!?\u2026\n](?:(?<=\n)\n*+|[.!?\u2026]*+["')\]}»”’]*+(?=\s|\Z))""")
#: every character ``_is_blank`` is true for (whitespace and invisible controls)
_BLANK = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace()) | IGNORABLE_CHARS  # U+3000 is the last space
_QUOTE_OPEN = {"(": ")", "[": "]", "«": "»", "“": "”"}
_SHORT_CLAUSE = 200


def _is_blank(ch: str) -> bool:
    return ch.isspace() or ch in IGNORABLE_CHARS


def split_sentences(text: str, lang: str = "ar", normalized: NormalizedText | None = None) -> list[tuple[int, int]]:
    """Sentence spans over the original ``text`` (see the module docstring). ``normalized`` may pass a precomputed
    ``normalize(text)``. ``lang`` does not change the rules (Arabic and English ones both apply)."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences() needs a str, not {type(text).__name__}")
    nt = normalized if normalized is not None else normalize(text, lang)
    norm = nt.norm
    offs = nt.offsets
    identity = isinstance(offs, IdentityOffsets)
    n = len(norm)
    quotes = any(q in text for q in _QUOTE_OPEN)
    cuts: list[int] = []  # positions in the ORIGINAL text where a new sentence may start
    rev = _Reversed(norm)
    append_cut = cuts.append
    for m in (_CANDIDATE_RUNS if identity else _CANDIDATE).finditer(norm):
        s, e = m.span()
        c = norm[s]
        if c == "\n":  # a line break always ends a sentence (and the pattern matches it (or a run of them) alone)
            append_cut(len(text) if e >= n else (e if identity else offs[e]))
            continue
        if e - s == 1:
            if c == "." and not quotes and s >= 2:
                # the commonest candidate, "...كلمة. " with no bracket in the text: _ends_sentence inlined for it
                a, b = norm[s - 2], norm[s - 1]
                if not a.isascii() and not b.isascii() and a.isalpha() and b.isalpha():  # _after_long_word
                    j = e
                    while j < n and norm[j] == " ":
                        j += 1
                    if j < n:
                        nxt = text[j if identity else offs[j]]
                        if nxt.isascii() and nxt.islower() or norm[j] in ",;:":
                            continue
                    append_cut(len(text) if e >= n else (e if identity else offs[e]))
                    continue
        if _ends_sentence(norm, text, offs, identity, quotes, s, e, rev):
            append_cut(len(text) if e >= n else (e if identity else offs[e]))
    spans: list[tuple[int, int]] = []
    append = spans.append
    blank = _BLANK
    prev = 0
    cuts.append(len(text))
    for cut in cuts:
        if cut <= prev:
            continue
        a, b = prev, cut
        while a < b and text[a] in blank:
            a += 1
        while b > a and text[b - 1] in blank:
            b -= 1
        if a < b:
            append((a, b))
        prev = cut
    return spans


_WORDISH = frozenset("._")


class _Reversed:
    """The view reversed, made on first use: the word characters before a position are one match on it."""

    __slots__ = ("norm", "_rev")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self._rev: str | None = None

    def run_start(self, s: int, lo: int) -> int:
        """Start of the run of alphanumerics, "." and "_" ending at ``s``, not before ``lo``."""
        rev = self._rev
        if rev is None:
            rev = self._rev = self.norm[::-1]
        n = len(rev)
        return s - _WORD_RUN.match(rev, n - s, n - lo).end() + (n - s)


# [\w.] is exactly "isalnum() or one of . _" (re's \w is Unicode alphanumeric or _)
_WORD_RUN = re.compile(r"[\w.]*+")


def _ends_sentence(norm: str, text: str, offs: Sequence[int], identity: bool, quotes: bool, s: int, e: int,
                   rev: _Reversed) -> bool:
    """Whether the terminal punctuation at ``norm[s:e]`` really ends a sentence."""
    if norm[s] == "." and not _after_long_word(norm, s):
        lo = s - 40 if s > 40 else 0
        j = rev.run_start(s, lo)
        core = norm[j:s].rstrip(".")
        if core:
            if core in ABBREVIATIONS:
                return False
            if len(core) == 1 and core.isalpha():
                return False  # an initial (J. Smith) or an Arabic abbreviation letter (د. م.)
            if "." in core and all(len(p) == 1 and p.isalpha() for p in core.split(".")):
                return False  # U.S. / e.g.
            if core.isdigit() and len(core) <= 3:
                k = j
                while k > 0 and norm[k - 1] == " " and j - k < 4:
                    k -= 1
                if k == 0 or norm[k - 1] == "\n":
                    return False  # a list number at the start of a line: "1. ..."
    # next visible character
    j = e
    n = len(norm)
    while j < n and norm[j] == " ":
        j += 1
    if j < n:
        nxt = text[j if identity else offs[j]]
        if nxt.isascii() and nxt.islower():
            return False
        if norm[j] in ",;:":
            return False
    # inside a bracket / guillemet quotation that closes soon on the same line: keep the clause together
    if quotes and _inside_short_quote(text, s if identity else offs[s], (e - 1 if identity else offs[e - 1]) + 1):
        return False
    return True


def _after_long_word(norm: str, s: int) -> bool:
    """Two non-ASCII letters right before ``s`` (the common Arabic "...كلمة."): the word before the period is
    then no abbreviation (those are ASCII), no initial, no dotted acronym and no list number, so the checks on
    it can be skipped."""
    if s < 2:
        return False
    a, b = norm[s - 2], norm[s - 1]
    return not a.isascii() and not b.isascii() and a.isalpha() and b.isalpha()


def _inside_short_quote(text: str, opos: int, oend: int) -> bool:
    """True when an opening bracket/guillemet before ``opos`` on the same line is still open at ``opos`` and its
    closer follows within ``_SHORT_CLAUSE`` characters (and the punctuation is not right before that closer)."""
    line_start = text.rfind("\n", max(0, opos - _SHORT_CLAUSE), opos) + 1
    left = text[max(line_start, opos - _SHORT_CLAUSE):opos]
    for op, cl in _QUOTE_OPEN.items():
        i = left.rfind(op)
        if i < 0 or left.find(cl, i) >= 0:
            continue
        right = text[oend:oend + _SHORT_CLAUSE]
        nl = right.find("\n")
        if nl >= 0:
            right = right[:nl]
        k = right.find(cl)
        if k > 0 and right[:k].strip():
            return True
    return False
