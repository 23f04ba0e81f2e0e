"""The DuckDB store: migrations, idempotent upsert, duplicates, read-only, and every query on hand-built documents."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from marsad.errors import InputError, StoreError
from marsad.export.tables import SCHEMAS, TABLES, DocMeta
from marsad.store import EventFilter, Store
from marsad.store.schema import MIGRATIONS, STORE_ONLY_COLUMNS
from store.docfactory import EventSpec, make_doc, sample_docs

STORY = ("Washington and Tokyo agreed on Sunday to set up a joint military command in Tokyo, the two governments "
         "said after talks between their defence and foreign ministers. The new command will coordinate the forces "
         "of both countries and is due to start work next spring, officials added, while Beijing criticised it. "
         "Japan also confirmed that it would raise defence spending to two percent of its economic output within "
         "three years and buy long-range missiles, a break with decades of restraint. Opposition lawmakers in Tokyo "
         "asked for a debate in parliament before any of the plans are carried out, and a poll published on "
         "Saturday showed that most voters backed closer ties with Washington but worried about the cost.")


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        s.upsert_documents([(d, DocMeta(title=f"doc {i}", source="wire")) for i, d in enumerate(sample_docs())])
        yield s


def table_counts(s: Store) -> dict[str, int]:
    return {t: s.count(t) for t in TABLES}


def test_migrations_are_recorded_once_and_columns_match_schemas(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as s:
        assert s.migrations() == [name for name, _ in MIGRATIONS]
        for table in TABLES:
            cols = [r[0] for r in s.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                        "ORDER BY ordinal_position", [table])]
            assert cols == SCHEMAS[table].names + list(STORE_ONLY_COLUMNS.get(table, ())), table
    with Store(path) as s:  # reopening applies nothing new
        assert s.sql("SELECT count(*) FROM migrations")[0][0] == len(MIGRATIONS)


def test_upsert_is_idempotent(store):
    before = table_counts(store)
    assert before["documents"] == 5 and before["events"] == 5 and before["event_actors"] == 12
    again = store.upsert_documents([(d, None) for d in sample_docs()])
    assert (again.new, again.already, again.events) == (0, 5, 0)
    assert table_counts(store) == before


def test_exact_duplicate_after_normalization_is_stored_and_counted_once(tmp_path):
    a = make_doc(STORY, events=[EventSpec(["Washington"], ["Tokyo"], "joint military command")])
    b_text = "  " + STORY.replace("Tokyo,", "Tokyo ,").upper() + "\n"  # other bytes, same words
    b = make_doc(b_text)
    with Store(tmp_path / "d.duckdb") as s:
        r1 = s.upsert_documents([(a, None)])
        r2 = s.upsert_documents([(b, None)])
        assert (r1.new, r2.new, r2.duplicates) == (1, 0, 1)
        assert s.sql("SELECT dup_of FROM documents WHERE doc_id = ?", [b.doc_id])[0][0] == a.doc_id
        assert s.count("documents") == 2


def test_near_duplicate_with_boilerplate_is_linked_and_its_events_not_counted_twice(tmp_path):
    spec = [EventSpec(["Washington"], ["Tokyo"], "joint military command")]
    original = make_doc(STORY, events=spec)
    copy = make_doc("TOKYO (Wire Service) - " + STORY + " Copyright 2024 Wire Service. All rights reserved.",
                    events=spec)
    other = make_doc("Beijing and Cairo signed a trade deal on Monday covering grain and machinery exports.")
    with Store(tmp_path / "n.duckdb") as s:
        res = s.upsert_documents([(original, None), (copy, None), (other, None)])
        assert (res.new, res.near_duplicates, res.duplicates) == (2, 1, 0)
        assert s.sql("SELECT near_dup_of FROM documents WHERE doc_id = ?", [copy.doc_id])[0][0] == original.doc_id
        assert s.count("events") == 2  # both stored ...
        assert sum(d["events"] for d in s.dyads(by=None)) == 1  # ... counted once
        assert s.events().total == 1 and s.events(EventFilter(include_duplicates=True)).total == 2
        ev = s.events(EventFilter(include_duplicates=True), limit=5).items
        assert sorted(e["duplicate"] for e in ev) == [False, True]


def test_near_duplicate_threshold_is_configurable(tmp_path):
    original = make_doc(STORY)
    changed = make_doc(STORY.replace("next spring", "in the autumn").replace("Sunday", "Monday"))
    with Store(tmp_path / "a.duckdb") as s:
        assert s.upsert_documents([(original, None), (changed, None)], near_dup_threshold=0.6).near_duplicates == 1
    with Store(tmp_path / "b.duckdb") as s:
        assert s.upsert_documents([(original, None), (changed, None)], near_dup_threshold=1.0).near_duplicates == 0
    with Store(tmp_path / "c.duckdb") as s:
        assert s.upsert_documents([(original, None), (changed, None)], near_dup_threshold=None).new == 2


def test_near_duplicate_found_across_separate_runs(tmp_path):
    path = tmp_path / "r.duckdb"
    with Store(path) as s:
        s.upsert_documents([(make_doc(STORY), None)])
    with Store(path) as s:
        res = s.upsert_documents([(make_doc("Reuters - " + STORY), None)])
        assert res.near_duplicates == 1


def test_read_only_store_refuses_writes_and_missing_file(tmp_path, store):
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert err.value.code == "E300"
    path = store.path
    store.close()
    with Store(path, read_only=True) as ro:
        assert ro.count("documents") == 5
        with pytest.raises(duckdb.Error):
            ro.con.execute("DELETE FROM documents")
    with pytest.raises(StoreError):
        Store(tmp_path / "missing-dir" / "x.duckdb")


def test_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not duckdb" * 100)
    with pytest.raises(StoreError):
        Store(bad)


# -- queries --------------------------------------------------------------------------------------------------------
def ids(page) -> list[str]:
    return [e["id"].split(":")[0] for e in page.items]


def test_events_filters(store):
    docs = sample_docs()
    assert store.events(EventFilter(actor="USA")).total == 4
    assert store.events(EventFilter(actor="usagov")).total == 4  # code prefix, any case
    assert store.events(EventFilter(actor="IGOUNO")).total == 1
    assert store.events(EventFilter(dyad=("USA", "JPN"))).total == 2
    assert store.events(EventFilter(dyad=("JPN", "USA"))).total == 1
    assert store.events(EventFilter(dyad=("JPN", "USA"), undirected=True)).total == 3
    assert ids(store.events(EventFilter(type="accuse"))) == [docs[2].doc_id]
    assert store.events(EventFilter(cameo="05")).total == 1
    assert store.events(EventFilter(quad_class=3)).total == 2
    assert store.events(EventFilter(modality="planned")).total == 1
    assert store.events(EventFilter(since=dt.date(2024, 8, 15))).total == 3
    assert store.events(EventFilter(since=dt.date(2024, 8, 1), until=dt.date(2024, 8, 31))).total == 2
    assert store.events(EventFilter(text="provocation")).total == 1
    assert store.events(EventFilter(doc_id=docs[0].doc_id)).total == 1
    assert store.events(EventFilter(actor="ZZZ")).total == 0
    assert store.events(EventFilter(place="jpn")).total == 2  # by the location's country code ...
    assert store.events(EventFilter(place="japan")).total == 2  # ... or its name, any case
    assert store.events(EventFilter(place="Cairo")).total == 0


@pytest.mark.parametrize("bad", [EventFilter(actor="US'; DROP TABLE events; --"), EventFilter(quad_class=7),
                                 EventFilter(modality="maybe"), EventFilter(cameo="abc"),
                                 EventFilter(since=dt.date(2025, 1, 1), until=dt.date(2024, 1, 1)),
                                 EventFilter(dyad=("USA", ""))])
def test_bad_filters_are_input_errors(store, bad):
    with pytest.raises(InputError):
        store.events(bad)
    assert store.count("events") == 5


def test_events_newest_first_and_cursor_pages_cover_everything_once(store):
    seen, cursor = [], None
    for _ in range(10):
        page = store.events(limit=2, cursor=cursor)
        seen += [e["id"] for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 5
    dates = [store.event(i)["date"] for i in seen]
    assert dates == sorted(dates, reverse=True)
    with pytest.raises(InputError):
        store.events(cursor="not-a-cursor")


def test_event_detail_has_document_text_and_true_spans(store):
    doc = sample_docs()[1]
    ev = store.event(f"{doc.doc_id}:e1")
    text = ev["document"]["text"]
    assert text == doc.text and ev["document"]["title"] == "doc 1"
    for span in [ev["trigger"], ev["evidence"], *ev["evidences"], *ev["source"], *ev["target"]]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert ev["modality"] == "planned" and ev["time"]["value"] == "2027"
    (q,) = ev["quantities"]
    assert q["value"] == 5000 and text[q["start"]:q["end"]] == "5000"
    assert {e["name"] for e in ev["entities"]} == {"Japan", "United States"}
    assert all(text[m["start"]:m["end"]] == m["text"] for e in ev["entities"] for m in e["mentions"])
    assert store.event("nope:e1") is None


def test_dyads_by_month_and_level(store):
    rows = store.dyads(by="month")
    usa_jpn = [r for r in rows if (r["source"], r["target"]) == ("USA", "JPN")]
    assert [(r["period"], r["events"], r["q1"], r["q2"]) for r in usa_jpn] == [("2024-07-01", 1, 0, 1),
                                                                               ("2024-09-01", 1, 1, 0)]
    total = store.dyads(by=None)
    assert {(r["source"], r["target"]): r["events"] for r in total}[("USA", "JPN")] == 2
    codes = {(r["source"], r["target"]) for r in store.dyads(by=None, level="code")}
    assert ("USAGOV", "JPNGOV") in codes and ("IGOUNO", "EGYGOV") in codes
    assert store.dyads(by=None, modalities=["planned"])[0]["source"] == "JPN"
    with pytest.raises(InputError):
        store.dyads(by="fortnight")
    with pytest.raises(InputError):
        store.dyads(level="galaxy")


def test_negated_events_left_out_of_analytics_by_default(tmp_path):
    doc = make_doc("Tokyo did not sign the pact with Washington.",
                   events=[EventSpec(["Tokyo"], ["Washington"], "sign", modality="negated")])
    with Store(tmp_path / "neg.duckdb") as s:
        s.upsert_documents([(doc, None)])
        assert s.dyads(by=None) == [] and s.actors() == []
        assert s.dyads(by=None, modalities=["negated"])[0]["events"] == 1
        assert s.events().total == 1  # listing shows it, with its modality


def test_actors_network_stats_summary(store):
    actors = {a["actor"]: a for a in store.actors()}
    assert (actors["USA"]["events"], actors["USA"]["as_source"], actors["USA"]["as_target"]) == (4, 2, 2)
    assert actors["USA"]["first"] == "2024-07-28" and actors["USA"]["last"] == "2024-09-02"
    net = store.network()
    assert {n["id"] for n in net["nodes"]} == {"USA", "JPN", "CHN", "IGOUNO", "EGY", "TUR"}
    edge = {(e["source"], e["target"]): e for e in net["edges"]}[("USA", "JPN")]
    assert (edge["weight"], edge["cooperation"], edge["conflict"]) == (2, 2, 0)
    st = store.stats()
    assert (st["documents"], st["events"], st["canonical_events"]) == (5, 5, 5)
    assert st["by_type"]["ACCUSE"] == 1 and st["by_modality"]["planned"] == 1
    assert st["first_date"] == "2024-07-28" and st["last_date"] == "2024-09-10"
    summ = store.summary(top=2)
    assert len(summ["top_dyads"]) == 2 and summ["top_dyads"][0]["source"] == "USA"


def test_an_actors_name_in_the_texts_is_the_same_on_every_run(tmp_path):
    """``actors()["example_text"]`` is the most frequent name; a tie goes to the first in text order (DuckDB's plain
    ``mode`` picked either, so `marsad demo`'s table changed width between runs)."""
    docs = [make_doc("Washington and Tokyo agreed to set up a joint command on Sunday.", "2024-07-28",
                     [EventSpec(["Washington"], ["Tokyo"], "joint command")]),
            make_doc("وقّعت واشنطن وطوكيو اتفاقاً دفاعياً جديداً.", "2024-09-02",
                     [EventSpec(["واشنطن"], ["طوكيو"], "وقّعت", type="SUPPORT", cameo="057")])]
    names = set()
    for run in range(4):
        with Store(tmp_path / f"tie{run}.duckdb") as s:
            s.upsert_documents([(d, DocMeta(title="t", source="wire")) for d in (docs if run % 2 else docs[::-1])])
            names.add(tuple(sorted((a["actor"], a["example_text"]) for a in s.actors())))
    assert names == {(("JPN", "Tokyo"), ("USA", "Washington"))}
