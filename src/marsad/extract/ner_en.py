"""English names the KB does not know, found by rule: the cheap English side of the NER layer (issue 20, item 3).

A candidate is a run of capitalized words that no gazetteer mention covers, with lower-case connectors inside it
("Ministry of the Interior", "Omar bin Sayf"; "of"/"for" only after an organization or place head), cut before a
possessive "'s". A run becomes a name only with evidence, and is dropped otherwise (precision over recall: a wrong
actor is worse than none):

* an organization when a word of it, or a capitalized KB title right after it (then part of the name), is an
  organization head (grammar table ``org_head_sectors``, English record: Party -> PTY, Ministry -> GOV, Brigades ->
  REB ...), which gives its sector; or when it follows "spokesman for", "leader of (the)" (``en_org_of_titles``), with no sector;
* a place when a word of it is a place head (``en_place_heads``: District, Province ...);
* a person when a title stands right before it (a KB title of one person, or ``en_person_titles``: President, Col.,
  spokesman ...), or when it is followed by ", a/the ... <title>" (two words at least).

Never a name: a run in a title-case line (a headline), a sentence-initial run of one word, a word of
``en_name_stopwords`` (function words, months, weekdays) or a title word, a run touching a KB person or
organization (part of a longer KB name), a single word with no title or "spokesman for" before it.

Contract: ``EnglishNames.load().tag(text, words, mentions, lang="en", only=None)`` has the signature of
``NerTagger.tag``; it returns ``NameSpan`` records (a ``NerSpan`` with the organization's ``sector``) whose
offsets are the words', so ``text[span.start:span.end] == span.text``.
Imports: marsad.kb (grammar tables, the roles' kinds), marsad.extract.{ner,words}.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable, Sequence

from ..kb import grammar, load_kb
from .ner import NerSpan, default_mentions, mention_kinds, sentences_of
from .words import Word

POSSESSIVE = ("'s", "\u2019s")
PARTICLES = frozenset({"al", "bin", "da", "de", "del", "der", "du", "el", "ibn", "la", "le", "van", "von"})
ARTICLES = ("a", "an", "the")
KB_NAME_KINDS = ("person", "person_short", "organization", "acronym")  # a run touching one is part of a KB name
TITLE_CASE_SHARE = 0.9  # a line with this share of its words of 4+ letters capitalized (4 at least) is a headline
MAX_PERSON_WORDS = 4
APPOSITION_WORDS = 6


@dataclass(frozen=True, slots=True)
class NameSpan(NerSpan):
    """A name span with the sector its head word gives an organization (None otherwise)."""
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class NameWords:
    """The word tables of the English name rules (kb/data/grammar.jsonl) and the KB's person titles."""
    stop: frozenset[str]
    connectors: frozenset[str]
    titles: frozenset[str]
    org_of: frozenset[str]
    place_heads: frozenset[str]
    org_heads: dict[str, str]  # head word -> sector
    kb_titles: frozenset[str]  # ids of the KB roles that are titles of one person (not groups or institutions)


@cache
def name_words() -> NameWords:
    heads = {w: sector for sector, ws in grammar.keyed("org_head_sectors", "en").items() for w in ws}
    return NameWords(grammar.words("en_name_stopwords", "en"), grammar.words("en_name_connectors", "en"),
                     grammar.words("en_person_titles", "en"), grammar.words("en_org_of_titles", "en"),
                     grammar.words("en_place_heads", "en"), heads,
                     frozenset(r.id for r in load_kb().roles.values() if r.kind == "title"))


def _bare(w: Word) -> str:
    """The normalized word without a possessive "'s"."""
    return w.norm[:-2] if w.text.endswith(POSSESSIVE) else w.norm


def _capitalized(w: Word) -> bool:
    t = w.text
    return w.kind == "word" and (t[:1].isupper() or (t[:3].lower() in ("al-", "el-") and t[3:4].isupper()))


def _kb_name(gaz: Sequence[str | None], p: int) -> bool:
    kind = gaz[p] if 0 <= p < len(gaz) else None
    return kind is not None and kind.split(":", 1)[1] in KB_NAME_KINDS


class EnglishNames:
    """The rule tagger; stateless apart from its word tables (``load`` caches one per process)."""

    _instance: "EnglishNames | None" = None

    def __init__(self, nw: NameWords) -> None:
        self.nw = nw
        self.heads = frozenset(nw.org_heads) | nw.place_heads

    @classmethod
    def load(cls) -> "EnglishNames":
        if cls._instance is None:
            cls._instance = cls(name_words())
        return cls._instance

    def tag(self, text: str, words: Sequence[Word], mentions: Iterable | None = None, lang: str = "en",
            only: frozenset[int] | set[int] | None = None,
            checkpoint: Callable[[], None] | None = None) -> list[NameSpan]:
        """Name spans of a document, in text order (module docstring); ``only``: the sentences to read;
        ``checkpoint`` is called before each sentence (it may raise to stop, as in ``NerTagger.tag``)."""
        if lang != "en" or not words or (only is not None and not only):
            return []
        found = default_mentions(text, lang) if mentions is None else list(mentions)
        gaz = mention_kinds(words, found)
        ends = [w.end for w in words]
        titled = frozenset(bisect.bisect_left(ends, m.end) for m in found
                           if m.kind == "role" and m.target in self.nw.kb_titles)  # last word of a KB title
        out: list[NameSpan] = []
        i = 0
        for sent in sentences_of(words):
            if (only is None or sent[0].sentence in only) and not _headline(sent):
                if checkpoint is not None:
                    checkpoint()
                out += _Sentence(self, text, sent, gaz[i:i + len(sent)], titled).names()
            i += len(sent)
        return out


