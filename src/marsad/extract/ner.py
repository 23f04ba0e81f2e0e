"""A learned Arabic named-entity tagger (PERS, ORG, LOC, MISC) over marsad's own words and offsets.

A linear-chain CRF (compiled CRFsuite through python-crfsuite) labels each ``Word`` of a sentence B-/I-/O; the
labels become ``NerSpan`` records whose offsets are those of the words, so ``text[span.start:span.end] ==
span.text`` always. The model ships as ``marsad/models/ner_ar.crfsuite`` with its metadata ``ner_ar.json``
(parameters, training-data sha256, feature set, dev scores); ``tools/train_ner.py`` reproduces it byte for byte
from ANERcorp's train split. Cue words (titles, organisation and place head nouns, verbs of saying) live in
``marsad/models/ner_ar_cues.json``.

``features`` is the one feature function: training calls it on the same words the tagger sees. KB knowledge enters
as features: the kind of the gazetteer mention (``extract.mentions.Mention``) a word falls inside.

Contract: ``NerTagger.load()`` loads once per process; ``tag(text, words, mentions)`` takes the words of
``segment(text, lang)`` and the document's resolved gazetteer mentions. Only Arabic is modelled: other languages
get no spans.

Imports: marsad.extract.words (Word), python-crfsuite. ``mentions=None`` looks the mentions up with the default
coder's gazetteer (a lazy import of marsad.pipeline, for callers outside a pipeline stage).
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..text._memo import Generations
from .words import Word, segment

FEATURE_SET = "ar-crf-1"  # bump when ``features`` changes: the shipped model must be retrained
MODEL_FILE = "ner_ar.crfsuite"
META_FILE = "ner_ar.json"
CUES_FILE = "ner_ar_cues.json"
NAMES_FILE = "ner_ar_names.json"  # KB name words by class, frozen when the model is trained (tools/train_ner.py)
LABELS = ("PERS", "ORG", "LOC", "MISC")
CUE_KINDS = ("title", "org", "place", "say")
# gazetteer kinds used as features (extract.mentions.KIND_RANK); person_short and acronym keep their own name
GAZ_KINDS = frozenset({"person", "person_short", "organization", "acronym", "country", "capital", "place",
                       "region", "nisba", "demonym", "role"})
NAME_CLASS = {"person": "P", "person_short": "P", "organization": "O", "acronym": "O", "country": "L",
              "capital": "L", "place": "L", "region": "L"}
MARKS = frozenset({"punct", "symbol"})  # word kinds no entity contains
MAX_FORM = 24  # a longer form is cut in its features (a 10,000-letter "word" must not make a 10,000-byte feature)


@dataclass(frozen=True, slots=True)
class NerSpan:
    start: int  # offsets into the original text
    end: int
    label: str  # PERS | ORG | LOC | MISC
    text: str


# ---------------------------------------------------------------------------------------------------- features

@dataclass(frozen=True, slots=True)
class Cues:
    """Cue words by kind: single normalized words, and multi-word cues as tuples keyed by their last word."""
    single: dict  # norm -> tuple of kinds
    multi: dict  # last norm -> tuple of (tuple of the earlier norms, kind)
    names: dict  # norm -> classes of the KB names it is a word of ("P", "LO"...)
    memo: Generations = field(default_factory=Generations, compare=False)  # (norm, kind) -> ``_static`` of a word


def _read(path: Path | None, name: str) -> dict:
    if path is None:
        return json.loads(resources.files("marsad.models").joinpath(name).read_text(encoding="utf-8"))
    return json.loads(path.read_text(encoding="utf-8"))


def name_words(names: Iterable) -> dict[str, list[str]]:
    """The words of the KB's Arabic names by class (P person, O organisation, L place), normalized by ``segment``,
    sorted: the content of NAMES_FILE (``names``: ``KB.names()`` entries)."""
    by_class: dict[str, set[str]] = {"P": set(), "O": set(), "L": set()}
    for e in names:
        cls = NAME_CLASS.get(e.kind)
        if cls is not None and e.lang == "ar":
            by_class[cls].update(w.norm for w in segment(e.surface, "ar")[0] if w.kind == "word")
    return {k: sorted(v) for k, v in by_class.items()}


def load_cues(path: Path | None = None, names: dict | None = None) -> Cues:
    """The cue file, each cue normalized by ``segment`` (the same ``norm`` a Word carries), with the KB name words
    (``names``: NAMES_FILE's content; None reads the shipped file)."""
    data = _read(path, CUES_FILE)
    if names is None:
        names = _read(None, NAMES_FILE)
    by_word: dict[str, str] = {}
    for cls in sorted(names):
        for w in names[cls]:
            by_word[w] = by_word.get(w, "") + cls
    single: dict[str, list[str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in CUE_KINDS:
        for cue in data.get(kind, ()):
            norms = tuple(w.norm for w in segment(cue, "ar")[0] if w.kind == "word")
            if len(norms) == 1:
                single.setdefault(norms[0], [])
                if kind not in single[norms[0]]:
                    single[norms[0]].append(kind)
            elif norms:
                multi.setdefault(norms[-1], []).append((norms[:-1], kind))
    return Cues({k: tuple(v) for k, v in single.items()}, {k: tuple(v) for k, v in multi.items()}, by_word)


def _script(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if ch.isascii():
        return "l" if ch.isalpha() else "p"
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
        return "a" if ch.isalpha() else "p"
    return "o" if ch.isalpha() else "p"


def _len_bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "5" if n <= 5 else "8" if n <= 8 else "9"


STATIC_MAX = 100_000  # forms per generation of a Cues's memo (text._memo: at most twice that)


OFFSETS = (-2, -1, 1, 2)  # the neighbours a word's features look at


def _static(w: Word, cues: Cues) -> tuple:
    """What a word contributes, memoized per normalized form: (its own features, core form, cue kinds, the
    features it gives the word at distance d for d in OFFSETS, as one tuple each). Strings are built once per form:
    the per-token work of ``features`` is joining tuples."""
    key = (w.norm, w.kind)
    memo = cues.memo
    got = memo.get(key)
    if got is not None:
        return got
    got = memo.recall(key, STATIC_MAX)
    if got is not None:
        return got
    norm = w.norm[:MAX_FORM]
    shape = w.kind[0] + (_script(norm[0]) + _script(norm[-1]) if norm else "")
    feats = ["w=" + norm, "s=" + shape, "n=" + _len_bucket(len(w.norm))]
    core = norm
    if w.kind == "word":
        feats += ["a1=" + norm[:1], "a2=" + norm[:2], "a3=" + norm[:3], "z1=" + norm[-1:], "z2=" + norm[-2:],
                  "z3=" + norm[-3:]]
        seen = set()
        for prefix, base, suffix in w.bases[1:5]:
            base = base[:MAX_FORM]
            if base not in seen:
                seen.add(base)
                feats.append("b=" + base)
            if prefix:
                feats.append("p=" + prefix)
                if not suffix and core == norm:
                    core = base
            if suffix:
                feats.append("x=" + suffix)
        if any(p for p, _b, _s in w.bases):
            feats.append("pc")
    kinds: tuple = cues.single.get(w.norm, ())
    if not kinds and core != norm:
        kinds = cues.single.get(core, ())
    feats += ["c=" + k for k in kinds]
    kb = cues.names.get(w.norm) or cues.names.get(core) or ""
    if kb:
        feats.append("k=" + kb)
    ctx = []
    for d in OFFSETS:
        sd = str(d)
        c = ["w" + sd + "=" + core, "s" + sd + "=" + shape]
        if kb:
            c.append("k" + sd + "=" + kb)
        if d in (-1, 1) and norm != core:
            c.append("v" + sd + "=" + norm)
        c += ["c" + sd + "=" + k for k in kinds]
        ctx.append(tuple(c))
    got = (tuple(dict.fromkeys(feats)), core, kinds, tuple(ctx), w.kind == "word" and (
        w.norm in cues.multi or core in cues.multi))
    return memo.put(key, got, STATIC_MAX)


def _multi_cues(sent: Sequence[Word], statics: list[tuple], j: int, cues: Cues) -> tuple:
    """Kinds of multi-word cues that end at word ``j`` of the sentence."""
    out = []
    for w_norm in (sent[j].norm, statics[j][1]):
        for before, kind in cues.multi.get(w_norm, ()):
            k = len(before)
            if j >= k and all(sent[j - k + t].norm == before[t] or statics[j - k + t][1] == before[t]
                              for t in range(k)):
                out.append(kind)
    return tuple(out)


def mention_kinds(words: Sequence[Word], mentions: Iterable) -> list[str | None]:
    """For each word: "B:kind" or "I:kind" when it falls inside a gazetteer mention of a kind in GAZ_KINDS."""
    out: list[str | None] = [None] * len(words)
    if not words:
        return out
    starts = [w.start for w in words]
    from bisect import bisect_right  # noqa: PLC0415 - cheap, once per call

    for m in mentions:
        if m.kind not in GAZ_KINDS:
            continue
        i = max(bisect_right(starts, m.start) - 1, 0)
        first = True
        while i < len(words) and words[i].start < m.end:
            if words[i].end > m.start and out[i] is None:
                out[i] = ("B:" if first else "I:") + m.kind
                first = False
            i += 1
    return out


def sentences_of(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into their sentences (consecutive runs of the same ``Word.sentence``): the CRF's sequences."""
    out: list[list[Word]] = []
    cur: list[Word] = []
    last = None
    for w in words:
        if w.sentence != last and cur:
            out.append(cur)
            cur = []
        cur.append(w)
        last = w.sentence
    if cur:
        out.append(cur)
    return out


def features(sent: Sequence[Word], gaz: Sequence[str | None], cues: Cues) -> list[list[str]]:
    """The CRF features of each word of one sentence (``gaz``: ``mention_kinds`` of these words). Training
    (tools/train_ner.py) and the tagger both call this function."""
    n = len(sent)
    statics = [_static(w, cues) for w in sent]
    multi = [_multi_cues(sent, statics, j, cues) if statics[j][4] else () for j in range(n)]
    out = []
    for j in range(n):
        st = statics[j]
        f = list(st[0])
        f.append("i=" + (str(j) if j < 3 else "m"))
        if multi[j]:
            f += ["c=" + k for k in multi[j]]
        if j == 0:
            f.append("BOS")
        if j == n - 1:
            f.append("EOS")
        g = gaz[j]
        if g is not None:
            f += ["g=" + g, "gk=" + g[2:]]
        for t, d in enumerate(OFFSETS):
            k = j + d
            if 0 <= k < n:
                f += statics[k][3][t]
                gk = gaz[k]
                if gk is not None:
                    f.append("g" + str(d) + "=" + gk)
                if multi[k]:
                    f += ["c" + str(d) + "=" + kind for kind in multi[k]]
        if j > 0:
            f.append("ww=" + statics[j - 1][1] + "|" + st[1])
        if j + 1 < n:
            f.append("wn=" + st[1] + "|" + statics[j + 1][1])
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------------- decoding

def spans_from_labels(text: str, sent: Sequence[Word], labels: Sequence[str]) -> list[NerSpan]:
    """B-/I- labels to spans over the words' offsets. An I-X that does not continue an X entity opens one (so no
    entity ever starts with I-); an entity ends at O, at B-, or at an I- of another class. Punctuation and symbols
    are read as O whatever their label: an entity never starts or ends with a mark."""
    out: list[NerSpan] = []
    cur_label = None
    c0 = c1 = 0
    for w, lab in zip(sent, labels):
        tag, _, cls = ("O", "", "") if w.kind in MARKS else lab.partition("-")
        if tag == "I" and cls == cur_label:
            c1 = w.end
            continue
        if cur_label is not None:
            out.append(NerSpan(c0, c1, cur_label, text[c0:c1]))
            cur_label = None
        if tag in ("B", "I") and cls:
            cur_label, c0, c1 = cls, w.start, w.end
    if cur_label is not None:
        out.append(NerSpan(c0, c1, cur_label, text[c0:c1]))
    return out


# ---------------------------------------------------------------------------------------------------- tagger

class NerTagger:
    """The shipped CRF, opened once per process (``load``); ``tag`` is thread-safe (one lock around CRFsuite)."""

    _instance: "NerTagger | None" = None
    _guard = threading.Lock()

    def __init__(self, model_path: Path, meta: dict, cues: Cues) -> None:
        import pycrfsuite  # noqa: PLC0415 - the compiled library loads with the model

        self.meta = meta
        self.cues = cues
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self._lock = threading.Lock()

    @classmethod
    def load(cls) -> "NerTagger":
        """The shipped model (cached: loads once per process)."""
        if cls._instance is None:
            with cls._guard:
                if cls._instance is None:
                    models = resources.files("marsad.models")
                    meta = json.loads(models.joinpath(META_FILE).read_text(encoding="utf-8"))
                    # CRFsuite opens a file by path: the package ships as files (not a zip)
                    cls._instance = cls(Path(str(models.joinpath(MODEL_FILE))), meta, load_cues())
        return cls._instance

    def labels(self, sent: Sequence[Word], gaz: Sequence[str | None]) -> list[str]:
        """The B-/I-/O label of each word of one sentence."""
        feats = features(sent, gaz, self.cues)
        with self._lock:
            return self._tagger.tag(feats)

    def tag(self, text: str, words: Sequence[Word], mentions: Iterable | None = None,
            lang: str = "ar", only: frozenset[int] | set[int] | None = None,
            checkpoint: Callable[[], None] | None = None) -> list[NerSpan]:
        """Entity spans of a document, in text order. ``words``: ``segment(text, lang)[0]``; ``mentions``: the
        document's resolved gazetteer mentions (None: looked up with the default coder); ``only``: the indexes of
        the sentences to tag (None: all); ``checkpoint`` is called before each sentence is tagged (it may raise to
        stop: the pipeline's ``DocState.checkpoint``)."""
        if lang != "ar" or not words or (only is not None and not only):
            return []
        if mentions is None:
            mentions = default_mentions(text, lang)
        gaz = mention_kinds(words, mentions)
        out: list[NerSpan] = []
        i = 0
        for sent in sentences_of(words):
            if (only is None or sent[0].sentence in only) and any(w.kind == "word" for w in sent):
                if checkpoint is not None:
                    checkpoint()
                out += spans_from_labels(text, sent, self.labels(sent, gaz[i:i + len(sent)]))
            i += len(sent)
        return out


def default_mentions(text: str, lang: str) -> list:
    """The resolved gazetteer mentions of a text, as the pipeline's mentions stage finds them."""
    from ..pipeline import Coder  # noqa: PLC0415 - only for callers outside a pipeline stage
    from ..text import normalize  # noqa: PLC0415
    from .mentions import resolve  # noqa: PLC0415

    res = Coder.default().res
    return resolve(res.gazetteer.find(normalize(text, lang)), text, res.lexicon.common_words, res.country_of_place,
                   res.country_of_org)


def tag_text(text: str, lang: str = "ar") -> list[NerSpan]:
    """Segment and tag a text in one call (a convenience; a pipeline stage calls ``NerTagger.tag``)."""
    if lang != "ar" or not text:
        return []
    words, _ = segment(text, lang)
    return NerTagger.load().tag(text, words, lang=lang)
