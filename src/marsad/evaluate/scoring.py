"""Scoring of coder output against gold documents: counts, precision/recall/F1, field accuracy, confusion.

Predictions are documents in the output contract (``CodedDocument.to_dict()``), so the same scorer serves the live
coder, a saved ``marsad code --format json`` file, or another system's output converted to the contract.

Definitions (one place, the README and the CLI quote them):

* **Entity mentions** -- every gold mention vs every predicted mention (each span of each predicted entity, with
  that entity's kind). *exact*: identical (start, end); *overlap*: one-to-one greedy matching of overlapping spans
  (same kind first, then longest overlap); "+kind" variants also require the kind to agree.
* **Entity linking** -- on overlap-matched mentions whose gold code is not null: accuracy of the predicted code;
  end-to-end P/R/F1 counts a linked mention right when it is overlap-matched and its code equals the gold code
  (denominators: predicted / gold mentions carrying a code). The same for the entity's country.
* **Event detection** -- a predicted event matches a gold event when one of its evidence spans overlaps the gold
  evidence; one-to-one greedy matching, preferring trigger overlap, then the same type, the same CAMEO root, and
  the larger overlap. *typed* detection also needs the same label (PLOVER type, or CAMEO-01/02); the *tuple*
  measure ("who did what to whom") also needs the same source and target country sets and the same modality.
* **Fields on matched events** -- type, mode, CAMEO root, modality, location, time: accuracy over matched pairs,
  and P/R/F1 over non-null values (tp = both set and equal). A predicted time that merely falls back to the
  document date (relation "document-date") counts as "no stated time" when the gold time is null. source/target at country level (first 3 letters of
  each code) and full code: exact-set accuracy and micro P/R/F1 over set elements. quantities: (value, unit)
  pairs, micro P/R/F1 and exact-set accuracy.

Imports: marsad.model, marsad.evaluate.gold.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import Span
from .gold import GoldDoc, GoldEvent, GoldQuantity

MISSED = "(missed)"
SPURIOUS = "(spurious)"


@dataclass(slots=True)
class PRF:
    """Counts behind precision/recall/F1; empty denominators give 0.0 (never a division error)."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "pred": self.n_pred, "gold": self.n_gold, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class FieldScore:
    """One field on matched events: ``correct``/``n`` accuracy, and ``prf`` over non-null values or set elements."""

    n: int = 0
    correct: int = 0
    prf: PRF = field(default_factory=PRF)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "correct": self.correct, "accuracy": round(self.accuracy, 4), **{
            k: v for k, v in self.prf.to_dict().items()}}


@dataclass(frozen=True, slots=True)
class DiffItem:
    """One line of ``--diff``: a missed or spurious event/mention, or a wrong field on a matched event."""

    doc_id: str
    kind: str  # event-miss | event-false-alarm | field | mention-miss | mention-false-alarm
    label: str
    detail: str
    sentence: str


