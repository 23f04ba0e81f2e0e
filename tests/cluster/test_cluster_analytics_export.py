"""Analytics count acts by default (``marsad stats ... --count clusters``), tellings with ``--count mentions``; the
cluster-level GDELT file has one row per act with NumMentions/NumSources/NumArticles from its tellings."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.evaluate.clusters import default_corpus, load_corpus
from marsad.export.gdelt import COLUMNS
from marsad.ingest.runner import IngestOptions, ingest
from marsad.store import Store

MARSAD = str(Path(sys.executable).parent / "marsad")
ACTS = ("act001", "act002", "act007", "act024")


def run(*args: str, code: int = 0) -> subprocess.CompletedProcess:
    res = subprocess.run([MARSAD, *args], capture_output=True, text=True)
    assert res.returncode == code, res.stderr
    return res


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cluster-analytics")
    src = tmp / "acts.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in load_corpus(default_corpus())
                           if r["act"] in ACTS), encoding="utf-8")
    path = tmp / "acts.duckdb"
    with Store(path) as store:
        ingest([str(src)], store, IngestOptions())
    return str(path)


def test_dyads_and_actors_count_acts_unless_asked_for_mentions(db):
    acts = json.loads(run("stats", "dyads", "--db", db, "--by", "all", "-f", "json").stdout)
    tellings = json.loads(run("stats", "dyads", "--db", db, "--by", "all", "-f", "json", "--count",
                              "mentions").stdout)
    n_acts = {(r["source"], r["target"]): r["events"] for r in acts}
    n_tellings = {(r["source"], r["target"]): r["events"] for r in tellings}
    assert n_acts.keys() == n_tellings.keys()
    assert all(n_acts[k] <= n_tellings[k] for k in n_acts) and sum(n_acts.values()) < sum(n_tellings.values())
    with Store(db, read_only=True) as s:
        rus = s.sql("SELECT count(DISTINCT c.cluster_id), count(*) FROM events e JOIN cluster_events c "
                    "USING (event_id) WHERE e.source_country = 'RUS' AND e.canonical AND NOT e.background "
                    "AND e.modality <> 'negated'")[0]
    actors = {r["actor"]: r for r in json.loads(run("stats", "actors", "--db", db, "-f", "json").stdout)}
    assert actors["RUS"]["as_source"] == rus[0] < rus[1]
    net = json.loads(run("stats", "network", "--db", db, "--count", "mentions").stdout)
    assert {n["id"]: n["events"] for n in net["nodes"]}["RUS"] >= rus[1]
    bad = run("stats", "dyads", "--db", db, "--count", "acts", code=2)
    assert bad.stderr.strip() == "marsad: error E100: --count 'acts' is not one of mentions, clusters"


def test_the_cluster_gdelt_file_has_one_row_per_act_with_its_counts(db, tmp_path):
    out = tmp_path / "acts.tsv"
    run("export", "gdelt-clusters", "--db", db, "-o", str(out), "--header")
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert list(rows[0]) == list(COLUMNS)
    with Store(db, read_only=True) as s:
        want = {r[0]: r[1:] for r in s.sql("SELECT date, n_mentions, n_sources, n_articles, cluster_id FROM clusters "
                                           "WHERE NOT contains(family, '/')")}
        n = s.sql("SELECT count(*) FROM clusters WHERE NOT contains(family, '/')")[0][0]
    assert len(rows) == n
    assert any(int(r["NumMentions"]) >= 3 and int(r["NumArticles"]) >= 3 for r in rows)
    assert all(int(r["NumMentions"]) >= int(r["NumArticles"]) >= 1 and int(r["NumSources"]) >= 1 for r in rows)
    assert len({r["GlobalEventID"] for r in rows}) == len(rows)
    per_mention = tmp_path / "mentions.tsv"
    run("export", "gdelt", "--db", db, "-o", str(per_mention))
    assert len(per_mention.read_text(encoding="utf-8").splitlines()) > len(rows)
    assert run("export", "gdelt-clusters", "--db", db, "-o", str(out), code=2).stderr.startswith("marsad: error E103")
    strikes = tmp_path / "strikes.tsv"
    run("export", "gdelt-clusters", "--db", db, "-o", str(strikes), "--type", "PROTEST")
    assert 1 <= len(strikes.read_text(encoding="utf-8").splitlines()) < len(rows)
    assert want  # the store has acts
