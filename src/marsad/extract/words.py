"""Words of a document: whitespace/punctuation-delimited units with their normalized form, sentence and clause.

The event engine reasons over words (not sub-tokens): each ``Word`` knows its original offsets, its normalized
form and the analyses ``bases`` — (proclitics, base, suffix) splits tried against the lexicons. Analyses are memoized
per normalized form, since news text repeats words constantly.

``has_verb_form`` matches a word against a table of bare verbs on these analyses, so every proclitic a verb takes
works ("فأعلنت" as "وأعلنت"). Imports: marsad.text, marsad.kb (the proclitic table).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import itemgetter
from sys import intern

from ..kb import clitics
from ..text import split_sentences, tokenize
from ..text.tokens import _PREFIXES_OF, _PROCLITIC_FIRST
from ..text.tokens import _ENCLITICS_SHORTEST_FIRST as ENCLITICS_SHORTEST_FIRST
from ..text._memo import Generations

# clause separators (normalized); ":" separates a headline's parts
CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "\"", "-", "—", "–"})
# a lexicon form's slot for one nationality adjective ("use of <nationality> chemical weapons"): the pipeline adds it
# to the forms of a word that is a whole nisba/demonym mention ("American"), so one form covers every country
NATIONALITY_SLOT = "<nationality>"
CONJUNCTIONS = "".join(sorted(clitics.conjunctions()))  # و ف
VERB_PROCLITICS = clitics.verb_proclitics()  # و ف س: all a verb takes


@dataclass(slots=True)
class Word:
    i: int
    start: int
    end: int
    text: str
    norm: str
    kind: str  # word | number | punct | symbol
    sentence: int
    clause: int
    bases: tuple = ()  # ((prefix, base, suffix), ...) most literal first
    forms: frozenset = frozenset()  # the normalized form and every base: what lexicon lookups compare against
    mention: int | None = None  # index of the mention covering this word
    trigger: int | None = None


# ``segment`` fills these slots one by one (cheaper than calling the dataclass): a field added to Word must be added
# there too
_SEGMENT_FILLS = ("i", "start", "end", "text", "norm", "kind", "sentence", "clause", "bases", "forms", "mention",
                  "trigger")
if tuple(f.name for f in fields(Word)) != _SEGMENT_FILLS:  # pragma: no cover - a guard for whoever edits Word
    raise TypeError("Word's fields changed: update segment(), which fills every slot of a new Word")


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    w0: int  # first word index
    w1: int  # one past the last word index
    words: list[Word] = field(default_factory=list)


# a stem that still holds the article (and clitics) before at least three letters: "الاجتماع", "بالاجتماع"; not
# "والد" (father), whose و+ال is part of the word
DEFINITE_STEM = re.compile(r"(?:[وف]?[بكل]?ال|[وف]?لل)...")
# a noun ending in hamza after alef writes it on a seat before a pronoun: "لقائه", "اعتداؤهم" are لقاء, اعتداء + suffix
HAMZA_SEATS = ("ائ", "اؤ")

def analyses(norm: str, lang: str) -> tuple:
    """Every (prefix, base, suffix) reading of a normalized word, the literal reading first. Its strings are
    interned (``sys.intern``): a prefix, base or suffix equal to another form's, or to a form, is one object in the
    memos (a prefix or stem cut from a word would otherwise be a new string per form). Not memoized here: a word's
    readings are, in ``segment``'s memo (a cache of its own found nothing there the memo did not hold)."""
    return _analyses(norm, lang)  # its strings interned as it makes them (no second tuple per reading here)


# the affixes of the readings, interned once here (``_analyses`` interns the bases as it makes them; the prefixes
# come interned from ``text.tokens._PREFIXES_OF``, "" is one object)
_ENCLITICS_INTERNED = tuple(map(intern, ENCLITICS_SHORTEST_FIRST))
_POSSESSIVE = intern("'s")
_BASE = itemgetter(1)  # a reading's base
# an enclitic -> its interned string, and per last letter the lengths of the enclitics that end in it, shortest first
# ("ا": 2, 3 for ها نا and هما كما): ``_analyses`` slices a stem's end once per such length and looks the slice up
# here (at most one enclitic of each length can end it) instead of calling endswith once per enclitic
_ENCLITIC_OF = {suf: suf for suf in _ENCLITICS_INTERNED}
_ENCLITIC_LENGTHS_BY_LAST = {last: tuple(sorted({len(s) for s in _ENCLITICS_INTERNED if s[-1] == last}))
                             for last in {suf[-1] for suf in _ENCLITICS_INTERNED}}


