"""Stage: the tellings of one act in a document merge into one event (extract/merge.py); a recalled (background)
act is never merged; the events under the confidence threshold are dropped; a kept definite verbal noun that
names an earlier kept event again joins it (merge.restatements); the survivors get their ids, and the
explain trace its records of every candidate."""
from __future__ import annotations

from ..decision import decision_trace, keeps
from ..merge import merge_events, restatements
from ..specificity import is_definite
from .state import DocState, Resources, stage


@stage(needs=("events", "telling_keys", "event_hits", "candidates", "scorer", "words"), provides=("told",))
def merge_tellings(res: Resources, st: DocState) -> None:
    st.told = told = list(st.events)
    news = [(ev, k) for ev, k in zip(told, st.telling_keys) if not ev.background]
    recalled = [ev for ev in told if ev.background]
    one_act = tuple(tuple(pair) for pair in res.rules["one-act-codes"]["pairs"])
    results = frozenset(res.rules["result-tellings"]["rules"])
    events = merge_events([ev for ev, _k in news], [k for _ev, k in news], one_act, results)
    if recalled:
        events = sorted(events + recalled, key=lambda ev: (ev.trigger.start, ev.trigger.end))
    events = [ev for ev in events if keeps(ev, res.decision, st.threshold)]
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
