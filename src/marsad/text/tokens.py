"""Tokens with clitic segmentation, every token tied to offsets of the original text.

Job: cut a text into word / number / punctuation / symbol tokens; split Arabic proclitics (و ف ب ك ل س ال لل and
their combinations) and common enclitic pronouns (ها هم هما هن) into sub-tokens; split English possessives
("Japan's" -> "Japan" + "'s"); keep hyphenated words, dotted abbreviations ("U.S.") and numbers ("54,000", "2.5")
whole. May import: stdlib and ``marsad.text`` modules.

Contract: tokens are ordered, never overlap, and ``text[t.start:t.end] == t.text``; ``t.norm == normalize_key(
t.text)``. Combining marks written on a letter stay with the token of that letter; invisible controls at the
edges of a word are left out of every token. A clitic boundary is only used where it falls between two original
characters (never inside a ligature such as U+FEFB).

Segmentation is deliberately conservative (a wrong split breaks names and triggers, a missed one only costs a
lookup): a proclitic is split off only when the rest has at least 3 letters, when the word is not protected, when
the word from the proclitic letter on does not start with a known stem that begins with that letter (وزير،
بريطانيا، لبنان… see ``_ar_lexicon``), and the article ال only when it is written with a bare alef (أ/إ/آ start
a stem: إلغاء، آلية). Enclitics are split off only for ها هم هما هن with a stem of at least 3 letters.
``proclitic_splits`` / ``enclitic_splits`` list *every* plausible split for callers that look words up.
"""
from __future__ import annotations

import gc
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from operator import itemgetter
from collections import namedtuple
from sys import intern

from ._chunks import SPACE_SAFE, chunks_and_starts
from ._memo import Generations
from ._record import FrozenRecord
from ._trie import trie_pattern
from ._ar_lexicon import ARTICLE_EXCEPTIONS, NO_ENCLITIC_ENDINGS, NO_SPLIT_STEMS
from .normalize import _TABLE as _NORM_TABLE
from .normalize import _IRREGULAR_RUN, _IRREGULAR_SET, MARK_CHARS, IdentityOffsets, NormalizedText, normalize, normalize_key
from .normalize import _normalize_cached, irregular_runs

__all__ = ["Token", "Tokens", "tokenize", "proclitic_splits", "enclitic_splits", "PROCLITICS", "ENCLITICS",
           "DEFAULT_ENCLITICS"]


_TokenFields = namedtuple("Token", ("start", "end", "text", "norm", "kind", "word", "part"))


