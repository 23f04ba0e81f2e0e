"""Dates and times in Arabic and English news text, resolved against the document date.

Job: find time expressions, give each an ISO value ("2024-07-28", "2024-07", "2027", or an interval
"2024-07-22/2024-07-28"), its relation to the event ("on", "by", "since", "before", "after", "until", "during") and
granularity ("day", "week", "month", "year", "interval"). Spans index the ORIGINAL text and include the relation
word ("بحلول عام 2027", "since 2019"), but not a plain في/in/on. May import: stdlib, ``marsad.text``.

Covered: Arabic Gregorian months in both series (يناير… and كانون الثاني…, also doubled "يوليو/تموز",
"تموز (يوليو)"), English months (full and abbreviated), day-month-year in either order, numeric d/m/yyyy and
yyyy-mm-dd, weekdays (يوم الثلاثاء -> the most recent such day on/before the document date; المقبل/القادم/next ->
the next one; الماضي/last -> the one before), Hijri months (a day+month+year is converted with the tabular
Islamic calendar, which may differ by a day from Umm al-Qura; a Hijri month alone has value None), years after a
cue (عام/سنة/منذ/بحلول/حتى/in/by/since/until...), relative expressions (أمس، أول أمس، اليوم، غدا، بعد غد، الأسبوع/
الشهر/العام الماضي/المقبل/الحالي، هذا العام، نهاية العام، قبل/منذ ثلاثة أيام, yesterday, today, tomorrow, last/
next/this week/month/year, 3 days ago). Relative expressions keep ``value=None`` without a document date; a day
and month without a year take the year that puts the date nearest to the document date.
Weeks are ISO weeks (Monday to Sunday).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import namedtuple
from collections.abc import Iterator

from ._chunks import NORM_TABLE, SPACE_SAFE, marked_chunks, register_finder
from ._record import FrozenRecord
from ._scan import PhraseSet, words_before
from ._trie import trie_pattern
from .normalize import IdentityOffsets, NormalizedText, normalize

__all__ = ["TimeMatch", "find_times", "hijri_to_gregorian", "MONTHS"]


_TimeFields = namedtuple("TimeMatch", ("start", "end", "text", "value", "relation", "granularity", "relative"))


class TimeMatch(FrozenRecord, _TimeFields):
    """One time expression; ``text == original[start:end]``. ``value`` is None when it cannot be resolved.

    Fields: ``start``, ``end``, ``text``, ``value`` (str | None), ``relation``, ``granularity``, ``relative``
    (bool). Immutable; a tuple that behaves like a frozen dataclass (see ``_record``)."""

    __slots__ = ()


# -- tables (normalized forms) -------------------------------------------------------------------------------

_AR_GREG = {"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "افريل": 4, "مايو": 5, "ماي": 5, "يونيو": 6,
            "يونيه": 6, "جوان": 6, "يوليو": 7, "يوليه": 7, "جويليه": 7, "اغسطس": 8, "اوت": 8, "سبتمبر": 9,
            "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12}
_AR_LEV = {"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
           "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12}
_EN_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
              "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
              "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_HIJRI = {"محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "جمادي الاولي": 5,
          "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6, "جمادي الاخر": 6, "جمادي الثاني": 6,
          "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12,
          "ذي الحجه": 12}
#: month name (normalized) -> month number, Gregorian (Arabic, Levantine, English)
MONTHS: dict[str, int] = {**_AR_GREG, **_AR_LEV, **_EN_MONTHS}
# month names that are also common words: only taken with a day, a year or a cue
_AMBIGUOUS_MONTHS = frozenset({"مارس", "اب", "may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov",
                               "dec", "feb", "apr", "sept", "ماي", "اوت", "صفر", "رجب"})
_WEEKDAYS_AR = {"اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6}
_WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_SMALL = {"واحد": 1, "يوم": 1, "اسبوع": 1, "شهر": 1, "عام": 1, "سنه": 1, "اثنين": 2, "ثلاثه": 3, "ثلاث": 3,
          "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8,
          "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
          "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3}
_UNIT = {"يوم": "d", "ايام": "d", "يومين": "d2", "اسبوع": "w", "اسابيع": "w", "اسبوعين": "w2", "شهر": "m",
         "اشهر": "m", "شهور": "m", "شهرين": "m2", "عام": "y", "اعوام": "y", "سنه": "y",
         "سنوات": "y", "سنين": "y", "عامين": "y2", "سنتين": "y2", "day": "d", "days": "d", "week": "w",
         "weeks": "w", "month": "m", "months": "m", "year": "y", "years": "y"}


def _alt(words) -> str:  # type: ignore[no-untyped-def]
    return trie_pattern(words)


_MONTH_ALT = _alt(MONTHS)
_HIJRI_ALT = _alt(_HIJRI)
# a month name, optionally doubled: "يوليو/تموز", "تموز (يوليو)", "july/tammuz"
_MONTHX = rf"(?P<mon>{_MONTH_ALT})(?!\w)\.?(?:\s*+/\s*+(?:{_MONTH_ALT})(?!\w)|\s*+\(\s*+(?:{_MONTH_ALT})\s*+\))?"
_DAY = r"(?P<day>(?:[12]\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)(?!\d)"
_YEARMARK = r"(?:\s*+(?:م|ميلاديه|ad)(?!\w))?"
_WD_AR = _alt(_WEEKDAYS_AR)
_WD_EN = _alt(_WEEKDAYS_EN)
_ORD_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
#: Arabic ordinal day numbers (normalized, masculine as in "الثامن والعشرين من يوليو") -> day
_ORD_DAYS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
_ORD_DAYS.update({"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30, "الحادي والعشرين": 21,
                  "الحادي والثلاثين": 31})
for _i, _w in enumerate(_ORD_UNITS[1:], start=2):
    _ORD_DAYS[f"{_w} عشر"] = 10 + _i
    _ORD_DAYS[f"{_w} والعشرين"] = 20 + _i
_ORD_ALT = trie_pattern(_ORD_DAYS)
_PARTDAY_AR = r"(?:(?:صباح|مساء|ليله|ليل|فجر|ظهر|عصر|ظهيره)\s++)"
_REL_AR_UNITS = r"(?:الاسبوع|الشهر|العام|السنه|الاسابيع|الاشهر|الشهور)"
_REL_AR_MOD = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|المقبل|المقبله|القادم|القادمه|الحالي|الحاليه|الجاري|الجاريه)"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<year>(?:19|20|21)\d\d)(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)"),
    ("dmy_num", r"(?P<day>[12]\d|3[01]|0?[1-9])\s*+(?P<sep>[/.-])\s*+(?P<m>1[0-2]|0?[1-9])\s*+(?P=sep)\s*+"
                r"(?P<year>(?:19|20|21)\d\d)(?!\d)"),
    ("hijri", rf"(?:(?P<day>[12]\d|3[01]|0?[1-9])\s++(?:من\s++)?)?(?:شهر\s++)?(?P<hmon>{_HIJRI_ALT})(?!\w)"
              rf"(?:\s++(?:عام\s++|سنه\s++)?(?P<hyear>1[34]\d\d)(?:\s*+(?:ه|هـ|هجريه|للهجره)(?!\w))?)?"),
    ("drange", rf"(?:(?:بين|من|between|from)\s++(?:(?:يومي|يوم|the)\s++)?)?(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
               rf"\s*+(?:و|الي|حتي|and|to|-|–)\s*+{_DAY}\s++(?:من\s++)?(?:شهر\s++)?{_MONTHX}"
               rf"(?:\s*+,?\s*+(?:(?:من\s++)?(?:عام|سنه)\s++)?{_YEAR}{_YEARMARK})?"
               rf"|(?:between\s++|from\s++)?{_MONTHX.replace('(?P<mon>', '(?P<mon2>')}\s++(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*+"
               rf"(?:and|to|-|–)\s*+(?P<d3>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?:\s*+,\s*+|\s++)?"
               rf"(?P<ry>(?:19|20|21)\d\d)?(?!\d)"),
    ("hyear", r"(?:(?:عام|العام|سنه|لعام)\s++)?(?P<hy>1[34]\d\d)\s*+(?:ه|هجريه|للهجره)(?!\w)"),
    ("dmy", rf"(?:the\s++)?{_DAY}\s*+(?:(?:من|of)\s++)?(?:شهر\s++)?{_MONTHX}(?:\s*+,?\s*+(?:(?:من\s++)?(?:عام|سنه)\s++)?{_YEAR}{_YEARMARK}"
            rf"|\s++(?P<mod>الماضي|المنصرم|الفائت|المقبل|القادم|الجاري|الحالي))?"),
    ("mdy", rf"{_MONTHX}\s++{_DAY}(?!\d)(?:(?:\s*+,\s*+|\s++){_YEAR})?"),
    ("my", rf"(?:شهر\s++)?{_MONTHX}\s*+,?\s*+(?:(?:من\s++)?(?:عام|سنه|العام)\s++)?{_YEAR}{_YEARMARK}"),
    ("ago", r"(?:(?P<pre>قبل|منذ)\s++(?:(?P<n>\d{1,3}|[^\W\d]+)\s++)?(?P<unit>ايام|يومين|يوم|اسابيع|اسبوعين|اسبوع"
            r"|اشهر|شهور|شهرين|شهر|اعوام|سنوات|سنين|عامين|سنتين|عام|سنه)(?!\w)(?!\s*+\d)"
            r"|(?P<n2>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s++"
            r"(?P<unit2>days?|weeks?|months?|years?)\s++ago)(?!\w)"),
    ("wd_ar", rf"{_PARTDAY_AR}?(?:(?:يوم\s++)?ال(?P<wd>{_WD_AR})|يوم\s++(?P<wd2>{_WD_AR}))(?!\w)"
              rf"(?!\s++عشر)(?:\s++(?P<mod>الماضي|المنصرم|الفائت|المقبل|القادم))?"),
    ("wd_en", rf"(?:(?P<mod>last|next|this)\s++)?(?P<wd>{_WD_EN})(?!\w)(?:\s++(?:morning|afternoon|evening|night))?"),
    ("rel_ar_day", rf"{_PARTDAY_AR}?(?:(?P<d>اول\s++امس|امس|الامس|البارحه|بعد\s++غد|غدا|غد|اليوم|الليله)"
                   r"(?!\s++(?:التالي|السابق|الذي|الاول|الثاني|الوطني|العالمي)(?!\w)))"),
    ("rel_en_day", r"(?P<d>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow"
                   r"|tonight)"),
    ("end_ar", rf"(?P<edge>نهايه|اواخر|مطلع|بدايه|اوائل|منتصف)\s++(?:(?P<u>العام|السنه|الشهر)(?:\s++(?P<mod>"
               rf"{_REL_AR_MOD}))?|(?:(?:عام|سنه)\s++)?(?P<year>(?:19|20|21)\d\d)(?!\d){_YEARMARK}"
               rf"|(?:شهر\s++)?{_MONTHX}(?:\s++(?:(?:عام|سنه)\s++)?(?P<year2>(?:19|20|21)\d\d)(?!\d)"
               rf"|\s++(?P<mmod>الماضي|المنصرم|الفائت|المقبل|القادم|الجاري|الحالي))?)"),
    ("end_en", rf"(?:(?:the\s++)?(?P<edge>end|beginning|start|middle)\s++of\s++|(?P<edge2>early|late|mid)(?:-|\s++))"
               rf"(?:(?:(?P<this>the|this)|(?P<mod>last|next))\s++(?P<u>year|month)|(?P<year>(?:19|20|21)\d\d)(?!\d)"
               rf"|(?P<mon>{_MONTH_ALT})(?!\w)(?:\s++(?P<year2>(?:19|20|21)\d\d)(?!\d))?)"),
    ("ord_dmy", rf"(?:يوم\s++)?(?P<ord>{_ORD_ALT})\s++من\s++(?:شهر\s++)?{_MONTHX}(?:\s*+,?\s*+(?:(?:من\s++)?(?:عام|سنه)\s++)?"
                rf"{_YEAR}{_YEARMARK})?"),
    ("rel_ar", rf"(?P<u>{_REL_AR_UNITS})\s++(?P<mod>{_REL_AR_MOD})|(?P<this>هذا|هذه)\s++(?P<u2>العام|السنه|الشهر|الاسبوع)"),
    ("rel_en", r"(?P<mod>last|next|this|past|coming)\s++(?P<u>week|month|year)"),
    ("year", rf"(?P<cue>عام|العام|لعام|سنه|السنه|لسنه|year|the\s+year)\s++{_YEAR}{_YEARMARK}"
             rf"|(?P<pcue>منذ|بحلول|حتي|قبل|بعد|خلال|by|since|until|till|before|after|in|during|through"
             rf"|from|في)\s++(?P<year2>(?:19|20|21)\d\d)(?!\d){_YEARMARK}"),
    ("mon", rf"(?:شهر\s++)?{_MONTHX}(?P<mod>\s++(?:الماضي|المنصرم|الفائت|المقبل|القادم|الجاري|الحالي|last|next))?"),
]
# the master pattern (stdlib re: much faster than regex on these alternations) has only the outer kind groups
_MASTER = re.compile(
    r"(?<!\w)(?=\w)(?:[وف](?=(?:قبل|منذ|يوم|ال|امس|غدا|شهر|عام|نهايه|مطلع|بين|\d)))?(?:"
    + "|".join(f"(?P<{name}>" + re.sub(r"\(\?P<\w+>", "(?:", pat).replace("(?P=sep)", "[/.-]") + ")"
               for name, pat in _PATTERNS)
    + r")(?!\w)"
)
_KIND_NAMES = tuple(name for name, _ in _PATTERNS)
# words a time expression may begin with before its trigger word ("صباح يوم الثلاثاء", "منذ ثلاثة أيام", "the end
# of 2025", "بين يومي 4 و9 مارس", "الحادي والعشرين من يوليو"); others are not tried as starts
_START_WORDS = frozenset([
    "يوم", "يومي", "صباح", "مساء", "ليله", "ليل", "فجر", "ظهر", "عصر", "ظهيره", "شهر", "عام", "العام", "لعام",
    "سنه", "السنه", "لسنه", "منذ", "قبل", "بحلول", "حتي", "بعد", "خلال", "في", "بين", "من", "الي", "نهايه", "اواخر",
    "مطلع", "بدايه", "اوائل", "منتصف", "هذا", "هذه", "اول", "the", "end", "beginning", "start", "middle", "of",
    "early", "late", "mid", "by", "since", "until", "till", "before", "after", "in", "during", "through", "from",
    "between", "last", "next", "this", "past", "coming", "on", "year", "a", "an", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "few", "day",
    *_ORD_DAYS, *(w for o in _ORD_DAYS for w in o.split()), *_SMALL, *_WEEKDAYS_EN, *MONTHS, *_HIJRI,
    *("ال" + w for w in _WEEKDAYS_AR), *_WEEKDAYS_AR,
])
# every time expression contains one of these: a digit or one of these words (possibly inside a longer word)
_TRIGGER_WORDS = sorted({
    *MONTHS, *_HIJRI, *_WEEKDAYS_AR, *_WEEKDAYS_EN, *_UNIT, "امس", "الامس", "البارحه", "غد", "غدا", "اليوم", "الليله",
    "الاسبوع", "الشهر", "العام", "السنه", "الاسابيع", "الاشهر", "الشهور", "yesterday", "today", "tomorrow",
    "tonight", "week", "month", "year"})
_TRIGGER = re.compile(r"\d++|" + trie_pattern(_TRIGGER_WORDS) + r"(?!\w)")
# Finding the trigger words with _TRIGGER itself tries its big alternation at every position of the text. A
# trigger word ends where a run of word characters ends, so on the REVERSED view it starts right after a non-word
# character: that pattern begins with a character class, which re skips through in C, and the alternation is only
# tried after spaces and punctuation. The longest reversed word gives the leftmost start of a trigger that ends
# there (see _trigger_spans).
_TRIGGER_REV = re.compile(r"\W(?=(" + trie_pattern(w[::-1] for w in _TRIGGER_WORDS) + "))")
_TRIGGER_REV_AT0 = re.compile(trie_pattern(w[::-1] for w in _TRIGGER_WORDS))
_DIGIT_RUN = re.compile(r"\d++")
_SUB = {name: re.compile(pat) for name, pat in _PATTERNS}

_RELATION = {"بحلول": "by", "مع حلول": "by", "حتي": "until", "لغايه": "until", "الي غايه": "until", "منذ": "since",
             "قبل": "before", "بعد": "after", "خلال": "during", "طوال": "during", "اعتبارا من": "since",
             "ابتداء من": "since", "by": "by", "since": "since", "until": "until", "till": "until",
             "before": "before", "after": "after", "during": "during", "throughout": "during", "through": "until",
             "from": "since", "as of": "since", "في": "on", "in": "on", "on": "on"}
_MONTH_CUES = frozenset(_RELATION) | {"مطلع", "اواخر", "اوائل", "منتصف", "بدايه", "نهايه", "شهر", "early", "late",
                                      "mid", "of"}


_RELATION_BEFORE = PhraseSet([*_RELATION, *("و" + w for w in _RELATION if not w.isascii()),
                              *("ف" + w for w in _RELATION if not w.isascii())])
_SPACES = re.compile(r"\s+")


def _sp(s: str) -> str:
    return _SPACES.sub(" ", s)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Tabular (arithmetic) Islamic calendar -> Gregorian date; may differ by a day from Umm al-Qura."""
    jd = (day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439.5 - 1)
    return dt.date.fromordinal(int(jd - 1721424.5))


