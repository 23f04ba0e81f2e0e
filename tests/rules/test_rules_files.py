"""The event rule files (kb/data: cameo, triggers_ar/en, modality, units) load, validate and cover the schemes.

Counts and coverage are asserted as floors (the files only grow); the loader's cross-file checks are exercised
on broken copies written to a temporary directory, and the shipped files must equal their generators' output.
"""
from __future__ import annotations

import importlib
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from marsad.errors import KBError
from marsad.kb import rules as rules_mod
from marsad.kb.rules import (MODALITY_PRIORITY, PLOVER_MODES, PLOVER_TYPES, UNIT_KINDS, load_rules,
                             quad_class_of, validate_rules)

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(rules_mod.__file__).parent / "data"
RULE_FILES = ("cameo.jsonl", "triggers_ar.jsonl", "triggers_en.jsonl", "modality.jsonl", "units.jsonl")


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def loose(form: str) -> str:
    """A form as the engine matches it: normalized, optional article dropped on the words after the first."""
    from marsad.text import normalize_key

    toks = normalize_key(form).split()
    return " ".join(toks[:1] + [t[2:] if t.startswith("ال") and len(t) > 4 else t for t in toks[1:]])


def test_load_is_cached_and_typed(rules):
    assert load_rules() is rules
    t = rules.triggers["ar"][0]
    assert isinstance(t.forms, tuple) and isinstance(t.strength, float)
    assert rules.code("0311").name.startswith("Express intent to cooperate economically")


def test_counts_meet_the_targets(rules):
    assert len(rules.triggers["ar"]) >= 600
    assert len(rules.triggers["en"]) >= 300
    assert len(rules.cameo) >= 300
    assert len(rules.modality["ar"]) >= 50 and len(rules.modality["en"]) >= 30
    assert len(rules.units["ar"]) >= 30 and len(rules.units["en"]) >= 30


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_plover_type_and_mode_has_triggers(rules, lang):
    types = Counter(t.type for t in rules.triggers[lang])
    assert set(PLOVER_TYPES) <= set(types), set(PLOVER_TYPES) - set(types)
    modes = {(t.type, t.mode) for t in rules.triggers[lang] if t.mode}
    missing = {(ty, m) for ty, ms in PLOVER_MODES.items() for m in ms} - modes
    assert not missing, f"{lang}: modes without a trigger: {sorted(missing)}"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_cameo_only_statements_and_appeals_exist(rules, lang):
    roots = {rules.cameo[t.cameo].root for t in rules.triggers[lang] if t.type is None}
    assert {"01", "02"} <= roots


