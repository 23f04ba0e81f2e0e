"""Streaming, resumable ingest: read -> code (in N processes) -> deduplicate + store, one transaction per batch.

``ingest(paths, store, options, on_batch)`` reads the inputs as a stream of items (documents or skipped records),
cuts it into batches of ``options.batch`` items, codes the new documents of each batch with ``marsad.code`` (in the
main process, or in ``options.workers`` spawned processes that each load the KB once; a worker that dies ends the
run with a CodingError, never a hang), and writes every batch with
``Store.upsert_batch`` in one transaction together with the checkpoint (input fingerprint + items consumed).

Crash safety: after a kill at any instant the store holds whole batches only, and the checkpoint says how many
items they cover; the next run over the same inputs skips exactly those items. Since documents are keyed by content
hash, even a lost checkpoint could double nothing. A finished input set is marked done and is not read again
(``restart=True`` reads it anyway; stored documents are still not duplicated).

Memory stays flat: readers stream, at most ``2 * workers + 1`` batches are in flight; a coding process runs with
the memo bounds of ``memos.INGEST_BOUNDS`` (or the smaller ``memos.MEMO_BOUNDS`` when asked: ``small_memos``), and
after each batch its ``functools`` caches that outgrew ``CACHE_ENTRIES`` are emptied and freed heap is handed back
to the system (``bound_memory``), and once the last batch is coded in this process its memos are emptied before the
clustering (``memos.forget_coder_memos``); DuckDB keeps no table cache and checkpoints often
(``Store.bound_memory``). Near duplicates are found against every canonical document stored (the LSH band keys live
in the ``lsh_bands`` table, probed per batch), so the dedup horizon is the whole store and costs no process memory.
See README, Speed, for the measured peak RSS.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import uuid
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..errors import CodingError, InputError, MarsadError
from ..export.tables import DocMeta
from ..pipeline import doc_id_of
from ..store.db import DEFAULT_THRESHOLD, Prepared, SkippedRecord, Store, is_interrupt, prepare
from .memos import INGEST_BOUNDS, MEMO_BOUNDS, bound_coder_memos, forget_coder_memos
from .readers import DEFAULT_FIELDS, Doc, Item, Skipped, expand, fingerprint, read_inputs

__all__ = ["IngestOptions", "IngestReport", "code_batch", "ingest"]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    fmt: str = "auto"
    fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    workers: int = 1
    batch: int = 200
    near_dup_threshold: float | None = DEFAULT_THRESHOLD  # None: exact duplicates only
    restart: bool = False  # read an input set again even if a checkpoint says it is done
    ner: bool = False  # also find names the KB does not know (``marsad.code(..., ner=True)``)
    small_memos: bool = False  # memos.MEMO_BOUNDS instead of memos.INGEST_BOUNDS (less memory, 9-16% more CPU)

    def validated(self) -> "IngestOptions":
        if not 1 <= self.workers <= 64:
            raise InputError(f"--workers must be between 1 and 64, not {self.workers}")
        if not 1 <= self.batch <= 100_000:
            raise InputError(f"--batch must be between 1 and 100000, not {self.batch}")
        t = self.near_dup_threshold
        if t is not None and not 0.5 <= t <= 1.0:
            raise InputError(f"--near-dup-threshold must be between 0.5 and 1.0 (0 to turn it off), not {t}")
        return self


@dataclass(slots=True)
class IngestReport:
    run_id: str = ""
    read: int = 0  # items read this run (documents + skipped records)
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    already: int = 0  # same text stored before (or repeated in the input)
    skipped: int = 0
    events: int = 0  # events stored this run (canonical + duplicates)
    canonical_events: int = 0
    resumed_from: int = 0  # items skipped thanks to a checkpoint
    already_done: bool = False  # the whole input set was ingested before
    batches: int = 0
    clusters: int = 0  # event clusters written (new or rebuilt) after the last batch
    elapsed: float = 0.0
    skip_reasons: Counter = field(default_factory=Counter)
    skip_examples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def docs_per_s(self) -> float:
        return (self.read - self.skipped) / self.elapsed if self.elapsed > 0 else 0.0

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "new": self.new, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates, "already": self.already, "skipped": self.skipped,
                "events": self.events}


# -- coding (runs in worker processes) ----------------------------------------------------------------------------
def code_batch(docs: list[tuple[int, DocMeta, str]], near_dups: bool,
               ner: bool = False, small_memos: bool = False) -> list[tuple[int, Prepared | Skipped]]:
    """Code documents and flatten them for the store; a document the coder fails on becomes a Skipped. ``ner``
    also finds names the KB does not know (stored as entities ``new:<kind>:<name>``)."""
    from ..pipeline import code

    # once per process in effect: the memos of a long-running coder stay small (ingest.memos)
    bound_coder_memos(MEMO_BOUNDS if small_memos else INGEST_BOUNDS)
    out: list[tuple[int, Prepared | Skipped]] = []
    for pos, meta, text in docs:
        try:
            doc = code(text, lang=meta.lang, date=meta.date, url=meta.url, ner=ner)
        except MarsadError as exc:
            out.append((pos, Skipped(meta.path or "?", f"coding failed: {exc.code} {exc}")))
            continue
        except Exception as exc:  # noqa: BLE001 - a coder bug on one document must not stop the ingest
            out.append((pos, Skipped(meta.path or "?", f"coding failed: {type(exc).__name__}: {exc}")))
            continue
        out.append((pos, prepare(doc, meta, near_dups=near_dups)))  # our own code: its errors are not hidden
    bound_memory()
    return out


CACHE_ENTRIES = 20_000  # a coder memo cache holding more entries than this is emptied between batches
_caches: list = []
_caches_seen = 0


def bound_memory(limit: int | None = None) -> None:
    """Keep a long-running coding process flat: empty every ``functools`` memo cache of marsad holding more than
    ``limit`` entries (their results are pure functions of the key, so the output is unchanged; the words of a
    growing corpus would otherwise fill the 200,000-entry caches of ``extract.words``, ~0.7 KB an entry, and the
    unbounded ones), then ask glibc to return freed heap pages to the system (``malloc_trim``)."""
    global _caches_seen
    if len(sys.modules) != _caches_seen:  # a module imported since the last look may hold caches
        _caches_seen = len(sys.modules)
        _caches[:] = [obj for name, mod in list(sys.modules.items()) if name.startswith("marsad") and mod is not None
                      for obj in list(vars(mod).values()) if hasattr(obj, "cache_info") and hasattr(obj, "cache_clear")]
    for fn in _caches:
        if fn.cache_info().currsize > (CACHE_ENTRIES if limit is None else limit):
            fn.cache_clear()
    _malloc_trim()


def _malloc_trim() -> None:
    global _trim
    if _trim is None:
        _trim = False
        if sys.platform.startswith("linux"):
            import ctypes

            try:
                _trim = ctypes.CDLL(None).malloc_trim
            except (OSError, AttributeError):  # pragma: no cover - not glibc (musl has no malloc_trim)
                _trim = False
    if _trim:
        _trim(0)


_trim = None


def _warm_worker(parent: int | None = None) -> None:
    """Load the KB once per worker process (the first ``code`` call does); leave Ctrl-C to the main process, which
    stops cleanly (the terminal sends SIGINT to the whole process group); die with the ingest process."""
    import signal

    from ..pipeline import code

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)

    code("warm up", lang="en")


def _die_with_parent(parent: int | None) -> None:
    """Linux: ask the kernel to kill this worker when the ingest process dies, even by ``kill -9`` (two ~195 MB
    workers kept running, and with them the resource tracker that waits for their end). A parent already gone
    before the request (``parent`` no longer ours) ends the worker at once. Elsewhere: nothing to ask."""
    import signal

    if not sys.platform.startswith("linux") or parent is None:
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return
    if os.getppid() != parent:
        os._exit(1)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


# -- the loop -----------------------------------------------------------------------------------------------------
def _batches(items: Iterator[Item], start: int, size: int) -> Iterator[tuple[int, list[tuple[int, Item]]]]:
    """(position after the batch, [(position, item)]) for the items after ``start``."""
    batch: list[tuple[int, Item]] = []
    pos = 0
    for pos, item in enumerate(items, 1):
        if pos <= start:
            continue
        batch.append((pos, item))
        if len(batch) >= size:
            yield pos, batch
            batch = []
    if batch:
        yield pos, batch


class _CtrlC:
    """Remembers a Ctrl-C for the batch loop of ``ingest``: the interrupt raises KeyboardInterrupt as it always did,
    and is also kept as a flag that the loop checks after each committed batch, because DuckDB may take the signal
    while it runs a statement and let the statement end without raising (seen on a loaded host: every batch after
    the Ctrl-C was committed and the run ended "done"). Installed only in the main thread (signals go there)."""

    def __init__(self) -> None:
        self.hit = False
        self._previous = None

    def install(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handler)

    def _handler(self, signum, frame) -> None:  # noqa: ARG002 - the signal module's signature
        self.hit = True
        raise KeyboardInterrupt

    def check(self) -> None:
        """Stop at this batch boundary if a Ctrl-C came and was swallowed on the way."""
        if self.hit:
            raise KeyboardInterrupt

    def restore(self) -> None:
        """Put back the SIGINT handler found by ``install``."""
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None


def ingest(paths: Iterable[str], store: Store, options: IngestOptions | None = None,
           on_batch: Callable[[IngestReport], None] | None = None, stdin=None) -> IngestReport:
    """Ingest the inputs into the store (see the module docstring). Raises InputError for missing paths."""
    opts = (options or IngestOptions()).validated()
    paths = list(paths)
    own = {os.path.abspath(store.path), os.path.abspath(store.path) + ".wal"}
    files = [f for f in expand(paths) if f == "-" or os.path.abspath(f) not in own]  # fails early on a missing path
    if not files:
        raise InputError("nothing to read: the inputs hold only the database itself")
    fp = fingerprint(files, opts.fmt, opts.fields)
    inputs = " ".join(paths)[:2000]
    report = IngestReport(run_id=uuid.uuid4().hex[:16])
    started = time.perf_counter()
    start = 0
    if fp is not None:
        if opts.restart:
            store.reset_checkpoint(fp)
        start, done = store.checkpoint(fp)
        if done:
            report.already_done = True
            report.resumed_from = start
            return report
        report.resumed_from = start
    store.bound_memory(batch=opts.batch)
    store.start_run(report.run_id, inputs)
    near = opts.near_dup_threshold is not None
    stream = read_inputs(files, opts.fmt, opts.fields, stdin=stdin)
    status = "failed"
    pool = None
    ctrl_c = _CtrlC()
    try:
        ctrl_c.install()
        if opts.workers > 1:
            pool = ProcessPoolExecutor(opts.workers, mp_context=mp.get_context("spawn"), initializer=_warm_worker,
                                       initargs=(os.getpid(),))
        pending: deque = deque()
        for end, batch in _batches(stream, start, opts.batch):
            job = _submit(batch, store, near, pool, opts.ner, opts.small_memos)
            pending.append((end, batch, job))
            while pending and (pool is None or len(pending) > 2 * opts.workers):
                _finish(pending.popleft(), store, opts, fp, inputs, report, started, on_batch)
                ctrl_c.check()
        while pending:
            _finish(pending.popleft(), store, opts, fp, inputs, report, started, on_batch)
            ctrl_c.check()
        if pool is None:  # coded here: the coder's memos are done with, their memory goes to the clustering
            forget_coder_memos()
            _malloc_trim()
        # before the input is marked done, so that a run killed while clustering clusters on the next run
        report.clusters = store.update_clusters().clusters  # the acts the new tellings joined or opened
        if fp is not None:
            end_pos = start + report.read
            store.finish_checkpoint(fp, inputs, end_pos)
        status = "done"
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt) or is_interrupt(exc):
            status = "interrupted"
            raise KeyboardInterrupt from None
        raise
    finally:
        ctrl_c.restore()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        report.elapsed = time.perf_counter() - started
        store.finish_run(report.run_id, status, report.counts())
    return report


def _submit(batch: list[tuple[int, Item]], store: Store, near: bool, pool, ner: bool = False,
            small_memos: bool = False):
    """Drop documents already stored (no need to code them again), then code the rest (async with a pool)."""
    docs = [(pos, it.meta, it.text) for pos, it in batch if isinstance(it, Doc)]
    ids = [doc_id_of(text) for _, _, text in docs]
    stored = {r[0] for r in store.sql("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                                      [ids])} if ids else set()
    todo, seen = [], set()
    already = 0
    for d, did in zip(docs, ids):
        if did in stored or did in seen:
            already += 1
            continue
        seen.add(did)
        todo.append(d)
    if pool is None:
        return already, code_batch(todo, near, ner, small_memos)
    return already, pool.submit(code_batch, todo, near, ner, small_memos)


def _finish(entry, store: Store, opts: IngestOptions, fp: str | None, inputs: str, report: IngestReport,
            started: float, on_batch) -> None:
    end, batch, (already, job) = entry
    try:
        coded = job if isinstance(job, list) else job.result()
    except BrokenProcessPool:
        raise CodingError("a coding worker process died (out of memory?); every committed batch is kept: "
                          "run the same command again to resume") from None
    skipped = [SkippedRecord(it.where, it.reason, pos) for pos, it in batch if isinstance(it, Skipped)]
    prepared = []
    for pos, res in coded:
        if isinstance(res, Skipped):
            skipped.append(SkippedRecord(res.where, res.reason, pos))
        else:
            prepared.append(res)
    result = store.upsert_batch(prepared, near_dup_threshold=opts.near_dup_threshold, run_id=report.run_id,
                                skipped=skipped, checkpoint=(fp, inputs, end) if fp is not None else None)
    report.read += len(batch)
    report.batches += 1
    report.new += result.new
    report.duplicates += result.duplicates
    report.near_duplicates += result.near_duplicates
    report.already += result.already + already
    report.events += result.events
    report.canonical_events += result.canonical_events
    report.skipped += len(skipped)
    for s in skipped:
        report.skip_reasons[_reason_kind(s.reason)] += 1
        if len(report.skip_examples) < 20:
            report.skip_examples.append((s.where, s.reason))
    if report.batches % REOPEN_BATCHES == 0:
        store.reopen()  # what DuckDB keeps for the rows appended through the open database goes with it
    report.elapsed = time.perf_counter() - started
    if on_batch is not None:
        on_batch(report)


# the store is closed and opened again after every this many batches (Store.reopen: ~2 bytes a row appended, ~1.2M
# rows per 10,000 generated articles, held by DuckDB until the database is closed); ~0.1 s each
REOPEN_BATCHES = 50


def _reason_kind(reason: str) -> str:
    """Group skip reasons for the summary: the text before any colon or parenthesis."""
    head = reason.split(":", 1)[0].split("(", 1)[0].strip()
    return head[:60] or reason[:60]
