"""Score the event clusters on the written cluster corpus (``eval/clusters/articles.jsonl``): B-cubed precision,
recall and F1 over tellings, and the number of distinct acts wrongly merged.

The corpus is ingested into a fresh DuckDB store (``marsad ingest``'s own code, which also clusters), then each
event of an article whose type is the article's gold act type is an item labelled with that act; events of other
types (a side act the article mentions) are not scored. B-cubed (Bagga & Baldwin 1998): for each item, precision =
share of its cluster's items with its act, recall = share of its act's items in its cluster; averaged over items.
An act is *wrongly merged* when one of its items shares a cluster with an item of another act. ``split`` scores
the items of acts of that split only (``tune``: the even-numbered acts, the ones looked at while setting weights).

Imports marsad.errors, marsad.store, marsad.ingest.
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .runner import repo_root


def default_corpus() -> Path:
    return repo_root() / "eval" / "clusters" / "articles.jsonl"


@dataclass(slots=True)
class ClusterScore:
    items: int = 0
    acts: int = 0
    clusters: int = 0  # clusters holding scored items
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    wrongly_merged: int = 0  # acts sharing a cluster with another act
    merged_acts: list[list[str]] = field(default_factory=list)  # the acts of each impure cluster
    split_acts: list[str] = field(default_factory=list)  # acts told in more than one cluster
    articles: int = 0
    articles_uncoded: int = 0  # articles with no event of their act's type (clustering cannot place them)
    cross_language_pairs: int = 0  # same-act item pairs in Arabic and English
    cross_language_joined: int = 0  # ... of which in the same cluster

    def to_dict(self) -> dict[str, Any]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in
                ((n, getattr(self, n)) for n in self.__dataclass_fields__)}


def bcubed(items: dict[str, tuple[str, str]]) -> tuple[float, float]:
    """``items``: item -> (act, cluster). Returns (precision, recall), averaged over items."""
    by_cluster: dict[str, Counter[str]] = defaultdict(Counter)
    by_act: Counter[str] = Counter()
    for act, cl in items.values():
        by_cluster[cl][act] += 1
        by_act[act] += 1
    if not items:
        return 0.0, 0.0
    p = sum(by_cluster[cl][act] / sum(by_cluster[cl].values()) for act, cl in items.values()) / len(items)
    r = sum(by_cluster[cl][act] / by_act[act] for act, cl in items.values()) / len(items)
    return p, r


def load_corpus(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"no cluster corpus at {path}: build it with `python eval/clusters/build.py`")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_clusters(path: Path | None = None, split: str | None = None, db: str | None = None) -> ClusterScore:
    """Ingest the corpus into ``db`` (a fresh temporary store by default) and score its clusters."""
    return score_splits(path, db)[split or "all"]


def score_splits(path: Path | None = None, db: str | None = None) -> dict[str, ClusterScore]:
    """One ingest, three scores: ``all``, ``tune`` and ``test``."""
    from ..ingest.runner import IngestOptions, ingest  # noqa: PLC0415
    from ..store.db import Store  # noqa: PLC0415

    path = path or default_corpus()
    articles = load_corpus(path)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(db or str(Path(tmp) / "clusters.duckdb")) as store:
            ingest([str(path)], store, IngestOptions(restart=True))
            rows = store.sql(
                "SELECT d.ext_id, d.lang, e.event_id, e.type, c.cluster_id FROM events e JOIN documents d "
                "USING (doc_id) LEFT JOIN cluster_events c USING (event_id) WHERE NOT e.background")
    return {name: score_rows(articles, rows, split) for name, split in (("all", None), ("tune", "tune"),
                                                                         ("test", "test"))}


def render(scores: dict[str, ClusterScore]) -> str:
    """The scores as a markdown table (the README's)."""
    lines = ["| acts | articles | tellings scored | clusters | B-cubed P | R | F1 | acts wrongly merged | "
             "ar-en pairs joined |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, s in scores.items():
        lines.append(f"| {name} ({s.acts}) | {s.articles} | {s.items} | {s.clusters} | {s.precision:.3f} | "
                     f"{s.recall:.3f} | {s.f1:.3f} | {s.wrongly_merged} | {s.cross_language_joined}/"
                     f"{s.cross_language_pairs} |")
    merged = scores["all"].merged_acts if "all" in scores else []
    if merged:
        lines.append("")
        lines.append("merged: " + "; ".join(" + ".join(group) for group in merged))
    return "\n".join(lines) + "\n"


def score_rows(articles: list[dict[str, Any]], rows: list[tuple], split: str | None = None) -> ClusterScore:
    """Score (ext_id, lang, event_id, type, cluster_id) rows of the ingested corpus against its gold acts."""
    gold = {a["id"]: a for a in articles if split is None or a.get("split") == split}
    items: dict[str, tuple[str, str]] = {}
    langs: dict[str, str] = {}
    coded: set[str] = set()
    for ext_id, lang, event_id, typ, cluster_id in rows:
        art = gold.get(ext_id)
        if art is None or typ != art["act_type"]:
            continue
        coded.add(ext_id)
        items[event_id] = (art["act"], cluster_id or f"unclustered:{event_id}")
        langs[event_id] = lang
    out = ClusterScore(items=len(items), acts=len({a["act"] for a in gold.values()}), articles=len(gold),
                       articles_uncoded=len(set(gold) - coded))
    out.precision, out.recall = bcubed(items)
    out.f1 = 2 * out.precision * out.recall / (out.precision + out.recall) if out.precision + out.recall else 0.0
    acts_of: dict[str, set[str]] = defaultdict(set)
    clusters_of: dict[str, set[str]] = defaultdict(set)
    for act, cl in items.values():
        acts_of[cl].add(act)
        clusters_of[act].add(cl)
    out.clusters = len(acts_of)
    impure = [sorted(a) for a in acts_of.values() if len(a) > 1]
    out.merged_acts = sorted(impure)
    out.wrongly_merged = len({a for group in impure for a in group})
    out.split_acts = sorted(a for a, cls in clusters_of.items() if len(cls) > 1)
    ids = sorted(items)
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            if items[x][0] == items[y][0] and langs[x] != langs[y]:
                out.cross_language_pairs += 1
                out.cross_language_joined += items[x][1] == items[y][1]
    return out
