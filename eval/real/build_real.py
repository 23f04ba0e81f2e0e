"""Build the real-text gold (issue 17) from two independent annotations and an adjudication; report agreement.

Inputs (outside the repository, since the annotators' files carry trigger strings of others' text):
``ANNOT/out/{A,B}/<batch>.jsonl`` (one line per text: id, events with type/mode/trigger/nth/source/target/
modality/background), ``ANNOT/out/ADJ/<batch>.jsonl`` (the adjudicated events of the texts where A and B
disagreed) and ``ANNOT/batches/<batch>.jsonl`` (the texts, drawn by ``sample.py`` / ``sample_articles.py``).

Outputs (in this folder; ids, offsets and labels only, never text):
``sentences.jsonl`` (GSR sentences) and ``articles.jsonl`` (SaudiNewsNet and Wikinews articles), one record a text:
``{"id", "corpus", "lang", "split", "date", "sha", "events": [{"type", "mode", "trigger": {"start", "end"},
"source", "target", "modality", "background"}], "source": "agreed" | "adjudicated"}``; and ``agreement.json``.

Agreement: Cohen's kappa on the set of event types of each text (one category per text, "none" for no event),
the mean of the per-type kappas (does the text report an event of type T?), and F1 of A against B on events
matched by type and overlapping trigger (type only; type+source+target; type+source+target+modality).

Usage: ``.venv/bin/python eval/real/build_real.py [--annot /tmp/marsad-annot] [--adjudication-batches DIR]
[--save-annotations]``; with ``--adjudication-batches`` it also writes, for the adjudicator, the texts where A and B
disagree (outside the repo); ``--save-annotations`` keeps each annotation as offsets in ``annotations/``, from which
``.venv/bin/python eval/real/build_real.py --from-annotations [--out DIR]`` rebuilds the gold and its agreement exactly.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT")


def offsets(text: str, trigger: str, nth: int) -> tuple[int, int]:
    at = -1
    for _ in range(max(nth, 1)):
        at = text.find(trigger, at + 1)
        if at < 0:
            raise ValueError(f"trigger {trigger!r} #{nth} not in the text")
    return at, at + len(trigger)


def resolve(events: list[dict], text: str) -> list[dict]:
    """Events with trigger offsets: an annotator's trigger string (+ nth occurrence) is located in ``text``; a
    trigger already given as offsets (the versioned annotations) is kept."""
    out = []
    for ev in events:
        if isinstance(ev["trigger"], dict):
            start, end = ev["trigger"]["start"], ev["trigger"]["end"]
        else:
            start, end = offsets(text, ev["trigger"], int(ev.get("nth", 1)))
        out.append({"type": ev["type"], "mode": ev.get("mode"), "trigger": {"start": start, "end": end},
                    "source": sorted(set(ev.get("source") or [])), "target": sorted(set(ev.get("target") or [])),
                    "modality": ev["modality"], "background": bool(ev.get("background"))})
    out.sort(key=lambda e: (e["trigger"]["start"], e["type"]))
    return out


def _overlap(a: dict, b: dict) -> bool:
    return a["trigger"]["start"] < b["trigger"]["end"] and b["trigger"]["start"] < a["trigger"]["end"]


def match(a: list[dict], b: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs of events of the same type, overlapping triggers first, then in order."""
    pairs, used = [], set()
    for strict in (True, False):
        for i, x in enumerate(a):
            if any(i == p[0] for p in pairs):
                continue
            for j, y in enumerate(b):
                if j in used or x["type"] != y["type"] or (strict and not _overlap(x, y)):
                    continue
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def same(a: list[dict], b: list[dict]) -> bool:
    """Do two annotations of one text agree on every event (type, trigger, roles, modality, background)?"""
    if len(a) != len(b):
        return False
    pairs = match(a, b)
    return len(pairs) == len(a) and all(
        _overlap(a[i], b[j]) and a[i]["source"] == b[j]["source"] and a[i]["target"] == b[j]["target"]
        and a[i]["modality"] == b[j]["modality"] and a[i]["background"] == b[j]["background"] for i, j in pairs)