class Token(FrozenRecord, _TokenFields):
    """One token or sub-token. ``start``/``end`` index the ORIGINAL text and ``original[start:end] == text``.

    ``kind`` is "word" | "number" | "punct" | "symbol"; ``word`` numbers the whitespace/punctuation-delimited
    word the token belongs to (sub-tokens of one word share it); ``part`` is "word" (not split) | "proclitic" |
    "stem" | "enclitic".

    Immutable. Stored as a tuple (creating one costs half of a slotted object: a text makes tens of thousands of
    tokens) but it behaves like the frozen record it is (``_record.FrozenRecord``): equal only to another Token
    with the same fields, hash of the fields, no ordering, assignment raises ``dataclasses.FrozenInstanceError``.
    (One difference kept from before ``FrozenRecord``: a plain tuple of the same fields compares equal.)
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return tuple.__eq__(self, other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return tuple.__ne__(self, other)
        return NotImplemented

    __hash__ = tuple.__hash__


class Tokens(Sequence[Token]):
    """The tokens of one text, in order: what ``tokenize`` returns. A read-only sequence of ``Token``.

    It behaves like the list of tokens it stands for: ``len``, indexing (a slice gives a plain list), iteration,
    ``in``, ``reversed``, ``bool``, ``repr`` (the list's) and equality with another ``Tokens`` or with a list of
    the same tokens.

    Design (the way spaCy's ``Doc`` holds its tokens as rows of a C array pointing at shared lexemes instead of
    Python objects): a text of 0.6 MB of news makes ~86,000 tokens, and making one Python object per token costs
    more than finding the tokens. On the fast path (``_tokenize_identity``) the tokens are stored by
    whitespace-delimited chunk, in two columns: the chunk's start offset in the text and the chunk's *template*,
    the cached and fully worked-out tokens of that chunk (cuts, clitic analysis, text, norm, kind, part, offsets
    relative to the chunk), shared by every occurrence of the chunk. ``tokenize`` cuts the text, looks up (or works
    out) the template of every chunk and counts the tokens; all the tokenizing is done there. The ``Token`` tuples
    (chunk start + relative offsets, word number) are made only when the tokens are first read, all at once, and
    kept; ``column(field)`` gives one field of every token without making them, ``chunk_rows()`` every field. A
    text off the fast path (a view that deletes or expands characters) is tokenized into a list of ``Token``
    directly and wrapped.
    """

    __slots__ = ("_starts", "_tpls", "_n", "_list")

    def __init__(self, starts: list[int] | None, tpls: list[tuple] | None, n: int,  # type: ignore[type-arg]
                 tokens: list[Token] | None = None) -> None:
        self._starts = starts  # chunk start offsets (shared with ``_chunks``: read only)
        self._tpls = tpls      # per chunk: (words, tokens, ((start, end, text, norm, kind, word, part), ...))
        self._n = n
        self._list = tokens

    @classmethod
    def _of_list(cls, tokens: list[Token]) -> Tokens:
        return cls(None, None, len(tokens), tokens)

    def _tokens(self) -> list[Token]:
        """The list of ``Token`` tuples, made on first use."""
        out = self._list
        if out is None:
            out = self._list = self._build()
        return out

    def _build(self) -> list[Token]:
        starts, tpls = self._starts, self._tpls
        assert starts is not None and tpls is not None
        words = accumulate(map(_FIRST, tpls), initial=0)
        new = tuple.__new__
        token = Token
        gc_was_enabled = gc.isenabled()
        gc.disable()  # many small objects: the cyclic GC would rescan them again and again
        try:
            return [new(token, (p + a, p + b, t, tn, kind, w + dw, part))
                    for p, w, tpl in zip(starts, words, tpls) for a, b, t, tn, kind, dw, part in tpl[2]]
        finally:
            if gc_was_enabled:
                gc.enable()

    def column(self, field: str) -> list:  # type: ignore[type-arg]
        """``[getattr(t, field) for t in self]`` without making the ``Token`` objects (e.g. ``"norm"``)."""
        k = Token._fields.index(field)
        if self._list is not None:
            return list(map(itemgetter(k), self._list))
        starts, tpls = self._starts, self._tpls
        assert starts is not None and tpls is not None
        if k <= 1:  # start / end: relative to the chunk
            return [p + row[k] for p, tpl in zip(starts, tpls) for row in tpl[2]]
        if k == 5:  # word: relative to the chunk's first word
            words = accumulate(map(_FIRST, tpls), initial=0)
            return [w + row[5] for w, tpl in zip(words, tpls) for row in tpl[2]]
        return [row[k] for tpl in tpls for row in tpl[2]]

    def chunk_rows(self) -> Iterator[tuple[int, Sequence[tuple]]]:  # type: ignore[type-arg]
        """The fields of every token without making the ``Token`` objects: ``(offset, rows)`` per run of tokens,
        in order, each row ``(start, end, text, norm, kind, word, part)`` with ``start``/``end`` relative to
        ``offset`` (and ``word`` relative to the run's first word). Rows are shared: read only."""
        if self._list is not None:
            return iter(((0, self._list),))
        assert self._starts is not None and self._tpls is not None
        return zip(self._starts, map(_THIRD, self._tpls))

    def __len__(self) -> int:
        return self._n

    def __bool__(self) -> bool:
        return self._n > 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def,override]
        return self._tokens()[i]  # a slice gives a list, as it did when tokenize returned one

    def __iter__(self) -> Iterator[Token]:
        return iter(self._tokens())

    def __reversed__(self) -> Iterator[Token]:
        return reversed(self._tokens())

    def __contains__(self, item: object) -> bool:
        return item in self._tokens()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self._tokens() == other._tokens()
        if isinstance(other, list):
            return self._tokens() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like the list it stands for

    def __add__(self, other: object) -> list[Token]:
        if isinstance(other, (list, Tokens)):
            return self._tokens() + list(other)
        return NotImplemented

    def __radd__(self, other: object) -> list[Token]:
        if isinstance(other, list):
            return other + self._tokens()
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._tokens())

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Tokens._of_list, (self._tokens(),))


# -- clitic inventories -------------------------------------------------------------------------------------

def _build_proclitics() -> tuple[str, ...]:
    out: set[str] = set()
    for conj in ("", "و", "ف"):
        for mid in ("", "ب", "ك", "ل", "س"):
            for art in ("", "ال"):
                if mid == "س" and art:
                    continue
                p = conj + ("لل" if mid == "ل" and art else mid + art)
                if p:
                    out.add(p)
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


#: every proclitic sequence, longest first: و ف ب ك ل س ال لل وال بال فال كال ولل فلل وب ول وس فب فس ...
PROCLITICS: tuple[str, ...] = _build_proclitics()
_PROCLITIC_SET = frozenset(PROCLITICS)
_PROCLITIC_FIRST = frozenset(p[0] for p in PROCLITICS)
#: enclitic pronouns listed by ``enclitic_splits``
ENCLITICS: tuple[str, ...] = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه", "ي")
_ENCLITICS_SHORTEST_FIRST = tuple(sorted(ENCLITICS, key=len))  # the order of ``enclitic_splits``: longest stem first
#: enclitics that ``tokenize`` splits off by default (the others are too often part of the stem: ة→ه, nisba ي)
DEFAULT_ENCLITICS: tuple[str, ...] = ("هما", "هم", "هن", "ها")

_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0620, 0x064B)) | frozenset("پچژگکیٹڈںے")


