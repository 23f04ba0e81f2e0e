"""Load, check and index the knowledge base in ``kb/data`` (or a directory of the same layout).

``load_kb(data_dir=None)`` reads the six entity/role files (a missing file counts as empty), checks every record
against ``marsad.kb.schema`` plus the cheap cross-record rules (unique ids, country codes and role posts that
exist, capitals that exist), and returns a ``KnowledgeBase`` with typed records, the gazetteer name list and
date-aware role lookup. Results are cached per resolved directory for the life of the process. Rule files
(triggers_*.jsonl, cameo.jsonl, ...) are not read here (``marsad.kb.rules`` does), but they are part of the
manifest and of ``KnowledgeBase.fingerprint``. Imports ``marsad.errors``, ``marsad.text`` (normalize_key).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..errors import KBError
from ._normalize import normalize_key
from ._shared import shared
from .records import PRIORITY, EntityRecord, NameEntry, RoleRecord, RoleSpell
from .schema import FILES, check_record, parse_day

DATA_DIR = Path(__file__).resolve().parent / "data"
MANIFEST = "manifest.json"


def read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield (line number, parsed object) for each non-blank line; bad JSON is a KBError with file:line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KBError(f"not UTF-8 ({exc.reason} at byte {exc.start})", file=path.name) from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, shared(json.loads(line))  # interned keys and short values (kb._shared)
        except json.JSONDecodeError as exc:
            raise KBError(f"bad JSON: {exc.msg} (column {exc.colno})", file=path.name, line=n) from None


def data_files(data_dir: Path) -> list[Path]:
    """Every file the manifest covers: all regular files of the directory except manifest.json, sorted."""
    return sorted(p for p in data_dir.iterdir() if p.is_file() and p.name != MANIFEST and not p.name.startswith("."))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _is_acronym(surface: str) -> bool:
    """Latin upper-case short forms (US, U.S., UAE, DRC): matched case-sensitively by the gazetteer."""
    if len(surface) > 12 or " " in surface or not surface.isascii():
        return False
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 6 and all(c.isupper() for c in letters)


@dataclass
class KnowledgeBase:
    """The loaded KB. Build it with ``load_kb``; treat it as read-only (it is shared by the whole process)."""

    data_dir: Path
    version: str
    files: dict[str, str]  # file name -> sha256 of its current content
    manifest_files: dict[str, str]  # file name -> sha256 recorded in manifest.json ({} if absent)
    entities: dict[str, EntityRecord]
    roles: dict[str, RoleRecord]
    record_lines: dict[str, tuple[str, int]]  # id -> (file, line) where the record was read
    _spells: dict[str, tuple[RoleSpell, ...]] = field(default_factory=dict, repr=False)
    _countries: dict[str, EntityRecord] = field(default_factory=dict, repr=False)
    _names: list[NameEntry] | None = field(default=None, repr=False)
    _by_key: dict[str, list[NameEntry]] | None = field(default=None, repr=False)

    @property
    def fingerprint(self) -> str:
        """sha256 over the names and contents of every data file: the key for on-disk caches (never hash())."""
        h = hashlib.sha256()
        for name in sorted(self.files):
            h.update(f"{name}\0{self.files[name]}\n".encode())
        return h.hexdigest()

    @property
    def manifest_current(self) -> bool:
        return self.manifest_files == self.files

    def country(self, code: str) -> EntityRecord | None:
        """The country record for an ISO3, CAMEO or ISO2 code (case-insensitive), or None."""
        return self._countries.get(code.upper()) if code else None

    def capital_country(self, place_id: str) -> str | None:
        """ISO3 of the country whose capital ``place_id`` is, or whose government its name stands for in news
        (``seat_of``: Tel Aviv), or None."""
        rec = self.entities.get(place_id)
        if rec is None or rec.kind != "place":
            return None
        return rec.raw.get("capital_of") or rec.raw.get("seat_of")

    def person_roles(self, person_id: str, on: dt.date | None = None) -> tuple[RoleSpell, ...]:
        """Every spell of the person covering ``on`` (all spells when ``on`` is None), in file order."""
        spells = self._spells.get(person_id, ())
        return spells if on is None else tuple(s for s in spells if s.covers(on))

    def person_role(self, person_id: str, on: dt.date | None = None) -> RoleSpell | None:
        """The post a person held on ``on``; the most recent spell when ``on`` is None; None when none covers it.

        When several spells cover the date (one person holding two posts), the first listed in the file wins:
        people.jsonl lists the primary post first.
        """
        spells = self._spells.get(person_id, ())
        if on is not None:
            return next((s for s in spells if s.covers(on)), None)
        if not spells:
            return None
        # most recent: open-ended first, then latest end, then latest start; ties keep file order
        return max(spells, key=lambda s: (s.end is None, s.end or dt.date.min, s.start or dt.date.min))

    def names(self) -> list[NameEntry]:
        """Every surface form of every entity and role, computed once (see NameEntry)."""
        if self._names is None:
            self._names = _build_names(self)
        return self._names

    def names_by_key(self) -> dict[str, list[NameEntry]]:
        """``names()`` grouped by normalized key (for lookups by name), computed once."""
        if self._by_key is None:
            idx: dict[str, list[NameEntry]] = {}
            for e in self.names():
                idx.setdefault(e.key, []).append(e)
            self._by_key = idx
        return self._by_key

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for rec in self.entities.values():
            out[rec.kind] = out.get(rec.kind, 0) + 1
        out["role"] = len(self.roles)
        return out


UN_PREFIX, UN_DOTTED = "UN ", "U.N. "


def _entry_names(rec: EntityRecord) -> Iterator[tuple[str, str, str, bool]]:
    """(surface, lang, kind, needs_context) for one entity record."""
    raw = rec.raw
    if rec.kind == "country":
        amb = set(raw["ambiguous_en"]) | set(raw["ambiguous_ar"])
        for s in [raw["name"], *raw["names_en"]]:
            yield s, "en", "acronym" if _is_acronym(s) else "country", s in amb
        for s in [raw["name_ar"], *raw["names_ar"]]:
            yield s, "ar", "country", s in amb
        for s in raw["nisba_ar"]:
            yield s, "ar", "nisba", s in amb
        for s in raw["demonyms_en"]:
            yield s, "en", "demonym", s in amb
    elif rec.kind == "person":
        amb = set(raw["ambiguous"])
        for s in [raw["name"], *raw["names_en"]]:
            yield s, "en", "person", s in amb
        for s in [raw["name_ar"], *raw["names_ar"]] if raw["name_ar"] else raw["names_ar"]:
            yield s, "ar", "person", s in amb
        for s in raw["short_en"]:
            yield s, "en", "person_short", s in amb
        for s in raw["short_ar"]:
            yield s, "ar", "person_short", s in amb
        for s in raw["ambiguous"]:  # ambiguous forms not listed elsewhere still resolve, with context
            yield s, "ar" if not s.isascii() else "en", "person_short", True
    else:
        flag = raw.get("ambiguous", False)
        amb_all = flag is True
        amb = set(flag) if isinstance(flag, list) else set()
        kind = {"organization": "organization", "region": "region"}.get(rec.kind) or (
            "capital" if raw.get("kind") == "capital" or raw.get("seat_of") else "place")
        for s in [raw["name"], *raw["names_en"]]:
            yield s, "en", "acronym" if _is_acronym(s) else kind, amb_all or s in amb
            if s.startswith(UN_PREFIX):  # wire style spells the body's prefix with stops: "U.N. General Assembly"
                yield UN_DOTTED + s[len(UN_PREFIX):], "en", kind, amb_all or s in amb
        ar = [raw["name_ar"], *raw["names_ar"]] if raw.get("name_ar") else raw["names_ar"]
        for s in ar:
            yield s, "ar", kind, amb_all or s in amb
        for s in raw.get("acronyms", ()):
            yield s, "en" if s.isascii() else "ar", "acronym", amb_all or s in amb


def _build_names(kb: KnowledgeBase) -> list[NameEntry]:
    """One entry per (key, lang, kind, target); when several surfaces share it, the entry needs context only
    if every one of them does (an unambiguous spelling variant makes the key unambiguous)."""
    out: dict[tuple[str, str, str, str], NameEntry] = {}
    keys: dict[str, str] = {}  # many surfaces repeat (name and names_en, nisba of shared bases): normalize once

    def add(surface: str, lang: str, kind: str, target: str, ctx: bool) -> None:
        key = keys.get(surface)
        if key is None:
            key = keys[surface] = normalize_key(surface)
        if not key:
            return
        k = (key, lang, kind, target)
        old = out.get(k)
        if old is None or (old.needs_context and not ctx):
            out[k] = NameEntry(surface, key, lang, kind, target, ctx, PRIORITY[kind] - (20 if ctx else 0))

    for rec in kb.entities.values():
        for surface, lang, kind, ctx in _entry_names(rec):
            add(surface, lang, kind, rec.id, ctx)
    for role in kb.roles.values():
        for s in role.names_ar:
            add(s, "ar", "role", role.id, s in role.ambiguous)
        for s in role.names_en:
            add(s, "en", "role", role.id, s in role.ambiguous)
    return list(out.values())


def _entity(kind: str, rec: dict[str, Any]) -> EntityRecord:
    if kind == "country":
        return EntityRecord(rec["id"], kind, rec["name"], rec["name_ar"], rec["code"], rec["code"], (),
                            rec["lat"], rec["lon"], rec)
    if kind == "place":
        return EntityRecord(rec["id"], kind, rec["name"], rec["name_ar"], None, rec["country"], (), rec["lat"],
                            rec["lon"], rec)
    if kind == "region":
        return EntityRecord(rec["id"], kind, rec["name"], rec["name_ar"], None, None, (), rec["lat"], rec["lon"], rec)
    if kind == "organization":
        return EntityRecord(rec["id"], kind, rec["name"], rec["name_ar"], rec["code"], rec["country"],
                            tuple(rec["sectors"]), rec.get("lat"), rec.get("lon"), rec)
    return EntityRecord(rec["id"], kind, rec["name"], rec["name_ar"], rec["country"], rec["country"], (),
                        None, None, rec)


def _read_manifest(data_dir: Path) -> tuple[str, dict[str, str]]:
    path = data_dir / MANIFEST
    if not path.exists():
        return "unversioned", {}
    try:
        man = json.loads(path.read_text(encoding="utf-8"))
        return str(man["kb_version"]), dict(man["files"])
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise KBError(f"unreadable manifest ({exc}); rebuild it with: python -m marsad.kb.manifest",
                      file=MANIFEST) from None


def build_kb(data_dir: Path) -> KnowledgeBase:
    """Read and check the KB in ``data_dir`` (uncached; use ``load_kb``)."""
    if not data_dir.is_dir():
        raise KBError(f"KB directory {data_dir} does not exist")
    present = [f for f in FILES if (data_dir / f).exists()]
    if not present:
        raise KBError(f"no KB files in {data_dir} (expected some of: {', '.join(FILES)})")
    version, manifest_files = _read_manifest(data_dir)
    files = {p.name: file_sha256(p) for p in data_files(data_dir)}
    raw: dict[str, list[tuple[int, dict]]] = {}
    record_lines: dict[str, tuple[str, int]] = {}
    for fname in present:
        rows = []
        for n, rec in read_jsonl(data_dir / fname):
            check_record(fname, n, rec)
            if rec["id"] in record_lines:
                f0, n0 = record_lines[rec["id"]]
                raise KBError(f"duplicate id {rec['id']!r} (first at {f0}:{n0})", file=fname, line=n)
            record_lines[rec["id"]] = (fname, n)
            rows.append((n, rec))
        raw[fname] = rows

    countries: dict[str, EntityRecord] = {}
    entities: dict[str, EntityRecord] = {}
    for n, rec in raw.get("countries.jsonl", ()):
        ent = _entity("country", rec)
        entities[ent.id] = ent
        for code in (rec["iso3"], rec["code"], rec["iso2"]):
            other = countries.get(code)
            if other is not None and other.id != ent.id:
                raise KBError(f"code {code} of {ent.id} is already used by {other.id}", file="countries.jsonl", line=n)
            countries[code] = ent

    def need_country(code: str | None, fname: str, n: int, what: str) -> None:
        if code is not None and code not in countries and countries:
            raise KBError(f"{what} {code!r} is not a country code of countries.jsonl", file=fname, line=n)

    roles: dict[str, RoleRecord] = {}
    posts: set[str] = set()
    for n, rec in raw.get("roles.jsonl", ()):
        roles[rec["id"]] = RoleRecord(rec["id"], rec["kind"], rec["post"], tuple(rec["sectors"]),
                                      tuple(rec["names_ar"]), tuple(rec["names_en"]),
                                      tuple(rec.get("ambiguous") or ()), rec.get("org"))
        posts.add(rec["post"])

    for fname, kind in (("places.jsonl", "place"), ("regions.jsonl", "region"),
                        ("organizations.jsonl", "organization"), ("people.jsonl", "person")):
        for n, rec in raw.get(fname, ()):
            if kind == "region":
                for c in rec["countries"]:
                    need_country(c, fname, n, "member")
            else:
                need_country(rec["country"], fname, n, "country")
            if kind == "place":
                need_country(rec["capital_of"], fname, n, "capital_of")
                need_country(rec.get("seat_of"), fname, n, "seat_of")
            entities[rec["id"]] = _entity(kind, rec)

    spells: dict[str, tuple[RoleSpell, ...]] = {}
    for n, rec in raw.get("people.jsonl", ()):
        out = []
        for i, s in enumerate(rec["roles"], 1):
            need_country(s["country"], "people.jsonl", n, f"roles[{i}].country")
            org = s.get("org")
            if org is not None and "organizations.jsonl" in raw and getattr(entities.get(org), "kind", None) != \
                    "organization":
                raise KBError(f"roles[{i}].org {org!r} is not a record of organizations.jsonl", file="people.jsonl",
                              line=n)
            if roles and s["post"] not in posts:
                raise KBError(f"roles[{i}].post {s['post']!r} is not a post of roles.jsonl", file="people.jsonl",
                              line=n)
            out.append(RoleSpell(s["post"], s["country"], s["title_en"],
                                 parse_day(s["start"], "people.jsonl", n, "start"),
                                 parse_day(s["end"], "people.jsonl", n, "end"), tuple(s["sectors"]),
                                 s.get("org")))
        spells[rec["id"]] = tuple(out)

    for n, rec in raw.get("roles.jsonl", ()):
        org = rec.get("org")
        if org is not None and "organizations.jsonl" in raw and getattr(entities.get(org), "kind", None) != \
                "organization":
            raise KBError(f"org {org!r} is not a record of organizations.jsonl", file="roles.jsonl", line=n)

    for n, rec in raw.get("countries.jsonl", ()):
        cap = rec["capital"]
        if cap is not None and "places.jsonl" in raw:
            place = entities.get(cap)
            if place is None or place.kind != "place":
                raise KBError(f"capital {cap!r} is not a record of places.jsonl", file="countries.jsonl", line=n)

    return KnowledgeBase(data_dir=data_dir, version=version, files=files, manifest_files=manifest_files,
                         entities=entities, roles=roles, record_lines=record_lines, _spells=spells,
                         _countries=countries)


@functools.cache
def _load_cached(data_dir: Path) -> KnowledgeBase:
    return build_kb(data_dir)


def load_kb(data_dir: Path | str | None = None) -> KnowledgeBase:
    """The knowledge base in ``data_dir`` (default: the one shipped in the package), loaded once per process."""
    path = DATA_DIR if data_dir is None else Path(data_dir).resolve()
    return _load_cached(path)
