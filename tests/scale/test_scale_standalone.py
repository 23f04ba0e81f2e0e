"""A real Spark standalone cluster on loopback (a master and two worker JVMs, no containers): `marsad spark code`
against spark://127.0.0.1:<port> writes the tables the in-process coder gives, both workers run executors, and
every process the cluster started is gone afterwards, also when the block fails or the start times out.

Skipped only when no Java runtime is installed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import marsad
from marsad.export.tables import TABLES, DocMeta, doc_tables, merge, to_arrow
from marsad.scale import read_table
from marsad.scale.sample import sample_records, write_jsonl
from marsad.scale.session import java_available
from marsad.errors import InputError
from marsad.scale.standalone import group_alive, standalone_cluster

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]
if not java_available():
    pytest.skip("Spark needs a Java runtime (17+) and none is installed (apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)

N_DOCS = 40
KEYS = {"documents": ("doc_id",), "entities": ("doc_id", "entity_id"), "mentions": ("doc_id", "start", "end"),
        "events": ("event_id",), "event_actors": ("event_id", "role", "position"), "quantities": ("quantity_id",)}


def _sorted(rows: list[dict], table: str) -> list[dict]:
    return sorted(rows, key=lambda r: tuple("" if r[k] is None else r[k] for k in KEYS[table]))


def test_marsad_spark_code_on_a_two_worker_cluster_matches_in_process_coding(tmp_path):
    records = sample_records(N_DOCS, seed=11)
    src = tmp_path / "corpus.jsonl"
    write_jsonl(str(src), records)
    with standalone_cluster(workers=2, cores=1, workdir=tmp_path / "cluster") as cluster:
        pids = [p.pid for p in cluster.procs]
        assert cluster.url.startswith("spark://127.0.0.1:") and len(pids) == 3
        done = subprocess.run([sys.executable, "-m", "marsad", "spark", "code", "--input", str(src), "--output",
                               str(tmp_path / "out"), "--master", cluster.url, "--partitions", "4", "--json"],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        report = json.loads(done.stdout.strip().splitlines()[-1])
        # each worker launched an executor for the application (its work dir holds app-*/<executor id>/)
        apps = [list((tmp_path / "cluster" / "work" / f"worker-{i}").glob("app-*/*/stderr")) for i in (1, 2)]
    assert all(apps), apps
    assert all(not group_alive(pid) for pid in pids)
    assert report["master"] == cluster.url and report["documents"] == N_DOCS and report["errors"] == 0
    parts = []
    for r in records:
        doc = marsad.code(r["text"], lang=r.get("lang"), date=r.get("date"), url=r.get("url"))
        parts.append(doc_tables(doc, DocMeta(title=r.get("title"), source=r.get("source"), url=r.get("url"),
                                             date=r.get("date"), lang=r.get("lang"), ext_id=r.get("id"),
                                             path=str(src))))
    expected = {name: t.to_pylist() for name, t in to_arrow(merge(parts)).items()}
    assert expected["events"], "the corpus must hold events for the comparison to mean something"
    for name in TABLES:
        assert _sorted(read_table(str(tmp_path / "out"), name).to_pylist(), name) == _sorted(expected[name], name), name


def test_the_cluster_is_stopped_when_the_block_fails(tmp_path):
    pids: list[int] = []
    with pytest.raises(RuntimeError, match="boom"):
        with standalone_cluster(workers=1, cores=1, workdir=tmp_path) as cluster:
            pids = [p.pid for p in cluster.procs]
            assert all(p.poll() is None for p in cluster.procs)
            raise RuntimeError("boom")
    assert len(pids) == 2 and all(not group_alive(pid) for pid in pids)


def test_a_start_that_times_out_is_a_one_line_error_and_leaves_nothing_running(tmp_path):
    with pytest.raises(InputError) as err:
        with standalone_cluster(workers=1, cores=1, timeout=0.01, workdir=tmp_path):
            pass
    assert err.value.code == "E100" and "\n" not in str(err.value) and "timed out" in str(err.value)
    # the master was started (its pid file exists) and stopped with its process group
    pid = int((tmp_path / "master.pid").read_text())
    assert not group_alive(pid) and not (tmp_path / "worker-1.pid").exists()
