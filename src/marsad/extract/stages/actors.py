"""Stage: the actor phrases of each sentence (KB mentions, roles, anaphora coded to CAMEO actor codes), and the
anaphora resolved to an entity. Rule ``dateline-is-no-actor``: a dateline ("بغداد - قتل 30 شخصا") says where the
story was filed, so it is no actor of the first sentence. Rule ``credit-is-no-actor``: a news agency named alone in
parentheses or after a dateline's dash ("(ا ف ب)", "(AP)", "عمان ـ ا ف ب:") credits the story, and so does its
reporter just before it ("مراسل (رويترز)"): no actor of the sentence they stand in."""
from __future__ import annotations

from ..actors import ActorCoder
from .places import is_dateline
from .state import DocState, Resources, stage

CREDIT_SPACE = " \u200f\u200e«»"
CREDIT_DASHES = frozenset("-ـ–—")


@stage(needs=("text", "lang", "day", "sentences", "words", "by_sent", "anaphors"), provides=("phrases", "coref"))
def code_actors(res: Resources, st: DocState) -> None:
    coder = ActorCoder(res.kb, st.text, st.day)
    phrases = []
    for sent in st.sentences:
        phrases.extend(coder.code_sentence(st.by_sent.get(sent.index, []), st.anaphors.get(sent.index, []),
                                           st.words, st.lang))
    text, entities = st.text, res.kb.entities
    kept: list = []
    for p in phrases:
        if p.mentions and all(is_dateline(text, m) for m in p.mentions):
            continue
        if p.mentions and all(is_credit(text, m, entities) for m in p.mentions):
            # "مراسل (ا ف ب)": the reporter named just before the credit is the agency's, no actor either
            if kept and kept[-1].mentions and all(m.kind == "role" for m in kept[-1].mentions) \
                    and not text[kept[-1].end:p.start].strip(" (\u200f\u200e"):
                kept.pop()
            continue
        kept.append(p)
    st.phrases = kept
    st.coref = coder.coref


def is_credit(text: str, m, entities) -> bool:
    """Is mention ``m`` a news agency credited in a dateline or in parentheses: "(ا ف ب)", "(AP)", "عمان ـ ا ف ب:"?"""
    rec = entities.get(m.target)
    if rec is None or "MED" not in (rec.sectors or ()):
        return False
    before = text[max(0, m.start - 3):m.start].rstrip(CREDIT_SPACE)
    after = text[m.end:m.end + 3].lstrip(CREDIT_SPACE)
    return (before.endswith("(") and after.startswith(")")) or (before[-1:] in CREDIT_DASHES and after[:1] in ":)")
