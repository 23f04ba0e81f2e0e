"""Build the marsad gold set (eval/gold/{dev,test}.jsonl) from the annotation sources in eval/src/.

Contract: reads ``eval/src/entities.tsv`` (the annotators' gazetteer) and every ``eval/src/*.gold.txt`` (articles
with event lines), computes character offsets from anchor strings, validates everything, and writes one JSON
object per article, sorted by id, to ``eval/gold/dev.jsonl`` and ``eval/gold/test.jsonl``. Running it twice gives
byte-identical files. Any missing or ambiguous anchor, bad code or bad field stops the build with a message naming
the source file, the line and the anchor (exit code 1); nothing is written then.

Usage::

    python eval/build_gold.py            # build, validate, write, print counts, refresh the counts in eval/README.md
    python eval/build_gold.py --check    # build and validate only; fail if the committed files differ

Source format (see eval/GUIDELINES.md for the annotation rules themselves)::

    === ar-dev-001 | 2024-03-04 | tags: negation, reported
    <headline line>
    <body lines ...>
    ---
    ev TYPE[/MODE] ROOT | SRC1,SRC2 > TGT | MODALITY | LOCATION | TIME | QTY | TRIGGER | EVIDENCE
    ent + SURFACE[#N] | KIND | CODE | COUNTRY | NAME    (add or override a gazetteer entry for this article,
                                                         or only for its Nth bounded occurrence)
    ent - SURFACE[#N]                                   (this surface form, or its Nth bounded occurrence, is no mention here)
    note: free text

* ``TYPE`` is a PLOVER type or ``-`` (CAMEO-only 01/02 statements and appeals); ``ROOT`` a two-digit CAMEO root.
* ``LOCATION``/``TIME``/``QTY`` may be ``-``; ``QTY`` is ``value unit; value unit``.
* ``TRIGGER`` is an anchor string in which ``[...]`` marks the trigger (no brackets: the whole anchor);
  ``EVIDENCE`` is an anchor string, or empty for "the sentence that contains the trigger".
* Any anchor may end with ``#N`` (1-based) to choose among several occurrences; without it, it must be unique
  (the trigger anchor: unique inside the evidence when an evidence anchor is given, else in the whole text).

Entity mentions come from the gazetteer: every bounded occurrence of a surface form (Arabic forms may carry the
proclitics و ف ب ل ك, which stay outside the mention), longest match first, no nested mentions. ``nisba:STEM``
rows expand to the inflected nisba adjectives of a country (STEM, STEMة, STEMا, STEMين, STEMون, STEMان, STEMتين,
STEMتان, STEMات, each with and without ال).

Imports nothing of marsad (the gold set must not depend on the coder it measures); the tests import
``build``/``validate_records`` from this file.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC_DIR = HERE / "src"
GOLD_DIR = HERE / "gold"
README = HERE / "README.md"
KB_DIR = HERE.parent / "src" / "marsad" / "kb" / "data"

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}
# PLOVER type -> the CAMEO roots it may carry (coding-schemes.md 1a/2a); None = CAMEO-only statement/appeal.
TYPE_ROOTS = {"AGREE": {"03"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "CONCEDE": {"08"}, "COOPERATE": {"06"},
              "AID": {"07"}, "RETREAT": {"08"}, "REQUEST": {"10"}, "ACCUSE": {"09", "11"}, "REJECT": {"12"},
              "THREATEN": {"13"}, "PROTEST": {"14"}, "SANCTION": {"16"}, "MOBILIZE": {"15"}, "COERCE": {"17"},
              "ASSAULT": {"18", "19", "20"}, None: {"01", "02"}}
MODALITIES = ("asserted", "negated", "intended", "planned", "hypothetical", "reported")
KINDS = ("country", "person", "organization", "place", "region")
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "BUS", "MED", "EDU", "NGO", "IGO", "CVL", "REF", "SPY",
           "UAF", "INS", "SEP", "CRM", "LAB", "HLH", "HRI", "ELI", "PTY", "REL", "AGR", "DEV", "ENV", "MOD", "RAD",
           "SET", "PKO", "NGM", "MNC", "IMG", "PRM", "UNO", "IRC", "HRI"}
KNOWN_TAGS = {"negation", "reported", "quantities", "relative-date", "headline-repeat", "role-change", "metonym",
              "no-event", "intent", "plan", "hypothetical", "cameo-only", "reciprocal", "nisba", "passive",
              "multi-actor", "historical", "other-sense"}
PROCLITICS = set("وفبلك")
ARABIC = re.compile(r"[\u0600-\u06FF]")
NISBA_SUFFIXES = ("", "ة", "ا", "ين", "ون", "ان", "تين", "تان", "ات")
AR_DAYS = {"الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
_DAY_REF = re.compile(r"(اليوم|أمس|غدا)\s+(" + "|".join(AR_DAYS) + ")")


class GoldError(Exception):
    """A gold source problem, with the place it happened."""


@dataclass(frozen=True)
class Gaz:
    kind: str
    code: str | None
    country: str | None
    name: str


# --------------------------------------------------------------------------------------------- gazetteer
def _none(v: str) -> str | None:
    v = v.strip()
    return None if v in ("", "-") else v


def load_gazetteer(path: Path) -> dict[str, Gaz]:
    gaz: dict[str, Gaz] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise GoldError(f"{path.name}:{n}: need 5 tab-separated columns, got {len(cols)}: {line!r}")
        surface, kind, code, country, name = (c.strip() for c in cols)
        entry = Gaz(kind, _none(code), _none(country), name)
        forms = _nisba_expand(surface[6:]) if surface.startswith("nisba:") else [surface]
        for f in forms:
            if f in gaz and gaz[f] != entry:
                raise GoldError(f"{path.name}:{n}: surface {f!r} already maps to {gaz[f]}")
            gaz[f] = entry
    return gaz


def _nisba_expand(stem: str) -> list[str]:
    forms = [stem + x for x in NISBA_SUFFIXES]
    return forms + ["ال" + f for f in forms]


def _nisba_forms(path: Path) -> set[str]:
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("nisba:"):
            stem = line.split("\t", 1)[0][6:]
            out |= {stem + x for x in NISBA_SUFFIXES} | {"ال" + stem + x for x in NISBA_SUFFIXES}
    return out


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch) == "Mn"


def bounded_occurrences(text: str, form: str) -> list[int]:
    """Start offsets of ``form`` as a whole word (Arabic: after up to two proclitics)."""
    out = []
    arabic = bool(ARABIC.search(form))
    i = text.find(form)
    while i >= 0:
        j = i + len(form)
        end_ok = j == len(text) or not (_is_letter(text[j]) or (not arabic and text[j].isdigit()))
        k = i
        if arabic:
            for _ in range(2):
                if k > 0 and text[k - 1] in PROCLITICS and (k - 1 == 0 or not _is_letter(text[k - 2])
                                                            or text[k - 2] in PROCLITICS):
                    k -= 1
                else:
                    break
        start_ok = k == 0 or not _is_letter(text[k - 1])
        if start_ok and end_ok:
            out.append(i)
        i = text.find(form, i + 1)
    return out


# --------------------------------------------------------------------------------------------- anchors
def _split_occ(anchor: str) -> tuple[str, int | None]:
    m = re.fullmatch(r"(.*?)#(\d+)", anchor)
    return (m.group(1), int(m.group(2))) if m else (anchor, None)


def find_anchor(text: str, anchor: str, lo: int = 0, hi: int | None = None, what: str = "anchor") -> int:
    """Offset of ``anchor`` inside text[lo:hi]; unique unless ``#N`` picks one."""
    hi = len(text) if hi is None else hi
    s, occ = _split_occ(anchor)
    if not s:
        raise GoldError(f"empty {what}")
    hits, i = [], text.find(s, lo)
    while 0 <= i and i + len(s) <= hi:
        hits.append(i)
        i = text.find(s, i + 1)
    if not hits:
        raise GoldError(f"{what} {s!r} not found")
    if occ is None:
        if len(hits) > 1:
            raise GoldError(f"{what} {s!r} is ambiguous ({len(hits)} occurrences); add #N")
        return hits[0]
    if not 1 <= occ <= len(hits):
        raise GoldError(f"{what} {s!r}#{occ}: only {len(hits)} occurrence(s)")
    return hits[occ - 1]


