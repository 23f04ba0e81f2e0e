"""Background events (a specific past act recalled as context, not news): stored flagged, listed only when asked,
never counted by analytics; a store made before migration 005 gains the column with FALSE."""
from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from marsad.errors import InputError, StoreError
from marsad.export.tables import SCHEMAS, TABLES, DocMeta, doc_tables, merge, to_arrow
from marsad.store import EventFilter, Store
from marsad.store.schema import MIGRATIONS, STORE_ONLY_COLUMNS
from store.docfactory import BACKGROUND_TEXT, background_doc, sample_docs


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "bg.duckdb") as s:
        s.upsert_documents([(background_doc(), DocMeta(title="embassies", source="wire"))])
        yield s


def test_background_flag_is_stored(store):
    rows = store.sql("SELECT local_id, background, canonical FROM events ORDER BY local_id")
    assert rows == [("e1", False, True), ("e2", True, True)]


def test_background_event_is_left_out_of_dyads_actors_network_and_stats(store):
    dyads = {(d["source"], d["target"]): d["events"] for d in store.dyads(by=None)}
    assert dyads == {("EGY", "TUR"): 1}  # the recalled expulsion TUR -> EGY is not counted
    assert store.dyads(by=None, pair=("TUR", "EGY")) == []
    actors = {a["actor"]: a for a in store.actors()}
    assert (actors["TUR"]["events"], actors["TUR"]["as_source"]) == (1, 0)
    net = store.network()
    assert [(e["source"], e["target"], e["weight"]) for e in net["edges"]] == [("EGY", "TUR", 1)]
    st = store.stats()
    assert (st["events"], st["canonical_events"], st["background_events"]) == (2, 1, 1)
    assert st["by_type"] == {"COOPERATE": 1} and st["by_quad_class"] == {"2": 1}
    summary = store.summary()
    assert summary["background_events"] == 1 and summary["by_type"] == {"COOPERATE": 1}
    assert [(d["source"], d["target"]) for d in summary["top_dyads"]] == [("EGY", "TUR")]


def test_events_exclude_background_unless_asked(store):
    default = store.events()
    assert default.total == 1 and [e["local_id"] for e in default.items] == ["e1"]
    assert default.items[0]["background"] is False
    both = store.events(EventFilter(background="include"))
    assert both.total == 2 and {e["local_id"]: e["background"] for e in both.items} == {"e1": False, "e2": True}
    only = store.events(EventFilter(background="only"))
    assert only.total == 1 and only.items[0]["local_id"] == "e2" and only.items[0]["background"] is True
    assert only.items[0]["time"]["value"] == "2013"
    # other filters still apply on top
    assert store.events(EventFilter(background="include", actor="TUR", type="REDUCE")).total == 1
    assert store.events(EventFilter(type="REDUCE")).total == 0
    detail = store.event(only.items[0]["id"])
    assert detail is not None and detail["background"] is True


@pytest.mark.parametrize("bad", ["yes", "", "EXCLUDE", "all"])
def test_bad_background_value_is_an_input_error(store, bad):
    with pytest.raises(InputError, match="background"):
        store.events(EventFilter(background=bad))


def test_background_of_a_duplicate_is_not_listed_twice(tmp_path):
    original = background_doc()
    copy = background_doc("  " + BACKGROUND_TEXT + "\n")  # other bytes, same normalized text: exact duplicate
    with Store(tmp_path / "d.duckdb") as s:
        s.upsert_documents([(original, None)])
        assert s.upsert_documents([(copy, None)]).duplicates == 1
        assert s.events(EventFilter(background="only")).total == 1
        assert s.events(EventFilter(background="only", include_duplicates=True)).total == 2
        assert s.stats()["background_events"] == 1


def _old_store(path) -> None:
    """A store as marsad wrote it before migration 005: migrations 001-004 and an event row without background."""
    assert [name for name, _ in MIGRATIONS[:4]] == ["001_core_tables", "002_ingest_bookkeeping",
                                                    "003_indexes_for_common_filters", "004_lean_indexes"]
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for name, fn in MIGRATIONS[:4]:
        fn(con)
        con.execute("INSERT INTO migrations VALUES (?, now())", [name])
    docs = sample_docs()[:2]
    arrow = to_arrow(merge([doc_tables(d) for d in docs]))
    for name in TABLES:
        table = arrow[name]
        if name == "events":
            table = table.drop_columns(["background"])
        if name in ("events", "event_actors"):  # the second document stored as a duplicate of the first
            table = table.append_column("canonical", pa.array(
                [d == docs[0].doc_id for d in table.column("doc_id").to_pylist()], pa.bool_()))
        con.register("_t", table)
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        con.execute(f'INSERT INTO "{name}" ({cols}) SELECT {cols} FROM _t')
        con.unregister("_t")
    con.close()


def test_store_created_before_the_migration_is_migrated(tmp_path):
    path = tmp_path / "old.duckdb"
    _old_store(path)
    with pytest.raises(StoreError, match="005_event_background"):  # read-only opening cannot migrate
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.migrations() == [name for name, _ in MIGRATIONS]
        cols = s.sql("SELECT column_name, is_nullable, column_default FROM information_schema.columns "
                     "WHERE table_name = 'events' ORDER BY ordinal_position")
        assert [c[0] for c in cols] == SCHEMAS["events"].names + list(STORE_ONLY_COLUMNS["events"])
        assert ("background", "NO", "false") in [(c[0], c[1], str(c[2]).lower()) for c in cols]
        rows = s.sql("SELECT local_id, doc_id, background, canonical, rule FROM events ORDER BY doc_id")
        docs = sample_docs()[:2]
        assert sorted(rows) == sorted([("e1", docs[0].doc_id, False, True, "test.rule1"),
                                       ("e1", docs[1].doc_id, False, False, "test.rule1")])
        # migration 005 rebuilt events_doc with the table; 007 drops it (issue 24: no per-row child indexes)
        assert s.sql("SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'events_doc'")[0][0] == 0
        # no key on events since migration 009 (issue 24): ids are unique by construction
        assert s.sql("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'events' "
                     "AND constraint_type = 'PRIMARY KEY'") == [(0,)]
        with pytest.raises(duckdb.ConstraintException):  # and background is NOT NULL
            s.sql("INSERT INTO events (event_id, doc_id, background) VALUES ('x:e1', 'x', NULL)")
        assert s.events().total == 1 and s.events().items[0]["background"] is False
        assert sum(d["events"] for d in s.dyads(by=None)) == 1
        # new documents go in with their flag after the migration
        s.upsert_documents([(background_doc(), None)])
        assert s.events(EventFilter(background="only")).total == 1
    with Store(path, read_only=True) as s:  # and it now opens read-only
        assert s.count("events") == 4


def test_parquet_written_before_background_loads_as_false(tmp_path):
    """``load_batches`` (marsad ingest --from-parquet) fills a missing/null background with FALSE."""
    doc = background_doc()
    arrow = to_arrow(doc_tables(doc))
    events = arrow["events"].set_column(SCHEMAS["events"].get_field_index("background"), "background",
                                        pa.nulls(arrow["events"].num_rows, pa.bool_()))
    batches = [("documents", arrow["documents"].to_batches()[0]), ("events", events.to_batches()[0]),
               ("event_actors", arrow["event_actors"].to_batches()[0])]
    with Store(tmp_path / "p.duckdb") as s:
        counts = s.load_batches(batches, source="old-output")
        assert counts["events"] == 2
        assert s.sql("SELECT count(*) FROM events WHERE NOT background")[0][0] == 2
