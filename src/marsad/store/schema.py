"""DuckDB schema of the store as named migration functions, applied in order, each in its own transaction and
recorded in the ``migrations`` table (the sqlite-utils habit). Never edit a released migration: add a new one.

The data tables have exactly the columns of ``marsad.export.tables.SCHEMAS`` (a test holds this) plus a few
store-only columns: ``documents.norm_key`` (hash of the normalized text, exact-duplicate key), ``documents.run_id``,
``documents.ingested_at``, ``doc_no`` on ``documents`` / ``entities`` / ``mentions`` / ``quantities`` / ``events``
(the document's number in storing order, migrations 008 and 009) and ``event_actors`` (010), and ``canonical`` on ``events``/``event_actors``
(false for events of a document that is an exact or near duplicate of an earlier one, so analytics count a
syndicated story once). ``events.background`` (migration 005) is a data column: true for a specific past act the
article recalls as context, which analytics leave out like non-canonical events.

Imports nothing of marsad but ``errors``.
"""
from __future__ import annotations

import math
from typing import Callable, Sequence

import duckdb

Migration = tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]

SPAN_LIST = 'STRUCT("start" INTEGER, "end" INTEGER)[]'
# with doc_no (migrations 008, 009, 010)
DOC_NUMBERED = ("documents", "entities", "mentions", "quantities", "events", "event_actors")


def m001_core_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, date DATE, lang VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR,
            path VARCHAR, ext_id VARCHAR, text VARCHAR, kb_version VARCHAR, coder_version VARCHAR,
            n_chars INTEGER, n_entities INTEGER, n_events INTEGER, dup_of VARCHAR, near_dup_of VARCHAR,
            norm_key VARCHAR, run_id VARCHAR, ingested_at TIMESTAMP)""")
    con.execute("""
        CREATE TABLE entities (
            doc_id VARCHAR NOT NULL, date DATE, entity_id VARCHAR NOT NULL, kind VARCHAR, name VARCHAR,
            name_ar VARCHAR, code VARCHAR, country VARCHAR, sectors VARCHAR[], lat DOUBLE, lon DOUBLE, role VARCHAR,
            n_mentions INTEGER)""")
    con.execute("""
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL, date DATE, entity_id VARCHAR NOT NULL, "start" INTEGER, "end" INTEGER,
            text VARCHAR)""")
    con.execute(f"""
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, date DATE, local_id VARCHAR, type VARCHAR,
            mode VARCHAR, cameo VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE, modality VARCHAR,
            source_code VARCHAR, target_code VARCHAR, source_country VARCHAR, target_country VARCHAR,
            location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
            location_entity VARCHAR, time_text VARCHAR, time_value VARCHAR, time_relation VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR, evidences {SPAN_LIST},
            sentence INTEGER, rule VARCHAR, confidence DOUBLE, kb_version VARCHAR, coder_version VARCHAR,
            canonical BOOLEAN NOT NULL DEFAULT TRUE)""")
    con.execute("""
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, date DATE, role VARCHAR NOT NULL,
            position INTEGER, code VARCHAR, country VARCHAR, entity_id VARCHAR, text VARCHAR,
            "start" INTEGER, "end" INTEGER, canonical BOOLEAN NOT NULL DEFAULT TRUE)""")
    con.execute("""
        CREATE TABLE quantities (
            quantity_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, date DATE, event_ids VARCHAR[], kind VARCHAR,
            value DOUBLE, unit VARCHAR, approx BOOLEAN, "of" VARCHAR, actor VARCHAR, "start" INTEGER,
            "end" INTEGER, text VARCHAR, low DOUBLE, high DOUBLE)""")


def m002_ingest_bookkeeping(con: duckdb.DuckDBPyConnection) -> None:
    """Checkpoints (crash-safe resume), skipped records, ingest runs, and the near-duplicate index."""
    con.execute("""
        CREATE TABLE checkpoints (
            fingerprint VARCHAR PRIMARY KEY, inputs VARCHAR, position BIGINT NOT NULL, done BOOLEAN NOT NULL,
            updated_at TIMESTAMP)""")
    con.execute("""
        CREATE TABLE skipped (
            fingerprint VARCHAR NOT NULL, position BIGINT NOT NULL, "where" VARCHAR, reason VARCHAR,
            run_id VARCHAR, skipped_at TIMESTAMP, PRIMARY KEY (fingerprint, position))""")
    con.execute("""
        CREATE TABLE ingest_runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, inputs VARCHAR,
            status VARCHAR, "read" BIGINT, new BIGINT, duplicates BIGINT, near_duplicates BIGINT, skipped BIGINT,
            events BIGINT)""")
    con.execute("CREATE TABLE doc_minhash (doc_id VARCHAR PRIMARY KEY, sig BLOB NOT NULL)")
    con.execute("CREATE TABLE lsh_bands (band SMALLINT NOT NULL, hash BIGINT NOT NULL, doc_id VARCHAR NOT NULL)")


def m003_indexes_for_common_filters(con: duckdb.DuckDBPyConnection) -> None:
    """Point lookups the CLI/API make: by date, type, actor code/country, document, and LSH band hash."""
    for sql in (
        "CREATE INDEX events_date ON events(date)",
        "CREATE INDEX events_type ON events(type)",
        "CREATE INDEX events_doc ON events(doc_id)",
        "CREATE INDEX events_dyad ON events(source_country, target_country)",
        "CREATE INDEX actors_event ON event_actors(event_id)",
        "CREATE INDEX actors_code ON event_actors(code)",
        "CREATE INDEX actors_country ON event_actors(country)",
        "CREATE INDEX entities_doc ON entities(doc_id)",
        "CREATE INDEX mentions_doc ON mentions(doc_id)",
        "CREATE INDEX quantities_doc ON quantities(doc_id)",
        "CREATE INDEX documents_norm ON documents(norm_key)",
        "CREATE INDEX lsh_band_hash ON lsh_bands(band, hash)",
    ):
        con.execute(sql)


def m004_lean_indexes(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the ART indexes that cost memory without paying for it (measured on 100k documents): DuckDB keeps
    ART indexes in memory as they grow, and the LSH band index alone grew the ingest's RSS by ~85 MB per 100k
    documents while slowing inserts ~1.8x; date, type, dyad and country filters have low selectivity, where DuckDB
    scans with its automatic min-max zonemaps anyway. Kept: the id lookups (event -> actors, document ->
    entities / mentions / quantities / events, normalized-text key) and the primary keys."""
    for name in ("lsh_band_hash", "events_date", "events_type", "events_dyad", "actors_country"):
        con.execute(f"DROP INDEX IF EXISTS {name}")


