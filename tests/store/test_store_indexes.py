"""Migration 007 (issue 24, flat ingest memory): a store written with the per-row child indexes opens, loses them,
answers every lookup with the same rows, and takes the same documents again without doubling anything."""
from __future__ import annotations

import duckdb

from marsad.export.tables import DocMeta
from marsad.store import Store
from marsad.store.schema import MIGRATIONS
from store.docfactory import sample_docs

DROPPED = {"actors_code", "mentions_doc", "entities_doc", "quantities_doc", "events_doc"}


def _indexes(s: Store) -> set[str]:
    return {r[0] for r in s.sql("SELECT index_name FROM duckdb_indexes()")}


def _store_before_007(path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for name, fn in MIGRATIONS:
        if name == "007_drop_child_indexes":
            break
        fn(con)
        con.execute("INSERT INTO migrations VALUES (?, now())", [name])
    con.close()


def test_store_with_child_indexes_is_migrated_and_answers_the_same(tmp_path):
    docs = [(d, DocMeta(title=f"doc {i}", source="wire")) for i, d in enumerate(sample_docs())]
    path = tmp_path / "old.duckdb"
    _store_before_007(path)
    con = duckdb.connect(str(path))
    assert DROPPED <= {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    con.close()
    with Store(tmp_path / "new.duckdb") as fresh:
        fresh.upsert_documents(docs)
        want = {d.doc_id: (fresh.document(d.doc_id), fresh.entities(d.doc_id)) for d, _ in docs}
        events = fresh.events(limit=500).items
    with Store(path) as s:
        assert not DROPPED & _indexes(s)
        assert {"actors_event", "documents_norm"} <= _indexes(s)
        first = s.upsert_documents(docs)
        again = s.upsert_documents(docs)
        assert first.new == len(docs) and again.already == len(docs) and again.new == 0
        got = {d.doc_id: (s.document(d.doc_id), s.entities(d.doc_id)) for d, _ in docs}
        assert got == want
        assert s.events(limit=500).items == events
