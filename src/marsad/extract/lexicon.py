"""Compiled indexes over the rule files (triggers, modality cues, units, anaphora), built once per process.

A multi-word form is indexed by its first normalized token and matched word by word against the analyses of the
following words (see ``words.analyses``): forms list their own inflections, the engine only strips clitics and an
optional article on later words ("فرض عقوبات" matches "وفرض العقوبات"). Imports: marsad.text, marsad.kb.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Sequence

from ..errors import KBError
from ..kb.lexicon_files import SCOPE_REASONS
from ..kb.rules import load_rules
from ..text import normalize_key
from ..text._memo import Generations

DATA_DIR = Path(__file__).resolve().parent.parent / "kb" / "data"


@dataclass(frozen=True, slots=True)
class Pattern:
    rest: tuple[tuple[str, ...], ...]  # for each following word: the acceptable normalized bases
    item: object  # the Trigger / ModalityCue / Unit / Anaphor it stands for
    length: int  # number of words


def _alts(tok: str, verbs: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A lexicon word and, when it opens with the article, the word without it ("النار" also matches "نار"); a
    verb's ال is its own letters ("التقى" is no ال + "تقي", a name)."""
    if tok.startswith("ال") and len(tok) > 3 and tok not in verbs:
        return (tok, tok[2:])
    return (tok,)


def _index(items, forms_of) -> dict[str, list[Pattern]]:
    index: dict[str, list[Pattern]] = {}
    verbs = frozenset(normalize_key(f) for item in items if getattr(item, "pos", None) == "verb"
                      for f in forms_of(item) if " " not in f)
    for item in items:
        for form in forms_of(item):
            toks = normalize_key(form).split()
            if not toks:
                continue
            pat = Pattern(tuple(_alts(t, verbs) for t in toks[1:]), item, len(toks))
            for first in _alts(toks[0], verbs):
                index.setdefault(first, []).append(pat)
    for pats in index.values():
        pats.sort(key=lambda p: -p.length)
    return index


@dataclass(frozen=True, slots=True)
class Anaphor:
    id: str
    lang: str
    forms: tuple[str, ...]
    refers: str  # "pair" (the two countries) | "country" (the country) | "sides" (the parties)


