"""Stage: the tellings of one act in a document merge into one event (extract/merge.py); a recalled (background)
act is never merged; the events under the confidence threshold are dropped; a kept definite verbal noun that
names an earlier kept event again joins it (merge.restatements); the survivors get their ids, and the
explain trace its records of every candidate."""
from __future__ import annotations

from typing import NamedTuple

from ...kb import grammar
from ..decision import decision_trace, keeps
from ..merge import merge_events, restatements
from ..specificity import is_definite
from .state import DocState, Resources, stage


@stage(needs=("events", "telling_keys", "event_hits", "candidates", "scorer", "words", "sentences", "hits", "weapons"),
       provides=("told",))
def merge_tellings(res: Resources, st: DocState) -> None:
    st.told = told = list(st.events)
    news = [(ev, k) for ev, k in zip(told, st.telling_keys) if not ev.background]
    recalled = [ev for ev in told if ev.background]
    one_act = tuple(tuple(pair) for pair in res.rules["one-act-codes"]["pairs"])
    results = frozenset(res.rules["result-tellings"]["rules"])
    linked = _acts_of_tellings(st, told, res.rules["act-of-the-tellings"])
    purposes = _purposes(st, told, res.rules["purpose-of-the-act"])
    tactics = frozenset(res.rules["protest-tactics"]["cameo"])
    episodes = _episodes(st, told)
    events = merge_events([ev for ev, _k in news], [k for _ev, k in news], one_act, results, linked, tactics,
                          episodes, purposes)
    if recalled:
        events = sorted(events + recalled, key=lambda ev: (ev.trigger.start, ev.trigger.end))
    events = [ev for ev in events if keeps(ev, res.decision, st.threshold)]
    if len(events) > 1:  # a restatement joins an earlier kept event
        anaphoric = {id(ev) for ev, hit in zip(told, st.event_hits)
                     if hit.trigger.pos != "verb" and is_definite(hit, st.words)}
        if anaphoric:
            events = restatements(events, anaphoric, one_act, res.rules["anaphoric-restatements"]["span"])
    for n, ev in enumerate(events, start=1):
        ev.id = f"e{n}"
    st.events = st.doc.events = events
    if st.trace is not None:
        records = decision_trace(st.text, told, st.event_hits, st.candidates, st.scorer, events, st.threshold)
        for rec, ev in zip(records, told):
            if id(ev) in st.recodes:
                rec["recoded_by"] = st.recodes[id(ev)]
        st.trace.extend(records)
        st.trace.sort(key=lambda r: (r["trigger"]["start"], r["trigger"]["end"]))


CLAUSE_PUNCT = frozenset({",", "،", ";", "؛", ":", ".", "?", "!"})
LATER_WORDS = grammar.by_lang("later_words")  # "لاحقا", "later": what follows happened after what comes before


def _episodes(st: DocState, told: list) -> dict[int, int]:
    """id of an event -> how many adverbs of grammar table ``later_words`` stand before its trigger in its sentence,
    for the events that share their sentence and type with another: "قتل سبعة صيادين الأحد، ولاحقا شنت البحرية
    هجوما" tells two episodes (extract/merge.py rule 2 merges the tellings of one)."""
    shared: dict[tuple[int, str | None], int] = {}
    for ev in told:
        key = (ev.sentence, ev.type)
        shared[key] = shared.get(key, 0) + 1
    later = LATER_WORDS[st.lang]
    words, sentences = st.words, st.sentences
    out: dict[int, int] = {}
    for ev, hit in zip(told, st.event_hits):
        if ev.type is None or shared[(ev.sentence, ev.type)] < 2:
            continue
        n = sum(1 for w in words[sentences[ev.sentence].w0:hit.w0] if w.kind == "word" and w.forms & later)
        if n:
            out[id(ev)] = n
    return out