def proclitic_splits(norm_word: str) -> list[tuple[str, str]]:
    """Every plausible ``(prefix, rest)`` split of a NORMALIZED Arabic word, longest rest first, ``("", word)``
    included; ``rest`` keeps at least 2 letters. ``"والولايات"`` -> ``[("", "والولايات"), ("و", "الولايات"),
    ("وال", "ولايات")]``."""
    return [("", norm_word), *((p, norm_word[len(p):]) for p in _proclitics_of(norm_word, 2))]


def _proclitics_of(word: str, min_rest: int) -> list[str]:
    """The proclitic sequences ``word`` begins with that leave at least ``min_rest`` letters, shortest first."""
    if word[:1] not in _PROCLITIC_FIRST:
        return []
    return [p for p in _PREFIXES_OF[word[:4]] if len(word) - len(p) >= min_rest]


class _PrefixesOf(dict):  # type: ignore[type-arg]
    """First four letters -> the proclitic sequences they begin with, shortest first (worked out once each)."""

    def __missing__(self, head: str) -> tuple[str, ...]:
        # interned: the prefixes of ``extract.words`` readings are these very strings (no intern per reading there)
        found = tuple(intern(head[:k]) for k in range(1, len(head) + 1) if head[:k] in _PROCLITIC_SET)
        if len(self) < 100_000:
            self[head] = found
        return found


_PREFIXES_OF = _PrefixesOf()


def enclitic_splits(norm_word: str) -> list[tuple[str, str]]:
    """Every plausible ``(stem, suffix)`` split of a NORMALIZED Arabic word for the enclitics ه ها هم هما هن كم
    كما نا ي, longest stem first, ``(word, "")`` included; the stem keeps at least 2 letters."""
    out = [(norm_word, "")]
    if not norm_word.endswith(ENCLITICS):  # the common case, told by one call
        return out
    for suf in _ENCLITICS_SHORTEST_FIRST:
        if norm_word.endswith(suf) and len(norm_word) - len(suf) >= 2:
            out.append((norm_word[: -len(suf)], suf))
    return out


def _split_pieces(prefix: str) -> list[str]:
    """Cut a proclitic sequence into its morphemes: "وبال" -> ["و", "ب", "ال"], "ولل" -> ["و", "لل"]."""
    pieces: list[str] = []
    i = 0
    while i < len(prefix):
        if prefix.startswith("ال", i) or prefix.startswith("لل", i):
            pieces.append(prefix[i:i + 2])
            i += 2
        else:
            pieces.append(prefix[i])
            i += 1
    return pieces


#: proclitic sequence -> its morphemes
_PIECES: dict[str, tuple[str, ...]] = {p: tuple(_split_pieces(p)) for p in PROCLITICS}


# ``s.startswith(NO_SPLIT_STEMS)`` as one match of a trie of the stems (a prefix test: any stem may end the match)
_STEM_PREFIX = re.compile(trie_pattern(NO_SPLIT_STEMS)).match


def _starts_with_stem(s: str) -> bool:
    """``s.startswith(NO_SPLIT_STEMS)``, one regex match instead of hundreds of comparisons."""
    return _STEM_PREFIX(s) is not None


def _blocked(word: str, prefix: str) -> bool:
    """True when the letters of ``prefix`` that would be cut off look like the start of a known stem."""
    if prefix.endswith("ال") or prefix.endswith("لل"):
        # the article: "ال" + rest; the word from the article on must not be an exception / known stem
        k = len(prefix) - 2
        tail = word[k:]
        if tail in ARTICLE_EXCEPTIONS or _starts_with_stem(tail):
            return True
        if prefix.endswith("لل") and _starts_with_stem("ل" + word[len(prefix):]):
            return True  # للبنان: ل + لبنان, not ل + ال + بنان
        return False
    if prefix.endswith("س") and word[len(prefix):len(prefix) + 1] not in ("ي", "ت", "ن", "ا"):
        return True  # the future prefix only comes before an imperfect verb
    return _starts_with_stem(word[len(prefix) - 1:])


def _segment(word: str, hamza_article: bool,
             protect: Callable[[str], bool] | None) -> tuple[tuple[str, ...], str, str]:
    """``(proclitic pieces, stem, enclitic)`` of a normalized Arabic word (conservative; see module doc).

    ``hamza_article`` is a callable-free hint: True when the original letter where an article's alef would be is a
    hamza-alef (أ إ آ), which means ال there is not the article.
    """
    if protect is not None and protect(word):
        return (), word, ""
    prefix = _choose_prefix(word, hamza_article, protect)
    stem = word[len(prefix):]
    suffix = ""
    if stem.endswith(DEFAULT_ENCLITICS) and not (protect is not None and protect(stem)) \
            and not word.endswith(NO_ENCLITIC_ENDINGS):
        for suf in DEFAULT_ENCLITICS:  # longest first (هما before ها/هم)
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                suffix = suf
                stem = stem[: -len(suf)]
                break
    return _PIECES[prefix] if prefix else (), stem, suffix


