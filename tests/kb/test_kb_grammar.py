"""The grammar tables (kb/data/grammar.jsonl), the proclitic rules derived from them, and the validation of every
word file the engine reads: broken copies fail ``marsad kb validate`` with the file, the line and what is wrong."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import KBError
from marsad.kb import clitics, grammar
from marsad.kb.lexicon_files import lexicon_problems
from marsad.kb.loader import DATA_DIR
from marsad.kb.validate import validate
from marsad.text.tokens import PROCLITICS

from .kbfixtures import copy_shipped, replace_line


def _line_of(path, name: str, lang: str) -> int:
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        rec = json.loads(line)
        if (rec["name"], rec["lang"]) == (name, lang):
            return no
    raise AssertionError(f"{name} ({lang}) not in {path}")


def test_shipped_word_files_are_clean():
    assert lexicon_problems(DATA_DIR, shipped=True) == []


def test_every_table_the_engine_reads_is_in_the_file():
    names = {name for name, _lang in grammar.load()}
    assert grammar.TABLES <= names


def test_an_undeclared_table_is_refused():
    with pytest.raises(KBError, match="not declared"):
        grammar.words("no_such_table")


def test_tables_are_frozen_and_by_language():
    locative = grammar.by_lang("locatives")
    assert set(locative) == {"ar", "en"} and "في" in locative["ar"] and "in" in locative["en"]
    assert isinstance(locative["ar"], frozenset)
    assert grammar.keyed("default_preps")["ASSAULT"] >= {"علي", "on"}


def test_one_proclitic_table_gives_the_sequences_the_text_layer_splits():
    assert clitics.sequences() == frozenset(PROCLITICS)


@pytest.mark.parametrize("rule, expected", [
    (clitics.conjunctions, {"و", "ف"}),
    (clitics.verb_proclitics, {"و", "ف", "س"}),
    (clitics.article_forms, {"ال", "وال", "فال", "بال", "كال", "لل"}),
    (clitics.name_proclitics, {"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل"}),
    (clitics.name_proclitics_before_al, {"و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"}),
    (clitics.single_proclitics, {"و", "ف", "ب", "ل", "ك"}),
])
def test_named_proclitic_rules(rule, expected):
    assert set(rule()) == expected


def test_prefix_prepositions_name_their_preposition():
    assert clitics.prefix_prepositions() == {"ب": "ب", "بال": "ب", "ك": "ك", "كال": "ك", "ل": "ل", "لل": "ل"}


@pytest.mark.parametrize("table, lang, mutate, needle", [
    ("announce_verbs", "ar", lambda r: {k: v for k, v in r.items() if k != "note"}, "note"),
    ("announce_verbs", "ar", lambda r: {**r, "lang": "fr"}, "lang 'fr'"),
    ("announce_verbs", "ar", lambda r: {**r, "words": r["words"] + ["أعلنا"]}, "not normalized"),
    ("announce_verbs", "ar", lambda r: {**r, "words": r["words"] + [r["words"][0]]}, "listed twice"),
    ("announce_verbs", "ar", lambda r: {**r, "words": []}, "non-empty list"),
    ("announce_verbs", "ar", lambda r: {**r, "match": "fuzzy"}, "match 'fuzzy'"),
    ("announce_verbs", "ar", lambda r: {**r, "map": {"x": ["y"]}}, "either 'words' or 'map'"),
    ("announce_verbs", "ar", lambda r: {**r, "name": "Announce Verbs"}, "lower_snake_case"),
    ("subordinators", "ar", lambda r: {**r, "name": "kana"}, "listed twice"),  # after kana's line
    ("default_preps", "ar", lambda r: {**r, "map": {**r["map"], "AID": [""]}}, "non-empty string"),
    ("kana", "ar", lambda r: "{not json", "bad JSON"),
])
def test_broken_grammar_fails_validation_with_line(tmp_path, table, lang, mutate, needle):
    d = copy_shipped(tmp_path)
    path = d / "grammar.jsonl"
    lineno = _line_of(path, table, lang)
    replace_line(path, lineno, mutate)
    errors = validate(d).errors
    assert any(p.file == "grammar.jsonl" and p.line == lineno and needle in p.message for p in errors), \
        [str(p) for p in errors]


def test_a_table_the_engine_reads_may_not_go_missing(tmp_path):
    d = copy_shipped(tmp_path)
    path = d / "grammar.jsonl"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if '"name": "qama"' not in line]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert any("'qama' is missing" in p.message for p in validate(d).errors)
    with pytest.raises(KBError, match="qama"):
        grammar.load(d)


@pytest.mark.parametrize("file, lineno, mutate, needle", [
    ("anaphora.jsonl", 1, lambda r: {**r, "refers": "both"}, "'both' is not one of"),
    ("anaphora.jsonl", 2, lambda r: {**r, "forms": ["البلاد", "البلاد"]}, "twice"),
    ("contexts.jsonl", 1, lambda r: {**r, "drop_types": ["FIGHT"]}, "not a PLOVER type"),
    ("contexts.jsonl", 2, lambda r: {k: v for k, v in r.items() if k != "words"}, "missing required field 'words'"),
    ("common_words.jsonl", 1, lambda r: {**r, "words": []}, "non-empty list"),
    ("common_words.jsonl", 2, lambda r: {**r, "word": ["a"]}, "unknown field 'word'"),
    ("scope.jsonl", 1, lambda r: {**r, "reason": "mood"}, "'mood' is not one of"),
    ("scope.jsonl", 3, lambda r: {**r, "words": ["\u0640"]}, "empty after normalization"),
    ("units.jsonl", 1, lambda r: {**r, "kind": "furlongs"}, "furlongs"),
])
def test_broken_word_files_fail_validation(tmp_path, file, lineno, mutate, needle):
    d = copy_shipped(tmp_path)
    replace_line(d / file, lineno, mutate)
    errors = validate(d).errors
    assert any(p.file == file and p.line == lineno and needle in p.message for p in errors), [str(p) for p in errors]


def test_cli_names_the_broken_grammar_line(tmp_path):
    d = copy_shipped(tmp_path)
    path = d / "grammar.jsonl"
    lineno = _line_of(path, "qama", "ar")
    replace_line(path, lineno, lambda r: {**r, "words": ["قامَ"]})
    result = CliRunner().invoke(app, ["kb", "validate", "--data-dir", str(d)])
    assert result.exit_code == 3
    assert f"grammar.jsonl:{lineno}" in result.output and "not normalized" in result.output
