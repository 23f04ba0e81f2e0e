"""Helpers shared by the extract tests: code one sentence and read its events' actor codes."""
from __future__ import annotations

import marsad

DATE = "2024-05-01"


def events_of(text: str, etype: str, lang: str = "ar") -> list:
    """The events of type ``etype`` that marsad codes in ``text`` (document date DATE)."""
    return [e for e in marsad.code(text, lang=lang, date=DATE).events if e.type == etype]


def codes(actors) -> list[str]:
    return [a.code for a in actors]


def first_codes(text: str, etype: str, lang: str = "ar") -> tuple[list[str], list[str]] | None:
    """(source codes, target codes) of the first event of type ``etype`` in ``text``, or None when there is none."""
    evs = events_of(text, etype, lang)
    return (codes(evs[0].source), codes(evs[0].target)) if evs else None
