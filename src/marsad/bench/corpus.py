"""A reproducible synthetic news corpus for ``marsad bench``.

``generate(n, lang, seed)`` composes the project-written templates in ``templates.json`` with KB entries
(countries, capitals/cities, people, organizations) into articles of about ``target_bytes`` UTF-8 bytes (a
headline line, then sentences). Same (n, lang, seed, KB version) -> the same texts, byte for byte: every choice
comes from one ``random.Random(seed)`` and the KB pools are sorted by id.

Imports: marsad.errors; marsad.kb (optional: without a loadable KB a small built-in pool is used and
``Corpus.kb_entries`` is False).
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import InputError

TEMPLATES = Path(__file__).with_name("templates.json")
LANGS = ("ar", "en", "mixed")
_SLOT = re.compile(r"\{([A-Z]+)\}")


@dataclass(frozen=True, slots=True)
class BenchDoc:
    id: str
    lang: str
    date: str
    text: str


@dataclass(slots=True)
class Pools:
    """Slot fillers per language: countries (code, name), cities keyed by country code, people, organizations."""

    countries: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    cities: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    all_cities: list[dict[str, str]] = field(default_factory=list)
    people: list[dict[str, str]] = field(default_factory=list)
    orgs: list[dict[str, str]] = field(default_factory=list)
    kb_entries: bool = False


@dataclass(slots=True)
class Corpus:
    docs: list[BenchDoc]
    lang: str
    seed: int
    kb_entries: bool

    @property
    def bytes(self) -> int:
        return sum(len(d.text.encode("utf-8")) for d in self.docs)

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.docs)


@cache
def load_templates() -> dict[str, Any]:
    try:
        return json.loads(TEMPLATES.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:  # a packaging error, not user input
        raise InputError(f"bench templates {TEMPLATES} cannot be read ({exc})") from None


def _names(ar: str | None, en: str | None) -> dict[str, str] | None:
    if not ar or not en:
        return None
    return {"ar": ar, "en": en}


def pools_from_kb() -> Pools:
    """Slot pools from the KB; the built-in fallback pool when the KB is not available."""
    pools = Pools()
    try:
        from ..kb import load_kb  # noqa: PLC0415

        kb = load_kb()
        records = sorted(kb.entities.values(), key=lambda r: r.id)
    except Exception:  # noqa: BLE001 - any KB failure: benchmark with the fallback pool and say so
        records = []
    for rec in records:
        names = _names(rec.name_ar, rec.name)
        if names is None:
            continue
        if rec.kind == "country" and rec.code:
            pools.countries.append((rec.code, names))
        elif rec.kind == "place":
            pools.all_cities.append(names)
            if rec.country:
                pools.cities.setdefault(rec.country, []).append(names)
                if rec.raw.get("capital_of"):
                    pools.cities[rec.country].insert(0, names)
        elif rec.kind == "person":
            pools.people.append(names)
        elif rec.kind == "organization":
            pools.orgs.append(names)
    fb = load_templates()["fallback"]
    pools.kb_entries = len(pools.countries) >= 2
    if not pools.kb_entries:
        pools.countries = [(c, {"ar": ar, "en": en}) for c, ar, en in fb["countries"]]
        pools.cities = {}
    if not pools.all_cities:
        pools.all_cities = [{"ar": ar, "en": en} for ar, en in fb["cities"]]
    if not pools.people:
        pools.people = [{"ar": ar, "en": en} for ar, en in fb["people"]]
    if not pools.orgs:
        pools.orgs = [{"ar": ar, "en": en} for ar, en in fb["orgs"]]
    # prefer countries that have a city, so "{CITY}" usually sits in "{A}"
    with_city = [c for c in pools.countries if c[0] in pools.cities]
    if len(with_city) >= 10:
        pools.countries = with_city
    return pools


def _article(rng: random.Random, lang: str, pools: Pools, target_bytes: int) -> str:
    tpl = load_templates()
    (ca, a), (_cb, b) = rng.sample(pools.countries, 2)
    cities = pools.cities.get(ca) or pools.all_cities
    fill = {
        "A": a[lang], "B": b[lang],
        "CITY": rng.choice(cities[:3])[lang] if rng.random() < 0.7 else rng.choice(pools.all_cities)[lang],
        "PERSON": rng.choice(pools.people)[lang], "ORG": rng.choice(pools.orgs)[lang],
    }

    def sub(m: re.Match[str]) -> str:
        slot = m.group(1)
        if slot in fill:
            return fill[slot]
        if slot == "N":
            return str(rng.randint(2, 60))
        if slot == "NBIG":
            return f"{rng.randint(1, 90) * 1000:,}" if lang == "en" else str(rng.randint(1, 90) * 1000)
        if slot == "PCT":
            return f"{rng.randint(10, 40) / 10:g}"
        if slot == "DAY":
            return rng.choice(tpl["days"][lang])
        if slot == "YEAR":
            return str(rng.randint(2015, 2030))
        return m.group(0)

    headline = _SLOT.sub(sub, rng.choice(tpl[lang]["headline"]))
    size = len(headline.encode("utf-8"))
    paragraphs: list[list[str]] = [[]]
    order: list[str] = []
    while size < target_bytes:
        if not order:  # every template once before any repeats
            order = list(tpl[lang]["sentence"])
            rng.shuffle(order)
        sentence = _SLOT.sub(sub, order.pop())
        paragraphs[-1].append(sentence)
        size += len(sentence.encode("utf-8")) + 1
        if rng.random() < 0.2:  # a new paragraph, sometimes about a new second party
            paragraphs.append([])
            code, names = rng.choice(pools.countries)
            if code != ca:
                fill["B"] = names[lang]
    body = "\n\n".join(" ".join(p) for p in paragraphs if p)
    return f"{headline}\n\n{body}\n"


def generate(n: int = 200, lang: str = "ar", seed: int = 7, target_bytes: int = 2048,
             pools: Pools | None = None) -> Corpus:
    """``n`` articles in ``lang`` ("ar", "en", or "mixed": two Arabic for one English), deterministic in ``seed``."""
    if lang not in LANGS:
        raise InputError(f"--lang {lang!r} is not one of {', '.join(LANGS)}")
    if n < 1:
        raise InputError(f"--docs must be at least 1 (got {n})")
    pools = pools or pools_from_kb()
    rng = random.Random(seed)
    start = dt.date(2016, 1, 1)
    docs = []
    for i in range(n):
        doc_lang = lang if lang != "mixed" else ("en" if i % 3 == 2 else "ar")
        date = (start + dt.timedelta(days=rng.randint(0, 3800))).isoformat()
        text = _article(rng, doc_lang, pools, target_bytes)
        docs.append(BenchDoc(id=f"bench-{seed}-{i:05d}", lang=doc_lang, date=date, text=text))
    return Corpus(docs=docs, lang=lang, seed=seed, kb_entries=pools.kb_entries)
