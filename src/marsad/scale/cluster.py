"""The event clustering as a Spark job over the Parquet tables of ``marsad spark code`` (issue 23, item 4).

Contract: ``run_clusters(ClusterJobConfig) -> ClusterJobReport``. It reads ``events``, ``event_actors``,
``quantities``, ``entities`` and ``documents`` under ``input``, builds one telling per event with the same function
as the store (``marsad.cluster.build.telling``: Spark only joins and groups the rows it needs), and clusters them
with the same engine (``marsad.cluster.cluster_events`` + ``summarize``), partitioned by type family and by a block
of ``CHUNK_DAYS`` anchor days: a telling goes to every block whose rebuild needs it (``cluster.engine.load_range``:
a dated telling to the blocks of its day +-1, an undated one to those of its article date -2..+1), and each block
keeps the clusters anchored in it, which is exactly what a single-machine run gives (tested in local mode against
``marsad ingest --from-parquet`` + ``marsad cluster --rebuild``). Written under ``output``: ``clusters/`` (the
columns of the store's ``clusters`` table) and ``cluster_events/`` (event_id, cluster_id, doc_id).

Imports marsad.cluster, marsad.errors, marsad.scale.session; pyspark lazily.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from ..cluster import Cluster, cluster_events, summarize
from ..cluster.build import act_day, telling
from ..cluster.records import family_of
from ..errors import InputError, require

CHUNK_DAYS = 31
ONE = dt.timedelta(days=1)
CLUSTER_COLUMNS = [f for f in Cluster.__dataclass_fields__ if f != "event_ids"]
_TELLING_KEYS = ("event_id", "doc_id", "outlet", "date", "time_value", "time_relation", "type", "cameo",
                 "cameo_root", "mode", "modality", "quad_class", "goldstein", "location_entity", "location_name",
                 "location_country", "location_lat", "location_lon", "actors", "qs", "place", "place_name",
                 "place_country", "place_lat", "place_lon")


@dataclass
class ClusterJobConfig:
    input: str  # the output directory of `marsad spark code`
    output: str  # where clusters/ and cluster_events/ go
    master: str | None = None
    overwrite: bool = False
    conf: dict[str, str] = field(default_factory=dict)


@dataclass
class ClusterJobReport:
    input: str
    output: str
    master: str
    tellings: int
    clusters: int
    blocks: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def chunk_of(day: dt.date) -> int:
    return day.toordinal() // CHUNK_DAYS


def chunk_span(chunk: int) -> tuple[dt.date, dt.date]:
    lo = dt.date.fromordinal(chunk * CHUNK_DAYS)
    return lo, lo + dt.timedelta(days=CHUNK_DAYS - 1)


def blocks_of(day: dt.date | None, doc_date: dt.date) -> set[int]:
    """The blocks whose rebuild reads this telling (``engine.load_range`` of each block's span)."""
    if day is not None:
        return {chunk_of(day + k * ONE) for k in (-1, 0, 1)}
    return {chunk_of(doc_date + k * ONE) for k in (-2, -1, 0, 1)}


def _json_row(row: dict[str, Any]) -> str:
    return json.dumps(row, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v),
                      ensure_ascii=False)


def _from_json(text: str) -> dict[str, Any]:
    row = json.loads(text)
    row["date"] = dt.date.fromisoformat(row["date"])
    return row


