"""Validation of the project's own texts: the gold set (eval/gold/*.jsonl, built by eval/build_gold.py from eval/src/)
and the demo corpus (src/marsad/demo/articles.jsonl).

These tests read files only; they never run the coder (scoring lives in tests/evaluate/).
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"
GOLD = EVAL / "gold"
DEMO = ROOT / "src" / "marsad" / "demo" / "articles.jsonl"
KB = ROOT / "src" / "marsad" / "kb" / "data"
SHARED = ROOT.parent / "shared"

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def _load_builder():
    spec = importlib.util.spec_from_file_location("marsad_eval_build_gold", EVAL / "build_gold.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


build_gold = _load_builder()


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict]]:
    return {s: _read(GOLD / f"{s}.jsonl") for s in ("dev", "test")}


@pytest.fixture(scope="module")
def records(gold) -> list[dict]:
    return gold["dev"] + gold["test"]


# ------------------------------------------------------------------------------------------------ gold set
def test_gold_files_are_current_build_of_sources():
    """The committed JSONL is exactly what build_gold.py makes from eval/src (deterministic, nothing hand-edited)."""
    built = build_gold.build()
    for split in ("dev", "test"):
        expected = build_gold.dumps([r for r in built if r["split"] == split])
        assert (GOLD / f"{split}.jsonl").read_text(encoding="utf-8") == expected, \
            f"eval/gold/{split}.jsonl is stale: run python eval/build_gold.py"


def test_build_is_deterministic():
    assert build_gold.dumps(build_gold.build()) == build_gold.dumps(build_gold.build())


def test_validator_finds_no_problem(records):
    assert build_gold.validate_records(records) == []


def test_every_span_matches_its_text(records):
    n = 0
    for r in records:
        t = r["text"]
        spans = [e for e in r["entities"]] + [ev[k] for ev in r["events"] for k in ("trigger", "evidence")]
        for s in spans:
            assert t[s["start"]:s["end"]] == s["text"], (r["id"], s)
            n += 1
        for ev in r["events"]:
            assert ev["evidence"]["start"] <= ev["trigger"]["start"] < ev["trigger"]["end"] <= ev["evidence"]["end"]
    assert n > 1000


def test_mentions_do_not_overlap_and_exclude_proclitics(records):
    for r in records:
        ents = sorted(r["entities"], key=lambda e: e["start"])
        for a, b in zip(ents, ents[1:]):
            assert a["end"] <= b["start"], (r["id"], a["text"], b["text"])
        for e in ents:
            assert not e["text"][0].isspace() and not e["text"][-1].isspace()
            if r["lang"] == "ar":  # mention starts at a word boundary or right after proclitics (و ف ب ل ك)
                i = e["start"]
                while i > 0 and r["text"][i - 1] in "وفبلك":
                    i -= 1
                assert i == 0 or not r["text"][i - 1].isalpha(), (r["id"], e["text"])


def test_counts_meet_targets(gold, records):
    langs = Counter(r["lang"] for r in records)
    assert len(records) >= 100 and langs["ar"] >= 70 and langs["en"] >= 30
    share = len(gold["dev"]) / len(records)
    assert 0.5 <= share <= 0.7, f"dev share {share:.2f}"
    for r in records:
        words = len(re.findall(r"\w+", r["text"]))
        assert 40 <= words <= 200, (r["id"], words)


def test_splits_are_disjoint(gold):
    dev_ids, test_ids = {r["id"] for r in gold["dev"]}, {r["id"] for r in gold["test"]}
    assert not dev_ids & test_ids
    assert all(r["split"] == "dev" for r in gold["dev"]) and all(r["split"] == "test" for r in gold["test"])
    dev_texts, test_texts = {r["text"] for r in gold["dev"]}, {r["text"] for r in gold["test"]}
    assert not dev_texts & test_texts
    assert len({r["id"] for r in gold["dev"] + gold["test"]}) == len(gold["dev"]) + len(gold["test"])


def test_every_plover_type_in_both_splits(gold):
    for split, recs in gold.items():
        types = Counter(ev["type"] for r in recs for ev in r["events"])
        missing = [t for t in PLOVER if not types[t]]
        assert not missing, f"{split} lacks {missing}"
        assert types[None] >= 1, f"{split} has no CAMEO-only (01/02) statement or appeal"


@pytest.mark.parametrize("tag", ["negation", "reported", "quantities", "relative-date", "headline-repeat",
                                 "role-change", "metonym", "no-event", "intent", "plan", "hypothetical",
                                 "cameo-only", "other-sense"])
def test_phenomena_covered_in_both_splits(gold, tag):
    for split, recs in gold.items():
        assert any(tag in r["tags"] for r in recs), f"no {tag!r} article in {split}"


def test_modalities_all_present(records):
    mods = Counter(ev["modality"] for r in records for ev in r["events"])
    assert set(mods) == set(build_gold.MODALITIES)


def test_role_change_people_get_date_dependent_codes(records):
    """The same person name is coded differently in different years (the gold set tests dated roles)."""
    codes_by_name: dict[str, set[str]] = {}
    for r in records:
        for e in r["entities"]:
            if e["kind"] == "person":
                codes_by_name.setdefault(e["name"], set()).add(e["code"])
    changed = {n for n, c in codes_by_name.items() if len(c) > 1}
    assert {"Hakan Fidan", "Mike Pompeo", "Benjamin Netanyahu", "Yair Lapid", "Ahmed al-Sharaa"} <= changed


def test_no_event_articles_contain_trigger_words(records):
    """Negative articles are only useful if they contain words a naive coder would fire on."""
    cues = re.compile(r"اجتماع|هجوم|هاجم|شن|حملة|خطة|احتجاج|وقعت|اتفاق|meet|attack|plan|appeal|explosion")
    negatives = [r for r in records if "no-event" in r["tags"]]
    assert len(negatives) >= 5
    for r in negatives:
        assert not r["events"]
        assert cues.search(r["text"]), r["id"]


def test_codes_exist_in_kb_country_list(records):
    path = KB / "countries.jsonl"
    assert path.exists(), "src/marsad/kb/data/countries.jsonl is committed"
    countries = {json.loads(line)["code"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    orgs = {g.code for g in build_gold.load_gazetteer(EVAL / "src" / "entities.tsv").values()
            if g.kind == "organization" and g.code}
    orgs |= {e["code"] for r in records for e in r["entities"] if e["kind"] == "organization" and e["code"]}
    used = {e["country"] for r in records for e in r["entities"] if e["country"]}
    used |= {c[:3] for r in records for ev in r["events"] for c in ev["source"] + ev["target"]
             if c not in orgs and not c.startswith(("IGO", "NGO"))}
    assert used - countries == set()


def test_organization_codes_exist_in_kb_when_present(records):
    path = KB / "organizations.jsonl"
    assert path.exists(), "src/marsad/kb/data/organizations.jsonl is committed"
    kb = {json.loads(line).get("code") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    gaz = {g.code for g in build_gold.load_gazetteer(EVAL / "src" / "entities.tsv").values()
           if g.kind == "organization"}
    # every organization the KB names must carry the KB's code in the gold set (the coder outputs KB codes)
    by_name: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            for n in rec.get("names_ar", []) + rec.get("names_en", []) + rec.get("acronyms", []):
                by_name.setdefault(n, rec.get("code"))
    differ = sorted({(e["text"], e["code"], by_name[e["text"]]) for r in records for e in r["entities"]
                     if e["kind"] == "organization" and e["text"] in by_name and e["code"] != by_name[e["text"]]
                     and e["text"] not in {"Congress"}})  # "Congress" in en-test-015 is Peru's, not the US one
    assert not differ, differ
    countries, _ = build_gold.kb_codes()
    unknown = sorted({e["code"] for r in records for e in r["entities"] if e["kind"] == "organization"
                      and e["code"] and build_gold.code_problem(e["code"], countries or set(), kb | gaz)})
    assert not unknown


def test_gold_texts_are_not_copied_from_shared():
    """No sentence of ../shared (seed or newswire data) may appear in the gold set or the demo corpus."""
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    ours = "\n".join(r["text"] for s in ("dev", "test") for r in _read(GOLD / f"{s}.jsonl"))
    ours += "\n".join(r["text"] for r in _read(DEMO))
    theirs = []
    for p in (SHARED / "seed").glob("*.txt"):
        theirs += re.split(r"[.!؟?\n]", p.read_text(encoding="utf-8"))
    long_sentences = [s.strip() for s in theirs if len(s.strip()) > 40]
    assert long_sentences, "seed texts not found"
    assert not [s for s in long_sentences if s in ours]


# ------------------------------------------------------------------------------------------------ builder
def _raw(text: str, ann: list[str]) -> "build_gold.Raw":
    return build_gold.Raw("t.gold.txt", 1, "ar-dev-999 | 2024-05-06 | tags: plan", text.split("\n"),
                          [(i, a) for i, a in enumerate(ann, 2)])


GAZ = {"مصر": build_gold.Gaz("country", "EGY", "EGY", "Egypt"),
       "المصري": build_gold.Gaz("country", "EGY", "EGY", "Egypt"),
       "القاهرة": build_gold.Gaz("place", None, "EGY", "Cairo")}


def test_builder_offsets_clitics_and_default_evidence():
    text = "زيارة\nوصل الوزير المصري إلى القاهرة أمس. وقالت مصر إنها ستستضيف القمة."
    rec = build_gold.build_article(_raw(text, ["ev AGREE 03 | EGY > | planned | Cairo | - | - | [ستستضيف] القمة |",
                                               "ent + القاهرة | country | EGY | EGY | Egypt"]), GAZ)
    assert [e["text"] for e in rec["entities"]] == ["المصري", "القاهرة", "مصر"]
    ev = rec["events"][0]
    assert ev["trigger"]["text"] == "ستستضيف"
    assert ev["evidence"]["text"] == "وقالت مصر إنها ستستضيف القمة."
    assert rec["entities"][1]["kind"] == "country"  # per-article override (metonym)


@pytest.mark.parametrize("ann,msg", [
    ("ev AGREE 03 | EGY > | planned | - | - | - | [غائب] |", "not found"),
    ("ev AGREE 03 | EGY > | planned | - | - | - | [مصر] |", "ambiguous"),
    ("ev AGREE 03 | EGY > | planned | - | - | - | [مصر]#3 |", "only 2"),
    ("ev AGREE 03 | EGY > | planned | - | - |", "8 '|'-separated"),
    ("ent - مصر#5", "matches nothing"),
    ("bogus line", "unknown annotation"),
])
def test_builder_fails_loudly(ann, msg):
    text = "عنوان\nقالت مصر إن مصر تريد السلام في المنطقة كلها."
    with pytest.raises(build_gold.GoldError, match=msg):
        build_gold.build_article(_raw(text, [ann]), GAZ)


def test_validator_catches_bad_records(records):
    bad = json.loads(json.dumps(records[0]))
    bad["entities"][0]["end"] += 1
    bad["events"][0]["cameo_root"] = "19" if bad["events"][0]["type"] != "ASSAULT" else "04"
    bad["events"][0]["source"] = ["XQZGOV"]
    problems = build_gold.validate_records([bad])
    assert any("entity span" in p for p in problems)
    assert any("does not fit type" in p for p in problems)
    assert any("XQZ" in p for p in problems)


def test_validator_rejects_headline_evidence_and_duplicates(records):
    rec = json.loads(json.dumps(next(r for r in records if r["events"])))
    head = len(rec["title"])
    rec["events"][0]["evidence"] = {"start": 0, "end": head, "text": rec["text"][:head]}
    rec["events"][0]["trigger"] = {"start": 0, "end": 1, "text": rec["text"][:1]}
    rec["events"].append(json.loads(json.dumps(rec["events"][0])))
    problems = build_gold.validate_records([rec])
    assert any("evidence in the headline" in p for p in problems)
    assert any("duplicates an earlier event" in p for p in problems)


def test_weekday_check():
    rec = {"id": "ar-dev-998", "split": "dev", "lang": "ar", "date": "2024-05-06", "text": "قال الوزير اليوم الثلاثاء "
           + "كلام " * 45, "entities": [], "events": [], "tags": []}
    assert any("does not fit the date" in p for p in build_gold.validate_records([rec]))
    rec["date"] = "2024-05-07"
    assert build_gold.validate_records([rec]) == []


# ------------------------------------------------------------------------------------------------ demo corpus
def test_demo_corpus():
    arts = _read(DEMO)
    langs = Counter(a["lang"] for a in arts)
    assert len(arts) >= 20 and langs["ar"] >= 14 and langs["en"] >= 6
    assert len({a["id"] for a in arts}) == len(arts)
    for a in arts:
        assert set(a) >= {"id", "title", "text", "date", "url", "source", "lang"}
        d = date.fromisoformat(a["date"])
        assert date(2015, 1, 1) <= d <= date(2026, 12, 31)
        assert a["url"].startswith("https://example.org/")
        assert a["text"].split("\n", 1)[0] == a["title"]
        assert 80 <= len(re.findall(r"\w+", a["text"])) <= 250, a["id"]


def test_demo_corpus_weekdays_agree_with_dates():
    for a in _read(DEMO):
        if a["lang"] != "ar":
            continue
        d = date.fromisoformat(a["date"])
        for m in build_gold._DAY_REF.finditer(a["text"]):
            shift = {"اليوم": 0, "أمس": -1, "غدا": 1}[m.group(1)]
            assert (d.weekday() + shift) % 7 == build_gold.AR_DAYS[m.group(2)], (a["id"], m.group())


def test_demo_covers_key_dyads():
    text = "\n".join(a["text"] for a in _read(DEMO))
    for names in (["اليابان", "Japan"], ["الصين", "China"], ["إسرائيل", "Israel"], ["أوكرانيا", "Ukraine"],
                  ["إيران", "Iran"], ["مصر", "Egypt"], ["تركيا", "Turkey"], ["سوريا", "Syria"], ["اليمن", "Yemen"],
                  ["السودان", "Sudan"]):
        assert any(n in text for n in names), names
