"""PLOVER / POLECAT-style JSON lines: one record per canonical event, following the PLOVER manual's record fields
(id, date, actor and recipient lists, event, mode, context, event_loc, event_text, quad_code, text_info,
cite_info, coder) plus a ``marsad`` block with what PLOVER has no field for (modality, CAMEO code, Goldstein,
rule, confidence, document id, ``background``: true for a specific past act the article recalls as context rather
than reports as news; such events are exported, flagged, so a user can keep or drop them). ``context`` is always an empty list: marsad does not code contexts yet.

Entity objects: ``code`` is the top-level entity (ISO3 country, or the IGO/NGO code such as UNO), ``sector`` the
rest of the CAMEO actor code (GOV, MIL, ...), ``entity_text`` the words of the article, ``entity_name`` the KB's
canonical name, ``actor_code`` the full marsad actor code, ``start``/``end`` the offsets of the words.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from .gdelt import split_actor_code
from .output import check_target, staged
from .select import EVERYTHING, Selection

CODEBOOK = "plover-2.0-draft"


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    parts = split_actor_code(a["code"], a["country"])
    top = parts["country"] or parts["group"] or (a["code"] or "")[:3]
    return {"code": top, "sector": "".join(parts["types"]) or None, "entity_text": a["text"],
            "entity_name": a["name"], "actor_code": a["code"], "start": a["start"], "end": a["end"]}


QUERY = """
SELECT e.*, d.url, d.title, d.lang, d.source AS publication, d.text AS doc_text
FROM events e JOIN documents d ON d.doc_id = e.doc_id
WHERE e.canonical AND (? OR e.modality IN (SELECT unnest(?::VARCHAR[]))) AND {selection}
ORDER BY e.date NULLS LAST, e.event_id
"""

ACTORS = """
SELECT a.event_id, a.role, a.code, a.country, a.text, a."start", a."end", en.name
FROM event_actors a LEFT JOIN entities en ON en.doc_id = a.doc_id AND en.entity_id = a.entity_id
WHERE a.event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY a.event_id, a.role, a.position
"""


def record_for(r: dict[str, Any], actors: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    text = r["doc_text"] or ""
    spans = r["evidences"] or [{"start": r["evidence_start"], "end": r["evidence_end"]}]
    loc = None
    if r["location_name"] is not None:
        loc = {"extracted_place": r["location_name"], "resolved_place": r["location_name"],
               "lat": r["location_lat"], "lon": r["location_lon"], "country_code": r["location_country"]}
    return {
        "id": r["event_id"], "has_event": True, "date": r["date"].isoformat() if r["date"] else None,
        "actor": actors.get((r["event_id"], "source"), []), "recipient": actors.get((r["event_id"], "target"), []),
        "event": [r["type"]] if r["type"] else [], "mode": [r["mode"]] if r["mode"] else [], "context": [],
        "event_loc": loc, "event_text": [text[s["start"]:s["end"]] for s in spans],
        "quad_code": r["quad_class"],
        "text_info": {"sequence": r["sentence"], "start": r["evidence_start"], "end": r["evidence_end"],
                      "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]}},
        "cite_info": {"corpus": None, "url": r["url"], "title": r["title"], "language": r["lang"],
                      "publication": r["publication"], "coder": f"marsad {r['coder_version'] or ''}".strip(),
                      "codebook": CODEBOOK, "version": r["kb_version"]},
        "marsad": {"doc_id": r["doc_id"], "modality": r["modality"], "cameo": r["cameo"],
                   "goldstein": r["goldstein"], "rule": r["rule"], "confidence": r["confidence"],
                   "background": bool(r["background"]),
                   "time": None if r["time_text"] is None else {"text": r["time_text"], "value": r["time_value"],
                                                                "relation": r["time_relation"]}},
    }


def export_plover(store, out: str | Path, modalities: Sequence[str] | None = None, force: bool = False,
                  selection: Selection = EVERYTHING) -> int:
    """Write PLOVER JSON lines (all modalities unless restricted; ``selection``: a date range, actor and types);
    return the number of records. The file is written whole or not at all (``output``): an existing one is
    replaced only with ``force``."""
    check_target(out, store_path=store.path, force=force)
    cur = store.con.cursor()  # a second cursor: the actor lookups below must not end this result
    cond, params = selection.where("e")
    cur.execute(QUERY.format(selection=cond), [modalities is None, list(modalities or []), *params])
    names = [d[0] for d in cur.description]
    n = 0
    with staged() as files, open(files.path(out), "w", encoding="utf-8") as fh:
        while True:
            chunk = [dict(zip(names, v)) for v in cur.fetchmany(2000)]
            if not chunk:
                break
            acts: dict[tuple[str, str], list[dict[str, Any]]] = {}
            rows = store.con.execute(ACTORS, [[r["event_id"] for r in chunk]]).fetchall()
            for eid, role, code, country, text, start, end, name in rows:
                acts.setdefault((eid, role), []).append(_entity(
                    {"code": code, "country": country, "text": text, "start": start, "end": end, "name": name}))
            for r in chunk:
                fh.write(json.dumps(record_for(r, acts), ensure_ascii=False) + "\n")
                n += 1
    return n
