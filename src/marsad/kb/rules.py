"""Event rule data: the CAMEO/PLOVER table, trigger lexicons, modality cues and quantity units.

Loads and validates the rule files of ``kb/data`` (all JSON Lines, one object per line, sorted by id):

    cameo.jsonl        one row per CAMEO code used: name, Goldstein, GDELT QuadClass, PLOVER type/mode
    triggers_ar.jsonl  one row per trigger SENSE: surface forms -> PLOVER type/mode + nearest CAMEO code
    triggers_en.jsonl
    modality.jsonl     cues that make an event negated / hypothetical / intended / planned / reported
    units.jsonl        words next to a number that say what it counts (troops, killed, USD, percent, GDP ...)

Contract: ``load_rules(data_dir=None) -> Rules`` (cached per directory) returns frozen dataclasses mirroring the
JSON fields; trigger ``forms`` are kept exactly as written (the engine folds them with
``marsad.text.normalize_key``). A record that breaks the schema raises ``KBError(msg, file=, line=)``; the
cross-file rules (trigger cameo exists and its PLOVER type agrees, valid modes, QuadClass from the GDELT root
cut-points) are checked on load as well, so a bad edit fails at the first import, not halfway through a corpus.
``validate_rules()`` adds the slower check that no (form, type) pair is listed twice in one language. The decisions behind the table are in
docs/coding-decisions.md.

Imports from marsad: ``errors`` and the KB's one normalization (``kb._normalize.normalize_key``).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..errors import KBError
from ._normalize import normalize_key
from ._shared import shared

__all__ = [
    "LANGS", "MODALITIES", "MODALITY_PRIORITY", "PLOVER_MODES", "PLOVER_TYPES", "POS", "UNIT_KINDS",
    "CameoCode", "ModalityCue", "Rules", "Trigger", "Unit", "duplicate_forms", "load_rules", "quad_class_of",
    "validate_rules",
]

DATA_DIR = Path(__file__).parent / "data"
LANGS = ("ar", "en")

#: The 16 PLOVER event types and their modes (PLOVER manual 2.0, see coding-schemes.md §1b).
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (), "SUPPORT": (), "CONCEDE": (), "COOPERATE": (), "AID": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"),
}
PLOVER_TYPES: tuple[str, ...] = tuple(PLOVER_MODES)

#: Strongest wins when several cues apply to one trigger; "asserted" (no cue) is the floor.
MODALITY_PRIORITY: dict[str, int] = {
    "negated": 5, "hypothetical": 4, "intended": 3, "planned": 3, "reported": 2, "asserted": 1,
}
MODALITIES = tuple(MODALITY_PRIORITY)
POS = ("verb", "noun", "phrase")
UNIT_KINDS = ("troops", "killed", "injured", "arrested", "people", "protesters", "money", "percent", "weapons",
              "refugees", "vessels", "aircraft", "displaced", "missing", "hostages", "of")


def quad_class_of(code: str) -> int:
    """GDELT QuadClass of a CAMEO code from its 2-digit root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str                    # "0311" (string: keeps the leading zero, as GDELT's EventCode)
    name: str
    goldstein: float
    quad_class: int              # GDELT root cut-points, see quad_class_of
    plover_type: str | None      # None for CAMEO-only roots 01 (statements) and 02 (appeals)
    plover_mode: str | None
    notes: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        """The 3-digit level (GDELT EventBaseCode); a root code is its own base."""
        return self.code[:3]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One sense of a trigger word or phrase.

    ``forms`` are surface forms without harakat, proclitics (و ف ب ل ك ال لل س) and object suffixes; a form
    with spaces is a multiword phrase matched token by token. ``target_preps`` introduce the other party after
    the trigger; ``context_any`` restricts the sense (one of them within ±8 tokens), ``exclude_any`` cancels it
    (one of them within ±3 tokens). ``type`` is None only for CAMEO-only statements (01) and appeals (02).
    """

    id: str
    lang: str
    type: str | None
    mode: str | None
    cameo: str
    forms: tuple[str, ...]
    pos: str
    reciprocal: bool
    passive: bool
    target_preps: tuple[str, ...]
    context_any: tuple[str, ...]
    exclude_any: tuple[str, ...]
    strength: float
    notes: str = ""
    patient: bool = False  # the noun after it is the victim: "اغتيال الصحفي", passive "قتل ثلاثة جنود"
    speech_cameo: str | None = None  # the verbal sense when every source is a civilian political actor
    verbal: bool = False  # an Arabic verb phrase (lexicon kind VP): its first word is a verb ("تعرضت لهجوم")


@dataclass(frozen=True, slots=True)
class ModalityCue:
    """A word or phrase that sets the modality of a trigger ``window`` tokens after (``before``) or before
    (``after``) it; ``position`` says where the cue stands relative to the trigger."""

    id: str
    lang: str
    cue: str
    modality: str
    position: str                # "before" | "after"
    window: int
    priority: int
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """Words next to a number that say what it counts. ``position`` is where the unit word stands relative to
    the number ("after": 5 قتلى / 5 dead; "before": $5, US$ 5; "either"). kind "of" marks what a percent is of
    (GDP, budget): ``unit`` then names that base."""

    id: str
    lang: str
    forms: tuple[str, ...]
    kind: str
    unit: str
    position: str = "after"
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Rules:
    cameo: dict[str, CameoCode]
    triggers: dict[str, list[Trigger]]
    modality: dict[str, list[ModalityCue]]
    units: dict[str, list[Unit]]
    data_dir: Path

    def code(self, code: str) -> CameoCode:
        """The row of a CAMEO code; KBError when the table does not have it."""
        try:
            return self.cameo[code]
        except KeyError:
            raise KBError(f"unknown CAMEO code {code!r}", file="cameo.jsonl") from None


# --- schema -----------------------------------------------------------------------------------------------

_Check = Callable[[Any], bool]
_STR: _Check = lambda v: isinstance(v, str)  # noqa: E731
_NSTR: _Check = lambda v: isinstance(v, str) and bool(v.strip())  # noqa: E731
_OSTR: _Check = lambda v: v is None or (isinstance(v, str) and bool(v))  # noqa: E731
_BOOL: _Check = lambda v: isinstance(v, bool)  # noqa: E731
_NUM: _Check = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)  # noqa: E731
_INT: _Check = lambda v: isinstance(v, int) and not isinstance(v, bool)  # noqa: E731
_STRS: _Check = lambda v: isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)  # noqa: E731
_NSTRS: _Check = lambda v: _STRS(v) and len(v) > 0  # noqa: E731

# field -> (check, required, description for the error message)
_CAMEO_FIELDS = {
    "code": (lambda v: isinstance(v, str) and v.isdigit() and 2 <= len(v) <= 4, True, "2-4 digit string"),
    "name": (_NSTR, True, "non-empty string"), "goldstein": (lambda v: _NUM(v) and -10 <= v <= 10, True,
                                                             "number in -10..10"),
    "quad_class": (lambda v: v in (1, 2, 3, 4), True, "1-4"), "plover_type": (_OSTR, True, "string or null"),
    "plover_mode": (_OSTR, True, "string or null"), "notes": (_STR, False, "string"),
}
_TRIGGER_FIELDS = {
    "id": (_NSTR, True, "non-empty string"), "lang": (lambda v: v in LANGS, True, "ar|en"),
    "type": (_OSTR, True, "PLOVER type or null"), "mode": (_OSTR, True, "string or null"),
    "cameo": (_NSTR, True, "CAMEO code string"), "forms": (_NSTRS, True, "non-empty list of strings"),
    "pos": (lambda v: v in POS, True, "|".join(POS)), "reciprocal": (_BOOL, True, "true|false"),
    "passive": (_BOOL, True, "true|false"), "target_preps": (_STRS, True, "list of strings"),
    "context_any": (_STRS, False, "list of strings"), "exclude_any": (_STRS, False, "list of strings"),
    "strength": (lambda v: _NUM(v) and 0 < v <= 1, True, "number in (0, 1]"), "notes": (_STR, False, "string"),
    "patient": (_BOOL, False, "true|false"), "speech_cameo": (_NSTR, False, "CAMEO code string"),
    "verbal": (_BOOL, False, "true|false"),
}
_MODALITY_FIELDS = {
    "id": (_NSTR, True, "non-empty string"), "lang": (lambda v: v in LANGS, True, "ar|en"),
    "cue": (_NSTR, True, "non-empty string"),
    "modality": (lambda v: v in MODALITIES and v != "asserted", True, "|".join(MODALITIES[:-1])),
    "position": (lambda v: v in ("before", "after"), True, "before|after"),
    "window": (lambda v: _INT(v) and 0 <= v <= 20, True, "integer 0..20"),
    "priority": (_INT, True, "integer"), "notes": (_STR, False, "string"),
}
_UNIT_FIELDS = {
    "id": (_NSTR, True, "non-empty string"), "lang": (lambda v: v in LANGS, True, "ar|en"),
    "forms": (_NSTRS, True, "non-empty list of strings"), "kind": (lambda v: v in UNIT_KINDS, True,
                                                                    "|".join(UNIT_KINDS)),
    "unit": (_NSTR, True, "non-empty string"),
    "position": (lambda v: v in ("after", "before", "either"), False, "after|before|either"),
    "notes": (_STR, False, "string"),
}


def _read_jsonl(path: Path, fields: dict[str, tuple[_Check, bool, str]], key: str) -> list[tuple[int, dict]]:
    """Parse and schema-check one JSON Lines file; returns (line number, record) pairs."""
    if not path.is_file():
        raise KBError("rule file is missing; reinstall marsad or restore it from the repository", file=str(path))
    out: list[tuple[int, dict]] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise KBError(f"not UTF-8 ({exc.reason})", file=path.name) from None
    for no, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            rec = shared(json.loads(raw))  # interned keys and short values (kb._shared)
        except json.JSONDecodeError as exc:
            raise KBError(f"invalid JSON: {exc.msg} at column {exc.colno}", file=path.name, line=no) from None
        if not isinstance(rec, dict):
            raise KBError("each line must be a JSON object", file=path.name, line=no)
        unknown = set(rec) - set(fields)
        if unknown:
            raise KBError(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(fields)}", file=path.name, line=no)
        for name, (check, required, what) in fields.items():
            if name not in rec:
                if required:
                    raise KBError(f"missing field {name!r}", file=path.name, line=no)
                continue
            if not check(rec[name]):
                raise KBError(f"field {name!r} must be {what}, got {rec[name]!r}", file=path.name, line=no)
        ident = rec[key]
        if ident in seen:
            raise KBError(f"duplicate {key} {ident!r}", file=path.name, line=no)
        seen.add(ident)
        out.append((no, rec))
    return out


def _load_cameo(path: Path) -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for no, r in _read_jsonl(path, _CAMEO_FIELDS, "code"):
        code = r["code"]
        if not 1 <= int(code[:2]) <= 20:
            raise KBError(f"CAMEO root {code[:2]} outside 01-20", file=path.name, line=no)
        if r["quad_class"] != quad_class_of(code):
            raise KBError(f"quad_class {r['quad_class']} for {code}: the GDELT root cut-points give "
                          f"{quad_class_of(code)}", file=path.name, line=no)
        ptype, pmode = r["plover_type"], r["plover_mode"]
        if code[:2] in ("01", "02"):
            if ptype is not None:
                raise KBError(f"{code}: roots 01/02 are CAMEO-only, plover_type must be null", file=path.name,
                              line=no)
        elif ptype not in PLOVER_MODES:
            raise KBError(f"{code}: plover_type {ptype!r} is not one of the 16 PLOVER types", file=path.name,
                          line=no)
        if pmode is not None and (ptype is None or pmode not in PLOVER_MODES[ptype]):
            raise KBError(f"{code}: mode {pmode!r} is not a mode of {ptype}", file=path.name, line=no)
        if len(code) > 2 and code[:-1] not in table and code[:2] not in table:
            raise KBError(f"{code} comes before its parent code; keep the file sorted", file=path.name, line=no)
        table[code] = CameoCode(code, r["name"], float(r["goldstein"]), r["quad_class"], ptype, pmode,
                                r.get("notes", ""))
    return table


def _load_triggers(path: Path, lang: str, cameo: dict[str, CameoCode]) -> list[Trigger]:
    out: list[Trigger] = []
    for no, r in _read_jsonl(path, _TRIGGER_FIELDS, "id"):
        where = {"file": path.name, "line": no}
        if r["lang"] != lang:
            raise KBError(f"lang {r['lang']!r} in the {lang} lexicon", **where)
        if not r["id"].startswith(f"{lang}."):
            raise KBError(f"id {r['id']!r} must start with '{lang}.'", **where)
        row = cameo.get(r["cameo"])
        if row is None:
            raise KBError(f"cameo {r['cameo']!r} is not in cameo.jsonl", **where)
        ttype, mode = r["type"], r["mode"]
        if ttype != row.plover_type:
            raise KBError(f"type {ttype} disagrees with cameo {row.code} ({row.plover_type}); pick the CAMEO "
                          f"code whose PLOVER type is {ttype}", **where)
        if mode is not None and (ttype is None or mode not in PLOVER_MODES[ttype]):
            raise KBError(f"mode {mode!r} is not a mode of {ttype}", **where)
        if r.get("speech_cameo") is not None and r["speech_cameo"] not in cameo:
            raise KBError(f"speech_cameo {r['speech_cameo']!r} is not in cameo.jsonl", **where)
        forms = tuple(r["forms"])
        for form in forms:
            if form != form.strip() or "  " in form:
                raise KBError(f"form {form!r} has stray spaces", **where)
        out.append(Trigger(r["id"], lang, ttype, mode, r["cameo"], forms, r["pos"], r["reciprocal"],
                           r["passive"], tuple(r["target_preps"]), tuple(r.get("context_any", ())),
                           tuple(r.get("exclude_any", ())), float(r["strength"]), r.get("notes", ""),
                           bool(r.get("patient", False)), r.get("speech_cameo"), bool(r.get("verbal", False))))
    return out


def _load_modality(path: Path) -> dict[str, list[ModalityCue]]:
    out: dict[str, list[ModalityCue]] = {lang: [] for lang in LANGS}
    for no, r in _read_jsonl(path, _MODALITY_FIELDS, "id"):
        if r["priority"] != MODALITY_PRIORITY[r["modality"]]:
            raise KBError(f"priority of a {r['modality']} cue is {MODALITY_PRIORITY[r['modality']]}",
                          file=path.name, line=no)
        out[r["lang"]].append(ModalityCue(r["id"], r["lang"], r["cue"], r["modality"], r["position"], r["window"],
                                          r["priority"], r.get("notes", "")))
    return out


def _load_units(path: Path) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {lang: [] for lang in LANGS}
    for _no, r in _read_jsonl(path, _UNIT_FIELDS, "id"):
        out[r["lang"]].append(Unit(r["id"], r["lang"], tuple(r["forms"]), r["kind"], r["unit"],
                                   r.get("position", "after"), r.get("notes", "")))
    return out


def duplicate_forms(triggers: list[Trigger]) -> list[str]:
    """Problems "form (TYPE) in id1 and id2": a surface form listed by two entries of one type in one language
    (for CAMEO-only senses, type None, of one CAMEO code: a claim, 015, and "announced", 010, may share a verb), or
    by a companion and an entry of its type, or by two companions of one type and CAMEO code.

    Not run on every load (it folds ~50k forms); the test suite and ``marsad kb validate`` call it. The generator
    (tools/rules/gen_triggers.py) never writes such a pair."""
    owner: dict[tuple, str] = {}
    problems = []
    for t in sorted(triggers, key=is_companion):  # entries first, then their companions
        for form in t.forms:
            key = (normalize_key(form), t.type if t.type is not None else "cameo " + t.cameo)
            if is_companion(t):
                # companions of one verb differ by CAMEO code ("lifted … sanctions" 085, "lifted … the siege" 0872)
                entry = owner.get(key)
                if entry is not None and not is_companion_id(entry):
                    problems.append(f"{form!r} ({t.type}) in {entry} and {t.id}")
                    continue
                key = (*key, t.cameo)
            first = owner.setdefault(key, t.id)
            if first != t.id:
                problems.append(f"{form!r} ({t.type}) in {first} and {t.id}")
    return problems


def is_companion_id(tid: str) -> bool:
    """Is a trigger id that of a generated companion ("ar.assault.launch_attack.vso", "en.retreat.lift_siege.gap2")?"""
    return tid.rsplit(".", 1)[-1].rstrip("0123456789") in ("vso", "gap")


def is_companion(t: Trigger) -> bool:
    return is_companion_id(t.id)


def validate_rules(data_dir: Path | str | None = None) -> list[str]:
    """Full check of the rule files, for ``marsad kb validate`` and the tests: loads them (KBError on a schema or
    cross-file error) and returns the remaining problems (duplicate forms), empty when all is well."""
    rules = load_rules(data_dir)
    return [f"triggers_{lang}.jsonl: {p}" for lang in LANGS for p in duplicate_forms(rules.triggers[lang])]


@functools.cache
def _load(data_dir: Path) -> Rules:
    cameo = _load_cameo(data_dir / "cameo.jsonl")
    triggers = {lang: _load_triggers(data_dir / f"triggers_{lang}.jsonl", lang, cameo) for lang in LANGS}
    return Rules(cameo, triggers, _load_modality(data_dir / "modality.jsonl"), _load_units(data_dir / "units.jsonl"),
                 data_dir)


def load_rules(data_dir: Path | str | None = None) -> Rules:
    """Load and validate the rule files of ``data_dir`` (default: the packaged ``kb/data``); cached per path."""
    return _load(Path(data_dir).resolve() if data_dir is not None else DATA_DIR.resolve())
