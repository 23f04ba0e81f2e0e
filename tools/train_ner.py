"""Train the Arabic NER (``src/marsad/models/ner_ar.crfsuite`` + ``ner_ar.json``) from ANERcorp; reproducible byte
for byte.

Data: ``../shared/data/anercorp/train.txt`` (``$MARSAD_SHARED_DATA`` overrides the data directory). Each sentence's
tokens are joined with single spaces into a text, which marsad segments itself (``extract.words.segment``); its
gazetteer mentions are found as the pipeline finds them. The words of the KB's Arabic person, organisation and
place names are frozen into ``ner_ar_names.json`` beside the model (word-level features that stay as trained). Each marsad word is labelled from the ANERcorp token it
starts in (``evaluate.ner.word_labels``): a later piece of a B-X token ("77%" -> "77", "%") takes I-X, a word
covering two tokens takes the first token's tag, a token left with no word (a lone U+200F) gives its tag to nobody
and an orphan I-X becomes B-X. Features: ``extract.ner.features``, the very function the tagger calls.

Model: CRFsuite linear-chain CRF, L-BFGS, parameters fixed below (chosen on ``dev.txt`` with ``--grid``, which
prints the dev figures of each setting). The metadata records the parameters, the sha256 of the training file and
of the cue file, the feature set name, the KB version and the dev scores. The gazetteer features make the model
depend on the KB: after a KB change, ``--check`` fails until the model is retrained.

Choice on dev (F1 PERS/ORG/LOC/MISC): with minfreq 2 every setting lost 0.01-0.03 F1 on each class
(c1 0.05 c2 0.01: 0.725/0.709/0.878); with minfreq 1, c1 0.05 c2 0.005: 0.752/0.742/0.893/0.613 (1.8 MB), c1 0.05
c2 0.02: 0.758/0.731/0.892 (2.4 MB), c1 0.1 c2 0.005: 0.749/0.725/0.891 (1.6 MB). Kept c1 0.05, c2 0.005,
minfreq 1, 150 iterations. Training is deterministic: ``--check`` reproduces the shipped file byte for byte
(about 60 s on one core, so it is not run by the test suite; run it after a KB, cue or feature change).

Usage:
  .venv/bin/python tools/train_ner.py            # train, write the model and its metadata (with dev scores)
  .venv/bin/python tools/train_ner.py --check    # retrain to a temp file; exit 1 if it differs from the shipped one
  .venv/bin/python tools/train_ner.py --grid     # dev figures for a grid of c1/c2/minfreq (writes nothing)
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pycrfsuite  # noqa: E402

from marsad.evaluate.ner import anercorp_path, read_anercorp, word_labels  # noqa: E402
from marsad.extract import ner  # noqa: E402
from marsad.extract.words import segment  # noqa: E402

MODELS = ROOT / "src" / "marsad" / "models"
MODEL_PATH = MODELS / ner.MODEL_FILE
META_PATH = MODELS / ner.META_FILE
NAMES_PATH = MODELS / ner.NAMES_FILE
VERSION = "1"
PARAMS = {"c1": 0.05, "c2": 0.005, "max_iterations": 150, "feature.minfreq": 1, "feature.possible_transitions": True}
GRID = {"c1": (0.05, 0.1, 0.2), "c2": (0.005, 0.02), "feature.minfreq": (1,)}


def sequences(path: Path, cues: ner.Cues) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of every marsad sentence of an ANERcorp file."""
    out = []
    for s in read_anercorp(path):
        words, _ = segment(s.text, "ar")
        if not words:
            continue
        labels = word_labels(s, words)
        gaz = ner.mention_kinds(words, ner.default_mentions(s.text, "ar"))
        i = 0
        for sent in ner.sentences_of(words):
            n = len(sent)
            out.append((ner.features(sent, gaz[i:i + n], cues), labels[i:i + n]))
            i += n
    return out


def train(data, params: dict, model_path: Path) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params)
    for feats, labels in data:
        trainer.append(feats, labels)
    trainer.train(str(model_path))


