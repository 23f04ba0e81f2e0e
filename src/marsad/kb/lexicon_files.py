"""Checks of the word files the event engine reads besides the entity files: the part of ``marsad kb validate``
that covers grammar.jsonl, anaphora.jsonl, contexts.jsonl, common_words.jsonl, scope.jsonl and the rule files
(cameo, triggers_*, modality, units: ``marsad.kb.rules``).

``lexicon_problems(data_dir, shipped) -> [(file, line, message)]``: every problem found, never raises. A file the
directory lacks is an error only in the shipped KB (a ``--data-dir`` may hold the entity files alone).
Imports ``marsad.errors`` and ``marsad.kb``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from ..errors import KBError
from . import grammar
from ._normalize import normalize_key
from .rules import LANGS, PLOVER_TYPES, load_rules, validate_rules

#: what scope.jsonl records may mark (``marsad.extract.specificity`` reads each)
SCOPE_REASONS = ("relative", "auxiliary", "pluperfect", "reporting", "reference", "charge", "generic_head", "slogan",
                 "slogan_stop", "then", "habitual", "habitual_every", "habitual_units")
ANAPHOR_REFERS = ("pair", "country", "counterpart")
RULE_FILES = ("cameo.jsonl", "triggers_ar.jsonl", "triggers_en.jsonl", "modality.jsonl", "units.jsonl")

Problem = tuple[str, "int | None", str]


def _words(v: Any) -> str | None:
    if not isinstance(v, list) or not v:
        return "must be a non-empty list of words"
    bad = [w for w in v if not isinstance(w, str) or not normalize_key(w)]
    if bad:
        return f"has {bad[0]!r}, empty after normalization"
    twice = sorted({w for w in v if v.count(w) > 1})
    return f"lists {twice[0]!r} twice" if twice else None


def _one_of(values: tuple[str, ...]) -> Callable[[Any], str | None]:
    return lambda v: None if v in values else f"{v!r} is not one of {'|'.join(values)}"


def _text(v: Any) -> str | None:
    return None if isinstance(v, str) else "must be a string"


def _id(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "must be a non-empty string"


def _types(v: Any) -> str | None:
    if not isinstance(v, list) or not v:
        return "must be a non-empty list of PLOVER types"
    bad = [t for t in v if t not in PLOVER_TYPES]
    return f"has {bad[0]!r}, not a PLOVER type" if bad else None


# file -> (required fields, optional fields): field -> check (None when sound, else what is wrong)
SPECS: dict[str, tuple[dict[str, Callable[[Any], str | None]], dict[str, Callable[[Any], str | None]]]] = {
    "anaphora.jsonl": ({"id": _id, "lang": _one_of(LANGS), "forms": _words, "refers": _one_of(ANAPHOR_REFERS),
                        "notes": _text}, {}),
    "contexts.jsonl": ({"id": _id, "lang": _one_of(LANGS), "drop_types": _types, "words": _words, "notes": _text},
                       {"document_words": _words, "unless": _words}),
    "common_words.jsonl": ({"lang": _one_of(LANGS), "words": _words, "notes": _text}, {}),
    "scope.jsonl": ({"id": _id, "lang": _one_of(LANGS), "reason": _one_of(SCOPE_REASONS), "words": _words,
                     "notes": _text}, {}),
}


def _record_problems(rec: Any, required: dict, optional: dict) -> list[str]:
    if not isinstance(rec, dict):
        return ["a record must be a JSON object"]
    out = [f"missing required field {k!r}" for k in required if k not in rec]
    for key, check in {**required, **optional}.items():
        if key in rec and (why := check(rec[key])) is not None:
            out.append(f"field {key!r}: {why}")
    out += [f"unknown field {k!r}" for k in sorted(set(rec) - set(required) - set(optional))]
    return out


def _file_problems(path: Path) -> list[Problem]:
    required, optional = SPECS[path.name]
    out: list[Problem] = []
    ids: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                out.append((path.name, no, f"bad JSON: {exc.msg}"))
                continue
            out += [(path.name, no, p) for p in _record_problems(rec, required, optional)]
            rid = rec.get("id") if isinstance(rec, dict) else None
            if isinstance(rid, str) and rid in ids:
                out.append((path.name, no, f"id {rid!r} is repeated (first on line {ids[rid]})"))
            elif isinstance(rid, str):
                ids[rid] = no
    return out


def _rule_problems(data_dir: Path) -> list[Problem]:
    try:
        load_rules(data_dir)
    except KBError as exc:
        return [(exc.context.get("file") or "rules", exc.context.get("line"),  # type: ignore[list-item]
                 exc.message.split(": ", 1)[-1] if exc.context.get("line") else exc.message)]
    return [(p.split(": ", 1)[0], None, p.split(": ", 1)[1]) for p in validate_rules(data_dir)]


def lexicon_problems(data_dir: Path, shipped: bool) -> list[Problem]:
    """Every problem of the word and rule files in ``data_dir`` (see the module docstring)."""
    out: list[Problem] = []
    for name in (grammar.FILE, *SPECS, *RULE_FILES):
        if not (data_dir / name).is_file() and shipped:
            out.append((name, None, "missing (the engine reads it)"))
    if (data_dir / grammar.FILE).is_file():
        problems, _tables = grammar.grammar_problems(data_dir / grammar.FILE)
        out += [(grammar.FILE, line, message) for line, message in problems]
    for name in SPECS:
        if (data_dir / name).is_file():
            out += _file_problems(data_dir / name)
    if all((data_dir / name).is_file() for name in RULE_FILES):
        out += _rule_problems(data_dir)
    return out
