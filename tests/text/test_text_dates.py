"""Dates: Arabic (both month series, Hijri), English, years with relations, relative expressions."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import find_times, hijri_to_gregorian

from ._strategies import arabicish, texts

DOC = dt.date(2024, 7, 30)  # a Tuesday

# (text, expected span text, value, relation, granularity)
CASES = [
    ("عقد الاجتماع يوم الثلاثاء 28 يوليو 2024 في طوكيو", "يوم الثلاثاء 28 يوليو 2024", "2024-07-28", "on", "day"),
    ("في 28 يوليو/تموز 2024", "28 يوليو/تموز 2024", "2024-07-28", "on", "day"),
    ("في 28 تموز (يوليو) 2024", "28 تموز (يوليو) 2024", "2024-07-28", "on", "day"),
    ("في 3 آذار 2023", "3 آذار 2023", "2023-03-03", "on", "day"),
    ("في ٣ آذار ٢٠٢٣", "٣ آذار ٢٠٢٣", "2023-03-03", "on", "day"),
    ("في 15 كانون الثاني 2023", "15 كانون الثاني 2023", "2023-01-15", "on", "day"),
    ("في 1 تشرين الأول 2022", "1 تشرين الأول 2022", "2022-10-01", "on", "day"),
    ("في كانون الثاني 2023", "كانون الثاني 2023", "2023-01", "on", "month"),
    ("في شهر أيلول 2021", "شهر أيلول 2021", "2021-09", "on", "month"),
    ("في 5 أبريل 2020", "5 أبريل 2020", "2020-04-05", "on", "day"),
    ("في 5 إبريل 2020", "5 إبريل 2020", "2020-04-05", "on", "day"),
    ("في 12 ديسمبر من عام 2019", "12 ديسمبر من عام 2019", "2019-12-12", "on", "day"),
    ("في 12 ديسمبر 2019م", "12 ديسمبر 2019م", "2019-12-12", "on", "day"),
    ("بتاريخ 28/7/2024", "28/7/2024", "2024-07-28", "on", "day"),
    ("بتاريخ 2024-07-28", "2024-07-28", "2024-07-28", "on", "day"),
    ("منذ 28 يوليو 2024", "منذ 28 يوليو 2024", "2024-07-28", "since", "day"),
    ("بحلول عام 2027", "بحلول عام 2027", "2027", "by", "year"),
    ("وبحلول عام 2027", "بحلول عام 2027", "2027", "by", "year"),
    ("منذ 2019", "منذ 2019", "2019", "since", "year"),
    ("منذ عام 2019", "منذ عام 2019", "2019", "since", "year"),
    ("حتى عام 2030", "حتى عام 2030", "2030", "until", "year"),
    ("قبل عام 2030", "قبل عام 2030", "2030", "before", "year"),
    ("بعد عام 2030", "بعد عام 2030", "2030", "after", "year"),
    ("خلال عام 2025", "خلال عام 2025", "2025", "during", "year"),
    ("في عام 2024", "عام 2024", "2024", "on", "year"),
    ("قبل نهاية العام", "قبل نهاية العام", "2024-12-31", "before", "day"),
    ("بحلول نهاية العام الجاري", "بحلول نهاية العام الجاري", "2024-12-31", "by", "day"),
    ("أمس", "أمس", "2024-07-29", "on", "day"),
    ("وقال امس", "امس", "2024-07-29", "on", "day"),
    ("يوم أمس", "أمس", "2024-07-29", "on", "day"),
    ("أول أمس", "أول أمس", "2024-07-28", "on", "day"),
    ("اليوم", "اليوم", "2024-07-30", "on", "day"),
    ("غدا", "غدا", "2024-07-31", "on", "day"),
    ("بعد غد", "بعد غد", "2024-08-01", "on", "day"),
    ("الأسبوع الماضي", "الأسبوع الماضي", "2024-07-22/2024-07-28", "on", "week"),
    ("الأسبوع المقبل", "الأسبوع المقبل", "2024-08-05/2024-08-11", "on", "week"),
    ("هذا الأسبوع", "هذا الأسبوع", "2024-07-29/2024-08-04", "on", "week"),
    ("الشهر المقبل", "الشهر المقبل", "2024-08", "on", "month"),
    ("الشهر الماضي", "الشهر الماضي", "2024-06", "on", "month"),
    ("العام الماضي", "العام الماضي", "2023", "on", "year"),
    ("السنة المقبلة", "السنة المقبلة", "2025", "on", "year"),
    ("هذا العام", "هذا العام", "2024", "on", "year"),
    ("يوم الثلاثاء", "يوم الثلاثاء", "2024-07-30", "on", "day"),
    ("يوم الأحد", "يوم الأحد", "2024-07-28", "on", "day"),
    ("الأحد الماضي", "الأحد الماضي", "2024-07-28", "on", "day"),
    ("الثلاثاء الماضي", "الثلاثاء الماضي", "2024-07-23", "on", "day"),
    ("الخميس المقبل", "الخميس المقبل", "2024-08-01", "on", "day"),
    ("مساء الأحد", "مساء الأحد", "2024-07-28", "on", "day"),
    ("منذ ثلاثة أيام", "منذ ثلاثة أيام", "2024-07-27", "on", "day"),
    ("قبل يومين", "قبل يومين", "2024-07-28", "on", "day"),
    ("قبل أسبوعين", "قبل أسبوعين", "2024-07-15/2024-07-21", "on", "week"),
    ("في مارس الماضي", "مارس الماضي", "2024-03", "on", "month"),
    ("في أكتوبر المقبل", "أكتوبر المقبل", "2024-10", "on", "month"),
    ("خلال يونيو", "خلال يونيو", "2024-06", "during", "month"),
    ("15 رمضان 1445 هـ", "15 رمضان 1445 هـ", "2024-03-25", "on", "day"),
    ("on July 28, 2024", "July 28, 2024", "2024-07-28", "on", "day"),
    ("on 28 July 2024", "28 July 2024", "2024-07-28", "on", "day"),
    ("Tuesday, July 28, 2024", "Tuesday, July 28, 2024", "2024-07-28", "on", "day"),
    ("in July 2024", "July 2024", "2024-07", "on", "month"),
    ("on Jan. 5, 2023", "Jan. 5, 2023", "2023-01-05", "on", "day"),
    ("by 2027", "by 2027", "2027", "by", "year"),
    ("since 2019", "since 2019", "2019", "since", "year"),
    ("until 2030", "until 2030", "2030", "until", "year"),
    ("in 2024", "2024", "2024", "on", "year"),
    ("yesterday", "yesterday", "2024-07-29", "on", "day"),
    ("today", "today", "2024-07-30", "on", "day"),
    ("tomorrow", "tomorrow", "2024-07-31", "on", "day"),
    ("last week", "last week", "2024-07-22/2024-07-28", "on", "week"),
    ("next month", "next month", "2024-08", "on", "month"),
    ("last year", "last year", "2023", "on", "year"),
    ("on Tuesday", "Tuesday", "2024-07-30", "on", "day"),
    ("next Friday", "next Friday", "2024-08-02", "on", "day"),
    ("last Monday", "last Monday", "2024-07-29", "on", "day"),
    ("in March", "March", "2024-03", "on", "month"),
    ("3 days ago", "3 days ago", "2024-07-27", "on", "day"),
    ("before the end of the year", "before the end of the year", "2024-12-31", "before", "day"),
    ("بحلول نهاية 2025", "بحلول نهاية 2025", "2025-12-31", "by", "day"),
    ("في مطلع عام 2025", "مطلع عام 2025", "2025-01-01", "on", "day"),
    ("أواخر العام الماضي", "أواخر العام الماضي", "2023-10-01/2023-12-31", "on", "interval"),
    ("مطلع الشهر المقبل", "مطلع الشهر المقبل", "2024-08-01", "on", "day"),
    ("منتصف يوليو", "منتصف يوليو", "2024-07-15", "on", "day"),
    ("نهاية تموز 2023", "نهاية تموز 2023", "2023-07-31", "on", "day"),
    ("by the end of 2025", "by the end of 2025", "2025-12-31", "by", "day"),
    ("in early 2025", "early 2025", "2025-01-01/2025-03-31", "on", "interval"),
    ("mid-2025", "mid-2025", "2025-06", "on", "month"),
    ("by the end of next year", "by the end of next year", "2025-12-31", "by", "day"),
    ("late July", "late July", "2024-07-21/2024-07-31", "on", "interval"),
    ("في الثامن والعشرين من يوليو 2024", "الثامن والعشرين من يوليو 2024", "2024-07-28", "on", "day"),
    ("يوم الحادي عشر من سبتمبر 2001", "يوم الحادي عشر من سبتمبر 2001", "2001-09-11", "on", "day"),
    ("في الأول من مارس", "الأول من مارس", "2024-03-01", "on", "day"),
    ("الحادي والعشرين من شهر يوليو", "الحادي والعشرين من شهر يوليو", "2024-07-21", "on", "day"),
    ("بين 3 و 15 آذار 2012", "بين 3 و 15 آذار 2012", "2012-03-03/2012-03-15", "on", "interval"),
    ("بين يومي 4 و9 مارس 2023", "بين يومي 4 و9 مارس 2023", "2023-03-04/2023-03-09", "on", "interval"),
    ("من 5 إلى 7 يوليو", "من 5 إلى 7 يوليو", "2024-07-05/2024-07-07", "on", "interval"),
    ("5-7 July 2024", "5-7 July 2024", "2024-07-05/2024-07-07", "on", "interval"),
    ("between July 5 and 7, 2024", "between July 5 and 7, 2024", "2024-07-05/2024-07-07", "on", "interval"),
    ("يوم الأربعاء في 18 كانون الثاني 2012", "يوم الأربعاء في 18 كانون الثاني 2012", "2012-01-18", "on", "day"),
    ("وقال إنه و17 ديسمبر 2023", "17 ديسمبر 2023", "2023-12-17", "on", "day"),
    ("في 12 أكتوبر (تشرين الأول) الماضي", "12 أكتوبر (تشرين الأول) الماضي", "2023-10-12", "on", "day"),
    ("في 3 يوليو الجاري", "3 يوليو الجاري", "2024-07-03", "on", "day"),
    ("في 10 يناير المقبل", "10 يناير المقبل", "2025-01-10", "on", "day"),
    ("مطلع أبريل (نيسان) المقبل", "مطلع أبريل (نيسان) المقبل", "2025-04-01", "on", "day"),
    ("هجمات الأمس", "الأمس", "2024-07-29", "on", "day"),
    ("on the 28th of July 2024", "the 28th of July 2024", "2024-07-28", "on", "day"),
    ("بتاريخ 2024/7/28", "2024/7/28", "2024-07-28", "on", "day"),
    ("في 28 من يوليو", "28 من يوليو", "2024-07-28", "on", "day"),
    ("الثلاثاء، الثامن والعشرين من يوليو 2024", "الثلاثاء، الثامن والعشرين من يوليو 2024", "2024-07-28", "on",
     "day"),
]


@pytest.mark.parametrize(("text", "span", "value", "relation", "granularity"), CASES)
def test_time_table(text: str, span: str, value: str, relation: str, granularity: str) -> None:
    found = find_times(text, doc_date=DOC)
    assert len(found) == 1, found
    m = found[0]
    assert (m.text, m.value, m.relation, m.granularity) == (span, value, relation, granularity)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", [
    "مارس ضغوطا على الحكومة", "May I ask", "اليوم التالي", "أب الشهيد", "الأب", "يوميا", "الاحد عشر", "صفر",
    "أحد الوزراء", "عامل", "سنة 3", "في 2.5",
])
def test_not_times(text: str) -> None:
    assert find_times(text, doc_date=DOC) == []


@pytest.mark.parametrize(("text", "relative"), [
    ("أمس", True), ("الأسبوع الماضي", True), ("يوم الثلاثاء", True), ("28 يوليو 2024", False),
    ("بحلول عام 2027", False),
])
def test_relative_flag_and_no_doc_date(text: str, relative: bool) -> None:
    (m,) = find_times(text, doc_date=DOC)
    assert m.relative is relative
    (m2,) = find_times(text)
    assert (m2.value is None) is relative


def test_day_month_without_year_takes_nearest_year() -> None:
    (m,) = find_times("في 28 يوليو", doc_date=DOC)
    assert m.value == "2024-07-28" and m.relative
    (m,) = find_times("في 28 ديسمبر", doc_date=dt.date(2025, 1, 3))
    assert m.value == "2024-12-28"
    (m,) = find_times("في 28 يوليو")
    assert m.value is None


def test_hijri_month_alone_has_no_value() -> None:
    (m,) = find_times("خلال شهر رمضان", doc_date=DOC)
    assert (m.value, m.relation, m.granularity) == (None, "during", "month")


@pytest.mark.parametrize(("text", "span", "relation"), [
    ("في عام 1445 هـ", "عام 1445 هـ", "on"),
    ("منذ 1440هـ", "منذ 1440هـ", "since"),
])
def test_hijri_year_alone(text: str, span: str, relation: str) -> None:
    (m,) = find_times(text, doc_date=DOC)
    assert (m.text, m.value, m.relation, m.granularity) == (span, None, relation, "year")


def test_hijri_conversion() -> None:
    assert hijri_to_gregorian(1445, 9, 1) == dt.date(2024, 3, 11)
    # the tabular calendar may be one day off Umm al-Qura (which gives 2024-07-07 here)
    assert abs((hijri_to_gregorian(1446, 1, 1) - dt.date(2024, 7, 7)).days) <= 1


def test_several_in_order() -> None:
    text = "قال أمس إن اليابان ستنفق 2% بحلول عام 2027، بعد اجتماع يوم الثلاثاء 28 يوليو 2024."
    found = find_times(text, doc_date=DOC)
    assert [m.value for m in found] == ["2024-07-29", "2027", "2024-07-28"]


_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@settings(max_examples=300, deadline=None)
@given(texts, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)) | st.none())
def test_time_spans(text: str, doc: dt.date | None) -> None:
    prev = 0
    for m in find_times(text, doc_date=doc):
        assert text[m.start:m.end] == m.text
        assert prev <= m.start < m.end
        assert m.relation in ("on", "by", "since", "before", "after", "until", "during")
        assert m.granularity in ("day", "week", "month", "year", "interval")
        assert m.value is None or _ISO.match(m.value), m.value
        prev = m.end


@settings(max_examples=200, deadline=None)
@given(arabicish, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_time_spans_arabic_mix(text: str, doc: dt.date) -> None:
    prev = 0
    for m in find_times(text, doc_date=doc):
        assert text[m.start:m.end] == m.text and m.start >= prev
        if m.value and m.granularity == "day":
            dt.date.fromisoformat(m.value)
        prev = m.end


def test_parse_cache_sees_what_a_match_in_the_text_sees() -> None:
    """find_times parses each expression alone (cached per distinct expression): the kind patterns must not look
    outside their span, and the groups must be those of the match inside the text."""
    import re as _re

    from marsad.text import dates as D
    from marsad.text import normalize as _normalize
    for name, pat in D._PATTERNS:
        assert "(?<" not in pat and "\\b" not in pat and "\\B" not in pat and "\\A" not in pat, name
        assert not _re.search(r"(?<!\[)\^|\$|\\Z", pat), name
    texts = ["قتل 39 شخصا منذ ثلاثة أيام في 28 يوليو/تموز 2024 خلال الأسبوع الماضي، وأمس الثلاثاء 28 يوليو",
             "Since 2019, by the end of next year; on Tuesday, July 28, 2024 and 3 days ago في 5 ذو الحجة 1445 هـ",
             "بين 6 و18 شباط 2011 مطلع العام المقبل بحلول عام 2027 في 2024-07-28 و2/3/2024 الثامن والعشرين من يوليو"]
    for text in texts:
        norm = _normalize(text).norm
        for m in D._candidates(norm):
            kind = D._kind_of(m)
            inside = D._SUB[kind].fullmatch(norm, *m.span(kind))
            alone = D._sub_match(kind, norm[m.start(kind):m.end(kind)])
            assert (inside is None) == (alone is None)
            if inside is not None:
                assert inside.groupdict() == alone.groupdict()  # type: ignore[union-attr]
                cs = m.start(kind)
                assert [inside.start(g) - cs if inside.start(g) >= 0 else -1 for g in D._SUB[kind].groupindex] == \
                    [alone.start(g) for g in D._SUB[kind].groupindex]  # type: ignore[union-attr]
