"""`marsad spark code`: code a corpus on Apache Spark (a thin wrapper over ``marsad.scale.job.run``).

pyspark is the optional extra ``marsad[spark]``; without it the command says which install command to run.
"""
from __future__ import annotations

import json

import typer
from rich.table import Table

from . import app
from .common import console, handles_errors, parse_date

spark_app = typer.Typer(help="Run the coder on Apache Spark (needs the spark extra: pip install marsad\\[spark], and Java 17).",
                        no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("code")
@handles_errors
def spark_code(
    input_: str = typer.Option(..., "--input", "-i", help="JSONL file/dir/glob, Parquet file/dir, or a directory of .txt files."),
    output: str = typer.Option(..., "--output", "-o", help="Output directory: one Parquet dataset per table."),
    master: str = typer.Option(None, "--master", help="Spark master, e.g. local[2], yarn, k8s://... (default local[*])."),
    partitions: int = typer.Option(None, "--partitions", "-p", help="Repartition the input into N partitions."),
    fmt: str = typer.Option("auto", "--format", help="auto, jsonl, parquet or text."),
    field: list[str] = typer.Option(None, "--field", help="Input key for a field, e.g. --field text=body (repeatable)."),
    date: str = typer.Option(None, "--date", help="Date YYYY-MM-DD for documents that carry none."),
    lang: str = typer.Option("auto", "--lang", help="ar, en or auto (detect per document)."),
    batch_size: int = typer.Option(500, "--batch-size", help="Documents per Arrow batch sent to a Python worker."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the tables of an earlier run in --output."),
    conf: list[str] = typer.Option(None, "--conf", help="Extra Spark setting spark.KEY=VALUE (repeatable)."),
    ner: bool = typer.Option(False, "--ner", help="Also find names the knowledge base does not know (Arabic)."),
    as_json: bool = typer.Option(False, "--json", help="Print the run report as JSON instead of a table."),
) -> None:
    """Code every document with marsad on Spark and write Parquet tables under OUTPUT (partitioned by date)."""
    from ..scale.job import JobConfig, parse_conf, parse_fields, run

    day = parse_date(date)
    config = JobConfig(input=input_, output=output, master=master, partitions=partitions, fmt=fmt,
                       fields=parse_fields(field), date=day.isoformat() if day else None,
                       lang=None if lang == "auto" else lang, overwrite=overwrite, batch_size=batch_size,
                       conf=parse_conf(conf), ner=ner)
    report = run(config)
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    table = Table(title=f"marsad spark code -> {report.output}", show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in report.rows.items():
        table.add_row(name, f"{count:,}")
    console.print(table)
    console.print(f"{report.documents:,} documents coded in {report.seconds:.1f} s "
                  f"({report.docs_per_second:,.1f} docs/s) on {report.master}, {report.partitions} partitions; "
                  f"kb {report.kb_version}, coder {report.coder_version}")
    if report.duplicate_doc_ids:
        console.print(f"{report.duplicate_doc_ids:,} texts occur more than once (same doc_id): "
                      "every copy is kept; a loader keyed on doc_id stores each once")
    if report.errors:
        console.print(f"[yellow]{report.errors:,} documents could not be coded[/yellow] (see {report.output}/errors):")
        for err in report.first_errors:
            where = err.get("ext_id") or err.get("path") or "?"
            console.print(f"  {where}: {err['error_code']} {err['message']}", markup=False, highlight=False)


@spark_app.command("cluster")
@handles_errors
def spark_cluster(
    input_: str = typer.Option(..., "--input", "-i", help="The output directory of `marsad spark code`."),
    output: str = typer.Option(None, "--output", "-o", help="Where clusters/ and cluster_events/ go (default: "
                               "beside the tables, in --input)."),
    master: str = typer.Option(None, "--master", help="Spark master, e.g. local[2] (default local[*])."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the clusters of an earlier run."),
    conf: list[str] = typer.Option(None, "--conf", help="Extra Spark setting spark.KEY=VALUE (repeatable)."),
) -> None:
    """Cluster the coded events across articles (one act, many reports) on Spark: the clustering of `marsad
    cluster`, partitioned by type family and month of days, with the same result."""
    from ..scale.cluster import ClusterJobConfig, run_clusters
    from ..scale.job import parse_conf

    report = run_clusters(ClusterJobConfig(input=input_, output=output or input_, master=master,
                                           overwrite=overwrite, conf=parse_conf(conf)))
    console.print(f"{report.tellings:,} tellings -> {report.clusters:,} clusters in {report.blocks:,} blocks, "
                  f"{report.seconds:.1f} s on {report.master}; wrote {report.output}/clusters and "
                  f"{report.output}/cluster_events", markup=False, highlight=False)