def keyed(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInArrow: each joined event row -> (family, block, the row as JSON), once per block that needs it."""
    import pyarrow as pa

    for batch in batches:
        fams, chunks, rows = [], [], []
        for row in batch.to_pylist():
            if row["date"] is None:
                continue
            fam = family_of(row["type"], row["cameo_root"], row["modality"])
            text = _json_row({k: row.get(k) for k in _TELLING_KEYS})
            for c in sorted(blocks_of(act_day(row["time_value"], row["time_relation"]), row["date"])):
                fams.append(fam)
                chunks.append(c)
                rows.append(text)
        yield pa.RecordBatch.from_pydict({"family": pa.array(fams, pa.string()), "chunk": pa.array(chunks, pa.int64()),
                                          "row": pa.array(rows, pa.string())})


def cluster_block(key: tuple, frame: Any) -> Any:
    """applyInPandas: one (family, block) -> the clusters anchored in the block, each with its event ids."""
    import pandas as pd

    family, chunk = key
    lo, hi = chunk_span(int(chunk))
    events = [telling(_from_json(r)) for r in frame["row"]]
    out = [summarize(a) for a in cluster_events(events) if a.family == family and lo <= a.anchor <= hi]
    data = {c: [getattr(k, c) for k in out] for c in CLUSTER_COLUMNS}
    data["event_ids"] = [list(k.event_ids) for k in out]
    data["doc_ids"] = [[e.split(":")[0] for e in k.event_ids] for k in out]
    # object columns: an empty block must not become float64, which Arrow cannot cast to dates
    return pd.DataFrame({c: pd.Series(v, dtype=object) for c, v in data.items()})


def _schema() -> str:
    types = {"anchor": "date", "date": "date", "first_seen": "date", "last_seen": "date", "quad_class": "int",
             "goldstein": "double", "location_lat": "double", "location_lon": "double", "quantity_low": "double",
             "quantity_high": "double", "quantity_latest": "double", "quantity_most_cited": "double",
             "n_mentions": "int", "n_articles": "int", "n_sources": "int"}
    cols = [f"{c} {types.get(c, 'string')}" for c in CLUSTER_COLUMNS]
    return ", ".join(cols + ["event_ids array<string>", "doc_ids array<string>"])


def tellings_frame(spark: Any, directory: str) -> Any:
    """One row per telling with what ``cluster.build.telling`` reads (joins and groups only)."""
    from pyspark.sql import functions as F

    def table(name: str):
        path = os.path.join(directory, name)
        if not os.path.isdir(path):
            raise InputError(f"{directory} has no {name}/ table: give the output directory of `marsad spark code`")
        return spark.read.parquet(path)

    ev = (table("events").where(~F.coalesce(F.col("background"), F.lit(False)))
          .withColumn("date", F.col("date").cast("date")).where(F.col("date").isNotNull())
          .select("event_id", "doc_id", "date", "time_value", "time_relation", "type", "cameo", "cameo_root", "mode",
                  "modality", "quad_class", "goldstein", "location_entity", "location_name", "location_country",
                  "location_lat", "location_lon"))
    docs = table("documents").select("doc_id", F.col("source").alias("outlet"))
    ac = (table("event_actors").groupBy("event_id")
          .agg(F.collect_list(F.struct("role", "position", "code", "country", "entity_id")).alias("actors")))
    qu = (table("quantities").where(F.col("value").isNotNull())
          .select(F.explode("event_ids").alias("event_id"), "kind", "value")
          .groupBy("event_id").agg(F.collect_list(F.struct("kind", "value")).alias("qs")))
    pl = (table("entities").where(F.col("kind") == "place").groupBy("doc_id")
          .agg(F.countDistinct("entity_id").alias("n"), F.min("entity_id").alias("place"),
               F.min("name").alias("place_name"), F.min("country").alias("place_country"),
               F.min("lat").alias("place_lat"), F.min("lon").alias("place_lon"))
          .where(F.col("n") == 1).drop("n"))
    return (ev.join(docs, "doc_id", "left").join(ac, "event_id", "left").join(qu, "event_id", "left")
            .join(pl, "doc_id", "left"))


def run_clusters(config: ClusterJobConfig) -> ClusterJobReport:
    require("pyspark", "marsad spark cluster", "spark")
    from pyspark.sql import functions as F

    from .session import spark_session

    if not os.path.isdir(config.input):
        raise InputError(f"--input {config.input}: no such directory (the output of `marsad spark code`)")
    for name in ("clusters", "cluster_events"):
        if os.path.exists(os.path.join(config.output, name)) and not config.overwrite:
            raise InputError(f"--output {config.output} already holds {name}/: pass --overwrite")
    t0 = time.perf_counter()
    spark = spark_session(config.master, app_name="marsad-cluster", conf=config.conf)
    if "spark.sql.shuffle.partitions" not in config.conf:  # blocks are small: Spark's 200 would mostly idle
        spark.conf.set("spark.sql.shuffle.partitions", str(2 * spark.sparkContext.defaultParallelism))
    try:
        tellings = tellings_frame(spark, config.input)
        keyed_rows = tellings.mapInArrow(keyed, "family string, chunk long, row string")
        out = keyed_rows.groupBy("family", "chunk").applyInPandas(cluster_block, _schema()).cache()
        mode = "overwrite" if config.overwrite else "errorifexists"
        out.drop("event_ids", "doc_ids").write.mode(mode).parquet(os.path.join(config.output, "clusters"))
        links = out.select(F.arrays_zip("event_ids", "doc_ids").alias("z"), "cluster_id") \
            .select(F.explode("z").alias("z"), "cluster_id") \
            .select(F.col("z.event_ids").alias("event_id"), "cluster_id", F.col("z.doc_ids").alias("doc_id"))
        links.write.mode(mode).parquet(os.path.join(config.output, "cluster_events"))
        n_clusters = out.count()
        n_tellings = tellings.count()
        n_blocks = keyed_rows.select("family", "chunk").distinct().count()
        master = spark.sparkContext.master
    finally:
        spark.stop()
    return ClusterJobReport(config.input, config.output, master, n_tellings, n_clusters, n_blocks,
                            round(time.perf_counter() - t0, 2))
