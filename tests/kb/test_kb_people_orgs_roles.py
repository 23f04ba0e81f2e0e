"""The shipped people, organizations and role titles: counts, schema, dated roles, ambiguity, generators.

Reads src/marsad/kb/data/{people,organizations,roles}.jsonl through the KB loader and the validator, and checks
that the files are exactly what tools/kb/people_src/gen_*.py produce from their source tables.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.kb import load_kb
from marsad.kb.loader import DATA_DIR
from marsad.kb.lookup import lookup
from marsad.kb.schema import check_record

ROOT = Path(__file__).resolve().parents[2]
GEN_DIR = ROOT / "tools" / "kb" / "people_src"

G20 = "ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF".split()
ARAB_LEAGUE = "ARE BHR COM DJI DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN YEM".split()
EXTRA = ["IRN", "ISR", "UKR"]
HEAD_POSTS = {"president", "king", "queen", "emir", "sultan", "supreme_leader", "emperor", "head_of_state",
              "presidential_council_chair", "sovereign_council_chair"}


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def people():
    return rows("people.jsonl")


_SPELLS: dict[int, list[tuple]] = {}


def holders(kb, post: str, country: str | None, on: dt.date, org: str | None = None) -> list[str]:
    """Ids of the people holding ``post`` for ``country`` (or ``org``) on ``on`` (spells read via the loader)."""
    if id(kb) not in _SPELLS:  # (person id, loader spell, org of the raw spell), built once per KB object
        index = []
        for rec in kb.entities.values():
            if rec.kind == "person":
                for spell, raw in zip(kb.person_roles(rec.id), rec.raw["roles"]):
                    index.append((rec.id, spell, raw.get("org")))
        _SPELLS[id(kb)] = index
    return sorted(pid for pid, s, s_org in _SPELLS[id(kb)]
                  if s.post == post and s.country == country and (org is None or s_org == org) and s.covers(on))


# ---- counts and schema -------------------------------------------------------------------------------------

def test_counts_meet_the_targets(people):
    assert len(rows("roles.jsonl")) >= 120
    assert len(rows("organizations.jsonl")) >= 200
    with_roles = [p for p in people if p["roles"]]
    assert len(with_roles) >= 600
    # a start is missing only where it is not recorded; such spells are few
    assert sum(1 for p in people for s in p["roles"] if s["start"] is None) <= 25


@pytest.mark.parametrize("name", ["people.jsonl", "organizations.jsonl", "roles.jsonl"])
def test_every_record_passes_the_schema_and_is_sorted(name):
    recs = rows(name)
    for n, rec in enumerate(recs, 1):
        check_record(name, n, rec)
        assert rec["sources"], f"{name}:{n} has no sources"
    ids = [r["id"] for r in recs]
    assert ids == sorted(ids) and len(ids) == len(set(ids))


def test_the_validator_finds_no_problem_in_these_files():
    from marsad.kb.validate import validate

    report = validate()
    mine = ("people.jsonl", "organizations.jsonl", "roles.jsonl")
    problems = [str(p) for p in report.errors if any(f in str(p) for f in mine) and "manifest" not in str(p)]
    assert problems == []


def test_every_person_has_arabic_and_english_names_and_titled_spells(people):
    for p in people:
        assert p["names_en"] and p["name"] == p["names_en"][0], p["id"]
        assert p["name_ar"] and p["names_ar"][0] == p["name_ar"], p["id"]
        assert p["gender"] in ("m", "f") and p["country"], p["id"]
        for s in p["roles"]:
            assert s["title_en"] and s["sectors"], (p["id"], s)
            assert s["country"] or s.get("org"), (p["id"], s)  # a post without a country belongs to an org


@pytest.mark.parametrize("name", ["people.jsonl", "organizations.jsonl", "roles.jsonl"])
def test_arabic_is_stored_without_harakat_or_tatweel(name):
    marks = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert not marks.search(text), marks.search(text)


def test_role_posts_and_org_references_exist(people):
    posts = {r["post"] for r in rows("roles.jsonl")}
    orgs = {r["id"] for r in rows("organizations.jsonl")}
    for p in people:
        for s in p["roles"]:
            assert s["post"] in posts, (p["id"], s["post"])
            assert s.get("org") is None or s["org"] in orgs, (p["id"], s["org"])


def test_no_overlapping_spells_for_one_post_and_country(people):
    slots: dict[tuple, list[tuple[str, str, str]]] = defaultdict(list)
    for p in people:
        for s in p["roles"]:
            slots[(s["post"], s["country"], s.get("org"))].append(
                (s["start"] or "0000-01-01", s["end"] or "9999-12-31", p["id"]))
    bad = []
    for key, spans in slots.items():
        spans.sort()
        for (s1, e1, p1), (s2, _e2, p2) in zip(spans, spans[1:]):
            if s2 < e1:  # a handover on the same day (end == next start) is allowed
                bad.append((key, p1, p2))
    assert bad == []


# ---- coverage --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("iso3", sorted(set(G20 + ARAB_LEAGUE + EXTRA)))
def test_every_country_of_scope_has_its_head_of_state_2015_2025(kb, iso3):
    """Each January and July 2015-2025 has a recorded head of state, except documented vacancies."""
    vacancies = {"LBN": ("2014-05-25", "2016-10-31"), "LBY": ("2011-08-23", "2021-03-15"),
                 "AUS": None, "CAN": None}
    gaps = []
    for year in range(2015, 2026):
        for month in (1, 7):
            day = dt.date(year, month, 1)
            if any(holders(kb, post, iso3, day) for post in HEAD_POSTS):
                continue
            vac = vacancies.get(iso3)
            if vac and vac[0] <= day.isoformat() <= vac[1]:
                continue
            gaps.append(day.isoformat())
    allowed = {"LBN": {"2023-01-01", "2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01"},  # vacancy 2022-10-31..2025-01-09
               "SYR": {"2025-01-01"}}  # between Assad's fall and al-Sharaa's appointment
    assert set(gaps) <= allowed.get(iso3, set())


@pytest.mark.parametrize("iso3", G20 + EXTRA)
def test_g20_and_extra_countries_have_a_foreign_minister_most_of_the_time(kb, iso3):
    missing = [d for d in (dt.date(y, m, 1) for y in range(2015, 2026) for m in (1, 7))
               if not holders(kb, "foreign_minister", iso3, d)]
    assert len(missing) <= 4, missing


# ---- dated roles (through the loader) ---------------------------------------------------------------------------

@pytest.mark.parametrize("post, iso3, day, who", [
    ("foreign_minister", "USA", "2023-06-01", "person:antony-blinken"),
    ("foreign_minister", "USA", "2025-06-01", "person:marco-rubio"),
    ("foreign_minister", "USA", "2018-01-01", "person:rex-tillerson"),
    ("defense_minister", "USA", "2022-03-01", "person:lloyd-austin"),
    ("defense_minister", "USA", "2025-06-01", "person:pete-hegseth"),
    ("president", "USA", "2019-05-05", "person:donald-trump"),
    ("president", "USA", "2023-05-05", "person:joe-biden"),
    ("foreign_minister", "JPN", "2024-01-15", "person:yoko-kamikawa"),
    ("foreign_minister", "JPN", "2023-01-15", "person:yoshimasa-hayashi"),
    ("defense_minister", "JPN", "2024-05-01", "person:minoru-kihara"),
    ("defense_minister", "JPN", "2025-01-01", "person:gen-nakatani"),
    ("chief_cabinet_secretary", "JPN", "2025-12-01", "person:minoru-kihara"),
    ("prime_minister", "GBR", "2022-10-01", "person:liz-truss"),
    ("prime_minister", "ISR", "2022-01-01", "person:naftali-bennett"),
    ("prime_minister", "ISR", "2024-01-01", "person:benjamin-netanyahu"),
    ("defense_minister", "ISR", "2024-01-01", "person:yoav-gallant"),
    ("crown_prince", "SAU", "2016-01-01", "person:mohammed-bin-nayef"),
    ("crown_prince", "SAU", "2020-01-01", "person:mohammed-bin-salman"),
    ("foreign_minister", "IRN", "2023-01-01", "person:hossein-amir-abdollahian"),
    ("president", "IRN", "2024-06-15", "person:mohammad-mokhber"),
    ("president", "UKR", "2018-01-01", "person:petro-poroshenko"),
    ("prime_minister", "LBN", "2025-06-01", "person:nawaf-salam"),
    ("emir", "KWT", "2024-06-01", "person:mishal-al-ahmad-al-jaber-al-sabah"),
    ("chancellor", "DEU", "2023-01-01", "person:olaf-scholz"),
])
def test_who_held_a_post_on_a_date(kb, post, iso3, day, who):
    assert holders(kb, post, iso3, dt.date.fromisoformat(day)) == [who]


@pytest.mark.parametrize("post, org, day, who", [
    ("un_secretary_general", "org:un", "2016-06-01", "person:ban-ki-moon"),
    ("un_secretary_general", "org:un", "2020-06-01", "person:antonio-guterres"),
    ("nato_secretary_general", "org:nato", "2023-06-01", "person:jens-stoltenberg"),
    ("nato_secretary_general", "org:nato", "2025-06-01", "person:mark-rutte"),
    ("eu_high_representative", "org:eu", "2022-01-01", "person:josep-borrell"),
    ("eu_council_president", "org:european-council", "2025-03-01", "person:antonio-costa"),
    ("eu_commission_president", "org:european-commission", "2018-01-01", "person:jean-claude-juncker"),
])
def test_leaders_of_international_organizations(kb, post, org, day, who):
    assert holders(kb, post, None, dt.date.fromisoformat(day), org) == [who]


def test_person_role_follows_the_date(kb):
    blinken = kb.person_role("person:antony-blinken", dt.date(2023, 6, 1))
    assert blinken is not None and blinken.post == "foreign_minister" and blinken.country == "USA"
    assert blinken.sectors == ("GOV",)
    assert kb.person_role("person:antony-blinken", dt.date(2025, 6, 1)) is None
    austin = kb.person_role("person:lloyd-austin", dt.date(2022, 1, 1))
    assert austin is not None and set(austin.sectors) == {"MIL", "GOV"}
    # Kihara: defence minister, then (after a gap) chief cabinet secretary
    assert kb.person_role("person:minoru-kihara", dt.date(2025, 3, 1)) is None
    assert kb.person_role("person:minoru-kihara", dt.date(2025, 11, 1)).post == "chief_cabinet_secretary"


# ---- names and ambiguity ------------------------------------------------------------------------------------------

def targets(kb, name, on=None):
    return [(c.entry.target, c.entry.needs_context) for c in lookup(kb, name, on)]


@pytest.mark.parametrize("name, pid", [
    ("بلينكن", "person:antony-blinken"), ("بلنكن", "person:antony-blinken"), ("أوستن", "person:lloyd-austin"),
    ("اوستن", "person:lloyd-austin"), ("نتنياهو", "person:benjamin-netanyahu"),
    ("نتانياهو", "person:benjamin-netanyahu"), ("Blinken", "person:antony-blinken"),
    ("محمد بن سلمان", "person:mohammed-bin-salman"), ("زيلينسكي", "person:volodymyr-zelensky"),
    ("أردوغان", "person:recep-tayyip-erdogan"), ("غوتيريش", "person:antonio-guterres"),
])
def test_distinctive_names_resolve_without_context(kb, name, pid):
    assert (pid, False) in targets(kb, name)


@pytest.mark.parametrize("name, pid", [
    ("عباس", "person:mahmoud-abbas"),  # a common given name
    ("سلام", "person:nawaf-salam"),  # 'peace', and two prime ministers of Lebanon
    ("سلام", "person:tammam-salam"),
    ("عون", "person:joseph-aoun"),  # 'help', and two presidents of Lebanon
    ("جونسون", "person:boris-johnson"),  # shared by two people
    ("السنوار", "person:yahya-sinwar"),  # two brothers
    ("السوداني", "person:mohammed-shia-al-sudani"),  # also the nisba 'Sudanese'
    ("May", "person:theresa-may"),  # an English word
])
def test_shared_or_common_short_names_need_context(kb, name, pid):
    got = targets(kb, name)
    assert (pid, True) in got
    assert (pid, False) not in got


@pytest.mark.parametrize("name, oid, code", [
    ("حلف شمال الأطلسي", "org:nato", "IGONAT"), ("الناتو", "org:nato", "IGONAT"), ("NATO", "org:nato", "IGONAT"),
    ("حركة حماس", "org:hamas", "PSEREBHMS"), ("البنتاغون", "org:pentagon", "USAMIL"),
    ("الحرس الثوري", "org:irgc", "IRNMILIRG"), ("داعش", "org:isis", "IMGREBISI"),
    ("قوات الدعم السريع", "org:rsf", "SDNREBRSF"), ("قسد", "org:sdf", "SYRREBSDF"),
    ("الأونروا", "org:unrwa", "UNORWA"), ("رويترز", "org:reuters", "GBRMED"), ("واس", "org:spa", "SAUMED"),
])
def test_organizations_resolve_with_their_code(kb, name, oid, code):
    cands = [c for c in lookup(kb, name) if c.entry.target == oid]
    assert cands and not cands[0].entry.needs_context
    assert cands[0].code == code


@pytest.mark.parametrize("name", ["القاعدة", "الجزيرة", "الشرق الأوسط", "فتح"])
def test_organization_names_that_are_common_words_need_context(kb, name):
    org_hits = [c for c in lookup(kb, name) if c.kind == "organization"]
    assert org_hits and all(c.entry.needs_context for c in org_hits)


@pytest.mark.parametrize("name, rid, sectors", [
    ("وزير الخارجية", "role:foreign_minister", ("GOV",)), ("وزيرة الخارجية", "role:foreign_minister", ("GOV",)),
    ("وزيرا الخارجية", "role:foreign_minister", ("GOV",)), ("وزراء خارجية", "role:foreign_minister", ("GOV",)),
    ("وزير خارجية", "role:foreign_minister", ("GOV",)), ("وزير الدفاع", "role:defense_minister", ("MIL", "GOV")),
    ("secretary of state", "role:foreign_minister", ("GOV",)), ("defence secretary", "role:defense_minister",
                                                                ("MIL", "GOV")),
    ("رئيس الوزراء", "role:prime_minister", ("GOV",)), ("ولي العهد", "role:crown_prince", ("GOV",)),
    ("المتحدث باسم", "role:spokesperson", ("GOV",)), ("رئيس الأركان", "role:chief_of_staff", ("MIL",)),
    ("المتظاهرين", "role:protesters", ("CVL",)), ("مسلحون", "role:gunmen", ("UAF",)),
    ("المتمردين", "role:rebels", ("REB",)), ("جنود", "role:soldier", ("MIL",)), ("جنديا", "role:soldier", ("MIL",)),
    ("اللاجئين", "role:refugees", ("REF",)), ("الصحفيين", "role:journalists", ("MED",)),
    ("الشرطة", "role:police", ("COP",)), ("protesters", "role:protesters", ("CVL",)),
    ("gunmen", "role:gunmen", ("UAF",)), ("security forces", "role:security_forces", ("COP", "MIL")),
    ("المعارضة", "role:opposition", ("OPP",)), ("القاضي", "role:judge", ("JUD",)),
    ("secretaries of state", "role:foreign_minister", ("GOV",)), ("heads of state", "role:head_of_state", ("GOV",)),
    ("chiefs of staff", "role:chief_of_staff", ("MIL",)), ("المتحدثة باسم الخارجية", "role:foreign_ministry_spokesperson",
                                                        ("GOV",)),
    ("المبعوث الأممي إلى سوريا", "role:un_envoy_syria", ("IGO",)),
])
def test_role_titles_and_group_nouns(kb, name, rid, sectors):
    roles = [c for c in lookup(kb, name) if c.entry.target == rid]
    assert roles, f"{name} does not resolve to {rid}"
    assert kb.roles[rid].sectors == sectors


@pytest.mark.parametrize("word", ["القضاء", "الشيخ", "الأمن", "الجامعة"])
def test_common_words_are_not_role_names(kb, word):
    """'القضاء على' (eliminating), the honorific 'الشيخ', security as a concept... are not actors by themselves."""
    assert not [c for c in lookup(kb, word) if c.kind == "role"]


def test_no_malformed_inflections():
    """The inflection generator never glues the article onto an indefinite accusative (الجنديا)."""
    for r in rows("roles.jsonl"):
        for n in r["names_ar"]:
            first = n.split(" ")[0]
            assert not (first.startswith("ال") and first.endswith("يا") and first[2:-1] + "ي" in r["names_ar"]), n


# ---- the shipped files are what the generators produce ----------------------------------------------------------

def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"b2_{name}", GEN_DIR / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("gen, out", [("gen_roles", "roles.jsonl"), ("gen_orgs", "organizations.jsonl"),
                                      ("gen_people", "people.jsonl")])
def test_shipped_file_matches_its_generator(gen, out):
    assert GEN_DIR.is_dir(), "tools/kb/people_src is committed: the shipped files must match their generators"
    mod = _load(gen)
    text = mod.render()[0]
    if gen == "gen_orgs":
        assert mod.render()[2] == []
    assert text == (DATA_DIR / out).read_text(encoding="utf-8"), f"run tools/kb/people_src/{gen}.py"


def test_people_generator_rejects_overlaps_and_unknown_posts(tmp_path):
    mod = _load("gen_people")
    posts = {"foreign_minister": ["GOV"]}
    table = tmp_path / "people_x.txt"
    table.write_text("@AAA\nA One | أ | | | m | foreign_minister 2020-01-01 2022-01-01\n"
                     "B Two | ب | | | m | foreign_minister 2021-01-01 -\n", encoding="utf-8")
    people = mod.parse_tables([table], posts)
    assert any("overlap" in e for e in mod.check(people))
    table.write_text("@AAA\nA One | أ | | | m | spy_master 2020-01-01 -\n", encoding="utf-8")
    with pytest.raises(mod.TableError, match="unknown post"):
        mod.parse_tables([table], posts)
    table.write_text("@AAA\nA One | أ | | | m | foreign_minister 2020-01-01\n", encoding="utf-8")
    with pytest.raises(mod.TableError, match="bad spell"):
        mod.parse_tables([table], posts)