def m005_event_background(con: duckdb.DuckDBPyConnection) -> None:
    """``events.background BOOLEAN NOT NULL DEFAULT FALSE``: a specific past act recalled as context ("since the
    2005 assassination"), kept and flagged rather than counted as news. Stored events get FALSE (the coder that
    wrote them dropped such acts). The table is rebuilt rather than altered so that its columns stay in the order
    of ``export.tables.SCHEMAS`` followed by the store-only ``canonical`` (ALTER TABLE ADD COLUMN would put the
    new column last, and DuckDB refuses to add a NOT NULL column to a table that has an index)."""
    con.execute(f"""
        CREATE TABLE events_v005 (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, date DATE, local_id VARCHAR, type VARCHAR,
            mode VARCHAR, cameo VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE, modality VARCHAR,
            source_code VARCHAR, target_code VARCHAR, source_country VARCHAR, target_country VARCHAR,
            location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
            location_entity VARCHAR, time_text VARCHAR, time_value VARCHAR, time_relation VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR, evidences {SPAN_LIST},
            sentence INTEGER, rule VARCHAR, confidence DOUBLE, kb_version VARCHAR, coder_version VARCHAR,
            background BOOLEAN NOT NULL DEFAULT FALSE, canonical BOOLEAN NOT NULL DEFAULT TRUE)""")
    con.execute("INSERT INTO events_v005 BY NAME SELECT * FROM events")  # background takes its default
    con.execute("DROP TABLE events")  # drops its indexes (events_doc) with it
    con.execute("ALTER TABLE events_v005 RENAME TO events")
    con.execute("CREATE INDEX events_doc ON events(doc_id)")


