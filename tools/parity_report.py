"""Arabic–English parity report over the parallel pairs (tests/extract/parallel_pairs.jsonl, issue 19 item 3).

Prints, overall, per construction and per type: the share of pairs at parity, the share whose Arabic side is right
and the share whose English side is right (the definitions, the comparison at country + sector level and the mode
-- the rules alone, events of the expected type -- are those of tests/extract/test_extract_parity.py, whose
functions this script calls). ``--pairs`` lists every pair that fails a check, with what each side coded;
``--kinds`` counts the kinds of failure of each side (no event of the type, an empty or wrong role, roles
swapped; a wrong role split into wrong country / wrong sector), with example pairs. ``--draft-failures FILE``
writes the failing pairs in the layout of parallel_pairs_expected_failures.jsonl, keeping the reasons of pairs
already listed there and giving a new one a generated reason (what each failing side gets wrong and what both
sides coded) to refine by hand. After a fix: draft, compare with the list, and lower MAX_FAILING in the test.

Usage:
  .venv/bin/python tools/parity_report.py
  .venv/bin/python tools/parity_report.py --pairs
  .venv/bin/python tools/parity_report.py --kinds
  .venv/bin/python tools/parity_report.py --draft-failures /tmp/failures.jsonl
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

TEST = Path(__file__).resolve().parents[1] / "tests" / "extract" / "test_extract_parity.py"


def _parity_module():
    spec = importlib.util.spec_from_file_location("marsad_parity", TEST)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _role_kinds(name: str, coded: frozenset[str], want: list[str], mod) -> list[str]:
    if mod.role_right(coded, want):
        return []
    if not want:
        return [f"{name} given where none is named"]
    if not coded:
        return [f"{name} empty"]
    countries = {c[:3] for c in coded}
    if not any(w[:3] == "---" or w[:3] in countries for w in want):
        return [f"{name}: wrong country"]
    if len(coded) > len(want):
        return [f"{name}: extra actor"]
    return [f"{name}: wrong sector"]


def failure_kinds(pair: dict, lang: str, mod) -> list[str]:
    """Why ``lang``'s side of ``pair`` is not right: the kinds of its nearest event of the expected type."""
    exp = pair["expect"]
    src, tgt = mod.expected_role(exp["source"]), mod.expected_role(exp["target"])
    evs = mod.dyads(pair[lang], lang, pair["date"], exp["type"])
    if not evs:
        return [f"no {exp['type']} event"]
    best = None
    for s, t in evs:
        if exp["type"] in mod.SYMMETRIC:
            kinds = _role_kinds("dyad", s | t, src + tgt, mod)
        elif src and tgt and mod.role_right(s, tgt) and mod.role_right(t, src):
            kinds = ["source and target swapped"]
        else:
            kinds = _role_kinds("source", s, src, mod) + _role_kinds("target", t, tgt, mod)
        if best is None or len(kinds) < len(best):
            best = kinds
    return best


def _row(label: str, rows: list[dict]) -> str:
    n = len(rows)
    pct = {c: 100 * sum(r[c] for r in rows) / n for c in ("parity", "ar", "en", "both")}
    return (f"{label:<22}{n:>5}  {pct['parity']:>6.1f}  {pct['ar']:>6.1f}  {pct['en']:>6.1f}  {pct['both']:>6.1f}")


def _side(pair: dict, lang: str, mod) -> str:
    evs = mod.dyads(pair[lang], lang, pair["date"], pair["expect"]["type"])
    got = " | ".join(f"{'+'.join(sorted(s)) or '-'} -> {'+'.join(sorted(t)) or '-'}" for s, t in evs)
    return got or "none"


def _reason(pair: dict, r: dict, mod) -> str:
    """A one-line reason: what each failing side gets wrong, and what both sides coded."""
    parts = [f"{lang}: {', '.join(failure_kinds(pair, lang, mod))}" for lang in ("ar", "en") if not r[lang]]
    exp = pair["expect"]
    coded = f"{exp['type']} ar [{_side(pair, 'ar', mod)}] en [{_side(pair, 'en', mod)}]"
    if not parts:
        parts = ["both right, but the two sides code different keys"]
    return "; ".join(parts) + f" ({coded})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", action="store_true", help="list each pair that fails a check")
    ap.add_argument("--kinds", action="store_true", help="count the kinds of failure of each side")
    ap.add_argument("--draft-failures", type=Path, help="write the failing pairs as an expected-failures draft")
    args = ap.parse_args()
    mod = _parity_module()
    pairs = mod.load_pairs()
    rows = []
    for p in pairs:
        r = {c: mod.check(p, c) for c in mod.CHECKS}
        r["both"] = r["ar"] and r["en"]
        rows.append({**r, "pair": p})
    head = f"{'':<22}{'pairs':>5}  {'parity':>6}  {'ar ok':>6}  {'en ok':>6}  {'both':>6}   (% of pairs)"
    print(head)
    print(_row("all", rows))
    for field, title in (("construction", "per construction"), ("type", "per type")):
        print(f"\n{title}")
        groups = defaultdict(list)
        for r in rows:
            groups[r["pair"]["construction"] if field == "construction" else r["pair"]["expect"]["type"]].append(r)
        for name in sorted(groups):
            print(_row(name, groups[name]))
    if args.pairs:
        print()
        for r in rows:
            failed = [c for c in mod.CHECKS if not r[c]]
            if failed:
                p = r["pair"]
                print(f"{p['id']} [{p['construction']}] fails {','.join(failed)}: {mod.describe(p)}")
    if args.kinds:
        for lang in ("ar", "en"):
            kinds = defaultdict(list)
            for r in rows:
                if not r[lang]:
                    for k in failure_kinds(r["pair"], lang, mod):
                        kinds[k].append(r["pair"]["id"])
            print(f"\n{lang}: kinds of failure ({sum(not r[lang] for r in rows)} pairs not right)")
            for k, ids in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
                print(f"  {len(ids):>3}  {k:<34} {' '.join(ids[:6])}{' ...' if len(ids) > 6 else ''}")
    if args.draft_failures:
        # an old reason is kept while the pair fails the same checks; a pair that fails otherwise gets a new draft
        old = {(f["id"], tuple(sorted(f["fails"]))): f["reason"] for f in mod.load_expected_failures()}
        with open(args.draft_failures, "w", encoding="utf-8") as fh:
            for r in rows:
                failed = [c for c in mod.CHECKS if not r[c]]
                if failed:
                    p = r["pair"]
                    reason = old.get((p["id"], tuple(sorted(failed)))) or _reason(p, r, mod)
                    fh.write(json.dumps({"id": p["id"], "fails": failed, "reason": reason,
                                         "ar": p["ar"]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
