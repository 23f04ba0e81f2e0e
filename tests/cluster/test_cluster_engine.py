"""The clustering engine on hand-built tellings: what joins, what a veto keeps apart, order independence."""
from __future__ import annotations

import datetime as dt
import itertools
import random

from marsad.cluster import ClusterEvent, affected_range, cluster_events, summarize
from marsad.cluster.engine import load_range

TUE = dt.date(2025, 3, 4)


def ev(eid: str, *, day: dt.date | None = TUE, doc_date: dt.date = TUE, src=("ISR",), tgt=("PSE",),
       place: str | None = "place:gn281102", typ: str = "ASSAULT", qs=(), outlet: str | None = None,
       modality: str = "asserted") -> ClusterEvent:
    return ClusterEvent(
        event_id=eid, doc_id=eid.split(":")[0], outlet=outlet or eid, doc_date=doc_date, day=day, type=typ,
        family=typ if modality == "asserted" else f"{typ}/{modality}", cameo="190",
        source_codes=tuple(src), target_codes=tuple(tgt), source_countries=frozenset(c[:3] for c in src),
        target_countries=frozenset(c[:3] for c in tgt), location_entity=place,
        quantities=tuple(("killed", float(v)) for v in qs))


def groups(events) -> set[frozenset[str]]:
    return {frozenset(e.event_id for e in a.members) for a in cluster_events(events)}


def test_three_tellings_of_one_strike_are_one_cluster_and_the_next_day_is_another():
    same = [ev("a:e1", qs=[5]), ev("b:e1", src=("ISRMIL",), qs=[5]), ev("c:e1", place=None, qs=[7])]
    next_day = ev("d:e1", day=TUE + dt.timedelta(days=1), doc_date=TUE + dt.timedelta(days=1))
    assert groups(same + [next_day]) == {frozenset({"a:e1", "b:e1", "c:e1"}), frozenset({"d:e1"})}


def test_vetoes_keep_other_towns_other_attackers_and_other_types_apart():
    base = ev("a:e1")
    other_town = ev("b:e1", place="place:gn281124")
    other_attacker = ev("c:e1", src=("RUS",), place=None)
    protest = ev("d:e1", typ="PROTEST")
    planned = ev("e:e1", modality="planned")
    assert len(groups([base, other_town, other_attacker, protest, planned])) == 5


def test_an_undated_telling_joins_the_dated_act_of_the_day_before_its_article():
    dated = ev("a:e1", qs=[5])
    later = ev("b:e1", day=None, doc_date=TUE + dt.timedelta(days=1), qs=[7])
    assert groups([dated, later]) == {frozenset({"a:e1", "b:e1"})}
    too_late = ev("c:e1", day=None, doc_date=TUE + dt.timedelta(days=2))
    assert groups([dated, too_late]) == {frozenset({"a:e1"}), frozenset({"c:e1"})}


def test_clusters_do_not_depend_on_the_order_of_the_tellings():
    rnd = random.Random(7)
    events = []
    for i in range(60):
        day = TUE + dt.timedelta(days=rnd.randrange(4))
        dated = rnd.random() < 0.8
        events.append(ev(f"{i:03d}:e1", day=day if dated else None, doc_date=day + dt.timedelta(days=rnd.randrange(2)),
                         src=(rnd.choice(["ISR", "ISRMIL", "RUS"]),), tgt=(rnd.choice(["PSE", "UKR", "LBN"]),),
                         place=rnd.choice([None, "place:1", "place:2"]), qs=[rnd.randrange(3, 6)]))
    want = cluster_events(events)
    for _ in range(5):
        rnd.shuffle(events)
        assert cluster_events(events) == want
    assert all(a.cluster_id == min(e.event_id for e in a.members) for a in want)
    assert sum(len(a.members) for a in want) == 60 and 5 < len(want) < 60


def test_rebuilding_the_affected_range_gives_what_a_full_run_gives():
    rnd = random.Random(3)
    events = [ev(f"{i:03d}:e1", day=(d := TUE + dt.timedelta(days=rnd.randrange(10))) if rnd.random() < 0.7 else None,
                 doc_date=d if (d := TUE + dt.timedelta(days=rnd.randrange(10))) else d,
                 src=(rnd.choice(["ISR", "RUS"]),), place=rnd.choice([None, "place:1", "place:2"]))
              for i in range(80)]
    old, new = events[:70], events[70:]
    full = {a.cluster_id: a for a in cluster_events(events)}
    kept = {a.cluster_id: a for a in cluster_events(old)}
    for family, (lo, hi) in affected_range(new).items():
        (d_lo, d_hi), (u_lo, u_hi) = load_range(lo, hi)
        window = [e for e in events if e.family == family and (
            (e.day is not None and d_lo <= e.day <= d_hi) or (e.day is None and u_lo <= e.doc_date <= u_hi))]
        kept = {k: a for k, a in kept.items() if not (a.family == family and lo <= a.anchor <= hi)}
        kept.update({a.cluster_id: a for a in cluster_events(window) if lo <= a.anchor <= hi})
    assert kept == full