def kappa(x: list, y: list) -> float:
    n = len(x)
    if n == 0:
        return 0.0
    po = sum(1 for a, b in zip(x, y) if a == b) / n
    cx, cy = Counter(x), Counter(y)
    pe = sum(cx[k] * cy[k] for k in set(cx) | set(cy)) / (n * n)
    return round((po - pe) / (1 - pe), 4) if pe < 1 else 1.0


def f1(tp: int, na: int, nb: int) -> float:
    return round(2 * tp / (na + nb), 4) if na + nb else 1.0


def agreement(pairs: list[tuple[list[dict], list[dict]]]) -> dict:
    def news(evs):
        return [e for e in evs if not e["background"]]

    sets_a = ["+".join(sorted({e["type"] for e in news(a)})) or "none" for a, _ in pairs]
    sets_b = ["+".join(sorted({e["type"] for e in news(b)})) or "none" for _, b in pairs]
    per_type = {}
    for t in TYPES:
        xa = [any(e["type"] == t for e in news(a)) for a, _ in pairs]
        xb = [any(e["type"] == t for e in news(b)) for _, b in pairs]
        if any(xa) or any(xb):
            per_type[t] = kappa(xa, xb)
    na = sum(len(news(a)) for a, _ in pairs)
    nb = sum(len(news(b)) for _, b in pairs)
    tp_type = tp_roles = tp_mod = 0
    for a, b in pairs:
        a, b = news(a), news(b)
        for i, j in match(a, b):
            tp_type += 1
            if a[i]["source"] == b[j]["source"] and a[i]["target"] == b[j]["target"]:
                tp_roles += 1
                tp_mod += a[i]["modality"] == b[j]["modality"]
    return {"texts": len(pairs), "events_A": na, "events_B": nb, "kappa_type_set": kappa(sets_a, sets_b),
            "kappa_per_type_mean": round(sum(per_type.values()) / len(per_type), 4) if per_type else 0.0,
            "kappa_per_type": per_type, "f1_type": f1(tp_type, na, nb), "f1_type_source_target": f1(tp_roles, na, nb),
            "f1_type_source_target_modality": f1(tp_mod, na, nb),
            "texts_agreeing_fully": sum(1 for a, b in pairs if same(a, b))}


def load(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    return {r["id"]: r for r in map(json.loads, filter(str.strip, path.open(encoding="utf-8")))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annot", type=Path, default=Path("/tmp/marsad-annot"),
                    help="the annotators' working folder (batches/ and out/{A,B,ADJ}/)")
    ap.add_argument("--adjudication-batches", type=Path)
    ap.add_argument("--save-annotations", action="store_true",
                    help="also write each annotation as offsets (no text) to annotations/{A,B,ADJ}.jsonl")
    ap.add_argument("--from-annotations", action="store_true",
                    help="rebuild from the versioned annotations/ (texts read from ../shared by sample*.py)")
    ap.add_argument("--out", type=Path, default=HERE, help="where the gold files go (default: this folder)")
    args = ap.parse_args(argv)
    if args.from_annotations:
        return rebuild_from_annotations(args.out)
    out_recs: dict[str, list[dict]] = {"sentences": [], "articles": []}
    pairs_by: dict[str, list] = {"sentences": [], "articles-ar": [], "articles-en": []}
    to_adjudicate: dict[str, list[dict]] = {}
    pending = 0
    for batch_path in sorted((args.annot / "batches").glob("*.jsonl")):
        name = batch_path.stem
        texts = list(map(json.loads, batch_path.open(encoding="utf-8")))
        a = load(args.annot / "out" / "A" / f"{name}.jsonl")
        b = load(args.annot / "out" / "B" / f"{name}.jsonl")
        adj = load(args.annot / "out" / "ADJ" / f"{name}.jsonl")
        kind = "sentences" if name.startswith("batch-") else "articles"
        for rec in texts:
            if rec["id"] not in a or rec["id"] not in b:
                pending += 1
                continue
            ea, eb = resolve(a[rec["id"]]["events"], rec["text"]), resolve(b[rec["id"]]["events"], rec["text"])
            group = kind if kind == "sentences" else f"articles-{rec['lang']}"
            pairs_by[group].append((ea, eb))
            if same(ea, eb):
                final, how = ea, "agreed"
            elif rec["id"] in adj:
                final, how = resolve(adj[rec["id"]]["events"], rec["text"]), "adjudicated"
            else:
                to_adjudicate.setdefault(name, []).append(
                    dict(rec, A=a[rec["id"]]["events"], B=b[rec["id"]]["events"]))
                continue
            meta = {"id": rec["id"], "corpus": rec.get("corpus", "gsr"), "lang": rec.get("lang", "ar"),
                    "split": rec["split"], "date": rec.get("date"), "sha": rec["sha"]}
            out_recs[kind].append(dict(meta, events=final, source=how))
    report = {k: agreement(v) for k, v in pairs_by.items() if v}
    report["pending_texts"] = pending
    report["awaiting_adjudication"] = sum(len(v) for v in to_adjudicate.values())
    counts: Counter = Counter()
    for kind, recs in out_recs.items():
        for r in recs:
            for e in r["events"]:
                counts[(kind, r["lang"], e["type"], "background" if e["background"] else "new")] += 1
    report["events_by_type"] = {f"{k[0]}/{k[1]}/{k[2]}/{k[3]}": v for k, v in sorted(counts.items())}
    report["texts"] = {k: len(v) for k, v in out_recs.items()}
    for kind, recs in out_recs.items():
        recs.sort(key=lambda r: r["id"])
        with open(args.out / f"{kind}.jsonl", "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    (args.out / "agreement.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.adjudication_batches:
        if HERE.parent.parent in args.adjudication_batches.resolve().parents:
            sys.exit("--adjudication-batches must be outside the repository")
        args.adjudication_batches.mkdir(parents=True, exist_ok=True)
        for name, recs in to_adjudicate.items():
            with open(args.adjudication_batches / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                for r in recs:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "events_by_type"}, indent=1))
    if args.save_annotations:
        save_annotations(args.annot)
    return 0


