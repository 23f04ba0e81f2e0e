"""Offline language identification for routing: Arabic, English or other, per document and per sentence.

Job: a cheap script-ratio decision (no model): count Arabic-script letters, Latin letters and the letters that
mark Persian/Urdu (پ چ ژ گ ک ی ٹ ڈ ں ے ۀ). Arabic script dominant -> "ar" unless the Persian/Urdu letters make up
a noticeable share (-> "other"); Latin dominant -> "en" (marsad reads English as its only Latin-script language;
other Latin-script languages are not told apart); no letters, or another script dominant -> "other".
May import: stdlib, ``regex``, ``marsad.text``.
"""
from __future__ import annotations

import regex

from .sentences import split_sentences

__all__ = ["detect_language", "sentence_languages"]

_ARABIC = regex.compile(r"[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9"
                        r"\uFB50-\uFDFF\uFE70-\uFEFC]")
_LATIN = regex.compile(r"[A-Za-z\u00C0-\u024F]")
_PERSIAN = regex.compile(r"[پچژگکیٹڈںےۀ]")
_LETTER = regex.compile(r"\p{L}")


def detect_language(text: str) -> str:
    """"ar" | "en" | "other" for ``text`` by script ratio (see module docstring). Linear time; never raises on
    any ``str`` (a non-str raises ``TypeError``)."""
    if not isinstance(text, str):
        raise TypeError(f"detect_language() needs a str, not {type(text).__name__}")
    sample = text if len(text) <= 200_000 else text[:100_000] + text[-100_000:]
    ar = len(_ARABIC.findall(sample))
    la = len(_LATIN.findall(sample))
    if ar == 0 and la == 0:
        return "other"
    letters = len(_LETTER.findall(sample))
    if ar >= la:
        if ar * 2 < letters:
            return "other"
        fa = len(_PERSIAN.findall(sample))
        if fa * 40 >= ar and fa >= 1:  # ≥ 2.5 % Persian/Urdu-only letters: not Arabic
            return "other"
        return "ar"
    if la * 2 < letters:
        return "other"
    return "en"


def sentence_languages(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, lang)`` for each sentence of ``text`` (spans as in ``split_sentences``); a sentence without
    letters takes the language of the whole document."""
    doc = detect_language(text)
    out: list[tuple[int, int, str]] = []
    for s, e in split_sentences(text):
        piece = text[s:e]
        lang = detect_language(piece)
        if lang == "other" and not _LETTER.search(piece):
            lang = doc
        out.append((s, e, lang))
    return out