@dataclass(frozen=True, slots=True)
class _Starts:
    """The (Pattern, prefix) pairs whose first word fits one word form, longest first, with the multi-word ones
    indexed by the forms their second word accepts: a word then only checks the patterns its successor continues.
    The pairs are kept as two columns (``pats``, ``prefixes``; ``pairs`` gives them as pairs): a memo of these lives
    as long as the process, and a pair per pattern was one more object for the cyclic collector to walk at every
    collection of its generation and at exit (~10 per word form that starts a pattern, a quarter of what the memos
    hold after 100 real articles)."""

    pats: tuple[Pattern, ...]
    prefixes: tuple[str, ...]  # the prefix of each of ``pats``
    one_word: tuple[int, ...]  # positions in ``pairs`` of the one-word patterns
    by_second: dict[str, tuple[int, ...]]  # a form of the second word -> positions in ``pairs`` of longer patterns
    second_forms: frozenset[str]  # the keys of ``by_second``
    one_word_found: tuple[tuple[Pattern, str, int], ...]  # the matches of the one-word patterns, as ``matches`` gives
    _picks: dict[frozenset[str], tuple[int, ...]]  # memo of ``with_next``, keyed by the next word's forms

    @classmethod
    def of(cls, pairs: tuple[tuple[Pattern, str], ...], shapes: dict | None = None) -> "_Starts":
        """The starts of ``pairs``. ``one_word``, ``by_second``, ``second_forms`` and the ``with_next`` memo depend
        only on the patterns' second words (their shape), not on the prefixes: with a ``shapes`` table (one per
        Lexicon) the word forms whose patterns have the same shape share those objects ("قال", "وقال", "فقالت"...)."""
        key = tuple(pat.rest[0] if pat.rest else None for pat, _prefix in pairs)
        shape = shapes.get(key) if shapes is not None else None
        if shape is None:
            by_second: dict[str, list[int]] = {}
            for at, (pat, _prefix) in enumerate(pairs):
                for alt in pat.rest[0] if pat.rest else ():
                    by_second.setdefault(alt, []).append(at)
            shape = (tuple(at for at, (pat, _prefix) in enumerate(pairs) if not pat.rest),
                     {alt: tuple(ats) for alt, ats in by_second.items()}, frozenset(by_second), {})
            if shapes is not None:
                if len(shapes) >= SHAPES_MAX:  # bounded: starts over when full (the starts made keep theirs)
                    shapes.clear()
                shapes[key] = shape
        one_word, by_second, second_forms, picks = shape
        found = tuple((pairs[at][0], pairs[at][1], 1) for at in one_word)
        return cls(tuple([pat for pat, _prefix in pairs]), tuple([prefix for _pat, prefix in pairs]), one_word,
                   by_second, second_forms, found, picks)

    @property
    def pairs(self) -> tuple[tuple[Pattern, str], ...]:
        """The (Pattern, prefix) pairs, longest first."""
        return tuple(zip(self.pats, self.prefixes))

    def with_next(self, next_forms: frozenset[str]) -> tuple[int, ...]:
        """Positions in ``pairs``, in order, of the patterns that may start here given the next word's forms
        (memoized per forms: a word's ``forms`` is one shared set per normalized form, its hash computed once)."""
        if next_forms.isdisjoint(self.second_forms):
            return self.one_word
        got = self._picks.get(next_forms)
        if got is None:
            more = [at for form in next_forms for at in self.by_second.get(form, ())]
            got = tuple(sorted(set(self.one_word).union(more))) if more else self.one_word
            if len(self._picks) > 1024:  # bounded: starts over when full
                self._picks.clear()
            self._picks[next_forms] = got
        return got


SHAPES_MAX = 20_000  # distinct pattern shapes a Lexicon shares among its starts (see _Starts.of)
_NO_STARTS = _Starts.of(())  # shared by every form that starts no pattern of an index
FIRST_MEMO_MAX = 250_000  # word forms per generation of ``Lexicon._first``'s memo, per index
HEAD_MEMO_MAX = 100_000  # word forms per generation of ``Lexicon.head_positions``'s memo, per set of indexes


