"""Arabic–English parity (issue 19, item 3): parallel pairs, the same short news sentence written for the project in
Arabic and in English (tests/extract/parallel_pairs.jsonl), each with the event a careful coder gives it
(``expect``: type, source, target) and the construction it exercises.

What is compared. Each side is coded with the rules alone (``marsad.pipeline.code(..., all_candidates=True)``, as
the rest of tests/extract does): parity is a question about roles, and the decision layer only keeps or drops
whole events, so the rules decide who is source and who is target. Only events of the pair's expected type count;
when the rules give several, any one may match (all pairs of events are tried).

Actor codes are compared at country + sector level, the first six characters of the code as marsad writes it:
"IMGREBISI" -> "IMGREB", "IRNMILIRG" -> "IRNMIL", "IGONAT" stays, "UNOWFP" stays, "IRN" stays. A code that opens
with a sector ("UAF", "REB", "GOV") has no country: "---" + its sector. The unnamed armed sectors UAF, REB and INS
are one class, written REB ("MLIUAF" -> "MLIREB", "UAF" -> "---REB"). A role is the set of these keys over its
actors.

- A side is *right* when an event of the expected type has the expected source and target. An expected key of three
  letters ("IRN", "UNO", "EUR": the text names the state or body with no sector) is compared on the country part
  only; a six-letter key ("JORGOV") on country and sector; "---REB" (an armed group the text does not name) takes
  any country or none, the sector must be REB (issue 19, item 4 lets the coder borrow the place's country);
  "-" means an empty role. The role's set and the expected keys must match one to one: an extra actor is wrong.
- A pair is *at parity* when an Arabic event and an English event of the expected type have the same source keys
  and the same target keys, exactly (no three-letter leniency: "IRN" on one side and "IRNGOV" on the other differ).
  Both sides empty is parity too (the same, if useless, roles); the report also counts pairs where both are right.
- CONSULT, AGREE and COOPERATE are symmetric in these sentences ("the two sides agreed", "A met B"): for them the
  dyad is compared unordered (source ∪ target), for parity and for rightness.

Each pair is three tests (parity, Arabic right, English right). The ones that fail today are listed, each with a
one-line reason, in parallel_pairs_expected_failures.jsonl ("fails": a subset of parity/ar/en); they are strict
expected failures, so a pair that starts passing fails the run (take it off the list) just as a passing one that
breaks does. `python tools/parity_report.py` prints parity, Arabic-right and English-right, overall and per
construction and type. The issue's goal is parity >= 90%; the floors below hold today's measured level.
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

import marsad.pipeline
from marsad.model import ACTOR_SECTORS

PAIRS_PATH = Path(__file__).with_name("parallel_pairs.jsonl")
EXPECTED_FAILURES_PATH = Path(__file__).with_name("parallel_pairs_expected_failures.jsonl")
CHECKS = ("parity", "ar", "en")
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
UNNAMED_ARMED = {"UAF": "REB", "INS": "REB"}
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# today's measured level (tools/parity_report.py, 211 pairs): parity 190/211 (90.0%), Arabic right 199 (94.3%),
# English right 192 (91.0%); the number of pairs listed as failing a check may not grow past these
MAX_FAILING = {"parity": 21, "ar": 12, "en": 19}


def load_pairs() -> list[dict]:
    with open(PAIRS_PATH, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_expected_failures() -> list[dict]:
    if not EXPECTED_FAILURES_PATH.exists():
        return []
    with open(EXPECTED_FAILURES_PATH, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def key(code: str) -> str:
    """Country + sector of an actor code: "IMGREBISI" -> "IMGREB", "UAF" -> "---REB", "MLIUAF" -> "MLIREB"."""
    head = code[:3]
    country, sector = ("---", head) if head in ACTOR_SECTORS else (head, code[3:6])
    return country + UNNAMED_ARMED.get(sector, sector)


def role(actors) -> frozenset[str]:
    return frozenset(key(a["code"]) for a in actors if a.get("code"))


def expected_role(spec: str) -> list[str]:
    return [] if spec == "-" else spec.split("+")


def key_matches(coded: str, want: str) -> bool:
    if want[:3] == "---":
        return coded[3:] == want[3:]
    if len(want) == 3:
        return coded[:3] == want
    return coded == want


def role_right(coded: frozenset[str], want: list[str]) -> bool:
    """Every coded key matches an expected one and every expected key is matched (no actor missing, none extra)."""
    return (all(any(key_matches(c, w) for w in want) for c in coded)
            and all(any(key_matches(c, w) for c in coded) for w in want))


@functools.lru_cache(maxsize=None)
def dyads(text: str, lang: str, date: str, etype: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(source keys, target keys) of each event of type ``etype`` the rules code in ``text``."""
    doc = marsad.pipeline.code(text, lang=lang, date=date, all_candidates=True).to_dict()
    return tuple((role(e["source"]), role(e["target"])) for e in doc["events"] if e["type"] == etype)


