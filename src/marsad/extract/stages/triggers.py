"""Stage: the lexicon's triggers in the words (candidates of events); every lexicon match the trigger finder
refuses (context, exclusion, reading) is recorded for --explain."""
from __future__ import annotations

from ..triggers import find_triggers
from .state import DocState, Resources, stage


@stage(needs=("words", "sentences", "lang", "doc_forms", "trigger_at"), provides=("hits",))
def find_trigger_hits(res: Resources, st: DocState) -> None:
    refused: list | None = [] if st.trace is not None else None
    st.hits = find_triggers(st.words, st.sentences, res.lexicon, st.lang, res.context_sets, st.doc_forms,
                            st.trigger_at, refused)
    for t, w0, w1, why in refused or ():
        st.drop_span(t, st.words[w0].start, st.words[w1].end, "trigger-finder", why)
