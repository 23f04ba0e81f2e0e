"""Scoring on the real-text gold (``eval/real/``): real newswire sentences and whole real articles, all 16 types.

The gold stores ids, offsets and labels only (see ``eval/real/build_real.py`` and ``eval/GUIDELINES.md`` §12); the
texts are read from ``../shared/data`` (``$MARSAD_SHARED_DATA`` overrides) and checked against the stored hash, so
a gold record can never be scored against another text.

Definitions (per split; background gold events are not new events and are left out of every figure, so a
prediction on one is a false alarm):

* matching, per text: one-to-one pairs of a gold and a predicted event, preferring the same type and an
  overlapping trigger, then the same type in the same sentence, then (for the confusion table only) any type with
  an overlapping trigger;
* detection+type: P/R/F1 micro over all types and per type (a pair counts when the types are equal);
* on matched events: source/target country accuracy (the sets of country prefixes of the codes are equal; codes
  with no country — UAF, CVL, IGO... — give none), source/target code accuracy (the sets of full codes are equal),
  modality accuracy; each counted where the gold has a value (roles) or always (modality);
* tuple F1: type + source countries + target countries all right;
* false-alarm rate on negative texts: share of texts with no gold event that get at least one predicted event;
* Brier score of the predicted events' confidence against "matched with the right type".

Imports: marsad.errors, marsad.evaluate.{gold,runner,scoring}; marsad.pipeline lazily.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError
from .runner import repo_root
from .scoring import PRF

SENT_END = re.compile(r"[.!?؟\n]")


def shared_data_dir() -> Path:
    env = os.environ.get("MARSAD_SHARED_DATA")
    return Path(env) if env else repo_root().parent / "shared" / "data"


def real_gold_dir() -> Path:
    return repo_root() / "eval" / "real"


@dataclass(slots=True)
class RealEvent:
    type: str
    mode: str | None
    start: int
    end: int
    source: tuple[str, ...]
    target: tuple[str, ...]
    modality: str
    background: bool


@dataclass(slots=True)
class RealDoc:
    id: str
    corpus: str
    lang: str
    split: str
    date: str | None
    text: str
    events: list[RealEvent] = field(default_factory=list)

    @property
    def new_events(self) -> list[RealEvent]:
        return [e for e in self.events if not e.background]


def split_of(key: str) -> str:
    """The half a document belongs to, by a hash of its id: "dev" (even first byte of sha256) or "test". The real
    gold's splits, and the sports pages the decision layer learns from (dev) or is measured on (test), use it."""
    return "dev" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "test"


