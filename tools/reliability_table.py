"""Reliability of the decision layer's confidence on the real gold (docs/decision.md): every candidate event of every
text (``all_candidates=True``, not background, not negated), binned by its confidence; "correct" = paired with a gold
event of its type (``marsad.evaluate.real.pair_events``). Prints a markdown table and the Brier score.

Usage: ``.venv/bin/python tools/reliability_table.py [--split test]``
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from marsad.evaluate.real import load_real_gold, new_predictions, pair_events  # noqa: E402
from marsad.pipeline import Coder  # noqa: E402

BINS = 10


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    args = ap.parse_args(argv)
    coder = Coder(freeze_gc=False)
    n, right = [0] * BINS, [0] * BINS
    brier: list[float] = []
    for d in load_real_gold(split=args.split):
        pred = new_predictions(coder.code(d.text, lang=d.lang, date=d.date, all_candidates=True).to_dict())
        hit = {j for _i, j in pair_events(d.new_events, pred, d.text)}
        for j, p in enumerate(pred):
            c = float(p["confidence"])
            k = min(int(c * BINS), BINS - 1)
            n[k] += 1
            right[k] += j in hit
            brier.append((c - (j in hit)) ** 2)
    print(f"{len(brier)} candidates, Brier {sum(brier) / len(brier):.3f}\n")
    print("| score | " + " | ".join(f"{k / BINS:.1f}–{(k + 1) / BINS:.1f}" for k in range(BINS)) + " |")
    print("|---|" + "---:|" * BINS)
    print("| candidates | " + " | ".join(str(x) for x in n) + " |")
    print("| correct | " + " | ".join(f"{100 * r / x:.0f}%" if x else "–" for r, x in zip(right, n)) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
