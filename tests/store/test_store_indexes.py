"""Migrations 007-010 (issue 24, flat ingest memory): a store written with the per-row child indexes and keys
opens, loses them, answers every lookup with the same rows, and takes the same documents again without doubling
anything; documents are numbered in storing order, on their rows too, old rows included."""
from __future__ import annotations

import duckdb

from marsad.export.tables import TABLES, DocMeta, doc_tables, merge, to_arrow
from marsad.store import Store
from marsad.store.cluster_queries import get_cluster, list_clusters
from marsad.store.schema import DOC_NUMBERED, MIGRATIONS
from store.docfactory import make_doc, sample_docs

DROPPED = {"actors_code", "mentions_doc", "entities_doc", "quantities_doc", "events_doc", "actors_event",
           "documents_norm"}
UNKEYED = ("events", "quantities", "cluster_events", "documents", "doc_minhash", "clusters")  # 009, 010


def _indexes(s: Store) -> set[str]:
    return {r[0] for r in s.sql("SELECT index_name FROM duckdb_indexes()")}


def _store_before(path, migration: str) -> None:
    """An empty store as marsad wrote it before ``migration``."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for name, fn in MIGRATIONS:
        if name == migration:
            break
        fn(con)
        con.execute("INSERT INTO migrations VALUES (?, now())", [name])
    con.close()


def test_store_with_child_indexes_is_migrated_and_answers_the_same(tmp_path):
    docs = [(d, DocMeta(title=f"doc {i}", source="wire")) for i, d in enumerate(sample_docs())]
    path = tmp_path / "old.duckdb"
    _store_before(path, "007_drop_child_indexes")
    con = duckdb.connect(str(path))
    assert DROPPED <= {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    con.close()
    with Store(tmp_path / "new.duckdb") as fresh:
        fresh.upsert_documents(docs)
        want = {d.doc_id: (fresh.document(d.doc_id), fresh.entities(d.doc_id)) for d, _ in docs}
        events = fresh.events(limit=500).items
        one_by_one = {e["id"]: fresh.event(e["id"]) for e in events}
    with Store(path) as s:
        assert not DROPPED & _indexes(s)
        assert _indexes(s) == set()
        first = s.upsert_documents(docs)
        again = s.upsert_documents(docs)
        assert first.new == len(docs) and again.already == len(docs) and again.new == 0
        got = {d.doc_id: (s.document(d.doc_id), s.entities(d.doc_id)) for d, _ in docs}
        assert got == want
        assert s.events(limit=500).items == events
        assert {e: s.event(e) for e in one_by_one} == one_by_one and s.event("nothing:e1") is None
        assert s.sql("SELECT table_name FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', "
                     "'UNIQUE') AND table_name IN (SELECT unnest(?::VARCHAR[]))", [list(UNKEYED)]) == []


def test_documents_are_numbered_in_storing_order_and_old_rows_get_their_number(tmp_path):
    docs = [(d, DocMeta(title=f"doc {i}")) for i, d in enumerate(sample_docs())]
    with Store(tmp_path / "new.duckdb") as s:
        s.upsert_documents(docs[:2])
        s.upsert_documents(docs[2:])
        numbered = s.sql("SELECT doc_id, doc_no FROM documents ORDER BY doc_no")
        assert [n for _, n in numbered] == list(range(1, len(docs) + 1))
        assert [d for d, _ in numbered] == [d.doc_id for d, _ in docs]
        want = {d.doc_id: s.entities(d.doc_id) for d, _ in docs}
    path = tmp_path / "old.duckdb"  # the same rows, written before migration 008: no numbers anywhere
    _store_before(path, "008_document_numbers")
    con = duckdb.connect(str(path))
    arrow = to_arrow(merge([doc_tables(d, m) for d, m in docs]))
    for name in TABLES:
        con.register("_t", arrow[name])
        cols = ", ".join(f'"{c}"' for c in arrow[name].column_names)
        con.execute(f'INSERT INTO "{name}" ({cols}) SELECT {cols} FROM _t')
        con.unregister("_t")
    con.close()
    with Store(path) as s:
        assert s.sql("SELECT doc_id, doc_no FROM documents ORDER BY doc_no") == numbered
        for table in DOC_NUMBERED[1:]:
            assert s.sql(f"SELECT count(*) FROM {table} t JOIN documents d USING (doc_id) "
                         "WHERE t.doc_no IS DISTINCT FROM d.doc_no") == [(0,)]
        assert {d.doc_id: s.entities(d.doc_id) for d, _ in docs} == want
        s.upsert_documents([(make_doc("A later text, numbered after the others."), None)])
        assert s.sql("SELECT max(doc_no), count(*) FROM documents") == [(len(docs) + 1, len(docs) + 1)]


def _copy_rows(src, dst) -> None:
    """Every row of ``src``'s data tables into the same tables of ``dst`` (the columns ``dst`` has)."""
    con = duckdb.connect(str(dst))
    con.execute(f"ATTACH '{src}' AS new (READ_ONLY)")
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = "
                                        "current_database() AND table_name <> 'migrations'").fetchall()]
    for table in tables:
        cols = ", ".join(f'"{c}"' for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ? "
            "ORDER BY column_index", [table]).fetchall())
        con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM new."{table}" ORDER BY rowid')
    con.close()


