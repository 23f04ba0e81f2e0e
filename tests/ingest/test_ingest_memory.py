"""Flat-memory ingest (issue 24): bounding the coder's caches and DuckDB's memory changes no duplicate decision.

A small corpus with known duplicates (project-written bench templates, no real articles): 24 distinct articles,
2 exact duplicates (same words, other bytes) and 2 near duplicates (one word in a hundred replaced), one of them in
the same batch as its source, the others batches later. Ingested with the default bounds and with the coder's
memo caches emptied after every batch, the counts and every document's ``dup_of`` / ``near_dup_of`` are the same.
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from marsad.bench.corpus import generate
from marsad.ingest import IngestOptions, ingest, runner
from marsad.store import Store
from marsad.store.db import BUFFER_POOL_MB

N_DISTINCT = 24


def corpus(path: Path) -> None:
    docs = [{"id": d.id, "text": d.text, "date": d.date, "lang": d.lang}
            for d in generate(N_DISTINCT, lang="ar", seed=5, target_bytes=1500).docs]

    def exact(i: int) -> dict:
        words = docs[i]["text"].split(" ")
        words[3] += "ـ"  # a tatweel: other bytes (a new doc_id), the same normalized text
        return dict(docs[i], id=f"exact-of-{docs[i]['id']}", text="  ".join(words))

    def near(i: int) -> dict:
        words = docs[i]["text"].split()
        for k in range(50, len(words), 100):
            words[k] = "مراسلنا"
        return dict(docs[i], id=f"near-of-{docs[i]['id']}", text=" ".join(words))

    # batch 5: [0-4] [5-9] [10-14] [15-19] [20-24] [25-27]
    rows = docs[:7] + [near(5)] + docs[7:] + [exact(1), exact(7), near(12)]
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def decisions(db: Path) -> dict[str, tuple[str | None, str | None]]:
    with Store(db, read_only=True) as store:
        rows = store.sql("SELECT d.ext_id, a.ext_id, b.ext_id FROM documents d LEFT JOIN documents a "
                         "ON a.doc_id = d.dup_of LEFT JOIN documents b ON b.doc_id = d.near_dup_of")
    return {r[0]: (r[1], r[2]) for r in rows}


@pytest.mark.parametrize("cache_entries", [runner.CACHE_ENTRIES, 100])
def test_bounded_ingest_finds_the_known_duplicates(tmp_path: Path, monkeypatch, cache_entries: int) -> None:
    monkeypatch.setattr(runner, "CACHE_ENTRIES", cache_entries)
    src = tmp_path / "dups.jsonl"
    corpus(src)
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        rep = ingest([str(src)], store, IngestOptions(batch=5))
        limit = store.sql("SELECT current_setting('memory_limit')")[0][0]
        threads = store.sql("SELECT current_setting('threads')")[0][0]
    assert (rep.new, rep.duplicates, rep.near_duplicates, rep.skipped) == (N_DISTINCT, 2, 2, 0)
    got = decisions(db)
    dups = {k: v for k, v in got.items() if v != (None, None)}
    assert dups == {"exact-of-bench-5-00001": ("bench-5-00001", None),
                    "exact-of-bench-5-00007": ("bench-5-00007", None),
                    "near-of-bench-5-00005": (None, "bench-5-00005"),
                    "near-of-bench-5-00012": (None, "bench-5-00012")}
    number, unit = limit.split()
    assert unit == "MiB" and float(number) < 512  # DuckDB's default is 80% of the machine's memory
    assert int(threads) == 1


def test_an_ingest_that_reopens_the_store_after_every_batch_decides_and_bounds_the_same(tmp_path: Path, monkeypatch
                                                                                        ) -> None:
    """Issue 24, eleventh round: the ingest closes and opens the store again every ``REOPEN_BATCHES`` batches (DuckDB
    keeps memory for the rows appended through an open database until it is closed); done after every batch, the
    duplicate decisions are the same and the connection keeps ``bound_memory``'s settings."""
    monkeypatch.setattr(runner, "REOPEN_BATCHES", 1)
    src = tmp_path / "dups.jsonl"
    corpus(src)
    db = tmp_path / "store.duckdb"
    opened = []
    with Store(db) as store:
        rep = ingest([str(src)], store, IngestOptions(batch=5), on_batch=lambda _r: opened.append(id(store.con)))
        limit = store.sql("SELECT current_setting('memory_limit')")[0][0]
        threads = store.sql("SELECT current_setting('threads')")[0][0]
        checkpoint = store.sql("SELECT current_setting('checkpoint_threshold')")[0][0]
    assert rep.batches == 6 and len(set(opened)) > 1  # a new connection after a batch
    assert (rep.new, rep.duplicates, rep.near_duplicates, rep.skipped) == (N_DISTINCT, 2, 2, 0)
    assert {k: v for k, v in decisions(db).items() if v != (None, None)} == {
        "exact-of-bench-5-00001": ("bench-5-00001", None), "exact-of-bench-5-00007": ("bench-5-00007", None),
        "near-of-bench-5-00005": (None, "bench-5-00005"), "near-of-bench-5-00012": (None, "bench-5-00012")}
    from marsad.store.db import CHECKPOINT_MB

    assert float(limit.split()[0]) < 512 and int(threads) == 1
    assert checkpoint == f"{CHECKPOINT_MB * 1e6 / 2**20:.1f} MiB"


def test_reopen_leaves_an_unbounded_or_in_memory_store_alone() -> None:
    with Store(":memory:") as store:
        store.con.execute("CREATE TABLE t (a INTEGER)")
        con = store.con
        store.bound_memory()  # no effect on ":memory:"
        store.reopen()
        assert store.con is con and store.sql("SELECT count(*) FROM t") == [(0,)]