def m006_event_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Cross-article event clusters (issue 23): ``clusters`` (one row per act: best-supported fields, the range of
    its number, GDELT's NumMentions/NumArticles/NumSources, first/last seen; ``family`` and ``anchor`` say which
    block formed it) and ``cluster_events`` (each telling's cluster). Filled by ``marsad ingest`` and rebuilt
    by ``marsad cluster`` (``marsad.store.clusters``)."""
    con.execute("""
        CREATE TABLE clusters (
            cluster_id VARCHAR PRIMARY KEY, family VARCHAR NOT NULL, anchor DATE NOT NULL, date DATE, type VARCHAR,
            mode VARCHAR, cameo VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            source_code VARCHAR, target_code VARCHAR, source_country VARCHAR, target_country VARCHAR,
            location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
            location_entity VARCHAR, quantity_kind VARCHAR, quantity_low DOUBLE, quantity_high DOUBLE,
            quantity_latest DOUBLE, quantity_most_cited DOUBLE, n_mentions INTEGER, n_articles INTEGER,
            n_sources INTEGER, first_seen DATE, last_seen DATE)""")
    con.execute("CREATE TABLE cluster_events (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL, "
                "doc_id VARCHAR NOT NULL)")


def m007_drop_child_indexes(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the per-row ART indexes of the child tables (issue 24, flat ingest memory): DuckDB holds every node of
    an index an insert touches in memory it cannot evict, and these were two thirds of the indexed rows (at 10,000
    real articles: 125k mentions, 53k entities, 37k quantities, 23k actors, 16k events, against 10k documents).
    ``actors_code`` served no query (actor filters are ORs of code, prefix, country and entity, which DuckDB
    answers by scanning); the ``*_doc`` indexes served a document's page, which now scans the ``doc_id`` column
    (10,000 articles: 2.7 -> 3.9 ms for a document and its entities). Kept: the primary keys and ``actors_event``
    (every page of events looks up its actors) and ``documents_norm`` (exact duplicates)."""
    for name in ("actors_code", "mentions_doc", "entities_doc", "quantities_doc", "events_doc"):
        con.execute(f"DROP INDEX IF EXISTS {name}")


def m008_document_numbers(con: duckdb.DuckDBPyConnection) -> None:
    """``doc_no BIGINT`` on ``documents``, ``entities``, ``mentions`` and ``quantities``: each document's number in
    storing order (1, 2, ...), copied onto its rows. Rows are appended in that order, so DuckDB's min-max zonemaps
    find one document's rows by ``doc_no`` without an index (what the ``*_doc`` indexes dropped by 007 did; 6M rows:
    2 ms against 32 ms scanning ``doc_id``). Stored documents are numbered in the order they were written."""
    con.execute("ALTER TABLE documents ADD COLUMN doc_no BIGINT")
    con.execute("UPDATE documents SET doc_no = n.no FROM (SELECT doc_id, row_number() OVER (ORDER BY rowid) AS no "
                "FROM documents) n WHERE documents.doc_id = n.doc_id")
    for table in ("entities", "mentions", "quantities"):
        con.execute(f"ALTER TABLE {table} ADD COLUMN doc_no BIGINT")
        con.execute(f"UPDATE {table} SET doc_no = d.doc_no FROM documents d WHERE d.doc_id = {table}.doc_id")


def m009_no_per_event_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the primary keys of ``events``, ``quantities`` and ``cluster_events`` (issue 24, flat ingest memory):
    one ART key per event, quantity and clustered telling, ~19 an article in event-dense text, which DuckDB holds
    unevictable while inserting. Their ids are unique by construction (the document's content hash and a local id;
    a document is stored once, by the ``documents`` key), and the only point lookup, an event by its id, goes by
    its document's number instead: ``events`` gets ``doc_no`` (the event id begins with its doc_id). DuckDB cannot
    drop a key in place, so each table is copied (in ``doc_no`` order, for the zonemaps) and its column defaults
    and NOT NULLs set again."""
    _rebuild(con, "events", "SELECT e.*, d.doc_no FROM events e LEFT JOIN documents d USING (doc_id) "
                            "ORDER BY d.doc_no, e.event_id")
    _rebuild(con, "quantities", "SELECT * FROM quantities ORDER BY doc_no, quantity_id")
    _rebuild(con, "cluster_events", "SELECT * FROM cluster_events")


def m010_no_growing_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the last ART indexes and keys that grow with the store (issue 24, flat ingest memory at any size):
    ``actors_event`` (~2 keys an event: 2.6M at 100,000 generated articles), the ``clusters`` primary key (one key
    an act: 1.1M there), and the keys of ``documents`` (id and ``documents_norm``) and ``doc_minhash`` (3 keys an
    article: ~300 MB at 1M articles). DuckDB holds every index node an insert touches in memory it cannot evict.
    What they did is done without them: ``event_actors`` gets ``doc_no`` (its document's number, rows appended in
    that order), so an event's actors are found through DuckDB's zonemaps like its other rows; a document is stored
    once by the ingest itself (``Store._decide`` looks a batch's ids and normalized keys up in one statement each,
    a scan of one column, and skips stored ids); a cluster id is unique by construction (written by one clustering
    pass after deleting the acts of its days) and found by a scan of ``clusters``. Each table is copied in storing
    order (DuckDB cannot drop a key in place)."""
    for name in ("actors_event", "documents_norm"):
        con.execute(f"DROP INDEX IF EXISTS {name}")
    _rebuild(con, "event_actors", "SELECT a.*, d.doc_no FROM event_actors a LEFT JOIN documents d USING (doc_id) "
                                  "ORDER BY d.doc_no, a.rowid")
    _rebuild(con, "documents", "SELECT * FROM documents ORDER BY doc_no, rowid")
    _rebuild(con, "doc_minhash", "SELECT * FROM doc_minhash ORDER BY rowid")
    _rebuild(con, "clusters", "SELECT * FROM clusters ORDER BY rowid")


def _rebuild(con: duckdb.DuckDBPyConnection, table: str, select: str) -> None:
    """Replace ``table`` by the rows of ``select`` (no keys, no indexes), keeping its defaults and NOT NULLs."""
    cols = con.execute("SELECT column_name, column_default, is_nullable FROM duckdb_columns() WHERE table_name = ?",
                       [table]).fetchall()
    con.execute(f"CREATE TABLE {table}_rebuilt AS {select}")
    con.execute(f"DROP TABLE {table}")
    con.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for name, default, nullable in cols:
        if default is not None:
            con.execute(f'ALTER TABLE {table} ALTER COLUMN "{name}" SET DEFAULT {default}')
        if not nullable:
            con.execute(f'ALTER TABLE {table} ALTER COLUMN "{name}" SET NOT NULL')


MIGRATIONS: list[Migration] = [
    ("001_core_tables", m001_core_tables),
    ("002_ingest_bookkeeping", m002_ingest_bookkeeping),
    ("003_indexes_for_common_filters", m003_indexes_for_common_filters),
    ("004_lean_indexes", m004_lean_indexes),
    ("005_event_background", m005_event_background),
    ("006_event_clusters", m006_event_clusters),
    ("007_drop_child_indexes", m007_drop_child_indexes),
    ("008_document_numbers", m008_document_numbers),
    ("009_no_per_event_keys", m009_no_per_event_keys),
    ("010_no_growing_keys", m010_no_growing_keys),
]

# The store-only columns (not in export.tables.SCHEMAS), per table.
STORE_ONLY_COLUMNS = {"documents": ("norm_key", "run_id", "ingested_at", "doc_no"), "events": ("canonical", "doc_no"),
                      "event_actors": ("canonical", "doc_no"), "entities": ("doc_no",), "mentions": ("doc_no",),
                      "quantities": ("doc_no",)}


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """DuckDB's type of every column of a table of the store, by column name (e.g. ``VARCHAR[]``)."""
    return dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND "
                            "schema_name = 'main' AND database_name = current_database()", [table]).fetchall())


