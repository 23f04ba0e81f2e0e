"""Prepositions: which word governs an actor phrase or a mention ("في طوكيو", "بالرئيس", "against Iran").

Tables are folded with ``marsad.text.normalize_key`` so they compare with normalized words.
Imports: marsad.text, marsad.extract.words (types only).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import normalize_key

if TYPE_CHECKING:  # pragma: no cover
    from .actors import Phrase
    from .words import Word


def fold(words) -> set[str]:
    return {normalize_key(w) for w in words}


PREP_WORDS_RAW = {
    "ar": {"في", "من", "الى", "إلى", "على", "عن", "مع", "ضد", "بين", "مثل", "لدى", "حول", "نحو", "عبر", "خلال",
           "بعد", "قبل", "تجاه", "بشان", "لصالح", "عند", "منذ", "حتى", "دون", "وسط", "قرب", "امام", "ازاء"},
    "en": {"in", "at", "on", "with", "against", "to", "from", "by", "between", "of", "for", "like", "among",
           "into", "over", "toward", "towards", "about", "near", "after", "before", "during", "through", "than",
           "as", "despite", "amid", "including", "such"},
}
PREFIX_PREPS_RAW = {"ب": "ب", "ل": "ل", "ك": "ك", "لل": "ل", "بال": "ب"}
PREP_WORDS = {lang: fold(ws) for lang, ws in PREP_WORDS_RAW.items()}
PREFIX_PREPS = {normalize_key(k): normalize_key(v) for k, v in PREFIX_PREPS_RAW.items()}


def phrase_prep(ph: Phrase, words: list[Word], lang: str) -> str | None:
    """The preposition governing a phrase: a clitic ب/ل/ك on its first word, or a separate word before it."""
    prefix = ph.mentions[0].prefix if ph.mentions else ph.prefix
    return _clitic_prep(prefix) or _word_prep(words, ph.w0, lang)


def mention_prep(m, words: list[Word], lang: str) -> str | None:
    """The preposition governing a single mention (clitic ب/ل/ك or the word before it)."""
    return _clitic_prep(m.prefix) or _word_prep(words, m.w0, lang)


def _clitic_prep(prefix: str) -> str | None:
    return PREFIX_PREPS.get(prefix.lstrip("وف"))


def _word_prep(words: list[Word], w0: int, lang: str) -> str | None:
    """A preposition word right before word ``w0`` (skipping English articles), "و" + preposition included."""
    preps = PREP_WORDS[lang]
    k = w0 - 1
    while k >= 0 and words[k].sentence == words[w0].sentence:
        norm = words[k].norm
        if lang == "ar" and norm.startswith("و") and norm[1:] in preps:
            return norm[1:]
        if norm in preps:
            return norm
        if lang == "en" and norm in {"the", "a", "an"}:
            k -= 1
            continue
        break
    return None
