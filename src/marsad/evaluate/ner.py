"""Named-entity scoring on ANERcorp (``marsad eval --ner``): the learned tagger beside the KB-only baseline.

ANERcorp (``../shared/data/anercorp/{train,dev}.txt``, ``$MARSAD_SHARED_DATA`` overrides the data directory) has
one ``token TAG`` a line, a blank line ending a sentence and ``-DOCSTART-`` lines between documents (one dev line's
tag is a lone U+200F mark: read as O). Each sentence
is read as its tokens joined by single spaces; marsad segments that text itself.

Scoring is CoNLL style on the corpus's own tokens: a gold entity is a B-X token and the I-X tokens after it (an
I-X that continues nothing opens an entity, as conlleval does); a predicted entity (character offsets) covers the
tokens it overlaps; an entity is right when its sentence, first token, last token and class all match. Precision,
recall and F1 per class (PERS, ORG, LOC, MISC) and micro over PERS+ORG+LOC.

Systems scored side by side:

* ``crf``: ``marsad.extract.ner.NerTagger`` with the document's gazetteer mentions as features;
* ``kb``: the gazetteer mentions alone (``extract.mentions.resolve``), mapped to classes: person/person_short ->
  PERS, organization/acronym -> ORG, country/capital/place/region -> LOC; other kinds (role, nisba...) ignored.

Imports: marsad.errors, marsad.evaluate.{real,scoring}, marsad.extract.{ner,words}; marsad.pipeline lazily.
"""
from __future__ import annotations

import bisect
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import InputError
from .real import shared_data_dir
from .scoring import PRF

CLASSES = ("PERS", "ORG", "LOC", "MISC")
MAIN_CLASSES = ("PERS", "ORG", "LOC")
KB_CLASS = {"person": "PERS", "person_short": "PERS", "organization": "ORG", "acronym": "ORG", "country": "LOC",
            "capital": "LOC", "place": "LOC", "region": "LOC"}
TARGETS = {"PERS": 0.75, "ORG": 0.60, "LOC": 0.85}  # issue 20, on the dev split
SPLITS = ("train", "dev")
MARKS = "\u200e\u200f"  # directional marks, stray in a few ANERcorp lines


@dataclass(slots=True)
class NerSentence:
    text: str  # the tokens joined by single spaces
    tokens: list[str]
    tags: list[str]
    offsets: list[tuple[int, int]]  # each token's (start, end) in ``text``

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """(first, last) index of the tokens a character span overlaps; None when it overlaps none."""
        starts = [a for a, _b in self.offsets]
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        first = last = None
        while i < len(self.offsets) and self.offsets[i][0] < end:
            if self.offsets[i][1] > start:
                first = i if first is None else first
                last = i
            i += 1
        return None if first is None else (first, last)


def anercorp_path(split: str, data: Path | None = None) -> Path:
    if split not in SPLITS:
        raise InputError(f"ANERcorp split {split!r} is not one of {', '.join(SPLITS)}")
    return (data or shared_data_dir()) / "anercorp" / f"{split}.txt"


def read_anercorp(path: Path) -> list[NerSentence]:
    """The sentences of an ANERcorp file (token TAG lines; blank line or -DOCSTART- ends a sentence)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"ANERcorp file {path} does not exist (the shared data: ../shared/data/anercorp)") from None
    out: list[NerSentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def close() -> None:
        if toks:
            offsets, p = [], 0
            for t in toks:
                offsets.append((p, p + len(t)))
                p += len(t) + 1
            out.append(NerSentence(" ".join(toks), list(toks), list(tags), offsets))
            toks.clear()
            tags.clear()

    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("-DOCSTART-"):
            close()
            continue
        token, _, tag = line.rpartition(" ")
        tag = tag.strip(MARKS) or "O"  # dev.txt has one line whose tag is a lone U+200F: read as O
        if not token or not (tag == "O" or tag[:2] in ("B-", "I-") and tag[2:] in CLASSES):
            raise InputError(f"{path}:{n}: not a 'token TAG' line: {line[:60]!r}")
        toks.append(token)
        tags.append(tag)
    close()
    return out


def bio_entities(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last, class) of each entity in a B-/I-/O tag sequence (an I-X continuing nothing opens one)."""
    out: list[tuple[int, int, str]] = []
    cur = None
    for i, tag in enumerate(tags):
        kind, _, cls = tag.partition("-")
        if kind == "I" and cur is not None and cur[2] == cls:
            cur[1] = i
            continue
        if cur is not None:
            out.append(tuple(cur))
            cur = None
        if kind in ("B", "I"):
            cur = [i, i, cls]
    if cur is not None:
        out.append(tuple(cur))
    return out


