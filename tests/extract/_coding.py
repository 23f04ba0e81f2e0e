"""Helpers shared by the extract tests: code one sentence and read its events' actor codes."""
from __future__ import annotations

import marsad

DATE = "2024-05-01"


def events_of(text: str, etype: str, lang: str = "ar") -> list:
    """The events of type ``etype`` that marsad codes in ``text`` (document date DATE)."""
    return [e for e in marsad.code(text, lang=lang, date=DATE).events if e.type == etype]


def codes(actors) -> list[str]:
    return [a.code for a in actors]