ANNOTATIONS = HERE / "annotations"


def save_annotations(annot: Path) -> None:
    """Each annotator's and the adjudicator's events, as offsets (ids + labels, no text, no notes), so that the
    gold and its agreement figures can be rebuilt from the repository."""
    ANNOTATIONS.mkdir(exist_ok=True)
    texts = {r["id"]: r["text"] for p in sorted((annot / "batches").glob("*.jsonl"))
             for r in map(json.loads, p.open(encoding="utf-8"))}
    batch_of = {r["id"]: p.stem for p in sorted((annot / "batches").glob("*.jsonl"))
                for r in map(json.loads, p.open(encoding="utf-8"))}
    for who in ("A", "B", "ADJ"):
        rows = []
        for path in sorted((annot / "out" / who).glob("*.jsonl")):
            for rid, rec in load(path).items():
                rows.append({"id": rid, "batch": batch_of[rid], "events": resolve(rec["events"], texts[rid])})
        rows.sort(key=lambda r: (r["batch"], r["id"]))
        with open(ANNOTATIONS / f"{who}.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def rebuild_from_annotations(out: Path = HERE) -> int:
    """Rebuild sentences.jsonl, articles.jsonl and agreement.json from annotations/ and the drawn samples (the texts
    come from ../shared through sample.py / sample_articles.py, in a temporary folder outside the repository)."""
    import sys as _sys
    import tempfile

    _sys.path.insert(0, str(HERE))
    import sample
    import sample_articles

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sample.main(["--batches", str(root / "batches"), "--size", "200"])
        sample_articles.main(["--batches", str(root / "batches")])
        for who in ("A", "B", "ADJ"):
            by_batch: dict[str, list[dict]] = {}
            for line in (ANNOTATIONS / f"{who}.jsonl").open(encoding="utf-8"):
                r = json.loads(line)
                by_batch.setdefault(r["batch"], []).append(r)
            (root / "out" / who).mkdir(parents=True)
            for name, rows in by_batch.items():
                with open(root / "out" / who / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                    for r in rows:
                        fh.write(json.dumps({"id": r["id"], "events": r["events"]}, ensure_ascii=False) + "\n")
        return main(["--annot", str(root), "--out", str(out)])


if __name__ == "__main__":
    raise SystemExit(main())