def _analyses(norm: str, lang: str) -> tuple:
    if lang != "ar" or not norm or not norm[0].isalpha():
        base = intern(norm)
        out = [("", base, "")]
        if lang == "en" and base.endswith("'s"):
            out.append(("", intern(base[:-2]), _POSSESSIVE))
        return tuple(out)
    # every (prefix, rest) split — ("", norm), then each proclitic sequence that leaves 2 letters or more
    # (``proclitic_splits`` written out) — gives (prefix, rest, "") and the (prefix, stem, pronoun) splits of its rest,
    # longest stem first (``enclitic_splits``, written out: no list per split); these are all distinct (each differs
    # from the others in its prefix or its suffix), so no set is needed until a stem is rewritten below. The hot path
    # of a new word (~150 an article): the pronoun readings whose stems the rewrites below may change are kept aside
    # as they are made, and whether a reading after the conjunction alone (و, ف) was made is noted, instead of a
    # second and a third pass over the readings.
    out = []
    append = out.append
    enclitic_of = _ENCLITIC_OF.get
    lengths_by_last = _ENCLITIC_LENGTHS_BY_LAST.get
    n_norm = len(norm)
    c0 = norm[0]
    rewritable = None  # the readings with a pronoun and a stem of 4 letters or more, in the order made
    conj_read = False  # a reading with the first letter alone as its prefix was made
    prefixes = _PREFIXES_OF[norm[:4]] if c0 in _PROCLITIC_FIRST else ()
    n_prefixes = len(prefixes)
    i = k = 0
    prefix = ""
    rest = norm
    while True:
        n = len(rest)
        if n >= 2:
            rest = intern(rest)
            append((prefix, rest, ""))
            if k == 1:
                conj_read = True
        lengths = lengths_by_last(rest[-1:])
        if lengths is not None:
            for j in lengths:
                if n - j < 2:
                    break
                suf = enclitic_of(rest[-j:])
                if suf is not None:
                    stem = rest[:-j]
                    if suf == "ي" and (prefix.endswith(("ال", "لل")) or DEFINITE_STEM.match(prefix + stem)
                                       or (prefix.endswith("ل") and stem.startswith("ل"))):  # ل + لـ: "للاجتماعي"
                        continue  # a definite noun takes no "my": "الاجتماعي" is the adjective "social", not "my meeting"
                    item = (prefix, intern(stem), suf)
                    append(item)
                    if k == 1:
                        conj_read = True
                    if n - j >= 4:
                        if rewritable is None:
                            rewritable = [item]
                        else:
                            rewritable.append(item)
        while i < n_prefixes:  # the next proclitic sequence that leaves 2 letters or more
            prefix = prefixes[i]
            i += 1
            k = len(prefix)
            if n_norm - k >= 2:
                rest = norm[k:]
                break
        else:
            break
    if rewritable is not None:
        seen: set[tuple[str, str, str]] | None = None
        for prefix, stem, suffix in rewritable:
            if stem.endswith("ت"):
                item = (prefix, intern(stem[:-1] + "ه"), suffix)  # "زيارته" -> زيارة + ه: the ta marbuta comes back
            elif stem.endswith("و"):
                item = (prefix, intern(stem + "ا"), suffix)  # "قتلوه" -> قتلوا + ه: a plural verb's alef drops before a pronoun
            elif stem.endswith(HAMZA_SEATS):
                item = (prefix, intern(stem[:-1] + "ء"), suffix)  # "لقائه" -> لقاء + ه: the hamza leaves its seat
            else:
                continue
            if seen is None:
                seen = set(out)
            if item not in seen:
                seen.add(item)
                append(item)
    if not conj_read and n_norm >= 3 and c0 in CONJUNCTIONS:
        append((intern(c0), intern(norm[1:]), ""))  # "ولم", "فلن": short particles after a conjunction
    if not out:
        append(("", intern(norm), ""))
    return tuple(out)


def has_verb_form(word: Word, verbs: frozenset[str]) -> bool:
    """Is ``word`` one of ``verbs`` (bare forms), alone or after the proclitics a verb takes (و ف س): "وأعلنت" and
    "فأعلنت" are أعلنت, "بنسب" (by ratios) is not نسب. Read from the word's analyses (no pronoun suffix)."""
    if word.norm in verbs:
        return True
    if word.forms.isdisjoint(verbs):
        return False
    return any(not suffix and base in verbs and set(prefix) <= VERB_PROCLITICS for prefix, base, suffix in word.bases)


@lru_cache(maxsize=200_000)
def readings(norm: str, lang: str, is_word: bool) -> tuple[tuple, frozenset[str]]:
    """(bases, forms) of a token: the analyses of a word (a number or punctuation is read literally), and the
    set of its normalized form and every base, which lexicon lookups compare against. Memoized per form (a
    word's by ``segment`` in its own memo, through ``reading``)."""
    return reading(norm, lang, is_word)