def test_summary_gives_the_toll_range_latest_most_cited_and_counts():
    wed = TUE + dt.timedelta(days=1)
    members = [ev("a:e1", qs=[5], outlet="Wire"), ev("b:e1", qs=[5], outlet="Daily"),
               ev("c:e1", qs=[7], outlet="Wire", doc_date=wed), ev("c:e2", qs=[7], outlet="Wire", doc_date=wed)]
    [a] = cluster_events(members)
    c = summarize(a)
    assert (c.quantity_low, c.quantity_high, c.quantity_latest) == (5.0, 7.0, 7.0)
    assert c.quantity_most_cited == 7.0  # 2 against 2: the higher figure
    assert (c.n_mentions, c.n_articles, c.n_sources) == (4, 3, 2)
    assert (c.first_seen, c.last_seen, c.date) == (TUE, wed, TUE)
    assert (c.type, c.source_code, c.location_entity) == ("ASSAULT", "ISR", "place:gn281102")


def test_every_permutation_of_a_small_set_gives_one_result():
    events = [ev("a:e1", qs=[5]), ev("b:e1", place=None, qs=[6]), ev("c:e1", place="place:2"),
              ev("d:e1", day=None, doc_date=TUE)]
    results = {tuple(cluster_events(list(p))) for p in itertools.permutations(events)}
    assert len(results) == 1


def _reference_score(a: ClusterEvent, b: ClusterEvent) -> float:
    """The score as first written (veto test apart, sets built per call): ``match.score`` must equal it."""
    from marsad.cluster.match import VETO
    from marsad.cluster.records import SYMMETRIC

    place_a = a.location_entity if a.location_entity and not a.location_entity.startswith("country:") else a.doc_place
    place_b = b.location_entity if b.location_entity and not b.location_entity.startswith("country:") else b.doc_place
    part_a, part_b = a.source_countries | a.target_countries, b.source_countries | b.target_countries
    if a.type in SYMMETRIC:
        if part_a and part_b and not (part_a & part_b):
            return VETO
    elif a.source_countries and b.source_countries and not (a.source_countries & b.source_countries):
        return VETO
    if place_a is not None and place_b is not None and place_a != place_b:
        return VETO
    s = 0.0
    if a.type in SYMMETRIC:
        if part_a and part_b:
            s += 1.0 + 0.5 * len(part_a & part_b)
    else:
        if a.source_countries & b.source_countries:
            s += 1.0
            if set(a.source_codes) & set(b.source_codes):
                s += 0.5
        if a.target_countries and b.target_countries:
            s += 1.0 if a.target_countries & b.target_countries else -1.0
    if place_a is not None and place_a == place_b:
        s += 1.5
    elif a.location_entity is not None and b.location_entity is not None:
        s += 0.5 if a.location_country and a.location_country == b.location_country else -0.5
    if a.quantities and b.quantities and {v for _, v in a.quantities} & {v for _, v in b.quantities}:
        s += 1.0
    if a.names & b.names:
        s += 0.5
    if a.cameo and a.cameo == b.cameo:
        s += 0.25
    return s


def test_score_in_one_pass_equals_the_veto_then_score_reference_on_random_pairs():
    from marsad.cluster.match import VETO, score, vetoed

    rng = random.Random(24)
    countries = ["ISR", "PSE", "USA", "EGY"]

    def pick(k: int) -> tuple[str, ...]:
        return tuple(rng.sample(countries, rng.randint(0, k)))

    def make(i: int) -> ClusterEvent:
        src, tgt = pick(2), pick(2)
        loc = rng.choice([None, "place:a", "place:b", "country:ISR", "country:EGY"])
        return ClusterEvent(
            event_id=f"d{i}:e1", doc_id=f"d{i}", outlet="o", doc_date=TUE, day=TUE,
            type=rng.choice(["ASSAULT", "CONSULT", "AGREE"]), family="f", cameo=rng.choice([None, "190", "040"]),
            source_codes=tuple(c + "GOV" for c in src), target_codes=tuple(tgt), source_countries=frozenset(src),
            target_countries=frozenset(tgt), location_entity=loc,
            location_country=None if loc is None else rng.choice([None, "ISR", "EGY"]),
            quantities=tuple(("killed", float(v)) for v in rng.sample([3, 5, 7], rng.randint(0, 2))),
            names=frozenset(rng.sample(["person:x", "org:y"], rng.randint(0, 1))),
            doc_place=rng.choice([None, "place:a", "place:b"]))

    events = [make(i) for i in range(120)]
    vetoes = 0
    for a, b in itertools.product(events, repeat=2):
        want = _reference_score(a, b)
        assert score(a, b) == want, (a, b)
        assert vetoed(a, b) == (want == VETO)
        vetoes += want == VETO
    assert 0 < vetoes < len(events) ** 2
