"""Does a trigger report one new occurrence, or does it mention an event as background, a charge or a kind?

News sentences name far more events than they report. "مغنية الذي قتل في انفجار" (a relative clause about an
entity), "وكان الجيش قد قصف" (pluperfect: an earlier event recalled), "منذ اغتيال بوتو" (a reference point),
"اتهما بالخطف" (a charge), "جرائم القتل" or a bare "القتل،" (a kind of event) — none is a new event.
``background(...)`` returns the reason a trigger is such a mention, or None. The words are data
(kb/data/scope.jsonl, loaded by ``Lexicon``); this module only knows where to look for them.
Imports: marsad.kb (the grammar tables), marsad.extract siblings.
"""
from __future__ import annotations

from ..kb import clitics, grammar
from .words import Word

AUX_SPAN = 3  # auxiliaries allowed between a relative pronoun and its verb ("الذي كان قد قتل")
KANA_SPAN = 8  # words searched back from قد for a form of كان
REPORT_SPAN = 12  # words searched back from a trigger for the reporting verb whose report holds it
REFERENCE_SPAN = 3  # words searched back from a verbal noun for منذ/بعد/after ...
CHARGE_SPAN = 5  # words searched back from a trigger for a charge word ("اتهما بالخطف", "charged the two men with")
THEN_SPAN = 2  # words each side of a trigger searched for "then" ("وقتل حينها", "وحينها قتل")
HABITUAL_SPAN = 4  # words each side of a trigger searched for "daily", "every Friday" ("يتظاهرون كل جمعة")
QAD = grammar.words("qad")  # "قد", "had"
TIME_MASDAR_PREPS = grammar.words("time_masdar_preps", "ar")  # "منذ", "بعد", "قبل", ...
DURATION_OPENERS = grammar.words("duration_openers", "ar")  # "بعد", "قبل": "بعد ثلاثة أيام من خطفه"
DURATION_SPAN = 3  # words between بعد/قبل and the من of "بعد ثلاثة أيام من خطفه"
ARTICLE_STARTS = clitics.article_forms()  # "ال", "بال", "لل", ...
EN_DEFINITE = grammar.words("en_definite", "en")
EN_RELATIVE_SPAN = 6  # words searched back from an English verb for who/which/"in which"
SLOGAN_SPAN = 5  # words from a slogan or banner word to what it says ("لافتات تطالب بطرد السفير")
SLOGAN_QUOTED_SPAN = 14  # the same when a quotation opens between them ("لافتات كتب عليها «... نندد ب...»")
OPEN_QUOTES = frozenset('«“"(')
QUOTE_ENDS = frozenset(':»”')  # punctuation that does not end a slogan's search outside a quotation


def _has(w: Word, forms: frozenset[str]) -> bool:
    """Is the word, or one of its bases, one of ``forms``? (``Word.forms`` holds exactly those.)"""
    return not forms.isdisjoint(w.forms)


def _back(words: list[Word], k: int, span: int, forms: frozenset[str], *, clause: bool = False) -> int | None:
    """The nearest of words k, k-1 … (at most ``span`` of them, in k's sentence) that is one of ``forms``.
    With ``clause`` the search stops at punctuation and at another trigger (except the word right before k+1) that
    is not itself one of ``forms`` ("احتجاجا على مقتل": the protest trigger is the killing's reference point)."""
    sent = words[k + 1].sentence if k + 1 < len(words) else words[k].sentence
    for j in range(k, max(-1, k - span), -1):
        w = words[j]
        if w.sentence != sent or (clause and w.kind == "punct"):
            return None
        if _has(w, forms):
            return j
        if clause and w.trigger is not None and j < k:
            return None
    return None


def _word_in(words: list[Word], k: int, sent: int) -> Word | None:
    """Word ``k`` if it exists and belongs to sentence ``sent``, else None."""
    return words[k] if 0 <= k < len(words) and words[k].sentence == sent else None


def is_definite(hit, words: list[Word]) -> bool:
    """Is the trigger a definite noun: "الهجوم", "بالهجوم", "the attack", "this attack"?"""
    w0 = hit.w0
    norm = words[w0].norm
    if "ال" in hit.prefix or (norm.startswith(ARTICLE_STARTS)
                              and (norm.startswith("لل") or not _hamza_alif(words[w0].text))):
        return True
    return w0 > 0 and words[w0 - 1].norm in EN_DEFINITE and words[w0 - 1].sentence == words[w0].sentence


