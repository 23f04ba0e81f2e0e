"""Cluster-level GDELT 2.0 events TSV: one row per act (event cluster, ``marsad cluster``), beside the per-mention
file of ``export.gdelt``: the same 61 columns, with GDELT's counts filled from the tellings.

Mapping (where it differs from the per-mention file):
- GlobalEventID: the stable 60-bit integer of ``"cluster:" + cluster_id`` (the cluster id is its smallest member
  event id, so an act keeps its id while no earlier telling joins it).
- Day: the act's best-supported day (the day most tellings name, else its first article's date).
- Actor1/Actor2, EventCode, QuadClass, GoldsteinScale, ActionGeo_*: the cluster's best-supported values.
- NumMentions: its tellings; NumArticles: the distinct articles telling it; NumSources: the distinct outlets.
- IsRootEvent: 1 when one of its tellings is in the first two sentences of its article.
- DATEADDED: when its first article was ingested; SOURCEURL: the URL of its first article (earliest date).
- Modality: acts that took place only (asserted or reported tellings), unless ``all_modalities``.

Imports marsad.export.{gdelt, output, select}.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .gdelt import COLUMNS, _actor_cols, _clean, _geo_cols, global_event_id, write_tsv
from .output import check_target
from .select import EVERYTHING, Selection

QUERY = """
WITH t AS (
    SELECT ce.cluster_id, min(e.sentence) AS first_sentence, min(d.ingested_at) AS added,
           arg_min(d.url, (d.date, d.doc_id)) AS url
    FROM cluster_events ce JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
    GROUP BY ce.cluster_id)
SELECT k.*, t.first_sentence, t.added, t.url, lc.name AS location_country_name
FROM clusters k JOIN t USING (cluster_id)
LEFT JOIN (SELECT country, any_value(name) AS name FROM entities WHERE kind = 'country' GROUP BY 1) lc
       ON lc.country = k.location_country
WHERE (? OR NOT contains(k.family, '/'))
  AND k.cluster_id IN (SELECT ce.cluster_id FROM cluster_events ce JOIN events e USING (event_id) WHERE {selection})
ORDER BY k.date NULLS LAST, k.cluster_id
"""


def row_for(r: dict[str, Any]) -> list[str]:
    day = r["date"]
    cameo = r["cameo"] or ""
    values: list[Any] = [global_event_id("cluster:" + r["cluster_id"])]
    values += ([day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                round(day.year + (day.month * 30 + day.day) / 365, 4)] if day else ["", "", "", ""])
    values += _actor_cols(r["source_code"], r["source_country"], None, None)
    values += _actor_cols(r["target_code"], r["target_country"], None, None)
    values += [1 if (r["first_sentence"] or 0) <= 1 else 0, cameo, cameo[:3], cameo[:2], r["quad_class"],
               r["goldstein"], r["n_mentions"], r["n_sources"], r["n_articles"], ""]
    values += [""] * 16  # Actor1Geo_*, Actor2Geo_*
    loc = r["location_entity"] or ""
    values += _geo_cols({"location_name": r["location_name"], "location_lat": r["location_lat"],
                         "location_lon": r["location_lon"], "location_country": r["location_country"],
                         "location_kind": "country" if loc.startswith("country:") else "place",
                         "location_country_name": r["location_country_name"]})
    added = r["added"]
    values += [added.strftime("%Y%m%d%H%M%S") if added else "", r["url"] or ""]
    assert len(values) == len(COLUMNS)
    return [_clean(v) for v in values]


def export_gdelt_clusters(store, out: str | Path, all_modalities: bool = False, header: bool = False,
                          force: bool = False, selection: Selection = EVERYTHING) -> int:
    """Write one GDELT row per act whose tellings ``selection`` selects; return the number of rows. Written whole
    or not at all; an existing file is replaced only with ``force``."""
    check_target(out, store_path=store.path, force=force)
    cond, params = selection.where("e")
    cur = store.con.execute(QUERY.format(selection=cond), [all_modalities, *params])
    return write_tsv(cur, out, row_for, header)
