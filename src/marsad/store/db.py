"""The DuckDB store: open + migrate, idempotent batch upsert with deduplication, checkpoints for resumable ingest.

``Store(path, read_only=False)`` is a context manager around one DuckDB connection. Opening read-write applies
pending migrations; opening read-only refuses a database that needs them (and DuckDB itself refuses every write).

``upsert_batch(items, ...)`` writes one batch of coded documents in ONE transaction together with the checkpoint
position and the skipped records of that batch, so a process killed at any instant leaves either the whole batch
or none of it. A document whose ``doc_id`` (content hash) is stored already is left alone: ingesting the same
input twice changes no row count. A new document whose normalized text equals a stored one gets ``dup_of``; one
whose MinHash similarity to a stored canonical document reaches the threshold gets ``near_dup_of``. Both are
stored (never silently dropped) with ``canonical = false`` on their events, which analytics and exports skip.

Imports ``marsad.errors``, ``marsad.model``, ``marsad.export.tables`` and the store's own modules.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import duckdb

from ..errors import StoreError
from ..export.tables import COLUMNS, TABLES, DocMeta, doc_tables
from ..model import CodedDocument
from . import dedup
from .queries import Queries
from .schema import DOC_NUMBERED, MIGRATIONS, applied, column_types, insert_columns, migrate

if TYPE_CHECKING:
    import pyarrow as pa

DEFAULT_THRESHOLD = 0.8
_NAMES = {name: tuple(col for col, _ in cols) for name, cols in COLUMNS.items()}
# A batch's LSH band rows (doc_id, band, hash) are numpy arrays (Store._band_rows) in a variable of this name where
# the statement runs, which DuckDB reads by name (a replacement scan) without a DuckDB Value per row, which list
# parameters cost.
_BANDS = "_marsad_bands"
# Each probe's candidates: (probe, candidate, whether the candidate is stored). Stored ones share a band key with it
# in lsh_bands: the join on the hash alone reads two columns of every row, not three (the band is checked on the
# few rows it matched, found again by rowid): 2.4x cheaper than joining on (band, hash) at 3.2M rows. The batch's
# own probes that share a band key with it come in the same statement.
_PROBE = (f"SELECT DISTINCT m.doc_id, l.doc_id, true FROM (SELECT p.doc_id, p.band, l.rowid AS rid FROM {_BANDS} p "
          "JOIN lsh_bands l ON l.hash = p.hash) m JOIN lsh_bands l ON l.rowid = m.rid AND l.band = m.band "
          f"UNION ALL SELECT DISTINCT a.doc_id, b.doc_id, false FROM {_BANDS} a JOIN {_BANDS} b "
          "ON a.band = b.band AND a.hash = b.hash AND a.doc_id <> b.doc_id")
# table blocks DuckDB may cache during an ingest (see Store.bound_memory): 64 until issue 24's ninth round; at 20,000
# articles DuckDB held ~45 MB of them, so the cache grew with the store to its cap (peak RSS 476 -> 434 MB with 16).
# 0 since the tenth round: the peaks are DuckDB's checkpoints (at a COMMIT), during which its accounted memory grows
# by the data it rewrites (the data not yet checkpointed and its long strings, about twice over) and the table
# blocks it reads fill whatever room the limit leaves: sampled during one such COMMIT at 4,000 articles, 66 MB
# accounted (BASE_TABLE 22) under a 16 MB cache, 51 MB (BASE_TABLE 7) under none, the high-water mark 10 MB lower.
# The batch's room (32 MB, see bound_memory) stays: with 16 MB of room in all (or 20 with 4 MB checkpoints) the
# second batch of the memory bench fails ("failed to pin block": a transaction's first append takes a block for
# each column of each table it writes).
BUFFER_POOL_MB = 0
# added to the limit for one more try when a batch's rows do not fit the room (Store.upsert_batch): the room is sized
# for ordinary batches (see bound_memory), and a batch of very long texts may need more
OOM_ROOM_MB = 256
# DuckDB's checkpoint threshold during an ingest (see Store.bound_memory)
CHECKPOINT_MB = 4
# added to the limit while clustering: the tellings query (``clusters._TELLINGS``: four hash aggregates and joins)
# needs room besides the data committed since the last checkpoint (a 30-document store never checkpointed: out of
# memory under a 49 MB limit, fine with 64 MB more). Kept small: the table blocks the clustering reads are cached up
# to the limit (20,000 articles: peak RSS 434 MB with no room, 488 with 64 MB). 8 since issue 24's eleventh round:
# the clustering after the last batch of the bench's 20,000 articles (every telling pending, as at the end of its
# ingest; bench/reports/scale.md) raised the high-water mark 92 MB over the RSS before it with 32 MB of room, 83 with
# 16, 71 with 8; with none its tellings query ran out of the limit (the hash aggregates of the actors and
# quantities) and the pass ran twice, the second time OOM_ROOM_MB higher (+124 MB). The cut of the windows
# (WINDOW_TELLINGS 5,000 or 2,000) changed nothing there.
CLUSTER_ROOM_MB = 8
_ART_IN_USE = "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'ART_INDEX'"
# what DuckDB holds besides the table blocks it caches (which it evicts at the limit) and its indexes: above all the
# data committed since the last checkpoint (IN_MEMORY_TABLE: at least one 256 KB block for each column of each
# table written, ~45 MB for the store's ~170 columns) and the strings too long for a block
_PINNED_IN_USE = ("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                  "WHERE tag NOT IN ('BASE_TABLE', 'ART_INDEX')")
_INDEXED_ROWS = ("SELECT coalesce(sum(t.estimated_size), 0) FROM (SELECT table_name FROM duckdb_indexes() UNION ALL "
                 "SELECT table_name FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')) i "
                 "JOIN duckdb_tables() t USING (table_name)")  # one key per row per index, primary keys included


@dataclass(slots=True)
class Prepared:
    """A coded document flattened for the store, with its duplicate keys (computed where it was coded)."""

    rows: dict[str, list[dict[str, Any]]]
    norm_key: str
    sig: bytes | None
    bands: list[int] | None = None  # LSH band hashes of sig (computed on first use)

    def band_hashes(self) -> list[int]:
        if self.sig is None:
            return []
        if self.bands is None:
            self.bands = dedup.band_hashes(self.sig)
        return self.bands

    @property
    def doc_id(self) -> str:
        return self.rows["documents"][0]["doc_id"]

    @property
    def n_events(self) -> int:
        return len(self.rows["events"])


def prepare(doc: CodedDocument, meta: DocMeta | None = None, *, near_dups: bool = True) -> Prepared:
    key, sig = dedup.keys(doc.text, near_dups)
    p = Prepared(doc_tables(doc, meta), key, sig)
    p.band_hashes()
    return p


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """An input record that produced no document, and why (kept in the ``skipped`` table)."""

    where: str
    reason: str
    position: int = -1


@dataclass(slots=True)
class BatchResult:
    new: int = 0  # canonical documents inserted
    duplicates: int = 0  # inserted with dup_of (same normalized text as a stored document)
    near_duplicates: int = 0  # inserted with near_dup_of
    already: int = 0  # same doc_id stored before: nothing written
    events: int = 0  # events inserted (all documents)
    canonical_events: int = 0
    inserted_ids: list[str] = field(default_factory=list)

    def add(self, other: "BatchResult") -> None:
        for name in ("new", "duplicates", "near_duplicates", "already", "events", "canonical_events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


class Store(Queries):
    """One DuckDB database file (or ``":memory:"``). Library-first: every method returns plain data."""

    def __init__(self, path: str | os.PathLike[str] = "marsad.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._types: dict[str, dict[str, str]] = {}  # table -> column -> DuckDB type (see _column_types)
        if read_only and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"no database at {self.path}: create one with `marsad ingest PATH --db {self.path}`",
                             path=self.path)
        if self.path != ":memory:" and not read_only:
            parent = Path(self.path).parent
            if not parent.is_dir():
                raise StoreError(f"cannot create the database {self.path}: directory {parent} does not exist",
                                 path=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the database {self.path}: {_first_line(exc)}", path=self.path) from None
        try:
            if read_only:
                missing = [name for name, _ in MIGRATIONS if name not in set(applied(self.con))]
                if missing:
                    raise StoreError(f"{self.path} is not a marsad database or needs migration {missing[0]}: "
                                     f"open it once with `marsad ingest`", path=self.path)
            else:
                migrate(self.con)
        except duckdb.Error as exc:
            self.con.close()
            if read_only:  # nothing is migrated on a read-only open: the catalog itself did not read
                raise StoreError(f"cannot read {self.path}: {_first_line(exc)}: the file is damaged or not a marsad "
                                 f"database; restore it from a backup", path=self.path) from None
            raise StoreError(f"cannot migrate {self.path}: {_first_line(exc)}", path=self.path) from None
        except StoreError:
            self.con.close()
            raise

    # -- context manager -------------------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def bound_memory(self, table_cache_mb: int = BUFFER_POOL_MB, threads: int | None = 1, batch: int = 200) -> None:
        """Cap what DuckDB may keep in memory for a long write (``marsad ingest``): its buffer pool holds the table
        blocks it wrote or read (evictable: re-read from the file, or the OS page cache, when needed again) and
        every ART index node it touched (not evictable: a memory limit below them makes the next insert fail). So
        the limit is set, and refreshed each batch, to the index memory in use (or the indexed rows at 96 bytes
        each, if more) plus ``table_cache_mb`` for table blocks; ``threads`` (1 by default: the per-batch
        statements are small) bounds the per-thread buffers. ``batch`` (documents per transaction) sizes the room
        left for the rows of the next batch, held in memory until its commit: counted as 4 KB a document, plus
        32 MB. Since migration 010 no index or key grows with the store (only the small bookkeeping tables have
        keys), so the limit stays ~32 MB over what DuckDB holds pinned for the default batch however large the
        store. No effect on ``":memory:"`` stores, whose data live in that pool."""
        if self.path == ":memory:":
            return
        self._table_cache_mb = table_cache_mb + 32 + batch * 4 // 1024
        self._threads = threads
        self._apply_bounds()

    def _apply_bounds(self) -> None:
        """Set :meth:`bound_memory`'s settings on the connection (again after :meth:`reopen`)."""
        if self._threads is not None:
            self.con.execute(f"SET threads = {int(self._threads)}")
        # a checkpoint every ~4 MB of WAL (DuckDB's default: 16): the data not yet checkpointed is held in memory
        # (pinned) and a checkpoint needs about as much again while it rewrites it (issue 24, tenth round)
        self.con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_MB}MB'")
        self.refresh_memory_limit()

    def reopen(self) -> None:
        """Close the database and open it again, with :meth:`bound_memory`'s settings (a no-op on a store that was
        not bounded, and so on ``":memory:"``, whose data would go with the connection). For a long write (the
        ingest, every ``runner.REOPEN_BATCHES`` batches): DuckDB keeps process memory outside its buffer pool and
        its limit for the rows appended through an open database, ~2 bytes a row, until the database is closed
        (8,000 inserts of 100 rows into a file, a CHECKPOINT every 20: +2.2 MB of heap; closed and opened again
        every 500 inserts: +0.2 MB). An ingest appends ~1.2M rows per 10,000 generated articles (events and their
        actors, mentions, LSH band keys): issue 24's eleventh round, bench/reports/scale.md. Call it between
        transactions only."""
        if getattr(self, "_table_cache_mb", None) is None:
            return
        self.con.close()
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the database {self.path}: {_first_line(exc)}", path=self.path) from None
        self._apply_bounds()

    def refresh_memory_limit(self) -> None:
        """Apply :meth:`bound_memory`'s cap again as the indexes grow (a no-op when it was never asked for): the
        index memory in use and DuckDB's other memory it does not evict (the data committed since its last
        checkpoint, ~45 MB at most) plus the table cache and the next batch's room. (Since migration 010 only the
        keys of the bookkeeping tables, ``skipped`` above all, can grow.)"""
        cache = getattr(self, "_table_cache_mb", None)
        if cache is None:
            return
        in_use, keys, pinned = self.con.execute(
            f"SELECT ({_ART_IN_USE}), ({_INDEXED_ROWS}), ({_PINNED_IN_USE})").fetchone()
        # the first batch into an existing store loads its indexes whole (random keys touch every block): room for
        # all of them from the start, at ~70 bytes a key measured, counted as 96
        index = max(int(in_use or 0), int(keys or 0) * 96)
        limit = (index + int(pinned or 0)) // 2**20 + int(cache)
        self.con.execute(f"SET memory_limit = '{limit}MB'")

    def lock_down(self) -> None:
        """Before running SQL a user typed: no file system or network access (no COPY TO, ATTACH, read_csv of
        other files, extension installs) and no configuration changes for the rest of this connection."""
        self.con.execute("SET enable_external_access = false")
        self.con.execute("SET lock_configuration = true")

    def migrations(self) -> list[str]:
        return applied(self.con)

    def sql(self, query: str, params: Sequence[Any] | None = None) -> list[tuple]:
        """Run one parameterised statement and return all rows (for library callers; never build SQL from input).
        Ctrl-C inside DuckDB surfaces as KeyboardInterrupt, as anywhere else."""
        try:
            return self.con.execute(query, params or []).fetchall()
        except (duckdb.InterruptException, RuntimeError) as exc:
            if is_interrupt(exc):
                raise KeyboardInterrupt from None
            raise

    def count(self, table: str) -> int:
        if table not in TABLES and table not in {"skipped", "checkpoints", "ingest_runs", "lsh_bands",
                                                 "doc_minhash", "migrations"}:
            raise StoreError(f"no table {table!r} in the store")
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    # -- checkpoints -----------------------------------------------------------------------------------------
    def checkpoint(self, fingerprint: str) -> tuple[int, bool]:
        """(position, done) of an input fingerprint; (0, False) for an input never seen."""
        row = self.con.execute("SELECT position, done FROM checkpoints WHERE fingerprint = ?", [fingerprint]
                               ).fetchone()
        return (int(row[0]), bool(row[1])) if row else (0, False)

    def reset_checkpoint(self, fingerprint: str) -> None:
        self.con.execute("DELETE FROM checkpoints WHERE fingerprint = ?", [fingerprint])

    def finish_checkpoint(self, fingerprint: str, inputs: str, position: int) -> None:
        self._set_checkpoint(fingerprint, inputs, position, True)

    def _set_checkpoint(self, fingerprint: str, inputs: str, position: int, done: bool) -> None:
        self.con.execute(
            "INSERT INTO checkpoints VALUES (?, ?, ?, ?, now()) ON CONFLICT (fingerprint) DO UPDATE SET "
            "position = excluded.position, done = excluded.done, updated_at = excluded.updated_at",
            [fingerprint, inputs, position, done])

    # -- ingest runs -----------------------------------------------------------------------------------------
    def start_run(self, run_id: str, inputs: str) -> None:
        self.con.execute("INSERT INTO ingest_runs VALUES (?, now(), NULL, ?, 'running', 0, 0, 0, 0, 0, 0)",
                         [run_id, inputs])

    def finish_run(self, run_id: str, status: str, counts: dict[str, int]) -> None:
        self.con.execute(
            'UPDATE ingest_runs SET finished_at = now(), status = ?, "read" = ?, new = ?, duplicates = ?, '
            "near_duplicates = ?, skipped = ?, events = ? WHERE run_id = ?",
            [status, counts.get("read", 0), counts.get("new", 0), counts.get("duplicates", 0),
             counts.get("near_duplicates", 0), counts.get("skipped", 0), counts.get("events", 0), run_id])

    # -- writing ---------------------------------------------------------------------------------------------
    def upsert_documents(self, docs_with_meta: Iterable[tuple[CodedDocument, DocMeta | None]],
                         near_dup_threshold: float | None = DEFAULT_THRESHOLD) -> BatchResult:
        """Store coded documents (one transaction); idempotent by doc_id. Threshold None: no near-dup check."""
        items = [prepare(doc, meta, near_dups=near_dup_threshold is not None) for doc, meta in docs_with_meta]
        return self.upsert_batch(items, near_dup_threshold=near_dup_threshold)

    def upsert_batch(self, items: Sequence[Prepared], *, near_dup_threshold: float | None = DEFAULT_THRESHOLD,
                     run_id: str | None = None, skipped: Sequence[SkippedRecord] = (),
                     checkpoint: tuple[str, str, int] | None = None) -> BatchResult:
        """Write a batch in one transaction: new documents with their rows, skipped records, checkpoint.

        ``checkpoint`` is ``(fingerprint, inputs, position)``: the input position reached after this batch.
        """
        if near_dup_threshold is not None and not 0.0 < near_dup_threshold <= 1.0:
            raise StoreError(f"near-duplicate threshold must be in (0, 1], not {near_dup_threshold}")
        con = self.con
        extra = 0  # MB added to the memory limit for a retry (see OOM_ROOM_MB)
        try:
            while True:
                result = BatchResult()
                committing = False
                try:
                    con.execute("BEGIN TRANSACTION")
                    fresh = self._decide(items, near_dup_threshold, result)
                    self._insert(fresh, run_id)
                    if skipped and checkpoint is not None:
                        self._insert_skipped(checkpoint[0], skipped, run_id)
                    if checkpoint is not None:
                        self._set_checkpoint(checkpoint[0], checkpoint[1], checkpoint[2], False)
                    committing = True
                    con.execute("COMMIT")
                except BaseException as exc:  # e.g. Ctrl-C: leave no half batch behind
                    con.execute("ROLLBACK")
                    if is_interrupt(exc):  # Ctrl-C landed inside DuckDB
                        raise KeyboardInterrupt from None
                    if isinstance(exc, duckdb.OutOfMemoryException) and not committing and not extra and \
                            getattr(self, "_table_cache_mb", None) is not None:
                        # the batch's rows did not fit the room bound_memory leaves them (an unusual batch: very
                        # long texts): rolled back, and written again once under a limit OOM_ROOM_MB higher
                        extra = OOM_ROOM_MB
                        self._table_cache_mb += extra
                        self.refresh_memory_limit()
                        continue
                    if isinstance(exc, duckdb.Error):
                        raise StoreError(f"cannot write to {self.path}: {_first_line(exc)}", path=self.path) from None
                    raise
                break
        finally:
            if extra:
                self._table_cache_mb -= extra
        self.refresh_memory_limit()
        return result

    def _decide(self, items: Sequence[Prepared], threshold: float | None,
                result: BatchResult) -> list[tuple[Prepared, str | None, str | None]]:
        """Classify a batch: already stored / exact duplicate / near duplicate / new, in input order."""
        con = self.con
        ids = [p.doc_id for p in items]
        stored = {r[0] for r in con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
        keys = list({p.norm_key for p in items})
        first_by_key = dict(con.execute(
            "SELECT norm_key, arg_min(doc_id, ingested_at) FROM documents "
            "WHERE norm_key IN (SELECT unnest(?::VARCHAR[])) GROUP BY norm_key", [keys]).fetchall())

        probes = [p for p in items if threshold is not None and p.sig is not None and p.band_hashes()]
        cand_db: dict[str, set[str]] = {}  # a probe's candidates among the stored canonical documents
        cand_batch: dict[str, set[str]] = {}  # and among the other probes of this batch
        sigs: dict[str, bytes] = {}
        if probes:
            _marsad_bands = _band_rows(probes)  # noqa: F841 - read by name (_BANDS) in _PROBE
            for mine, other, in_store in con.execute(_PROBE).fetchall():
                (cand_db if in_store else cand_batch).setdefault(mine, set()).add(other)
            wanted = list({o for s in cand_db.values() for o in s})
            if wanted:
                sigs.update(con.execute("SELECT doc_id, sig FROM doc_minhash WHERE doc_id IN "
                                        "(SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall())

        indexed: set[str] = set()  # the batch's canonical documents so far, which enter the LSH index
        seen: set[str] = set()
        out: list[tuple[Prepared, str | None, str | None]] = []
        for p in items:
            did = p.doc_id
            if did in stored or did in seen:
                result.already += 1
                continue
            seen.add(did)
            dup_of = first_by_key.get(p.norm_key)
            near_of = None
            bands = p.band_hashes() if threshold is not None else []
            if dup_of is None and bands:
                cands = cand_db.get(did, set())
                batch = cand_batch.get(did)
                if batch:  # a band shared with a document before this one in the batch, if that one is indexed
                    cands = cands | (batch & indexed)
                best, best_j = None, 0.0
                for c in sorted(cands):
                    j = dedup.jaccard(p.sig, sigs[c])  # type: ignore[arg-type]
                    if j >= threshold and j > best_j:  # type: ignore[operator]
                        best, best_j = c, j
                near_of = best
            if dup_of is None:
                first_by_key[p.norm_key] = did
            if dup_of is None and near_of is None:
                result.new += 1
                if p.sig is not None and bands:  # only canonical documents enter the LSH index
                    sigs[did] = p.sig
                    indexed.add(did)
            elif dup_of is not None:
                result.duplicates += 1
            else:
                result.near_duplicates += 1
            result.events += p.n_events
            if dup_of is None and near_of is None:
                result.canonical_events += p.n_events
            result.inserted_ids.append(did)
            out.append((p, dup_of, near_of))
        return out

    def _insert(self, fresh: list[tuple[Prepared, str | None, str | None]], run_id: str | None) -> None:
        if not fresh:
            return
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        canonical_docs: set[str] = set()
        extra_docs = {"norm_key": [], "run_id": [], "ingested_at": []}
        minhash_rows = []
        for p, dup_of, near_of in fresh:
            doc_row = dict(p.rows["documents"][0], dup_of=dup_of, near_dup_of=near_of)
            rows["documents"].append(doc_row)
            extra_docs["norm_key"].append(p.norm_key)
            extra_docs["run_id"].append(run_id)
            extra_docs["ingested_at"].append(now)
            for name in TABLES[1:]:
                rows[name].extend(p.rows[name])
            if dup_of is None and near_of is None:
                canonical_docs.add(p.doc_id)
                if p.sig is not None:
                    minhash_rows.append(p)
        # each new document's number in storing order (migration 008), on its rows too
        last = self.con.execute("SELECT coalesce(max(doc_no), 0) FROM documents").fetchall()[0][0]
        numbers = {p.doc_id: last + i for i, (p, _, _) in enumerate(fresh, 1)}
        for name in TABLES:
            table_rows = rows[name]
            if not table_rows:
                continue
            names = _NAMES[name]  # every row has exactly these keys (export.tables.doc_tables): transposed in C
            columns: dict[str, Sequence[Any]] = dict(zip(names, zip(*map(itemgetter(*names), table_rows))))
            if name == "documents":
                columns.update(extra_docs)
            elif name in ("events", "event_actors"):
                columns["canonical"] = [d in canonical_docs for d in columns["doc_id"]]
            if name in DOC_NUMBERED:
                columns["doc_no"] = [numbers[d] for d in columns["doc_id"]]
            self._append(name, columns)
        if minhash_rows:
            self._append("doc_minhash", {"doc_id": [p.doc_id for p in minhash_rows],
                                         "sig": [p.sig for p in minhash_rows]})
            _marsad_bands = _band_rows(minhash_rows)  # noqa: F841 - read by name (_BANDS) below
            self.con.execute(f"INSERT INTO lsh_bands (band, hash, doc_id) SELECT band, hash, doc_id FROM {_BANDS}")

    def _insert_skipped(self, fingerprint: str, skipped: Sequence[SkippedRecord], run_id: str | None) -> None:
        """One statement for the batch (row-by-row inserts cost ~15 ms each in DuckDB)."""
        self.con.execute(
            'INSERT INTO skipped SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]), unnest(?::VARCHAR[]), '
            "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), now() ON CONFLICT DO NOTHING",
            [[fingerprint] * len(skipped), [s.position for s in skipped], [s.where for s in skipped],
             [s.reason for s in skipped], [run_id] * len(skipped)])

    def _append(self, table_name: str, columns: dict[str, Sequence[Any]]) -> None:
        """Insert rows given as columns (name -> values) with one statement (``schema.insert_columns``)."""
        insert_columns(self.con, table_name, columns, self._column_types(table_name))

    def _column_types(self, table_name: str) -> dict[str, str]:
        """DuckDB's type of every column of a table (read once per connection: migrations run at open)."""
        types = self._types.get(table_name)
        if types is None:
            types = self._types[table_name] = column_types(self.con, table_name)
        return types

    def load_batches(self, batches: Iterable[tuple[str, "pa.RecordBatch"]], *, source: str,
                     near_dup_threshold: float | None = DEFAULT_THRESHOLD, run_id: str | None = None
                     ) -> dict[str, int]:
        """Load already-coded tables (e.g. the Spark job's Parquet) in ONE transaction, documents first.

        Documents go through the same duplicate decisions as ``upsert_batch``; child rows are kept only for
        documents this load inserted (so loading twice changes nothing). ``errors`` batches (doc id, message)
        become ``skipped`` rows. Returns rows inserted per table plus the duplicate counts.
        """
        import pyarrow as pa

        from ..export.tables import SCHEMAS

        result = BatchResult()
        counts: dict[str, int] = {name: 0 for name in TABLES}
        counts["errors"] = 0
        run_id = run_id or "load"
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            for table, batch in batches:
                if table == "documents":
                    items = []
                    for row in batch.to_pylist():
                        text = row.get("text") or ""
                        rows = {name: [] for name in TABLES}
                        rows["documents"] = [{k: row.get(k) for k, _ in COLUMNS["documents"]}]
                        items.append(Prepared(rows, *dedup.keys(text, near_dup_threshold is not None)))
                    fresh = self._decide(items, near_dup_threshold, result)
                    self._insert(fresh, run_id)
                    counts["documents"] += len(fresh)
                elif table in SCHEMAS:
                    t = pa.Table.from_batches([batch]).select(SCHEMAS[table].names)
                    # a Parquet output written before events had ``background`` reads back with nulls there
                    cols = ", ".join('coalesce(b."background", FALSE)' if (table, c) == ("events", "background")
                                     else f'b."{c}"' for c in t.column_names)
                    names = ", ".join(f'"{c}"' for c in t.column_names)
                    canon = ""
                    if table in ("events", "event_actors"):
                        canon, names = ", (d.dup_of IS NULL AND d.near_dup_of IS NULL)", names + ", canonical"
                    if table in DOC_NUMBERED:
                        canon, names = canon + ", d.doc_no", names + ", doc_no"
                    con.register("_batch", t)
                    try:
                        n = con.execute(f'INSERT INTO "{table}" ({names}) SELECT {cols}{canon} FROM _batch b '
                                        "JOIN documents d ON d.doc_id = b.doc_id WHERE d.run_id = ?",
                                        [run_id]).fetchone()[0]
                    finally:
                        con.unregister("_batch")
                    counts[table] += int(n)
                elif table == "errors":
                    for i, row in enumerate(batch.to_pylist()):
                        where = row.get("path") or row.get("doc_id") or source
                        reason = f"coding failed in the Spark job: {row.get('error_code') or ''} " \
                                 f"{row.get('message') or ''}".strip()
                        con.execute("INSERT INTO skipped VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING",
                                    [f"parquet:{source}", counts["errors"] + i, where, reason, run_id])
                    counts["errors"] += batch.num_rows
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot load into {self.path}: {_first_line(exc)}", path=self.path) from None
        except BaseException:
            con.execute("ROLLBACK")
            raise
        counts.update(new=result.new, duplicates=result.duplicates, near_duplicates=result.near_duplicates,
                      already=result.already)
        return counts

    # -- event clusters (see clusters.py) --------------------------------------------------------------------
    def update_clusters(self) -> "ClusterRun":
        """Cluster the tellings not clustered yet (re-clustering only the blocks they can change)."""
        from .clusters import update_pending

        return self._clustering(update_pending)

    def rebuild_clusters(self) -> "ClusterRun":
        """Cluster every telling again (the same tables as the incremental runs give)."""
        from .clusters import rebuild

        return self._clustering(rebuild)

    def _clustering(self, run: Any) -> "ClusterRun":
        """Run a clustering pass; under :meth:`bound_memory`'s cap, with ``CLUSTER_ROOM_MB`` more for its time."""
        cache = getattr(self, "_table_cache_mb", None)
        if cache is not None:
            self._table_cache_mb = cache + CLUSTER_ROOM_MB
            self.refresh_memory_limit()
        try:
            try:
                return run(self.con)
            except duckdb.OutOfMemoryException:
                if cache is None:
                    raise
                # rolled back (one transaction): once more under a limit OOM_ROOM_MB higher, as a batch would be
                self._table_cache_mb = cache + CLUSTER_ROOM_MB + OOM_ROOM_MB
                self.refresh_memory_limit()
                return run(self.con)
        except duckdb.Error as exc:
            raise StoreError(f"cannot cluster the events of {self.path}: {_first_line(exc)}", path=self.path) from None
        finally:
            if cache is not None:
                self._table_cache_mb = cache
                self.refresh_memory_limit()

    # -- reading (see queries.py for the analytic queries) --------------------------------------------------
    def skipped(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.con.execute('SELECT "where", reason, fingerprint, position FROM skipped ORDER BY skipped_at, position '
                                "LIMIT ?", [limit]).fetchall()
        return [{"where": w, "reason": r, "fingerprint": f, "position": p} for w, r, f, p in rows]

    def runs(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM ingest_runs ORDER BY started_at")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]


def _band_rows(items: Sequence[Prepared]) -> dict[str, Any]:
    """The LSH band rows of ``items`` as numpy columns (doc_id, band, hash; each document's bands in band order)."""
    import numpy as np

    n = len(items)
    return {"doc_id": np.repeat(np.fromiter((p.doc_id for p in items), dtype=object, count=n), dedup.BANDS),
            "band": np.tile(np.arange(dedup.BANDS, dtype=np.int16), n),
            "hash": np.array([p.band_hashes() for p in items], dtype=np.int64).reshape(-1)}


def is_interrupt(exc: BaseException) -> bool:
    """DuckDB reports a query stopped by Ctrl-C as InterruptException or as RuntimeError("Query interrupted")."""
    return isinstance(exc, duckdb.InterruptException) or (
        isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower())


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def dumps(obj: Any) -> str:
    """JSON for values read from DuckDB (dates, decimals)."""
    return json.dumps(obj, ensure_ascii=False, default=str)