def _hamza_alif(text: str) -> bool:
    """Does the word's first alif (after at most two proclitic letters) carry a hamza ("ألقت", "وألغى", "ألغام")?
    The article's alif never does: the letters are the stem's, not the article (when the writer wrote the hamza).
    After ل the article has no alif ("للإغاثة"): the caller does not ask."""
    for ch in text[:3]:
        if ch in "أإآ":
            return True
        if ch == "ا":
            return False
    return False


RIGHT_PREPS = grammar.words("right_preps")  # between a generic head and its verbal noun: "الحق في", "right to"
EN_INFINITIVE = frozenset({"to"})  # between a generic head and an English verb: "the right to protest"


def _after_generic_head(words: list[Word], w0: int, sent: int, heads: frozenset[str], links: frozenset[str],
                        link_needed: bool) -> bool:
    """Does a generic head ("جرائم", "الحق", "right") govern word ``w0``, right before it or through one of
    ``links`` ("الحق في التظاهر")? With ``link_needed`` only through a link."""
    prev = _word_in(words, w0 - 1, sent)
    if prev is not None and prev.norm in links:
        prev = _word_in(words, w0 - 2, sent)
    elif link_needed:
        return False
    return prev is not None and _has(prev, heads)


def _in_slogan(words: list[Word], w0: int, sent: int, scope: dict[str, frozenset[str]]) -> bool:
    """Does the trigger stand in the words of a slogan, a chant or a banner ("هتافات تطالب باستقالة الوزير",
    "placards reading 'stop the killing'")? They are what a protest says, part of the PROTEST, not acts of their own.
    Searched back: a slogan word at most SLOGAN_SPAN words before, or SLOGAN_QUOTED_SPAN when a quotation opens
    between them; punctuation outside a quotation, a reporting verb or a clause opener (scope ``slogan_stop``:
    "بينما", "قبل", "while") ends the search."""
    empty: frozenset[str] = frozenset()
    slogan, stops, reporting = scope["slogan"], scope.get("slogan_stop", empty), scope.get("reporting", empty)
    quoted = False
    for j in range(w0 - 1, max(-1, w0 - SLOGAN_QUOTED_SPAN - 1), -1):
        w = words[j]
        if w.sentence != sent:
            return False
        if w.kind == "punct":
            quoted |= w.text in OPEN_QUOTES
            if not quoted and w.text not in QUOTE_ENDS:
                return False
            continue
        if _has(w, slogan):
            return quoted or w0 - j <= SLOGAN_SPAN
        if not quoted and (_has(w, stops) or _has(w, reporting)):
            return False
    return False


def _then(words: list[Word], w0: int, w1: int, sent: int, forms: frozenset[str]) -> bool:
    """Is a word meaning "then, at that time" within THEN_SPAN words of the trigger, in its clause?"""
    for k in (*range(w1 + 1, w1 + 1 + THEN_SPAN), *range(w0 - 1, w0 - 1 - THEN_SPAN, -1)):
        w = _word_in(words, k, sent)
        if w is None or w.kind == "punct":
            continue
        if w.clause == words[w0].clause and _has(w, forms):
            return True
    return False


def _habitual(words: list[Word], w0: int, w1: int, sent: int, scope: dict[str, frozenset[str]]) -> bool:
    """Is the trigger's act habitual: an adverb of habit (scope reason habitual: "يوميا", "weekly") or "كل"/"every"
    before a unit of time ("كل جمعة", "every Friday") within HABITUAL_SPAN words, in its clause?"""
    empty: frozenset[str] = frozenset()
    adverbs, every, units = (scope.get(r, empty) for r in ("habitual", "habitual_every", "habitual_units"))
    for k in (*range(w1 + 1, w1 + 1 + HABITUAL_SPAN), *range(w0 - 1, w0 - 1 - HABITUAL_SPAN, -1)):
        w = _word_in(words, k, sent)
        if w is None or w.kind == "punct" or w.clause != words[w0].clause:
            continue
        if _has(w, adverbs):
            return True
        if every and units and _has(w, every) and (u := _word_in(words, k + 1, sent)) is not None and _has(u, units):
            return True
    return False


def _recalled_report(words: list[Word], w0: int, sent: int, scope: dict[str, frozenset[str]]) -> bool:
    """Does the trigger stand in what a pluperfect reporting verb reports ("وكان الجيش قد أعلن أمس مقتل ...")?"""
    j = _back(words, w0 - 1, REPORT_SPAN, scope["reporting"])
    q = _word_in(words, j - 1, sent) if j is not None else None
    return q is not None and q.norm in QAD and _back(words, j - 2, KANA_SPAN, scope["pluperfect"]) is not None


