"""The clustering as a Spark job (local[2]) on the Parquet tables of `marsad spark code`: the same clusters and
memberships as `marsad ingest --from-parquet` (which clusters on the single machine) on the same tables."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from marsad.evaluate.clusters import default_corpus, load_corpus
from marsad.scale.session import java_available

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]
if not java_available():
    pytest.skip("Spark needs a Java runtime (17+) and none is installed (apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)

MARSAD = str(Path(sys.executable).parent / "marsad")
ACTS = ("act001", "act002", "act007", "act024", "act041", "act043", "act064")  # told, next-day, other town


def run(*args: str) -> subprocess.CompletedProcess:
    res = subprocess.run([MARSAD, *args], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    return res


def test_spark_clusters_equal_the_single_machine_ones(tmp_path):
    src = tmp_path / "acts.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in load_corpus(default_corpus())
                           if r["act"] in ACTS), encoding="utf-8")
    out = tmp_path / "out"
    run("spark", "code", "--input", str(src), "--output", str(out), "--master", "local[2]")
    done = run("spark", "cluster", "--input", str(out), "--master", "local[2]")
    assert "clusters" in done.stdout
    db = tmp_path / "one.duckdb"
    run("ingest", "--from-parquet", str(out), "--db", str(db))
    con = duckdb.connect(str(db), read_only=True)
    cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'clusters' ORDER BY ordinal_position").fetchall()]
    select = ", ".join(cols)
    here = con.execute(f"SELECT {select} FROM clusters ORDER BY cluster_id").fetchall()
    spark = con.execute(f"SELECT {select} FROM read_parquet('{out}/clusters/*.parquet') ORDER BY cluster_id"
                        ).fetchall()
    assert len(here) >= len(ACTS) and here == spark
    links = "SELECT event_id, cluster_id, doc_id FROM {} ORDER BY event_id"
    assert con.execute(links.format("cluster_events")).fetchall() == \
        con.execute(links.format(f"read_parquet('{out}/cluster_events/*.parquet')")).fetchall()
    told = con.execute("SELECT max(n_articles) FROM clusters").fetchone()[0]
    assert told >= 3  # acts told by several articles were joined, on both sides
