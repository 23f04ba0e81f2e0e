"""The decision layer: does a candidate event report a specific occurrence, or merely mention one?

The trigger lexicon proposes candidates for recall; this layer scores each with a logistic model learned offline
from labelled real text (``tools/train_decision.py``: the Arabic event GSR's ASSAULT/PROTEST sentences, real
newspaper sports pages as negatives, the real-text gold and the project's written gold). The score is the
probability that the candidate is a reported occurrence of the type given; it becomes the event's ``confidence``
and candidates under the model's threshold are dropped (``--min-confidence`` moves it, ``--all-candidates`` keeps
them all).

The features are strings built from what the engine already knows about the candidate (type, rule, part of speech,
definiteness, modality, how its actors were attached, their sectors, place, time, casualty count, sentence position,
words around the trigger, a sports context in the document). Inference is a dictionary lookup and a sum: no
learning library is imported at run time. The weights are a versioned data file, ``models/decision.json``.

Imports: marsad.errors, marsad.extract siblings (words).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import KBError

LEX_WINDOW = 3  # words each side of the trigger that become features
MARKED_MODALITIES = frozenset({"planned", "intended", "hypothetical", "negated"})
MODEL_FILE = "decision.json"


@dataclass(frozen=True, slots=True)
class DecisionModel:
    """A logistic model over string features: p = 1 / (1 + exp(-(bias + sum(weights[f]))))."""

    version: str
    bias: float
    weights: dict[str, float]
    thresholds: dict[str, float]  # per PLOVER type, "*" for the others: chosen on cross-validated dev predictions

    def threshold_for(self, etype: str | None, modality: str = "asserted") -> float:
        """The threshold of a type; a planned, intended, possible or denied act takes the shared one ("*"): the
        real gold has too few of them per type (a few dozen in all) for the layer to learn more than what is
        surely no politics."""
        if modality in MARKED_MODALITIES:
            return self.thresholds["*"]
        return self.thresholds.get(etype or "", self.thresholds["*"])

    def score(self, features: list[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def top(self, features: list[str], n: int = 5) -> list[tuple[str, float]]:
        """The features that moved the score most, signed, largest first (for ``--explain``)."""
        got = [(f, self.weights[f]) for f in dict.fromkeys(features) if f in self.weights]
        got.sort(key=lambda fw: -abs(fw[1]))
        return [(f, round(v, 3)) for f, v in got[:n]]


@cache
def load_model() -> DecisionModel:
    try:
        raw = json.loads(resources.files("marsad.models").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
        thresholds = {k: float(v) for k, v in raw.get("thresholds", {"*": raw["threshold"]}).items()}
        return DecisionModel(raw["version"], float(raw["bias"]), {k: float(v) for k, v in raw["weights"].items()},
                             thresholds)
    except (OSError, KeyError, ValueError) as exc:
        raise KBError(f"the decision model models/{MODEL_FILE} cannot be read: {exc}") from exc


def _sector_tags(actors) -> list[str]:
    """The sectors of actor codes ("IRQMIL" -> MIL, "UAF" -> UAF, "IGOUNO" -> IGO), or STATE for a bare country."""
    out = []
    for a in actors:
        code = a.code or ""
        if len(code) == 3:
            out.append("STATE" if code.isalpha() and a.entity and a.entity.startswith("country:") else code)
        else:
            out.append(code[3:6] if not code.startswith("IGO") else "IGO")
    return out


def features(etype: str | None, rule: str, pos: str, nominal: bool, definite: bool, modality: str, via: str | None,
             source, target, has_place: bool, time_relation: str | None, casualties: bool, words, w0: int, w1: int,
             sentence_rank: int, sports: int, lang: str) -> list[str]:
    """The feature strings of one candidate. ``words`` are the document's words, ``w0..w1`` the trigger's;
    ``sentence_rank`` the trigger sentence's position (0 = headline or first); ``sports`` how many sports-context
    words the document has."""
    t = etype or "NONE"
    f = [f"type={t}", f"rule={rule}", f"pos={pos}", f"lang={lang}", f"mod={modality}", f"t*mod={t}*{modality}",
         f"via={via}", f"t*nominal={t}*{nominal}", f"def={definite}", f"t*def={t}*{definite}"]
    src, tgt = _sector_tags(source), _sector_tags(target)
    f.append(f"src={bool(src)}")
    f.append(f"tgt={bool(tgt)}")
    f.append(f"t*args={t}*{bool(src)}{bool(tgt)}")
    f.extend(f"srcsec={s}" for s in src)
    f.extend(f"t*srcsec={t}*{s}" for s in src)
    f.extend(f"tgtsec={s}" for s in tgt)
    # what pins an act down differs by type (a toll tells an attack, not a meeting): these count per type only
    own = [f"place={has_place}", f"time={time_relation not in (None, 'document-date')}", f"casualties={casualties}"]
    sp = min(sports, 3)
    f.append(f"sports={sp}")
    f.append(f"t*sports={t}*{sp}")
    sent = words[w0].sentence
    trig = " ".join(w.norm for w in words[w0:w1 + 1])
    f.append(f"trig={trig}")
    for k in range(1, LEX_WINDOW + 1):
        for j, side in ((w0 - k, "L"), (w1 + k, "R")):
            if 0 <= j < len(words) and words[j].sentence == sent:
                w = words[j]
                form = w.kind if w.kind in ("number", "punct", "symbol") else w.norm
                f.append(f"{side}{k}={form}" if k == 1 else f"{side}={form}")
            elif k == 1:
                f.append(f"{side}1=<edge>")
    lo, hi = w0, w1
    while lo > 0 and words[lo - 1].sentence == sent:
        lo -= 1
    while hi + 1 < len(words) and words[hi + 1].sentence == sent:
        hi += 1
    bag = {w.norm for w in words[lo:hi + 1] if w.kind == "word"}
    f.extend(f"s={x}" for x in sorted(bag))
    # every feature twice: once shared by all types, once for this type alone ("easy domain adaptation"), so that
    # what the types with much labelled data teach stays with them and the rest learn what is common
    f.extend([f"{t}|{x}" for x in f + own])
    return f


def sports_forms(lexicon) -> dict[str, frozenset[str]]:
    """Per language, the words of the lexicon's sports contexts (kb/data/contexts.jsonl ids ``<lang>.sports``):
    how many of them a document has tells the model it is a sports page."""
    out: dict[str, frozenset[str]] = {}
    for cid, (lang, words) in lexicon.context_words.items():
        if cid.endswith(".sports"):
            out[lang] = out.get(lang, frozenset()) | frozenset(w for w in words if " " not in w)
    return out


def decide(events, feats: list[list[str]], model: DecisionModel) -> None:
    """Score each candidate event: its confidence becomes the model's probability that it reports an occurrence."""
    for ev, f in zip(events, feats):
        ev.confidence = model.score(f)


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def explain_record(text: str, hit, outcome: str) -> dict:
    """The explain record of a candidate trigger the rules dropped before it became an event."""
    t = hit.trigger
    return {"trigger": _span(text, hit.start, hit.end), "rule": t.id, "type": t.type, "cameo": t.cameo,
            "outcome": outcome}


