"""Train the decision layer (``src/marsad/models/decision.json``) from labelled real text; reproducible byte for byte.

Training data (every candidate the rules let through, coded with ``all_candidates=True``; its features come from
the explain trace):

* the Arabic event GSR dev half (``../shared/data/arabic-event-gsr-dev``), except the articles of the real gold's
  test split (drawn from the same file; they are scored, never learned from: ``gsr_*_heldout`` in the report): a
  candidate of the sentence's type
  family (ASSAULT: type ASSAULT or CAMEO 18-20; PROTEST: type PROTEST or CAMEO 14) is positive in a "yes"
  sentence and negative in an "easy no" or "difficult no" one ("difficult no": most annotators rejected; they are
  the very mentions the layer must learn to refuse, so they count, with weight ``--hard-no-weight``); other
  candidates of those sentences carry no label and are left out, and so are candidates whose modality is not
  asserted or reported (the GSR refuses planned, possible and denied acts, which marsad codes with their
  modality); "ambiguous" sentences are left out;
* sports pages of the SaudiNewsNet dev half (papers arreyadi/arriyadiyah, URLs with /sports/), the even half by a
  hash of the article id (the odd half is kept to measure): every candidate is a negative;
* the real-text gold, dev split (``eval/real/``), when present: a candidate matched to a gold event of its type
  (not background) is positive, any other is negative;
* the project's written gold, dev split (``eval/gold/dev.jsonl``): the same, labelled as written text.

Model: scikit-learn ``LogisticRegression`` (liblinear, L2), features one-hot. Figures are **5-fold
cross-validated, grouped by article** (a sentence is never scored by a model that saw its article; an article's
fold is a hash of its id, and each candidate's held-out score is the mean over 5 such fold assignments); the default
threshold is the one that maximises the mean of the cross-validated GSR ASSAULT and PROTEST F1 and the real-gold
micro F1. The final model is fitted on everything and written with sorted keys and rounded weights.

Usage: ``.venv/bin/python tools/train_decision.py [--check] [--report FILE]`` (``--check``: exit 1 when the
written model differs from a fresh training). Needs ``pip install -e '.[train]'``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.evaluate.gsr import article_of, date_from_id, default_gsr_dir, read_gsr_csv  # noqa: E402
from marsad.evaluate.newspapers import held_out, is_sports, read_articles  # noqa: E402
from marsad.evaluate.real import RealEvent, load_real_gold, pair_events, sentence_of, split_of  # noqa: E402
from marsad.extract.decision import threshold  # noqa: E402
from marsad.pipeline import Coder  # noqa: E402

MODEL_PATH = ROOT / "src" / "marsad" / "models" / "decision.json"
FAMILY = {"ASSAULT": ("ASSAULT", ("18", "19", "20")), "PROTEST": ("PROTEST", ("14",))}
# L2 strength, chosen on the real gold's dev split coded out of fold (--oof-dev) and the cross-validated GSR, at the
# policy thresholds (2026-12-07): C 0.3 / 0.6 / 1.0 / 2.0 / 4.0 gave dev precision 46.5 / 48.5 / 49.9 / 51.0 / 52.7,
# recall 39.1 / 38.2 / 37.7 / 37.1 / 36.1, false alarms on texts with no event 22.9 / 19.3 / 18.4 / 17.1 / 15.7%, GSR
# ASSAULT F1 53.8 / 54.6 / 54.2 / 54.3 / 53.8: F1 flat from 1.0 on, precision is what the counts need
C = 2.0
CV_FOLDS, CV_REPEATS = 5, 5  # folds by a salted hash of the article, the predictions averaged over the salts
MIN_POSITIVES_FOR_OWN_THRESHOLD = 50  # below it a type's best threshold jumps between retrainings (ACCUSE 0.05-0.33)
SMOOTH = 0.05  # half-width of the window over which a type's threshold objective is averaged
# The thresholds of ASSAULT and PROTEST are a policy, set from the cross-validated curves and revisited by hand
# (--search-thresholds; the report's "threshold_search" gives the best and the objective at both): the curves are
# flat near their top (ASSAULT 0.666-0.671 from 0.20 to 0.30 on 2026-12-07), so the best moved by up to 0.1 with
# every retraining and the held-out figures by +-0.5 with it, hiding what a rule change did.
# On the calibrated scale (Platt, below) since 2026-12-07: precision first, an ASSAULT is kept when it is at least
# 40% likely to be a reported occurrence, a PROTEST 35% (the F1-best were 0.32 / 0.28 on flat curves); they are the
# decisions of the raw C=2.0 model at 0.28 / 0.20 (dev out of fold: precision 51.0, false alarms 17.1%).
POLICY_THRESHOLDS = {"ASSAULT": 0.40, "PROTEST": 0.35}
# Planned, intended, hypothetical and denied acts: the real gold has a few dozen, too few for the layer to judge them
# per type (their modality is the rules'), so they are dropped only when the layer is fairly sure they are no event.
# Since the scores are calibrated (2026-12-07) the shared threshold is 0.25, above such acts the rules state plainly
# ("خطة اليابان لاستثمار 2%", a planned MOBILIZE at 0.23).
MARKED_THRESHOLD = 0.20
# Possible acts ("hypothetical": "could strike", "in case of an attack", "fears of a coup") are the exception, since
# the seventh round: rules only, they were 42 of the 622 dev candidates and 4 of the 277 found (10% right; planned 12
# and 3, intended 5 and 2), and the GSR refuses them; one is kept when it is more likely than not a reported event.
# Dev out of fold, every marked act at 0.20 / 0.45 / 0.60: precision 53.6 / 56.3 / 57.3, F1 46.5 / 47.4 / 47.6, false
# alarms 18.0 / 15.4 / 14.8%; CV GSR ASSAULT F1 53.2 / 55.7 / 55.3, PROTEST 45.8 / 47.7 / 49.1 (flat from 0.45); but
# plans and intentions stated plainly are news the flagship counts (a defence budget to be raised), so only possible
# acts take the higher threshold.
HYPOTHETICAL_THRESHOLD = 0.50
# The other types share one threshold, a policy too since 2026-12-07 (fifth round): the lowest that keeps the
# training half of the sports pages at or under SPORTS_EVENTS_PER_100 moved 0.25 -> 0.30 -> 0.25 with one sports
# candidate more or less (a club's "social" committee read as a meeting), and with it every type but two (the
# flagship's Tokyo meeting, 0.30, fell under it). The search is still made and reported (threshold_search["*"]);
# the held-out half of the sports pages is the figure that answers the goal.
SHARED_THRESHOLD = 0.25
SPORTS_EVENTS_PER_100 = 5.0  # the goal for sports pages: political events per 100 articles
HARD_NO_WEIGHT = 1.0  # "difficult no" sentences: negatives like "easy no" (docs/decision.md says why)
GSR_WEIGHT = 1.0  # every GSR row's weight is multiplied by it
SPORTS_WEIGHT = 3.0
VERSION = "1"


def in_family(ev_type, cameo, family: str) -> bool:
    t, roots = FAMILY[family]
    return ev_type == t or str(cameo or "")[:2] in roots


def candidates(coder: Coder, text: str, lang: str, date: str | None):
    """(explain record, features) of every candidate that became an event."""
    doc = coder.code(text, lang=lang, date=date, all_candidates=True, explain=True)
    return [r for r in doc.explain if "features" in r]


def gsr_rows(coder: Coder, hard_no_weight: float, gsr_weight: float = GSR_WEIGHT):
    """Rows (group, features, label, weight, meta) from the GSR; meta says which sentence and family."""
    rows = []
    root = default_gsr_dir()
    for family in FAMILY:
        for s in read_gsr_csv(root / f"{family.lower()}_dev.csv"):
            if s.label not in ("yes", "easy no", "difficult no"):
                continue
            y = 1 if s.label == "yes" else 0
            # the real gold's test split is drawn from this very file (eval/real/sample.py, split by article): its
            # articles' sentences are scored (a model never trained on them) but never learned from
            held = split_of(article_of(s.id)) == "test"
            w = 0.0 if held else gsr_weight * (hard_no_weight if s.label == "difficult no" else 1.0)
            meta = {"set": "gsr", "family": family, "sid": s.id, "label": s.label, "held_out": held}
            got = False
            for r in candidates(coder, s.text, "ar", date_from_id(s.id)):
                if in_family(r["type"], r["cameo"], family):
                    # the GSR's "no" also refuses acts that are only planned, possible or denied; marsad codes them
                    # with their modality, so those candidates teach nothing about specificity: scored, not learned
                    weight = w if r["modality"] in ("asserted", "reported") else 0.0
                    # the GSR's notion of an event is narrower than the guidelines' (eval/real/README.md): its labels
                    # teach only the features of their own type, never the ones every type shares
                    own = [f for f in r["features"] if f.startswith(f"{r['type']}|")]
                    # scored as the pipeline scores it: with every feature (a prediction made from its own-type
                    # features only is not what `marsad code` does, and read 10-15 points too high)
                    rows.append((article_of(s.id), own, y, weight,
                                 dict(meta, negated=r["modality"] == "negated", modality=r["modality"],
                                      background=r["background"], score_features=r["features"])))
                    got = True
            if not got:  # the sentence still counts in the detection figures (a miss or a right silence)
                rows.append((article_of(s.id), None, y, 0.0, meta))
    return rows


def sports_rows(coder: Coder, weight: float):
    rows = []
    for rec in read_articles():
        if not is_sports(rec):
            continue
        train = not held_out(rec)
        meta = {"set": "sports" if train else "sports-heldout", "sid": rec["id"]}
        rows.append((f"snn:{rec['id']}", None, 0, 0.0, meta))  # counts the article, candidates or not
        for r in candidates(coder, f"{rec['title']}\n{rec['text']}", "ar", rec["date"]):
            if r["type"] is not None:
                rows.append((f"snn:{rec['id']}", r["features"], 0, weight if train else 0.0,
                             dict(meta, modality=r["modality"])))
    return rows


def gold_rows(coder: Coder, docs, set_name: str, weight: float):
    """Rows from gold documents: a candidate paired with a gold event of its type (and of its background flag) -> 1."""
    rows = []
    for d in docs:
        gold = [g if isinstance(g, RealEvent) else
                RealEvent(g.type, g.mode, (g.trigger or g.evidence).start, (g.trigger or g.evidence).end,
                          tuple(g.source), tuple(g.target), g.modality, False)
                for g in d.events if g.type is not None]
        recs = [r for r in candidates(coder, d.text, d.lang, d.date) if r["type"] is not None]
        matched = set()
        for flag in (False, True):  # a recalled candidate is right on a recalled gold act, a new one on a new one
            g_side = [g for g in gold if g.background == flag]
            idx = [j for j, r in enumerate(recs) if r["background"] == flag]
            matched |= {idx[j] for _i, j in pair_events(g_side, [recs[j] for j in idx], d.text)}
            # a second telling of a gold act in its sentence ("killed ... in an attack") is that act, not a
            # mention: the merge folds it, so it is no false alarm either
            spans = {(g.type, sentence_of(d.text, g.start)) for g in g_side}
            matched |= {j for j in idx if (recs[j]["type"], sentence_of(d.text, recs[j]["trigger"]["start"])) in spans}
        for j, r in enumerate(recs):
            rows.append((f"{set_name}:{d.id}", r["features"], int(j in matched), weight,
                         {"set": set_name, "sid": d.id, "type": r["type"], "modality": r["modality"]}))
    return rows


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--report", type=Path)
    ap.add_argument("--hard-no-weight", type=float, default=HARD_NO_WEIGHT)
    ap.add_argument("--gsr-weight", type=float, default=GSR_WEIGHT)
    ap.add_argument("--sports-weight", type=float, default=SPORTS_WEIGHT)
    ap.add_argument("--written-weight", type=float, default=0.5)
    ap.add_argument("--C", type=float, default=C)
    ap.add_argument("--oof-dev", type=Path, metavar="FILE",
                    help="also write the real gold's dev-split figures (as `marsad eval --real --split dev --json`), "
                         "each text coded by a model fitted without its article (the first salt's folds): the dev "
                         "figures a rule change can be tuned on, where the shipped model has seen every dev text")
    ap.add_argument("--search-thresholds", action="store_true",
                    help="use the cross-validated best thresholds instead of POLICY_THRESHOLDS")
    args = ap.parse_args(argv)

    coder = Coder(freeze_gc=False)
    rows = gsr_rows(coder, args.hard_no_weight, args.gsr_weight) + sports_rows(coder, args.sports_weight)
    from marsad.evaluate.gold import load_gold
    rows += gold_rows(coder, load_gold([ROOT / "eval" / "gold" / "dev.jsonl"]), "written", args.written_weight)
    real = ROOT / "eval" / "real"
    if (real / "sentences.jsonl").is_file():
        rows += gold_rows(coder, load_real_gold(real, split="dev"), "real", 1.0)

    train = [r for r in rows if r[1] is not None and r[3] > 0]
    vocab = {f: i for i, f in enumerate(sorted({f for r in train for f in r[1]}))}

    def matrix(rs, scoring: bool = False):
        ind, ptr = [], [0]
        for r in rs:
            feats = r[4].get("score_features", r[1]) if scoring else r[1]
            ind.extend(sorted({vocab[f] for f in feats if f in vocab}))
            ptr.append(len(ind))
        return csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rs), len(vocab)))

    scored = [r for r in rows if r[1] is not None]
    X = matrix(scored)  # what a row teaches
    X_score = matrix(scored, scoring=True)  # what the pipeline scores
    y = np.array([r[2] for r in scored])
    w = np.array([r[3] for r in scored])
    groups = np.array([r[0] for r in scored])
    cv = np.zeros(len(scored))
    # folds by a hash of the article, averaged over CV_REPEATS salts: GroupKFold balances fold sizes, so one
    # candidate more or less in one article reassigned every fold (the same GSR features scored 61.9 or 55.4 F1)
    for salt in range(CV_REPEATS):
        fold = np.array([fold_of(salt, g) for g in groups])
        for k in range(CV_FOLDS):
            tr, te = np.where(fold != k)[0], np.where(fold == k)[0]
            tr = tr[w[tr] > 0]
            m = LogisticRegression(C=args.C, solver="liblinear", max_iter=1000, random_state=0)
            m.fit(X[tr], y[tr], sample_weight=w[tr])
            cv[te] += m.predict_proba(X_score[te])[:, 1] / CV_REPEATS
    # Platt scaling on the real gold's held-out predictions: the confidence an event carries is a probability
    # that it is a reported occurrence of its type on real text (less regularization makes raw scores too sure)
    real_rows = np.array([r[4]["set"] == "real" for r in scored])
    calibration = platt(cv[real_rows], y[real_rows])
    cv = calibrated(cv, calibration)
    grid = [i / 100 for i in range(5, 96)]
    # a type with enough labelled real candidates (and ASSAULT/PROTEST, which the GSR labels too) gets its own
    # threshold, chosen on its cross-validated F1. The other types have too few real labels for the model to decide
    # what is a mention (a handful each): they share SHARED_THRESHOLD, a policy checked against the lowest threshold
    # that keeps the training half of the sports pages at or under SPORTS_EVENTS_PER_100 events per 100 articles
    # (cross-validated, reported) -- the layer removes what it is sure is no politics, and otherwise leaves the
    # rules' decision standing
    per_type = Counter(type_of(r) for r in rows if r[4]["set"] == "real" and r[2] == 1)
    own = sorted(t for t, n in per_type.items() if n >= MIN_POSITIVES_FOR_OWN_THRESHOLD or t in FAMILY)
    # searched in steps of 0.05: the sports rate falls slowly and unevenly with the threshold, and a finer search
    # moved this threshold between 0.08 and 0.10 with any change of the features (articles' false alarms with it)
    coarse = [t for t in grid if round(t * 100) % 5 == 0]
    searched_shared = next((t for t in coarse if report_at(rows, scored, cv, {"*": t}, skip_types=own)["sports"]
                            ["events_per_100"] <= SPORTS_EVENTS_PER_100), grid[-1])
    thr = searched_shared if args.search_thresholds else SHARED_THRESHOLD
    thresholds = {"*": thr, "marked": MARKED_THRESHOLD, "hypothetical": HYPOTHETICAL_THRESHOLD}

    def type_objective(rep: dict, etype: str) -> float:
        # ASSAULT and PROTEST answer to two golds: the GSR's sentence labels (several human annotators) and the
        # real gold's events (our guidelines); their threshold maximises the mean of the two F1
        real_f1 = rep.get(f"real_{etype}", {}).get("F1", 0.0)
        if etype in FAMILY:
            return (real_f1 + rep[f"gsr_{etype.lower()}"]["F1"]) / 2
        return real_f1

    searched: dict[str, dict] = {"*": {"best": searched_shared, "rule": f"sports <= {SPORTS_EVENTS_PER_100}/100"}}
    for etype in own:
        # the F1 curves are flat and jagged near their top: a threshold is judged by the mean of its objective and
        # its neighbours' (+-SMOOTH), so that a small change of the features does not move it far
        raw = {t: type_objective(report_at(rows, scored, cv, dict(thresholds, **{etype: t})), etype) for t in grid}
        smooth = {t: sum(raw[u] for u in grid if abs(u - t) <= SMOOTH + 1e-9)
                  / sum(1 for u in grid if abs(u - t) <= SMOOTH + 1e-9) for t in grid}
        best = max((smooth[t], -abs(t - thr), t) for t in grid)[2]
        searched[etype] = {"best": best, "objective_at_best": round(smooth[best], 4)}
        thresholds[etype] = best if args.search_thresholds or etype not in POLICY_THRESHOLDS \
            else POLICY_THRESHOLDS[etype]
        searched[etype]["objective_at_chosen"] = round(smooth[thresholds[etype]], 4)
    report = report_at(rows, scored, cv, thresholds)
    report["thresholds"] = thresholds
    # the GSR and real-gold figures of ASSAULT and PROTEST at other thresholds of their own (the policy's trade-off)
    report["curves"] = {}
    for etype in FAMILY:
        for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            at = report_at(rows, scored, cv, dict(thresholds, **{etype: t}))
            report["curves"].setdefault(etype, {})[f"{t:.2f}"] = {"gsr": at[f"gsr_{etype.lower()}"],
                                                                  "real": at.get(f"real_{etype}", {})}
    report["calibration"] = list(calibration)
    report["threshold_search"] = searched
    report["before"] = report_at(rows, scored, np.ones(len(scored)), {"*": 0.5})
    names = sorted(vocab, key=vocab.get)

    def fitted(tr) -> tuple[float, dict[str, float]]:
        m = LogisticRegression(C=args.C, solver="liblinear", max_iter=1000, random_state=0)
        m.fit(X[tr], y[tr], sample_weight=w[tr])
        return round(float(m.intercept_[0]), 4), {n: round(float(c), 4) for n, c in zip(names, m.coef_[0])
                                                   if abs(c) >= 0.005}

    bias, weights = fitted(w > 0)
    if args.oof_dev and (real / "sentences.jsonl").is_file():
        fold = np.array([fold_of(0, g) for g in groups])
        oof = out_of_fold_real(coder, load_real_gold(real, split="dev"),
                               {k: fitted(np.where((fold != k) & (w > 0))[0]) for k in range(CV_FOLDS)}, thresholds,
                               calibration)
        args.oof_dev.write_text(json.dumps(oof, indent=1) + "\n", encoding="utf-8")
    model = {"version": VERSION, "trained_on": training_summary(rows), "C": args.C,
             "hard_no_weight": args.hard_no_weight, "sports_weight": args.sports_weight,
             "written_weight": args.written_weight, "threshold": thr, "thresholds": thresholds,
             "bias": bias, "calibration": list(calibration), "weights": dict(sorted(weights.items()))}
    out = json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    print(json.dumps(report, indent=1))
    if args.report:
        args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.check:
        same = MODEL_PATH.read_text(encoding="utf-8") == out
        print("model file is reproduced byte for byte" if same else "model file DIFFERS from a fresh training")
        return 0 if same else 1
    MODEL_PATH.write_text(out, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(weights)} weights, thresholds {thresholds})")
    return 0


def fold_of(salt: int, group: str) -> int:
    """The cross-validation fold of an article under one salt."""
    return int(hashlib.sha256(f"{salt}:{group}".encode()).hexdigest()[:8], 16) % CV_FOLDS


def _logit(probs):
    import numpy as np

    p = np.clip(probs, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def platt(probs, labels) -> tuple[float, float]:
    """(a, b) of p' = 1 / (1 + exp(-(a logit(p) + b))), fitted by maximum likelihood (rounded: the file is text)."""
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000).fit(_logit(probs).reshape(-1, 1), labels)
    return round(float(m.coef_[0][0]), 4), round(float(m.intercept_[0]), 4)


