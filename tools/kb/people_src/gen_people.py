"""Generate src/marsad/kb/data/people.jsonl from the compact tables tools/kb/people_src/people_*.txt.

Run: ``.venv/bin/python tools/kb/people_src/gen_people.py`` (after gen_roles.py: spell sectors come from
roles.jsonl). Deterministic: running it twice gives the same file.

Table format (UTF-8, one person per line, ``#`` starts a comment, blank lines ignored)::

    @USA                                   <- section: the nationality (ISO3) of the people below
    names_en | names_ar | short_en | short_ar | gender | spells [| notes]

* names_en / names_ar / short_en / short_ar: ``;``-separated, the first name is the canonical one; short_* are
  surname-only forms (``Blinken``, ``بلينكن``). May be empty.
* spells: ``;``-separated, each ``post START END [CTRY] [org:ID] ["Title"]`` -- START/END are YYYY-MM-DD
  (START ``?`` = not recorded), END ``-`` = still in office at the time of writing; CTRY overrides the section
  country (a role held for another country); ``org:ID`` names the organization the post belongs to (an
  international organization's post has country null unless CTRY is given: armed-group leaders keep theirs).

Ambiguity policy applied here: a short form (or full name) shared by two people, or listed in COMMON_WORDS
(Arabic given names and common words such as عباس، أمل، سلام، حسن; English words/very common surnames), is moved
to the person's "ambiguous" list: it resolves only with context (the full name earlier in the document or an
adjacent role title).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "src" / "marsad" / "kb" / "data"
OUT = DATA / "people.jsonl"
SOURCES = ("hand-curated from the public record of office-holders (Wikipedia lists of heads of state, heads of "
           "government and ministers), knowledge as of 2025; end null = in office at last knowledge")

COMMON_WORDS_AR = set("""
عباس أمل سلام حسن حسين علي محمد أحمد محمود خالد سعيد عادل كريم جمال نبيل صالح فيصل عبدالله منصور سلمان
ناصر طلال بدر نور ماجد راشد سالم فهد سعد زايد حمد تميم عمر عثمان يوسف إبراهيم موسى عيسى جابر مبارك
فرح حنان رحمة أمين أنور منير شريف رشيد عزيز حكيم جميل نجيب حبيب لطيف هادي سامي نادر كمال مصطفى
بشار ماهر هاني وليد زياد رياض فؤاد غسان قاسم هاشم مراد سليمان داود نبيه عون بري ميشال
ماي بان العربي فيليب غابرييل لو ماس ديون آبي شي تامر لولا سيرا مون رئيسي مخبر ظريف كوهين يلماز
المالكي الشيخ منصور سريع الصدر الطيب الأسد هيكل سليم حماد غني غريب جراد بدوي الشاهد الصيد كامل عارف
جعفري باقري موسوي سلامي الحوثي المهندس الضيف الحية مشعل جودة عكر وهبة مقبل حتي خطاب أيوب المعلم هادي
إدريس خيري بار عثماني شكري صبحي جبالي فقي سلامة خان جمعة
الشرع البرهان المنفي السراج السوداني العثماني الأنصاري العطية النعيمي النسور المنقوش سلال الزبيدي المشاط
العامري الفياض معصوم العبيدي الشمري عناد العباسي الجبوري خميس الشيباني الصراف النفطي روحاني بقائي كنعاني فوري
جبران علوي قريشي دودا باراك فرج
الملك الأمير الرئيس الشيخ السيد بن ابن آل
""".split())
COMMON_WORDS_EN = set("""
May Rice Bush Power Hunt King Brown Green Young Johnson Smith Jones Williams Miller Davis Wilson Taylor Clark
Lewis Walker Hall Wright Scott Baker Adams Nelson Carter Price Ross Black Love Pope Mark Long Bell Cook Wood
Gray Grey James Hughes Moon Kim Lee Park Khan Ali Hassan Hussein Abbas Mohammed Ahmed Salam Amal Aoun Said
Salman Faisal Nasser Abdullah Ibrahim Mansour Saleh Saeed Hamad Rashid Tamim Zayed Jaber Sabah Mubarak Berri
Mohamed Muhammad Musa Omar Osman Yusuf Khalid Kamal Martin Paul Thomas Lam Wang Li Zhang Liu Chen Yang Huang
Zhao Wu Zhou Bar Cohen Park Michel Gabriel Lula Hadi Ban Lew Yoon Moon Kalin Ghani Kamel Idris Salami Sharaa Barre Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Singh Kumar Shah Rao Das Sharma Patel Gandhi Santos
Silva Costa Lopez Garcia Martinez Rodriguez Fernandez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera
Cruz Morales Ortiz Reyes Moreno Jimenez Diaz Romero Alvarez Ruiz Mendoza Castillo Vargas Herrera Medina
""".split())

SPELL_RE = re.compile(r'^([a-z][a-z0-9_]*) (\d{4}-\d{2}-\d{2}|\?) (\d{4}-\d{2}-\d{2}|-)'
                      r'(?: ([A-Z]{3}))?(?: (org:[a-z0-9-]+))?(?: "([^"]+)")?$')

# default English titles per (post, country) then per post
TITLES: dict[tuple[str, str | None], str] = {
    ("foreign_minister", "USA"): "Secretary of State", ("defense_minister", "USA"): "Secretary of Defense",
    ("foreign_minister", "GBR"): "Foreign Secretary", ("defense_minister", "GBR"): "Defence Secretary",
    ("chancellor", "DEU"): "Chancellor", ("president", "DEU"): "Federal President",
    ("prime_minister", "ESP"): "Prime Minister",
}
POST_TITLES: dict[str, str] = {
    "president": "President", "vice_president": "Vice President", "prime_minister": "Prime Minister",
    "foreign_minister": "Foreign Minister", "defense_minister": "Defence Minister", "king": "King",
    "queen": "Queen", "emir": "Emir", "crown_prince": "Crown Prince", "sultan": "Sultan",
    "chancellor": "Chancellor", "supreme_leader": "Supreme Leader", "emperor": "Emperor",
    "head_of_state": "Head of State", "presidential_council_chair": "Chairman of the Presidential Council",
    "sovereign_council_chair": "Chairman of the Sovereign Council",
    "deputy_prime_minister": "Deputy Prime Minister", "un_secretary_general": "UN Secretary-General",
    "nato_secretary_general": "NATO Secretary General",
    "arab_league_secretary_general": "Secretary-General of the Arab League",
    "gcc_secretary_general": "Secretary-General of the GCC", "oic_secretary_general": "Secretary-General of the OIC",
    "eu_commission_president": "President of the European Commission",
    "eu_council_president": "President of the European Council",
    "eu_high_representative": "EU High Representative for Foreign Affairs and Security Policy",
    "iaea_director_general": "Director General of the IAEA", "interior_minister": "Interior Minister",
    "finance_minister": "Finance Minister", "chief_of_staff": "Chief of Staff",
    "national_security_adviser": "National Security Adviser", "intelligence_chief": "Intelligence Chief",
    "speaker": "Speaker of Parliament", "army_commander": "Commander of the Armed Forces",
    "oil_minister": "Oil Minister", "energy_minister": "Energy Minister",
    "central_bank_governor": "Central Bank Governor", "party_leader": "Party Leader",
    "national_security_minister": "National Security Minister", "opposition_leader": "Leader of the Opposition",
    "hamas_leader": "Head of the Hamas Political Bureau", "hamas_gaza_leader": "Hamas Leader in Gaza",
    "hezbollah_leader": "Secretary-General of Hezbollah", "pij_leader": "Secretary-General of Palestinian Islamic Jihad",
    "houthi_leader": "Leader of the Houthi movement (Ansar Allah)", "isis_leader": "Leader of the Islamic State",
    "al_qaeda_leader": "Leader of al-Qaeda", "taliban_leader": "Supreme Leader of the Taliban",
    "rsf_commander": "Commander of the Rapid Support Forces", "hts_leader": "Leader of Hayat Tahrir al-Sham",
    "sdf_commander": "Commander-in-Chief of the Syrian Democratic Forces", "lna_commander": "Commander of the LNA",
    "irgc_commander": "Commander-in-Chief of the IRGC", "quds_force_commander": "Commander of the Quds Force",
    "mossad_director": "Director of the Mossad", "shin_bet_director": "Director of the Shin Bet",
    "cia_director": "Director of the CIA", "dni": "Director of National Intelligence",
    "centcom_commander": "Commander of US Central Command", "un_ambassador": "Ambassador to the United Nations",
    "chief_cabinet_secretary": "Chief Cabinet Secretary", "presidential_spokesperson": "Presidential Spokesperson",
    "foreign_ministry_spokesperson": "Foreign Ministry Spokesperson", "au_commission_chair":
    "Chairperson of the African Union Commission", "un_envoy_syria": "UN Special Envoy for Syria",
    "un_envoy_yemen": "UN Special Envoy for Yemen", "un_envoy_libya": "UN Special Representative for Libya",
    "un_refugee_chief": "UN High Commissioner for Refugees", "un_human_rights_chief":
    "UN High Commissioner for Human Rights", "who_director_general": "Director-General of the WHO",
    "imf_managing_director": "Managing Director of the IMF", "world_bank_president": "President of the World Bank",
    "icc_prosecutor": "Prosecutor of the International Criminal Court", "ecb_president": "President of the ECB",
    "wfp_executive_director": "Executive Director of the WFP", "unicef_executive_director":
    "Executive Director of UNICEF", "eu_parliament_president": "President of the European Parliament",
    "pope": "Pope", "justice_minister": "Justice Minister", "investment_minister": "Investment Minister",
    "deputy_defense_minister": "Deputy Defence Minister", "minister_of_state": "Minister of State",
    "ambassador": "Ambassador", "envoy": "Special Envoy", "mayor": "Mayor",
}


def default_title(post: str) -> str:
    """A readable English title for a post without an entry in POST_TITLES."""
    return " ".join(w.upper() if len(w) <= 3 else w.capitalize() for w in post.split("_"))


class TableError(Exception):
    pass


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def parse_tables(paths: list[Path], posts: dict[str, list[str]]) -> list[dict]:
    people: list[dict] = []
    for path in paths:
        country: str | None = None
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if not line:
                continue
            if line.startswith("@"):
                country = line[1:].strip() or None
                continue
            cols = [c.strip() for c in line.split("|")]
            if len(cols) not in (6, 7):
                raise TableError(f"{where}: expected 6 or 7 '|'-separated columns, got {len(cols)}")
            en, ar, sen, sar, gender, spells = cols[:6]
            notes = cols[6] if len(cols) == 7 else ""
            names_en, names_ar = split(en), split(ar)
            if not names_en:
                raise TableError(f"{where}: no English name")
            roles = []
            for sp in split(spells):
                m = SPELL_RE.match(sp)
                if not m:
                    raise TableError(f"{where}: bad spell {sp!r}")
                post, start, end, ctry_override, org, title = m.groups()
                if post not in posts:
                    raise TableError(f"{where}: unknown post {post!r} (not in roles.jsonl)")
                # a post in an international organization has no country unless one is given explicitly
                ctry = ctry_override or (None if org else country)
                spell = {"post": post, "country": ctry,
                         "title_en": title or TITLES.get((post, ctry)) or POST_TITLES.get(post) or default_title(post),
                         "start": None if start == "?" else start, "end": None if end == "-" else end,
                         "sectors": posts[post]}
                if org:
                    spell["org"] = org
                if spell["start"] and spell["end"] and spell["end"] < spell["start"]:
                    raise TableError(f"{where}: spell ends before it starts: {sp!r}")
                roles.append(spell)
            people.append({"id": "person:" + slug(names_en[0]), "name": names_en[0], "names_en": names_en,
                           "short_en": split(sen), "name_ar": names_ar[0] if names_ar else None,
                           "names_ar": names_ar, "short_ar": split(sar), "ambiguous": [],
                           "gender": gender or None, "country": country, "roles": roles,
                           "sources": SOURCES, "notes": notes, "_where": where})
    return people


def apply_ambiguity(people: list[dict]) -> None:
    """Move shared or common-word short forms (and shared full names) into "ambiguous"."""
    owners: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for s in {*p["short_en"], *p["short_ar"], *p["names_en"], *p["names_ar"]}:
            owners[s].add(p["id"])
    for p in people:
        amb: list[str] = []
        for key in ("short_en", "short_ar"):
            keep = []
            for s in p[key]:
                common = s in COMMON_WORDS_AR or s in COMMON_WORDS_EN or len(s) <= 2
                if common or len(owners[s]) > 1:
                    amb.append(s)
                else:
                    keep.append(s)
            p[key] = keep
        for key in ("names_en", "names_ar"):
            for s in p[key]:
                if len(owners[s]) > 1:
                    amb.append(s)
        p["ambiguous"] = sorted(set(amb))


def check(people: list[dict]) -> list[str]:
    """Ids unique; spells of one post+country(+org) never overlap (touching on a handover day is allowed)."""
    errors: list[str] = []
    seen: dict[str, str] = {}
    for p in people:
        if p["id"] in seen:
            errors.append(f"{p['_where']}: duplicate id {p['id']} (first at {seen[p['id']]})")
        seen[p["id"]] = p["_where"]
    slots: dict[tuple, list[tuple[str, str, str]]] = defaultdict(list)
    for p in people:
        for s in p["roles"]:
            if s["start"] is None:
                continue
            slots[(s["post"], s["country"], s.get("org"))].append((s["start"], s["end"] or "9999-12-31", p["id"]))
    for key, spans in slots.items():
        spans.sort()
        for (s1, e1, p1), (s2, e2, p2) in zip(spans, spans[1:]):
            if s2 < e1:
                errors.append(f"overlap {key}: {p1} {s1}..{e1} and {p2} {s2}..{e2}")
    return errors


def render() -> tuple[str, int, int, int]:
    """The people.jsonl text built from the tables: (text, people, spells, tables). Raises TableError."""
    posts = {}
    for line in (DATA / "roles.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        posts[r["post"]] = r["sectors"]
    paths = sorted(HERE.glob("people_*.txt"))
    people = parse_tables(paths, posts)
    apply_ambiguity(people)
    errors = check(people)
    if errors:
        raise TableError("\n".join(errors))
    people.sort(key=lambda p: p["id"])
    for p in people:
        del p["_where"]
    text = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in people)
    return text, len(people), sum(len(p["roles"]) for p in people), len(paths)


def main() -> int:
    try:
        text, n, nspells, ntables = render()
    except TableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {n} people ({nspells} spells) from {ntables} tables to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