@dataclass(slots=True)
class EvalReport:
    """Everything ``marsad eval`` prints for one set of documents."""

    docs: int = 0
    gold_events: int = 0
    errors: list[str] = field(default_factory=list)
    mentions: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in (
        "exact", "exact+kind", "overlap", "overlap+kind")})
    linking: dict[str, FieldScore] = field(default_factory=lambda: {"code": FieldScore(), "country": FieldScore()})
    detection: PRF = field(default_factory=PRF)
    typed: PRF = field(default_factory=PRF)
    tuple: PRF = field(default_factory=PRF)
    fields: dict[str, FieldScore] = field(default_factory=lambda: {k: FieldScore() for k in (
        "type", "mode", "cameo_root", "source_country", "source_code", "target_country", "target_code",
        "modality", "location", "time", "quantities")})
    per_type: dict[str, PRF] = field(default_factory=dict)
    per_rule: dict[str, PRF] = field(default_factory=dict)  # tp = matched with the right type; n_pred = fired
    confusion: Counter = field(default_factory=Counter)
    diff: list[DiffItem] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: "EvalReport") -> None:
        self.docs += other.docs
        self.gold_events += other.gold_events
        self.errors += other.errors
        for k, v in other.mentions.items():
            self.mentions.setdefault(k, PRF()).add(v)
        for k, fs in other.linking.items():
            _add_field(self.linking.setdefault(k, FieldScore()), fs)
        self.detection.add(other.detection)
        self.typed.add(other.typed)
        self.tuple.add(other.tuple)
        for k, fs in other.fields.items():
            _add_field(self.fields.setdefault(k, FieldScore()), fs)
        for k, v in other.per_type.items():
            self.per_type.setdefault(k, PRF()).add(v)
        for k, v in other.per_rule.items():
            self.per_rule.setdefault(k, PRF()).add(v)
        self.confusion.update(other.confusion)
        self.diff += other.diff
        self.seconds += other.seconds

    def headline(self) -> dict[str, float]:
        """The figures the CI floor (eval/baseline.json) holds."""
        return {"event_detection_f1": round(self.detection.f1, 4), "event_typed_f1": round(self.typed.f1, 4),
                "event_tuple_f1": round(self.tuple.f1, 4),
                "entity_overlap_f1": round(self.mentions["overlap+kind"].f1, 4),
                "entity_exact_f1": round(self.mentions["exact+kind"].f1, 4)}

    def to_dict(self, include_diff: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "docs": self.docs, "errors": list(self.errors), "seconds": round(self.seconds, 3),
            "headline": self.headline(),
            "mentions": {k: v.to_dict() for k, v in self.mentions.items()},
            "linking": {k: v.to_dict() for k, v in self.linking.items()},
            "events": {"detection": self.detection.to_dict(), "typed": self.typed.to_dict(),
                       "tuple": self.tuple.to_dict()},
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "per_rule": {k: {"fired": v.n_pred, "right": v.tp} for k, v in sorted(self.per_rule.items())},
            "confusion": [{"gold": g, "pred": p, "count": n} for (g, p), n in sorted(self.confusion.items())],
        }
        if include_diff:
            out["diff"] = [{"doc_id": d.doc_id, "kind": d.kind, "label": d.label, "detail": d.detail,
                            "sentence": d.sentence} for d in self.diff]
        return out


def _add_field(into: FieldScore, other: FieldScore) -> None:
    into.n += other.n
    into.correct += other.correct
    into.prf.add(other.prf)


# ---------------------------------------------------------------------------------------------------- helpers

_SENT_END = re.compile(r"[.!?؟\n]")


def sentence_around(text: str, span: Span) -> str:
    """The sentence(s) of ``text`` holding ``span``: from the boundary before it to the one after it."""
    start = span.start
    while start > 0 and not _SENT_END.match(text[start - 1]):
        start -= 1
    m = _SENT_END.search(text, max(span.end - 1, span.start))
    end = m.end() if m else len(text)
    return " ".join(text[start:end].split())


def _pspan(raw: dict[str, Any] | None) -> Span | None:
    if not raw or raw.get("start") is None or raw.get("end") is None:
        return None
    return Span(int(raw["start"]), int(raw["end"]), str(raw.get("text", "")))


def pred_label(ev: dict[str, Any]) -> str:
    return ev.get("type") or f"CAMEO-{str(ev.get('cameo') or '??')[:2]}"


def _evidences(ev: dict[str, Any]) -> list[Span]:
    spans = [s for s in (_pspan(x) for x in ev.get("evidences") or []) if s is not None]
    main = _pspan(ev.get("evidence"))
    if main is not None and main not in spans:
        spans.insert(0, main)
    return spans


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _codes(actors: Iterable[Any]) -> list[str]:
    out = []
    for a in actors or []:
        code = a.get("code") if isinstance(a, dict) else a
        if code:
            out.append(str(code))
    return out


def _set_score(fs: FieldScore, gold: Iterable[str], pred: Iterable[str]) -> bool:
    g, p = set(gold), set(pred)
    fs.n += 1
    fs.correct += g == p
    fs.prf.tp += len(g & p)
    fs.prf.n_gold += len(g)
    fs.prf.n_pred += len(p)
    return g == p


