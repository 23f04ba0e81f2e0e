"""Fingerprints of marsad's output on every corpus it has: a refactor must leave them identical.

    .venv/bin/python tools/fingerprint.py --out /tmp/fp-before.json          # before the change
    .venv/bin/python tools/fingerprint.py --compare /tmp/fp-before.json      # after: lists every document that moved

Corpora: the demo corpus, the written gold (eval/gold), the case table (tests/extract/event_cases.jsonl), the dev
GSR sentences and the real-text gold (read from ../shared), the flagship pair and the generated bench corpus.
A document's fingerprint is the sha256 of its coded output (``CodedDocument.to_dict()`` without the versions);
``--explain`` codes with the explain trace too. Exit code 1 when ``--compare`` finds a difference.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.bench.corpus import generate  # noqa: E402
from marsad.evaluate.gsr import date_from_id, default_gsr_dir, read_gsr_csv  # noqa: E402
from marsad.evaluate.real import load_real_gold, shared_data_dir  # noqa: E402
from marsad.pipeline import Coder  # noqa: E402

VOLATILE = ("coder_version", "kb_version")


def _jsonl(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def corpora() -> dict[str, list[tuple[str, str, str | None, str | None]]]:
    """Corpus name -> [(doc key, text, lang, date)]."""
    out: dict[str, list] = {}
    demo = ROOT / "src/marsad/demo"
    out["demo"] = [(f"{p.stem}:{r['id']}", r["text"], r.get("lang"), r.get("date"))
                   for p in sorted(demo.glob("*.jsonl")) for r in _jsonl(p)]
    out["gold"] = [(r["id"], r["text"], r.get("lang"), r.get("date"))
                   for p in sorted((ROOT / "eval/gold").glob("*.jsonl")) for r in _jsonl(p)]
    out["cases"] = [(r["id"], r["text"], r.get("lang"), r.get("date"))
                    for r in _jsonl(ROOT / "tests/extract/event_cases.jsonl")]
    gsr = default_gsr_dir()
    if gsr.is_dir():
        seen: dict[str, tuple] = {}
        for name in ("assault_dev.csv", "protest_dev.csv"):
            for s in read_gsr_csv(gsr / name):
                seen.setdefault(s.id, (s.id, s.text, "ar", date_from_id(s.id)))
        out["gsr-dev"] = sorted(seen.values())
    try:
        out["real"] = [(f"{d.corpus}:{d.id}", d.text, d.lang, d.date) for d in load_real_gold()]
    except Exception as exc:  # noqa: BLE001 - ../shared absent: say so, fingerprint the rest
        print(f"real gold skipped: {exc}", file=sys.stderr)
    seed = shared_data_dir().parent / "seed"
    out["flagship"] = [(p.name, p.read_text(encoding="utf-8"), None, None) for p in sorted(seed.glob("*.txt"))]
    out["bench"] = [(f"{lang}:{d.id}", d.text, d.lang, d.date) for lang in ("ar", "en") for d in generate(200, lang=lang).docs]
    return out


def fingerprint(explain: bool) -> dict[str, dict[str, str]]:
    coder = Coder(freeze_gc=False)
    result: dict[str, dict[str, str]] = {}
    for name, docs in corpora().items():
        prints: dict[str, str] = {}
        for key, text, lang, date in docs:
            d = coder.code(text, lang=lang, date=date, explain=explain).to_dict()
            for k in VOLATILE:
                d.pop(k, None)
            blob = json.dumps(d, ensure_ascii=False, sort_keys=True)
            prints[key] = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        result[name] = prints
        whole = hashlib.sha256(json.dumps(prints, sort_keys=True).encode()).hexdigest()[:16]
        print(f"{name:10} {len(prints):6} documents  {whole}", file=sys.stderr)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write the fingerprints here")
    ap.add_argument("--compare", type=Path, help="compare with fingerprints written before")
    ap.add_argument("--explain", action="store_true", help="fingerprint the explain trace too")
    args = ap.parse_args()
    now = fingerprint(args.explain)
    if args.out:
        args.out.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        moved = 0
        for name in sorted(set(before) | set(now)):
            a, b = before.get(name, {}), now.get(name, {})
            diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            moved += len(diff)
            print(f"{name:10} {len(diff):5} of {len(b):5} differ" + (f": {', '.join(diff[:12])}" if diff else ""))
        return 1 if moved else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