def _choose_prefix(word: str, hamza_article: bool, protect: Callable[[str], bool] | None) -> str:
    """The proclitic sequence ``_segment`` cuts off ``word`` ("" for none)."""
    cands = _proclitics_of(word, 2)
    if not cands:
        return ""
    if protect is not None:
        for p in cands:  # shortest prefix first: the longest protected rest
            rest = word[len(p):]
            if protect(rest) or (p.endswith("لل") and protect("ال" + rest)):
                return p
    n = len(word)
    for p in reversed(cands):  # longest prefix first
        if n - len(p) < 3 or _blocked(word, p):
            continue
        if hamza_article and p.endswith("ال"):
            continue
        if protect is not None and protect(p[-1] + word[len(p):]):
            continue  # the letter belongs to a protected name (بلينكن)
        return p
    return ""


# -- the token pattern (possessive quantifiers: no backtracking) ------------------------------------------

# stdlib re (possessive quantifiers; faster than regex here); \w plus the common combining marks (Arabic marks
# are already deleted from the view) = a word character
_W = (r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff"
      r"\u20d0-\u20ff\ufe20-\ufe2f]")
_TOKEN_RE = re.compile(
    rf"""(?P<abbr>(?<![\w.])(?:[a-z]\.){{2,}}+(?!\w))
      |(?P<num>\d++(?:[.,]\d++)*+(?!{_W}))
      |(?P<word>{_W}++(?:['-]{_W}++)*+)
      |(?P<other>\S)""",
    re.VERBOSE,
)
_TOKEN_FINDALL = re.compile(r"(\s*+)(?:" + _TOKEN_RE.pattern.replace("(?P<abbr>", "(").replace("(?P<num>", "(")
                            .replace("(?P<word>", "(").replace("(?P<other>", "(") + ")", re.VERBOSE).findall
_HAMZA_ALEF = frozenset("أإآ")


_Plan = tuple[tuple[int, int, str], ...] | None


class _HamzaDependent:
    """The plan of a word that cuts an article ال, which is no article when the original writes its alef as a
    hamza-alef (إلغاء): ``pick(original letter at k)`` gives the plan; the hamza variant is worked out on first
    use (most texts never need it)."""

    __slots__ = ("word", "k", "bare", "hamza", "protect")

    def __init__(self, word: str, k: int, bare: _Plan, protect: Callable[[str], bool] | None) -> None:
        self.word, self.k, self.bare, self.hamza, self.protect = word, k, bare, _MISSING, protect

    def pick(self, letter: str) -> _Plan:
        if letter not in _HAMZA_ALEF:
            return self.bare
        hamza = self.hamza
        if hamza is _MISSING:
            hamza = self.hamza = _plan(*_segment(self.word, True, self.protect))
        return hamza  # type: ignore[return-value]


class _Plans(Generations):
    """normalized word -> its plan (``_word_plan``), worked out on first lookup: ``plans[w]`` (bounded by
    generations, ``_memo``)."""

    def __init__(self, protect: Callable[[str], bool] | None) -> None:
        super().__init__()
        self.protect = protect

    def __missing__(self, w: str) -> _Plan | _HamzaDependent:
        plan = self.recall(w, _DEFAULT_PLANS_MAX, _NO_PLAN)
        if plan is _NO_PLAN:
            protect = self.protect
            plan = self.put(w, _default_plan(w) if protect is None else _word_plan(w, protect), _DEFAULT_PLANS_MAX)
        return plan


_NO_PLAN = object()  # not remembered (None is a plan: keep the word whole)


def _default_plan(w: str) -> _Plan | _HamzaDependent:
    """``_word_plan(w, None)`` with ``_segment`` / ``_choose_prefix`` / ``_plan`` written out for the case without
    protected words (every distinct word of a text meets this once: the cold path of ``split_clitics``); the cuts
    of a (proclitic sequence, stem length, enclitic) are made once each (``_CUTS``)."""
    c0 = w[0]
    if c0 not in _ARABIC_LETTERS:
        return _word_plan(w, None)
    n = len(w)
    if n < 4:
        return None
    prefix = ""
    if c0 in _PROCLITIC_FIRST:
        for p in reversed(_PREFIXES_OF[w[:4]]):  # longest prefix first; the rest keeps at least 3 letters
            if n - len(p) >= 3 and not _blocked(w, p):
                prefix = p
                break
    elif not w.endswith(DEFAULT_ENCLITICS):
        return None  # no proclitic begins with this letter and no enclitic ends the word: nothing to split
    suffix = ""
    if w.endswith(DEFAULT_ENCLITICS) and not w.endswith(NO_ENCLITIC_ENDINGS):
        rest = n - len(prefix)  # the stem ends where the word does: it has the word's ending
        for suf in DEFAULT_ENCLITICS:  # longest first (هما before ها/هم)
            if w.endswith(suf) and rest - len(suf) >= 3:
                suffix = suf
                break
    if not prefix and not suffix:
        return None
    key = (prefix, n - len(prefix) - len(suffix), suffix)
    bare = _CUTS.get(key)
    if bare is None:
        if len(_CUTS) > 10_000:
            _CUTS.clear()
        bare = _CUTS[key] = _plan(_PIECES[prefix] if prefix else (), "x" * key[1], suffix)
    if not prefix.endswith("ال"):
        return bare  # the hamza hint only drops article prefixes: without one the plan is the same
    k = w.find("ال", 0, 5)
    if k < 0:
        return bare
    return _HamzaDependent(w, k, bare, None)