def _scalar_score(fs: FieldScore, gold: Any, pred: Any, equal: bool) -> bool:
    fs.n += 1
    fs.correct += equal
    fs.prf.n_gold += gold is not None
    fs.prf.n_pred += pred is not None
    fs.prf.tp += equal and gold is not None and pred is not None
    return equal


def location_equal(gold: str | None, pred: dict[str, Any] | None) -> bool:
    """Gold location is an English place name, an ISO3 code, or null; names compare case-insensitively."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if len(gold) == 3 and gold.isupper():
        return pred.get("country") == gold or (pred.get("name") or "") == gold
    return (pred.get("name") or "").casefold() == gold.casefold()


def time_equal(gold: str | None, pred: dict[str, Any] | None) -> bool:
    """Gold time is an ISO prefix ("2027", "2025-03-03"); the predicted value must start with it.

    Gold null means "the text states no time": a predicted time that only falls back to the document date
    (relation "document-date") agrees with it; a document-date value that equals the gold value also counts.
    """
    value = (pred or {}).get("value")
    if gold is None:
        return value is None or (pred or {}).get("relation") == "document-date"
    return value is not None and str(value).startswith(gold)


def _time_value(gold: str | None, pred: dict[str, Any] | None) -> str | None:
    """The predicted time as a stated value: None for a document-date fallback that the gold does not expect."""
    if not pred or pred.get("value") is None:
        return None
    if pred.get("relation") == "document-date" and gold is None:
        return None
    return str(pred["value"])


def _quantity_match(g: GoldQuantity, p: dict[str, Any]) -> bool:
    try:
        value = float(p.get("value"))
    except (TypeError, ValueError):
        return False
    if not math.isclose(value, g.value, rel_tol=1e-6, abs_tol=1e-9):
        return False
    return g.unit is None or g.unit in (p.get("unit"), p.get("kind"))


def _quantities_score(fs: FieldScore, gold: tuple[GoldQuantity, ...], pred: list[dict[str, Any]]) -> bool:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and _quantity_match(g, p):
                used.add(j)
                tp += 1
                break
    ok = tp == len(gold) == len(pred)
    fs.n += 1
    fs.correct += ok
    fs.prf.tp += tp
    fs.prf.n_gold += len(gold)
    fs.prf.n_pred += len(pred)
    return ok


# ---------------------------------------------------------------------------------------------------- entities

def _score_mentions(gold: GoldDoc, pred: dict[str, Any], rep: EvalReport, want_diff: bool) -> None:
    gm = [(e.start, e.end, e.kind, e.code, e.country) for e in gold.entities]
    pm = []
    for ent in pred.get("entities") or []:
        for m in ent.get("mentions") or []:
            sp = _pspan(m)
            if sp is not None:
                pm.append((sp.start, sp.end, ent.get("kind"), ent.get("code"), ent.get("country")))
    for key, proj in (("exact", lambda t: t[:2]), ("exact+kind", lambda t: t[:3])):
        cg, cp = Counter(map(proj, gm)), Counter(map(proj, pm))
        rep.mentions[key].add(PRF(sum((cg & cp).values()), len(pm), len(gm)))
    pairs = []
    for i, g in enumerate(gm):
        for j, p in enumerate(pm):
            ov = min(g[1], p[1]) - max(g[0], p[0])
            if ov > 0:
                pairs.append((g[2] == p[2], ov, -i, -j))
    pairs.sort(reverse=True)
    gi_used: dict[int, int] = {}
    pj_used: set[int] = set()
    for _same, _ov, ni, nj in pairs:
        i, j = -ni, -nj
        if i not in gi_used and j not in pj_used:
            gi_used[i] = j
            pj_used.add(j)
    same_kind = sum(1 for i, j in gi_used.items() if gm[i][2] == pm[j][2])
    rep.mentions["overlap"].add(PRF(len(gi_used), len(pm), len(gm)))
    rep.mentions["overlap+kind"].add(PRF(same_kind, len(pm), len(gm)))
    for name, idx in (("code", 3), ("country", 4)):
        fs = rep.linking[name]
        fs.prf.n_gold += sum(1 for g in gm if g[idx])
        fs.prf.n_pred += sum(1 for p in pm if p[idx])
        for i, j in gi_used.items():
            if gm[i][idx]:
                ok = gm[i][idx] == pm[j][idx]
                fs.n += 1
                fs.correct += ok
                fs.prf.tp += ok
    if want_diff:
        text = gold.text
        for i, g in enumerate(gm):
            if i not in gi_used:
                rep.diff.append(DiffItem(gold.id, "mention-miss", g[2], f"{text[g[0]:g[1]]!r} {g[3] or ''}".strip(),
                                         sentence_around(text, Span(g[0], g[1], ""))))
            elif gm[i][3] and gm[i][3] != pm[gi_used[i]][3]:
                rep.diff.append(DiffItem(gold.id, "mention-code", g[2],
                                         f"{text[g[0]:g[1]]!r} gold {g[3]} pred {pm[gi_used[i]][3]}",
                                         sentence_around(text, Span(g[0], g[1], ""))))
        for j, p in enumerate(pm):
            if j not in pj_used and 0 <= p[0] < p[1] <= len(text):
                rep.diff.append(DiffItem(gold.id, "mention-false-alarm", str(p[2]),
                                         f"{text[p[0]:p[1]]!r} {p[3] or ''}".strip(),
                                         sentence_around(text, Span(p[0], p[1], ""))))


# ---------------------------------------------------------------------------------------------------- events

def match_events(gold: list[GoldEvent], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one greedy matching of predicted to gold events by evidence overlap; returns (gold, pred) indices."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = max((_overlap(g.evidence, s) for s in _evidences(p)), default=0)
            if ov <= 0:
                continue
            trig = _pspan(p.get("trigger"))
            trig_hit = bool(g.trigger and trig and _overlap(g.trigger, trig) > 0)
            same_type = g.label == pred_label(p)
            same_root = g.cameo_root is not None and str(p.get("cameo") or "")[:2] == g.cameo_root
            cands.append((trig_hit, same_type, same_root, ov, -i, -j))
    cands.sort(reverse=True)
    gi: set[int] = set()
    pj: set[int] = set()
    out = []
    for *_k, ni, nj in cands:
        i, j = -ni, -nj
        if i not in gi and j not in pj:
            gi.add(i)
            pj.add(j)
            out.append((i, j))
    return sorted(out)


def _num(value: Any) -> str:
    """54000 -> "54000", 2.5 -> "2.5", 1.55e11 -> "155000000000" (readable in --diff)."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def _actors_str(codes: Iterable[str]) -> str:
    return "+".join(codes) or "-"


