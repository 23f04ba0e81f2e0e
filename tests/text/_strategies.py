"""Hypothesis strategies shared by the text-layer property tests: arbitrary Unicode mixed with every character
class the text layer treats specially."""
from __future__ import annotations

from hypothesis import strategies as st

SPECIAL = [
    # Arabic letters and forms that fold
    "أ", "إ", "آ", "ٱ", "ى", "ة", "ؤ", "ئ", "ء", "ی", "ک", "پ", "گ",
    # harakat, shadda, sukun, dagger alef, tatweel, Quranic marks
    "\u064b", "\u064c", "\u064e", "\u0650", "\u0651", "\u0652", "\u0670", "\u0640", "\u06d6", "\u06ed", "\u0610",
    # presentation forms and ligatures (expand)
    "ﻻ", "ﻹ", "ﷺ", "ﷲ", "ﺃ", "ﻣ", "\ufe70", "\ufc5e", "\ufdfd",
    # digits and Arabic punctuation
    "٠", "٥", "٩", "۴", "۹", "٪", "٫", "٬", "،", "؛", "؟", "۔",
    # zero-width and bidi controls
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b",
    "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
    # spaces and line breaks
    " ", "  ", "\t", "\u00a0", "\u2009", "\u2003", "\u3000", "\u202f", "\n", "\r\n", "\r", "\u2028", "\u2029",
    "\u0085", "\x0b", "\x0c",
    # Latin case, quotes, hyphens, fullwidth
    "İ", "ß", "ẞ", "Σ", "A", "Z", "‘", "’", "“", "”", "«", "»", "‐", "—", "−", "－", "Ａ", "１", "ﬁ",
    # hostile input
    "\x00", "\ud800", "\udfff", "\U0001f600",
    # punctuation around sentences
    ".", "!", "?", "…", "...", "(", ")", '"', "'", "-", "/", ",", ":",
    # words and numbers the layer parses
    "والولايات", "المتحدة", "بلينكن", "وزير", "قواتها", "للبنان", "الإلغاء", "سيعقد", "Japan's", "U.S.", "Dr.",
    "د.", "54,000", "٥٤٬٠٠٠", "2.5", "٢٫٥", "2%", "عشرات", "مئات", "ألف", "آلاف", "مليون", "نصف", "ربع",
    "أربعة", "وخمسين", "ثلاثة", "عشر", "نحو", "حوالي", "أكثر من", "dozens", "three", "thousand", "million",
    "يوليو", "تموز", "كانون الثاني", "July", "March", "2024", "2027", "28", "عام", "بحلول", "منذ", "أمس",
    "اليوم", "غدا", "الأسبوع", "الماضي", "المقبل", "يوم", "الثلاثاء", "Tuesday", "yesterday", "last week",
    "رمضان", "1445", "هـ", "in", "by", "since",
]

pieces = st.one_of(
    st.sampled_from(SPECIAL),
    st.characters(),
    st.text(max_size=4),
)
texts = st.lists(pieces, max_size=50).map("".join)
arabicish = st.lists(st.sampled_from(SPECIAL), max_size=60).map(" ".join)