def test_bound_memory_empties_only_the_caches_over_the_limit(monkeypatch) -> None:
    @lru_cache(maxsize=None)
    def square(x: int) -> int:
        return x * x

    for i in range(10):
        square(i)
    monkeypatch.setattr(runner, "_caches", [square])
    monkeypatch.setattr(runner, "_caches_seen", len(sys.modules))  # no new module: the list is not rebuilt
    runner.bound_memory(limit=20)
    assert square.cache_info().currsize == 10
    runner.bound_memory(limit=5)
    assert square.cache_info().currsize == 0


def test_memory_limit_leaves_room_for_a_large_batch(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.bound_memory(batch=200)
        small = float(store.sql("SELECT current_setting('memory_limit')")[0][0].split()[0])
        store.bound_memory(batch=100_000)  # ~240 MB of new index nodes in one transaction
        large = float(store.sql("SELECT current_setting('memory_limit')")[0][0].split()[0])
    assert small < 200 and large - small >= 350


def test_memory_limit_leaves_room_for_the_indexes_of_an_existing_store(tmp_path: Path) -> None:
    """Reopened, a store's indexes load whole with the first batch: the limit counts them from the start."""
    with Store(tmp_path / "s.duckdb") as store:
        store.bound_memory()
        empty = float(store.sql("SELECT current_setting('memory_limit')")[0][0].split()[0])
        # the keys left (migration 010) are the bookkeeping tables': ``skipped`` is the one that can grow
        store.sql("INSERT INTO skipped SELECT 'f', i, 'w', 'r', 'run', now() FROM range(300000) r(i)")
        store.refresh_memory_limit()
        full = float(store.sql("SELECT current_setting('memory_limit')")[0][0].split()[0])
    # the limit counts the table cache, the batch's room and DuckDB's other memory besides the indexes, which
    # moves a little from one call to the next: the keys alone are checked against the cache and room
    room = (BUFFER_POOL_MB + 32) * 1e6 / 2**20  # set in MB, shown in MiB
    assert empty >= room and full >= 300_000 * 85 / 2**20 + room  # 96 bytes a key, counted in MB (10**6)


def test_an_ingest_that_checkpoints_at_every_commit_fits_the_limit_without_a_table_cache(tmp_path: Path, monkeypatch
                                                                                         ) -> None:
    """Issue 24, tenth round: DuckDB caches no table blocks during an ingest (``BUFFER_POOL_MB`` 0), only the
    batch's room besides what it holds pinned; a COMMIT that checkpoints (here every one: a 256 KB threshold) rewrites
    the data not yet checkpointed within that limit, and the limit stays that small however many batches pass."""
    src = tmp_path / "docs.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for d in generate(120, lang="ar", seed=11, target_bytes=2400).docs:
            fh.write(json.dumps({"id": d.id, "text": d.text, "date": d.date, "lang": d.lang}, ensure_ascii=False)
                     + "\n")
    from marsad.store import db

    with Store(tmp_path / "t.duckdb") as store:  # an ingest checkpoints every CHECKPOINT_MB of WAL
        store.bound_memory()
        setting = store.sql("SELECT current_setting('checkpoint_threshold')")[0][0]  # MB shown in MiB
        assert setting == f"{db.CHECKPOINT_MB * 1e6 / 2**20:.1f} MiB", setting
    bound = db.Store.bound_memory

    def every_commit(self, *a, **k) -> None:
        bound(self, *a, **k)
        self.con.execute("SET checkpoint_threshold = '256KB'")

    monkeypatch.setattr(db.Store, "bound_memory", every_commit)
    limits: list[float] = []
    with Store(tmp_path / "s.duckdb") as store:

        def on_batch(_rep) -> None:
            limits.append(float(store.sql("SELECT current_setting('memory_limit')")[0][0].split()[0]))

        rep = ingest([str(src)], store, IngestOptions(batch=20), on_batch=on_batch)
        assert rep.new == 120 and store.count("documents") == 120
    assert BUFFER_POOL_MB == 0
    assert len(limits) == 6 and max(limits) < 32 + 16, limits  # the room and a few MB pinned, in MiB


def test_a_batch_that_does_not_fit_the_room_is_written_again_under_a_higher_limit(tmp_path: Path, monkeypatch
                                                                                   ) -> None:
    """The room ``bound_memory`` leaves a batch is sized for ordinary ones; a batch that runs out of it (here: a room
    of 18 MB instead of 32) is rolled back and written once more under a limit ``OOM_ROOM_MB`` higher, then the limit
    is back; the clustering after the last batch likewise (its room is ``CLUSTER_ROOM_MB`` more)."""
    from marsad.store import db

    bound = db.Store.bound_memory

    def tiny_room(self, *a, **k) -> None:
        bound(self, *a, **k)
        self._table_cache_mb = 18  # too little for a batch's column blocks
        self.refresh_memory_limit()

    monkeypatch.setattr(db.Store, "bound_memory", tiny_room)
    refresh = db.Store.refresh_memory_limit
    rooms: list[int] = []

    def seen(self) -> None:
        rooms.append(self._table_cache_mb)
        refresh(self)

    monkeypatch.setattr(db.Store, "refresh_memory_limit", seen)
    src = tmp_path / "docs.jsonl"
    corpus(src)
    with Store(tmp_path / "s.duckdb") as store:
        rep = ingest([str(src)], store, IngestOptions(batch=5))
        assert rep.new + rep.duplicates + rep.near_duplicates == store.count("documents") == 28
    assert db.OOM_ROOM_MB + 18 in rooms  # a batch was written again under the higher limit
    assert db.OOM_ROOM_MB + db.CLUSTER_ROOM_MB + 18 in rooms  # the clustering too
    assert rooms[-1] == 18  # and the room is back after them
