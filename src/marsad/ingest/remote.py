"""Ingest through a running ``marsad serve``: the documents go to its ``POST /v1/documents``, never into the file.

Used by ``marsad ingest`` when a live server is announced beside the store (``store/serving.py``): DuckDB would
refuse the file to a second process, so the server, which holds it, codes and stores the documents itself. The
inputs are read as by a local ingest (same readers, same fields); they are sent in requests of at most
``options.batch`` documents (1,000 at most) and about 80% of the server's body limit; a document too large for one
request, or a record the readers cannot use, is counted as skipped with its reason. Storing is idempotent by
content hash, so running the same command again sends everything again and doubles nothing (there is no
checkpoint: the server's counts say ``already``). The token is the server's ``MARSAD_TOKEN``. Imports httpx (the
``api`` extra), ``ingest.readers`` and ``errors``.
"""
from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import InputError, StoreError, require
from ..store.serving import Server
from .readers import Doc, expand, read_inputs

MAX_DOCS = 1000  # what POST /v1/documents takes at once


def _payload(doc: Doc) -> dict[str, Any]:
    m = doc.meta
    return {"text": doc.text, "lang": m.lang, "date": m.date, "url": m.url, "title": m.title, "source": m.source}


def ingest_remote(paths: Iterable[str], server: Server, token: str | None, options, report,
                  on_batch: Callable[[Any], None] | None = None, stdin=None, timeout: float = 600.0):
    """Send the inputs' documents to ``server``; fill and return ``report`` (an ``IngestReport``)."""
    httpx = require("httpx", "marsad ingest into a store that marsad serve holds", "api")
    if not server.writable:
        raise StoreError(f"a marsad serve ({server.url}, pid {server.pid}) holds this store read-only: restart it "
                         "with MARSAD_TOKEN set so that ingest can write through it, or stop it")
    if not token:
        raise InputError(f"a marsad serve ({server.url}) holds this store: set MARSAD_TOKEN to its token so that "
                         "ingest can write through it, or stop the server")
    files = expand(list(paths))
    report.run_id = uuid.uuid4().hex[:16]
    started = time.perf_counter()
    budget = int(server.max_body * 0.8)
    per_request = min(options.batch, MAX_DOCS)
    with httpx.Client(base_url=server.url, timeout=timeout,
                      headers={"Authorization": f"Bearer {token}"}) as client:

        def send(batch: list[str], count: int) -> None:
            body = ('{"ner": %s, "documents": [' % json.dumps(options.ner) + ",".join(batch) + "]}").encode()
            try:
                r = client.post("/v1/documents", content=body, headers={"content-type": "application/json"})
            except httpx.TransportError as exc:
                raise StoreError(f"the marsad serve at {server.url} did not answer ({type(exc).__name__}); the "
                                 "documents sent before are stored: run the same command again to go on") from None
            if r.status_code != 200:
                try:
                    err = r.json()["error"]
                    said = f"{err['code']} {err['message']}"
                except (ValueError, KeyError, TypeError):
                    said = f"HTTP {r.status_code}"
                raise (InputError if r.status_code in (401, 429) else StoreError)(
                    f"the marsad serve at {server.url} refused the documents: {said}")
            got = r.json()
            report.read += count
            report.batches += 1
            report.new += got["new"]
            report.duplicates += got["duplicates"]
            report.near_duplicates += got["near_duplicates"]
            report.already += got["already"]
            report.events += got["events"]
            report.elapsed = time.perf_counter() - started
            if on_batch is not None:
                on_batch(report)

        batch: list[str] = []
        size = 0
        for item in read_inputs(files, options.fmt, options.fields, stdin=stdin):
            if not isinstance(item, Doc):
                report.skipped += 1
                report.read += 1
                report.skip_reasons[item.reason.split(":", 1)[0][:60]] += 1
                continue
            one = json.dumps(_payload(item), ensure_ascii=False)
            if len(one.encode()) + 64 > budget:
                report.skipped += 1
                report.read += 1
                report.skip_reasons["too large for the server's body limit"] += 1
                continue
            if batch and (len(batch) >= per_request or size + len(one.encode()) + 64 > budget):
                send(batch, len(batch))
                batch, size = [], 0
            batch.append(one)
            size += len(one.encode()) + 1
        if batch:
            send(batch, len(batch))
    report.elapsed = time.perf_counter() - started
    return report