def word_labels(sent: NerSentence, words: Sequence[Any]) -> list[str]:
    """The training label of each marsad word, from the ANERcorp token it starts in.

    Where the two tokenisations differ: a punctuation mark or symbol split off a token is O (no entity starts or
    ends with one); any other word that is a later piece of a B-X token takes I-X;
    a word covering several tokens takes the first token's tag; a token with no word (a lone U+200F mark) gives
    its tag to nobody, and an I-X left without its B-X becomes B-X, so the labels are always valid BIO."""
    starts = [a for a, _b in sent.offsets]
    out: list[str] = []
    last_tok = -1
    for w in words:
        t = max(bisect.bisect_right(starts, w.start) - 1, 0)
        tag = sent.tags[t]
        if w.kind in ("punct", "symbol"):
            tag = "O"  # "سعود." or ",\u200f" as one token: the entity is the word, the mark stays out
        elif t == last_tok and tag.startswith("B-"):
            tag = "I-" + tag[2:]
        last_tok = t
        out.append(tag)
    for i, tag in enumerate(out):  # repair: I-X must follow B-X or I-X
        if tag.startswith("I-") and (i == 0 or out[i - 1][2:] != tag[2:] or out[i - 1] == "O"):
            out[i] = "B-" + tag[2:]
    return out


def score_entities(gold: Iterable[tuple], pred: Iterable[tuple],
                   classes: Sequence[str] = CLASSES) -> dict[str, PRF]:
    """Exact-match P/R/F1 per class over entity tuples (..., class) whose last item is the class; "micro" sums
    PERS, ORG and LOC (the classes the issue sets targets for)."""
    g = set(gold)
    p = set(pred)
    out = {c: PRF() for c in classes}
    for e in g:
        if e[-1] in out:
            out[e[-1]].n_gold += 1
    for e in p:
        if e[-1] in out:
            out[e[-1]].n_pred += 1
            if e in g:
                out[e[-1]].tp += 1
    micro = PRF()
    for c in MAIN_CLASSES:
        if c in out:
            micro.add(out[c])
    out["micro"] = micro
    return out


def kb_spans(mentions: Iterable[Any]) -> list[tuple[int, int, str]]:
    """(start, end, class) of the gazetteer mentions a class maps to."""
    return [(m.start, m.end, KB_CLASS[m.kind]) for m in mentions if m.kind in KB_CLASS]


def evaluate_ner(split: str = "dev", path: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score the CRF and the KB-only baseline on an ANERcorp split; a JSON-ready report."""
    from ..extract.ner import NerTagger, default_mentions  # noqa: PLC0415
    from ..extract.words import segment  # noqa: PLC0415

    path = path or anercorp_path(split)
    sents = read_anercorp(path)[:limit]
    tagger = NerTagger.load()
    default_mentions("", "ar")  # load the KB before the clock starts
    gold, crf, kb = [], [], []
    n_words = 0
    seconds = 0.0
    for si, s in enumerate(sents):
        gold += [(si, a, b, c) for a, b, c in bio_entities(s.tags)]
        words, _ = segment(s.text, "ar")
        mentions = default_mentions(s.text, "ar")
        n_words += len(words)
        t0 = time.perf_counter()
        spans = tagger.tag(s.text, words, mentions)
        seconds += time.perf_counter() - t0
        for system, items in ((crf, [(x.start, x.end, x.label) for x in spans]), (kb, kb_spans(mentions))):
            for start, end, cls in items:
                r = s.token_range(start, end)
                if r is not None:
                    system.append((si, r[0], r[1], cls))
    scores = {"crf": score_entities(gold, crf), "kb": score_entities(gold, kb)}
    return {
        "split": split, "file": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "sentences": len(sents), "words": n_words,
        "model": {k: tagger.meta.get(k) for k in ("version", "feature_set", "params", "kb_version")},
        "targets_f1": TARGETS,
        "systems": {name: {c: prf.to_dict() for c, prf in sc.items()} for name, sc in scores.items()},
        "tagger_seconds": round(seconds, 3), "tagger_words_per_s": round(n_words / seconds) if seconds else None,
    }


def render_ner(rep: dict[str, Any], console: Any) -> None:
    """The report as a table: one row per class, CRF and KB-only side by side."""
    from rich.table import Table  # noqa: PLC0415

    t = Table(title=f"ANERcorp {rep['split']}: {rep['sentences']} sentences, entity-level exact match",
              title_justify="left")
    t.add_column("class")
    for system in ("crf", "kb"):
        for m in ("P", "R", "F1"):
            t.add_column(f"{system} {m}", justify="right")
    t.add_column("gold", justify="right")
    t.add_column("target F1", justify="right")
    for c in (*CLASSES, "micro"):
        row = [c]
        for system in ("crf", "kb"):
            d = rep["systems"][system][c]
            row += [f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}"]
        row += [str(rep["systems"]["crf"][c]["gold"]), f"{TARGETS[c]:.2f}" if c in TARGETS else "-"]
        t.add_row(*row)
    console.print(t)
    console.print(f"tagger: {rep['tagger_words_per_s']} words/s ({rep['words']} words, model "
                  f"{rep['model'].get('version')}, features {rep['model'].get('feature_set')})", highlight=False)

