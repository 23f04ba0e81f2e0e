"""Tokens with clitic segmentation, every token tied to offsets of the original text.

Job: cut a text into word / number / punctuation / symbol tokens; split Arabic proclitics (و ف ب ك ل س ال لل and
their combinations) and common enclitic pronouns (ها هم هما هن) into sub-tokens; split English possessives
("Japan's" -> "Japan" + "'s"); keep hyphenated words, dotted abbreviations ("U.S.") and numbers ("54,000", "2.5")
whole. May import: stdlib, ``regex`` and ``marsad.text`` modules.

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

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ._ar_lexicon import ARTICLE_EXCEPTIONS, NO_ENCLITIC_ENDINGS, NO_SPLIT_STEMS
from .normalize import IdentityOffsets, NormalizedText, normalize, normalize_key

__all__ = ["Token", "tokenize", "proclitic_splits", "enclitic_splits", "PROCLITICS", "ENCLITICS",
           "DEFAULT_ENCLITICS"]


@dataclass(frozen=True, slots=True)
class Token:
    """One token or sub-token. ``start``/``end`` index the ORIGINAL text and ``original[start:end] == text``.

    ``kind`` is "word" | "number" | "punct" | "symbol"; ``word`` numbers the whitespace/punctuation-delimited
    word the token belongs to (sub-tokens of one word share it); ``part`` is "word" (not split) | "proclitic" |
    "stem" | "enclitic".
    """

    start: int
    end: int
    text: str
    norm: str
    kind: str
    word: int
    part: str


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
#: enclitic pronouns listed by ``enclitic_splits``
ENCLITICS: tuple[str, ...] = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه", "ي")
#: enclitics that ``tokenize`` splits off by default (the others are too often part of the stem: ة→ه, nisba ي)
DEFAULT_ENCLITICS: tuple[str, ...] = ("هما", "هم", "هن", "ها")

_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0620, 0x064B)) | frozenset("پچژگکیٹڈںے")


def proclitic_splits(norm_word: str) -> list[tuple[str, str]]:
    """Every plausible ``(prefix, rest)`` split of a NORMALIZED Arabic word, longest rest first, ``("", word)``
    included; ``rest`` keeps at least 2 letters. ``"والولايات"`` -> ``[("", "والولايات"), ("و", "الولايات"),
    ("وال", "ولايات")]``."""
    out = [("", norm_word)]
    for k in range(1, min(4, len(norm_word) - 2) + 1):
        p = norm_word[:k]
        if p in _PROCLITIC_SET:
            out.append((p, norm_word[k:]))
    return out


def enclitic_splits(norm_word: str) -> list[tuple[str, str]]:
    """Every plausible ``(stem, suffix)`` split of a NORMALIZED Arabic word for the enclitics ه ها هم هما هن كم
    كما نا ي, longest stem first, ``(word, "")`` included; the stem keeps at least 2 letters."""
    out = [(norm_word, "")]
    for suf in sorted(ENCLITICS, key=len):
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


def _blocked(word: str, prefix: str) -> bool:
    """True when the letters of ``prefix`` that would be cut off look like the start of a known stem."""
    if prefix.endswith("ال") or prefix.endswith("لل"):
        # the article: "ال" + rest; the word from the article on must not be an exception / known stem
        k = len(prefix) - 2
        tail = word[k:]
        if tail in ARTICLE_EXCEPTIONS or tail.startswith(NO_SPLIT_STEMS):
            return True
        if prefix.endswith("لل") and ("ل" + word[len(prefix):]).startswith(NO_SPLIT_STEMS):
            return True  # للبنان: ل + لبنان, not ل + ال + بنان
        return False
    if prefix.endswith("س") and word[len(prefix):len(prefix) + 1] not in ("ي", "ت", "ن", "ا"):
        return True  # the future prefix only comes before an imperfect verb
    return word[len(prefix) - 1:].startswith(NO_SPLIT_STEMS)


@lru_cache(maxsize=65536)
def _segment_default(word: str, hamza_start: bool) -> tuple[tuple[str, ...], str, str]:
    return _segment(word, hamza_start, None)


def _segment(word: str, hamza_article: bool,
             protect: Callable[[str], bool] | None) -> tuple[tuple[str, ...], str, str]:
    """``(proclitic pieces, stem, enclitic)`` of a normalized Arabic word (conservative; see module doc).

    ``hamza_article`` is a callable-free hint: True when the original letter where an article's alef would be is a
    hamza-alef (أ إ آ), which means ال there is not the article.
    """
    if protect is not None and protect(word):
        return (), word, ""
    prefix = ""
    stem = word
    cands = proclitic_splits(word)
    chosen = None
    if protect is not None:
        for p, rest in cands[1:]:
            if protect(rest) or (p.endswith("لل") and protect("ال" + rest)):
                chosen = (p, rest)
                break
    if chosen is None:
        for p, rest in reversed(cands[1:]):  # longest prefix first
            if len(rest) < 3 or _blocked(word, p):
                continue
            if hamza_article and (p.endswith("ال")):
                continue
            if protect is not None and protect(p[-1] + rest):
                continue  # the letter belongs to a protected name (بلينكن)
            chosen = (p, rest)
            break
    if chosen is not None:
        prefix, stem = chosen
    suffix = ""
    if not (protect is not None and protect(stem)) and not word.endswith(NO_ENCLITIC_ENDINGS):
        for suf in DEFAULT_ENCLITICS:  # longest first (هما before ها/هم)
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                if protect is not None and protect(stem[: -len(suf)] + "") is False and protect(stem):
                    break
                suffix = suf
                stem = stem[: -len(suf)]
                break
    return tuple(_split_pieces(prefix)) if prefix else (), stem, suffix


# -- the token pattern (possessive quantifiers: no backtracking) ------------------------------------------

_TOKEN_RE = regex.compile(
    r"""(?P<abbr>(?<![\w.])(?:[a-z]\.){2,}+(?!\w))
      |(?P<num>\d++(?:[.,]\d++)*+(?!\w))
      |(?P<word>\w++(?:['-]\w++)*+)
      |(?P<punct>\p{P})
      |(?P<sym>\S)""",
    regex.VERBOSE,
)
_KIND = {"abbr": "word", "num": "number", "word": "word", "punct": "punct", "sym": "symbol"}
_HAMZA_ALEF = frozenset("أإآ")


def tokenize(text: str, lang: str = "ar", split_clitics: bool = True,
             protect: Callable[[str], bool] | Iterable[str] | None = None,
             normalized: NormalizedText | None = None) -> list[Token]:
    """Tokens of ``text`` (see the module docstring for the contract).

    ``protect``: normalized words never split (a callable ``word -> bool`` or a set of normalized words, e.g. the
    KB's name words); a split whose rest is protected is preferred ("والولايات" with "الولايات" protected gives
    و + الولايات). ``normalized`` lets a caller reuse ``normalize(text)``. ``lang`` does not change the rules:
    Arabic words get clitic rules, Latin words get possessive splitting, whatever the document language.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() needs a str, not {type(text).__name__}")
    nt = normalized if normalized is not None else normalize(text, lang)
    if protect is not None and not callable(protect):
        pset = frozenset(protect)
        protect_fn: Callable[[str], bool] | None = pset.__contains__
    else:
        protect_fn = protect  # type: ignore[assignment]
    norm = nt.norm
    offs = nt.offsets
    identity = isinstance(offs, IdentityOffsets)
    to_orig = nt.to_original
    out: list[Token] = []
    append = out.append
    local_cache: dict[tuple[str, bool], tuple[tuple[str, ...], str, str]] = {}
    for widx, m in enumerate(_TOKEN_RE.finditer(norm)):
        group = m.lastgroup or "sym"
        ns, ne = m.span()
        wnorm = m.group()
        if group == "word" and split_clitics:
            if wnorm[0] in _ARABIC_LETTERS and len(wnorm) >= 4:
                hamza = False
                if "ال" in wnorm[:4]:
                    k = wnorm.find("ال", 0, 4)
                    hamza = text[offs[ns + k]] in _HAMZA_ALEF
                if protect_fn is None:
                    pieces, stem, suffix = _segment_default(wnorm, hamza)
                else:
                    key = (wnorm, hamza)
                    seg = local_cache.get(key)
                    if seg is None:
                        seg = local_cache[key] = _segment(wnorm, hamza, protect_fn)
                    pieces, stem, suffix = seg
                if pieces or suffix:
                    _emit_split(out, text, nt, identity, ns, ne, pieces, stem, suffix, widx)
                    continue
            elif wnorm.endswith("'s") and len(wnorm) > 2 and wnorm[0].isascii():
                _emit_split(out, text, nt, identity, ns, ne, (), wnorm[:-2], "'s", widx)
                continue
        if identity:
            s, e = ns, ne
        else:
            s, e = to_orig(ns, ne)
        t = text[s:e]
        append(Token(s, e, t, wnorm if identity else normalize_key(t), _KIND[group], widx, "word"))
    return out


def _emit_split(out: list[Token], text: str, nt: NormalizedText, identity: bool, ns: int, ne: int,
                pieces: tuple[str, ...], stem: str, suffix: str, widx: int) -> None:
    """Append the sub-tokens of one word; falls back to one token when a cut falls inside an original char."""
    offs = nt.offsets
    cuts = [ns]
    pos = ns
    for p in pieces:
        pos += len(p)
        cuts.append(pos)
    pos += len(stem)
    if suffix:
        cuts.append(pos)
    cuts.append(ne)
    parts = ["proclitic"] * len(pieces) + ["stem"] + (["enclitic"] if suffix else [])
    if not identity and any(offs[c] == offs[c - 1] for c in cuts[1:-1]):
        s, e = nt.to_original(ns, ne)
        t = text[s:e]
        out.append(Token(s, e, t, normalize_key(t), "word", widx, "word"))
        return
    for i, part in enumerate(parts):
        a, b = cuts[i], cuts[i + 1]
        if identity:
            s, e = a, b
        else:
            s, e = nt.to_original(a, b)
        t = text[s:e]
        out.append(Token(s, e, t, nt.norm[a:b] if identity else normalize_key(t), "word", widx, part))
