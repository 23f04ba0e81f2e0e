"""Stages: the words that may start an anaphor, a trigger or a modality cue (one pass), then the anaphora
("البلدان", "the two countries", "نظيره") with whether they are coordinated to what precedes."""
from __future__ import annotations

from ...kb import clitics
from ..events import CONJ, OPENING_WORDS
from .state import DocState, Resources, stage

COORDINATING = clitics.conjunctions()


@stage(needs=("words", "lang", "places"), provides=("ana_at", "trigger_at", "cue_at", "opening_at", "doc_forms"))
def find_heads(res: Resources, st: DocState) -> None:
    """Also every form of every word (``doc_forms``, with the slots the places stage added): quick negative tests;
    and the words that open reported speech (``opening_at``, for ``EventBuilder``)."""
    lex, words = res.lexicon, st.words
    st.doc_forms = frozenset().union(*[w.forms for w in words])
    opening = OPENING_WORDS.get(st.lang, frozenset())
    indexes = (lex.anaphora.get(st.lang, {}), lex.triggers.get(st.lang, {}), lex.cues.get(st.lang, {}), opening)
    st.ana_at, st.trigger_at, st.cue_at, may_open = lex.head_positions(words, indexes)
    # the words whose forms hold an opening word, from the same pass (memoized per forms set), are a superset of
    # those whose norm is one (a word's norm is one of its forms): a check of the few, not a pass over every word
    st.opening_at = [k for k in may_open if words[k].norm in opening]


@stage(needs=("words", "lang", "ana_at", "doc_forms"), provides=("anaphors",))
def find_anaphors(res: Resources, st: DocState) -> None:
    lex, words = res.lexicon, st.words
    ana_index = lex.anaphora.get(st.lang, {})
    conj = CONJ[st.lang]
    anaphors: dict[int, list[tuple[int, int, str, bool, str]]] = {}
    next_free = 0  # the first word after the last anaphor found
    for i in st.ana_at:
        w = words[i]
        if i >= next_free and w.kind == "word" and w.mention is None:
            m = lex.match(ana_index, words, i)
            if m is not None:
                pat, prefix, length = m
                coord = prefix[:1] in COORDINATING or (i > 0 and words[i - 1].norm in conj)
                anaphors.setdefault(w.sentence, []).append((i, i + length - 1, pat.item.refers, coord, prefix))
                next_free = i + length
    st.anaphors = anaphors
