"""Coding rule ``implicit-arresters``: an arrest that names no one arresting was made by the police of the place
(COP, localized like the unidentified attackers of an attack); a ban or a curfew gets no implicit source. Sentences
written for the project."""
from __future__ import annotations

from marsad.pipeline import code


def _coerce(text: str) -> list[tuple[list[str], list[str]]]:
    doc = code(text, lang="ar", date="2024-05-14", all_candidates=True).to_dict()
    return [([a["code"] for a in e["source"]], [a["code"] for a in e["target"]])
            for e in doc["events"] if e["type"] == "COERCE"]


def test_an_arrest_with_no_arrester_is_the_police_of_the_place():
    assert any(source == ["EGYCOP"] for source, _t in _coerce("اعتقل عشرات الطلاب في القاهرة مساء أمس."))


def test_a_named_arrester_stays():
    assert any(source == ["IRQMIL"] for source, _t in _coerce("اعتقل الجيش العراقي ثلاثة مسلحين في الموصل."))


def test_a_curfew_gets_no_implicit_police():
    events = _coerce("تم فرض حظر التجول في البصرة أمس.")
    assert events and all(source == [] for source, _t in events)