def insert_columns(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, Sequence], types: dict[str, str]
                   ) -> None:
    """Insert rows given as columns (name -> values, all of one length) with one statement: each column a numpy
    array read by DuckDB's NumPy scan (``SELECT col::TYPE``, the column's type from ``column_types``), which reads
    the Python values in C++, ~3x faster than passing each column as a list parameter (every value a DuckDB
    ``Value`` first). Numeric columns go as typed arrays where they can (``_array``); for the others the scan infers
    the type from the values it samples, so the sample is set to every row (a float after a run of ints would
    otherwise be read as an integer). No Arrow table: building one from Python values imports pyarrow and pandas
    (~85 MB resident in the ingest process), and the NumPy scan imports neither. A float column holding a NaN
    (which the scan reads as NULL) goes as list parameters instead, which keep it."""
    names = list(columns)
    if not names:
        return
    cols = ", ".join(f'"{c}"' for c in names)
    if any(types[c] in _FLOAT_TYPES and _has_nan(columns[c]) for c in names):
        values = ", ".join(f"unnest(?::{types[c]}[])" for c in names)
        con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {values}', [list(columns[c]) for c in names])
        return
    import numpy as np  # here: read-only commands (``marsad stats``) never insert, and start faster without it

    n = len(columns[names[0]])
    # read by its name by DuckDB (a replacement scan of this frame's variables: ~1 ms a statement less than
    # registering and unregistering it)
    _marsad_columns = {f"c{i}": _array(np, columns[c], types[c], n) for i, c in enumerate(names)}  # noqa: F841
    con.execute(f"SET pandas_analyze_sample = {max(n, 1)}")
    con.execute(f'INSERT INTO "{table}" ({cols}) SELECT '
                + ", ".join(f"c{i}::{types[c]}" for i, c in enumerate(names)) + " FROM _marsad_columns")


