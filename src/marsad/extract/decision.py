"""The decision layer: does a candidate event report a specific occurrence, or merely mention one?

The trigger lexicon proposes candidates for recall; this layer scores each with a logistic model learned offline
from labelled real text (``tools/train_decision.py``: the Arabic event GSR's ASSAULT/PROTEST sentences, real
newspaper sports pages as negatives, the real-text gold and the project's written gold). The score is the
probability that the candidate is a reported occurrence of the type given; it becomes the event's ``confidence``
and candidates under the model's threshold are dropped (``--min-confidence`` moves it, ``--all-candidates`` keeps
them all).

The features are strings built from what the engine already knows about the candidate (type, rule, part of speech,
definiteness, modality, how its actors were attached, their sectors, place, time, casualty count, the trigger's
words and three words each side, every word of its sentence, a sports context in the document), each counted for
every type and again for its own type. Inference is a sum of weights looked up in dicts (cached per feature group and
per sentence): no learning library is imported at run time. The weights are a versioned data file,
``models/decision.json``; docs/decision.md tells how they were learned and what they score.

Imports: marsad.errors.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from sys import intern

from ..errors import KBError
from ..text._memo import Generations

LEX_WINDOW = 3  # words each side of the trigger that become features
MARKED_MODALITIES = frozenset({"planned", "intended", "hypothetical", "negated"})
MODEL_FILE = "decision.json"
_EMPTY: dict[str, float] = {}
_ZERO = 0.0
WORD_GROUPS = ("trig", "L1", "R1", "L", "R")  # feature groups of one word, ``(group, word)`` (CandidateScorer.candidate)
GROUP_CACHE_MAX = 200_000  # group sums per generation (text._memo: at most twice that)


@dataclass(frozen=True, slots=True)
class DecisionModel:
    """A logistic model over string features: p = 1 / (1 + exp(-(bias + sum(weights[f]))))."""

    version: str
    bias: float
    weights: dict[str, float]
    thresholds: dict[str, float]  # per PLOVER type, "*" for the others: chosen on cross-validated dev predictions
    cache: dict = field(default_factory=dict, compare=False, repr=False)  # regrouped weights and group sums
    # Platt scaling of the logit, fitted on the real gold's cross-validated predictions: the score becomes a
    # calibrated probability that the candidate is a reported occurrence (a, b: p = 1 / (1 + exp(-(a z + b))))
    calibration: tuple[float, float] = (1.0, 0.0)

    def group_sum(self, key: tuple, etype: str, shared: bool = True, typed: bool = True) -> float:
        """The summed weights of a feature group's strings (``expand``), shared and/or typed: a one-word group's
        from the word tables (``_word_tables``), any other cached per key."""
        got = self.cache.get("groups")
        if got is None:  # bounded by generations (text._memo); its bound get kept beside it (faster to call)
            sums = Generations()
            got = self.cache["groups"] = (sums, sums.get, self._word_tables())
        sums, sums_get, word_tables = got
        if len(key) == 2 and shared and typed:  # a word's group (four in five keys): read off the model, no memo
            tables = word_tables.get(key[0])
            if tables is not None and type(key[1]) is str:
                word = key[1]
                # sum() of the group's one string: 0 + (shared + typed), which is what ``+ 0.0`` gives (-0.0 -> 0.0)
                return (tables[0].get(word, 0.0) + tables[1].get(etype, _EMPTY).get(word, 0.0)) + 0.0
        ck = (key, etype) if shared and typed else (key, etype, shared, typed)
        got = sums_get(ck)
        if got is None:
            got = sums.recall(ck, GROUP_CACHE_MAX)
            if got is None:
                w, wt = self.weights.get, self.typed(etype).get
                got = sum((w(x, 0.0) if shared else 0.0) + (wt(x, 0.0) if typed else 0.0) for x in expand(key))
                # most groups weigh nothing (two in three words): one shared zero (sum() never gives -0.0)
                got = sums.put(ck, _ZERO if got == 0.0 else got, GROUP_CACHE_MAX)
        return got

    def _word_tables(self) -> dict[str, tuple[dict[str, float], dict[str, dict[str, float]]]]:
        """For each group of one word (``WORD_GROUPS``): the shared weights of ``<group>=<word>`` keyed by the word,
        and the typed ones by type, then word; built once. A word group's sum is two lookups here: memoizing it per
        word and type (as the other groups are) grew with the vocabulary of the corpus (~100,000 entries at 10,000
        articles, issue 24), these tables with the model only."""
        got = self.cache.get("words")
        if got is None:
            got = {kind: ({}, {}) for kind in WORD_GROUPS}
            for k, v in self.weights.items():  # the same keys ``weights.get`` and ``typed(etype).get`` would find
                kind, eq, word = k.partition("=")
                if eq and kind in got:
                    got[kind][0][intern(word)] = v
                etype, bar, feat = k.partition("|")
                if bar:
                    kind, eq, word = feat.partition("=")
                    if eq and kind in got:
                        got[kind][1].setdefault(etype, {})[intern(word)] = v
            self.cache["words"] = got
        return got

    def word_weights(self, etype: str) -> dict[str, tuple[dict[str, float], dict[str, float]]]:
        """For ``etype``: each one-word group -> (its shared weights, its weights for ``etype``), keyed by the word
        (``_word_tables``; built once per type)."""
        got = self.cache.get(("words", etype))
        if got is None:
            got = self.cache[("words", etype)] = {kind: (shared, typed.get(etype, _EMPTY))
                                                  for kind, (shared, typed) in self._word_tables().items()}
        return got

    def bag_weights(self, etype: str) -> dict[str, float]:
        """The weights of the sentence-word features (``s=<word>``, or ``<etype>|s=<word>`` for a type) keyed by the
        bare word (``""``: the shared ones)."""
        return self._split()[1].get(etype, _EMPTY)

    def typed(self, etype: str) -> dict[str, float]:
        """The weights of ``<etype>|<feature>`` keyed by the bare feature: scoring looks a feature up there without
        building the typed string."""
        return self._split()[0].get(etype, _EMPTY)

    def _split(self) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
        """The weights regrouped once, in one pass: typed features per type, sentence words per type ("" shared)."""
        got = self.cache.get("split")
        if got is None:
            typed: dict[str, dict[str, float]] = {}
            bags: dict[str, dict[str, float]] = {}
            for k, v in self.weights.items():
                head, bar, rest = k.partition("|")
                etype, feat = (head, rest) if bar else ("", k)
                if bar:
                    typed.setdefault(etype, {})[feat] = v
                if feat.startswith("s="):
                    bags.setdefault(etype, {})[feat[2:]] = v
            got = self.cache["split"] = (typed, bags)
        return got

    def threshold_for(self, etype: str | None, modality: str = "asserted") -> float:
        """The threshold of a type; a planned, intended, possible or denied act takes the one of its modality
        ("hypothetical"), else the one of marked acts ("marked", else the shared "*"): the real gold has too few of
        them per type (a few dozen in all) for the layer to learn more than what is surely no event."""
        return threshold(self.thresholds, etype, modality)

    def score(self, features: list[str]) -> float:
        """The probability of a list of features (each counted once, as in training)."""
        w = self.weights
        return self.probability(self.bias + sum(w.get(f, 0.0) for f in set(features)))

    def probability(self, z: float) -> float:
        """The calibrated probability of a summed logit ``z``."""
        a, b = self.calibration
        z = a * z + b
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def top(self, features: list[str], n: int = 5) -> list[tuple[str, float]]:
        """The features that moved the score most, signed, largest first (for ``--explain``)."""
        got = [(f, self.weights[f]) for f in dict.fromkeys(features) if f in self.weights]
        got.sort(key=lambda fw: -abs(fw[1]))
        return [(f, round(v, 3)) for f, v in got[:n]]


def threshold(thresholds: dict[str, float], etype: str | None, modality: str) -> float:
    """The threshold, among a model's ``thresholds``, of an event of type ``etype`` told with ``modality`` (see
    ``DecisionModel.threshold_for``; the training script reports with the same rule)."""
    if modality in MARKED_MODALITIES:
        return thresholds.get(modality, thresholds.get("marked", thresholds["*"]))
    return thresholds.get(etype or "", thresholds["*"])


@cache
def load_model() -> DecisionModel:
    try:
        raw = json.loads(resources.files("marsad.models").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
        thresholds = {k: float(v) for k, v in raw.get("thresholds", {"*": raw["threshold"]}).items()}
        a, b = raw.get("calibration", (1.0, 0.0))
        model = DecisionModel(raw["version"], float(raw["bias"]), {k: float(v) for k, v in raw["weights"].items()},
                              thresholds, calibration=(float(a), float(b)))
        model._split()  # once, at load
        model._word_tables()  # also once, at load (~70 ms): else the first document coded pays for it
        return model
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


@dataclass(slots=True)
class Candidate:
    """What the decision layer knows of one candidate, as feature groups: small hashable keys that ``expand`` turns
    into feature strings. ``shared`` groups count for every type and again for this type alone; ``own`` groups
    for this type alone; ``extras`` for every type only. The sentence's word bag is summed once per sentence."""

    type: str
    shared: list[tuple]
    own: tuple
    extras: tuple
    sentence: int


