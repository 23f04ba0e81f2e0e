"""The Coder object itself: what building one does to the process."""
from __future__ import annotations

import gc

from marsad.pipeline import Coder


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_freeze_gc_false_leaves_the_collector_alone():
    # gc.freeze() moves every live object to the permanent generation; a library user may opt out
    garbage = _Cycle()
    before = gc.get_freeze_count()
    coder = Coder(freeze_gc=False)
    # nothing more is frozen (the count may fall: objects an earlier test's Coder froze can die meanwhile)
    assert gc.get_freeze_count() <= before
    del garbage
    assert gc.collect() >= 1  # the cycle made before the Coder is still collectable
    assert [e.type for e in coder.code("Iran fired missiles at the base on Monday.", lang="en").events] == ["ASSAULT"]


def test_the_default_coder_freezes_what_it_loaded():
    before = gc.get_freeze_count()
    Coder()
    assert gc.get_freeze_count() > before