def _week(d: dt.date, shift: int) -> str:
    monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=shift)
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _add_months(d: dt.date, k: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + k
    return m // 12, m % 12 + 1


def _nearest_year(month: int, day: int | None, doc: dt.date | None) -> int | None:
    if doc is None:
        return None
    best = None
    for y in (doc.year - 1, doc.year, doc.year + 1):
        try:
            cand = dt.date(y, month, day or 15)
        except ValueError:
            continue
        dist = abs((cand - doc).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _year_for(month: int, day: int | None, doc: dt.date | None, mod: str | None) -> int | None:
    """Year of a day/month written without one: "الماضي"/last -> the latest such date before the document date,
    "المقبل"/next -> the first one after it, "الجاري"/"الحالي" -> the document's year, none -> the nearest."""
    if doc is None:
        return None
    shift = _mod_shift(mod.strip()) if mod else None
    if shift is None:
        return _nearest_year(month, day, doc)
    if shift == 0:
        return doc.year
    here = (month, day or (1 if shift > 0 else 31))
    now = (doc.month, doc.day)
    if shift < 0:
        return doc.year if here < now else doc.year - 1
    return doc.year if here > now else doc.year + 1


def _mod_shift(mod: str) -> int:
    if mod in ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "last", "past"):
        return -1
    if mod in ("المقبل", "المقبله", "القادم", "القادمه", "next", "coming"):
        return 1
    return 0


def _day_value(y: int | None, m: int, d: int | None) -> tuple[str | None, str]:
    if d is None:
        return (f"{y:04d}-{m:02d}" if y else None), "month"
    if y is None:
        return None, "day"
    try:
        return dt.date(y, m, d).isoformat(), "day"
    except ValueError:
        return None, "day"


_EDGE = {"نهايه": "end", "end": "end", "مطلع": "start", "بدايه": "start", "beginning": "start", "start": "start",
         "اواخر": "late", "late": "late", "اوائل": "early", "early": "early", "منتصف": "mid", "mid": "mid",
         "middle": "mid"}


def _edge(g: dict[str, str | None], doc: dt.date | None) -> tuple[str | None, str, bool]:
    """"نهاية العام" / "مطلع 2025" / "أواخر يوليو" / "end of next month" / "mid-2025": a part of a year or month."""
    edge = _EDGE[g.get("edge") or g.get("edge2") or "end"]
    relative = False
    if g.get("year"):
        y, mo = int(g["year"] or 0), None
    elif g.get("mon"):
        mo = MONTHS[_sp(g["mon"] or "")]
        if g.get("year2"):
            y = int(g["year2"] or 0)
        else:
            relative = True
            yy = _year_for(mo, None, doc, g.get("mmod"))
            if yy is None:
                return None, "day", True
            y = yy
    else:
        relative = True
        if doc is None:
            return None, "day", True
        shift = 0 if g.get("this") else _mod_shift(g.get("mod") or "")
        if g.get("u") in ("الشهر", "month"):
            y, mo = _add_months(doc, shift)
        else:
            y, mo = doc.year + shift, None
    if mo is None:
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
        parts = {"early": (first, dt.date(y, 3, 31)), "late": (dt.date(y, 10, 1), last)}
        mid = f"{y:04d}-06"
    else:
        first = dt.date(y, mo, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        parts = {"early": (first, first.replace(day=10)), "late": (first.replace(day=21), last)}
        mid = first.replace(day=15).isoformat()
    if edge == "end":
        return last.isoformat(), "day", relative
    if edge == "start":
        return first.isoformat(), "day", relative
    if edge == "mid":
        return mid, ("month" if mo is None else "day"), relative
    a, b = parts[edge]
    return f"{a.isoformat()}/{b.isoformat()}", "interval", relative


def _resolve(kind: str, m: re.Match[str], doc: dt.date | None) -> tuple[str | None, str, bool] | None:
    """(value, granularity, relative) of one core match, or None when the match is not a time after all."""
    g = m.groupdict()
    if kind in ("iso", "dmy_num"):
        y, mo, d = int(g["year"]), int(g["m"]), int(g["day"])
        v, gran = _day_value(y, mo, d)
        return (v, gran, False) if v else None
    if kind == "drange":
        mon = _sp(g["mon"] or g["mon2"])
        mo = MONTHS[mon]
        if g.get("d1"):
            d1, d2 = int(g["d1"]), int(g["day"])
            year_s = g.get("year")
        else:
            d1, d2 = int(g["d2"]), int(g["d3"])
            year_s = g.get("ry")
        if d2 <= d1:
            return None
        year = int(year_s) if year_s else _nearest_year(mo, d1, doc)
        a, _ = _day_value(year, mo, d1)
        b, _ = _day_value(year, mo, d2)
        if year is not None and (a is None or b is None):
            return None
        return (f"{a}/{b}" if a and b else None), "interval", not year_s and year is not None
    if kind in ("dmy", "mdy", "my"):
        mon = _sp(g["mon"])
        mo = MONTHS[mon]
        day = int(g["day"]) if g.get("day") else None
        year = int(g["year"]) if g.get("year") else None
        if mon == "اب" and day is None and year is None:
            return None
        rel = False
        if year is None:
            year = _year_for(mo, day, doc, g.get("mod"))
            rel = True
        v, gran = _day_value(year, mo, day)
        return v, gran, rel and v is not None
    if kind == "hyear":
        return None, "year", False  # a Hijri year spans two Gregorian years: no single ISO value
    if kind == "hijri":
        hmon = _HIJRI[_sp(g["hmon"])]
        if g.get("day") and g.get("hyear"):
            try:
                return hijri_to_gregorian(int(g["hyear"]), hmon, int(g["day"])).isoformat(), "day", False
            except (ValueError, OverflowError):
                return None, "day", False
        if not g.get("day") and not g.get("hyear") and _sp(g["hmon"]) in _AMBIGUOUS_MONTHS:
            return None
        return None, ("day" if g.get("day") else "month"), False
    if kind == "mon":
        mon = _sp(g["mon"])
        mo = MONTHS[mon]
        shift = _mod_shift((g.get("mod") or "").strip())
        if doc is None:
            return None, "month", True
        if shift:
            # "مارس الماضي" = the last March before the document date; "المقبل" the next one
            y = doc.year if (shift < 0 and mo < doc.month) or (shift > 0 and mo > doc.month) else doc.year + shift
        else:
            y = _nearest_year(mo, None, doc) or doc.year
        return f"{y:04d}-{mo:02d}", "month", True
    if kind in ("wd_ar", "wd_en"):
        wd_name = g.get("wd") or g.get("wd2") or ""
        wd = _WEEKDAYS_AR.get(wd_name, _WEEKDAYS_EN.get(wd_name, 0))
        if doc is None:
            return None, "day", True
        shift = _mod_shift((g.get("mod") or "").strip())
        back = (doc.weekday() - wd) % 7
        if shift > 0:
            day = doc + dt.timedelta(days=(wd - doc.weekday()) % 7 or 7)
        elif shift < 0:
            day = doc - dt.timedelta(days=back or 7)
        else:
            day = doc - dt.timedelta(days=back)
        return day.isoformat(), "day", True
    if kind in ("rel_ar_day", "rel_en_day"):
        w = _sp(g["d"])
        delta = {"امس": -1, "الامس": -1, "البارحه": -1, "اول امس": -2, "غدا": 1, "غد": 1, "بعد غد": 2, "اليوم": 0,
                 "الليله": 0, "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
                 "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        if doc is None:
            return None, "day", True
        return (doc + dt.timedelta(days=delta)).isoformat(), "day", True
    if kind == "ago":
        unit = _UNIT.get(g.get("unit") or "") or _UNIT.get(g.get("unit2") or "") or "d"
        raw = g.get("n") or g.get("n2") or ""
        raw = _sp(raw)
        if unit.endswith("2"):
            n, unit = 2, unit[0]
        elif raw.isdigit():
            n = int(raw)
        elif raw:
            if raw not in _SMALL:
                return None
            n = _SMALL[raw]
        else:
            n = 1
        if doc is None:
            return None, {"d": "day", "w": "week", "m": "month", "y": "year"}[unit], True
        if unit == "d":
            return (doc - dt.timedelta(days=n)).isoformat(), "day", True
        if unit == "w":
            return _week(doc, -n), "week", True
        if unit == "m":
            y, mo = _add_months(doc, -n)
            return f"{y:04d}-{mo:02d}", "month", True
        return f"{doc.year - n:04d}", "year", True
    if kind in ("end_ar", "end_en"):
        return _edge(g, doc)
    if kind == "ord_dmy":
        mo = MONTHS[_sp(g["mon"])]
        day = _ORD_DAYS[_sp(g["ord"])]
        year = int(g["year"]) if g.get("year") else _nearest_year(mo, day, doc)
        v, gran = _day_value(year, mo, day)
        return v, gran, not g.get("year") and v is not None
    if kind in ("rel_ar", "rel_en"):
        u = g.get("u") or g.get("u2") or ""
        shift = 0 if g.get("this") else _mod_shift(g.get("mod") or "")
        if u in ("الاسابيع", "الاشهر", "الشهور"):
            return None, "interval", True  # "الأشهر الماضية": a vague span
        gran = {"الاسبوع": "week", "week": "week", "الشهر": "month", "month": "month"}.get(u, "year")
        if doc is None:
            return None, gran, True
        if gran == "week":
            return _week(doc, shift), "week", True
        if gran == "month":
            y, mo = _add_months(doc, shift)
            return f"{y:04d}-{mo:02d}", "month", True
        return f"{doc.year + shift:04d}", "year", True
    if kind == "year":
        return g["year"] or g["year2"], "year", False
    return None


def find_times(text: str, lang: str = "ar", doc_date: dt.date | None = None,
               normalized: NormalizedText | None = None) -> list[TimeMatch]:
    """Every time expression of ``text`` in order, non-overlapping (see the module docstring).

    ``doc_date`` anchors relative expressions; ``normalized`` may pass a precomputed ``normalize(text)``."""
    if not isinstance(text, str):
        raise TypeError(f"find_times() needs a str, not {type(text).__name__}")
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    nt = normalized if normalized is not None else normalize(text, lang)
    norm = nt.norm
    identity = isinstance(nt.offsets, IdentityOffsets)
    out: list[TimeMatch] = []
    new = tuple.__new__
    pos = 0
    for m in _candidates(norm, text if identity and SPACE_SAFE else None):
        if m.start() < pos:
            continue
        kind = _kind_of(m)
        cs, ce = m.span(kind)
        expr = norm[cs:ce]
        sub = _sub_match(kind, expr)
        pos = m.end()
        if sub is None:
            continue
        # relation word right before the expression
        relation = "on"
        rs = cs
        rm = _RELATION_BEFORE.before(norm, m.start()) if m.start() == cs else None  # not after a glued و ("وأمس")
        if rm is not None:
            rstart, word = rm
            if word not in _RELATION:
                word = word[1:]  # a conjunction و/ف glued to the relation word stays outside the span
                rstart += 1
            relation = _RELATION[word]
            if relation != "on":
                rs = rstart
        if kind == "ago":
            relation, rs = "on", cs
        elif kind == "year" and sub.group("pcue") is not None:
            cue = sub.group("pcue")
            relation = _RELATION.get(cue, "on")
            if relation == "on":
                rs = cs + sub.start("year2")  # (sub matched the expression alone)
        if kind == "mon":
            mon = _sp(sub.group("mon"))
            prev_word = words_before(norm, cs, 1)
            cue = rm is not None or sub.group("mod") or (prev_word and prev_word[0] in _MONTH_CUES)
            if not cue and (mon in _AMBIGUOUS_MONTHS or lang == "en" or mon in _EN_MONTHS):
                continue
            if not cue and mon in _AR_LEV and mon in ("اب",):
                continue
        # a weekday right before a date: one expression ("الثلاثاء 28 يوليو 2024", "Tuesday, July 28")
        if kind in ("wd_ar", "wd_en"):
            nxt = _MASTER.match(norm, _skip_comma(norm, ce))
            k2 = _kind_of(nxt) if nxt is not None else ""
            if nxt is not None and k2 in ("dmy", "mdy", "dmy_num", "iso", "hijri", "ord_dmy", "drange"):
                expr2 = norm[nxt.start(k2):nxt.end(k2)]
                sub2 = _sub_match(k2, expr2)
                if sub2 is not None:
                    res2 = _resolved(k2, expr2, sub2, doc_date)
                    if res2 is not None:
                        ce = nxt.end(k2)
                        pos = nxt.end()
                        kind, sub, expr = k2, sub2, expr2
        res = _resolved(kind, expr, sub, doc_date)
        if res is None:
            continue
        value, gran, relative = res
        if identity:
            s, e = rs, ce
        else:
            s, e = nt.to_original(rs, ce)
        if out and s < out[-1].end:
            continue
        out.append(new(TimeMatch, (s, e, text[s:e], value, relation, gran, relative)))
    return out


# Parse results per distinct expression. No sub-pattern looks outside the span of its kind (no lookbehind, no
# anchors, a lookahead at the end sees the end of the span either way), so ``_SUB[kind].fullmatch(norm, cs, ce)``
# has the groups of ``_SUB[kind].fullmatch(norm[cs:ce])``, and ``_resolve`` reads only the groups: both depend on
# (kind, expression[, document date]) alone. News repeats its time expressions ("أمس", "الأسبوع الماضي", "عام
# 2024"): most are then two dict lookups instead of a second match and the resolution.
_SUB_MATCHES: dict[tuple[str, str], re.Match[str] | None] = {}
_RESOLVED: dict[tuple[str, str, dt.date | None], tuple[str | None, str, bool] | None] = {}
_PARSE_CACHE_MAX = 50_000
_NOT_YET = object()


def _sub_match(kind: str, expr: str) -> re.Match[str] | None:
    """``_SUB[kind].fullmatch(expr)``, cached per distinct (kind, expression)."""
    key = (kind, expr)
    sub = _SUB_MATCHES.get(key, _NOT_YET)
    if sub is _NOT_YET:
        sub = _SUB[kind].fullmatch(expr)
        if len(_SUB_MATCHES) >= _PARSE_CACHE_MAX:
            _SUB_MATCHES.clear()
        _SUB_MATCHES[key] = sub
    return sub  # type: ignore[return-value]


def _resolved(kind: str, expr: str, sub: re.Match[str],
              doc: dt.date | None) -> tuple[str | None, str, bool] | None:
    """``_resolve(kind, sub, doc)`` for ``sub = _sub_match(kind, expr)``, cached per distinct (kind, expression,
    document date)."""
    key = (kind, expr, doc)
    res = _RESOLVED.get(key, _NOT_YET)
    if res is _NOT_YET:
        res = _resolve(kind, sub, doc)
        if len(_RESOLVED) >= _PARSE_CACHE_MAX:
            _RESOLVED.clear()
        _RESOLVED[key] = res
    return res  # type: ignore[return-value]


def _candidates(norm: str, text: str | None = None) -> Iterator[re.Match[str]]:
    """Master-pattern matches, tried only at the few word starts before a trigger word (a digit, a month or
    weekday name, a relative-time word): scanning the whole text with the big pattern costs 5-10x more.

    ``text``: the original of an identity view (the triggers are then read from cached chunks)."""
    done = 0
    follow = _SHORT_RUN_FOLLOW.match
    triggers = _identity_triggers(text) if text is not None else None
    if triggers is None:
        triggers = [(tp, te, _check(norm[tp:te])) for tp, te in _trigger_spans(norm)]
    for tp, te, check in triggers:
        if tp < done:
            continue
        if check:
            if check == _CHECK_FOLLOW:
                if follow(norm, te) is None:
                    continue  # a count ("مقتل 39 في"): see _SHORT_RUN_FOLLOW
            elif not _after_ago_cue(norm, tp):
                continue  # "خلال الأيام": a plural unit only counts in "منذ (ثلاثة) أيام"
        for start in _word_starts_before(norm, tp, 5):
            if start < done:
                continue
            need = _NEEDS.get(norm[start:start + 3])
            if need is not None and need.match(norm, start) is None:
                continue
            m = _MASTER.match(norm, start)
            if m is not None:
                done = m.end()
                yield m
                if done > tp:
                    break


_CHECK_FOLLOW, _CHECK_AGO = 1, 2


def _check(trigger: str) -> int:
    """What must hold around a trigger before it is tried: _CHECK_FOLLOW for a digit run that is no year,
    _CHECK_AGO for a unit of ago only, 0 for nothing."""
    if trigger[0].isdigit():
        return _CHECK_FOLLOW if len(trigger) != 4 else 0
    return _CHECK_AGO if trigger in _AGO_UNITS else 0


# first words of the trigger words that span whitespace ("كانون الثاني", "ذو الحجه"): a chunk that ends with one
# may begin a trigger that goes on into the next chunk
_MULTI_FIRST = tuple(sorted({w.split()[0] for w in _TRIGGER_WORDS if " " in w}))


def _chunk_triggers(chunk: str) -> tuple[tuple[int, int, int], ...]:
    """``((start, end, check), ...)`` of _TRIGGER.finditer over the view of an ORIGINAL chunk, relative to the
    chunk (the ``_chunks`` finder of dates). Single-word triggers and digit runs hold no whitespace and look no
    further than the next character (whitespace around a chunk reads like the end of the string), so they do not
    depend on where the chunk stands (see ``_chunks``). A chunk that ends with the first word of a trigger that
    spans whitespace gives ``_MULTI`` (the caller then scans the whole view)."""
    view = chunk.translate(NORM_TABLE)
    if view.endswith(_MULTI_FIRST):
        return _MULTI
    return tuple((a, b, _check(view[a:b])) for a, b in _trigger_spans(view))


_MULTI = ((0, 0, 0),)  # a distinct (truthy) value, compared by identity
_TRIGGERS_MARK = register_finder(_chunk_triggers)


def _identity_triggers(text: str) -> list[tuple[int, int, int]] | None:
    """The triggers of an identity view from the marked chunks (None: scan the whole view)."""
    k = _TRIGGERS_MARK
    flagged = marked_chunks(text)
    for _p, marks in flagged:
        if marks[k] is _MULTI:
            return None
    return [(p + a, p + b, check) for p, marks in flagged for a, b, check in marks[k]]


# The commonest start words that rarely begin an expression, with what must follow them for _MASTER to match
# (read off _PATTERNS: في only as the cue of a year, من only before the first day of a range, and no pattern
# begins with the word الي): a failing _MASTER.match costs microseconds, these checks a fraction of that.
_NEEDS = {
    "في ": re.compile(r"في\s++(?:19|20|21)\d\d"),
    "من ": re.compile(r"من\s++(?:(?:يومي|يوم|the)\s++)?\d"),
    "الي": re.compile(r"الي(?!\s)"),
}
# the relation words begin only the year with its cue, ago (قبل/منذ) and بعد غد; مطلع only end_ar
_AGO_AR = re.compile(r"(?:قبل|منذ)\s++(?:(?:19|20|21)\d\d|(?:(?:\d{1,3}|[^\W\d]+)\s++)?(?:ايام|يومين|يوم|اسابيع"
                     r"|اسبوعين|اسبوع|اشهر|شهور|شهرين|شهر|اعوام|سنوات|سنين|عامين|سنتين|عام|سنه)(?!\w)(?!\s*+\d))")
_NEEDS.update({
    "قبل": _AGO_AR,
    "منذ": _AGO_AR,
    "بحل": re.compile(r"بحلول\s++(?:19|20|21)\d\d"),
    "خلا": re.compile(r"خلال\s++(?:19|20|21)\d\d"),
    "حتي": re.compile(r"حتي\s++(?:19|20|21)\d\d"),
    "بعد": re.compile(r"بعد\s++(?:(?:19|20|21)\d\d|غد)"),
    "مطل": re.compile(r"مطلع\s++(?:ال(?:عام|سنه|شهر)|عام|سنه|شهر|\d|" + _MONTH_ALT + ")"),
})


# A run of digits that is not 4 long (no year) is the first trigger of a time expression only as the day of
# dmy_num (a separator follows), hijri (من/شهر/a Hijri month follows), drange (a connector و/الي/حتي/and/to/-/–
# follows), dmy (من/of/شهر/a month follows) or the count of ago (a unit follows); runs of 5+ digits never are
# (no pattern has one). Any later trigger of such an expression finds it from its own start words, so a run that
# is followed by none of these (most counts: "مقتل 39 في") is not tried at all: a superset of what may follow.
_SHORT_RUN_FOLLOW = re.compile(
    r"(?:st|nd|rd|th)?\s*+(?:[/.\-–]|و|الي|حتي|and|to|من|of|شهر|" + _MONTH_ALT + "|" + _HIJRI_ALT
    + r"|ايام|يوم|اسابيع|اسبوع|اشهر|شهور|اعوام|عام|سنوات|سنين|سنتين|سنه|days?|weeks?|months?|years?)")


# Units that occur in no pattern but ago ("منذ ثلاثة أيام", "قبل أسبوعين"), where the first trigger of the
# expression is either the count (a digit run) or the unit right after قبل/منذ or after قبل/منذ and one word.
_AGO_UNITS = frozenset({"ايام", "يومين", "اسابيع", "اسبوعين", "اسبوع", "اشهر", "شهور", "شهرين", "اعوام", "سنوات",
                        "سنين", "عامين", "سنتين"})


def _after_ago_cue(norm: str, pos: int) -> bool:
    """Whether whitespace, then a word ending in قبل/منذ, optionally followed by whitespace and one more word,
    comes right before ``pos`` (a superset of what ago needs before its unit)."""
    j = pos
    for _word in range(2):
        k = j
        while k > 0 and norm[k - 1].isspace():
            k -= 1
        if k == j:
            return False
        if norm.endswith(("قبل", "منذ"), 0, k):
            return True
        j = k
        while j > 0 and not norm[j - 1].isspace():
            j -= 1
    return False


def _trigger_spans(norm: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _TRIGGER.finditer(norm)]``, without trying _TRIGGER at every position.

    _TRIGGER matches a digit run (only ever at its first digit: nothing else ends inside one) or a trigger word
    followed by a non-word character, i.e. ending where a run of word characters ends. For every such end the
    reversed scan gives the leftmost start of a trigger word ending there (a previous match never ends inside a
    run of letters, so a later start in the same run is never the first match after it). These positions are a
    superset of finditer's; trying _TRIGGER.match at them in order and skipping the ones inside the previous match
    gives exactly finditer's matches.
    """
    if norm.isalpha():  # one run of letters (most chunks, ``_chunk_triggers``): no digit run, no non-word
        return _alpha_trigger_spans(norm)  # character, so at most the trigger word that ends where it ends
    cands = [m.start() for m in _DIGIT_RUN.finditer(norm)]
    n = len(norm)
    if n:
        rev = norm[::-1]
        n1 = n - 1
        cands.extend([n1 - m.start() - len(m.group(1)) for m in _TRIGGER_REV.finditer(rev)])
        m0 = _TRIGGER_REV_AT0.match(rev)
        if m0 is not None and m0.end():
            cands.append(n - m0.end())
        cands.sort()
    out: list[tuple[int, int]] = []
    match = _TRIGGER.match
    last = 0
    for p in cands:
        if p < last:
            continue
        m = match(norm, p)
        if m is not None:
            last = m.end()
            out.append((p, last))
    return out


def _alpha_trigger_spans(norm: str) -> list[tuple[int, int]]:
    """``_trigger_spans`` of a string of letters only (``str.isalpha``): letters are word characters and never
    digits, so neither the digit runs nor the reversed scan (which needs a non-word character) find anything; the
    leftmost trigger word ending at the end is the one candidate."""
    m0 = _TRIGGER_REV_AT0.match(norm[::-1])
    if m0 is None or not m0.end():
        return []
    p = len(norm) - m0.end()
    m = _TRIGGER.match(norm, p)
    return [] if m is None else [(p, m.end())]


MAY_START_MAX = 100_000  # words _MayStart keeps (a long ingest bounds it lower: ingest.memos)


class _MayStart(dict):  # type: ignore[type-arg]
    """word -> whether a time expression may begin with it: a start word (``_START_WORDS``), one with a glued
    letter before it (وفي، ومنذ) or a number; worked out once per distinct word."""

    def __missing__(self, w: str) -> bool:
        ok = w in _START_WORDS or w[1:] in _START_WORDS or w[:1].isdigit()
        if len(self) < MAY_START_MAX:
            self[w] = ok
        return ok


_MAY_START = _MayStart()


def _word_starts_before(norm: str, pos: int, k: int) -> list[int]:
    """Start of the word containing ``pos`` and of up to ``k`` words before it on the same line, ascending; a word
    before the trigger's own word is kept only if a time expression can begin with it (``_START_WORDS``)."""
    lo = pos - 120 if pos > 120 else 0
    nl = norm.rfind("\n", lo, pos) + 1
    if nl > lo:
        lo = nl  # expressions never cross a line break
    j = norm.rfind(" ", lo, pos) + 1
    if j < lo:
        j = lo
    if j <= lo + 1 or norm.find("  ", lo, j) >= 0:
        return _word_starts_before_slow(norm, pos, k, lo, j)
    # words are separated by single spaces (the view collapses runs): the k words before are one rsplit
    parts = norm[lo:j - 1].rsplit(" ", k)
    if len(parts) > k:
        del parts[0]
    starts: list[int] = []
    e = j - 1
    may_start = _MAY_START
    for w in reversed(parts):
        b = e - len(w)
        if may_start[w]:
            starts.append(b)
        e = b - 1
    starts.reverse()
    starts.append(j)
    if j < pos:
        starts.append(pos)
    return starts


def _word_starts_before_slow(norm: str, pos: int, k: int, lo: int, j: int) -> list[int]:
    starts: list[int] = []
    if j < pos:
        starts.append(pos)
    starts.append(j)
    n_words = 0
    while n_words < k and j > lo:
        while j > lo and norm[j - 1] == " ":
            j -= 1
        if j <= lo:
            break
        e = j
        j = max(norm.rfind(" ", lo, e) + 1, lo)
        n_words += 1
        if _MAY_START[norm[j:e]]:
            starts.append(j)
    starts.reverse()
    return starts


def _kind_of(m: re.Match[str]) -> str:
    """The kind of a _MASTER match: its only capturing groups are the kinds, exactly one of which takes part."""
    return m.lastgroup or ""


assert _MASTER.groups == len(_KIND_NAMES) and set(_MASTER.groupindex) == set(_KIND_NAMES)


def _skip_comma(norm: str, i: int) -> int:
    """Skip ", " and a linking في/on between a weekday and its date ("يوم الجمعة في 14 يناير")."""
    j = i
    while j < len(norm) and norm[j] in " ,":
        j += 1
    for w in ("في ", "on "):
        if norm.startswith(w, j):
            j += len(w)
            while j < len(norm) and norm[j] == " ":
                j += 1
            break
    return j