def expand(key: tuple) -> list[str]:
    """The feature strings of one group key (the single source of the strings: training reads them through the
    explain trace, scoring through sums cached per key)."""
    kind = key[0]
    if kind == "head":
        _k, t, rule, pos, lang, modality, via, nominal, definite, src, tgt, sports = key
        f = [f"type={t}", f"rule={rule}", f"pos={pos}", f"lang={lang}", f"mod={modality}", f"t*mod={t}*{modality}",
             f"via={via}", f"t*nominal={t}*{nominal}", f"def={definite}", f"t*def={t}*{definite}",
             f"src={bool(src)}", f"tgt={bool(tgt)}", f"t*args={t}*{bool(src)}{bool(tgt)}"]
        f.extend(f"srcsec={x}" for x in src)
        f.extend(f"t*srcsec={t}*{x}" for x in src)
        f.extend(f"tgtsec={x}" for x in tgt)
        f += [f"sports={sports}", f"t*sports={t}*{sports}"]
        return list(dict.fromkeys(f))
    if kind == "own":  # what pins an act down differs by type (a toll tells an attack, not a meeting)
        _k, place, timed, casualties = key
        return [f"place={place}", f"time={timed}", f"casualties={casualties}"]
    if kind == "extra":
        return [f"prior={key[1]:.1f}", f"recalled={key[2]}"]
    return [f"{kind}={key[1]}"]  # trig, L1, R1, L, R: one string