def test_store_with_the_growing_keys_is_migrated_and_keeps_every_row_and_answer(tmp_path):
    """Migration 010: a store written with ``actors_event``, ``documents_norm`` and the keys of ``documents``,
    ``doc_minhash`` and ``clusters`` keeps every row (the same digest), numbers its actors' rows, answers every
    lookup as a store written without them, and takes the same documents again without doubling anything."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    from store_digest import digest

    docs = [(d, DocMeta(title=f"doc {i}", source="wire")) for i, d in enumerate(sample_docs())]
    fresh_path = tmp_path / "new.duckdb"
    with Store(fresh_path) as fresh:
        fresh.upsert_documents(docs)
        fresh.update_clusters()
        events = fresh.events(limit=500).items
        one_by_one = {e["id"]: fresh.event(e["id"]) for e in events}
        acts = list_clusters(fresh.con, limit=1000)
        one_act = {a["id"]: get_cluster(fresh.con, a["id"]) for a in acts["items"]}
    path = tmp_path / "old.duckdb"
    _store_before(path, "010_no_growing_keys")
    _copy_rows(fresh_path, path)
    con = duckdb.connect(str(path))
    assert {"actors_event", "documents_norm"} <= {r[0] for r in con.execute(
        "SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert {"documents", "doc_minhash", "clusters"} <= {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
    con.close()
    with Store(path) as s:
        assert _indexes(s) == set()
        assert s.sql("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') "
                     "AND table_name IN (SELECT unnest(?::VARCHAR[]))", [list(UNKEYED)]) == [(0,)]
        assert s.sql("SELECT count(*) FROM event_actors a JOIN documents d USING (doc_id) "
                     "WHERE a.doc_no IS DISTINCT FROM d.doc_no") == [(0,)]
        assert s.events(limit=500).items == events
        assert {e: s.event(e) for e in one_by_one} == one_by_one
        assert acts["items"] and list_clusters(s.con, limit=1000) == acts
        assert {a: get_cluster(s.con, a) for a in one_act} == one_act
        again = s.upsert_documents(docs)
        assert again.already == len(docs) and again.new == again.duplicates == again.near_duplicates == 0
    assert digest(str(path)) == digest(str(fresh_path))


def test_a_document_is_stored_once_without_a_key(tmp_path):
    """No key on ``documents`` (migration 010): the store itself skips a known id, in a later batch, in the same
    batch, and in a later connection, and its rows are not doubled."""
    docs = [(d, DocMeta(title=f"doc {i}")) for i, d in enumerate(sample_docs())]
    with Store(tmp_path / "s.duckdb") as s:
        first = s.upsert_documents(docs[:3] + docs[:3])
        assert first.already == 3
        s.upsert_documents(docs)
        want = {t: s.count(t) for t in TABLES}
    with Store(tmp_path / "s.duckdb") as s:
        again = s.upsert_documents(docs + docs)
        assert again.already == 2 * len(docs) and again.new == 0
        assert {t: s.count(t) for t in TABLES} == want
        assert s.sql("SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(len(docs), len(docs))]
