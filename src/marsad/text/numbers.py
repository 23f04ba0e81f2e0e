"""Numbers in Arabic and English news text: digits, number words, multipliers, vague quantities, approximators.

Job: find every number expression and give its value (or range), whether it is approximate or a percentage, and
whether it is really part of a date (a year or a day number) so that callers can skip it. Spans index the ORIGINAL
text. May import: stdlib, ``marsad.text``.

Covered: Western and Arabic-Indic/Persian digits (via the normalized view); thousands separators ("54,000",
"٥٤٬٠٠٠", "1.234.567", "54.000" = 54000 only with three zeros — "2.500" stays 2.5, the common decimal reading);
decimals ("2.5", "٢٫٥"); Arabic number words 1-10, teens (ثلاثة عشر), tens (عشرون/عشرين...), hundreds
(مئة/مائة/مئتان/ثلاثمئة/ثلاث مئة...), multipliers (ألف/آلاف/ألفا/ألفين, مليون/ملايين, مليار/مليارات, بليون,
ترليون), fractions (نصف، ربع، ثلث), compounds ("أربعة وخمسين ألف" = 54000, "مليون ونصف" = 1.5e6, "54 ألف",
"2.5 مليار"); vague quantities as ranges (عشرات 20..99, مئات 200..999, آلاف 2000..9999, بضعة 3..9, "عشرات الآلاف"
20000..99000; English dozens 24..99, hundreds, thousands, "tens of thousands"); English words ("three thousand",
"fifty-four", "half a million", "a dozen"). Approximators before the number (نحو، حوالي، ما يقرب من، قرابة، زهاء،
أكثر من، أقل من، nearly, about, around, some, more than, over, up to, roughly, almost...) or تقريبا/approximately
after it set ``approx``; "more than"-type ones also set ``low`` and "up to"-type ones ``high``.
"""
from __future__ import annotations

import re
from collections import namedtuple
from typing import NamedTuple

from ._chunks import NORM_TABLE, SPACE_SAFE, marked_chunks, register_finder
from ._record import FrozenRecord
from ._scan import PhraseSet, words_before
from ._trie import trie_pattern
from .normalize import IdentityOffsets, NormalizedText, normalize

__all__ = ["NumberMatch", "find_numbers", "parse_number_words", "AR_NUMBER_WORDS", "EN_NUMBER_WORDS"]


_NumberFields = namedtuple("NumberMatch", ("start", "end", "text", "value", "low", "high", "approx", "percent",
                                           "approx_start", "num_start", "num_end", "year_like", "date_part"),
                           defaults=(False, False))


class NumberMatch(FrozenRecord, _NumberFields):
    """One number expression. ``start``/``end`` cover the approximator (if any), the number and a percent sign /
    percent words; ``num_start``/``num_end`` cover the number alone; ``text == original[start:end]``.

    ``value`` is the best value (the low bound of a range); ``low``/``high`` bound a range (either may be None:
    "more than 100" has low=100, high=None; an exact number has both None). ``approx_start == start``.
    ``year_like`` marks a 4-digit year (1900-2100 after a year cue such as عام/منذ/in/by, or inside a date) and
    ``date_part`` any number that belongs to a date ("28 يوليو", "28/7/2024"): callers usually skip both.

    Immutable; a tuple that behaves like a frozen dataclass (see ``_record``).
    """

    __slots__ = ()


# -- word tables (normalized forms) -------------------------------------------------------------------------
# kinds: "u" unit/tens/hundreds value, "m" multiplier (>= 1000), "h" hundred (multiplies small), "f" fraction,
# "v" vague (low, high), "t" teen marker عشر/عشره after a unit, "d" dual of a multiplier (value).

_AR_WORDS: dict[str, tuple[str, float, float]] = {}


def _ar(kind: str, value: float, words: str, high: float = 0.0) -> None:
    for w in words.split():
        _AR_WORDS[w] = (kind, value, high)


_ar("u", 1, "واحد واحده")
_ar("u", 2, "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي")
for _v, _ws in ((3, "ثلاث ثلاثه"), (4, "اربع اربعه"), (5, "خمس خمسه"), (6, "ست سته"), (7, "سبع سبعه"),
                (8, "ثمان ثماني ثمانيه"), (9, "تسع تسعه")):
    _ar("u", _v, _ws)
