"""Event rates on whole real newspapers (SaudiNewsNet dev half): per newspaper section, and on sports pages.

A newspaper's sports pages should yield almost no political event; a politics section many. The section of an
article is its newspaper plus, where the URL names one, the URL's section (``alwatan/Politics``, ``3alyoum/sports``).
Sports pages are the papers arreyadi and arriyadiyah and every URL holding ``/sports/``. The decision layer learns
from the sports pages of the even half (by a hash of the article id, ``tools/train_decision.py``); the odd half is
reported apart as the held-out figure.

Imports: marsad.errors, marsad.evaluate.real (the shared data directory); marsad.pipeline lazily.
"""
from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import InputError
from .real import shared_data_dir, split_of

SPORTS_PAPERS = frozenset({"arreyadi", "arriyadiyah"})
SECTIONED = frozenset({"alwatan", "3alyoum"})  # papers whose URLs name their section


def is_sports(rec: dict[str, Any]) -> bool:
    return rec["source"] in SPORTS_PAPERS or "/sports/" in rec["url"].lower()


def held_out(rec: dict[str, Any]) -> bool:
    """The test half by a hash of the article id: never seen by the decision layer's training."""
    return split_of(rec["id"]) == "test"


def section_of(rec: dict[str, Any]) -> str:
    if rec["source"] in SECTIONED:
        parts = rec["url"].split("/")
        if len(parts) > 3 and parts[3].isalpha():
            return f"{rec['source']}/{parts[3]}"
    return rec["source"]


def read_articles(path: Path | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
    p = path or shared_data_dir() / "saudinewsnet-dev" / "articles.jsonl.gz"
    if not p.is_file():
        raise InputError(f"{p} does not exist (the SaudiNewsNet dev half sits in ../shared/data)")
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


@dataclass(slots=True)
class Rates:
    articles: int = 0
    events: int = 0
    conflict: int = 0  # QuadClass 3 or 4
    by_type: Counter = field(default_factory=Counter)

    def add(self, events: list[dict[str, Any]]) -> None:
        self.articles += 1
        typed = [e for e in events if e.get("type") and not e.get("background")]
        self.events += len(typed)
        self.conflict += sum(1 for e in typed if e.get("quad_class") in (3, 4))
        self.by_type.update(e["type"] for e in typed)

    def to_dict(self) -> dict[str, Any]:
        per = 100.0 / self.articles if self.articles else 0.0
        return {"articles": self.articles, "events": self.events, "events_per_100": round(self.events * per, 1),
                "conflict_events": self.conflict, "conflict_per_100": round(self.conflict * per, 1),
                "by_type": dict(self.by_type.most_common())}


def newspaper_rates(path: Path | None = None, coder: Callable[..., Any] | None = None,
                    limit: int | None = None) -> dict[str, Any]:
    """Code every article; rates per section, on all sports pages and on the held-out sports pages."""
    if coder is None:
        from ..pipeline import code as coder  # noqa: PLC0415
    sections: dict[str, Rates] = {}
    sports, sports_held, every = Rates(), Rates(), Rates()
    for rec in read_articles(path, limit):
        out = coder(f"{rec['title']}\n{rec['text']}", lang="ar", date=rec.get("date"))
        events = (out if isinstance(out, dict) else out.to_dict())["events"]
        sections.setdefault(section_of(rec), Rates()).add(events)
        every.add(events)
        if is_sports(rec):
            sports.add(events)
            if held_out(rec):
                sports_held.add(events)
    return {"all": every.to_dict(), "sports_pages": sports.to_dict(), "sports_pages_held_out": sports_held.to_dict(),
            "sections": {k: v.to_dict() for k, v in sorted(sections.items(), key=lambda kv: -kv[1].articles)}}


def render_newspapers(data: dict[str, Any], console) -> None:
    from rich.table import Table  # noqa: PLC0415

    t = Table(title="Real newspapers (SaudiNewsNet dev half): PLOVER-typed events per 100 articles")
    for col in ("section", "articles", "events / 100", "conflict / 100", "top types"):
        t.add_column(col, justify="left" if col in ("section", "top types") else "right")
    rows = [("ALL", data["all"]), ("sports pages", data["sports_pages"]),
            ("sports pages, held out", data["sports_pages_held_out"])]
    rows += [(k, v) for k, v in data["sections"].items() if v["articles"] >= 20]
    for name, r in rows:
        top = ", ".join(f"{k} {v}" for k, v in list(r["by_type"].items())[:4])
        t.add_row(name, str(r["articles"]), f"{r['events_per_100']:.1f}", f"{r['conflict_per_100']:.1f}", top)
    console.print(t)