def _acts_of_tellings(st: DocState, told: list, rule: dict) -> frozenset[tuple[int, int]]:
    """(id of a telling, id of a later trigger of its type that a preposition introduces in its sentence, within
    ``span`` words and no clause punctuation): "قتل جنديان وأصيب ثلاثة في انفجار عبوة" (coding rule
    act-of-the-tellings); and (an attack, the verb right after its noun or the weapon dropped as its own): "قتل
    سبعة بانفجار سيارة مفخخة استهدف أحد الوجهاء"."""
    types, preps, span = frozenset(rule["types"]), frozenset(rule["preps"]), rule["span"]
    preps = _Preps(preps, frozenset(rule["series"]), frozenset(rule["of"]), frozenset(rule["articles"]))
    words = st.words
    out: set[tuple[int, int]] = set()
    last: dict[tuple[int, str], list[tuple[object, object]]] = {}  # (sentence, type) -> earlier (event, hit)
    ends: dict[int, object] = {}  # last word of a trigger -> its event
    for ev, hit in zip(told, st.event_hits):
        if ev.type not in types or ev.background:
            continue
        key = (ev.sentence, ev.type)
        earlier = last.setdefault(key, [])
        introduced = _introduced(words, hit.w0, hit.prefix, preps)
        if not introduced and hit.w0 > 0 and words[hit.w0 - 1].trigger is not None:  # "بانفجار عبوة ناسفة": the
            # act's noun after another trigger word a preposition introduces
            introduced = _introduced(words, hit.w0 - 1, st.hits[words[hit.w0 - 1].trigger].prefix, preps)
        # a verb right after an attack's noun or weapon has it for subject: "بانفجار سيارة مفخخة استهدف دورية"
        subject = (ends.get(hit.w0 - 1) or st.weapons.get(hit.w0 - 1)) \
            if hit.w0 > 0 and not hit.prefix and hit.trigger.pos == "verb" else None
        if subject is not None and subject.type == ev.type and subject.sentence == ev.sentence:
            out.add((id(subject), id(ev)))
        elif introduced:
            out.update((id(prev), id(ev)) for prev in _in_clause_before(words, earlier, hit, span))
        earlier.append((ev, hit))
        ends[hit.w1] = ev
    return frozenset(out)


def _in_clause_before(words: list, earlier: list, hit, span: int) -> list:
    """The events of ``earlier`` ((event, hit) pairs of the sentence, in order) whose trigger ends within ``span``
    words before ``hit`` with no clause punctuation between."""
    return [prev for prev, phit in earlier
            if 0 < hit.w0 - phit.w1 <= span
            and not any(w.kind == "punct" and w.norm in CLAUSE_PUNCT for w in words[phit.w1 + 1:hit.w0])]


def _purposes(st: DocState, told: list, rule: dict) -> frozenset[tuple[int, int]]:
    """(id of a telling, id of a later trigger of its type that tells what it was for: after "to", the clitic ل or
    a word of the rule's preps, in its sentence, within ``span`` words and no clause punctuation): "met his
    counterpart to discuss the crisis", "اجتمع الوزير بنظيره لبحث الأزمة" (coding rule purpose-of-the-act)."""
    types, preps, clitics, span = frozenset(rule["types"]), frozenset(rule["preps"]), rule["clitics"], rule["span"]
    words = st.words
    out: set[tuple[int, int]] = set()
    last: dict[tuple[int, str], list[tuple[object, object]]] = {}  # (sentence, type) -> earlier (event, hit)
    for ev, hit in zip(told, st.event_hits):
        if ev.type not in types or ev.background:
            continue
        earlier = last.setdefault((ev.sentence, ev.type), [])
        if earlier and (any(c in hit.prefix for c in clitics)
                        or (hit.w0 > 0 and words[hit.w0 - 1].norm in preps)):
            out.update((id(prev), id(ev)) for prev in _in_clause_before(words, earlier, hit, span))
        earlier.append((ev, hit))
    return frozenset(out)


class _Preps(NamedTuple):
    """The words of coding rule act-of-the-tellings that link a telling to its act."""
    preps: frozenset[str]
    series: frozenset[str]  # "سلسلة", "موجة", "series": a noun of a series may stand between
    of: frozenset[str]  # "من", "of" after the series noun
    articles: frozenset[str]  # "a", "the" before it


def _introduced(words: list, k: int, prefix: str, preps: _Preps) -> bool:
    """Does a preposition introduce word ``k``: its clitic ب, or one of the rule's prepositions right before it, or
    before a noun of a series ("في سلسلة من الغارات", "بموجة غارات", "in a series of air strikes") or, in English,
    before up to two modifiers ("in Israeli air strikes", "in a suicide bombing")?"""
    if "ب" in prefix:
        return True
    j = k - 1
    if words[k].norm.isascii():
        for _ in range(2):
            if j < 0 or words[j].kind != "word" or words[j].norm in preps.preps or words[j].norm in preps.of \
                    or words[j].norm in preps.articles:
                break
            j -= 1
    if j > 0 and words[j].norm in preps.of and words[j - 1].norm in preps.series:
        j -= 1
    if j >= 0 and words[j].norm in preps.series:
        if words[j].norm[:1] == "ب":  # "بسلسلة من الغارات": the series noun's own clitic
            return True
        j -= 1
    if j >= 0 and words[j].norm in preps.articles:
        j -= 1
    return j >= 0 and words[j].norm in preps.preps
