"""Exports of coded documents: the one flattening into tables (``tables``), GDELT 2.0 TSV (``gdelt``),
PLOVER/POLECAT JSON lines (``plover``), Parquet and CSV (``files``).

May import ``marsad.model``, ``marsad.errors`` and (for reading a store) ``marsad.store``.
"""
from typing import Any

from .tables import TABLES, DocMeta, doc_tables, merge, to_arrow

__all__ = sorted(["DocMeta", "SCHEMAS", "TABLES", "doc_tables", "merge", "to_arrow"])


def __getattr__(name: str) -> Any:
    """``SCHEMAS`` on first use (it imports pyarrow: see ``tables``)."""
    if name == "SCHEMAS":
        from . import tables

        return tables.SCHEMAS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