def test_cameo_table_is_consistent(rules):
    roots = {c.root for c in rules.cameo.values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for c in rules.cameo.values():
        assert c.quad_class == quad_class_of(c.code)
        assert -10.0 <= c.goldstein <= 10.0
        if c.root in ("01", "02"):
            assert c.plover_type is None
        else:
            assert c.plover_type in PLOVER_MODES
        if c.plover_mode is not None:
            assert c.plover_mode in PLOVER_MODES[c.plover_type]
    # every 3-digit code of the GDELT lookup is present, and values people compare against GDELT hold
    assert {c.code for c in rules.cameo.values() if len(c.code) == 3} >= {"010", "042", "057", "173", "190"}
    expected = {"01": 0.0, "04": 1.0, "057": 8.0, "0874": 10.0, "14": -6.5, "163": -8.0, "18": -9.0, "20": -10.0}
    assert {k: rules.cameo[k].goldstein for k in expected} == expected
    # decisions written in docs/coding-decisions.md
    assert rules.cameo["09"].quad_class == 2 and rules.cameo["09"].plover_type == "ACCUSE"
    assert rules.cameo["14"].quad_class == 3 and rules.cameo["14"].plover_type == "PROTEST"
    assert rules.cameo["16"].quad_class == 4 and rules.cameo["20"].plover_mode == "unconventional"
    assert rules.cameo["0356"].plover_type == "CONCEDE" and rules.cameo["0874"].plover_type == "RETREAT"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_triggers_agree_with_the_cameo_table(rules, lang):
    for t in rules.triggers[lang]:
        row = rules.cameo[t.cameo]
        assert t.type == row.plover_type, t.id
        assert t.mode is None or t.mode in PLOVER_MODES[t.type], t.id
        assert 0 < t.strength <= 1
        assert t.id.startswith(f"{lang}.")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_generator_syntax_leaks_into_forms(rules, lang):
    import re

    for t in rules.triggers[lang]:
        for x in t.forms + t.context_any + t.exclude_any:
            assert not re.search(r"[{}|/$_]", x), (t.id, x)
        if lang == "en":  # spelling slips of regular inflection (doubling, -ee verbs) the generator must avoid
            heads = {f.split()[0] for f in t.forms}
            assert not heads & {"agreeed", "freeed", "baning", "leting", "puting", "seting", "steping", "commiting",
                                "stoping", "shiping", "cuting", "shuting", "hiting", "quiting", "kidnaping"}, t.id


def test_arabic_forms_carry_no_harakat_or_tatweel(rules):
    marks = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0640", "\u0670"}
    for t in rules.triggers["ar"]:
        for f in t.forms:
            assert not (set(f) & marks), (t.id, f)


@pytest.mark.parametrize("form,type_", [
    ("اجتمع", "CONSULT"), ("يجتمعان", "CONSULT"), ("اجتماعات", "CONSULT"), ("وقع اتفاقية", "SUPPORT"),
    ("أدان", "ACCUSE"), ("تهديد", "THREATEN"), ("قصف", "ASSAULT"), ("غارة", "ASSAULT"), ("اعتقل", "COERCE"),
    ("تظاهر", "PROTEST"), ("احتجاج", "PROTEST"), ("فرض عقوبات", "SANCTION"), ("سحب قوات", "RETREAT"),
    ("أفرج عن", "RETREAT"), ("أطلق سراح", "RETREAT"), ("توقيع اتفاق", "SUPPORT"), ("إطلاق النار", "ASSAULT"),
    ("شن غارة", "ASSAULT"), ("وقف إطلاق النار", "RETREAT"), ("أصيب", "ASSAULT"), ("تظاهرات", "PROTEST"),
    ("مناورات مشتركة", "COOPERATE"), ("مناورات", "MOBILIZE"), ("طرد السفير", "SANCTION"),
    ("استدعى السفير", "ACCUSE"), ("طالب", "REQUEST"), ("سيارة مفخخة", "ASSAULT"), ("اغتيال", "ASSAULT"),
])
def test_key_arabic_senses_are_covered(rules, form, type_):
    key = loose(form)
    assert any(key in {loose(f) for f in t.forms} for t in rules.triggers["ar"] if t.type == type_), form


@pytest.mark.parametrize("lang,form,type_,cameo", [
    # PLOVER disambiguation rules, decided once (docs/coding-decisions.md)
    ("ar", "مناورات مشتركة", "COOPERATE", "062"), ("ar", "أجرى مناورات", "MOBILIZE", "150"),
    ("ar", "اتفق على عقد", "AGREE", "036"), ("ar", "وقع اتفاقية", "SUPPORT", "057"),
    ("ar", "أعلن انسحاب", "CONCEDE", "0356"), ("ar", "سحب قوات", "RETREAT", "0874"),
    ("ar", "صفقة أسلحة", "AID", "072"), ("ar", "طرد السفير", "SANCTION", "166"),
    ("ar", "استدعى السفير", "ACCUSE", "114"), ("ar", "أعلن وقف إطلاق النار", "CONCEDE", "0356"),
    ("ar", "دخلت الهدنة", "RETREAT", "0871"), ("ar", "مذكرة اعتقال", "THREATEN", "130"),
    ("ar", "منع من دخول", "REJECT", "120"), ("ar", "انسحب من الاتفاق", "SANCTION", "160"),
    ("en", "joint exercises", "COOPERATE", "062"), ("en", "military drills", "MOBILIZE", "150"),
    ("en", "signed a treaty", "SUPPORT", "057"), ("en", "announced the withdrawal", "CONCEDE", "0356"),
    ("en", "arms sales", "AID", "072"), ("en", "expelled diplomats", "SANCTION", "166"),
    ("en", "summoned", "ACCUSE", "114"), ("en", "arrest warrant", "THREATEN", "130"),
    ("en", "ceasefire took effect", "RETREAT", "0871"), ("en", "took hostage", "ASSAULT", "181"),
])
def test_plover_disambiguation_rules(rules, lang, form, type_, cameo):
    key = loose(form)
    hits = [t for t in rules.triggers[lang] if key in {loose(f) for f in t.forms}]
    assert any(t.type == type_ and t.cameo == cameo for t in hits), [(t.id, t.type, t.cameo) for t in hits]


def test_statement_verbs_are_weak_and_plain_said_is_absent(rules):
    from marsad.text import normalize_key

    for lang, said in (("ar", {"قال", "قالت"}), ("en", {"said", "says"})):
        for t in rules.triggers[lang]:
            assert not ({normalize_key(f) for f in t.forms} & said), t.id
            if t.type is None and rules.cameo[t.cameo].root == "01":
                assert t.strength <= 0.6, t.id


def test_modality_cues(rules):
    for lang in ("ar", "en"):
        kinds = {c.modality for c in rules.modality[lang]}
        assert kinds == {"negated", "intended", "planned", "hypothetical", "reported"}
        for c in rules.modality[lang]:
            assert c.priority == MODALITY_PRIORITY[c.modality]
    cues_ar = {c.cue: c.modality for c in rules.modality["ar"]}
    for cue, modality in {"لم": "negated", "لن": "negated", "نفى": "negated", "تعتزم": "intended",
                          "تخطط": "planned", "من المقرر": "planned", "سوف": "planned", "قد": "hypothetical",
                          "إمكانية": "hypothetical", "في حال": "hypothetical", "قال": "reported",
                          "وفقا ل": "reported"}.items():
        assert cues_ar.get(cue) == modality, cue
    assert MODALITY_PRIORITY["negated"] > MODALITY_PRIORITY["hypothetical"] > MODALITY_PRIORITY["planned"] \
        > MODALITY_PRIORITY["reported"] > MODALITY_PRIORITY["asserted"]


def test_units_cover_the_quantity_kinds(rules):
    for lang in ("ar", "en"):
        kinds = {u.kind for u in rules.units[lang]}
        assert {"troops", "killed", "injured", "arrested", "people", "protesters", "money", "percent", "weapons",
                "refugees", "vessels", "aircraft", "of"} <= kinds
        assert kinds <= set(UNIT_KINDS)
    by_form = {f: u for u in rules.units["ar"] for f in u.forms}
    assert by_form["جندي"].unit == "troops" and by_form["دولار"].unit == "USD" and by_form["%"].kind == "percent"
    assert by_form["الناتج المحلي الإجمالي"].unit == "GDP" and by_form["قتلى"].kind == "killed"
    assert {u.unit for u in rules.units["en"] if u.kind == "money"} >= {"USD", "EUR", "JPY", "GBP"}


# --- broken copies: the loader names the file and line -----------------------------------------------------

def _copy_data(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    out.mkdir()
    for name in RULE_FILES:
        shutil.copy(DATA / name, out / name)
    return out


def _rewrite(path: Path, line_no: int, change) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[line_no - 1])
    change(rec)
    lines[line_no - 1] = json.dumps(rec, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("name,line,change,needle", [
    ("triggers_ar.jsonl", 3, lambda r: r.update(cameo="999"), "cameo"),
    ("triggers_ar.jsonl", 5, lambda r: r.update(type="ASSAULT"), "disagrees"),
    ("triggers_ar.jsonl", 7, lambda r: r.pop("forms"), "missing field 'forms'"),
    ("triggers_en.jsonl", 2, lambda r: r.update(strength=1.5), "strength"),
    ("triggers_en.jsonl", 4, lambda r: r.update(colour="red"), "unknown field"),
    ("cameo.jsonl", 12, lambda r: r.update(quad_class=4), "quad_class"),
    ("cameo.jsonl", 40, lambda r: r.update(plover_type="FIGHT"), "PLOVER"),
    ("modality.jsonl", 2, lambda r: r.update(priority=1), "priority"),
    ("units.jsonl", 3, lambda r: r.update(kind="bananas"), "kind"),
])
def test_broken_copies_fail_with_file_and_line(tmp_path, name, line, change, needle):
    data = _copy_data(tmp_path)
    _rewrite(data / name, line, change)
    with pytest.raises(KBError) as err:
        load_rules(data)
    assert err.value.code == "E200"
    assert f"{name}:{line}:" in str(err.value) and needle in str(err.value)


def test_shipped_rules_validate_clean():
    assert validate_rules() == []


def test_duplicate_form_of_one_type_is_reported(tmp_path):
    data = _copy_data(tmp_path)
    path = data / "triggers_ar.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    twin = dict(first, id=first["id"] + "_twin")
    lines.insert(1, json.dumps(twin, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate_rules(data)
    assert problems and all(first["id"] in p and "_twin" in p for p in problems)
    assert len(problems) == len(first["forms"])


def test_bad_json_and_missing_file(tmp_path):
    data = _copy_data(tmp_path)
    (data / "units.jsonl").write_text('{"id": \n', encoding="utf-8")
    with pytest.raises(KBError, match=r"units.jsonl:1: invalid JSON"):
        load_rules(data)
    (data / "units.jsonl").unlink()
    with pytest.raises(KBError, match="missing"):
        load_rules(data)


# --- generated files are the generators' output -------------------------------------------------------------

def _tool(name: str):
    sys.path.insert(0, str(ROOT / "tools" / "rules"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_shipped_files_equal_their_generators_output(capsys):
    assert _jsonl(DATA / "cameo.jsonl") == _tool("gen_cameo").rows()
    gen = _tool("gen_triggers")
    for lang in ("ar", "en"):
        assert _jsonl(DATA / f"triggers_{lang}.jsonl") == gen.build(lang), "rerun tools/rules/gen_triggers.py"
    cues = _tool("gen_cues")
    assert _jsonl(DATA / "modality.jsonl") == cues.modality_rows()
    assert _jsonl(DATA / "units.jsonl") == cues.unit_rows()
    capsys.readouterr()
