"""Names the KB does not know in the store: ``ingest --ner`` stores them as entities ``new:<kind>:<name>``,
``Store.unlinked()`` lists the most frequent over canonical documents (a near duplicate counts once), and
``unlinked_details()`` gathers what ``kb suggest`` drafts from. The store is made by ingesting the project's own
texts (store/nercorpus.py); what it should hold is what ``marsad.code(..., ner=True)`` says of each article."""
from __future__ import annotations

from collections import defaultdict

import pytest

from marsad.errors import InputError
from marsad.pipeline import code
from marsad.store import Store

from store.nercorpus import ARTICLES, NEAR_DUPLICATE, ingest_ner


@pytest.fixture(scope="module")
def ner_db(tmp_path_factory):
    return ingest_ner(tmp_path_factory.mktemp("ner") / "ner.duckdb")


def expected() -> dict[str, dict]:
    """Per unlinked entity id: the documents, mentions, dates and kind the coder gives, over the canonical
    articles (every article but the near duplicate)."""
    out: dict[str, dict] = defaultdict(lambda: {"docs": set(), "mentions": 0, "dates": [], "kind": None})
    for _id, day, text in ARTICLES:
        for ent in code(text, date=day, ner=True).entities:
            if ent.id.startswith("new:"):
                got = out[ent.id]
                got["docs"].add(_id)
                got["mentions"] += len(ent.mentions)
                got["dates"].append(day)
                got["kind"] = ent.kind
    return out


def test_unlinked_counts_what_the_coder_found(ner_db):
    want = expected()
    assert any(len(w["docs"]) >= 2 for w in want.values()), "the corpus no longer yields a name in two articles"
    with Store(ner_db, read_only=True) as s:
        rows = s.unlinked(limit=None)
        assert s.stats()["unlinked_names"] == len(want) == s.unlinked_count()
    assert {r["id"] for r in rows} == set(want)
    for r in rows:
        w = want[r["id"]]
        assert (r["docs"], r["mentions"], r["kind"]) == (len(w["docs"]), w["mentions"], w["kind"]), r
        assert (r["first"], r["last"]) == (min(w["dates"]), max(w["dates"]))
        assert r["id"].startswith(f"new:{r['kind']}:") and r["name"]
    assert [r["id"] for r in rows] == [r["id"] for r in sorted(rows, key=lambda r: (-r["docs"], -r["mentions"],
                                                                                    r["id"]))]


def test_a_near_duplicate_counts_once(ner_db):
    with Store(ner_db, read_only=True) as s:
        (near,) = s.sql("SELECT doc_id FROM documents WHERE near_dup_of IS NOT NULL")
        stored = {r[0] for r in s.sql("SELECT entity_id FROM entities WHERE doc_id = ?", [near[0]])}
        rows = {r["id"]: r for r in s.unlinked(limit=None)}
    names = {e.id for e in code(NEAR_DUPLICATE[2], date=NEAR_DUPLICATE[1], ner=True).entities
             if e.id.startswith("new:")}
    assert names and names <= stored  # the near duplicate's rows are stored ...
    for eid in names:  # ... but not counted: no name is dated on the near duplicate's day
        assert rows[eid]["last"] != NEAR_DUPLICATE[1]


def test_new_ids_are_stored_with_true_offsets(ner_db):
    with Store(ner_db, read_only=True) as s:
        for doc_id, text in s.sql("SELECT doc_id, text FROM documents"):
            for ent in s.entities(doc_id):
                if ent["id"].startswith("new:"):
                    assert ent["mentions"] and ent["name_ar"] == ent["name"]
                    for m in ent["mentions"]:
                        assert text[m["start"]:m["end"]] == m["text"]


def test_an_organization_carries_its_sector(ner_db):
    with Store(ner_db, read_only=True) as s:
        orgs = s.unlinked(kind="organization", limit=None)
        people = s.unlinked(kind="person", limit=None)
    assert orgs and all(r["kind"] == "organization" for r in orgs)
    assert any(r["sector"] == "NGO" for r in orgs)  # منظمة heads the name: NGO (grammar table org_head_sectors)
    assert people and all(r["sector"] is None for r in people)


def test_limit_min_docs_and_bad_values(ner_db):
    with Store(ner_db, read_only=True) as s:
        every = s.unlinked(limit=None)
        assert s.unlinked(limit=2) == every[:2]
        assert s.unlinked(min_docs=2, limit=None) == [r for r in every if r["docs"] >= 2]
        assert s.unlinked_count(min_docs=2) == len([r for r in every if r["docs"] >= 2])
        for bad in ({"kind": "country"}, {"min_docs": 0}, {"limit": 0}):
            with pytest.raises(InputError):
                s.unlinked(**bad)


def test_details_for_kb_suggest(ner_db):
    with Store(ner_db, read_only=True) as s:
        rows = s.unlinked(limit=None)
        details = s.unlinked_details([r["id"] for r in rows], examples=2)
        texts = dict(s.sql("SELECT doc_id, text FROM documents"))
        assert s.unlinked_details([]) == {}
    for r in rows:
        d = details[r["id"]]
        assert r["name"] in d["names"] and sum(d["names"].values()) == r["mentions"]
        assert 1 <= len(d["examples"]) <= 2
        assert [e["date"] for e in d["examples"]] == sorted(e["date"] for e in d["examples"])
        for ex in d["examples"]:
            assert r["name"] in ex["text"] or any(n in ex["text"] for n in d["names"])
            assert ex["text"].strip("\u2026") in " ".join(texts[ex["doc_id"]].split())


def test_without_ner_the_store_holds_no_unlinked_names(tmp_path):
    db = ingest_ner(tmp_path / "plain.duckdb", ner=False)
    with Store(db, read_only=True) as s:
        assert s.unlinked() == [] and s.stats()["unlinked_names"] == 0


def test_worker_processes_pass_ner_on(tmp_path, ner_db):
    db = ingest_ner(tmp_path / "workers.duckdb", "--workers", "2", "--batch", "3")
    with Store(db, read_only=True) as s, Store(ner_db, read_only=True) as one:
        assert s.unlinked(limit=None) == one.unlinked(limit=None)