def reading(norm: str, lang: str, is_word: bool) -> tuple[tuple, frozenset[str]]:
    """``readings`` worked out (not memoized), its strings interned as in ``analyses``."""
    norm = intern(norm)
    bases = _analyses(norm, lang) if is_word else (("", norm, ""),)
    return bases, frozenset((norm, *map(_BASE, bases)))  # the form, then each base: the order a list gave


_WORD_READINGS: dict[str, Generations] = {}  # lang -> normalized word -> reading(norm, lang, True)
WORD_READINGS_MAX = 100_000  # forms per generation of the memo, per language (text._memo: at most twice that)


def _word_readings(lang: str) -> Generations:
    """The memo of ``readings`` for the words of ``lang`` (a dict: one lookup per word, the hot path of
    ``segment``; bounded by generations, see ``text._memo``)."""
    memo = _WORD_READINGS.get(lang)
    if memo is None:
        memo = _WORD_READINGS[lang] = Generations()
    return memo


def segment(text: str, lang: str) -> tuple[list[Word], list[Sentence]]:
    """Split a document into words grouped by sentence, with clause numbers inside each sentence.

    Tokens and sentence spans both come in text order, so one pass over the tokens walks the sentences along: a
    token at or past the end of the current sentence closes it (and any sentence without tokens); a token that
    ends before the sentence starts (between two sentences) is left out, as are tokens after the last sentence."""
    sentences: list[Sentence] = []
    words: list[Word] = []
    toks = tokenize(text, lang, split_clitics=False)
    spans = split_sentences(text, lang)
    if not spans:
        return words, sentences
    add = words.append  # the loop below runs once per token: names bound once (hot path)
    new_word = object.__new__
    memo = _word_readings(lang)
    memo_get = memo.get  # bound once: a call through a dict subclass's method is ~35% slower than through this
    n_words = 0  # len(words), kept by hand (hot path)
    si = 0
    s0, s1 = spans[0]
    sent = Sentence(0, s0, s1, 0, 0)
    clause = 0
    # the tokens' fields read straight from the chunk templates (``Tokens.chunk_rows``): no Token tuple is made
    for offset, rows in toks.chunk_rows():
        for rel_start, rel_end, tok_text, norm, kind, _word, _part in rows:
            start = offset + rel_start
            if start >= s1:  # past the current sentence: close it and open the one this token may belong to
                while start >= s1:
                    sent = _next_sentence(sent, sentences, words, n_words, spans)
                    if sent is None:
                        return words, sentences
                    si, s0, s1 = sent.index, sent.start, sent.end
                clause = 0
            end = offset + rel_end
            if end <= s0:
                continue
            if kind == "word":
                got = memo_get(norm)
                if got is None:  # ``memo.recall`` and ``memo.put`` written out (a reading is never None)
                    norm = intern(norm)  # the key interned: the same object as the reading's strings
                    got = memo.old.pop(norm, None) if memo.old else None  # the previous generation's
                    if got is None:
                        got = reading(norm, lang, True)
                    if len(memo) >= WORD_READINGS_MAX:
                        memo.rotate()
                    memo[norm] = got
                bases, forms = got
            else:
                if kind == "punct" and norm in CLAUSE_PUNCT:
                    clause += 1
                bases, forms = readings(norm, lang, False)
            # the slots filled one by one on a bare instance: the same Word as Word(...) at two thirds of the cost
            # (the dataclass __init__ call goes through type.__call__ and a Python frame, once per token)
            w = new_word(Word)
            w.i = n_words
            w.start = start
            w.end = end
            w.text = tok_text
            w.norm = norm
            w.kind = kind
            w.sentence = si
            w.clause = clause
            w.bases = bases
            w.forms = forms
            w.mention = None
            w.trigger = None
            add(w)
            n_words += 1
    while sent is not None:  # the current sentence and any after it without tokens
        sent = _next_sentence(sent, sentences, words, n_words, spans)
    return words, sentences


def _next_sentence(sent: Sentence, sentences: list[Sentence], words: list[Word], n_words: int,
                   spans: list) -> Sentence | None:
    """Close ``sent`` (give it the words made so far from its first one) and open the next sentence of ``spans``,
    which starts at word ``n_words``; None after the last."""
    sent.w1 = n_words
    sent.words = words[sent.w0:n_words]
    sentences.append(sent)
    si = sent.index + 1
    if si == len(spans):
        return None
    s0, s1 = spans[si]
    return Sentence(si, s0, s1, n_words, n_words)