def dev_scores(model_path: Path, cues: ner.Cues, split: str = "dev") -> dict:
    """Entity-level scores of a model file on an ANERcorp split, through the real tagger code."""
    from marsad.evaluate.ner import evaluate_ner  # noqa: PLC0415

    meta = {"version": VERSION, "feature_set": ner.FEATURE_SET}
    ner.NerTagger._instance = ner.NerTagger(model_path, meta, cues)
    try:
        rep = evaluate_ner(split)
    finally:
        ner.NerTagger._instance = None
    return {c: {k: v[c]["f1"] if k == "kb" else v[c] for k, v in rep["systems"].items()}
            for c in ("PERS", "ORG", "LOC", "MISC", "micro")}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def metadata(train_path: Path, scores: dict, seconds: float) -> dict:
    from marsad.pipeline import Coder  # noqa: PLC0415

    return {
        "version": VERSION, "feature_set": ner.FEATURE_SET, "algorithm": "lbfgs", "params": PARAMS,
        "labels": list(ner.LABELS), "library": f"python-crfsuite {version('python-crfsuite')}",
        "training_data": {"file": "anercorp/train.txt", "sha256": sha256(train_path)},
        "cues_sha256": sha256(MODELS / ner.CUES_FILE), "names_sha256": sha256(NAMES_PATH), "kb_version": Coder.default().kb.version,
        "model_sha256": sha256(MODEL_PATH), "train_seconds": round(seconds),
        "dev": {"split": "anercorp/dev.txt", "scores": scores},
        "source": "ANERcorp (Benajiba, Rosso and Benedi 2007), train split; tools/train_ner.py reproduces this model",
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="retrain and compare with the shipped model")
    ap.add_argument("--grid", action="store_true", help="dev figures for a grid of parameters")
    args = ap.parse_args()
    from marsad.pipeline import Coder  # noqa: PLC0415

    names = ner.name_words(Coder.default().kb.names())
    names_text = json.dumps(names, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    cues = ner.load_cues(names=names)
    train_path = anercorp_path("train")
    t0 = time.perf_counter()
    data = sequences(train_path, cues)
    print(f"{len(data)} sequences, {sum(len(x[1]) for x in data)} words ({time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        if args.grid:
            for values in itertools.product(*GRID.values()):
                params = {**PARAMS, **dict(zip(GRID, values))}
                path = Path(tmp) / "grid.crfsuite"
                t1 = time.perf_counter()
                train(data, params, path)
                s = dev_scores(path, cues)
                print(json.dumps({k: params[k] for k in GRID}), f"{time.perf_counter() - t1:.0f}s",
                      f"{path.stat().st_size / 1e6:.2f}MB",
                      " ".join(f"{c} {s[c]['crf']['f1']:.3f}" for c in ("PERS", "ORG", "LOC", "MISC", "micro")),
                      flush=True)
            return 0
        fresh = Path(tmp) / ner.MODEL_FILE
        t1 = time.perf_counter()
        train(data, PARAMS, fresh)
        seconds = time.perf_counter() - t1
        if args.check:
            same_names = NAMES_PATH.exists() and NAMES_PATH.read_text(encoding="utf-8") == names_text
            if not same_names or not MODEL_PATH.exists() or fresh.read_bytes() != MODEL_PATH.read_bytes():
                meta = json.loads(META_PATH.read_text(encoding="utf-8")) if META_PATH.exists() else {}
                from marsad.pipeline import Coder  # noqa: PLC0415

                why = []
                if meta.get("kb_version") != Coder.default().kb.version:
                    why.append(f"the KB changed ({meta.get('kb_version')} -> {Coder.default().kb.version})")
                if meta.get("cues_sha256") != sha256(MODELS / ner.CUES_FILE):
                    why.append("the cue file changed")
                if not same_names:
                    why.append(f"the KB name words differ from {NAMES_PATH.name}")
                if meta.get("feature_set") != ner.FEATURE_SET:
                    why.append("the feature set changed")
                print(f"{MODEL_PATH} differs from a fresh training{': ' + ', '.join(why) if why else ''}; "
                      "run tools/train_ner.py", file=sys.stderr)
                return 1
            print(f"{MODEL_PATH} is reproduced byte for byte ({seconds:.0f} s training)")
            return 0
        MODEL_PATH.write_bytes(fresh.read_bytes())
        NAMES_PATH.write_text(names_text, encoding="utf-8")
    scores = dev_scores(MODEL_PATH, cues)
    META_PATH.write_text(json.dumps(metadata(train_path, scores, seconds), ensure_ascii=False, indent=1,
                                    sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB, {seconds:.0f} s) and {META_PATH}")
    for c, v in scores.items():
        print(f"  {c:6} crf P {v['crf']['precision']:.3f} R {v['crf']['recall']:.3f} F1 {v['crf']['f1']:.3f}"
              f"   kb F1 {v['kb']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
