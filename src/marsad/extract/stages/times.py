"""Stage: the time expressions of the document (absolute and relative to its date), each with the word it starts
in."""
from __future__ import annotations

import bisect

from ...model import TimeRef
from ...text import find_times
from .state import DocState, Resources, stage


@stage(needs=("doc", "text", "lang", "day", "starts"), provides=("doc_times", "times"))
def find_time_expressions(res: Resources, st: DocState) -> None:
    st.doc_times = find_times(st.text, st.lang, st.day)
    st.times = [(max(bisect.bisect_right(st.starts, tm.start) - 1, 0), tm) for tm in st.doc_times]
    st.doc.times = [TimeRef(tm.text, tm.value, tm.relation, tm.start, tm.end) for tm in st.doc_times]
