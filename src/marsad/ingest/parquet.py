"""`marsad ingest --from-parquet DIR`: load the tables the Spark job wrote (``marsad.scale.read_output``) into the
store without coding again, in one transaction, with the store's usual duplicate decisions."""
from __future__ import annotations

import os
import uuid

from ..errors import InputError
from ..store.db import DEFAULT_THRESHOLD, Store


def load_parquet(directory: str, store: Store, near_dup_threshold: float | None = DEFAULT_THRESHOLD) -> dict:
    if not os.path.isdir(directory):
        raise InputError(f"--from-parquet {directory}: no such directory")
    from ..scale.output import read_output  # pyarrow only; no Spark needed to read

    run_id = uuid.uuid4().hex[:16]
    store.start_run(run_id, f"parquet:{directory}")
    batches = ((tb.table, tb.batch) for tb in read_output(directory))
    counts = store.load_batches(batches, source=os.path.abspath(directory), near_dup_threshold=near_dup_threshold,
                                run_id=run_id)
    counts["clusters"] = store.update_clusters().clusters  # as ``marsad ingest`` does
    store.finish_run(run_id, "done", {"read": counts["documents"] + counts["already"],
                                      "new": counts["new"], "duplicates": counts["duplicates"],
                                      "near_duplicates": counts["near_duplicates"], "skipped": counts["errors"],
                                      "events": counts["events"]})
    return counts
