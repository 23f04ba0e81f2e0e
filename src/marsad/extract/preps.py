"""Prepositions: which word governs an actor phrase or a mention ("في طوكيو", "بالرئيس", "against Iran").

The words are the ``prepositions`` and ``en_articles`` tables of kb/data/grammar.jsonl (normalized, as words are);
the clitic prepositions come from the proclitic table. Imports: marsad.text, marsad.kb, marsad.extract.words (types
only).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from functools import lru_cache

from ..kb import clitics, grammar
from ..text import normalize_key
from ..text.numbers import parse_number_words

if TYPE_CHECKING:  # pragma: no cover
    from .actors import Phrase
    from .words import Word


def fold(words) -> set[str]:
    return {normalize_key(w) for w in words}


PREP_WORDS = grammar.by_lang("prepositions")
PREFIX_PREPS = clitics.prefix_prepositions()  # "بال" -> "ب", "لل" -> "ل"
PREPOSITION_CLITICS = frozenset(clitics.classes()["preposition"])  # ب ك ل
PARTNER_PREPS = grammar.words("partner_preps")  # "مع X", "بين X و Y": X takes part
CONJUNCTIONS = "".join(sorted(clitics.conjunctions()))  # و ف, stripped before a clitic preposition
EN_ARTICLES = grammar.words("en_articles", "en")  # skipped between a preposition and its noun: "against the"


def phrase_prep(ph: Phrase, words: list[Word], lang: str) -> str | None:
    """The preposition governing a phrase: a clitic ب/ل/ك on its first word, or a separate word before it. English
    "of" after a count ("dozens of protesters", "two of the soldiers") governs nothing: the phrase heads the count."""
    prefix = ph.mentions[0].prefix if ph.mentions else ph.prefix
    prep = clitic_prep(prefix) or _word_prep(words, ph.w0, lang)
    if prep == "of" and lang == "en" and _after_count(words, ph.w0):
        return None
    return prep


def _after_count(words: list[Word], w0: int) -> bool:
    """Is the "of" before word ``w0`` (an article may stand between) right after a number or count word?"""
    k = w0 - 1
    while k > 0 and words[k].norm in EN_ARTICLES:
        k -= 1
    if k < 1 or words[k].norm != "of":
        return False
    prev = words[k - 1]
    return prev.sentence == words[w0].sentence and (prev.kind == "number" or _number_word(prev.norm))


@lru_cache(maxsize=4096)
def _number_word(norm: str) -> bool:
    return parse_number_words(norm) is not None


def mention_prep(m, words: list[Word], lang: str) -> str | None:
    """The preposition governing a single mention (clitic ب/ل/ك or the word before it)."""
    return clitic_prep(m.prefix) or _word_prep(words, m.w0, lang)


def clitic_prep(prefix: str) -> str | None:
    return PREFIX_PREPS.get(prefix.lstrip(CONJUNCTIONS))


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
        if lang == "en" and norm in EN_ARTICLES:
            k -= 1
            continue
        break
    return None


PLACE_HEADS = grammar.by_lang("place_heads")  # "مدينة", "مخيم", "city", "camp": nouns that head a named place
LOCATIVES = grammar.by_lang("locatives")  # "في", "شمال", "قرب", "near": words that place what follows


def place_prep(m, words: list[Word], lang: str) -> str | None:
    """The preposition that places a place mention: its own (``mention_prep``), else the one before the place noun
    that heads it ("من مخيم جنين", "بمدينة X", "in the city of X"), else a locative word right before it ("شمال
    قطاع غزة", "near Damascus"), which places it as "في"/"in" does (returned as itself)."""
    prep = mention_prep(m, words, lang)
    k, first = m.w0 - 1, max(m.w0 - 4, 0)
    if lang == "en" and prep == "of" and k > 0 and words[k].norm == "of":
        k -= 1  # "the city of X"
        if words[k].norm not in PLACE_HEADS[lang]:
            return prep
    elif prep is not None:
        return prep
    if k < first or words[k].sentence != words[m.w0].sentence or words[k].kind != "word":
        return None
    if words[k].norm in LOCATIVES[lang]:
        return words[k].norm
    heads = PLACE_HEADS[lang]
    if lang == "en":
        return _word_prep(words, k, lang) if words[k].norm in heads else None
    for prefix, base, suffix in words[k].bases:
        if base in heads and not suffix:
            got = clitic_prep(prefix)
            if got is not None:
                return got  # "بمدينة X"
            if prefix.lstrip(CONJUNCTIONS) in ("", "ال"):
                return _word_prep(words, k, lang)  # "في مدينة X", "من مخيم X"
    return None