class CandidateScorer:
    """Builds and scores the candidates of one document. ``features(c)`` is the full feature list (for the explain
    trace and for training); ``score(c)`` gives the same probability from sums cached per group key (across
    documents, bounded) and per sentence, without building the strings."""

    def __init__(self, model: DecisionModel, words, sports: int, lang: str) -> None:
        self.model, self.words, self.lang = model, words, lang
        self.sports = min(sports, 3)
        self._norms: dict[int, list[str]] = {}
        self._bag_sums: dict[tuple[int, str], float] = {}

    def norms(self, sent: int, w0: int) -> list[str]:
        """Every distinct word of sentence ``sent`` (``w0``: one of its words), sorted."""
        got = self._norms.get(sent)
        if got is None:
            words = self.words
            lo, hi = w0, w0
            while lo > 0 and words[lo - 1].sentence == sent:
                lo -= 1
            while hi + 1 < len(words) and words[hi + 1].sentence == sent:
                hi += 1
            got = self._norms[sent] = sorted({w.norm for w in words[lo:hi + 1] if w.kind == "word"})
        return got

    def candidate(self, etype: str | None, rule: str, pos: str, nominal: bool, definite: bool, modality: str,
                  via: str | None, source, target, has_place: bool, time_relation: str | None, casualties: bool,
                  w0: int, w1: int, prior: float, recalled: bool) -> Candidate:
        words = self.words
        t = etype or "NONE"
        sent = words[w0].sentence
        groups: list[tuple] = [
            ("head", t, rule, pos, self.lang, modality, via, nominal, definite, tuple(_sector_tags(source)),
             tuple(_sector_tags(target)), self.sports),
            ("trig", " ".join(w.norm for w in words[w0:w1 + 1]))]
        n = len(words)
        for k in range(1, LEX_WINDOW + 1):
            for j, side, side1 in ((w0 - k, "L", "L1"), (w1 + k, "R", "R1")):  # constants: one string each, not
                if 0 <= j < n and words[j].sentence == sent:                   # one per memo key
                    w = words[j]
                    groups.append((side1 if k == 1 else side,
                                   w.kind if w.kind in ("number", "punct", "symbol") else w.norm))
                elif k == 1:
                    groups.append((side1, "<edge>"))
        self.norms(sent, w0)
        return Candidate(t, list(dict.fromkeys(groups)),
                         ("own", has_place, time_relation not in (None, "document-date"), casualties),
                         ("extra", round(prior, 1), recalled), sent)

    def features(self, c: Candidate) -> list[str]:
        """Every feature once: shared by all types, then again for this type alone ("easy domain adaptation": what
        the types with much labelled data teach stays with them, the rest learn what is common), then extras."""
        shared = [x for g in c.shared for x in expand(g)] + [f"s={x}" for x in self._norms[c.sentence]]
        return shared + [f"{c.type}|{x}" for x in shared + expand(c.own)] + expand(c.extras)

    def score(self, c: Candidate) -> float:
        m = self.model
        t = c.type
        z = m.bias + m.group_sum(c.own, t, shared=False) + m.group_sum(c.extras, t, typed=False)
        words = m.word_weights(t)
        for g in c.shared:  # a one-word group read off the model's tables as group_sum would (no call, no memo)
            tables = words.get(g[0]) if len(g) == 2 else None
            if tables is None:
                z += m.group_sum(g, t)
            else:
                z += (tables[0].get(g[1], 0.0) + tables[1].get(g[1], 0.0)) + 0.0
        key = (c.sentence, t)
        bag = self._bag_sums.get(key)
        if bag is None:  # the sentence's words: their weights are keyed by the bare word (DecisionModel.bag_weights)
            norms = self._norms[c.sentence]
            shared = self._bag_sums.get((c.sentence, ""))
            if shared is None:
                w = m.bag_weights("").get
                shared = self._bag_sums[(c.sentence, "")] = sum(map(w, norms, repeat(0.0)))
            wt = m.bag_weights(t).get
            # map over the bound get: the same floats summed in the same order as a generator would, without a
            # Python step per word
            bag = self._bag_sums[key] = shared + sum(map(wt, norms, repeat(0.0)))
        return m.probability(z + bag)


