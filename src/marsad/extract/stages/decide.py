"""Stage: the decision layer scores every candidate (does it report a specific occurrence?); its score becomes the
event's confidence (extract/decision.py, docs/decision.md)."""
from __future__ import annotations

from ..decision import decide
from .state import DocState, Resources, stage


@stage(needs=("events", "candidates", "scorer"), provides=())
def decide_events(res: Resources, st: DocState) -> None:
    decide(st.events, st.candidates, st.scorer)
