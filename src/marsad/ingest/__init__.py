"""Ingest: readers per source type (``readers``) and the streaming, resumable, parallel ingest loop (``runner``).

Sits on top of ``marsad.pipeline`` (coding), ``marsad.export.tables`` (flattening) and ``marsad.store``.
"""
from .readers import FORMATS, Doc, Skipped, parse_fields, read_inputs
from .runner import IngestOptions, IngestReport, ingest

__all__ = sorted(["Doc", "FORMATS", "IngestOptions", "IngestReport", "Skipped", "ingest", "parse_fields",
                  "read_inputs"])
