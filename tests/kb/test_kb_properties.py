"""Properties of the date logic and the public API (hypothesis)."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import marsad.kb
from marsad.kb.loader import build_kb
from marsad.kb.stats import _coverage

from .kbfixtures import person, spell, tiny_kb, write

DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


def test_public_api_is_sorted_and_complete():
    assert marsad.kb.__all__ == sorted(marsad.kb.__all__)
    for name in ("load_kb", "KnowledgeBase", "EntityRecord", "RoleRecord", "RoleSpell", "NameEntry"):
        assert name in marsad.kb.__all__ and hasattr(marsad.kb, name)


@settings(max_examples=25, deadline=None)
@given(cuts=st.lists(DAYS, min_size=2, max_size=6, unique=True), probe=DAYS)
def test_person_role_returns_the_spell_covering_the_day(tmp_path_factory, cuts, probe):
    """Consecutive spells [c0,c1], [c1,c2], ... for alternating posts: the spell returned covers the day."""
    cuts = sorted(cuts)
    posts = ["foreign_minister", "prime_minister"]
    spells = [spell(posts[i % 2], "AAA", a.isoformat(), b.isoformat()) for i, (a, b) in enumerate(zip(cuts, cuts[1:]))]
    d = tiny_kb(tmp_path_factory.mktemp("kb"))
    write(d / "people.jsonl", [person("p", "Pat Q", "بات كيو", spells)])
    kb = build_kb(d)
    got = kb.person_role("person:p", probe)
    if cuts[0] <= probe <= cuts[-1]:
        assert got is not None and got.covers(probe)
        first = next(i for i, (a, b) in enumerate(zip(cuts, cuts[1:])) if a <= probe <= b)
        assert got.post == posts[first % 2]  # on a handover day the earlier-listed spell wins
    else:
        assert got is None
    assert kb.person_role("person:p").end == cuts[-1]


@settings(max_examples=50, deadline=None)
@given(spans=st.lists(st.tuples(DAYS, DAYS), max_size=5))
def test_coverage_is_a_share_and_monotone(spans):
    start, end = dt.date(2015, 1, 1), dt.date(2026, 11, 25)
    intervals = [(min(a, b), max(a, b)) for a, b in spans]
    share = _coverage(intervals, start, end)
    assert 0.0 <= share <= 1.0
    assert _coverage(intervals + [(start, end)], start, end) == 1.0
    if intervals:
        assert _coverage(intervals[:-1], start, end) <= share + 1e-12