_CUTS: dict[tuple[str, int, str], tuple[tuple[int, int, str], ...]] = {}  # (prefix, stem length, suffix) -> cuts


_DEFAULT_PLANS = _Plans(None)
_DEFAULT_PLANS_MAX = 100_000  # split plans per generation (_memo: at most twice that)


def _word_plan(w: str, protect: Callable[[str], bool] | None) -> _Plan | _HamzaDependent:
    """How to cut the normalized word ``w`` (None: keep whole)."""
    c0 = w[0]
    if c0 in _ARABIC_LETTERS:
        if len(w) < 4:
            return None
        if c0 not in _PROCLITIC_FIRST and not w.endswith(DEFAULT_ENCLITICS):
            return None  # no proclitic begins with this letter and no enclitic ends the word: nothing to split
        seg = _segment(w, False, protect)
        bare = _plan(*seg)
        k = w.find("ال", 0, 5)
        if k < 0 or not (seg[0] and seg[0][-1] == "ال"):
            return bare  # the hamza hint only drops article prefixes: without one the plan is the same
        return _HamzaDependent(w, k, bare, protect)
    if w[-2:] == "'s" and len(w) > 2 and c0.isascii():
        n = len(w)
        return ((0, n - 2, "stem"), (n - 2, n, "enclitic"))
    return None


