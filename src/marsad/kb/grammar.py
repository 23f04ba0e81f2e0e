"""The grammar word tables of ``kb/data/grammar.jsonl``: the words the event engine compares words against.

One record per table and language: ``{"name", "lang": "ar"|"en", "match", "words": [...] | "map": {key: [...]},
"note"}`` (the schema is ``grammar_problems``). ``match`` says how the engine compares: ``word`` (the normalized
word equals one), ``verb`` (bare verb forms; the word may carry the proclitics a verb takes, ``has_verb_form``),
``forms`` (any analysed form of the word), ``prefix``/``suffix`` (the word begins/ends with one), ``raw`` (compared
with the original text, not normalized). Words are stored normalized (``normalize_key``), so they compare as
written; the loader checks the whole file on first use and raises ``KBError`` (file, line) on a bad record.

``words(name, lang=None)`` -> frozenset (both languages when ``lang`` is None); ``by_lang(name)`` -> {lang:
frozenset}; ``keyed(name)`` -> {key: frozenset} of a ``map`` table. Every name the engine asks for is in
``TABLES``; ``marsad kb validate`` checks that the file has each. Loaded once per process.
Imports ``marsad.errors`` and the KB's normalization only.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from ..errors import KBError
from ._normalize import normalize_key

DATA_DIR = Path(__file__).parent / "data"
FILE = "grammar.jsonl"
LANGS = ("ar", "en")
MATCHES = ("word", "verb", "forms", "prefix", "suffix", "raw")
NAME = re.compile(r"[a-z][a-z0-9_]*")
FIELDS = {"name", "lang", "match", "words", "map", "note"}

#: the tables the engine reads (``marsad kb validate`` fails when one is missing)
TABLES = frozenset({
    "adjectival_roles", "affiliation_preps", "agent_clause", "announce_verbs", "approx", "attribution_preps", "belonging", "by_agent", "casualty_words",
    "complementizers", "condition_words", "content_clitics", "demonstratives", "experiencer_nouns",
    "conjoined_complementizers", "conjoined_determiners", "conjunctions", "count_words", "default_preps", "en_articles", "en_attributive_participles", "en_definite",
    "en_give_verbs", "en_irregular_participles", "en_name_connectors", "en_object_pronouns", "en_passive_aux", "en_name_stopwords", "en_title_adjectives", "en_org_of_titles", "en_person_titles", "en_place_heads",
    "frontier_nouns", "group_heads", "time_masdar_preps", "duration_openers", "future_not", "genitive_agent_preps", "harm_verbs", "geo_preps", "headline_end", "impersonal", "impersonal_past", "inclusion_openers", "instrument_clitics", "issued_by", "kana", "en_noun_not_act",
    "launcher_participles", "locative_clitics", "locatives", "masdar_clitics", "masdar_preps", "means", "member_nouns", "member_preps", "purpose_clitics", "not_before_verb", "place_heads",
    "not_coop_targets", "or_words", "order_verbs", "org_head_sectors", "origin_preps", "partner_preps", "passive_next", "phone_preps", "possessed_agents",
    "possessive_determiners", "purpose_accusatives",
    "prepositions", "proclitics", "pronoun_complementizers", "qad", "qad_before_verb", "qama", "reflexive",
    "right_preps", "say_before_would", "say_verbs", "singular_in_nouns", "subject_pronouns", "subordinators", "then_words", "third_person_enclitics", "unit_noun_sectors", "later_words",
})


class Table(NamedTuple):
    name: str
    lang: str
    match: str
    words: tuple[str, ...]  # a list table's words (empty for a map)
    map: dict[str, tuple[str, ...]]  # a map table's keys and words (empty for a list)
    line: int


def _word_problems(words: Any, match: str, where: str) -> Iterator[str]:
    if not isinstance(words, list) or not words:
        yield f"{where} must be a non-empty list of words"
        return
    seen: set[str] = set()
    for w in words:
        if not isinstance(w, str) or not w.strip():
            yield f"{where}: {w!r} is not a non-empty string"
            continue
        if match != "raw" and normalize_key(w) != w:
            yield f"{where}: {w!r} is not normalized (write {normalize_key(w)!r})"
        if w in seen:
            yield f"{where}: {w!r} is listed twice"
        seen.add(w)


def record_problems(rec: Any) -> list[str]:
    """Every problem of one record (empty when it is sound)."""
    if not isinstance(rec, dict):
        return ["a record must be a JSON object"]
    out: list[str] = []
    name, lang, match, note = rec.get("name"), rec.get("lang"), rec.get("match", "word"), rec.get("note")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        out.append(f"name {name!r} must be lower_snake_case")
    if lang not in LANGS:
        out.append(f"lang {lang!r} must be one of {'|'.join(LANGS)}")
    if match not in MATCHES:
        out.append(f"match {match!r} must be one of {'|'.join(MATCHES)}")
    if not isinstance(note, str) or not note.strip():
        out.append("note must say what the table is for, with an example")
    out += [f"unknown field {k!r}" for k in sorted(set(rec) - FIELDS)]
    if ("words" in rec) == ("map" in rec):
        out.append("a table has either 'words' or 'map'")
    elif "words" in rec:
        out += _word_problems(rec["words"], match, "words")
    elif not isinstance(rec["map"], dict) or not rec["map"]:
        out.append("map must be a non-empty object of word lists")
    else:
        for key, words in rec["map"].items():
            out += _word_problems(words, match, f"map[{key!r}]")
    return out


def grammar_problems(path: Path) -> tuple[list[tuple[int | None, str]], dict[tuple[str, str], Table]]:
    """Check a grammar file: ([(line, problem)], {(name, lang): Table} of its sound records). Problems: bad JSON,
    a record that breaks the schema, a (name, lang) listed twice, a table of ``TABLES`` missing."""
    problems: list[tuple[int | None, str]] = []
    tables: dict[tuple[str, str], Table] = {}
    with open(path, encoding="utf-8") as fh:
        lines = list(enumerate(fh, start=1))
    for no, line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append((no, f"bad JSON: {exc.msg}"))
            continue
        bad = record_problems(rec)
        if bad:
            problems += [(no, p) for p in bad]
            continue
        key = (rec["name"], rec["lang"])
        if key in tables:
            problems.append((no, f"table {key[0]!r} ({key[1]}) is listed twice (first on line {tables[key].line})"))
            continue
        tables[key] = Table(rec["name"], rec["lang"], rec.get("match", "word"), tuple(rec.get("words", ())),
                            {k: tuple(v) for k, v in rec.get("map", {}).items()}, no)
    names = {name for name, _lang in tables}
    problems += [(None, f"table {n!r} is missing (the engine reads it)") for n in sorted(TABLES - names)]
    return problems, tables


@cache
def load(data_dir: Path | None = None) -> dict[tuple[str, str], Table]:
    """The tables of ``data_dir`` (default: the shipped KB), checked: KBError on the first problem."""
    path = (data_dir or DATA_DIR) / FILE
    problems, tables = grammar_problems(path)
    if problems:
        line, message = problems[0]
        raise KBError(message, file=FILE, line=line)
    return tables


def _tables(name: str) -> list[Table]:
    if name not in TABLES:
        raise KBError(f"grammar table {name!r} is not declared in marsad.kb.grammar.TABLES", file=FILE)
    return [t for lang in LANGS if (t := load().get((name, lang))) is not None]


def words(name: str, lang: str | None = None) -> frozenset[str]:
    """The words of table ``name`` in ``lang`` (both languages when None)."""
    return frozenset(w for t in _tables(name) if lang is None or t.lang == lang for w in t.words)


def by_lang(name: str) -> dict[str, frozenset[str]]:
    """{lang: words} of table ``name`` for every language (empty for a language the table does not have)."""
    return {lang: words(name, lang) for lang in LANGS}


def keyed(name: str, lang: str | None = None) -> dict[str, frozenset[str]]:
    """{key: words} of a ``map`` table in ``lang`` (both languages together when None)."""
    out: dict[str, set[str]] = {}
    for t in _tables(name):
        if lang is not None and t.lang != lang:
            continue
        for key, ws in t.map.items():
            out.setdefault(key, set()).update(ws)
    return {key: frozenset(ws) for key, ws in out.items()}
