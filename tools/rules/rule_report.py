"""Report on the rule files: counts, the case table through the coder, and per-rule hits on the Arabic GSR.

Run: python tools/rules/rule_report.py [--gsr DIR] [--top N]

Prints (1) entry/form counts per language and type, (2) the event case table's pass rate per language and type
(tests/extract/event_cases.jsonl through marsad.code, scored as tests/extract/test_extract_cases.py does), and
(3) when the GSR directory exists (default ../shared/data/arabic-event-gsr-dev), for ASSAULT and PROTEST the
rules that fire on "yes" sentences vs on "no" sentences — the list to read before touching a trigger's strength,
context_any or exclude_any. The GSR sentences are read, never copied.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import marsad  # noqa: E402
from marsad.kb.rules import load_rules  # noqa: E402

ROOTS = {"ASSAULT": ("18", "19", "20"), "PROTEST": ("14",)}


def counts() -> None:
    rules = load_rules()
    for lang, ts in rules.triggers.items():
        by_type = Counter(t.type or f"CAMEO {rules.cameo[t.cameo].root}" for t in ts)
        vso = sum(".vso" in t.id for t in ts)
        print(f"{lang}: {len(ts)} entries ({vso} VSO companions), {sum(len(t.forms) for t in ts)} forms")
        print("   " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    print(f"cameo {len(rules.cameo)} codes; modality cues " +
          ", ".join(f"{k} {len(v)}" for k, v in rules.modality.items()) + "; units " +
          ", ".join(f"{k} {len(v)}" for k, v in rules.units.items()))


def cases() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "extract"))
    from test_extract_cases import case_passes, load_cases  # noqa: PLC0415

    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case in load_cases():
        ok, _msg = case_passes(case)
        key = (case["lang"], case["expect"][0]["type"] if case["expect"] else "NONE")
        table[key][0] += ok
        table[key][1] += 1
    for lang in ("ar", "en"):
        rows = {k[1]: v for k, v in table.items() if k[0] == lang}
        passed, total = sum(v[0] for v in rows.values()), sum(v[1] for v in rows.values())
        print(f"cases {lang}: {passed}/{total} ({passed / max(total, 1):.1%}) — " +
              ", ".join(f"{t} {p}/{n}" for t, (p, n) in sorted(rows.items())))


def date_of(sid: str) -> str | None:
    m = re.search(r"_(\d{4})(\d{2})(\d{2})\.", sid)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def gsr(directory: Path, top: int) -> None:
    for etype, roots in ROOTS.items():
        path = directory / f"{etype.lower()}_dev.csv"
        if not path.is_file():
            print(f"(no {path})")
            continue
        yes, no = Counter(), Counter()
        tp = fp = fn = 0
        for row in csv.DictReader(path.open(encoding="utf-8")):
            if row["label"] == "ambiguous":
                continue
            doc = marsad.code(row["text"], lang="ar", date=date_of(row["id"])).to_dict()
            rules = {e["rule"] for e in doc["events"] if e["modality"] != "negated"
                     and (e["type"] == etype or e["cameo"][:2] in roots)}
            gold = row["label"] == "yes"
            (yes if gold else no).update(rules)
            tp += gold and bool(rules)
            fp += (not gold) and bool(rules)
            fn += gold and not rules
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"GSR {etype}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}")
        for rule in sorted(set(yes) | set(no), key=lambda x: -(no[x] - yes[x]))[:top]:
            print(f"   {rule:45s} yes {yes[rule]:4d}  no {no[rule]:4d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gsr", type=Path, default=ROOT.parent / "shared" / "data" / "arabic-event-gsr-dev")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    t0 = time.perf_counter()
    counts()
    cases()
    gsr(args.gsr, args.top)
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
