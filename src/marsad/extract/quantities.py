"""Quantities: numbers from the text layer plus what they count (units lexicon) and whose they are.

"ما يقرب من 38 ألف جندي بريطاني" -> troops 38000 approx, actor GBR; "3% من ناتجها المحلي الإجمالي" -> percent 3 of
GDP; "2.5 مليار دولار" -> money 2.5e9 USD. What a percentage is of comes from the units of kind "of" (units.jsonl: GDP,
budget). Years ("عام 2027") are times, not quantities.
Imports: marsad.model, marsad.text, marsad.extract siblings.
"""
from __future__ import annotations

import bisect
import math

from ..kb import grammar
from ..model import Quantity
from ..text import find_numbers
from .mentions import Mention
from .words import Word

POSSESSIVES = grammar.words("third_person_enclitics")  # "ثلاثة من جنوده": whose soldiers, the pronoun says
OWNER_SPAN = 12  # words from a possessed count back to the mention of its owner ("أعلن الجيش الأمريكي مقتل ثلاثة من جنوده")
OF_SPAN = 5  # words after a percentage in which what it is of is named ("3% من ناتجها المحلي", "30% of its budget")


def extract_quantities(text: str, lang: str, words: list[Word], mentions: list[Mention], kb, lexicon,
                       starts: list[int] | None = None) -> list[tuple[int, Quantity]]:
    """(word index, Quantity) for every non-year number in the text; ``starts`` (the words' start offsets) may be
    handed in when the caller has them."""
    if starts is None:
        starts = [w.start for w in words]
    mention_w0 = [mn.w0 for mn in mentions]  # in text order, so nondecreasing: searched by bisection
    units = lexicon.units.get(lang, {})
    out: list[tuple[int, Quantity]] = []
    for nm in find_numbers(text, lang):
        if getattr(nm, "year_like", False) or getattr(nm, "date_part", False):
            continue
        wi = bisect.bisect_right(starts, nm.end - 1) - 1
        if wi < 0:
            continue
        kind, unit, of, actor, end = "count", None, None, None, nm.end
        if nm.percent:
            kind, unit = "percent", "percent"
        # unit noun within the next two words
        k = wi + 1
        while k < len(words) and k <= wi + 3 and words[k].start < nm.end:
            k += 1
        k_first = k
        if not nm.percent:
            for k2 in range(k, min(k + 2, len(words))):
                if words[k2].sentence != words[wi].sentence:
                    break
                m = lexicon.match(units, words, k2)
                if m:
                    u = m[0].item
                    kind, unit = u.kind, u.unit
                    end = words[k2 + m[2] - 1].end
                    k = k2 + m[2]
                    break
        else:
            of = _base_of(words, k, lexicon, units, words[wi].sentence)
        # whose: a nisba / country right after the unit noun
        for at in range(bisect.bisect_left(mention_w0, k_first), len(mentions)):  # the mentions from word k_first on
            mn = mentions[at]
            if mn.w0 > k + 1:
                break
            if mn.kind in ("nisba", "country", "demonym"):
                rec = kb.entities.get(mn.target)
                if rec is not None:
                    actor = rec.code
                    end = max(end, mn.end) if mn.w0 in (k, k_first) else end
                break
        if actor is None and unit is not None and lang == "ar" and k > k_first \
                and any(suf in POSSESSIVES for _p, _b, suf in words[k - 1].bases[1:]):
            actor = _possessor(words, wi, mentions, mention_w0, kb)  # "اثنين من جنوده": the owner's soldiers
        if kind == "count" and nm.value < 10 and not nm.approx:
            continue  # "the two countries", "one of the steps": not a quantity anyone counts
        if not all(map(math.isfinite, (nm.value, getattr(nm, "low", None) or 0.0, getattr(nm, "high", None) or 0.0))):
            continue  # over 308 digits is no count anyone reports, and infinity is not JSON: refused
        low = getattr(nm, "low", None)
        high = getattr(nm, "high", None)
        # kind, value, unit, approx, start, end, text, of, actor, low, high (positional: keywords cost a dict)
        q = Quantity(kind, float(nm.value), unit, bool(nm.approx), nm.start, end, text[nm.start:end], of, actor, low,
                     high)
        out.append((wi, q))
    return out


def _base_of(words: list[Word], k: int, lexicon, units, sentence: int) -> str | None:
    """The unit of the first "of" unit (GDP, budget) among the OF_SPAN words from word ``k`` in the sentence."""
    for j in range(k, min(k + OF_SPAN, len(words))):
        if words[j].sentence != sentence:
            break
        for pat, _prefix, _n in lexicon.matches(units, words, j):
            if pat.item.kind == "of":
                return pat.item.unit
    return None


def _possessor(words: list[Word], wi: int, mentions: list[Mention], mention_w0: list[int], kb) -> str | None:
    """The country of the nearest mention before word ``wi`` in its sentence (within OWNER_SPAN words) that has one:
    the owner a possessive pronoun on a counted noun refers back to ("أعلنت الحكومة العراقية مقتل ثلاثة من
    جنودها": IRQ)."""
    sentence = words[wi].sentence
    for at in range(bisect.bisect_left(mention_w0, wi) - 1, -1, -1):
        mn = mentions[at]
        if wi - mn.w1 > OWNER_SPAN or words[mn.w0].sentence != sentence:
            return None
        rec = kb.entities.get(mn.target)
        if rec is None:
            continue
        country = rec.code if rec.kind == "country" else rec.country
        if country:
            return country
    return None