def _after_time_prep(hit, words: list[Word], sent: int) -> bool:
    """Does a bare Arabic verb form stand right after a time preposition (grammar time_masdar_preps: "منذ خطف"), or
    after the من of a duration that one opens ("بعد ثلاثة أيام من خطفه")?"""
    w0 = hit.w0
    prev = _word_in(words, w0 - 1, sent)
    if hit.prefix or prev is None or prev.norm.isascii():
        return False
    if prev.norm in TIME_MASDAR_PREPS:
        return True
    return prev.norm == "من" and any((w := _word_in(words, k, sent)) is not None and w.norm in DURATION_OPENERS
                                     for k in range(w0 - 2 - DURATION_SPAN, w0 - 2))


def background(hit, words: list[Word], scope: dict[str, frozenset[str]], nominal: bool) -> str | None:
    """The reason the trigger ``hit`` is not a new event (relative, pluperfect, reference, charge, then, habitual, slogan,
    generic), or None. ``scope`` is ``Lexicon.scope[lang]``, or the part of it whose words the document has (a reason whose
    words are absent cannot apply: it is not looked for); ``nominal`` says the trigger is a verbal noun."""
    empty: frozenset[str] = frozenset()
    w0, w1 = hit.w0, hit.w1
    sent = words[w0].sentence
    relative = scope.get("relative", empty)
    if relative and words[w0].norm.isascii() \
            and _back(words, w0 - 1, EN_RELATIVE_SPAN, relative, clause=True) is not None:
        return "relative"  # "protests in which about 300 people were killed" (English verb groups are phrases)
    generic_head = scope.get("generic_head", empty)
    if not nominal and generic_head and _after_generic_head(words, w0, sent, generic_head, EN_INFINITIVE, True):
        return "generic"  # "the right to protest": an English infinitive after a right or freedom
    # a phrase that opens with a verb is one: "قد أطلقت صواريخ" (قد stands before verbs only)
    verb = not nominal or ((w := _word_in(words, w0 - 1, sent)) is not None and w.norm in QAD)
    if verb and (relative or "pluperfect" in scope):  # the only reasons a verb may have
        aux = scope.get("auxiliary", empty)
        k, seen_qad = w0 - 1, False
        while (w := _word_in(words, k, sent)) is not None and w.norm in aux and w0 - k <= AUX_SPAN:
            seen_qad |= w.norm in QAD
            k -= 1
        prev = _word_in(words, k, sent)
        if prev is not None and _has(prev, relative):
            return "relative"
        kana = _back(words, w0 - 1, KANA_SPAN, scope.get("pluperfect", empty)) if seen_qad else None
        if kana is not None and _back(words, kana - 1, KANA_SPAN, scope.get("reporting", empty)) is None:
            return "pluperfect"  # "وكان الجيش قد قصف"; but "said it had launched" is the reporter's tense
    if "pluperfect" in scope and "reporting" in scope and _recalled_report(words, w0, sent, scope):
        return "pluperfect"  # "وكان الجيش قد أعلن أمس مقتل ثلاثة من جنوده": the whole report is recalled
    if nominal and "reference" in scope \
            and _back(words, w0 - 1, REFERENCE_SPAN, scope["reference"], clause=True) is not None:
        return "reference"  # "منذ اغتيال بوتو", "بعد أسبوعين من خطفه", "after Gaza hospital blast"
    if not nominal and "reference" in scope and _after_time_prep(hit, words, sent):
        return "reference"  # "منذ خطف اثنين من مواطنيها", "بعد ثلاثة أيام من خطفه": a bare verb form there is
        # the verbal noun of a past act
    if "charge" in scope and _back(words, w0 - 1, CHARGE_SPAN, scope["charge"]) is not None:
        return "charge"
    if "then" in scope and _then(words, w0, w1, sent, scope["then"]):
        return "then"  # "وقتل حينها خمسة جنود": at a time named before, a past act recalled
    if ("habitual" in scope or "habitual_every" in scope) and _habitual(words, w0, w1, sent, scope):
        return "habitual"  # "يتظاهرون كل جمعة", "كان يخرج كل صباح", "rally weekly": no single event
    if "slogan" in scope and _in_slogan(words, w0, sent, scope):
        return "slogan"  # "هتافات تطالب باستقالة الوزير": what a protest says, part of the PROTEST
    if nominal:
        if _after_generic_head(words, w0, sent, generic_head, RIGHT_PREPS, False):  # "جرائم القتل", "الحق في التظاهر"
            return "generic"
        nxt = _word_in(words, w1 + 1, sent)
        if is_definite(hit, words) and (nxt is None or nxt.kind == "punct"):
            return "generic"  # "القتل،" / "the killing." with nothing after it: the kind, not an occurrence
    return None