def text_hash(text: str) -> str:
    """The hash a gold record keeps of the text it was annotated on."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def gsr_texts(gsr_dir: Path) -> dict[str, str]:
    """Every sentence of the GSR dev half by id (one text per id, the ASSAULT file first)."""
    from .gsr import read_gsr_csv

    texts: dict[str, str] = {}
    for name in ("assault_dev.csv", "protest_dev.csv"):
        for row in read_gsr_csv(gsr_dir / name):
            texts.setdefault(row.id, row.text)
    return texts


def _article_texts(root: Path, corpus: str) -> dict[str, tuple[str, str]]:
    if corpus == "saudinewsnet":
        fh = gzip.open(root / "saudinewsnet-dev" / "articles.jsonl.gz", "rt", encoding="utf-8")
    else:
        fh = (root / "wikinews-en-dev" / "articles.jsonl").open(encoding="utf-8")
    with fh:
        return {r["id"]: (f"{r['title']}\n{r['text']}", r["date"]) for r in map(json.loads, fh)}


def _gsr_date(sid: str) -> str | None:
    from .gsr import date_from_id

    return date_from_id(sid)


def load_real_gold(directory: str | Path | None = None, split: str | None = None,
                   kinds: tuple[str, ...] = ("sentences", "articles"), data: Path | None = None) -> list[RealDoc]:
    """The real gold's texts with their events. Raises ``InputError`` when a file or a source text is missing or
    a text's hash differs from the one annotated."""
    d = Path(directory) if directory else real_gold_dir()
    data = data or shared_data_dir()
    out: list[RealDoc] = []
    sources: dict[str, Any] = {}
    for kind in kinds:
        path = d / f"{kind}.jsonl"
        if not path.is_file():
            raise InputError(f"real gold file {path} does not exist")
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            rec = json.loads(line)
            if split and rec["split"] != split:
                continue
            corpus = rec["corpus"]
            try:
                if corpus not in sources:
                    sources[corpus] = gsr_texts(data / "arabic-event-gsr-dev") if corpus == "gsr" \
                        else _article_texts(data, corpus)
            except OSError as exc:
                raise InputError(f"the real gold needs {data} (the shared data) to read its texts: {exc}") from None
            got = sources[corpus].get(rec["id"])
            if got is None:
                raise InputError(f"{path}: {rec['id']} not found in the {corpus} data")
            text, date = (got, _gsr_date(rec["id"])) if corpus == "gsr" else got
            if text_hash(text) != rec["sha"]:
                raise InputError(f"{path}: the text of {rec['id']} differs from the one annotated")
            evs = [RealEvent(e["type"], e.get("mode"), e["trigger"]["start"], e["trigger"]["end"],
                             tuple(e["source"]), tuple(e["target"]), e["modality"], bool(e["background"]))
                   for e in rec["events"]]
            out.append(RealDoc(rec["id"], corpus, rec["lang"], rec["split"], rec.get("date") or date, text, evs))
    return out


def countries_of(codes) -> frozenset[str]:
    """Country prefixes of actor codes: "IRQMIL" -> IRQ; "UAF", "CVL", "IGOUNO", "UNO", "EUR" give none."""
    from ..extract.actors import SECTORS

    out = set()
    for c in codes:
        head = c[:3]
        if head in SECTORS or head in ("IGO", "NGO", "UNO", "EUR", "MNC") or not head.isalpha():
            continue
        out.add(head)
    return frozenset(out)


def sentence_of(text: str, pos: int) -> tuple[int, int]:
    start = max((m.end() for m in SENT_END.finditer(text, 0, pos)), default=0)
    m = SENT_END.search(text, pos)
    return start, (m.start() if m else len(text))


