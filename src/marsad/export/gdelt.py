"""GDELT 2.0 event table export: tab-separated, no header, the 61 columns in GDELT order (see ``COLUMNS`` and
docs/exports.md), one row per canonical event that is news: a background event (a specific past act the article
recalls as context) is left out, as a GDELT row is a new event. Unknown fields are empty.

Mapping (the decisions a GDELT user should know):
- GlobalEventID: a stable 60-bit integer from sha256 of the marsad event id ("<doc_id>:e1"), the same in every export.
- Day/MonthYear/Year/FractionDate: the document date (GDELT also dates events by their article).
- Actor1*/Actor2*: the first source / first target actor. The CAMEO actor code is split GDELT-style: country code,
  known group (the part after IGO/NGO/..., e.g. UNO), type codes (3-letter chunks after the country). Actor names are
  English names in upper case (as GDELT writes them): the KB entity's canonical name, else the actor code read by
  the KB (``marsad.kb.codes``: IRQGOV -> "IRAQ GOVERNMENT"); never words of the article, which may be no name at all
  ("احتجاجا على"), nor the name of an entity the KB does not know.
- Actor*Geo_*: empty (marsad geolocates events, not actors). ActionGeo_*: the event location: Type 1 for a country,
  3 for a US city, 4 for another place; CountryCode in FIPS 10-4 (as GDELT) converted from ISO3; lat/lon.
- IsRootEvent: 1 when the event is told in the first two sentences.
- NumArticles: 1 + the stored exact and near duplicates of the article; NumMentions: the event's evidence spans
  times NumArticles; NumSources: distinct sources among them. AvgTone: empty (marsad measures no tone).
- DATEADDED: when the document was ingested (UTC, YYYYMMDDHHMMSS). SOURCEURL: the document URL.
- Modality: GDELT has no column for it, so by default only ``asserted`` and ``reported`` events are exported (a
  planned or negated event did not happen); pass ``modalities=None`` for all.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, Sequence

from ..kb.codes import names as code_names
from .fips import ISO3_TO_FIPS
from .output import check_target, staged
from .select import EVERYTHING, Selection
from .tables import NON_STATE_PREFIXES

COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL")
assert len(COLUMNS) == 61

DEFAULT_MODALITIES = ("asserted", "reported")
_RELIGIONS = {"MUS", "CHR", "CTH", "PRO", "JEW", "HIN", "BUD", "SUN", "SHI"}


def global_event_id(event_id: str) -> int:
    """A stable positive integer for a marsad event id (60 bits of its sha256)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def split_actor_code(code: str | None, country: str | None) -> dict[str, Any]:
    """CAMEO actor code -> GDELT's country / known group / religion / three type codes."""
    out: dict[str, Any] = {"country": country or "", "group": "", "rel": [], "types": []}
    if not code:
        return out
    rest = code
    if code[:3] in NON_STATE_PREFIXES:
        if code[:3] in ("IGO", "NGO", "IMG", "MNC", "ISM", "INT", "NGM") and len(code) >= 6:
            out["group"], rest = code[3:6], code[6:]
        else:
            out["group"], rest = code[:3], code[3:]
    elif country and code.startswith(country):
        rest = code[len(country):]
    elif len(code) >= 3 and code[:3].isalpha():
        out["country"] = out["country"] or code[:3]
        rest = code[3:]
    for i in range(0, len(rest) - len(rest) % 3, 3):
        chunk = rest[i:i + 3]
        (out["rel"] if chunk in _RELIGIONS else out["types"]).append(chunk)
    return out


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    return " ".join(str(value).split())


def actor_name(code: str | None, kb_name: str | None) -> str:
    """GDELT's ActorName: the KB entity's English name, else the code read by the KB, upper case; never text."""
    if not code:
        return ""
    name = kb_name or (code_names(code)[0] or "").replace(" – ", " ")
    return name.upper()


def _actor_cols(code: str | None, country: str | None, name: str | None, text: str | None) -> list[Any]:
    parts = split_actor_code(code, country)
    rel, types = parts["rel"] + ["", ""], parts["types"] + ["", "", ""]
    label = actor_name(code, name)
    return [code or "", label, parts["country"], parts["group"], "", rel[0], rel[1], types[0], types[1], types[2]]


def _geo_cols(r: dict[str, Any]) -> list[Any]:
    if r["location_name"] is None and r["location_lat"] is None:
        return [""] * 8
    country = r["location_country"]
    if r["location_kind"] == "country":
        gtype = 1
    else:
        gtype = 3 if country == "USA" else 4
    full = r["location_name"] or ""
    if r["location_kind"] != "country" and r["location_country_name"] and r["location_country_name"] not in full:
        full = f"{full}, {r['location_country_name']}"
    return [gtype, full, ISO3_TO_FIPS.get(country or "", ""), "", "", r["location_lat"], r["location_lon"], ""]


