"""Stage (with ``code(..., ner=True)``, English text): names the KB does not know, found by the rule tagger
(extract/ner_en.py) in the sentences that hold a trigger candidate, become mentions of new entities as in Arabic
(stages/ner.py): ``new_person``, ``new_organization``, ``new_place`` with the id ``new:<kind>:<normalized name>``.
An organization takes the sector its head word gives ("the Green Valley Party" -> PTY); a person is coded by the
actor coder from the title before it ("Syria's foreign minister X" -> SYRGOV); a name with neither is no actor.
A span over a word of a KB mention is left to the KB."""
from __future__ import annotations

import bisect

from ...text import normalize_key
from ..mentions import Mention
from ..ner_en import EnglishNames
from .state import DocState, Resources, stage

NEW_KINDS = {"PERS": "new_person", "ORG": "new_organization", "LOC": "new_place"}
ENTITY_KINDS = {"new_person": "person", "new_organization": "organization", "new_place": "place"}


@stage(needs=("text", "lang", "words", "starts", "mentions", "hits", "by_sent"), provides=("new_mentions",))
def find_new_names_en(res: Resources, st: DocState) -> None:
    if not st.use_ner or st.lang != "en" or not st.hits:
        return
    words = st.words
    only = frozenset(words[h.w0].sentence for h in st.hits)
    for span in EnglishNames.load().tag(st.text, words, st.mentions, st.lang, only=only):
        kind = NEW_KINDS.get(span.label)
        if kind is not None:
            add_new_mention(st, span.start, span.end, kind, "", span.sector)


def add_new_mention(st: DocState, start: int, end: int, kind: str, prefix: str, sector: str | None) -> None:
    """Add the mention of a new entity over ``text[start:end]`` (its words found with ``bisect`` on the word
    starts, as the places stage places gazetteer mentions), unless a word of it already belongs to a mention."""
    words = st.words
    w0 = bisect.bisect_right(st.starts, start) - 1
    w1 = bisect.bisect_right(st.starts, end - 1) - 1
    if any(words[k].mention is not None for k in range(w0, w1 + 1)):
        return
    text = st.text[start:end]
    m = Mention(start, end, text, kind, f"new:{ENTITY_KINDS[kind]}:{normalize_key(text)}", prefix)
    m.w0, m.w1, m.sector = w0, w1, sector
    index = len(st.mentions)
    st.mentions.append(m)
    st.new_mentions.append(m)
    for k in range(w0, w1 + 1):
        words[k].mention = index
    st.by_sent.setdefault(words[w0].sentence, []).append(m)