def pair_events(gold: list[RealEvent], pred: list[dict], text: str, any_type: bool = False) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) index pairs: same type and overlapping trigger first, then same type in the
    same sentence; with ``any_type`` also different types with overlapping triggers."""
    cands = []
    for i, g in enumerate(gold):
        gs = sentence_of(text, g.start)
        for j, p in enumerate(pred):
            t = p["trigger"]
            same_type = g.type == p.get("type")
            if not same_type and not any_type:
                continue
            overlap = g.start < t["end"] and t["start"] < g.end
            same_sent = gs[0] <= t["start"] <= gs[1] + 1
            if overlap or (same_sent and same_type):
                cands.append((same_type, overlap, -abs(g.start - t["start"]), -i, -j))
    cands.sort(reverse=True)
    gi, pj, out = set(), set(), []
    for *_x, ni, nj in cands:
        if -ni not in gi and -nj not in pj:
            gi.add(-ni)
            pj.add(-nj)
            out.append((-ni, -nj))
    return sorted(out)


@dataclass(slots=True)
class RealReport:
    docs: int = 0
    events: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)
    tuples: PRF = field(default_factory=PRF)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, counted]
    negatives: int = 0
    negatives_alarmed: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold type | "-", predicted type | "-") -> n
    brier: list[float] = field(default_factory=list)
    tellings: list[int] = field(default_factory=lambda: [0, 0])  # [gold acts found, predicted events telling them]
    merges: list[int] = field(default_factory=lambda: [0, 0])  # [tellings merged into an event, of two gold acts]
    diff: list[dict[str, Any]] = field(default_factory=list)

    def field_acc(self, name: str) -> float:
        right, n = self.fields.get(name, [0, 0])
        return right / n if n else 0.0

    def headline(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_event_f1": round(self.events.f1, 4), f"{prefix}_tuple_f1": round(self.tuples.f1, 4),
                # 1 - false-alarm rate on texts with no event, so that higher is better like every other floor
                f"{prefix}_silent_on_negatives": round(1 - self.negatives_alarmed / self.negatives, 4)
                if self.negatives else 1.0}

    def to_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "events": self.events.to_dict(),
                "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
                "tuples": self.tuples.to_dict(),
                "fields": {k: {"right": v[0], "counted": v[1], "accuracy": round(self.field_acc(k), 4)}
                           for k, v in sorted(self.fields.items())},
                "negative_texts": self.negatives, "negative_texts_alarmed": self.negatives_alarmed,
                "false_alarm_rate": round(self.negatives_alarmed / self.negatives, 4) if self.negatives else 0.0,
                "brier": round(sum(self.brier) / len(self.brier), 4) if self.brier else None,
                "events_per_gold_event": round(self.tellings[1] / self.tellings[0], 3) if self.tellings[0] else None,
                "merges": self.merges[0], "merges_of_two_acts": self.merges[1],
                "merge_precision": round(1 - self.merges[1] / self.merges[0], 4) if self.merges[0] else None,
                "confusion": {f"{g}>{p}": n for (g, p), n in sorted(self.confusion.items())},
                **({"diff": self.diff} if self.diff else {})}


def _count(rep: RealReport, name: str, right: bool) -> None:
    f = rep.fields.setdefault(name, [0, 0])
    f[0] += int(right)
    f[1] += 1


def new_predictions(coded: dict[str, Any]) -> list[dict[str, Any]]:
    """The predicted events scored against new gold events: typed, not background, not negated."""
    return [e for e in coded.get("events", []) if e.get("type") and not e.get("background")
            and e.get("modality") != "negated"]


def group_of(doc: RealDoc) -> str:
    """The report group of a text: ``sentences-ar``, ``articles-ar`` or ``articles-en``."""
    return f"{'sentences' if doc.corpus == 'gsr' else 'articles'}-{doc.lang}"


def score_doc(doc: RealDoc, coded: dict[str, Any], rep: RealReport, want_diff: bool = False) -> None:
    rep.docs += 1
    gold = doc.new_events
    pred = new_predictions(coded)
    pairs = pair_events(gold, pred, doc.text)
    mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
    rep.events.tp += len(pairs)
    rep.events.n_pred += len(pred)
    rep.events.n_gold += len(gold)
    for j, p in enumerate(pred):
        rep.per_type.setdefault(p["type"], PRF()).n_pred += 1
        rep.brier.append((float(p.get("confidence", 1.0)) - (1.0 if j in mp else 0.0)) ** 2)
    for g in gold:
        rep.per_type.setdefault(g.type, PRF()).n_gold += 1
    right = 0
    for i, j in pairs:
        g, p = gold[i], pred[j]
        rep.per_type.setdefault(g.type, PRF()).tp += 1
        ps = [a["code"] for a in p.get("source", [])]
        pt = [a["code"] for a in p.get("target", [])]
        gold_src, gold_tgt = countries_of(g.source), countries_of(g.target)
        src_ok, tgt_ok = gold_src == countries_of(ps), gold_tgt == countries_of(pt)
        if gold_src:
            _count(rep, "source_country", src_ok)
        if gold_tgt:
            _count(rep, "target_country", tgt_ok)
        if g.source:
            _count(rep, "source_code", set(g.source) == set(ps))
        if g.target:
            _count(rep, "target_code", set(g.target) == set(pt))
        _count(rep, "modality", g.modality == p.get("modality"))
        if src_ok and tgt_ok:
            right += 1
        elif want_diff:
            rep.diff.append({"id": doc.id, "kind": "roles", "type": g.type, "gold": [g.source, g.target],
                             "pred": [ps, pt], "rule": p.get("rule"), "trigger": p["trigger"]})
    # tuple P/R: a tuple is right when its event is matched with the right type and both role sets are right
    rep.tuples.tp += right
    rep.tuples.n_pred += len(pred)
    rep.tuples.n_gold += len(gold)
    # the confusion table: leftovers paired across types by an overlapping trigger
    left_g = [gold[i] for i in range(len(gold)) if i not in mg]
    left_p = [pred[j] for j in range(len(pred)) if j not in mp]
    cross = pair_events(left_g, left_p, doc.text, any_type=True)
    cross = [(i, j) for i, j in cross if left_g[i].start < left_p[j]["trigger"]["end"]
             and left_p[j]["trigger"]["start"] < left_g[i].end]
    for i, j in pairs:
        rep.confusion[(gold[i].type, gold[i].type)] += 1
    cg, cp = {i for i, _ in cross}, {j for _, j in cross}
    for i, j in cross:
        rep.confusion[(left_g[i].type, left_p[j]["type"])] += 1
    for i, g in enumerate(left_g):
        if i not in cg:
            rep.confusion[(g.type, "-")] += 1
            if want_diff:
                rep.diff.append({"id": doc.id, "kind": "miss", "type": g.type,
                                 "trigger": {"start": g.start, "end": g.end, "text": doc.text[g.start:g.end]}})
    for j, p in enumerate(left_p):
        if j not in cp:
            rep.confusion[("-", p["type"])] += 1
        if want_diff:
            rep.diff.append({"id": doc.id, "kind": "false-alarm", "type": p["type"], "rule": p.get("rule"),
                             "trigger": p["trigger"], "confidence": p.get("confidence")})
    if not gold:
        rep.negatives += 1
        rep.negatives_alarmed += bool(pred)
    _count_merges(doc, coded, rep)
    # one act, one event: how many predicted events of its type tell each found gold act (same sentence)
    for g in gold:
        gs = sentence_of(doc.text, g.start)
        n = sum(1 for p in pred if p["type"] == g.type and gs[0] <= p["trigger"]["start"] <= gs[1] + 1)
        if n:
            rep.tellings[0] += 1
            rep.tellings[1] += n


def _count_merges(doc: RealDoc, coded: dict[str, Any], rep: RealReport) -> None:
    """Merge precision, from the explain trace when the text was coded with it: each candidate merged into a kept
    event is one merge; it joined two acts when its trigger and the kept event's trigger each overlap a different
    gold event of their type (eval/GUIDELINES.md codes an act once, so a restatement overlaps no other gold event)."""
    trace = coded.get("explain")
    if not trace:
        return
    kept = {e["id"]: e for e in coded.get("events", [])}

    def act(etype: str | None, span: dict) -> int | None:
        return next((i for i, g in enumerate(doc.events)
                     if g.type == etype and g.start < span["end"] and span["start"] < g.end), None)

    for rec in trace:
        into = (rec.get("outcome") or "").removeprefix("merged into ")
        ev = kept.get(into)
        if ev is None:
            continue
        rep.merges[0] += 1
        a, b = act(rec.get("type"), rec["trigger"]), act(ev.get("type"), ev["trigger"])
        if a is not None and b is not None and a != b:
            rep.merges[1] += 1


def score_real(docs: list[RealDoc], coder: Callable[..., Any] | None = None, want_diff: bool = False,
               predictions: dict[str, dict[str, Any]] | None = None, explain: bool = False) -> dict[str, RealReport]:
    """Code every real-gold text and score it; one report per group (``sentences-ar``, ``articles-ar``,
    ``articles-en``) and ``all``. With ``explain`` the texts are coded with their explain trace, which merge
    precision is counted from."""
    if coder is None and predictions is None:
        from ..pipeline import code as coder  # noqa: PLC0415
    reports: dict[str, RealReport] = {}
    for d in docs:
        if predictions is not None:
            coded = predictions.get(d.id)
            if coded is None:
                raise InputError(f"no prediction for real-gold text {d.id}")
        else:
            out = coder(d.text, lang=d.lang, date=d.date, **({"explain": True} if explain else {}))
            coded = out if isinstance(out, dict) else out.to_dict()
        for key in (group_of(d), "all"):
            score_doc(d, coded, reports.setdefault(key, RealReport()), want_diff and key != "all")
    return reports


def render_real(reports: dict[str, RealReport], console, split: str | None) -> None:
    """Terminal tables: the headline per group, per-type P/R/F1, the type confusions, and the diff if kept."""
    from rich.table import Table  # noqa: PLC0415

    def pct(x: float) -> str:
        return f"{100 * x:.1f}"

    t = Table(title=f"Real-text gold{f' ({split} split)' if split else ''}: detection+type, all 16 PLOVER types")
    for col in ("group", "texts", "gold", "pred", "P %", "R %", "F1 %", "FA on negatives %", "Brier",
                "events / act", "merges (of 2 acts)"):
        t.add_column(col, justify="left" if col == "group" else "right", no_wrap=col == "group")
    roles = Table(title="on matched events: roles and modality (tuple = type + source + target countries)")
    for col in ("group", "tuple F1 %", "source country %", "target country %", "source code %", "target code %",
                "modality %"):
        roles.add_column(col, justify="left" if col == "group" else "right", no_wrap=col == "group")
    for name, r in reports.items():
        d = r.to_dict()
        t.add_row(name, str(r.docs), str(r.events.n_gold), str(r.events.n_pred), pct(r.events.precision),
                  pct(r.events.recall), pct(r.events.f1), pct(d["false_alarm_rate"]),
                  "-" if d["brier"] is None else f"{d['brier']:.3f}",
                  "-" if d["events_per_gold_event"] is None else f"{d['events_per_gold_event']:.2f}",
                  f"{r.merges[0]} ({r.merges[1]})" if r.merges[0] else "-")
        roles.add_row(name, pct(r.tuples.f1), pct(r.field_acc("source_country")), pct(r.field_acc("target_country")),
                      pct(r.field_acc("source_code")), pct(r.field_acc("target_code")), pct(r.field_acc("modality")))
    console.print(t)
    console.print(roles)
    every = reports.get("all")
    if every is None:
        return
    pt = Table(title="per type (all groups)")
    for col in ("type", "gold", "pred", "tp", "P %", "R %", "F1 %"):
        pt.add_column(col, justify="right" if col != "type" else "left")
    for name, prf in sorted(every.per_type.items()):
        pt.add_row(name, str(prf.n_gold), str(prf.n_pred), str(prf.tp), pct(prf.precision), pct(prf.recall),
                   pct(prf.f1))
    console.print(pt)
    ct = Table(title="type confusions (gold > predicted; '-' = none), off the diagonal")
    ct.add_column("gold")
    ct.add_column("predicted")
    ct.add_column("n", justify="right")
    for (g, p), n in sorted(every.confusion.items(), key=lambda kv: -kv[1])[:20]:
        if g != p:
            ct.add_row(g, p, str(n))
    console.print(ct)
    for name, r in reports.items():
        for item in r.diff:
            trig = item.get("trigger") or {}
            console.print(f"{name} {item['id']} {item['kind']} {item['type']} {item.get('rule') or ''} "
                          f"[{trig.get('start')}:{trig.get('end')}] {trig.get('text', '')} "
                          f"{item.get('gold', '')} {item.get('pred', '')}", markup=False, highlight=False)


def real_headline(split: str = "test", coder: Callable[..., Any] | None = None) -> dict[str, float]:
    """The CI floor's real-text figures: event F1, tuple F1 and false-alarm rate per group (``real_<group>_...``,
    groups ``sentences_ar``, ``articles_ar``, ``articles_en``)."""
    reports = score_real(load_real_gold(split=split), coder=coder)
    out: dict[str, float] = {}
    for group, rep in reports.items():
        if group != "all":
            out.update(rep.headline(f"real_{group.replace('-', '_')}"))
    return out