def _headline(sent: Sequence[Word]) -> bool:
    alpha = [w for w in sent if w.kind == "word" and w.text[:1].isalpha() and len(w.text) >= 4]
    return len(alpha) >= 4 and sum(_capitalized(w) for w in alpha) >= TITLE_CASE_SHARE * len(alpha)


@dataclass(slots=True)
class _Sentence:
    tagger: EnglishNames
    text: str
    sent: Sequence[Word]
    gaz: Sequence[str | None]
    titled: frozenset[int]

    def names(self) -> list[NameSpan]:
        sent, n = self.sent, len(self.sent)
        first = next((j for j, w in enumerate(sent) if w.kind == "word"), n)
        out: list[NameSpan] = []
        j = 0
        while j < n:
            if not self._name_word(j):
                j += 1
                continue
            k = self._run_end(j)
            span = self._classify(j, k, j == first)
            if span is not None:
                out.append(span)
            j = k + 1
        return out

    def _name_word(self, j: int) -> bool:
        """A capitalized word outside the KB's mentions that is no stop word and no title ("President")."""
        w, nw = self.sent[j], self.tagger.nw
        return self.gaz[j] is None and _capitalized(w) and _bare(w) not in nw.stop and w.norm not in nw.titles

    def _run_end(self, j: int) -> int:
        """The last word of the run of name words that starts at ``j``."""
        sent, n, k = self.sent, len(self.sent), j
        while k + 1 < n and not sent[k].text.endswith(POSSESSIVE):
            if self._name_word(k + 1):
                k += 1
                continue
            if sent[k + 1].text == "." and len(sent[k].text) == 1 and k + 2 < n and self._name_word(k + 2):
                k += 2  # a middle initial: "John Q. Public"
                continue
            c = k + 1
            while c < n and self._connector(c):
                c += 1
            if c > k + 1 and c < n and self._name_word(c) and self._may_join(j, k, c):
                k = c
                continue
            break
        return k

    def _connector(self, c: int) -> bool:
        w = self.sent[c]
        return self.gaz[c] is None and w.text.islower() and w.norm in self.tagger.nw.connectors

    def _may_join(self, j: int, k: int, c: int) -> bool:
        """Connectors between ``k`` and ``c`` may join the name ``j..k`` to word ``c``: particles always ("Omar
        bin Sayf"); "of"/"for" only after an organization or place head ("Ministry of X"), so that "Amal Ferrar of
        the Green Valley Party" stays a person and a party."""
        if all(w.norm in PARTICLES for w in self.sent[k + 1:c]):
            return True
        return any(_bare(w) in self.tagger.heads for w in self.sent[j:k + 1])

    def _classify(self, j: int, k: int, initial: bool) -> NameSpan | None:
        nw, sent, gaz = self.tagger.nw, self.sent, self.gaz
        run = sent[j:k + 1]
        names = [w for w in run if _capitalized(w)]
        if _kb_name(gaz, j - 1) or _kb_name(gaz, k + 1) or (initial and len(names) < 2):
            return None
        start, end = run[0].start, run[-1].end - (2 if run[-1].text.endswith(POSSESSIVE) else 0)
        text = self.text[start:end]
        bare = [_bare(w) for w in names]
        head = next((nw.org_heads[b] for b in reversed(bare) if b in nw.org_heads), None)
        if head is None and k + 1 < len(sent) and _capitalized(sent[k + 1]) and (gaz[k + 1] or "").endswith(":role") \
                and not any(b in self.tagger.heads for b in bare):
            head = nw.org_heads.get(sent[k + 1].norm)  # "the Green Valley Party": the KB's title is the head,
            if head is not None:  # which the name takes in (stages/ner.py gives it the title's place)
                end = sent[k + 1].end
                return NameSpan(start, end, "ORG", self.text[start:end], head)
        if head is not None and len(names) >= 2:
            return NameSpan(start, end, "ORG", text, head)
        if len(names) >= 2 and any(b in nw.place_heads for b in bare):
            return NameSpan(start, end, "LOC", text)
        person_shaped = len(names) <= MAX_PERSON_WORDS and {w.norm for w in run if not _capitalized(w)} <= PARTICLES
        if person_shaped and (self._titled(j) or (len(names) >= 2 and self._apposition(k))):
            return NameSpan(start, end, "PERS", text)
        if self._org_of(j):
            return NameSpan(start, end, "ORG", text)
        return None

    def _is_title(self, p: int) -> bool:
        return self.sent[p].i in self.titled or self.sent[p].norm in self.tagger.nw.titles

    def _titled(self, j: int) -> bool:
        """A title right before word ``j``: a KB title, or a title word (also abbreviated: "Col. X")."""
        p = j - 1
        if p >= 1 and self.sent[p].text == "." and self.sent[p - 1].norm in self.tagger.nw.titles:
            return True
        return p >= 0 and self._is_title(p)

    def _apposition(self, k: int) -> bool:
        """"X Y, the group's spokesman" / "X Y, a police spokesman": a comma and an article, then a title before
        the next mark, within six words."""
        sent = self.sent
        if k + 2 >= len(sent) or sent[k + 1].text != "," or sent[k + 2].norm not in ARTICLES:
            return False
        for p in range(k + 3, min(k + 3 + APPOSITION_WORDS, len(sent))):
            if sent[p].kind in ("punct", "symbol"):
                return False
            if self._is_title(p):
                return True
        return False

    def _org_of(self, j: int) -> bool:
        """"a spokesman for X", "the leader of the X"."""
        sent, p = self.sent, j - 1
        if p >= 0 and sent[p].norm == "the":
            p -= 1
        return p >= 1 and sent[p].norm in ("for", "of") and sent[p - 1].norm in self.tagger.nw.org_of
