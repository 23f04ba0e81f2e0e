"""``marsad cluster``: group the stored events that tell one act across articles and outlets (issue 23).

``marsad ingest`` clusters what it stores; this command clusters what is left (``--rebuild``: everything again,
e.g. after a coder upgrade). A few lines over ``Store.update_clusters`` / ``Store.rebuild_clusters``.
"""
from __future__ import annotations

import typer

from . import app
from .common import handles_errors, stdout_write


@app.command("cluster")
@handles_errors
def cluster_cmd(
    db: str = typer.Option("marsad.duckdb", "--db", help="The DuckDB store."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Cluster every stored event again, not only new ones."),
) -> None:
    """Group stored events that tell the same act (tables clusters and cluster_events)."""
    from ..store import Store

    with Store(db) as store:
        run = store.rebuild_clusters() if rebuild else store.update_clusters()
        total = store.sql("SELECT count(*), coalesce(sum(n_mentions), 0) FROM clusters")[0]
    stdout_write(f"clustered {run.tellings} tellings into {run.clusters} clusters ({run.removed} replaced) in "
                 f"{run.seconds:.2f} s; {db} holds {total[0]} clusters of {total[1]} tellings")