def calibrated(probs, calibration: tuple[float, float]):
    """``DecisionModel.probability`` of the probabilities ``probs`` of an uncalibrated model, vectorized."""
    import numpy as np

    a, b = calibration
    return 1.0 / (1.0 + np.exp(-(a * _logit(probs) + b)))


def out_of_fold_real(coder: Coder, docs, models: dict[int, tuple[float, dict]], thresholds: dict,
                     calibration: tuple[float, float] = (1.0, 0.0)) -> dict:
    """The real-gold report of ``docs``, each coded by the model of its article's fold (fitted without that fold)."""
    import dataclasses

    from marsad.evaluate.real import score_real
    from marsad.extract.decision import DecisionModel

    shipped, preds = coder.res, {}
    try:
        for k, (bias, weights) in models.items():
            model = DecisionModel(VERSION, bias, weights, dict(thresholds), calibration=calibration)
            coder.res = dataclasses.replace(shipped, decision=model)
            for d in docs:
                if fold_of(0, f"real:{d.id}") == k:
                    preds[d.id] = coder.code(d.text, lang=d.lang, date=d.date).to_dict()
    finally:
        coder.res = shipped
    reports = score_real(docs, predictions=preds, want_diff=True)
    return {"split": "dev", "out_of_fold": True, **{k: v.to_dict() for k, v in reports.items()}}