def tokenize(text: str, lang: str = "ar", split_clitics: bool = True,
             protect: Callable[[str], bool] | Iterable[str] | None = None,
             normalized: NormalizedText | None = None) -> Tokens:
    """Tokens of ``text`` (see the module docstring for the contract), as a ``Tokens`` sequence (it reads like
    the list of ``Token`` it stands for; see ``Tokens`` for how they are stored).

    ``protect``: normalized words never split (a callable ``word -> bool`` or a set of normalized words, e.g. the
    KB's name words); a split whose rest is protected is preferred ("والولايات" with "الولايات" protected gives
    و + الولايات). ``normalized`` lets a caller reuse ``normalize(text)``. ``lang`` does not change the rules:
    Arabic words get clitic rules, Latin words get possessive splitting, whatever the document language.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() needs a str, not {type(text).__name__}")
    nt = normalized if normalized is not None else normalize(text, lang)
    if protect is not None and not callable(protect):
        protect_fn: Callable[[str], bool] | None = frozenset(protect).__contains__
    else:
        protect_fn = protect  # type: ignore[assignment]
    gc_was_enabled = gc.isenabled()
    gc.disable()  # creating many small objects: the cyclic GC would rescan them again and again (2x slower)
    try:
        if SPACE_SAFE and (isinstance(nt.offsets, IdentityOffsets) or nt.original == text):
            return _tokenize_identity(text, split_clitics, protect_fn,
                                      () if isinstance(nt.offsets, IdentityOffsets) else irregular_runs(text))
        return Tokens._of_list(_tokenize(text, nt, split_clitics, protect_fn))
    finally:
        if gc_was_enabled:
            gc.enable()


# -- the fast path: a view with the same length as the original (nothing deleted, expanded or collapsed) -----
#
# Tokens never cross whitespace and the token pattern only looks at whitespace or the text's ends around a
# whitespace-delimited chunk, so the tokens of a chunk depend on the chunk alone: they are worked out once per
# distinct chunk (with the general code below) and kept as a template of relative offsets. Every chunk is then one
# dict lookup. Keyed by the ORIGINAL chunk (which also fixes its view and any hamza-alef article decision).
#
# A view that deleted or expanded characters (harakat, tatweel, bidi marks, ligatures: most real articles have
# some) keeps the original's whitespace too (``SPACE_SAFE``), and what ``_tokenize`` makes of a chunk's span depends
# on the chunk alone (its view and offsets, the marks after its last letter, never what follows a space; an
# expansion such as "ﷺ" stays inside its chunk), so such a text is cut into the same chunks: a chunk holding a
# character its view deletes or expands (``_IRREGULAR_RUN``) has a template worked out by ``_tokenize`` over the
# chunk and its own view (``_marked_template``), every other chunk the identity template.

_CHUNK_CACHE_MAX = 25_000  # templates per generation (_memo: at most twice that)
# punctuation that ends a word's chunk ("المدينة،"): none is a word character (\w, "_", a combining mark), "'" or "-"
_TRAILING_PUNCT = frozenset("،.؛:!?؟,;\")»”’")
_CHUNK_KEY_MAX = 40  # longer chunks are tokenized but not remembered
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_THIRD = itemgetter(2)


def _chunk_template(chunk: str, plans: _Plans | None) -> tuple[int, int, tuple[tuple, ...]]:  # type: ignore[type-arg]
    """``(words, tokens, ((start, end, text, norm, kind, word, part), ...))`` of a chunk, relative to the chunk: what
    ``_tokenize`` makes of it on an identity view (where the chunk's view is its own translation). ``plans`` is
    None when clitics are not split."""
    norm = chunk.translate(_NORM_TABLE)
    if norm.isalpha():  # the commonest chunk: one word (letters are word characters, never digits or dots)
        norm = chunk if norm == chunk else intern(norm)  # one string for the memos' keys (extract.words interns too)
        plan: _Plan | _HamzaDependent = None
        if plans is not None:
            plan = plans[norm]
            if type(plan) is _HamzaDependent:
                plan = plan.pick(chunk[plan.k])
        if plan is None:
            return 1, 1, ((0, len(norm), chunk, norm, "word", 0, "word"),)
        return 1, len(plan), tuple((a, b, chunk[a:b], norm[a:b], "word", 0, part)  # type: ignore[union-attr]
                                   for a, b, part in plan)  # type: ignore[union-attr]
    if plans is None and norm[-1:] in _TRAILING_PUNCT and norm[:-1].isalpha():
        # the next commonest chunk, a word and the punctuation after it ("المدينة،", "العالم."): what the token
        # pattern below gives (a word of letters, then the mark as ``other``; no abbreviation or number can start in
        # letters), without running it (~4x the cost of this; tests/text/test_text_chunks.py holds them equal)
        k = len(norm) - 1
        w, t = norm[:k], chunk[:k]
        c, tc = norm[k], chunk[k:k + 1]
        return 2, 2, ((0, k, t, t if t == w else w, "word", 0, "word"),
                      (k, k + 1, tc, tc if tc == c else c, _OTHER_KIND.get(c) or _other_kind(c), 1, "word"))
    pieces: list[tuple] = []  # type: ignore[type-arg]
    append = pieces.append
    other_kind = _OTHER_KIND
    widx = -1
    pos = 0
    for _ws, abbr, num, w, other in _TOKEN_FINDALL(norm):  # no whitespace in a chunk
        widx += 1
        ns = pos
        plan = None
        if w:
            kind = "word"
            if plans is not None:
                plan = plans[w]
                if type(plan) is _HamzaDependent:
                    plan = plan.pick(chunk[ns + plan.k])
        elif num:
            w = num
            kind = "number"
        elif abbr:
            w = abbr
            kind = "word"
        else:
            w = other
            kind = other_kind.get(w) or _other_kind(w)
        ne = pos = ns + len(w)
        if plan is None:
            t = chunk[ns:ne]
            append((ns, ne, t, t if t == w else w, kind, widx, "word"))  # a norm equal to its text: one string
        else:
            for a, b, part in plan:  # type: ignore[union-attr]
                append((ns + a, ns + b, chunk[ns + a:ns + b], w[a:b], "word", widx, part))
    return widx + 1, len(pieces), tuple(pieces)


def _marked_template(chunk: str, plans: _Plans | None) -> tuple[int, int, tuple[tuple, ...]]:  # type: ignore[type-arg]
    """The template of a chunk whose view deletes or expands characters: ``_tokenize`` over the chunk and its own
    view (the token tuples are the rows)."""
    nt = _normalize_cached.__wrapped__(chunk)  # not through the cache: it keeps the views of whole texts
    norm = nt.norm
    words = len(_TOKEN_FINDALL(norm, 0, len(norm.rstrip())))  # every match counts a word, kept or not
    rows = tuple(_tokenize(chunk, nt, plans is not None, None, plans))
    return words, len(rows), rows


def _marked_word_template(chunk: str) -> tuple[int, int, tuple[tuple, ...]] | None:  # type: ignore[type-arg]
    """The template of the commonest marked chunk, one word written with harakat or tanween ("قراراً", "المتخصّص"),
    when clitics are not split: ``_marked_template``'s (the word's span is the whole chunk, since the marks after its
    last letter belong to it), without normalizing the chunk as a text and running the token pattern over it (~40x
    the cost of this; tests/text/test_text_chunks.py holds them equal); None for any other chunk: a first character
    the view drops or changes in length, or any such character but a mark (an invisible control, a ligature)."""
    norm = chunk.translate(_NORM_TABLE)
    if norm.isalpha() and chunk[0] not in _IRREGULAR_SET and _IRREGULAR_SET.intersection(chunk) <= MARK_CHARS:
        return 1, 1, (tuple.__new__(Token, (0, len(chunk), chunk, norm, "word", 0, "word")),)
    return None


class _Templates(Generations):
    """chunk -> template; a missing chunk is worked out (and remembered when short), so that all the chunks of a
    text are looked up by one ``map(templates.__getitem__, chunks)`` (no Python step per known chunk)."""

    def __init__(self, plans: _Plans | None) -> None:
        super().__init__()
        self.plans = plans
        # while ``_tokenize_identity`` looks up the chunks of a text whose irregular characters it knows: the set of
        # its chunks that hold one (a set lookup per new chunk instead of a regex search, ~10x its cost); None when
        # unknown (then each new chunk is searched)
        self.marked: frozenset[str] | set[str] | None = None

    def __missing__(self, chunk: str) -> tuple[int, int, tuple[tuple, ...]]:  # type: ignore[type-arg]
        old = self.old
        if old:  # ``self.recall(chunk, _CHUNK_CACHE_MAX)`` written out (a template is never None)
            tpl = old.pop(chunk, None)
            if tpl is not None:  # from the previous generation, back into the current one
                if len(self) >= _CHUNK_CACHE_MAX:
                    self.rotate()
                self[chunk] = tpl
                return tpl
        if len(chunk) <= _CHUNK_KEY_MAX:
            chunk = intern(chunk)  # the key, its token text and (usually) its norm: one string, shared by the memos
        plans = self.plans
        marked = self.marked
        if (chunk in marked) if marked is not None else (_IRREGULAR_RUN.search(chunk) is not None):
            tpl = _marked_word_template(chunk) if plans is None else None
            if tpl is None:
                tpl = _marked_template(chunk, plans)
            if len(chunk) <= _CHUNK_KEY_MAX:
                self.put(chunk, tpl, _CHUNK_CACHE_MAX)
            return tpl
        base = _CHUNKS.get(False) if plans is not None else None
        tpl = base.get(chunk) if base is not None else None  # (get: no __missing__)
        if tpl is None:
            tpl = _chunk_template(chunk, plans)
        else:
            rows = tpl[2]
            if len(rows) == 1:  # the commonest chunk: one token, kept as it is unless it is a word a plan cuts
                row = rows[0]
                if row[4] == "word" and "." not in row[3] and plans[row[3]] is not None:  # type: ignore[index]
                    tpl = _with_clitics(chunk, tpl, plans)  # type: ignore[arg-type]
            else:
                tpl = _with_clitics(chunk, tpl, plans)  # type: ignore[arg-type]
        if len(chunk) <= _CHUNK_KEY_MAX:  # ``self.put(chunk, tpl, _CHUNK_CACHE_MAX)`` written out
            if len(self) >= _CHUNK_CACHE_MAX:
                self.rotate()
            self[chunk] = tpl
        return tpl


def _with_clitics(chunk: str, base: tuple[int, int, tuple[tuple, ...]],  # type: ignore[type-arg]
                  plans: _Plans) -> tuple[int, int, tuple[tuple, ...]]:  # type: ignore[type-arg]
    """``_chunk_template(chunk, plans)`` from the chunk's template without clitics (``base``, already cut by the
    token pattern, e.g. by the pipeline, which does not split clitics): the word tokens are cut by their plans;
    ``base`` itself when no plan cuts anything (the commonest case). A word token of ``base`` that plans apply to
    is one of the pattern's ``word`` group: kind "word" and no "." (an abbreviation, the other "word" kind, always
    has one)."""
    words, _n, rows = base
    pieces: list[tuple] = []  # type: ignore[type-arg]
    cut = False
    for row in rows:
        ns, _ne, t, tn, kind, widx, _part = row
        plan: _Plan | _HamzaDependent = None
        if kind == "word" and "." not in tn:
            plan = plans[tn]
            if type(plan) is _HamzaDependent:
                plan = plan.pick(chunk[ns + plan.k])
        if plan is None:
            pieces.append(row)
        else:
            cut = True
            pieces.extend((ns + a, ns + b, t[a:b], tn[a:b], "word", widx, part)
                          for a, b, part in plan)  # type: ignore[union-attr]
    if not cut:
        return base
    return words, len(pieces), tuple(pieces)


_CHUNKS: dict[bool, _Templates] = {}


def _plans(protect_fn: Callable[[str], bool] | None) -> _Plans:
    """The word plans for a protected set (a new table: a protected set changes the plans) or the shared ones."""
    if protect_fn is not None:
        return _Plans(protect_fn)
    return _DEFAULT_PLANS


def _templates(split_clitics: bool, protect_fn: Callable[[str], bool] | None) -> _Templates:
    if split_clitics and protect_fn is not None:
        return _Templates(_plans(protect_fn))  # nothing is shared
    cache = _CHUNKS.get(split_clitics)
    if cache is None:
        cache = _CHUNKS[split_clitics] = _Templates(_plans(None) if split_clitics else None)
    return cache


def _tokenize_identity(text: str, split_clitics: bool, protect_fn: Callable[[str], bool] | None,
                       runs: tuple[tuple[int, int], ...] | None = None) -> Tokens:
    """Cut the text into chunks, get every chunk's template (worked out on first sight) and count the tokens: the
    ``Token`` tuples are made when they are first read (see ``Tokens``). ``runs``: the spans of the text's runs of
    irregular characters when known (``normalize.irregular_runs``; () for none), which tell the chunks that hold
    one (``_marked_template``) without searching each new chunk."""
    chunks, starts = chunks_and_starts(text)
    templates = _templates(split_clitics, protect_fn)
    if runs is None:
        tpls = list(map(templates.__getitem__, chunks))
    else:
        templates.marked = _marked_chunk_set(chunks, starts, runs) if runs else _NO_CHUNKS
        try:
            tpls = list(map(templates.__getitem__, chunks))
        finally:
            templates.marked = None
    return Tokens(starts, tpls, sum(map(_SECOND, tpls)))


_NO_CHUNKS: frozenset[str] = frozenset()


def _marked_chunk_set(chunks: list[str], starts: list[int], runs: tuple[tuple[int, int], ...]) -> set[str]:
    """The chunks that hold a character of one of ``runs`` (spans of irregular characters; chunks hold no
    whitespace, so a run with a CR in it may touch two)."""
    out: set[str] = set()
    n = len(starts)
    for s, e in runs:
        j = bisect_right(starts, s) - 1
        if j < 0:
            j = 0
        while j < n and starts[j] < e:
            if starts[j] + len(chunks[j]) > s:
                out.add(chunks[j])
            j += 1
    return out


def _tokenize(text: str, nt: NormalizedText, split_clitics: bool,
              protect_fn: Callable[[str], bool] | None, plans: _Plans | None = None) -> list[Token]:
    if plans is None:
        plans = _plans(protect_fn)
    norm = nt.norm
    offs = nt.offsets
    identity = isinstance(offs, IdentityOffsets)
    out: list[Token] = []
    append = out.append
    new = tuple.__new__
    token = Token
    other_kind = _OTHER_KIND
    last_end = -1
    widx = -1
    pos = 0
    # findall builds the strings in C; positions follow from their lengths (only whitespace lies between)
    # stop before trailing whitespace: a whitespace run with no token after it would make findall retry the
    # pattern at each of its positions (quadratic on a text of a million newlines)
    for ws, abbr, num, w, other in _TOKEN_FINDALL(norm, 0, len(norm.rstrip())):
        widx += 1
        ns = pos + len(ws) if ws else pos
        plan: _Plan | _HamzaDependent = None
        if w:
            ne = pos = ns + len(w)
            kind = "word"
            if split_clitics:
                plan = plans[w]
                if type(plan) is _HamzaDependent:
                    k = ns + plan.k
                    plan = plan.pick(text[k if identity else offs[k]])
        elif num:
            w = num
            ne = pos = ns + len(w)
            kind = "number"
        elif abbr:
            w = abbr
            ne = pos = ns + len(w)
            kind = "word"
        else:
            w = other
            ne = pos = ns + 1
            kind = other_kind.get(w) or _other_kind(w)
        if plan is None:
            if identity:
                s, e, t = ns, ne, text[ns:ne]
            else:
                s = offs[ns]
                if s < last_end:
                    continue  # another piece of the expansion of one original char (ﷺ -> 4 words)
                last = offs[ne - 1]
                e = last + 1
                if e < offs[ne]:
                    e = nt.to_original(ns, ne)[1]
                t = text[s:e]
                if (ns and offs[ns - 1] == s) or offs[ne] == last:
                    w = normalize_key(t)  # the token starts/ends inside an expanded character
                last_end = e
            append(new(token, (s, e, t, w, kind, widx, "word")))
            continue
        assert not isinstance(plan, _HamzaDependent)
        if identity:
            for a, b, part in plan:
                s, e = ns + a, ns + b
                append(new(token, (s, e, text[s:e], w[a:b], "word", widx, part)))
            continue
        bad = offs[ns] < last_end
        if not bad:
            for a, _b, _p in plan[1:]:
                if offs[ns + a] == offs[ns + a - 1]:
                    bad = True
                    break
        if bad:
            # a cut falls inside one original character (a ligature): keep the word whole
            s, e = nt.to_original(ns, ne)
            if s < last_end:
                continue
            t = text[s:e]
            append(_make_token(s, e, t, normalize_key(t), "word", widx, "word"))
            last_end = e
            continue
        for a, b, part in plan:
            s = offs[ns + a]
            last = offs[ns + b - 1]
            e = last + 1
            nxt = offs[ns + b]
            if e < nxt:
                e = nt.to_original(ns + a, ns + b)[1]  # take the marks written on the piece's last letter
            t = text[s:e]
            append(new(token, (s, e, t, w[a:b] if nxt != last else normalize_key(t), "word", widx, part)))
            last_end = e
    return out


_MISSING = object()
_OTHER_KIND: dict[str, str] = {}


def _other_kind(ch: str) -> str:
    kind = "punct" if unicodedata.category(ch[0]).startswith("P") else "symbol"
    if len(_OTHER_KIND) < 10_000:
        _OTHER_KIND[ch] = kind
    return kind


def _plan(pieces: tuple[str, ...], stem: str, suffix: str) -> tuple[tuple[int, int, str], ...] | None:
    """Relative ``(start, end, part)`` cuts of a word split into proclitics, stem and enclitic (None: no split)."""
    if not pieces and not suffix:
        return None
    out: list[tuple[int, int, str]] = []
    pos = 0
    for p in pieces:
        out.append((pos, pos + len(p), "proclitic"))
        pos += len(p)
    out.append((pos, pos + len(stem), "stem"))
    pos += len(stem)
    if suffix:
        out.append((pos, pos + len(suffix), "enclitic"))
    return tuple(out)


def _make_token(start: int, end: int, text: str, norm: str, kind: str, word: int, part: str,
                _new=tuple.__new__) -> Token:  # type: ignore[no-untyped-def]
    """Fast constructor of a Token (no keyword handling)."""
    return _new(Token, (start, end, text, norm, kind, word, part))
