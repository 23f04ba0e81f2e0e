"""Does a trigger report one new occurrence, or does it mention an event as background, a charge or a kind?

News sentences name far more events than they report. "مغنية الذي قتل في انفجار" (a relative clause about an
entity), "وكان الجيش قد قصف" (pluperfect: an earlier event recalled), "منذ اغتيال بوتو" (a reference point),
"اتهما بالخطف" (a charge), "جرائم القتل" or a bare "القتل،" (a kind of event) — none is a new event.
``background(...)`` returns the reason a trigger is such a mention, or None. The words are data
(kb/data/scope.jsonl, loaded by ``Lexicon``); this module only knows where to look for them.
Imports: marsad.extract siblings.
"""
from __future__ import annotations

from .words import Word

AUX_SPAN = 3  # auxiliaries allowed between a relative pronoun and its verb ("الذي كان قد قتل")
KANA_SPAN = 8  # words searched back from قد for a form of كان
REFERENCE_SPAN = 3  # words searched back from a verbal noun for منذ/بعد/after ...
CHARGE_SPAN = 3  # words searched back from a trigger for a charge word ("اتهما بالخطف")
QAD = frozenset({"قد", "had"})
ARTICLE_STARTS = ("ال", "وال", "بال", "فال", "كال", "لل", "the ")


def _has(w: Word, forms: frozenset[str]) -> bool:
    """Is the word, or one of its bases, one of ``forms``? (``Word.forms`` holds exactly those.)"""
    return not forms.isdisjoint(w.forms)


def _reported(words: list[Word], k: int, sent: int, reporting: frozenset[str]) -> bool:
    """A reporting verb shortly before word k: "said it had launched" is the reporter's tense, not background."""
    for j in range(k - 1, max(-1, k - 1 - KANA_SPAN), -1):
        if words[j].sentence != sent:
            return False
        if _has(words[j], reporting):
            return True
    return False


def background(hit, words: list[Word], scope: dict[str, frozenset[str]], nominal: bool) -> str | None:
    """The reason the trigger ``hit`` is not a new event (relative, pluperfect, reference, charge, generic), or
    None. ``scope`` is ``Lexicon.scope[lang]``; ``nominal`` says the trigger is a verbal noun."""
    empty: frozenset[str] = frozenset()
    w0, w1 = hit.w0, hit.w1
    sent = words[w0].sentence

    def word(k: int) -> Word | None:
        return words[k] if 0 <= k < len(words) and words[k].sentence == sent else None

    if not nominal:
        aux = scope.get("auxiliary", empty)
        k, seen_qad = w0 - 1, False
        while (w := word(k)) is not None and w.norm in aux and w0 - k <= AUX_SPAN:
            seen_qad |= w.norm in QAD
            k -= 1
        prev = word(k)
        if prev is not None and _has(prev, scope.get("relative", empty)):
            return "relative"
        if seen_qad:
            kana = scope.get("pluperfect", empty)
            for j in range(w0 - 1, w0 - 1 - KANA_SPAN, -1):
                w = word(j)
                if w is None:
                    break
                if _has(w, kana):
                    return None if _reported(words, j, sent, scope.get("reporting", empty)) else "pluperfect"
    prev = word(w0 - 1)
    if nominal:
        reference = scope.get("reference", empty)
        for j in range(w0 - 1, w0 - 1 - REFERENCE_SPAN, -1):  # "بعد أسبوعين من خطفه", "after Gaza hospital blast"
            w = word(j)
            if w is None or w.kind == "punct" or (w.trigger is not None and j < w0 - 1):
                break
            if _has(w, reference):
                return "reference"
    charge = scope.get("charge", empty)
    for j in range(w0 - 1, w0 - 1 - CHARGE_SPAN, -1):
        w = word(j)
        if w is None:
            break
        if _has(w, charge):
            return "charge"
    if nominal:
        if prev is not None and _has(prev, scope.get("generic_head", empty)):
            return "generic"
        definite = "ال" in hit.prefix or words[w0].norm.startswith(ARTICLE_STARTS)
        nxt = word(w1 + 1)
        if definite and (nxt is None or nxt.kind == "punct"):
            return "generic"  # "القتل،" / "the killing." with nothing after it: the kind, not an occurrence
    return None
