"""Digest of what an ingest stored, to prove a change to the store path changes no output (not a test).

    .venv/bin/python tools/store_digest.py STORE.duckdb [--out F | --compare F]

Prints one line per table: its row count and an md5 of its rows taken as a set (the order rows were appended in
is not output). Every column counts but the ones a run sets by itself: ``ingested_at`` and ``run_id`` of
``documents``, and of its ``path`` only the file name does; and ``event_actors.doc_no``, a copy of its document's
number (``documents.doc_no`` counts). Tables: the coded rows (documents with their duplicate
decisions, entities, mentions, events, event_actors, quantities), the duplicate keys (doc_minhash, lsh_bands) and
the event clusters (clusters, cluster_events). ``--out`` writes the digest as JSON, ``--compare`` reads one and
exits 1 on any difference: two stores ingested from the same input by two versions of the store code must agree.
"""
from __future__ import annotations

import argparse
import json
import sys

import duckdb

# event_actors.doc_no (migration 010) is a copy of its document's documents.doc_no, which counts: skipped so that a
# store written before it digests the same
SKIP = {"documents": {"ingested_at", "run_id"}, "event_actors": {"doc_no"}}
TABLES = ("documents", "entities", "mentions", "events", "event_actors", "quantities", "doc_minhash", "lsh_bands",
          "clusters", "cluster_events")


def digest(path: str) -> dict[str, list]:
    con = duckdb.connect(path, read_only=True)
    out = {}
    for table in TABLES:
        cols = [c for (c,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                          "ORDER BY column_index", [table]).fetchall() if c not in SKIP.get(table, ())]
        # a document's path keeps only its file name: the same input read from another directory is the same input
        row = ", ".join("regexp_replace(path, '^.*/', '')" if (table, c) == ("documents", "path") else f'"{c}"'
                        for c in cols)
        # md5 of each row's text, then of the sorted list of those: a set digest, independent of storage order
        n, md5 = con.execute(f"SELECT count(*), md5(string_agg(h, ',' ORDER BY h)) FROM "
                             f"(SELECT md5(CAST(ROW({row}) AS VARCHAR)) AS h FROM \"{table}\")").fetchone()
        out[table] = [n, md5]
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("--out")
    ap.add_argument("--compare")
    args = ap.parse_args()
    got = digest(args.store)
    for table, (n, md5) in got.items():
        print(f"{table:15} {n:>9} {md5}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(got, fh, indent=1)
    if args.compare:
        with open(args.compare, encoding="utf-8") as fh:
            want = json.load(fh)
        diff = [t for t in TABLES if want.get(t) != got[t]]
        print("identical" if not diff else f"DIFFERENT: {', '.join(diff)}")
        sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