def side_right(pair: dict, lang: str) -> bool:
    exp = pair["expect"]
    src, tgt = expected_role(exp["source"]), expected_role(exp["target"])
    for s, t in dyads(pair[lang], lang, pair["date"], exp["type"]):
        if exp["type"] in SYMMETRIC:
            if role_right(s | t, src + tgt):
                return True
        elif role_right(s, src) and role_right(t, tgt):
            return True
    return False


def at_parity(pair: dict) -> bool:
    etype = pair["expect"]["type"]
    ar = dyads(pair["ar"], "ar", pair["date"], etype)
    en = dyads(pair["en"], "en", pair["date"], etype)
    if etype in SYMMETRIC:
        return bool({s | t for s, t in ar} & {s | t for s, t in en})
    return bool(set(ar) & set(en))


def check(pair: dict, which: str) -> bool:
    return at_parity(pair) if which == "parity" else side_right(pair, which)


def describe(pair: dict) -> str:
    etype = pair["expect"]["type"]
    out = []
    for lang in ("ar", "en"):
        got = [(sorted(s), sorted(t)) for s, t in dyads(pair[lang], lang, pair["date"], etype)]
        out.append(f"{lang}: {got or 'no ' + etype}")
    return f"expect {pair['expect']}; " + "; ".join(out)


def _params(which: str) -> list:
    """One pytest param per pair; a pair listed as failing ``which`` is a strict xfail with its reason."""
    reasons = {f["id"]: f["reason"] for f in load_expected_failures() if which in f["fails"]}
    return [pytest.param(p, id=p["id"], marks=[pytest.mark.xfail(strict=True, raises=AssertionError,
                                                                 reason=reasons[p["id"]])]
                         if p["id"] in reasons else []) for p in load_pairs()]


@pytest.mark.parametrize("pair", _params("parity"))
def test_pair_at_parity(pair):
    assert at_parity(pair), describe(pair)


@pytest.mark.parametrize("pair", _params("ar"))
def test_pair_arabic_right(pair):
    assert side_right(pair, "ar"), describe(pair)


@pytest.mark.parametrize("pair", _params("en"))
def test_pair_english_right(pair):
    assert side_right(pair, "en"), describe(pair)


def test_pairs_are_many_valid_and_cover_types_and_constructions():
    pairs = load_pairs()
    assert len(pairs) >= 200
    assert len({p["id"] for p in pairs}) == len(pairs)
    assert [p["id"] for p in pairs] == [f"pp-{i:03d}" for i in range(1, len(pairs) + 1)]
    for p in pairs:
        assert set(p) == {"id", "date", "ar", "en", "expect", "construction"}, p["id"]
        assert set(p["expect"]) == {"type", "source", "target"}, p["id"]
        assert p["expect"]["type"] in TYPES, p["id"]
        for spec in (p["expect"]["source"], p["expect"]["target"]):
            assert all(re.fullmatch(r"(---|[A-Z]{3})([A-Z]{3})?", k) for k in expected_role(spec)), (p["id"], spec)
    types = Counter(p["expect"]["type"] for p in pairs)
    assert set(types) == set(TYPES), f"types without a pair: {set(TYPES) - set(types)}"
    constructions = Counter(p["construction"] for p in pairs)
    assert all(n >= 5 for n in constructions.values()), constructions


def test_expected_failures_name_pairs_of_the_table():
    by_id = {p["id"]: p for p in load_pairs()}
    listed = load_expected_failures()
    assert len({f["id"] for f in listed}) == len(listed), "a pair is listed twice"
    for f in listed:
        assert set(f) == {"id", "fails", "reason", "ar"}, f
        assert f["id"] in by_id, f"{f['id']} is not in {PAIRS_PATH.name}"
        assert by_id[f["id"]]["ar"] == f["ar"], f"{f['id']} is now another sentence: renumber the list"
        assert f["fails"] and set(f["fails"]) <= set(CHECKS), f
        assert len(f["reason"]) >= 20, f"{f['id']}: say why it fails"


@pytest.mark.parametrize("which", CHECKS)
def test_failures_do_not_grow_past_todays_level(which):
    # the per-pair tests hold each pair; this keeps the list of known failures from growing
    failing = [f for f in load_expected_failures() if which in f["fails"]]
    assert len(failing) <= MAX_FAILING[which], f"{len(failing)} pairs fail {which}: today {MAX_FAILING[which]}"