_SENT_END = re.compile(r"[.!?؟](?=\s|$)|\n")


def sentence_around(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENT_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            end = m.end() if m.group() != "\n" else m.start()
            break
    else:
        end = len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


# --------------------------------------------------------------------------------------------- articles
@dataclass
class Raw:
    file: str
    line: int
    header: str
    text_lines: list[str]
    ann: list[tuple[int, str]]


def read_sources(src_dir: Path) -> list[Raw]:
    raws: list[Raw] = []
    for path in sorted(src_dir.glob("*.gold.txt")):
        cur: Raw | None = None
        in_ann = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("=== "):
                cur = Raw(path.name, n, line[4:], [], [])
                raws.append(cur)
                in_ann = False
            elif cur is None:
                if line.strip() and not line.startswith("#"):
                    raise GoldError(f"{path.name}:{n}: text before the first '=== ' header")
            elif line.strip() == "---":
                in_ann = True
            elif in_ann:
                if line.strip() and not line.startswith("#"):
                    cur.ann.append((n, line.strip()))
            elif line.strip():
                cur.text_lines.append(line.strip())
    return raws


def parse_qty(s: str) -> list[dict]:
    out = []
    for part in filter(None, (p.strip() for p in s.split(";"))):
        value, _, unit = part.partition(" ")
        num = float(value)
        out.append({"value": int(num) if num.is_integer() else num, "unit": unit.strip() or None})
    return out


def build_article(raw: Raw, gaz: dict[str, Gaz], nisba_forms: frozenset[str] = frozenset()) -> dict:
    where = f"{raw.file}:{raw.line}"
    head = [h.strip() for h in raw.header.split("|")]
    if len(head) != 3 or not head[2].startswith("tags:"):
        raise GoldError(f"{where}: header must be 'id | date | tags: a, b'")
    aid, date = head[0], head[1]
    m = re.fullmatch(r"(ar|en)-(dev|test)-\d{3}", aid)
    if not m:
        raise GoldError(f"{where}: bad id {aid!r} (want ar-dev-001 style)")
    if not re.fullmatch(r"20(1[5-9]|2[0-6])-\d\d-\d\d", date):
        raise GoldError(f"{where}: date {date!r} outside 2015-2026 or not YYYY-MM-DD")
    tags = sorted({t.strip() for t in head[2][5:].split(",") if t.strip()})
    if set(tags) - KNOWN_TAGS:
        raise GoldError(f"{where}: unknown tags {sorted(set(tags) - KNOWN_TAGS)}")
    lang, split = m.group(1), m.group(2)
    if not raw.text_lines:
        raise GoldError(f"{where}: no text")
    text = "\n".join(raw.text_lines)
    local = dict(gaz)
    occ_over: dict[tuple[str, int], Gaz] = {}
    excluded_forms: set[str] = set()
    excluded_occ: set[tuple[str, int]] = set()
    events, notes = [], []
    for n, line in raw.ann:
        try:
            if line.startswith("ent +"):
                cols = [c.strip() for c in line[5:].split("|")]
                if len(cols) != 5:
                    raise GoldError("'ent +' needs SURFACE | KIND | CODE | COUNTRY | NAME")
                g = Gaz(cols[1], _none(cols[2]), _none(cols[3]), cols[4])
                if cols[1] not in KINDS:
                    raise GoldError(f"kind {cols[1]!r} not one of {KINDS}")
                s, occ = _split_occ(cols[0])
                if s.startswith("nisba:"):
                    for f in _nisba_expand(s[6:]):
                        local[f] = g
                elif occ is None:
                    local[s] = g
                else:
                    occ_over[(s, occ)] = g
            elif line.startswith("ent -"):
                s, occ = _split_occ(line[5:].strip())
                if occ is None:
                    excluded_forms.add(s)
                else:
                    excluded_occ.add((s, occ))
            elif line.startswith("note:"):
                notes.append(line[5:].strip())
            elif line.startswith("ev "):
                events.append(line[3:])
            else:
                raise GoldError(f"unknown annotation line {line!r}")
        except (GoldError, ValueError) as exc:
            raise GoldError(f"{raw.file}:{n}: {aid}: {exc}") from None
    if lang == "en":  # datelines print place names in capitals (WASHINGTON -): same place
        for form, g in [*gaz.items(), *local.items()]:
            if g.kind == "place" and form.isascii() and form.upper() != form:
                local.setdefault(form.upper(), g)
    # entities: all bounded occurrences, longest first, no overlaps
    cands = []
    for form in sorted(set(local) | {f for f, _ in occ_over}):
        if form in excluded_forms or not form or form not in text:
            continue
        for k, pos in enumerate(bounded_occurrences(text, form), 1):
            g = occ_over.get((form, k), local.get(form))
            if g is not None and (form, k) not in excluded_occ:
                cands.append((pos, pos + len(form), form, g))
    for s, occ in occ_over:
        if len(bounded_occurrences(text, s)) < occ:
            raise GoldError(f"{where}: {aid}: 'ent + {s}#{occ}' matches nothing")
    for s, occ in excluded_occ:
        if len(bounded_occurrences(text, s)) < occ:
            raise GoldError(f"{where}: {aid}: 'ent - {s}#{occ}' matches nothing")
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    ents = []
    for a, b, form, g in cands:
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        ents.append({**span(text, a, b), "kind": g.kind, "code": g.code, "country": g.country, "name": g.name})
    ents.sort(key=lambda e: (e["start"], e["end"]))
    out_events = []
    for n_ev, ev in enumerate(events, 1):
        try:
            out_events.append(parse_event(ev, text))
        except (GoldError, ValueError) as exc:
            raise GoldError(f"{where}: {aid}: event {n_ev} ({ev[:40]}...): {exc}") from None
    tags = sorted((set(tags) - COMPUTED_TAGS) | computed_tags(text, ents, out_events, gaz, nisba_forms))
    return {"id": aid, "split": split, "lang": lang, "date": date, "title": raw.text_lines[0], "text": text,
            "tags": tags, "entities": ents, "events": out_events, "notes": " ".join(notes)}


COMPUTED_TAGS = {"headline-repeat", "negation", "reported", "quantities", "no-event", "intent", "plan", "hypothetical", "cameo-only",
                 "reciprocal", "multi-actor", "metonym", "relative-date", "nisba"}
_RELATIVE = re.compile(r"\b(?:yesterday|tomorrow|last (?:week|month|year)|next (?:week|month|year)|"
                       r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b|"
                       r"(?<!\w)(?:أمس|غدا|الأسبوع الماضي|الأسبوع المقبل|الشهر الماضي|العام الماضي|العام المقبل|"
                       r"قبل (?:يومين|أيام|أسبوع)|(?:أمس|غدا) (?:" + "|".join(AR_DAYS) + r"))(?!\w)")


def computed_tags(text: str, ents: list[dict], events: list[dict], gaz: dict[str, Gaz],
                  nisba_forms: frozenset[str]) -> set[str]:
    """Tags that follow from the annotation itself, so they are always consistent with it."""
    tags = set()
    mods = {ev["modality"] for ev in events}
    for mod, tag in (("negated", "negation"), ("reported", "reported"), ("intended", "intent"),
                     ("planned", "plan"), ("hypothetical", "hypothetical")):
        if mod in mods:
            tags.add(tag)
    if any(ev["quantities"] for ev in events):
        tags.add("quantities")
    if not events:
        tags.add("no-event")
    if any(ev["type"] is None for ev in events):
        tags.add("cameo-only")
    if any(len(ev["source"]) > 1 and not ev["target"] for ev in events):
        tags.add("reciprocal")
    if any(len(ev["source"]) > 1 and ev["target"] or len(ev["target"]) > 1 for ev in events):
        tags.add("multi-actor")
    if any(e["kind"] == "country" and gaz.get(e["text"], Gaz("", None, None, "")).kind == "place" for e in ents):
        tags.add("metonym")
    head_end = text.find("\n")
    actors = {c[:3] for ev in events for c in ev["source"] + ev["target"]} | \
             {c for ev in events for c in ev["source"] + ev["target"]}
    if any(e["end"] <= head_end and ({e["code"] or "", (e["code"] or "")[:3], e["country"] or ""} & actors)
           for e in ents):
        tags.add("headline-repeat")
    if _RELATIVE.search(text):
        tags.add("relative-date")
    if any(e["kind"] == "country" and e["text"] in nisba_forms for e in ents):
        tags.add("nisba")
    return tags


def parse_event(line: str, text: str) -> dict:
    cols = [c.strip() for c in line.split("|")]
    if len(cols) != 8:
        raise GoldError(f"need 8 '|'-separated fields, got {len(cols)}")
    head, actors, modality, loc, time, qty, trig, evid = cols
    parts = head.split()
    if len(parts) != 2:
        raise GoldError(f"first field must be 'TYPE[/MODE] ROOT', got {head!r}")
    typ, _, mode = parts[0].partition("/")
    root = parts[1]
    etype = None if typ == "-" else typ
    if ">" not in actors:
        raise GoldError("actors field needs 'SRC > TGT'")
    src_s, tgt_s = actors.split(">", 1)
    source = [a.strip() for a in src_s.split(",") if a.strip()]
    target = [a.strip() for a in tgt_s.split(",") if a.strip()]
    if evid:
        e0 = find_anchor(text, evid, what="evidence")
        e1 = e0 + len(_split_occ(evid)[0])
    m = re.fullmatch(r"(.*)\[(.+?)\](.*)", trig)
    if m:
        pre, core, post = m.groups()
        anchor = pre + core + post
    else:
        pre, core, anchor = "", trig, trig
    if evid:
        t_anchor = find_anchor(text, anchor, e0, e1, what="trigger")
    else:
        t_anchor = find_anchor(text, anchor, what="trigger")
    t0 = t_anchor + len(pre)
    t1 = t0 + len(_split_occ(core)[0]) if not m else t0 + len(core)
    if not evid:
        e0, e1 = sentence_around(text, t0)
    if not (e0 <= t0 and t1 <= e1):
        raise GoldError("trigger lies outside the evidence")
    return {"type": etype, "mode": mode or None, "cameo_root": root, "source": source, "target": target,
            "modality": modality, "location": _none(loc), "time": _none(time),
            "quantities": [] if qty in ("", "-") else parse_qty(qty),
            "trigger": span(text, t0, t1), "evidence": span(text, e0, e1)}


# --------------------------------------------------------------------------------------------- validation
def kb_codes() -> tuple[set[str] | None, set[str] | None]:
    """Country codes and organization codes from the KB files, or None when a file is absent."""
    def codes(name: str, key: str) -> set[str] | None:
        p = KB_DIR / name
        if not p.exists():
            return None
        out = set()
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get(key):
                    out.add(rec[key])
        return out
    return codes("countries.jsonl", "code"), codes("organizations.jsonl", "code")


def _iso3() -> set[str]:
    """ISO3 codes when neither the KB nor pycountry is available: the ones the gold set uses must look like ISO3."""
    try:
        import pycountry  # noqa: PLC0415 (optional, only for validation)
        return {c.alpha_3 for c in pycountry.countries} | {"KOS"}
    except ImportError:
        return set()


def code_problem(code: str, countries: set[str], orgs: set[str]) -> str | None:
    """None if ``code`` is a valid actor code: ISO3 country + 3-letter sectors, or a known organization code."""
    if code in orgs:
        return None
    if len(code) < 3 or len(code) % 3:
        return f"code {code!r} is not made of 3-letter parts"
    if countries and code[:3] not in countries and not code.startswith(("IGO", "NGO")):
        return f"code {code!r}: country {code[:3]!r} not in the country list"
    bad = [code[i:i + 3] for i in range(3, len(code), 3) if code[i:i + 3] not in SECTORS]
    if bad and not code.startswith(("IGO", "NGO")):
        return f"code {code!r}: unknown sector part(s) {bad}"
    return None


def validate_records(records: list[dict]) -> list[str]:
    """All problems found in gold records (empty list = valid). Used by the build and by the tests."""
    problems: list[str] = []
    kb_countries, kb_orgs = kb_codes()
    countries = kb_countries or _iso3()
    orgs = set(kb_orgs or ()) | {g.code for g in load_all_gazetteers().values()
                                 if g.kind == "organization" and g.code}
    ids = Counter(r["id"] for r in records)
    problems += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
    for r in records:
        rid, text = r["id"], r["text"]
        if r["split"] not in ("dev", "test") or r["lang"] not in ("ar", "en"):
            problems.append(f"{rid}: bad split/lang")
        words = _words(text)
        if not 40 <= words <= 200:
            problems.append(f"{rid}: {words} words (want 40-200)")
        doc_day = date.fromisoformat(r["date"])
        for m in _DAY_REF.finditer(text):  # "اليوم الثلاثاء" must agree with the article date
            shift = {"اليوم": 0, "أمس": -1, "غدا": 1}[m.group(1)]
            if (doc_day.weekday() + shift) % 7 != AR_DAYS[m.group(2)]:
                problems.append(f"{rid}: {m.group()!r} does not fit the date {r['date']} ({doc_day:%A})")
        for e in r["entities"]:
            if text[e["start"]:e["end"]] != e["text"]:
                problems.append(f"{rid}: entity span {e['start']}:{e['end']} != {e['text']!r}")
            if e["kind"] not in KINDS:
                problems.append(f"{rid}: entity kind {e['kind']!r}")
            if e["kind"] in ("region", "place"):
                if e["code"]:
                    problems.append(f"{rid}: {e['kind']} {e['text']!r} has code {e['code']!r}; places/regions have none")
            elif e["code"] and (p := code_problem(e["code"], countries, orgs)):
                problems.append(f"{rid}: entity {e['text']!r}: {p}")
            if e["country"] and countries and e["country"] not in countries:
                problems.append(f"{rid}: entity {e['text']!r}: country {e['country']!r} unknown")
        seen_events: set[tuple] = set()
        for i, ev in enumerate(r["events"], 1):
            if ev["evidence"]["start"] < len(r["title"]):
                problems.append(f"{rid}: event {i} has its evidence in the headline (code it from the body)")
            key_ = (ev["type"], ev["mode"], ev["cameo_root"], tuple(ev["source"]), tuple(ev["target"]), ev["modality"],
                    ev["evidence"]["start"])
            if key_ in seen_events:
                problems.append(f"{rid}: event {i} duplicates an earlier event of the same sentence")
            seen_events.add(key_)
            for key in ("trigger", "evidence"):
                s = ev[key]
                if text[s["start"]:s["end"]] != s["text"]:
                    problems.append(f"{rid}: event {i} {key} span mismatch")
            if ev["type"] not in TYPE_ROOTS:
                problems.append(f"{rid}: event {i} type {ev['type']!r}")
            elif ev["cameo_root"] not in TYPE_ROOTS[ev["type"]]:
                problems.append(f"{rid}: event {i} root {ev['cameo_root']} does not fit type {ev['type']}")
            if ev["mode"] and ev["mode"] not in MODES.get(ev["type"], set()):
                problems.append(f"{rid}: event {i} mode {ev['mode']!r} not a mode of {ev['type']}")
            if ev["modality"] not in MODALITIES:
                problems.append(f"{rid}: event {i} modality {ev['modality']!r}")
            if not ev["source"] and not ev["target"]:
                problems.append(f"{rid}: event {i} has no actor")
            for c in ev["source"] + ev["target"]:
                if p := code_problem(c, countries, orgs):
                    problems.append(f"{rid}: event {i}: {p}")
            if ev["time"] and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", ev["time"]):
                problems.append(f"{rid}: event {i} time {ev['time']!r} is not an ISO prefix")
            loc = ev["location"]
            if loc and not (re.fullmatch(r"[A-Z]{3}", loc) or loc[:1].isupper()):
                problems.append(f"{rid}: event {i} location {loc!r}")
    return problems


# --------------------------------------------------------------------------------------------- stats
def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def stats(records: list[dict]) -> str:
    lines = ["| split | lang | articles | words | entity mentions | events |", "|---|---|---|---|---|---|"]
    for split in ("dev", "test"):
        for lang in ("ar", "en"):
            rs = [r for r in records if r["split"] == split and r["lang"] == lang]
            lines.append(f"| {split} | {lang} | {len(rs)} | {sum(_words(r['text']) for r in rs)} "
                         f"| {sum(len(r['entities']) for r in rs)} | {sum(len(r['events']) for r in rs)} |")
    lines.append(f"| all | all | {len(records)} | {sum(_words(r['text']) for r in records)} "
                 f"| {sum(len(r['entities']) for r in records)} | {sum(len(r['events']) for r in records)} |")
    lines += ["", "Events per PLOVER type (`-` = CAMEO-only 01/02):", "",
              "| type | dev ar | dev en | test ar | test en | total |", "|---|---|---|---|---|---|"]
    by = Counter((ev["type"] or "-", r["split"], r["lang"]) for r in records for ev in r["events"])
    for t in (*PLOVER_TYPES, "-"):
        row = [by[(t, s, lg)] for s in ("dev", "test") for lg in ("ar", "en")]
        lines.append(f"| {t} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    lines += ["", "Events per modality:", "", "| modality | dev | test |", "|---|---|---|"]
    mod = Counter((ev["modality"], r["split"]) for r in records for ev in r["events"])
    for m in MODALITIES:
        lines.append(f"| {m} | {mod[(m, 'dev')]} | {mod[(m, 'test')]} |")
    lines += ["", "Articles per tag:", "", "| tag | dev | test |", "|---|---|---|"]
    tg = Counter((t, r["split"]) for r in records for t in r["tags"])
    for t in sorted({t for r in records for t in r["tags"]}):
        lines.append(f"| {t} | {tg[(t, 'dev')]} | {tg[(t, 'test')]} |")
    kinds = Counter((e["kind"], r["split"]) for r in records for e in r["entities"])
    lines += ["", "Entity mentions per kind:", "", "| kind | dev | test |", "|---|---|---|"]
    for k in KINDS:
        lines.append(f"| {k} | {kinds[(k, 'dev')]} | {kinds[(k, 'test')]} |")
    return "\n".join(lines)


def load_all_gazetteers(src_dir: Path = SRC_DIR) -> dict[str, Gaz]:
    """Hand rows (entities.tsv) over the KB organization snapshot (entities_kb_orgs.tsv, see import_kb_orgs.py)."""
    gaz: dict[str, Gaz] = {}
    snapshot = src_dir / "entities_kb_orgs.tsv"
    if snapshot.exists():
        gaz.update(load_gazetteer(snapshot))
    gaz.update(load_gazetteer(src_dir / "entities.tsv"))
    return gaz


def build(src_dir: Path = SRC_DIR) -> list[dict]:
    gaz = load_all_gazetteers(src_dir)
    nisba = frozenset(_nisba_forms(src_dir / "entities.tsv"))
    records = [build_article(raw, gaz, nisba) for raw in read_sources(src_dir)]
    return sorted(records, key=lambda r: r["id"])


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate and compare with the committed files only")
    args = ap.parse_args(argv)
    try:
        records = build()
    except GoldError as exc:
        print(f"build_gold: {exc}", file=sys.stderr)
        return 1
    problems = validate_records(records)
    if problems:
        for p in problems:
            print(f"build_gold: {p}", file=sys.stderr)
        return 1
    outputs = {GOLD_DIR / f"{s}.jsonl": dumps([r for r in records if r["split"] == s]) for s in ("dev", "test")}
    table = stats(records)
    if args.check:
        stale = [p.name for p, body in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != body]
        if stale:
            print(f"build_gold: {', '.join(stale)} out of date: run python eval/build_gold.py", file=sys.stderr)
            return 1
        print(table)
        return 0
    GOLD_DIR.mkdir(exist_ok=True)
    for p, body in outputs.items():
        p.write_text(body, encoding="utf-8")
    if README.exists():
        body = README.read_text(encoding="utf-8")
        a, b = "<!-- counts:start -->", "<!-- counts:end -->"
        if a in body and b in body:
            new = body.split(a)[0] + a + "\n" + table + "\n" + b + body.split(b, 1)[1]
            README.write_text(new, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head`: the files are already written
        sys.stderr.close()
        sys.exit(0)
