"""Draw the real articles of the real-text gold (issue 17), deterministically; print ids, never texts.

* Arabic (SaudiNewsNet dev half): 60 articles drawn at random from the politics pool — the sections that carry
  politics, security and diplomacy news: Al-Watan's ``Politics`` section and the Saudi Press Agency (``was``) —
  plus 20 drawn at random from all sections, all of 300–3,000 characters (longer articles are many stories in one).
* English (Wikinews dev half): 60 articles of 300–4,000 characters drawn at random.
A document is ``title + "\\n" + text``; offsets in the annotations point into that string. Split: sha256 of the
article id, even -> dev, odd -> test.

Usage: ``.venv/bin/python eval/real/sample_articles.py [--batches DIR]`` (DIR outside the repository).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))  # the one definition of each helper below
from marsad.evaluate.real import split_of, text_hash  # noqa: E402

SEED = 20261206
HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent.parent / "shared" / "data"


def document(rec: dict) -> str:
    return f"{rec['title']}\n{rec['text']}"


def politics_section(rec: dict) -> bool:
    return rec["source"] == "was" or (rec["source"] == "alwatan" and "/Politics/" in rec["url"])


def draw() -> list[dict]:
    with gzip.open(DATA / "saudinewsnet-dev" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        snn = [r for r in map(json.loads, fh) if 300 <= len(r["text"]) <= 3000]
    rng = random.Random(SEED)
    snn.sort(key=lambda r: r["id"])
    pol = rng.sample([r for r in snn if politics_section(r)], 60)
    taken = {r["id"] for r in pol}
    rest = rng.sample([r for r in snn if r["id"] not in taken], 20)
    with open(DATA / "wikinews-en-dev" / "articles.jsonl", encoding="utf-8") as fh:
        wn = sorted((r for r in map(json.loads, fh) if 300 <= len(r["text"]) <= 4000), key=lambda r: r["id"])
    wn = random.Random(SEED).sample(wn, min(60, len(wn)))
    out = []
    for corpus, lang, pool, recs in (("saudinewsnet", "ar", "politics", pol), ("saudinewsnet", "ar", "all", rest),
                                     ("wikinews", "en", "all", wn)):
        for r in recs:
            doc = document(r)
            out.append({"id": r["id"], "corpus": corpus, "lang": lang, "pool": pool, "date": r["date"],
                        "split": split_of(r["id"]), "sha": text_hash(doc),
                        "text": doc})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batches", type=Path)
    args = ap.parse_args(argv)
    rows = draw()
    if args.batches:
        if HERE.parent.parent in args.batches.resolve().parents:
            sys.exit("--batches must be outside the repository (the articles are not ours to copy)")
        args.batches.mkdir(parents=True, exist_ok=True)
        ar = [r for r in rows if r["lang"] == "ar"]
        en = [r for r in rows if r["lang"] == "en"]
        for name, part in (("snn-1", ar[0::2]), ("snn-2", ar[1::2]), ("wn-1", en[0::2]), ("wn-2", en[1::2])):
            with open(args.batches / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                for r in part:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in rows:
        print(r["id"], r["corpus"], r["pool"], r["split"], r["sha"], sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
