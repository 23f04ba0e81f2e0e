"""Migrations 007-009 (issue 24, flat ingest memory): a store written with the per-row child indexes and keys
opens, loses them, answers every lookup with the same rows, and takes the same documents again without doubling
anything; documents are numbered in storing order, on their rows too, old rows included."""
from __future__ import annotations

import duckdb

from marsad.export.tables import TABLES, DocMeta, doc_tables, merge, to_arrow
from marsad.store import Store
from marsad.store.schema import DOC_NUMBERED, MIGRATIONS
from store.docfactory import make_doc, sample_docs

DROPPED = {"actors_code", "mentions_doc", "entities_doc", "quantities_doc", "events_doc"}


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
        assert {"actors_event", "documents_norm"} <= _indexes(s)
        first = s.upsert_documents(docs)
        again = s.upsert_documents(docs)
        assert first.new == len(docs) and again.already == len(docs) and again.new == 0
        got = {d.doc_id: (s.document(d.doc_id), s.entities(d.doc_id)) for d, _ in docs}
        assert got == want
        assert s.events(limit=500).items == events
        assert {e: s.event(e) for e in one_by_one} == one_by_one and s.event("nothing:e1") is None
        assert s.sql("SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' AND "
                     "table_name IN ('events', 'quantities', 'cluster_events')") == []


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