def _score_events(gold: GoldDoc, pred: dict[str, Any], rep: EvalReport, want_diff: bool) -> None:
    gev = gold.events
    pev = [e for e in pred.get("events") or [] if not e.get("background")]  # a recalled act is no new event
    pairs = match_events(gev, pev)
    rep.gold_events += len(gev)
    rep.detection.add(PRF(len(pairs), len(pev), len(gev)))
    typed_tp = tuple_tp = 0
    for g in gev:
        rep.per_type.setdefault(g.label, PRF()).n_gold += 1
    for p in pev:
        rep.per_type.setdefault(pred_label(p), PRF()).n_pred += 1
        rep.per_rule.setdefault(str(p.get("rule") or "?"), PRF()).n_pred += 1
    f = rep.fields
    for i, j in pairs:
        g, p = gev[i], pev[j]
        gl, pl = g.label, pred_label(p)
        rep.confusion[(gl, pl)] += 1
        if gl == pl:
            typed_tp += 1
            rep.per_type[gl].tp += 1
            rep.per_rule[str(p.get("rule") or "?")].tp += 1
        pcameo = str(p.get("cameo") or "")
        psrc, ptgt = _codes(p.get("source")), _codes(p.get("target"))
        checks = [
            ("type", _scalar_score(f["type"], g.type, p.get("type"), g.type == p.get("type")), g.type, p.get("type")),
            ("mode", _scalar_score(f["mode"], g.mode, p.get("mode"), g.mode == p.get("mode")), g.mode, p.get("mode")),
            ("cameo_root", _scalar_score(f["cameo_root"], g.cameo_root, pcameo[:2] or None,
                                         g.cameo_root == (pcameo[:2] or None)), g.cameo_root, pcameo or None),
            ("source_country", _set_score(f["source_country"], (c[:3] for c in g.source), (c[:3] for c in psrc)),
             None, None),
            ("source_code", _set_score(f["source_code"], g.source, psrc), _actors_str(g.source), _actors_str(psrc)),
            ("target_country", _set_score(f["target_country"], (c[:3] for c in g.target), (c[:3] for c in ptgt)),
             None, None),
            ("target_code", _set_score(f["target_code"], g.target, ptgt), _actors_str(g.target), _actors_str(ptgt)),
            ("modality", _scalar_score(f["modality"], g.modality, p.get("modality"), g.modality == p.get("modality")),
             g.modality, p.get("modality")),
            ("location", _scalar_score(f["location"], g.location, p.get("location"),
                                       location_equal(g.location, p.get("location"))),
             g.location, (p.get("location") or {}).get("name")),
            ("time", _scalar_score(f["time"], g.time, _time_value(g.time, p.get("time")),
                                   time_equal(g.time, p.get("time"))), g.time, _time_value(g.time, p.get("time"))),
            ("quantities", _quantities_score(f["quantities"], g.quantities, list(p.get("quantities") or [])),
             ",".join(f"{_num(q.value)} {q.unit or ''}".strip() for q in g.quantities) or "-",
             ",".join(f"{_num(q.get('value'))} {q.get('unit') or q.get('kind') or ''}".strip()
                      for q in p.get("quantities") or []) or "-"),
        ]
        ok = {name: good for name, good, _gv, _pv in checks}
        tuple_tp += gl == pl and ok["source_country"] and ok["target_country"] and ok["modality"]
        if want_diff:
            wrong = [f"{name}: gold {gv} pred {pv}" for name, good, gv, pv in checks if not good and gv != pv]
            if wrong:
                rep.diff.append(DiffItem(gold.id, "field", gl, "; ".join(wrong), sentence_around(gold.text, g.evidence)))
    rep.typed.add(PRF(typed_tp, len(pev), len(gev)))
    rep.tuple.add(PRF(tuple_tp, len(pev), len(gev)))
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, g in enumerate(gev):
        if i not in matched_g:
            rep.confusion[(g.label, MISSED)] += 1
            if want_diff:
                rep.diff.append(DiffItem(gold.id, "event-miss", g.label,
                                         f"{_actors_str(g.source)} -> {_actors_str(g.target)} [{g.modality}]"
                                         + (f" trigger {g.trigger.text!r}" if g.trigger else ""),
                                         sentence_around(gold.text, g.evidence)))
    for j, p in enumerate(pev):
        if j not in matched_p:
            rep.confusion[(SPURIOUS, pred_label(p))] += 1
            if want_diff:
                ev = _pspan(p.get("evidence")) or Span(0, 0, "")
                trig = (p.get("trigger") or {}).get("text")
                rep.diff.append(DiffItem(gold.id, "event-false-alarm", pred_label(p),
                                         f"{_actors_str(_codes(p.get('source')))} -> "
                                         f"{_actors_str(_codes(p.get('target')))} [{p.get('modality')}]"
                                         + (f" trigger {trig!r}" if trig else "") + f" rule {p.get('rule')}",
                                         sentence_around(gold.text, ev)))


def score_document(gold: GoldDoc, pred: dict[str, Any], want_diff: bool = False) -> EvalReport:
    """Score one coded document (output-contract dict) against its gold record."""
    rep = EvalReport(docs=1)
    _score_mentions(gold, pred, rep, want_diff)
    _score_events(gold, pred, rep, want_diff)
    return rep
