"""Record-level schema of the KB files (see data/README.md): field types, id prefixes, code formats.

``check_record(file, line, rec)`` raises ``KBError(message, file=..., line=...)`` on the first problem of one
record. Cross-record checks (unique ids, codes that exist, overlapping role spells, name clashes) live in
``marsad.kb.loader`` (the cheap ones, always run) and ``marsad.kb.validate`` (the full report).
Hand-written checks rather than a JSON-Schema engine: the whole KB must validate in well under a second.
Imports only ``marsad.errors``.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from ..errors import KBError

# file name -> (id prefix, entity kind or None for roles)
FILES: dict[str, tuple[str, str | None]] = {
    "countries.jsonl": ("country:", "country"),
    "places.jsonl": ("place:", "place"),
    "regions.jsonl": ("region:", "region"),
    "organizations.jsonl": ("org:", "organization"),
    "people.jsonl": ("person:", "person"),
    "roles.jsonl": ("role:", None),
}

ORG_KINDS = frozenset({"igo", "un_agency", "ministry", "military", "police", "intelligence", "armed_group", "party",
                       "court", "media", "ngo", "company", "legislature", "government"})
PLACE_KINDS = frozenset({"capital", "city", "admin"})
ROLE_KINDS = frozenset({"title", "institution", "group"})

CODE3 = re.compile(r"[A-Z]{3}")
ISO2 = re.compile(r"[A-Z]{2}")
NUMERIC = re.compile(r"[0-9]{3}")
ACTOR_CODE = re.compile(r"(?:[A-Z]{3})+")
ID_BODY = re.compile(r"[a-z]+:[A-Za-z0-9][A-Za-z0-9_.\-]*")
POST = re.compile(r"[a-z][a-z0-9_]*")


def _str(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


def _opt_str(v: Any) -> bool:
    return v is None or _str(v)


def _any_str(v: Any) -> bool:  # "sources"/"notes": may be empty
    return isinstance(v, str)


def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(_str(x) for x in v)


def _num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _opt_num(v: Any) -> bool:
    return v is None or _num(v)


def _bool(v: Any) -> bool:
    return isinstance(v, bool)


def _bool_or_list(v: Any) -> bool:
    return isinstance(v, bool) or _str_list(v)


def _opt_int(v: Any) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool))


def _spells(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, dict) for x in v)


TYPE_NAMES: dict[Callable[[Any], bool], str] = {
    _str: "a non-empty string", _opt_str: "a non-empty string or null", _any_str: "a string",
    _str_list: "a list of non-empty strings", _num: "a number", _opt_num: "a number or null", _bool: "true/false",
    _bool_or_list: "true/false or a list of names", _opt_int: "an integer or null", _spells: "a list of objects",
}

COMMON = {"id": _str, "sources": _any_str, "notes": _any_str}
REQUIRED: dict[str, dict[str, Callable[[Any], bool]]] = {
    "countries.jsonl": {**COMMON, "iso2": _str, "iso3": _str, "numeric": _opt_str, "code": _str, "name": _str,
                        "names_en": _str_list, "name_ar": _str, "names_ar": _str_list, "nisba_ar": _str_list,
                        "demonyms_en": _str_list, "capital": _opt_str, "lat": _opt_num, "lon": _opt_num,
                        "ambiguous_en": _str_list, "ambiguous_ar": _str_list},
    "places.jsonl": {**COMMON, "name": _str, "names_en": _str_list, "name_ar": _opt_str, "names_ar": _str_list,
                     "country": _str, "lat": _num, "lon": _num, "population": _opt_int, "kind": _str,
                     "capital_of": _opt_str, "ambiguous": _bool_or_list},
    "regions.jsonl": {**COMMON, "name": _str, "names_en": _str_list, "name_ar": _str, "names_ar": _str_list,
                      "code": _opt_str, "countries": _str_list, "lat": _opt_num, "lon": _opt_num},
    "organizations.jsonl": {**COMMON, "kind": _str, "name": _str, "names_en": _str_list, "name_ar": _opt_str,
                            "names_ar": _str_list, "acronyms": _str_list, "code": _str, "country": _opt_str,
                            "sectors": _str_list, "ambiguous": _bool_or_list},
    "people.jsonl": {**COMMON, "name": _str, "names_en": _str_list, "short_en": _str_list, "name_ar": _opt_str,
                     "names_ar": _str_list, "short_ar": _str_list, "ambiguous": _str_list, "gender": _opt_str,
                     "country": _opt_str, "roles": _spells},
    "roles.jsonl": {**COMMON, "kind": _str, "post": _str, "names_ar": _str_list, "names_en": _str_list,
                    "sectors": _str_list},
}
SPELL = {"post": _str, "country": _opt_str, "title_en": _opt_str, "start": _opt_str, "end": _opt_str,
         "sectors": _str_list}  # "sources" optional per spell


# fields a record may carry beyond REQUIRED (anything else is reported as a warning by the validator)
OPTIONAL: dict[str, frozenset[str]] = {
    "countries.jsonl": frozenset(),
    "places.jsonl": frozenset({"seat_of"}),  # ISO3 of the government a non-capital city's name stands for
    "regions.jsonl": frozenset({"ambiguous"}),
    "organizations.jsonl": frozenset({"lat", "lon", "parent", "wikidata", "founded", "dissolved"}),
    "people.jsonl": frozenset({"wikidata", "born", "died"}),
    "roles.jsonl": frozenset({"ambiguous", "org"}),  # org: the body a title of its own heads (UN Secretary-General)
}
SPELL_OPTIONAL = frozenset({"org", "sources", "notes"})


def parse_day(value: str | None, file: str, line: int, what: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None; anything else is a KBError naming file and line."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KBError(f"{what} {value!r} is not a date YYYY-MM-DD", file=file, line=line) from None


def _fields(file: str, line: int, rec: dict, spec: dict[str, Callable[[Any], bool]], where: str = "") -> None:
    for key, ok in spec.items():
        if key not in rec:
            raise KBError(f"{where}missing required field {key!r}", file=file, line=line)
        if not ok(rec[key]):
            raise KBError(f"{where}field {key!r} must be {TYPE_NAMES[ok]}, got {rec[key]!r:.80}", file=file, line=line)


def _sectors(file: str, line: int, sectors: list[str], where: str = "") -> None:
    for s in sectors:
        if not CODE3.fullmatch(s):
            raise KBError(f"{where}sector {s!r} is not a 3-letter upper-case code", file=file, line=line)


def check_record(file: str, line: int, rec: Any) -> None:
    """Check one record of ``file`` (a key of FILES) against its schema; raise KBError on the first problem."""
    if not isinstance(rec, dict):
        raise KBError("a record must be a JSON object", file=file, line=line)
    prefix, _ = FILES[file]
    _fields(file, line, rec, REQUIRED[file])
    rid = rec["id"]
    if not rid.startswith(prefix) or not ID_BODY.fullmatch(rid):
        raise KBError(f"id {rid!r} must look like '{prefix}<letters, digits, - _ .>'", file=file, line=line)
    if file == "countries.jsonl":
        if not ISO2.fullmatch(rec["iso2"]) or not CODE3.fullmatch(rec["iso3"]) or not CODE3.fullmatch(rec["code"]):
            raise KBError("iso2 must be 2 and iso3/code 3 upper-case letters", file=file, line=line)
        if rec["numeric"] is not None and not NUMERIC.fullmatch(rec["numeric"]):
            raise KBError(f"numeric {rec['numeric']!r} must be 3 digits", file=file, line=line)
        if rid != f"country:{rec['iso3']}":
            raise KBError(f"id {rid!r} must be 'country:' + iso3 ({rec['iso3']})", file=file, line=line)
    elif file == "places.jsonl":
        if rec["kind"] not in PLACE_KINDS:
            raise KBError(f"kind {rec['kind']!r} must be one of {sorted(PLACE_KINDS)}", file=file, line=line)
        if not CODE3.fullmatch(rec["country"]):
            raise KBError(f"country {rec['country']!r} must be an ISO3 code", file=file, line=line)
        if (rec["kind"] == "capital") != (rec["capital_of"] is not None):
            raise KBError("kind 'capital' and capital_of go together", file=file, line=line)
        if "seat_of" in rec and (rec["kind"] == "capital" or not _str(rec["seat_of"])
                                 or not CODE3.fullmatch(rec["seat_of"])):
            raise KBError("seat_of must be an ISO3 code on a place that is not a capital", file=file, line=line)
    elif file == "organizations.jsonl":
        if rec["kind"] not in ORG_KINDS:
            raise KBError(f"kind {rec['kind']!r} must be one of {sorted(ORG_KINDS)}", file=file, line=line)
        if not ACTOR_CODE.fullmatch(rec["code"]):
            raise KBError(f"code {rec['code']!r} must be 3-letter upper-case blocks (e.g. IGONAT)", file=file,
                          line=line)
        _sectors(file, line, rec["sectors"])
    elif file == "roles.jsonl":
        if rec["kind"] not in ROLE_KINDS:
            raise KBError(f"kind {rec['kind']!r} must be one of {sorted(ROLE_KINDS)}", file=file, line=line)
        if not POST.fullmatch(rec["post"]):
            raise KBError(f"post {rec['post']!r} must be lower_snake_case", file=file, line=line)
        _sectors(file, line, rec["sectors"])
        if "ambiguous" in rec and not (_str_list(rec["ambiguous"]) or rec["ambiguous"] is False):
            raise KBError("field 'ambiguous' must be a list of names", file=file, line=line)
        if "org" in rec and not (isinstance(rec["org"], str) and rec["org"].startswith("org:")):
            raise KBError(f"org {rec['org']!r} must be an 'org:...' id", file=file, line=line)
    elif file == "people.jsonl":
        if rec["gender"] not in (None, "m", "f"):
            raise KBError(f"gender {rec['gender']!r} must be 'm', 'f' or null", file=file, line=line)
        for i, spell in enumerate(rec["roles"], 1):
            where = f"roles[{i}]: "
            _fields(file, line, spell, SPELL, where)
            _sectors(file, line, spell["sectors"], where)
            if not _opt_str(spell.get("org")) or (spell.get("org") and not spell["org"].startswith("org:")):
                raise KBError(f"{where}org {spell.get('org')!r} must be an 'org:...' id or null", file=file, line=line)
            start = parse_day(spell["start"], file, line, where + "start")
            end = parse_day(spell["end"], file, line, where + "end")
            if start and end and end < start:
                raise KBError(f"{where}end {end} is before start {start}", file=file, line=line)
    lat, lon = rec.get("lat"), rec.get("lon")
    if lat is not None and not -90 <= lat <= 90 or lon is not None and not -180 <= lon <= 180:
        raise KBError(f"coordinates {lat},{lon} are out of range", file=file, line=line)
