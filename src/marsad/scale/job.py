"""The Spark job: code a corpus with ``marsad.code`` on every executor and write Parquet tables.

Contract: ``run(JobConfig) -> JobReport``. Input (JSONL, Parquet or a directory of text files, see ``inputs``) is
split into partitions, each coded with ``DataFrame.mapInArrow(coder.code_batches)`` - the knowledge base loads once
per executor Python process - and the result is written under ``output/`` as one Parquet dataset per table of
``marsad.export.tables.TABLES`` (documents, entities, mentions, events, event_actors, quantities), partitioned by
``date`` (``date=YYYY-MM-DD/``, undated documents under ``date=__HIVE_DEFAULT_PARTITION__/``), with exactly the
columns and types of ``tables.SCHEMAS`` (``marsad.scale.read_output`` reads them back in that schema), plus an
``errors`` dataset (``coder.ERRORS_SCHEMA``) holding one row per document that could not be read or coded, and
``_marsad.json`` (counts, versions, timings) when the output is on the local file system. A bad document never
stops the job; a bad option or path stops it before any work, with one clear line.

mapInArrow rather than mapInPandas: the tables are defined as Arrow schemas, and pandas would turn nullable integer
columns into floats and nested lists into objects on the way; the executor model (one long-lived Python worker per
core, fed Arrow batches) is the same.

Runnable by spark-submit, which then decides the master::

    spark-submit --py-files marsad.zip src/marsad/scale/job.py --input in.jsonl --output out/
    python -m marsad.scale.job --input in.jsonl --output out/ --master local[2]

Imports ``marsad.scale.*``, ``marsad.export.tables``, ``marsad.pipeline`` (versions), ``marsad.errors``; never the CLI.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from typing import Any

if __package__ in (None, ""):  # run as a file by spark-submit: import the installed (or --py-files) package
    from marsad.errors import InputError, MarsadError, require
    from marsad.scale.coder import CODED_SCHEMA, OUTPUT_TABLES, CoderOptions, code_batches, field_map
    from marsad.scale.inputs import FORMATS, check_input, is_local, local_path, read_input
    from marsad.scale.session import spark_session
else:
    from ..errors import InputError, MarsadError, require
    from .coder import CODED_SCHEMA, OUTPUT_TABLES, CoderOptions, code_batches, field_map
    from .inputs import FORMATS, check_input, is_local, local_path, read_input
    from .session import spark_session

MANIFEST = "_marsad.json"
PARTITION_COLUMN = "date"


@dataclass
class JobConfig:
    """Everything one run needs; the CLI and ``main`` build it from their options."""

    input: str
    output: str
    master: str | None = None  # None: whatever spark-submit / spark-defaults set, else local[*]
    partitions: int | None = None  # None: keep the input's split, but at least 2 x the cores
    fmt: str = "auto"
    fields: dict[str, str] = field(default_factory=dict)  # {"text": "body"} JSON key / column overrides
    date: str | None = None  # date for records without one (YYYY-MM-DD)
    lang: str | None = None  # force a language; None detects per document
    overwrite: bool = False
    batch_size: int = 500  # documents per Arrow batch handed to a Python worker
    max_records_per_file: int = 1_000_000
    conf: dict[str, str] = field(default_factory=dict)  # extra Spark settings (--conf k=v)
    ner: bool = False  # also find names the KB does not know (marsad.code(..., ner=True))


@dataclass
class JobReport:
    """What a run did; also written as ``_marsad.json`` next to a local output."""

    input: str
    output: str
    master: str
    partitions: int
    documents: int
    errors: int
    rows: dict[str, int]
    duplicate_doc_ids: int
    seconds: float
    docs_per_second: float
    kb_version: str | None
    coder_version: str | None
    finished: str
    first_errors: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _check_output(config: JobConfig) -> None:
    if not is_local(config.output):
        return  # remote stores: Spark's own "error if exists" mode refuses an existing table directory
    path = local_path(config.output)
    if os.path.isfile(path):
        raise InputError(f"--output {config.output} is a file; give a directory")
    if os.path.isdir(path) and os.listdir(path):
        if not config.overwrite:
            raise InputError(f"--output {config.output} exists and is not empty: pass --overwrite or choose a new directory")
        known = set(OUTPUT_TABLES) | {MANIFEST}
        strangers = [n for n in os.listdir(path) if n not in known and not n.startswith((".", "_"))]
        if strangers:  # never wipe a directory that is not a marsad output
            raise InputError(f"--output {config.output} holds files that are not marsad tables ({', '.join(sorted(strangers)[:3])}); "
                             "choose an empty or new directory")
        for name in OUTPUT_TABLES:
            shutil.rmtree(os.path.join(path, name), ignore_errors=True)


def _validate(config: JobConfig) -> CoderOptions:
    check_input(config.input, config.fmt)
    if config.partitions is not None and config.partitions < 1:
        raise InputError(f"--partitions {config.partitions}: give a positive number")
    if config.batch_size < 1:
        raise InputError(f"--batch-size {config.batch_size}: give a positive number")
    if config.date:
        try:
            dt.date.fromisoformat(config.date)
        except ValueError:
            raise InputError(f"--date {config.date!r} is not a date in the form YYYY-MM-DD") from None
    if config.lang not in (None, "auto", "ar", "en"):
        raise InputError(f"--lang {config.lang!r}: use ar, en or auto")
    if os.path.abspath(local_path(config.input)).rstrip("/") == os.path.abspath(local_path(config.output)).rstrip("/"):
        raise InputError("--input and --output are the same directory")
    return CoderOptions(keys=field_map(config.fields), default_date=config.date or None,
                        default_lang=None if config.lang in (None, "auto") else config.lang, ner=config.ner)


def coded_frame(spark: Any, config: JobConfig, options: CoderOptions) -> Any:
    """The DataFrame of ``CODED_SCHEMA`` (one row per input record), not yet computed."""
    from pyspark.sql.pandas.types import from_arrow_schema

    df = read_input(spark, config.input, config.fmt, options.keys)
    cores = spark.sparkContext.defaultParallelism
    if config.partitions:
        df = df.repartition(config.partitions)
    elif df.rdd.getNumPartitions() < cores:
        df = df.repartition(2 * cores)  # one big file is one split: spread it so every core codes
    return df.mapInArrow(functools.partial(code_batches, options=options), from_arrow_schema(CODED_SCHEMA))


def _by_date(coded: Any, partitions: int) -> Any:
    """Gather each date's documents into one partition (the one shuffle of coded rows), so that every table is then
    written without another one and a decade of days gives one file per day, not one per day per partition."""
    from pyspark.sql import functions as F

    day = F.coalesce(F.get("documents", 0).getField(PARTITION_COLUMN), F.get("errors", 0).getField(PARTITION_COLUMN))
    return coded.repartition(partitions, day)  # as many partitions as coded them: no tiny tasks


def _write_table(coded: Any, name: str, config: JobConfig) -> None:
    from pyspark.sql import functions as F

    rows = coded.select(F.explode(name).alias("r")).select("r.*")
    mode = "overwrite" if config.overwrite else "errorifexists"
    target = config.output.rstrip("/") + "/" + name
    if name == "errors":
        rows.coalesce(1).write.mode(mode).parquet(target)
        return
    key = [c for c in ("doc_id", "event_id", "entity_id", "quantity_id", "start") if c in rows.columns]
    (rows.sortWithinPartitions(PARTITION_COLUMN, *key).write.mode(mode)
     .option("maxRecordsPerFile", str(config.max_records_per_file)).partitionBy(PARTITION_COLUMN).parquet(target))


def run(config: JobConfig, spark: Any = None) -> JobReport:
    """Code ``config.input`` and write the tables under ``config.output`` (see the module docstring)."""
    options = _validate(config)
    require("pyspark.sql", "marsad spark", "spark")  # before any work: the install command, not a traceback
    _check_output(config)
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if spark is None:
        spark = spark_session(config.master, app_name="marsad-code",
                              conf={"spark.sql.execution.arrow.maxRecordsPerBatch": config.batch_size, **config.conf})
    else:
        spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(config.batch_size))
    start = time.perf_counter()
    frame = coded_frame(spark, config, options)
    partitions = frame.rdd.getNumPartitions()
    coded = _by_date(frame, partitions).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        first_doc = F.get("documents", 0)
        sums = coded.select(F.count(F.lit(1)).alias("records"),
                            *[F.sum(F.size(name)).alias(name) for name in OUTPUT_TABLES],
                            F.min(first_doc.getField("kb_version")).alias("kb_min"),
                            F.max(first_doc.getField("kb_version")).alias("kb_max"),
                            F.max(first_doc.getField("coder_version")).alias("coder")).first()
        rows = {name: int(sums[name] or 0) for name in OUTPUT_TABLES}
        for name in OUTPUT_TABLES:
            _write_table(coded, name, config)
        doc_ids = coded.select(F.explode("documents.doc_id").alias("doc_id"))
        dups = doc_ids.groupBy("doc_id").count().where(F.col("count") > 1).count() if rows["documents"] else 0
        first = ([r.asDict() for r in coded.select(F.explode("errors").alias("e")).select("e.*").limit(5).collect()]
                 if rows["errors"] else [])
    finally:
        coded.unpersist()
    seconds = time.perf_counter() - start
    for err in first:
        err["date"] = err["date"].isoformat() if err.get("date") else None
    kb_version = sums["kb_min"] if sums["kb_min"] == sums["kb_max"] else f"{sums['kb_min']}..{sums['kb_max']}"
    report = JobReport(
        input=config.input, output=config.output, master=spark.sparkContext.master, partitions=partitions,
        documents=rows["documents"], errors=rows["errors"], rows=rows, duplicate_doc_ids=int(dups),
        seconds=round(seconds, 3), docs_per_second=round(rows["documents"] / seconds, 2) if seconds else 0.0,
        kb_version=kb_version, coder_version=sums["coder"],
        finished=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), first_errors=first)
    if is_local(config.output):
        with open(os.path.join(local_path(config.output), MANIFEST), "w", encoding="utf-8") as fh:
            json.dump(report.to_dict(), fh, ensure_ascii=False, indent=2)
    return report


def parse_fields(values: list[str] | None) -> dict[str, str]:
    """``["text=body", "id=guid"]`` -> ``{"text": "body", "id": "guid"}``; a malformed item is an InputError."""
    out: dict[str, str] = {}
    for item in values or []:
        name, sep, key = item.partition("=")
        if not sep or not name or not key:
            raise InputError(f"--field {item!r}: write it as FIELD=KEY, e.g. --field text=body")
        out[name.strip()] = key.strip()
    return out


def parse_conf(values: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        if not sep or not name.startswith("spark."):
            raise InputError(f"--conf {item!r}: write it as spark.KEY=VALUE")
        out[name] = value
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marsad.scale.job", description="Code a corpus with marsad on Spark and "
                                "write Parquet tables partitioned by date.")
    p.add_argument("--input", required=True, help="JSONL file/dir/glob, Parquet file/dir, or a directory of .txt")
    p.add_argument("--output", required=True, help="output directory (one sub-directory per table)")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, default=None, help="repartition the input into N partitions")
    p.add_argument("--format", dest="fmt", default="auto", choices=FORMATS)
    p.add_argument("--field", action="append", metavar="FIELD=KEY", help="input key for a field, e.g. text=body")
    p.add_argument("--date", default=None, help="date (YYYY-MM-DD) for documents that carry none")
    p.add_argument("--lang", default=None, help="ar | en | auto (default: detect per document)")
    p.add_argument("--batch-size", type=int, default=500, help="documents per Arrow batch (default 500)")
    p.add_argument("--overwrite", action="store_true", help="replace the tables of an earlier run in --output")
    p.add_argument("--conf", action="append", metavar="spark.KEY=VALUE", help="extra Spark setting")
    p.add_argument("--ner", action="store_true", help="also find names the knowledge base does not know (Arabic)")
    return p


def main(argv: list[str] | None = None) -> int:
    """spark-submit / ``python -m marsad.scale.job`` entry point; prints the report as JSON on stdout."""
    args = build_parser().parse_args(argv)
    try:
        config = JobConfig(input=args.input, output=args.output, master=args.master, partitions=args.partitions,
                           fmt=args.fmt, fields=parse_fields(args.field), date=args.date, lang=args.lang,
                           overwrite=args.overwrite, batch_size=args.batch_size, conf=parse_conf(args.conf),
                           ner=args.ner)
        report = run(config)
    except MarsadError as exc:
        print(f"marsad: error {exc.code}: {exc}", file=sys.stderr)
        return exc.exit_code
    print(json.dumps(report.to_dict(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