def training_summary(rows) -> dict:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r[1] is not None and r[3] > 0:
            out[r[4]["set"]][r[2]] += 1
    return {k: {"negative": v[0], "positive": v[1]} for k, v in sorted(out.items())}


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "fp": fp, "fn": fn}


def type_of(r) -> str | None:
    """The candidate's type, read from its ``<TYPE>|type=<TYPE>`` feature (every row has its typed copy)."""
    return next((f.split("|type=", 1)[1] for f in r[1] if "|type=" in f), None) if r[1] else None


def report_at(rows, scored, probs, thresholds: dict, skip_types: list | tuple = ()) -> dict:
    """Sentence-level GSR detection per family, sports events per 100 held-out articles, gold event P/R/F1."""
    pmap = {}
    for r, p in zip(scored, probs):
        pmap[id(r)] = p >= threshold(thresholds, type_of(r), r[4].get("modality") or "asserted")
    out: dict = {}
    gold_f1: list[float] = []
    for family, part in ((f, p) for f in FAMILY for p in ("", "_heldout")):
        sent: dict[str, list] = {}
        for r in rows:
            m = r[4]
            if m["set"] != "gsr" or m["family"] != family or (part and not m["held_out"]):
                continue
            s = sent.setdefault(m["sid"], [m["label"], False])
            if r[1] is not None and not m.get("negated") and not m.get("background") and pmap[id(r)]:
                s[1] = True
        tp = sum(1 for lab, d in sent.values() if lab == "yes" and d)
        fp = sum(1 for lab, d in sent.values() if lab != "yes" and d)
        fn = sum(1 for lab, d in sent.values() if lab == "yes" and not d)
        easy = [d for lab, d in sent.values() if lab == "easy no"]
        res = prf(tp, fp, fn)
        res["false_alarm_easy_no"] = round(sum(easy) / len(easy), 4) if easy else 0.0
        out[f"gsr_{family.lower()}{part}"] = res
    for set_name in ("sports", "sports-heldout"):
        arts = {r[4]["sid"] for r in rows if r[4]["set"] == set_name}
        n = sum(1 for r in rows if r[4]["set"] == set_name and r[1] is not None and pmap[id(r)])
        out[set_name] = {"events": n, "articles": len(arts), "events_per_100": round(100 * n / max(len(arts), 1), 2)}
    for set_name in ("real", "written"):
        sel = [r for r in rows if r[4]["set"] == set_name and type_of(r) not in skip_types]
        if sel:
            tp = sum(1 for r in sel if r[2] == 1 and pmap[id(r)])
            fp = sum(1 for r in sel if r[2] == 0 and pmap[id(r)])
            fn_rules = sum(1 for r in sel if r[2] == 1 and not pmap[id(r)])
            out[f"{set_name}_candidates"] = prf(tp, fp, fn_rules)
            gold_f1.append(out[f"{set_name}_candidates"]["F1"])
            if set_name == "real":
                for etype in sorted({type_of(r) for r in sel}):
                    st = [r for r in sel if type_of(r) == etype]
                    out[f"real_{etype}"] = prf(sum(1 for r in st if r[2] == 1 and pmap[id(r)]),
                                               sum(1 for r in st if r[2] == 0 and pmap[id(r)]),
                                               sum(1 for r in st if r[2] == 1 and not pmap[id(r)]))
    # the real gold decides when it exists; the written gold (the project's own text) only stands in for it
    out["objective_gold"] = gold_f1[0] if gold_f1 else 0.0
    return out


if __name__ == "__main__":
    raise SystemExit(main())