_FLOAT_TYPES = frozenset({"DOUBLE", "FLOAT", "REAL"})
# numpy kinds a numeric column may be given as a typed array (no per-value type inference by the scan): integers
# for an integer column; integers or floats for a float one; booleans for a boolean one.
_TYPED_KINDS = {**{t: "iu" for t in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT",
                                     "UINTEGER", "UBIGINT")},
                **{t: "iuf" for t in _FLOAT_TYPES}, "BOOLEAN": "b"}
# a numeric column holding None (or a bool, or a float among integers) goes as a float array, a None a NaN, which the
# scan reads as NULL (a true NaN never gets here: see insert_columns), if every value fits a float64 exactly
_EXACT_FLOAT = 2.0 ** 53


def _array(np, values: Sequence, sql_type: str, n: int):  # noqa: ANN001, ANN202 - numpy is imported lazily
    """One column as a numpy array the scan reads without analysing each value when it can: typed when its values
    are all numbers (or booleans) of its SQL type's kind; a float array for a numeric column that holds None or
    mixed numbers, all within 2**53; else (strings, dates, lists, what no float holds) an object array, whose type
    the scan infers from every value."""
    kinds = _TYPED_KINDS.get(sql_type)
    if kinds is not None and n:
        typed = np.array(values)
        if typed.ndim == 1 and typed.dtype.kind in kinds:
            return typed
        if kinds != "b":
            try:
                floats = np.array(values, dtype=np.float64)
            except (TypeError, ValueError):
                pass
            else:
                if floats.ndim == 1 and not (np.abs(floats) > _EXACT_FLOAT).any():  # NaN compares false
                    return floats
    return np.fromiter(values, dtype=object, count=n)


def _has_nan(values: Sequence) -> bool:
    """Whether a float column holds a NaN (numbers and None expected; anything else counts, to take the list path)."""
    try:
        return any(map(math.isnan, filter(None, values)))  # in C: None and 0.0 are passed over
    except TypeError:
        return True


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
                         ).fetchone()[0]
    if not exists:
        return []
    return [r[0] for r in con.execute("SELECT name FROM migrations ORDER BY name").fetchall()]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration not yet recorded, each in one transaction; return the names applied now."""
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    done = set(applied(con))
    now = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            fn(con)
            con.execute("INSERT INTO migrations VALUES (?, now())", [name])
            con.execute("COMMIT")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        now.append(name)
    return now