def sports_forms(lexicon) -> dict[str, frozenset[str]]:
    """Per language, the words of the lexicon's sports contexts (kb/data/contexts.jsonl ids ``<lang>.sports``):
    how many of them a document has tells the model it is a sports page."""
    out: dict[str, frozenset[str]] = {}
    for cid, (lang, words) in lexicon.context_words.items():
        if cid.endswith(".sports"):
            out[lang] = out.get(lang, frozenset()) | frozenset(w for w in words if " " not in w)
    return out


def decide(events, candidates: list[Candidate], scorer: CandidateScorer) -> None:
    """Score each candidate event: its confidence becomes the model's probability that it reports an occurrence."""
    for ev, c in zip(events, candidates):
        ev.confidence = scorer.score(c)


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def keeps(ev, model: DecisionModel, min_confidence: float | None) -> bool:
    """Is the event's score at or above the threshold (``min_confidence``, else the model's for its type)?"""
    return ev.confidence >= (model.threshold_for(ev.type, ev.modality) if min_confidence is None else min_confidence)


def dropped_record(text: str, trigger, start: int, end: int, why: str) -> dict:
    """The explain record of a candidate dropped before it became an event: a lexicon match the trigger finder
    refused (context, exclusion, reading) or a trigger a rule of the pipeline dropped."""
    return {"trigger": _span(text, start, end), "rule": trigger.id, "type": trigger.type, "cameo": trigger.cameo,
            "outcome": f"dropped: {why}"}


def decision_trace(text: str, told, hits, candidates: list[Candidate], scorer: CandidateScorer, kept,
                   min_confidence: float | None) -> list[dict]:
    """Explain records of the candidates that became events: their score and top features, how their roles were
    attached, and whether each was kept (as which event), merged into another, or dropped under the threshold."""
    model = scorer.model
    kept_ids = {id(ev): ev.id for ev in kept}
    told_in: dict[tuple, str] = {}  # (start, end, type) of each telling a kept event holds -> the first such event
    for k in kept:
        for s in k.evidences:
            told_in.setdefault((s.start, s.end, k.type), k.id)
    out = []
    for ev, hit, c in zip(told, hits, candidates):
        f = scorer.features(c)
        if id(ev) in kept_ids:
            outcome = f"kept as {kept_ids[id(ev)]}"
        elif not keeps(ev, model, min_confidence):
            thr = model.threshold_for(ev.type, ev.modality) if min_confidence is None else min_confidence
            outcome = f"dropped: decision score {ev.confidence:.3f} below the threshold {thr:.3f}"
        else:
            into = told_in.get((ev.evidence.start, ev.evidence.end, ev.type))  # ev is no kept event here
            outcome = f"merged into {into}" if into else "merged into an earlier telling"
        out.append({"trigger": _span(text, hit.start, hit.end), "rule": ev.rule, "type": ev.type, "cameo": ev.cameo,
                    "source": [a.code for a in ev.source], "target": [a.code for a in ev.target],
                    "attachment": next((x[4:] for x in f if x.startswith("via=")), None),
                    "modality": ev.modality, "background": ev.background, "score": round(ev.confidence, 3),
                    "top_features": model.top(f),
                    "features": f, "outcome": outcome})
    return out