def row_for(r: dict[str, Any]) -> list[str]:
    day: dt.date | None = r["date"]
    cameo = r["cameo"] or ""
    n_articles = 1 + int(r["n_dups"] or 0)
    values: list[Any] = [global_event_id(r["event_id"])]
    if day:
        values += [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                   round(day.year + (day.month * 30 + day.day) / 365, 4)]
    else:
        values += ["", "", "", ""]
    values += _actor_cols(r["a1_code"], r["a1_country"], r["a1_name"], r["a1_text"])
    values += _actor_cols(r["a2_code"], r["a2_country"], r["a2_name"], r["a2_text"])
    values += [1 if (r["sentence"] or 0) <= 1 else 0, cameo, cameo[:3], cameo[:2], r["quad_class"],
               r["goldstein"], max(1, int(r["n_evidences"] or 1)) * n_articles, int(r["n_sources"] or 1),
               n_articles, ""]
    values += [""] * 16  # Actor1Geo_*, Actor2Geo_*
    values += _geo_cols(r)
    added: dt.datetime | None = r["ingested_at"]
    values += [added.strftime("%Y%m%d%H%M%S") if added else "", r["url"] or ""]
    assert len(values) == 61
    return [_clean(v) for v in values]


QUERY = """
WITH dups AS (
    SELECT coalesce(dup_of, near_dup_of) AS canon, count(*) AS n, count(DISTINCT source) AS sources
    FROM documents WHERE dup_of IS NOT NULL OR near_dup_of IS NOT NULL GROUP BY 1),
first_actor AS (
    SELECT a.event_id, a.role, a.code, a.country, a.text, en.name
    FROM event_actors a LEFT JOIN entities en ON en.doc_id = a.doc_id AND en.entity_id = a.entity_id
         AND NOT starts_with(en.entity_id, 'new:')  -- names the KB does not know are as written, not English
    WHERE a.position = 0 AND a.canonical)
SELECT e.event_id, e.date, e.cameo, e.quad_class, e.goldstein, e.sentence, len(e.evidences) AS n_evidences,
       e.location_name, e.location_country, e.location_lat, e.location_lon,
       le.kind AS location_kind, lc.name AS location_country_name,
       s.code AS a1_code, s.country AS a1_country, s.name AS a1_name, s.text AS a1_text,
       t.code AS a2_code, t.country AS a2_country, t.name AS a2_name, t.text AS a2_text,
       coalesce(dups.n, 0) AS n_dups, 1 + coalesce(dups.sources, 0) AS n_sources,
       d.url, d.ingested_at
FROM events e JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN first_actor s ON s.event_id = e.event_id AND s.role = 'source'
LEFT JOIN first_actor t ON t.event_id = e.event_id AND t.role = 'target'
LEFT JOIN entities le ON le.doc_id = e.doc_id AND le.entity_id = e.location_entity
LEFT JOIN (SELECT country, any_value(name) AS name FROM entities WHERE kind = 'country' GROUP BY 1) lc
       ON lc.country = e.location_country
LEFT JOIN dups ON dups.canon = e.doc_id
WHERE e.canonical AND NOT e.background AND (? OR e.modality IN (SELECT unnest(?::VARCHAR[]))) AND {selection}
ORDER BY e.date NULLS LAST, e.event_id
"""


def export_gdelt(store, out: str | Path, modalities: Sequence[str] | None = DEFAULT_MODALITIES,
                 header: bool = False, force: bool = False, selection: Selection = EVERYTHING) -> int:
    """Write the GDELT 2.0 events TSV; return the number of rows. ``header=True`` adds the column names;
    ``selection`` keeps the events of a date range, actor and types (``select.Selection``).
    The file is written whole or not at all (``output``): an existing one is replaced only with ``force``."""
    check_target(out, store_path=store.path, force=force)
    cond, params = selection.where("e")
    cur = store.con.execute(QUERY.format(selection=cond), [modalities is None, list(modalities or []), *params])
    return write_tsv(cur, out, row_for, header)


def write_tsv(cur, out: str | Path, row_of, header: bool) -> int:
    """Write the rows of a query cursor as GDELT TSV, each made by ``row_of`` from a dict of its columns, staged
    (whole or not at all); return the number of rows. ``header`` adds the GDELT column names."""
    names = [d[0] for d in cur.description]
    n = 0
    with staged() as files, open(files.path(out), "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        if header:
            writer.writerow(COLUMNS)
        while True:
            chunk = cur.fetchmany(5000)
            if not chunk:
                break
            for values in chunk:
                writer.writerow(row_of(dict(zip(names, values))))
                n += 1
    return n