class Lexicon:
    """Everything the engine looks words up in, per language."""

    def __init__(self) -> None:
        rules = load_rules()
        self.rules = rules
        self._memo: dict[int, tuple] = {}  # id(index) -> (word form -> _Starts memo, its bound get) (see _first)
        self.cameo = rules.cameo
        self.triggers = {lang: _index(ts, lambda t: t.forms) for lang, ts in rules.triggers.items()}
        self.cues = {lang: _index(cs, lambda c: [c.cue]) for lang, cs in rules.modality.items()}
        self.units = {lang: _index(us, lambda u: u.forms) for lang, us in rules.units.items()}
        anaphora: dict[str, list[Anaphor]] = {}
        with open(DATA_DIR / "anaphora.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    anaphora.setdefault(rec["lang"], []).append(
                        Anaphor(rec["id"], rec["lang"], tuple(rec["forms"]), rec["refers"]))
        self.anaphora = {lang: _index(items, lambda a: a.forms) for lang, items in anaphora.items()}
        # sentences about sport (or other non-political contexts) where some event types are not political events
        # lang -> [(words, types dropped, words that keep them: "unless")]
        self.contexts: dict[str, list[tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}
        self.context_words: dict[str, tuple[str, frozenset[str]]] = {}  # context id -> (lang, words)
        with open(DATA_DIR / "contexts.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    words = frozenset(normalize_key(w) for w in rec["words"])
                    unless = frozenset(normalize_key(w) for w in rec.get("unless", ()))
                    self.contexts.setdefault(rec["lang"], []).append((words, frozenset(rec["drop_types"]), unless))
                    self.context_words[rec["id"]] = (
                        rec["lang"], words | frozenset(normalize_key(w) for w in rec.get("document_words", ())))
        self.scope = load_scope(DATA_DIR / "scope.jsonl")  # words that mark background, charges, kinds of event
        common: set[str] = set()
        with open(DATA_DIR / "common_words.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    common.update(normalize_key(w) for w in json.loads(line)["words"])
        self.common_words = frozenset(common)  # names equal to these need context (see extract.mentions)
        self._heads = {id(index): frozenset(index) for table in (self.triggers, self.cues, self.units, self.anaphora)
                       for index in table.values()}
        self._head_memo: dict[tuple[int, ...], Generations] = {}  # see head_positions
        self._head_unions: dict[tuple[int, ...], frozenset[str]] = {}  # every head of the indexes of a memo above
        self._which: dict[tuple[int, ...], tuple[int, ...]] = {}  # head_positions' answers, one object each (few)
        self._shapes: dict[tuple, tuple] = {}  # the patterns' second words -> shared parts of _Starts (_Starts.of)
        self._pattern_ids: dict[int, frozenset[int]] = {}  # id of an index's list -> ids of its patterns (see holds)

    def holds(self, patterns: list[Pattern], pat: Pattern) -> bool:
        """Is ``pat`` one of ``patterns``, a list of one of this lexicon's indexes? By identity, through a set of ids
        made once per list (the lists live as long as the lexicon; at most one entry per index key): a dataclass's
        ``==`` compares every field, and a common verb heads hundreds of patterns."""
        if not patterns:
            return False
        ids = self._pattern_ids.get(id(patterns))
        if ids is None:
            ids = self._pattern_ids[id(patterns)] = frozenset(map(id, patterns))
        return id(pat) in ids

    def heads(self, index: dict[str, list[Pattern]]) -> frozenset[str]:
        """The first words of ``index``'s patterns: a word none of whose ``forms`` is one of them starts no match
        (a cheap test before ``matches``)."""
        got = self._heads.get(id(index))
        return got if got is not None else frozenset(index)

    def head_positions(self, words, indexes: tuple) -> tuple[list[int], ...]:
        """For each index of ``indexes``, the positions of the words one of whose forms is one of its ``heads`` —
        one pass over the words for all of them. Which heads a word meets is memoized per ``forms`` set (one shared
        frozenset per normalized form, its hash computed once); the memo is bounded by generations (``text._memo``)."""
        key = tuple(map(id, indexes))
        memo = self._head_memo.get(key)
        heads = [self.heads(index) for index in indexes]
        if memo is None:
            if len(self._head_memo) > 16:
                self._head_memo.clear()
                self._head_unions.clear()
            memo = self._head_memo[key] = Generations()
            self._head_unions[key] = frozenset().union(*heads)
        union = self._head_unions[key]
        out = tuple([] for _ in indexes)
        memo_get = memo.get  # bound once (text._memo: a dict subclass's method called per word is slower)
        for k, w in enumerate(words):
            forms = w.forms
            which = memo_get(forms)
            if which is None:  # a form not seen in this generation (~150 an article while the memo fills)
                which = memo.recall(forms, HEAD_MEMO_MAX) if memo.old else None
                if which is None:
                    if forms.isdisjoint(union):  # most words start nothing: one test against every head at once
                        which = ()
                    else:
                        found = []
                        for n, h in enumerate(heads):
                            if not forms.isdisjoint(h):
                                found.append(n)
                        which = tuple(found)
                    which = self._which.setdefault(which, which)  # one tuple each
                    if len(memo) >= HEAD_MEMO_MAX:  # ``memo.put`` written out
                        memo.rotate()
                    memo[forms] = which
            if which:  # most words start nothing: no loop over an empty tuple
                for n in which:
                    out[n].append(k)
        return out

    def match(self, index: dict[str, list[Pattern]], words, i: int, stop: int | None = None):
        """The longest pattern of ``index`` starting at word ``i``: (Pattern, prefix, n_words) or None."""
        found = self.matches(index, words, i, stop)
        return found[0] if found else None

    def matches(self, index: dict[str, list[Pattern]], words, i: int, stop: int | None = None) -> Sequence:
        """Every pattern of ``index`` starting at word ``i``, longest first: [(Pattern, prefix, n_words)]
        (read only: the one-word matches of a form are one shared tuple)."""
        w = words[i]
        got = self._memo.get(id(index))
        cands = got[1](w.norm) if got is not None else None  # the memo's bound get (see _first)
        if cands is None:
            cands = self._first(index, w)
        if not cands.pats:
            return ()
        stop = len(words) if stop is None else stop
        if not cands.by_second or i + 1 >= stop:
            return cands.one_word_found if i < stop else ()
        picks = cands.with_next(words[i + 1].forms)
        if picks is cands.one_word:
            return cands.one_word_found
        out = []
        pats, prefixes = cands.pats, cands.prefixes
        for at in picks:
            pat, prefix = pats[at], prefixes[at]
            if i + pat.length > stop:
                continue
            for k in range(2, pat.length):  # the second word is known to fit
                if words[i + k].forms.isdisjoint(pat.rest[k - 1]):  # neither the word nor any of its bases fits
                    break
            else:
                out.append((pat, prefix, pat.length))
        return out

    def _first(self, index: dict[str, list[Pattern]], w) -> "_Starts":
        """The patterns whose first word fits ``w`` — memoized per index and word form."""
        got = self._memo.get(id(index))
        if got is None:
            memo = Generations()
            got = self._memo[id(index)] = (memo, memo.get)  # the bound get: see text._memo on speed
        memo, memo_get = got
        key = w.norm
        hit = memo_get(key)
        if hit is None:
            hit = memo.recall(key, FIRST_MEMO_MAX)
            if hit is None:
                out = []
                for prefix, base, _suffix in w.bases:
                    for pat in index.get(base, ()):
                        out.append((pat, prefix))
                hit = memo.put(key, _Starts.of(tuple(sorted(out, key=lambda pp: -pp[0].length)), self._shapes)
                               if out else _NO_STARTS, FIRST_MEMO_MAX)
        return hit


def load_scope(path: Path) -> dict[str, dict[str, frozenset[str]]]:
    """scope.jsonl: {lang: {reason: normalized words}}; every record is checked (one KBError per problem)."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = {"file": path.name, "line": no}
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KBError(f"bad JSON: {exc.msg}", **where) from None
            rid, lang, reason, words = rec.get("id"), rec.get("lang"), rec.get("reason"), rec.get("words")
            if not isinstance(rid, str) or not rid or rid in seen:
                raise KBError(f"id {rid!r} is missing or repeated", **where)
            seen.add(rid)
            if lang not in ("ar", "en"):
                raise KBError(f"lang {lang!r} is not ar|en", **where)
            if reason not in SCOPE_REASONS:
                raise KBError(f"reason {reason!r} is not one of {'|'.join(SCOPE_REASONS)}", **where)
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise KBError("words must be a non-empty list of non-empty strings", **where)
            by_reason = out.setdefault(lang, {})
            by_reason[reason] = by_reason.get(reason, frozenset()) | {normalize_key(w) for w in words}
    return out


@lru_cache(maxsize=None)
def head_words(trigger) -> tuple[str, ...]:
    """The normalized first word of each of a trigger's forms, in order (for a verb phrase, its verb)."""
    return tuple(map(form_head, trigger.forms))


@lru_cache(maxsize=None)
def form_head(form: str) -> str:
    """The normalized first word of one trigger form (of a verb phrase's first form: its bare past, "تعرض")."""
    return normalize_key(form.split(" ", 1)[0])


@cache
def get_lexicon() -> Lexicon:
    return Lexicon()
