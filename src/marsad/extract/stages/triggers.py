"""Stage: the lexicon's triggers in the words (candidates of events); every lexicon match the trigger finder
refuses (context, exclusion, reading) is recorded for --explain."""
from __future__ import annotations

from ..actors import SINGULAR_NISBA_ENDINGS
from ..triggers import find_triggers
from .state import DocState, Resources, stage


@stage(needs=("words", "sentences", "lang", "doc_forms", "trigger_at", "mentions"), provides=("hits",))
def find_trigger_hits(res: Resources, st: DocState) -> None:
    refused: list | None = [] if st.trace is not None else None
    # the group nouns a phrase form may spell out ("تفريق المتظاهرين"); a title stays a name ("استقبل الرئيس")
    roles = frozenset(k for m in st.mentions if m.is_role and m.w0 >= 0 and m.target in res.group_roles
                      for k in range(m.w0, m.w1 + 1))
    # an indefinite singular nationality adjective right after a verb's form makes it a noun ("طالب سوري")
    nisba_at = frozenset(m.w0 for m in st.mentions if m.kind == "nisba" and m.w0 == m.w1 and not m.prefix
                         and not st.words[m.w0].norm.startswith("ال")
                         and st.words[m.w0].norm.endswith(SINGULAR_NISBA_ENDINGS))
    st.hits = find_triggers(st.words, st.sentences, res.lexicon, st.lang, res.context_sets, st.doc_forms,
                            st.trigger_at, refused, roles, nisba_at)
    for t, w0, w1, why in refused or ():
        st.drop_span(t, st.words[w0].start, st.words[w1].end, "trigger-finder", why)
