"""The shipped countries, places and regions: coverage, nisba inflections, lookups, ambiguity policy."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.kb import load_kb
from marsad.kb.lookup import lookup
from marsad.text.normalize import normalize_key


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def resolve(kb, name):
    """(target, needs_context) of every candidate for name, best first."""
    return [(c.entry.target, c.entry.needs_context) for c in lookup(kb, name)]


def test_counts(kb):
    c = kb.counts()
    assert c["country"] == 250  # 249 ISO 3166-1 + Kosovo
    assert c["place"] >= 3000
    assert c["region"] >= 25


def test_every_iso_country_is_there_with_codes(kb):
    countries = [e for e in kb.entities.values() if e.kind == "country"]
    assert len({e.raw["iso2"] for e in countries}) == 250
    assert kb.country("XK").code == "KOS" and kb.country("KOS").raw["iso3"] == "XKX"
    assert kb.country("USA").raw["numeric"] == "840" and kb.country("JP").name == "Japan"
    for e in countries:
        assert e.name_ar and e.raw["names_ar"], e.id


def test_every_sovereign_capital_has_an_arabic_name(kb):
    missing = []
    for e in kb.entities.values():
        if e.kind == "country" and e.raw["capital"]:
            cap = kb.entities[e.raw["capital"]]
            assert kb.capital_country(cap.id) == e.raw["iso3"]
            if not cap.name_ar:
                missing.append(e.id)
    assert missing == []
    with_capital = sum(1 for e in kb.entities.values() if e.kind == "country" and e.raw["capital"])
    assert with_capital >= 235


@pytest.mark.parametrize("surface, iso3", [
    ("أمريكي", "USA"), ("أميركي", "USA"), ("الأميركيان", "USA"), ("الأمريكيين", "USA"), ("أمريكيون", "USA"),
    ("الأمريكية", "USA"), ("الأميركيتين", "USA"), ("الأمريكيات", "USA"), ("الأمريكان", "USA"),
    ("اليابانية", "JPN"), ("الياباني", "JPN"), ("يابانيتان", "JPN"), ("الصينيون", "CHN"), ("صينية", "CHN"),
    ("السعوديات", "SAU"), ("الإماراتي", "ARE"), ("الاماراتيين", "ARE"), ("الروس", "RUS"), ("الروسية", "RUS"),
    ("الكوري الشمالي", "PRK"), ("الكورية الجنوبية", "KOR"), ("البريطانيون", "GBR"), ("الفرنسي", "FRA"),
    ("المصرية", "EGY"), ("الإسرائيلي", "ISR"), ("الفلسطينيين", "PSE"), ("السورية", "SYR"), ("الأتراك", "TUR"),
    ("الإيراني", "IRN"), ("الأوكرانية", "UKR"), ("الجنوب أفريقي", "ZAF"), ("الألمان", "DEU"),
])
def test_nisba_inflections_resolve_to_the_country(kb, surface, iso3):
    got = resolve(kb, surface)
    assert got and got[0] == (f"country:{iso3}", False), got


@pytest.mark.parametrize("surface, iso3", [
    ("الولايات المتحدة", "USA"), ("أميركا", "USA"), ("الولايات المتحدة الأمريكية", "USA"), ("بريطانيا", "GBR"),
    ("المملكة المتحدة", "GBR"), ("روسيا", "RUS"), ("الصين", "CHN"), ("اليابان", "JPN"), ("إسرائيل", "ISR"),
    ("فلسطين", "PSE"), ("الأراضي الفلسطينية", "PSE"), ("سوريا", "SYR"), ("سورية", "SYR"), ("كوريا الشمالية", "PRK"),
    ("United States", "USA"), ("U.S.", "USA"), ("Britain", "GBR"), ("Japan", "JPN"), ("Ivory Coast", "CIV"),
    ("Japanese", "JPN"), ("Americans", "USA"), ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Kosovo", "XKX"),
])
def test_country_names(kb, surface, iso3):
    assert resolve(kb, surface)[0] == (f"country:{iso3}", False)


@pytest.mark.parametrize("surface, iso3", [
    ("Georgia", "GEO"), ("Jordan", "JOR"), ("Chad", "TCD"), ("جورجيا", "GEO"), ("مالي", "MLI"),
    ("المالية", "MLI"), ("Congo", "COD"), ("الكونغو", "COG"), ("كوريا", "KOR"),
])
def test_ambiguous_country_names_need_context(kb, surface, iso3):
    got = dict(resolve(kb, surface))
    assert got.get(f"country:{iso3}") is True, got


def test_oman_and_amman_both_need_context(kb):
    got = dict(resolve(kb, "عمان"))
    assert got["country:OMN"] is True
    amman = kb.country("JOR").raw["capital"]
    assert got[amman] is True
    assert resolve(kb, "سلطنة عمان") == [("country:OMN", False)]


@pytest.mark.parametrize("name", ["Tokyo", "طوكيو"])
def test_tokyo(kb, name):
    c = lookup(kb, name)[0]
    assert c.kind == "place" and c.capital_of == "JPN" and c.entry.kind == "capital"
    assert c.lat == pytest.approx(35.69, abs=0.05) and c.lon == pytest.approx(139.69, abs=0.05)


@pytest.mark.parametrize("name, iso3, capital", [
    ("واشنطن", "USA", True), ("بكين", "CHN", True), ("موسكو", "RUS", True), ("الخرطوم", "SDN", True),
    ("دمشق", "SYR", True), ("طهران", "IRN", True), ("أنقرة", "TUR", True), ("كييف", "UKR", True),
    ("غزة", "PSE", False), ("رفح", "PSE", False), ("خان يونس", "PSE", False), ("حلب", "SYR", False),
    ("الموصل", "IRQ", False), ("إسطنبول", "TUR", False), ("القدس", "ISR", False), ("بنغازي", "LBY", False),
    ("Washington", "USA", True), ("Beijing", "CHN", True), ("Gaza", "PSE", False),
])
def test_places_resolve_unambiguously(kb, name, iso3, capital):
    best = lookup(kb, name)[0]
    assert best.kind == "place" and best.country == iso3 and not best.entry.needs_context, best.why
    assert (best.capital_of is not None) == capital


@pytest.mark.parametrize("name, slug, iso3", [
    ("ريف دمشق", "sy-rif-dimashq", "SYR"), ("محافظة إدلب", "sy-idlib", "SYR"), ("ريف حلب", "sy-aleppo", "SYR"),
    ("محافظة نينوى", "iq-nineveh", "IRQ"), ("الأنبار", "iq-anbar", "IRQ"), ("حضرموت", "ye-hadramawt", "YEM"),
    ("شمال دارفور", "sd-north-darfur", "SDN"), ("البقاع", "lb-bekaa", "LBN"), ("شمال قطاع غزة", "ps-north-gaza", "PSE"),
    ("مقاطعة دونيتسك", "ua-donetsk-oblast", "UKR"), ("Donetsk region", "ua-donetsk-oblast", "UKR"),
    ("Idlib province", "sy-idlib", "SYR"),
])
def test_first_level_divisions(kb, name, slug, iso3):
    best = lookup(kb, name)[0]
    assert best.entry.target == f"place:adm-{slug}" and best.country == iso3 and not best.entry.needs_context
    assert kb.entities[best.entry.target].raw["kind"] == "admin" and best.lat is not None


def test_division_names_that_are_also_words_need_context(kb):
    assert dict(resolve(kb, "صلاح الدين"))["place:adm-iq-salahuddin"] is True
    assert resolve(kb, "إدلب")[0][0] != "place:adm-sy-idlib"  # the bare name is the city


def test_shared_place_names_keep_one_dominant_bearer(kb):
    got = resolve(kb, "طرابلس")
    libya = kb.country("LBY").raw["capital"]
    assert got[0] == (libya, False)
    assert all(ctx for target, ctx in got[1:]) and len(got) >= 2


@pytest.mark.parametrize("name, region", [
    ("الشرق الأوسط", "middle-east"), ("آسيا والمحيط الهادئ", "asia-pacific"), ("Asia-Pacific", "asia-pacific"),
    ("شرق آسيا", "east-asia"), ("المغرب العربي", "maghreb"), ("منطقة الساحل", "sahel"), ("القرن الأفريقي",
                                                                                       "horn-of-africa"),
    ("بحر الصين الجنوبي", "south-china-sea"), ("قطاع غزة", "gaza-strip"), ("the Balkans", "balkans"),
])
def test_regions(kb, name, region):
    assert resolve(kb, name)[0] == (f"region:{region}", False)


def test_bare_sahel_word_needs_context(kb):
    assert dict(resolve(kb, "الساحل"))["region:sahel"] is True


def test_proclitic_is_stripped_when_nothing_matches(kb):
    got = lookup(kb, "والأميركيين")
    assert got[0].entry.target == "country:USA" and got[0].stripped == "و"


def test_every_name_key_is_normalized_and_non_empty(kb):
    for e in kb.names():
        assert e.key and e.key == normalize_key(e.surface)


def test_person_role_on_shipped_people_when_present(kb):
    people = [e for e in kb.entities.values() if e.kind == "person" and kb.person_roles(e.id)]
    assert people, "people.jsonl ships dated roles"
    for p in people[:50]:
        for s in kb.person_roles(p.id):
            if s.start is not None:
                assert kb.person_role(p.id, s.start) is not None
                assert s.covers(s.start)
                if s.end is not None:
                    assert not s.covers(s.end + dt.timedelta(days=1))


@pytest.mark.parametrize("phrase, code", [
    ("وزير الخارجية الأمريكي", "USAGOV"), ("وزير الدفاع الياباني", "JPNMIL"), ("the Japanese defense minister", "JPNMIL"),
])
def test_role_plus_nisba_phrases_compose_an_actor_code(kb, phrase, code):
    from marsad.kb.lookup import composed_code, segments

    assert any(r.post in ("foreign_minister", "defense_minister") for r in kb.roles.values()), \
        "roles.jsonl ships the minister titles"
    assert composed_code(segments(kb, phrase)) == code
