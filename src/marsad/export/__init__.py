"""Exports of coded documents: the one flattening into tables (``tables``), GDELT 2.0 TSV (``gdelt``),
PLOVER/POLECAT JSON lines (``plover``), Parquet and CSV (``files``).

May import ``marsad.model``, ``marsad.errors`` and (for reading a store) ``marsad.store``.
"""
from .tables import SCHEMAS, TABLES, DocMeta, doc_tables, merge, to_arrow

__all__ = sorted(["DocMeta", "SCHEMAS", "TABLES", "doc_tables", "merge", "to_arrow"])