_ar("t", 10, "عشر عشره")
_ar("u", 1, "احد احدي")  # only used before عشر (see _WORD_ONLY_BEFORE_TEN)
for _v, _ws in ((20, "عشرون عشرين"), (30, "ثلاثون ثلاثين"), (40, "اربعون اربعين"), (50, "خمسون خمسين"),
                (60, "ستون ستين"), (70, "سبعون سبعين"), (80, "ثمانون ثمانين"), (90, "تسعون تسعين")):
    _ar("u", _v, _ws)
_ar("h", 100, "مئه مائه")
_ar("u", 200, "مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي")
for _v, _stem in ((3, "ثلاث"), (4, "اربع"), (5, "خمس"), (6, "ست"), (7, "سبع"), (8, "ثمان"), (9, "تسع")):
    _ar("u", _v * 100, f"{_stem}مئه {_stem}مائه")
_ar("m", 1e3, "الف الفا الاف")
_ar("d", 2e3, "الفان الفين")
_ar("m", 1e6, "مليون مليونا ملايين")
_ar("d", 2e6, "مليونان مليونين")
_ar("m", 1e9, "مليار مليارا مليارات بليون بليونا بلايين")
_ar("d", 2e9, "ملياران مليارين")
_ar("m", 1e12, "ترليون تريليون ترليونا تريليونا ترليونات تريليونات")
_ar("f", 0.5, "نصف")
_ar("f", 0.25, "ربع")
_ar("f", 1 / 3, "ثلث")
_ar("v", 20, "عشرات", 99)
_ar("v", 200, "مئات", 999)
_ar("v", 3, "بضع بضعه", 9)
_WORD_ONLY_BEFORE_TEN = frozenset({"احد", "احدي"})
#: plural multipliers: a vague quantity when nothing precedes them ("آلاف الجنود")
_PLURAL_VAGUE = {"الاف": (2e3, 9999.0), "ملايين": (2e6, 9.999e6), "مليارات": (2e9, 9.999e9), "بلايين": (2e9, 9.999e9),
                 "thousands": (2e3, 9999.0), "millions": (2e6, 9.999e6), "billions": (2e9, 9.999e9)}

_EN_WORDS: dict[str, tuple[str, float, float]] = {}
for _i, _w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                        "sixteen seventeen eighteen nineteen".split(), start=1):
    _EN_WORDS[_w] = ("u", _i, 0)
for _i, _w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2):
    _EN_WORDS[_w] = ("u", _i * 10, 0)
_EN_WORDS.update({"hundred": ("h", 100, 0), "thousand": ("m", 1e3, 0), "million": ("m", 1e6, 0),
                  "billion": ("m", 1e9, 0), "trillion": ("m", 1e12, 0), "dozen": ("u", 12, 0),
                  "half": ("f", 0.5, 0), "quarter": ("f", 0.25, 0), "dozens": ("v", 24, 99),
                  "hundreds": ("v", 200, 999), "thousands": ("m", 1e3, 0), "millions": ("m", 1e6, 0),
                  "billions": ("m", 1e9, 0), "tens": ("v", 20, 99), "a": ("a", 1, 0)})

AR_NUMBER_WORDS: frozenset[str] = frozenset(_AR_WORDS)
EN_NUMBER_WORDS: frozenset[str] = frozenset(_EN_WORDS)


_PREFIXES = ("وال", "بال", "لل", "ال", "وب", "و", "ب", "ل", "ف", "ك")
_AR_FORMS = {p + w for w in AR_NUMBER_WORDS for p in ("", *_PREFIXES)}
# digits (with a glued و/ب/ل/ف allowed), Arabic number words with their proclitics, English number words;
# stdlib re + a trie of words: about one character test per position
_ATOM = re.compile(
    r"""(?<![\w.,])(?=\w)(?:(?<![^\W\d_]-)(?P<p>[وبلف])?(?P<d>\d{1,3}(?:,\d{3})++(?:\.\d++)?+|\d{1,3}(?:\.\d{3}){2,}+
        |\d{1,3}\.000|\d++(?:\.\d++)?+)|(?P<a>""" + trie_pattern(_AR_FORMS) + r""")|(?P<e>"""
    + trie_pattern(w for w in EN_NUMBER_WORDS if w != "a") + r"""))(?!\w|[.,]\d|')""",
    re.VERBOSE,
)
# _ATOM only matches where a word starts (after a character that is not a word character, "." or ","); scanning
# with it tries its lookbehind and alternations at every position. This screen begins with a character class (re
# skips through the text in C) and checks only that a digit or a number word begins at the next position: a
# superset of _ATOM's starts, on which _ATOM.match is then tried (see _atom_matches).
_ATOM_SCREEN = re.compile(r"[^\w.,](?=[وبلف]?\d|" + trie_pattern(_AR_FORMS) + "|"
                          + trie_pattern(w for w in EN_NUMBER_WORDS if w != "a") + ")")