def keeps(ev, model: DecisionModel, min_confidence: float | None) -> bool:
    """Is the event's score at or above the threshold (``min_confidence``, else the model's for its type)?"""
    return ev.confidence >= (model.threshold_for(ev.type, ev.modality) if min_confidence is None else min_confidence)


def refused_record(text: str, trigger, start: int, end: int, why: str) -> dict:
    """The explain record of a lexicon match the trigger finder refused (context, exclusion, reading)."""
    return {"trigger": _span(text, start, end), "rule": trigger.id, "type": trigger.type, "cameo": trigger.cameo,
            "outcome": f"dropped: {why}"}


def decision_trace(text: str, told, hits, feats, kept, model: DecisionModel,
                   min_confidence: float | None) -> list[dict]:
    """Explain records of the candidates that became events: their score and top features, how their roles were
    attached, and whether each was kept (as which event), merged into another, or dropped under the threshold."""
    kept_ids = {id(ev): ev.id for ev in kept}
    out = []
    for ev, hit, f in zip(told, hits, feats):
        if id(ev) in kept_ids:
            outcome = f"kept as {kept_ids[id(ev)]}"
        elif not keeps(ev, model, min_confidence):
            thr = model.threshold_for(ev.type, ev.modality) if min_confidence is None else min_confidence
            outcome = f"dropped: decision score {ev.confidence:.3f} below the threshold {thr:.3f}"
        else:
            into = next((k.id for k in kept if any(s.start == ev.evidence.start and s.end == ev.evidence.end
                                                   and k is not ev for s in k.evidences)
                         and k.type == ev.type), None)
            outcome = f"merged into {into}" if into else "merged into an earlier telling"
        out.append({"trigger": _span(text, hit.start, hit.end), "rule": ev.rule, "type": ev.type, "cameo": ev.cameo,
                    "source": [a.code for a in ev.source], "target": [a.code for a in ev.target],
                    "attachment": next((x[4:] for x in f if x.startswith("via=")), None),
                    "modality": ev.modality, "background": ev.background, "score": round(ev.confidence, 3),
                    "top_features": model.top(f),
                    "features": f, "outcome": outcome})
    return out
