"""The minimum-confidence filter over stored events: ``EventFilter(min_confidence=...)`` for ``events()`` and
``min_confidence=`` for the analytics (dyads, actors, network, stats, summary). An event is kept when its stored
confidence is at least the bar; no bar (None) changes nothing; a bad bar is an ``InputError``."""
from __future__ import annotations

import math

import pytest

from marsad.errors import InputError
from marsad.export.tables import DocMeta
from marsad.store import EventFilter, Store
from marsad.store.queries import parse_min_confidence
from store.docfactory import CONFIDENCE_TEXTS, EventSpec, background_doc, confidence_docs, make_doc

# (source, target) at level country -> confidence, for the canonical events of confidence_docs()
CONFIDENCES = {("USA", "JPN"): 0.95, ("CHN", "JPN"): 0.70, ("CHN", "USA"): 0.45, ("IGOUNO", "EGY"): 0.30,
               ("IGOUNO", "TUR"): 0.30, ("EGY", "TUR"): 0.85, ("TUR", "EGY"): 0.55}


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "conf.duckdb") as s:
        s.upsert_documents([(d, DocMeta(title="t", source="desk")) for d in confidence_docs()])
        yield s


def confidences(page) -> list[float]:
    return sorted(e["confidence"] for e in page.items)


def test_confidences_are_stored_as_built(store):
    assert confidences(store.events()) == [0.30, 0.45, 0.55, 0.70, 0.85, 0.95]


@pytest.mark.parametrize("bar, kept", [
    (None, [0.30, 0.45, 0.55, 0.70, 0.85, 0.95]),
    (0.0, [0.30, 0.45, 0.55, 0.70, 0.85, 0.95]),
    (0.5, [0.55, 0.70, 0.85, 0.95]),
    (0.7, [0.70, 0.85, 0.95]),  # at least: an event scoring exactly the bar is kept
    (0.71, [0.85, 0.95]),
    (0.95, [0.95]),
    (1.0, []),
])
def test_events_keep_only_confidence_at_or_above_the_bar(store, bar, kept):
    page = store.events(EventFilter(min_confidence=bar), limit=100)
    assert confidences(page) == kept and page.total == len(kept)


