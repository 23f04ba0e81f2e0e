"""Generate src/marsad/kb/data/regions.jsonl from the hand-curated table below (reproducible).

A region is a named group of countries or a named area inside or between countries that news reports use as a
place or an actor ("دول الخليج", "the Sahel", "قطاع غزة"). ``code`` is a CAMEO region/pseudo-country code where
one exists (MEA, ASA, AFR, LAM, WSB, GZS; never EUR, which PLOVER uses for the European Union); ``countries`` are
ISO3 codes (XKX for Kosovo). Coordinates are a hand-picked representative point. An optional ``ambiguous`` list
names forms that are also common words (they resolve only with context).
Run: .venv/bin/python tools/kb/gen_regions.py [OUT_DIR]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, write_jsonl  # noqa: E402

ARAB_LEAGUE = "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM"
GCC = "BHR KWT OMN QAT SAU ARE"
AFRICA = ("DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COD COG CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN "
          "LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TZA TGO TUN UGA "
          "ZMB ZWE ESH")
EUROPE = ("ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA XKX LVA LIE LTU LUX MLT "
          "MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE UKR GBR VAT")
LATAM = ("ARG BOL BRA CHL COL CRI CUB DOM ECU SLV GTM HND HTI MEX NIC PAN PRY PER URY VEN")
ASEAN = "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM"
SRC = "hand-curated (marsad); membership as commonly used in news, not a legal definition"

REGIONS = [
    ("middle-east", "Middle East", ["the Middle East", "Mideast", "Middle East region"], "الشرق الأوسط",
     ["الشرق الأوسط", "منطقة الشرق الأوسط", "الشرق الاوسط"], "MEA",
     "BHR CYP EGY IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM", 29.0, 41.0),
    ("asia-pacific", "Asia-Pacific", ["Asia Pacific", "the Asia-Pacific region", "Asia-Pacific region"],
     "آسيا والمحيط الهادئ", ["آسيا والمحيط الهادئ", "آسيا والمحيط الهادي", "آسيا والباسيفيك", "آسيا-المحيط الهادئ",
                            "منطقة آسيا والمحيط الهادئ", "آسيا والهادئ"], None,
     "AUS BRN KHM CHN FJI IDN JPN KOR PRK LAO MYS MNG MMR NZL PNG PHL SGP TWN THA TLS VNM", 10.0, 120.0),
    ("indo-pacific", "Indo-Pacific", ["the Indo-Pacific", "Indo-Pacific region"], "المحيطين الهندي والهادئ",
     ["المحيطين الهندي والهادئ", "منطقة المحيطين الهندي والهادئ", "المحيطين الهندي والهادي", "الهندي-الهادئ"], None,
     "AUS IND JPN IDN PHL VNM MYS SGP THA CHN KOR NZL PNG BGD LKA MDV", 5.0, 110.0),
    ("east-asia", "East Asia", ["East Asian region"], "شرق آسيا", ["شرق آسيا", "منطقة شرق آسيا"], "ASA",
     "CHN JPN KOR PRK TWN MNG HKG MAC", 35.0, 115.0),
    ("southeast-asia", "Southeast Asia", ["South-East Asia", "South East Asia"], "جنوب شرق آسيا",
     ["جنوب شرق آسيا", "جنوب شرقي آسيا"], None, ASEAN + " TLS", 5.0, 110.0),
    ("south-asia", "South Asia", ["the Indian subcontinent", "Indian subcontinent"], "جنوب آسيا",
     ["جنوب آسيا", "شبه القارة الهندية"], None, "AFG BGD BTN IND MDV NPL PAK LKA", 22.0, 78.0),
    ("central-asia", "Central Asia", [], "آسيا الوسطى", ["آسيا الوسطى", "وسط آسيا"], None,
     "KAZ KGZ TJK TKM UZB", 43.0, 66.0),
    ("asia", "Asia", [], "آسيا", ["آسيا", "قارة آسيا"], None,
     "AFG BGD BTN BRN KHM CHN IND IDN JPN KAZ KGZ KOR PRK LAO MYS MDV MNG MMR NPL PAK PHL SGP LKA TWN TJK THA TLS "
     "TKM UZB VNM", 34.0, 100.0),
    ("gulf", "the Gulf", ["Gulf region", "Gulf states", "Persian Gulf", "Arabian Gulf", "Gulf countries"], "الخليج",
     ["الخليج", "الخليج العربي", "الخليج الفارسي", "منطقة الخليج", "دول الخليج", "دول الخليج العربي",
      "دول الخليج العربية"], None, GCC, 26.0, 51.0),
    ("levant", "the Levant", ["Levant", "Levantine region"], "بلاد الشام",
     ["بلاد الشام", "المشرق العربي", "المشرق", "الشام"], None, "SYR LBN JOR PSE ISR", 33.5, 36.0),
    ("maghreb", "Maghreb", ["the Maghreb", "North-West Africa"], "المغرب العربي",
     ["المغرب العربي", "دول المغرب العربي", "بلاد المغرب", "منطقة المغرب العربي"], None, "MAR DZA TUN LBY MRT", 30.0, 3.0),
    ("north-africa", "North Africa", ["Northern Africa"], "شمال أفريقيا",
     ["شمال أفريقيا", "شمال إفريقيا", "الشمال الأفريقي"], None, "DZA EGY LBY MAR TUN SDN MRT ESH", 27.0, 12.0),
    ("mena", "Middle East and North Africa", ["MENA", "MENA region"], "الشرق الأوسط وشمال أفريقيا",
     ["الشرق الأوسط وشمال أفريقيا", "الشرق الأوسط وشمال إفريقيا", "منطقة الشرق الأوسط وشمال أفريقيا"], None,
     "DZA BHR EGY IRN IRQ ISR JOR KWT LBN LBY MAR OMN PSE QAT SAU SYR TUN ARE YEM", 28.0, 30.0),
    ("arab-world", "Arab world", ["the Arab world", "Arab countries", "Arab states", "Arab region"], "العالم العربي",
     ["العالم العربي", "الوطن العربي", "الدول العربية", "البلدان العربية", "المنطقة العربية"], None, ARAB_LEAGUE,
     25.0, 30.0),
    ("sahel", "Sahel", ["the Sahel", "Sahel region", "Sahel countries"], "منطقة الساحل",
     ["منطقة الساحل", "الساحل الأفريقي", "الساحل الإفريقي", "دول الساحل", "الساحل والصحراء", "الساحل"], None,
     "MRT MLI BFA NER TCD SEN", 15.0, 2.0),
    ("horn-of-africa", "Horn of Africa", ["the Horn of Africa"], "القرن الأفريقي",
     ["القرن الأفريقي", "القرن الإفريقي", "منطقة القرن الأفريقي"], None, "DJI ERI ETH SOM", 8.0, 45.0),
    ("west-africa", "West Africa", ["Western Africa"], "غرب أفريقيا", ["غرب أفريقيا", "غرب إفريقيا"], None,
     "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO", 12.0, -2.0),
    ("east-africa", "East Africa", ["Eastern Africa"], "شرق أفريقيا", ["شرق أفريقيا", "شرق إفريقيا"], None,
     "BDI DJI ERI ETH KEN RWA SOM SSD TZA UGA", 0.0, 36.0),
    ("sub-saharan-africa", "Sub-Saharan Africa", ["sub-Saharan Africa"], "أفريقيا جنوب الصحراء",
     ["أفريقيا جنوب الصحراء", "إفريقيا جنوب الصحراء", "أفريقيا جنوب الصحراء الكبرى"], None,
     " ".join(c for c in AFRICA.split() if c not in {"DZA", "EGY", "LBY", "MAR", "TUN", "ESH"}), -2.0, 22.0),
    ("africa", "Africa", ["the African continent"], "أفريقيا", ["أفريقيا", "إفريقيا", "القارة الأفريقية",
                                                               "القارة السمراء"], "AFR", AFRICA, 2.0, 20.0),
    ("europe", "Europe", ["the European continent"], "أوروبا", ["أوروبا", "أوربا", "القارة الأوروبية",
                                                              "القارة العجوز"], None, EUROPE, 50.0, 15.0),
    ("western-europe", "Western Europe", [], "أوروبا الغربية", ["أوروبا الغربية", "غرب أوروبا"], None,
     "AUT BEL FRA DEU IRL LIE LUX MCO NLD CHE GBR", 49.0, 6.0),
    ("eastern-europe", "Eastern Europe", [], "أوروبا الشرقية", ["أوروبا الشرقية", "شرق أوروبا"], None,
     "BLR BGR CZE HUN MDA POL ROU RUS SVK UKR", 50.0, 28.0),
    ("balkans", "the Balkans", ["Balkans", "Western Balkans", "the Western Balkans"], "البلقان",
     ["البلقان", "منطقة البلقان", "دول البلقان", "غرب البلقان"], None,
     "ALB BIH BGR HRV XKX MNE MKD SRB SVN ROU GRC", 43.0, 21.0),
    ("caucasus", "Caucasus", ["the Caucasus", "South Caucasus", "the South Caucasus"], "القوقاز",
     ["القوقاز", "منطقة القوقاز", "جنوب القوقاز"], None, "ARM AZE GEO RUS", 42.0, 45.0),
    ("nordic", "Nordic countries", ["Scandinavia", "the Nordics", "Nordic region"], "الدول الإسكندنافية",
     ["الدول الإسكندنافية", "الدول الاسكندنافية", "إسكندنافيا", "دول الشمال الأوروبي"], None,
     "DNK NOR SWE FIN ISL", 62.0, 15.0),
    ("north-america", "North America", [], "أمريكا الشمالية", ["أمريكا الشمالية", "أميركا الشمالية"], None,
     "USA CAN MEX", 45.0, -100.0),
    ("latin-america", "Latin America", ["Latin American region"], "أمريكا اللاتينية",
     ["أمريكا اللاتينية", "أميركا اللاتينية", "دول أمريكا اللاتينية"], "LAM", LATAM, -10.0, -60.0),
    ("south-america", "South America", ["the South American continent"], "أمريكا الجنوبية",
     ["أمريكا الجنوبية", "أميركا الجنوبية", "قارة أمريكا الجنوبية"], None,
     "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN", -15.0, -60.0),
    ("central-america", "Central America", [], "أمريكا الوسطى", ["أمريكا الوسطى", "أميركا الوسطى"], None,
     "BLZ CRI SLV GTM HND NIC PAN", 13.5, -86.0),
    ("caribbean", "Caribbean", ["the Caribbean"], "منطقة الكاريبي",
     ["منطقة الكاريبي", "الكاريبي", "البحر الكاريبي", "جزر الكاريبي"], None,
     "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO", 17.0, -72.0),
    ("korean-peninsula", "Korean Peninsula", ["the Korean Peninsula"], "شبه الجزيرة الكورية",
     ["شبه الجزيرة الكورية", "الكوريتين", "الكوريتان"], None, "KOR PRK", 38.0, 127.5),
    ("south-china-sea", "South China Sea", ["the South China Sea"], "بحر الصين الجنوبي", ["بحر الصين الجنوبي"],
     None, "CHN VNM PHL MYS BRN TWN IDN", 12.0, 114.0),
    ("east-china-sea", "East China Sea", ["the East China Sea"], "بحر الصين الشرقي", ["بحر الصين الشرقي"], None,
     "CHN JPN KOR TWN", 29.0, 125.0),
    ("taiwan-strait", "Taiwan Strait", ["the Taiwan Strait"], "مضيق تايوان", ["مضيق تايوان"], None, "CHN TWN",
     24.5, 119.5),
    ("strait-of-hormuz", "Strait of Hormuz", ["the Strait of Hormuz", "Hormuz Strait"], "مضيق هرمز",
     ["مضيق هرمز"], None, "IRN OMN ARE", 26.57, 56.25),
    ("bab-el-mandeb", "Bab el-Mandeb", ["Bab al-Mandab", "Bab el-Mandeb Strait"], "باب المندب",
     ["باب المندب", "مضيق باب المندب"], None, "YEM DJI ERI", 12.58, 43.33),
    ("red-sea", "Red Sea", ["the Red Sea"], "البحر الأحمر", ["البحر الأحمر"], None,
     "EGY SAU YEM ERI SDN DJI JOR ISR", 20.0, 38.5),
    ("mediterranean", "Mediterranean", ["the Mediterranean", "Mediterranean Sea", "the Mediterranean Sea"],
     "البحر المتوسط", ["البحر المتوسط", "البحر الأبيض المتوسط", "المتوسط"], None,
     "ESP FRA ITA GRC TUR CYP SYR LBN ISR PSE EGY LBY TUN DZA MAR MLT HRV ALB MNE SVN BIH MCO", 35.0, 18.0),
    ("black-sea", "Black Sea", ["the Black Sea"], "البحر الأسود", ["البحر الأسود"], None,
     "TUR UKR RUS GEO BGR ROU", 43.0, 34.0),
    ("gaza-strip", "Gaza Strip", ["the Gaza Strip", "Gaza strip"], "قطاع غزة", ["قطاع غزة", "القطاع"], "GZS",
     "PSE", 31.42, 34.38),
    ("west-bank", "West Bank", ["the West Bank", "occupied West Bank"], "الضفة الغربية",
     ["الضفة الغربية", "الضفة الغربية المحتلة", "الضفة"], "WSB", "PSE", 31.95, 35.25),
    ("golan-heights", "Golan Heights", ["the Golan Heights", "Golan", "the Golan"], "مرتفعات الجولان",
     ["مرتفعات الجولان", "هضبة الجولان", "الجولان", "الجولان السوري المحتل"], None, "SYR", 33.0, 35.75),
    ("sinai", "Sinai", ["Sinai Peninsula", "the Sinai Peninsula", "the Sinai", "North Sinai", "South Sinai"],
     "سيناء",
     ["سيناء", "شبه جزيرة سيناء", "شمال سيناء", "جنوب سيناء"], None, "EGY", 29.5, 33.8),
    ("kurdistan-region", "Kurdistan Region", ["Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI"],
     "إقليم كردستان", ["إقليم كردستان", "إقليم كردستان العراق", "كردستان العراق"], None, "IRQ", 36.2, 44.0),
    ("crimea", "Crimea", ["the Crimean Peninsula", "Crimean Peninsula"], "شبه جزيرة القرم",
     ["شبه جزيرة القرم", "القرم"], None, "UKR", 45.3, 34.4),
    ("donbas", "Donbas", ["Donbass", "the Donbas"], "دونباس", ["دونباس", "منطقة دونباس", "حوض دونباس"], None, "UKR",
     48.0, 38.0),
    ("darfur", "Darfur", ["Darfur region"], "دارفور", ["دارفور", "إقليم دارفور"], None, "SDN", 13.0, 24.0),
    ("south-lebanon", "South Lebanon", ["southern Lebanon"], "جنوب لبنان", ["جنوب لبنان", "الجنوب اللبناني"], None,
     "LBN", 33.27, 35.4),
]
# forms that are also common words: resolve only with context
AMBIGUOUS = {"sahel": ["الساحل"], "levant": ["المشرق", "الشام"], "gaza-strip": ["القطاع"], "west-bank": ["الضفة"],
             "mediterranean": ["المتوسط"], "gulf": ["الخليج"], "korean-peninsula": ["الكوريتين", "الكوريتان"],
             "kurdistan-region": ["KRI"]}


def main(out: Path = DATA) -> None:
    rows = []
    for rid, name, names_en, name_ar, names_ar, code, countries, lat, lon in REGIONS:
        rec = {"id": f"region:{rid}", "name": name, "names_en": [name, *names_en], "name_ar": name_ar,
               "names_ar": names_ar, "code": code, "countries": countries.split(), "lat": lat, "lon": lon,
               "sources": SRC, "notes": ""}
        if rid in AMBIGUOUS:
            rec["ambiguous"] = AMBIGUOUS[rid]
            assert all(a in rec["names_en"] or a in names_ar for a in AMBIGUOUS[rid]), rid
        rows.append(rec)
    write_jsonl(out / "regions.jsonl", rows)
    print(f"wrote {len(rows)} regions")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
