"""``code(..., should_stop=...)`` stops before a stage or at a trigger or a name inside the long ones (issue 21, item
3): the server's way to stop coding for a client that left or a request past its time limit, without leaving the
coder half-way through anything."""
from __future__ import annotations

import pytest

from marsad.errors import CodingError, CodingStopped
from marsad.extract.stages import STAGES
from marsad.pipeline import code

TEXT = "قصفت طائرات حربية مواقع في شمال المدينة فجر اليوم، وقالت وزارة الدفاع إن الغارات استهدفت مخازن أسلحة."


def test_stops_before_the_stage_it_is_asked_at():
    asked = []

    def after_three() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(CodingStopped) as exc:
        code(TEXT, lang="ar", should_stop=after_three)
    assert exc.value.code == "E410" and isinstance(exc.value, CodingError)
    assert exc.value.context["stage"] == STAGES[3].__name__ and len(asked) == 4


def test_never_asked_to_stop_the_output_is_the_same():
    plain = code(TEXT, lang="ar", date="2024-05-07").to_dict()
    calls = []
    watched = code(TEXT, lang="ar", date="2024-05-07", should_stop=lambda: calls.append(1) and False).to_dict()
    assert watched == plain and plain["events"]
    assert len(calls) > len(STAGES)  # before each stage, and at each trigger of the candidates stage


@pytest.mark.parametrize("stage_name", ["build_candidates", "find_new_entities"])
def test_a_long_stage_stops_at_its_next_trigger_or_name(stage_name):
    """Asked again once the stage has begun, coding stops at its first trigger (candidates) or sentence (the name
    tagger), not at the next stage: the stop names the stage it happened in."""
    at = [run.__name__ for run in STAGES].index(stage_name)
    asked = []

    def inside() -> bool:
        asked.append(1)
        return len(asked) == at + 2  # the call before the stage is number at + 1

    with pytest.raises(CodingStopped) as exc:
        code(TEXT, lang="ar", ner=True, should_stop=inside)
    assert exc.value.context["stage"] == stage_name and len(asked) == at + 2


def test_a_stopped_document_leaves_the_coder_as_it_was():
    before = code(TEXT, lang="ar", date="2024-05-07").to_dict()
    for k in range(1, len(STAGES)):
        with pytest.raises(CodingStopped):
            seen = iter(range(len(STAGES)))
            code(TEXT + " " * k, lang="ar", date="2024-05-07", should_stop=lambda: next(seen) >= k)
    assert code(TEXT, lang="ar", date="2024-05-07").to_dict() == before
