"""The DuckDB store: schema + migrations (``schema``), idempotent deduplicating upsert and checkpoints (``db``),
read queries for the CLI and the REST API (``queries``), duplicate keys (``dedup``).

May import ``marsad.model``, ``marsad.errors`` and ``marsad.export.tables``; never the CLI, API or ingest.
"""
from .db import DEFAULT_THRESHOLD, BatchResult, Prepared, SkippedRecord, Store, prepare
from .queries import EventFilter, Page

__all__ = sorted(["BatchResult", "DEFAULT_THRESHOLD", "EventFilter", "Page", "Prepared", "SkippedRecord", "Store",
                  "prepare"])
