"""The duplicate decisions do not depend on how documents are cut into batches (the LSH probe finds candidates in
the store and, in the same statement, among the batch's earlier canonical documents), and column inserts keep every
value as the list-parameter path did (NumPy scan: full-sample type inference, NaN kept)."""
from __future__ import annotations

import math
import random

import pytest

from marsad.store import Store
from marsad.store.schema import column_types, insert_columns
from store.docfactory import make_doc

WORDS = [f"w{i}" for i in range(400)]


def _chain(seed: int) -> list[str]:
    """Texts in chains of near copies: each one changes a few words of the one before it, so a copy of a copy can be
    near the copy but not the original (a near duplicate is not indexed: only its canonical ancestor matches)."""
    rng = random.Random(seed)
    texts = []
    for _ in range(4):
        words = [rng.choice(WORDS) for _ in range(120)]
        texts.append(" ".join(words))
        for _ in range(4):
            words = list(words)
            for k in rng.sample(range(len(words)), 6):
                words[k] = rng.choice(WORDS)
            texts.append(" ".join(words))
    texts.append(texts[3])  # the same text again: stored once
    texts.append(texts[7].replace(" ", "  "))  # an exact duplicate after normalization
    return texts


def _decisions(tmp_path, name: str, texts: list[str], batch: int) -> tuple[list[tuple], tuple[int, ...]]:
    docs = [make_doc(t) for t in texts]
    with Store(tmp_path / f"{name}.duckdb") as s:
        totals = [0, 0, 0, 0]
        for i in range(0, len(docs), batch):
            r = s.upsert_documents([(d, None) for d in docs[i:i + batch]], near_dup_threshold=0.75)
            for k, v in enumerate((r.new, r.duplicates, r.near_duplicates, r.already)):
                totals[k] += v
        rows = s.sql("SELECT doc_id, dup_of, near_dup_of FROM documents ORDER BY doc_id")
        bands = s.sql("SELECT count(*), count(DISTINCT doc_id) FROM lsh_bands")[0]
        assert bands[0] == 32 * bands[1]
        return rows, tuple(totals) + tuple(bands)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_duplicate_decisions_do_not_depend_on_the_batching(tmp_path, seed):
    texts = _chain(seed)
    one_by_one = _decisions(tmp_path, "single", texts, 1)
    assert one_by_one[1][2] >= 4, "the texts must hold near duplicates for this test to mean anything"
    assert _decisions(tmp_path, "whole", texts, len(texts)) == one_by_one
    assert _decisions(tmp_path, "threes", texts, 3) == one_by_one


def test_a_copy_of_a_near_duplicate_in_the_same_batch_is_compared_with_the_canonical_one_only(tmp_path):
    """In one batch: B is near A (so B is not indexed), C is near B but not near A: C is new, as it would be in a
    batch of its own."""
    rng = random.Random(7)
    a = [rng.choice(WORDS) for _ in range(200)]
    b, c = list(a), None
    for k in range(0, 200, 25):
        b[k] = "x" + b[k]
    c = list(b)
    for k in range(12, 200, 25):
        c[k] = "y" + c[k]
    docs = [make_doc(" ".join(t)) for t in (a, b, c)]
    from marsad.store import dedup

    sig = [dedup.signature(d.text) for d in docs]
    assert dedup.jaccard(sig[1], sig[0]) >= 0.75 and dedup.jaccard(sig[2], sig[1]) >= 0.75
    assert dedup.jaccard(sig[2], sig[0]) < 0.75
    with Store(tmp_path / "c.duckdb") as s:
        r = s.upsert_documents([(d, None) for d in docs], near_dup_threshold=0.75)
        assert (r.new, r.near_duplicates) == (2, 1)
        near = dict(s.sql("SELECT doc_id, near_dup_of FROM documents"))
        assert near[docs[1].doc_id] == docs[0].doc_id and near[docs[2].doc_id] is None


def test_insert_columns_keeps_every_value(tmp_path):
    with Store(tmp_path / "i.duckdb") as s:
        con = s.con
        con.execute('CREATE TABLE t (i INTEGER, d DOUBLE, v VARCHAR, l VARCHAR[], b BOOLEAN, e DOUBLE, k BIGINT)')
        n = 5000
        ints = list(range(n))
        doubles: list = [1] * n  # ints first: a scan sampling a few rows would read the column as integers
        doubles[n - 7] = 1.5
        doubles[3] = None
        strs: list = ["a"] * n
        strs[4000] = None
        lists: list = [[], ["x", "y"]] * (n // 2)
        bools = [True, False] * (n // 2)
        numbers = [2] * (n - 1) + [2.5]  # all numbers: a typed float array
        mixed: list = [7] * n  # an integer column holding a float and a bool: an object array, cast as before
        mixed[10], mixed[20] = 3.0, True
        insert_columns(con, "t", {"i": ints, "d": doubles, "v": strs, "l": lists, "b": bools, "e": numbers,
                                  "k": mixed}, column_types(con, "t"))
        assert con.execute("SELECT sum(i), sum(d), count(d), count(v), sum(len(l)), count_if(b), sum(e), sum(k) "
                           "FROM t").fetchone() \
            == (sum(ints), n - 2 + 1.5, n - 1, n - 1, n, n // 2, 2 * (n - 1) + 2.5, 7 * (n - 2) + 3 + 1)
        # a NaN stays a NaN (the NumPy scan would read it as NULL: such a column goes as list parameters)
        insert_columns(con, "t", {"i": [1, 2], "d": [math.nan, None]}, column_types(con, "t"))
        got = con.execute("SELECT d FROM t WHERE i IN (1, 2) AND l IS NULL ORDER BY i").fetchall()
        assert math.isnan(got[0][0]) and got[1][0] is None