def _atom_matches(norm: str) -> list[re.Match[str]]:
    """``list(_ATOM.finditer(norm))``: _ATOM.match tried, in order, only where the screen says an atom may start."""
    out: list[re.Match[str]] = []
    match = _ATOM.match
    last = 0
    if norm:
        m = match(norm, 0)
        if m is not None:
            out.append(m)
            last = m.end()
    for sm in _ATOM_SCREEN.finditer(norm):
        p = sm.end()
        if p < last:
            continue
        m = match(norm, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


_APPROX_BEFORE = PhraseSet("""ما يقرب من|ما يقارب|يقارب|بنحو|نحو|بحوالي|حوالي|قرابه|بقرابه|زهاء|ما يناهز|يناهز|ما يربو علي
|يربو علي|ما لا يقل عن|لا يقل عن|ما يزيد علي|ما يزيد عن|يزيد علي|يزيد عن|اكثر من|ازيد من|اقل من|ما يصل الي|يصل الي|حتي
|nearly|about|around|some|more than|over|up to|roughly|almost|approximately|at least|fewer than|less than|close to
|an estimated|estimated|upwards of|as many as|as much as|at most|under|just over|just under""".replace("\n", "").split("|"))
_LOWER_BOUND = frozenset("ما يربو علي|يربو علي|ما لا يقل عن|لا يقل عن|ما يزيد علي|ما يزيد عن|يزيد علي|يزيد عن|اكثر من|"
                         "ازيد من|more than|over|at least|upwards of|just over".split("|"))
_UPPER_BOUND = frozenset("اقل من|ما يصل الي|يصل الي|حتي|up to|fewer than|less than|as many as|as much as|at most|"
                         "under|just under".split("|"))
_APPROX_AFTER = re.compile(r"(?:\s++[^\W\d]++)?\s*+(?:تقريبا|approximately|or\ so)(?!\w)")
_ORDINALS = frozenset(f"{a}{b}{c}" for a in ("", "ال") for b in ("حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس",
                                                                  "سابع", "ثامن", "تاسع") for c in ("", "ه"))
_PERCENT_AFTER = re.compile(
    r"\s*+(?:%|(?:في|ب)\s*+ال?(?:مئه|مائه)(?!\w)|percent(?!\w)|per\ cent(?!\w)|pct(?!\w))")
_YEAR_CUES = frozenset("""عام العام لعام بعام وعام سنه السنه لسنه منذ حتي بحلول قبل بعد خلال مطلع نهايه اواخر اوائل بدايه
منتصف موازنه ميزانيه in by since until till year before after during from to through early late mid fiscal between
and و - /""".split())
_MONTHS = ("يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|اذار"
           "|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|كانون الاول|january|february|march"
           "|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept"
           "|oct|nov|dec|محرم|صفر|ربيع الاول|ربيع الثاني|ربيع الاخر|جمادي الاولي|جمادي الاخره"
           "|جمادي الثانيه|رجب|شعبان|رمضان|شوال|ذو القعده|ذي القعده|ذو الحجه|ذي الحجه").split("|")
_MONTH_WORDS = frozenset(w for m in _MONTHS for w in m.split()[-1:]) | {m + "." for m in _MONTHS if m.isascii()}
_MONTH_AFTER = re.compile(r"\s*+(?:[/-]\s*+)?(?:من\s++)?(?:شهر\s++)?" + trie_pattern(_MONTHS) + r"(?!\w)")
_HIJRI_MARK_AFTER = re.compile(r"\s*+(?:ه|هجريه|للهجره)(?!\w)")
_YEAR_MARK_AFTER = re.compile(r"\s*+(?:م|ه|هـ|ad|ce|bc)(?!\w)")


def _month_before(norm: str, pos: int, prev: list[str]) -> bool:
    """A month name right before ``pos``: "يوليو 2024", "يوليو/تموز 2024", "July 28, 2024", "28 يوليو" (the day).
    ``prev`` is ``words_before(norm, pos, 1)``."""
    if not prev:
        return False
    w0 = prev[0].rstrip(",")
    for part in w0.split("/"):
        if part in _MONTH_WORDS:
            return True
    if w0.isdigit() and len(w0) <= 2:
        words = words_before(norm, pos, 2)
        return len(words) > 1 and any(p in _MONTH_WORDS for p in words[1].split("/"))
    return False


class _Atom(NamedTuple):
    """One number word or digit run (a tuple: made with ``tuple.__new__`` in one C call, never changed)."""

    ns: int
    ne: int
    kind: str          # d (digits) or a word kind: u m h f v t d a
    value: float
    high: float
    conj: bool         # preceded by a و/and conjunction
    word: str
    raw_digits: str
    alone: tuple[float, float | None, float | None, bool] | None  # _evaluate([self]): the atom read on its own


def _atom_fields(m: re.Match[str]) -> tuple[int, int, str, float, float, bool, str, str] | None:
    """The ``_Atom`` fields of one ``_ATOM`` match (None: not a number here)."""
    if m.group("d") is not None:
        raw = m.group("d")
        if "," in raw:
            val = float(raw.replace(",", ""))
        elif raw.count(".") >= 2 or (raw.endswith(".000") and len(raw) <= 7):
            val = float(raw.replace(".", ""))
        else:
            val = float(raw)
        return m.start("d"), m.end(), "d", val, 0.0, m.group("p") == "و", raw, raw
    if m.group("a") is not None:
        w = m.group("a")
        pre = ""
        if w not in _AR_WORDS:
            for pre in _PREFIXES:
                if w.startswith(pre) and w[len(pre):] in _AR_WORDS:
                    w = w[len(pre):]
                    break
        kind, val, high = _AR_WORDS[w]
        if pre not in ("", "و") and len(w) <= 3 and kind in ("u", "t"):
            return None  # لست / بست / كست: a preposition before a short number word is too often another word
        if pre in ("ال", "بال") and kind == "h":
            return None  # "في المئة" / "بالمئة": the percent phrase, not a hundred
        return m.start(), m.end(), kind, val, high, pre.startswith("و"), w, ""
    w = m.group("e")
    kind, val, high = _EN_WORDS[w]
    return m.start(), m.end(), kind, val, high, False, w, ""


def _atom_record(m: re.Match[str]) -> tuple | None:  # type: ignore[type-arg]
    """The ``_Atom`` fields of one ``_ATOM`` match, ``alone`` included (None: not a number here)."""
    f = _atom_fields(m)
    if f is None:
        return None
    return (*f, _evaluate([_Atom(*f, None)]))


def _atoms(norm: str) -> list[_Atom]:
    return [_Atom(*f) for f in map(_atom_record, _atom_matches(norm)) if f is not None]


def _chunk_atoms(chunk: str) -> tuple[tuple, ...]:  # type: ignore[type-arg]
    """The atom fields found in the view of an ORIGINAL chunk, relative to the chunk (the ``_chunks`` finder of
    numbers). An atom never contains whitespace and _ATOM only looks one or two characters back, where whitespace
    before a chunk looks like the space put before it here; so the atoms of a chunk do not depend on where it
    stands."""
    view = chunk.translate(NORM_TABLE)
    if view.isalpha():  # one run of letters (most chunks): an atom can start only at its first letter
        m = _alpha_atom_match(view)
        if m is None:
            return ()
        found: list[re.Match[str]] = [m]
    else:
        found = _atom_matches(" " + view)
    return tuple((ns - 1, ne - 1, *rest) for ns, ne, *rest in filter(None, map(_atom_record, found)))


def _alpha_atom_match(view: str) -> re.Match[str] | None:
    """``_atom_matches(" " + view)`` of a string of letters only (``str.isalpha``), as its one match or None: the
    space is the only character that is no word character, so the screen can match only there, and ``_ATOM`` only
    right after it."""
    s = " " + view
    if _ATOM_SCREEN.match(s) is None:
        return None
    return _ATOM.match(s, 1)


_ATOMS_MARK = register_finder(_chunk_atoms)


def _atoms_identity(text: str) -> list[_Atom]:
    """``_atoms(normalize(text).norm)`` for a text whose view is an identity view, from the marked chunks."""
    k = _ATOMS_MARK
    new = tuple.__new__
    atom = _Atom
    return [new(atom, (p + a, p + b, kind, value, high, conj, word, raw, alone))
            for p, marks in marked_chunks(text)
            for a, b, kind, value, high, conj, word, raw, alone in marks[k]]


def _joinable(prev: _Atom, cur: _Atom, gap: str) -> bool:
    """Whether ``cur`` continues the number that ``prev`` belongs to, given the text ``gap`` between them."""
    g = gap.strip()
    if g not in ("", "و", "and", "of", "a", "-"):
        return False
    conj = cur.conj or g in ("و", "and")
    if g == "of":
        return prev.kind == "v" and cur.kind in ("m", "h") or prev.word in ("dozens", "hundreds", "tens")
    if g == "a":
        return prev.kind == "f" and cur.kind == "m"
    if cur.kind in ("m", "h"):
        return not conj and (prev.kind in ("d", "u", "v", "f", "t", "a") or prev.kind == "h")
    if cur.kind == "t":
        return not conj and prev.kind == "u" and prev.value < 10
    if prev.kind == "d" or cur.kind == "d":
        return conj and prev.kind == "m" and cur.kind == "d"  # "ألف و500"
    if cur.kind == "f":
        return conj and prev.kind in ("m", "h")  # مليون ونصف
    if cur.kind == "u":
        if conj:
            return prev.kind in ("u", "m", "h", "t", "d") and not (prev.kind == "u" and prev.value < cur.value < 10)
        return g == "-" or (prev.word in _EN_WORDS and prev.kind == "u" and prev.value >= 20 and cur.value < 10) \
            or (prev.kind in ("h", "m") and prev.word in _EN_WORDS and cur.word in _EN_WORDS)
    return False


def _evaluate(group: list[_Atom]) -> tuple[float, float | None, float | None, bool] | None:
    """Value, low, high and vagueness of one number phrase (None when it is not a number on its own)."""
    total = 0.0
    current = 0.0
    lo: float | None = None
    hi: float | None = None
    last_mult = 0.0
    halved = 0.0  # "مليون ونصف مليون": the multiplier after "and a half" repeats the one before it
    vague = False
    for i, a in enumerate(group):
        k = a.kind
        if halved and k == "m" and a.value == halved and not current:
            halved = 0.0
            continue
        halved = 0.0
        if k in ("d", "u"):
            if a.word in _WORD_ONLY_BEFORE_TEN and not (i + 1 < len(group) and group[i + 1].kind == "t"):
                return None
            current += a.value
        elif k == "t":
            current += 10
        elif k == "a":
            current = current or 1.0
        elif k == "f":
            if total and not current and last_mult:
                total += a.value * last_mult
                halved = last_mult
            else:
                current += a.value
        elif k == "v":
            vague = True
            lo, hi = a.value, a.high
        elif k == "h":
            if lo is not None and hi is not None:
                lo, hi = lo * 100, hi * 100
            else:
                current = (current or 1.0) * 100
        elif k in ("m", "d"):
            plural = _PLURAL_VAGUE.get(a.word)
            if k == "d":
                current = a.value if not current else current * a.value / 2
                last_mult = a.value / 2
            elif lo is not None and hi is not None:
                lo, hi = lo * a.value, hi * a.value
                last_mult = a.value
                continue
            elif not current and plural is not None:
                vague = True
                lo, hi = plural
                last_mult = a.value
                continue
            else:
                current = (current or 1.0) * a.value
                last_mult = a.value
            total += current
            current = 0.0
    total += current
    if vague and lo is not None:
        base = lo
        return base + total, base + total, (hi or 0) + total, True
    if total == 0 and not any(a.kind == "d" for a in group):
        return None
    return total, None, None, False


def _date_flags(norm: str, raw: str, value: float, nsn: int, nen: int) -> tuple[bool, bool]:
    """``(year_like, date_part)`` of a lone run of 1, 2 or 4 digits at ``norm[nsn:nen]``."""
    after = norm[nen:nen + 2]
    slash = (nsn > 0 and norm[nsn - 1] in "/-") or after[:1] == "/" or (after[:1] == "-" and after[1:2].isdigit())
    prev = words_before(norm, nsn, 1)
    month_before = _month_before(norm, nsn, prev)
    year_like = False
    if len(raw) == 4 and 1900 <= value <= 2100:
        year_like = (month_before or slash or (prev and (prev[0] in _YEAR_CUES or prev[0][-1:] in "-/"))
                     or _YEAR_MARK_AFTER.match(norm, nen) is not None)
    elif len(raw) == 4 and 1300 <= value < 1500 and _HIJRI_MARK_AFTER.match(norm, nen):
        year_like = True  # a Hijri year: "1445 هـ"
    date_part = month_before or slash or _MONTH_AFTER.match(norm, nen) is not None
    return bool(year_like), bool(date_part)


def find_numbers(text: str, lang: str = "ar", normalized: NormalizedText | None = None) -> list[NumberMatch]:
    """Every number expression in ``text``, in order, non-overlapping (see the module docstring).

    ``normalized`` may pass a precomputed ``normalize(text)``; ``lang`` does not change the rules."""
    if not isinstance(text, str):
        raise TypeError(f"find_numbers() needs a str, not {type(text).__name__}")
    nt = normalized if normalized is not None else normalize(text, lang)
    norm = nt.norm
    identity = isinstance(nt.offsets, IdentityOffsets)
    atoms = _atoms_identity(text) if identity and SPACE_SAFE else _atoms(norm)
    out: list[NumberMatch] = []
    new = tuple.__new__
    # the words after a number that _PERCENT_AFTER / _APPROX_AFTER need: texts without them skip those patterns
    may_percent = "%" in norm or "مئه" in norm or "مائه" in norm or "per" in norm or "pct" in norm
    may_approx_after = "تقريبا" in norm or "approximately" in norm or "or so" in norm
    i = 0
    n = len(atoms)
    while i < n:
        first = atoms[i]
        j = i + 1
        if j < n and atoms[j].ns - first.ne <= 8 and _joinable(first, atoms[j], norm[first.ne:atoms[j].ns]):
            group = [first, atoms[j]]
            j += 1
            while j < n and atoms[j].ns - group[-1].ne <= 8 \
                    and _joinable(group[-1], atoms[j], norm[group[-1].ne:atoms[j].ns]):
                group.append(atoms[j])
                j += 1
            # a trailing "a"/fraction-less connector never ends a number; drop atoms that are only glue
            while len(group) > 1 and group[-1].kind == "a":
                group.pop()
                j -= 1
            single = len(group) == 1
            last = group[-1]
        else:
            group = None
            single = True
            last = first
        i = j
        kind0 = first.kind
        if kind0 == "a":
            continue
        if kind0 == "t" and (words_before(norm, first.ns, 1) or [""])[0] in _ORDINALS:
            continue  # "التاسع عشر": an ordinal, not ten
        ev = first.alone if single else _evaluate(group)  # type: ignore[arg-type]
        if ev is None:
            continue
        value, low, high, vague = ev
        nsn, nen = first.ns, last.ne
        # a proclitic و/ب/ل on the first word is not part of the number: start at the number word itself
        if kind0 != "d" and norm[nsn:first.ne] != first.word:
            nsn = first.ne - len(first.word)
        approx = vague
        ns_all = nsn
        am = _APPROX_BEFORE.before(norm, nsn)
        if am is not None:
            approx = True
            ns_all, cue = am
            if cue in _LOWER_BOUND and low is None:
                low = value
            if cue in _UPPER_BOUND and high is None:
                high = value
        ne_all = nen
        pm = _PERCENT_AFTER.match(norm, nen) if may_percent else None
        percent = pm is not None
        if pm is not None:
            ne_all = pm.end()
        if not approx and may_approx_after and _APPROX_AFTER.match(norm, ne_all):
            approx = True
        year_like = False
        date_part = False
        if single and kind0 == "d" and not percent:
            raw = first.raw_digits
            if len(raw) in (1, 2, 4) and raw.isdigit():  # only such numbers can be years or days of a date
                year_like, date_part = _date_flags(norm, raw, value, nsn, nen)
        if identity:
            s, e = ns_all, ne_all
            s2, e2 = nsn, nen
        else:
            s, e = nt.to_original(ns_all, ne_all)
            s2, e2 = nt.to_original(nsn, nen)
        if out and s < out[-1].end:
            continue
        out.append(new(NumberMatch, (s, e, text[s:e], value, low, high, approx, percent, s, s2, e2, year_like,
                                     date_part)))
    return out


def parse_number_words(phrase: str) -> float | None:
    """Value of a phrase that is exactly one number expression ("أربعة وخمسين ألف" -> 54000.0), else None."""
    found = find_numbers(phrase)
    if len(found) != 1:
        return None
    m = found[0]
    if phrase[:m.num_start].strip() or phrase[m.num_end:].strip():
        return None
    return m.value
