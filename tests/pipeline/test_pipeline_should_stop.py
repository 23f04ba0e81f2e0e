"""``code(..., should_stop=...)`` stops between two stages (issue 21, item 3): the server's way to stop coding for a
client that left or a request past its time limit, without leaving the coder half-way through anything."""
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
    assert len(calls) == len(STAGES)


def test_a_stopped_document_leaves_the_coder_as_it_was():
    before = code(TEXT, lang="ar", date="2024-05-07").to_dict()
    for k in range(1, len(STAGES)):
        with pytest.raises(CodingStopped):
            seen = iter(range(len(STAGES)))
            code(TEXT + " " * k, lang="ar", date="2024-05-07", should_stop=lambda: next(seen) >= k)
    assert code(TEXT, lang="ar", date="2024-05-07").to_dict() == before
