"""Draw the real-newswire gold sample from the Arabic event GSR dev half (issue 17), deterministically.

The sentences stay in ``../shared``; this script prints (or writes) only their ids, the split and a hash of each
text, so that the annotations in ``eval/real/`` can be checked against the very text they were made on.

* Population: every sentence id of ``assault_dev.csv`` and ``protest_dev.csv`` (one text per id), whatever its
  label, so negatives stay in the set and the sample is not chosen by keyword.
* Sample: ``random.Random(SEED).sample`` over the sorted ids, ``N`` of them.
* Split by article (a Gigaword document, or the hash-named document for the other ids): sha256 of the article id,
  even -> dev, odd -> test. Sentences of one article never straddle the split.

Usage: ``.venv/bin/python eval/real/sample.py [--n 1200] [--batches DIR --size 200]`` (``--batches`` writes the texts for the
annotators to DIR, which must be outside the repository).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))  # the one definition of each helper below
from marsad.evaluate.gsr import article_of  # noqa: E402 - a Gigaword document: the unit of the split
from marsad.evaluate.real import gsr_texts, split_of, text_hash  # noqa: E402

SEED = 20261206
N = 1200
HERE = Path(__file__).resolve().parent
GSR_DIR = HERE.parent.parent.parent / "shared" / "data" / "arabic-event-gsr-dev"


def draw(n: int = N, gsr_dir: Path = GSR_DIR) -> list[dict]:
    texts = gsr_texts(gsr_dir)
    ids = random.Random(SEED).sample(sorted(texts), n)
    return [{"id": i, "split": split_of(article_of(i)), "sha": text_hash(texts[i]), "text": texts[i]} for i in ids]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=N)
    ap.add_argument("--batches", type=Path, help="write annotator batches (with texts) here, outside the repo")
    ap.add_argument("--size", type=int, default=200)
    args = ap.parse_args(argv)
    rows = draw(args.n)
    if args.batches:
        if HERE.parent.parent in args.batches.resolve().parents:
            sys.exit("--batches must be outside the repository (the sentences are not ours to copy)")
        args.batches.mkdir(parents=True, exist_ok=True)
        for b in range(0, len(rows), args.size):
            with open(args.batches / f"batch-{b // args.size + 1:02d}.jsonl", "w", encoding="utf-8") as fh:
                for r in rows[b:b + args.size]:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in rows:
        print(r["id"], r["split"], r["sha"], sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
