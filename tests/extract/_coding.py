"""Helpers shared by the extract tests: code one sentence and read its events' actor codes."""
from __future__ import annotations

import marsad
from marsad.pipeline import code

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


RULES_DATE = "2025-06-11"  # the document date of the rules-only role tests (rounds 10 and 11 of issue 19)


def rules_events(text: str, lang: str) -> list[dict]:
    """Every event the rules code in ``text`` (``all_candidates=True``, as the parity test codes its pairs)."""
    return code(text, lang=lang, date=RULES_DATE, all_candidates=True).to_dict()["events"]


def rules_event_of(text: str, lang: str, etype: str) -> dict:
    """The first event of type ``etype`` the rules code in ``text`` (asserting there is one)."""
    events = [e for e in rules_events(text, lang) if e["type"] == etype]
    assert events, (text, rules_events(text, lang))
    return events[0]


def sector_codes(actors: list[dict]) -> list[str]:
    """The actors' codes to the sector (six characters), sorted."""
    return sorted(a["code"][:6] for a in actors)