def test_bar_combines_with_the_other_filters_and_paging(store):
    assert store.events(EventFilter(actor="CHN")).total == 2
    only = store.events(EventFilter(actor="CHN", min_confidence=0.6))
    assert only.total == 1 and only.items[0]["evidence"]["text"] == CONFIDENCE_TEXTS["islands"]
    assert store.events(EventFilter(type="SUPPORT", min_confidence=0.6)).total == 1  # 0.95 in, 0.55 out
    assert store.events(EventFilter(dyad=("TUR", "EGY"), min_confidence=0.6)).total == 0
    assert store.events(EventFilter(dyad=("TUR", "EGY"), undirected=True, min_confidence=0.6)).total == 1
    assert store.events(EventFilter(place="Egypt", min_confidence=0.5)).total == 1  # 0.85 in, 0.30 out
    # keyset pages under a bar: each event once, the total agrees, nothing under the bar
    seen, cursor = [], None
    while True:
        page = store.events(EventFilter(min_confidence=0.5), limit=1, cursor=cursor)
        assert page.total == 4
        seen += [(e["id"], e["confidence"]) for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len({i for i, _ in seen}) == len(seen) == 4 and min(c for _, c in seen) >= 0.5


def test_bar_combines_with_background_and_duplicates(tmp_path):
    """A background event (0.8 in background_doc) is listed under a bar of 0.75 when asked for, not under 0.85;
    the duplicate of a high-confidence document is listed only with include_duplicates."""
    with Store(tmp_path / "bd.duckdb") as s:
        docs = confidence_docs()
        copy = make_doc("  " + CONFIDENCE_TEXTS["pact"] + "\n", "2024-03-05", [  # same normalized text: duplicate
            EventSpec(["Washington"], ["Tokyo"], "signed", type="SUPPORT", cameo="057", quad=1, goldstein=8.0,
                      confidence=0.95)])
        s.upsert_documents([(d, None) for d in [*docs, background_doc()]])
        assert s.upsert_documents([(copy, None)]).duplicates == 1
        assert s.events(EventFilter(background="only", min_confidence=0.75)).total == 1
        assert s.events(EventFilter(background="only", min_confidence=0.85)).total == 0
        assert s.events(EventFilter(background="include", min_confidence=0.75)).total == 4  # 0.95, 0.85, 0.8 x2
        assert s.events(EventFilter(min_confidence=0.9)).total == 1
        assert s.events(EventFilter(min_confidence=0.9, include_duplicates=True)).total == 2


def _dyads(rows) -> dict[tuple[str, str], int]:
    return {(r["source"], r["target"]): r["events"] for r in rows}


@pytest.mark.parametrize("bar", [None, 0.5, 0.7, 0.9, 1.0])
def test_dyads_and_network_count_only_events_at_or_above_the_bar(store, bar):
    want = {pair: 1 for pair, c in CONFIDENCES.items() if bar is None or c >= bar}
    assert _dyads(store.dyads(by=None, min_confidence=bar)) == want
    by_month = store.dyads(by="month", min_confidence=bar)
    assert sum(r["events"] for r in by_month) == len(want)
    net = store.network(min_confidence=bar)
    assert {(e["source"], e["target"]): e["weight"] for e in net["edges"]} == want
    assert {n["id"] for n in net["nodes"]} == {a for pair in want for a in pair}
    assert _dyads(store.top_dyads(limit=20, min_confidence=bar)) == want


def test_dyads_pair_and_plot_series_under_a_bar(store):
    from marsad.analytics import dyad_series

    assert _dyads(store.dyads(by=None, pair=("EGY", "TUR"), undirected=True)) == {("EGY", "TUR"): 1,
                                                                                  ("TUR", "EGY"): 1}
    assert _dyads(store.dyads(by=None, pair=("EGY", "TUR"), undirected=True, min_confidence=0.6)) == {
        ("EGY", "TUR"): 1}
    series = dyad_series(store, "EGY", "TUR", min_confidence=0.6)
    assert [(s["period"], s["events"], s["cooperation"]) for s in series] == [("2024-05-01", 1, 1)]
    assert dyad_series(store, "EGY", "TUR", min_confidence=0.9) == []


def test_actors_count_only_events_at_or_above_the_bar(store):
    def counts(bar):
        return {a["actor"]: (a["events"], a["as_source"], a["as_target"])
                for a in store.actors(min_confidence=bar)}

    assert counts(None) == {"USA": (2, 1, 1), "JPN": (2, 0, 2), "CHN": (2, 2, 0), "EGY": (3, 1, 2),
                            "TUR": (3, 1, 2), "IGOUNO": (1, 1, 0)}
    assert counts(0.7) == {"USA": (1, 1, 0), "JPN": (2, 0, 2), "CHN": (1, 1, 0), "EGY": (1, 1, 0),
                           "TUR": (1, 0, 1)}
    first_last = {a["actor"]: (a["first"], a["last"]) for a in store.actors(min_confidence=0.7)}
    assert first_last["USA"] == ("2024-03-04", "2024-03-04")  # the 0.45 accusation of 2024-04-02 is left out
    assert store.actors(min_confidence=1.0) == []


def test_stats_and_summary_count_events_at_or_above_the_bar(store):
    full = store.stats()
    assert "min_confidence" not in full
    assert (full["events"], full["canonical_events"]) == (6, 6)
    assert full["by_type"] == {"ACCUSE": 2, "SUPPORT": 2, "CONSULT": 1, "REQUEST": 1}
    st = store.stats(min_confidence=0.7)
    assert st["min_confidence"] == 0.7
    assert (st["events"], st["canonical_events"], st["background_events"]) == (3, 3, 0)
    assert st["by_type"] == {"ACCUSE": 1, "CONSULT": 1, "SUPPORT": 1}
    assert st["by_quad_class"] == {"1": 2, "3": 1} and st["by_modality"] == {"asserted": 3}
    # documents and the other tables are not events: counted whole
    for key in ("documents", "canonical_documents", "entities", "mentions", "first_date", "last_date", "by_lang"):
        assert st[key] == full[key], key
    summary = store.summary(top=10, min_confidence=0.7)
    assert summary["min_confidence"] == 0.7 and summary["canonical_events"] == 3
    assert summary["by_type"] == st["by_type"]
    assert _dyads(summary["top_dyads"]) == {("USA", "JPN"): 1, ("CHN", "JPN"): 1, ("EGY", "TUR"): 1}
    assert {a["actor"] for a in summary["top_actors"]} == {"USA", "JPN", "CHN", "EGY", "TUR"}
    assert "min_confidence" not in store.summary()


def test_background_events_count_under_a_bar(tmp_path):
    with Store(tmp_path / "bg.duckdb") as s:
        s.upsert_documents([(background_doc(), None)])  # both events at 0.8
        assert s.stats(min_confidence=0.8)["background_events"] == 1
        assert s.stats(min_confidence=0.81)["background_events"] == 0
        assert s.stats(min_confidence=0.81)["events"] == 0


@pytest.mark.parametrize("value, want", [(None, None), ("", None), ("  ", None), (0, 0.0), (1, 1.0), (0.35, 0.35),
                                         ("0.7", 0.7), (" .5 ", 0.5), ("1", 1.0), ("0e0", 0.0),
                                         ("-0", 0.0)])
def test_parse_min_confidence_accepts_numbers_from_0_to_1(value, want):
    assert parse_min_confidence(value) == want


@pytest.mark.parametrize("bad", [1.5, -0.1, 2, "1.01", "abc", "0,7", "nan", math.nan, "inf", math.inf, True, False,
                                 [0.5]])
def test_bad_bar_is_an_input_error_everywhere(store, bad):
    with pytest.raises(InputError, match=r"^min_confidence .* is not a number between 0 and 1$"):
        store.events(EventFilter(min_confidence=bad))
    for call in (lambda: store.dyads(by=None, min_confidence=bad), lambda: store.actors(min_confidence=bad),
                 lambda: store.network(min_confidence=bad), lambda: store.stats(min_confidence=bad),
                 lambda: store.summary(min_confidence=bad)):
        with pytest.raises(InputError, match="min_confidence"):
            call()


def test_validated_filter_carries_the_bar_as_a_float():
    assert EventFilter(min_confidence="0.25").validated().min_confidence == 0.25
    assert EventFilter().validated().min_confidence is None
