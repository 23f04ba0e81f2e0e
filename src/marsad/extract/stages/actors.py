"""Stage: the actor phrases of each sentence (KB mentions, roles, anaphora coded to CAMEO actor codes), and the
anaphora resolved to an entity. Rule ``dateline-is-no-actor``: a dateline ("بغداد - قتل 30 شخصا") says where the
story was filed, so it is no actor of the first sentence."""
from __future__ import annotations

from ..actors import ActorCoder
from .places import is_dateline
from .state import DocState, Resources, stage


@stage(needs=("text", "lang", "day", "sentences", "words", "by_sent", "anaphors"), provides=("phrases", "coref"))
def code_actors(res: Resources, st: DocState) -> None:
    coder = ActorCoder(res.kb, st.text, st.day)
    phrases = []
    for sent in st.sentences:
        phrases.extend(coder.code_sentence(st.by_sent.get(sent.index, []), st.anaphors.get(sent.index, []),
                                           st.words, st.lang))
    st.phrases = [p for p in phrases if not (p.mentions and all(is_dateline(st.text, m) for m in p.mentions))]
    st.coref = coder.coref
