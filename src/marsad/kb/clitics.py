"""Arabic proclitics: the one table (``proclitics`` in grammar.jsonl) and the named rules that derive what each
part of the engine needs from it.

The table lists the morphemes by class (conjunction و ف, preposition ب ك ل, future س, article ال); they stack in
that order, and ل + ال is written لل. Every rule below is a subset of ``sequences()``:
  ``sequences``                  every sequence: و ب ال وال بال لل ولل وبال فس ... (as ``marsad.text`` splits words)
  ``conjunctions``               و ف: a word joined to the one before ("واعتقل")
  ``verb_proclitics``            و ف س: all a verb takes ("فسيعلن"); "بحث" is not ب + حث
  ``article_forms``              the article with at most one proclitic: ال وال فال بال كال لل ("بالهجوم")
  ``name_proclitics``            before a name in one word: no future and no written article (لل is ل + ال)
  ``name_proclitics_before_al``  before a name that begins with ال: none that ends in ل (ل + ال is لل)
  ``single_proclitics``          one conjunction or preposition: و ف ب ك ل (``marsad kb lookup`` strips one)
  ``prefix_prepositions``        a preposition, alone or with the article, and the preposition it is: بال -> ب
Imports ``marsad.kb.grammar`` only.
"""
from __future__ import annotations

from functools import cache

from . import grammar

ARTICLE_AFTER_L = "لل"  # ل + ال as written


@cache
def classes() -> dict[str, tuple[str, ...]]:
    """Morpheme class -> its morphemes, from the table."""
    return {key: tuple(sorted(ms)) for key, ms in grammar.keyed("proclitics").items()}


def _join(conj: str, mid: str, article: str) -> str:
    return conj + (ARTICLE_AFTER_L if mid == "ل" and article else mid + article)


@cache
def _parts() -> dict[str, tuple[str, str, str]]:
    """Every proclitic sequence -> its (conjunction, preposition or future, article) morphemes ("" where none)."""
    c = classes()
    out: dict[str, tuple[str, str, str]] = {}
    for conj in ("", *c["conjunction"]):
        for mid in ("", *c["preposition"], *c["future"]):
            for article in ("", *c["article"]):
                if mid in c["future"] and article:
                    continue  # the future prefix stands before a verb, the article before a noun
                seq = _join(conj, mid, article)
                if seq:
                    out[seq] = (conj, mid, article)
    return out


def sequences() -> frozenset[str]:
    return frozenset(_parts())


def holds(prefix: str, morphemes) -> bool:
    """Does a word's proclitic sequence (as ``marsad.text`` splits it) hold one of ``morphemes``?"""
    return any(m in prefix for m in morphemes)


@cache
def conjunctions() -> frozenset[str]:
    return frozenset(classes()["conjunction"])


@cache
def verb_proclitics() -> frozenset[str]:
    return frozenset(classes()["conjunction"] + classes()["future"])


@cache
def article_forms() -> tuple[str, ...]:
    """The article alone or after one proclitic, longest first (for ``str.startswith``)."""
    found = [s for s, (conj, mid, art) in _parts().items() if art and not (conj and mid)]
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


@cache
def name_proclitics() -> frozenset[str]:
    future = classes()["future"]
    return frozenset(s for s, (_c, mid, art) in _parts().items()
                     if mid not in future and (not art or s.endswith(ARTICLE_AFTER_L)))


@cache
def name_proclitics_before_al() -> frozenset[str]:
    future = classes()["future"]
    return frozenset(s for s, (_c, mid, art) in _parts().items() if not art and mid not in future and mid != "ل")


@cache
def single_proclitics() -> tuple[str, ...]:
    return tuple(sorted(classes()["conjunction"] + classes()["preposition"]))


@cache
def prefix_prepositions() -> dict[str, str]:
    return {s: mid for s, (conj, mid, _art) in _parts().items() if not conj and mid in classes()["preposition"]}
