"""Scale-out on Apache Spark: the same ``marsad.code`` on every executor, Parquet tables in and out.

- ``run(JobConfig) -> JobReport`` (``job``): read JSONL / Parquet / a directory of text files, code with
  ``mapInArrow`` (the KB loads once per executor Python process), write ``documents, entities, mentions, events,
  event_actors, quantities`` partitioned by ``date`` with exactly ``marsad.export.tables.SCHEMAS``, plus ``errors``.
- ``read_output(DIR) -> Iterator[TableBatch]`` (``output``): read a job's output back in exactly that schema
  (pyarrow only, no Spark needed) - e.g. for ``marsad ingest --from-parquet``.
- ``spark_session(master)`` (``session``): a quiet local or cluster session.

pyspark is the optional extra ``marsad[spark]``: nothing here imports it until a Spark function is called, so
``import marsad.scale`` and ``read_output`` work without it. May import ``marsad.pipeline``, ``marsad.errors``,
``marsad.export.tables``; never the CLI, the store or the API.
"""
from __future__ import annotations

from typing import Any

__all__ = sorted(["ERRORS_SCHEMA", "JobConfig", "JobReport", "TableBatch", "read_output", "read_table", "run",
                  "spark_session"])

_LAZY = {"ERRORS_SCHEMA": ".coder", "JobConfig": ".job", "JobReport": ".job", "run": ".job",
         "TableBatch": ".output", "read_output": ".output", "read_table": ".output", "spark_session": ".session"}


def __getattr__(name: str) -> Any:
    """Import submodules on first use (keeps ``import marsad.scale`` cheap and free of pyspark)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
