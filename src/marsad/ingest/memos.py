"""Tighter bounds on the coder's memo caches for a process that codes a stream of articles for hours (an ingest).

The coder memoizes per word form (readings, lexicon starts and heads, token templates, NER cues, decision-layer
sums), each memo a ``text._memo.Generations`` whose generation size is a module constant (it holds at most two
generations: the frequent forms stay, the rest is dropped). Those bounds suit a short run; over a long stream every
memo fills up to twice its bound and stays there, which is what made an ingest's RSS grow with the corpus (README,
Speed, "Ingest memory"). ``bound_coder_memos(bounds)`` lowers each named constant in the running process, once,
before coding; the ingest calls it in every coding process (``ingest.runner.code_batch``): with ``INGEST_BOUNDS``
by default (a quarter of the coder's word and head generations, half its template ones, and the lexicon starts
and decision sums bounded too, which otherwise grew with a long run: see ``INGEST_BOUNDS``) and with
``MEMO_BOUNDS`` (smaller still) when asked (``--small-memos``);
``forget_coder_memos()`` empties them all once the last batch is coded. A memo holds pure functions of its key, so
a smaller bound changes no output, only how often a form is worked out again (``tools/fingerprint.py`` identical;
the speed cost is in the README). A constant of the
coder that was renamed or removed raises, rather than being set in vain (``tests/ingest/test_ingest_memos.py``).

The ``functools`` caches are bounded by ``ingest.runner.bound_memory`` (emptied between batches above
``runner.CACHE_ENTRIES``). May import ``marsad.errors``; imports the coder modules it names, by name.
"""
from __future__ import annotations

import importlib

from ..errors import CodingError

__all__ = ["INGEST_BOUNDS", "MEMO_BOUNDS", "bound_coder_memos", "coder_memos", "forget_coder_memos"]

#: (module, constant) -> the entry bound a long-running coding process uses (the coder's own default in comment)
MEMO_BOUNDS: dict[tuple[str, str], int] = {
    ("marsad.extract.words", "WORD_READINGS_MAX"): 10_000,  # 100,000 forms per language
    ("marsad.extract.lexicon", "HEAD_MEMO_MAX"): 10_000,  # 100,000 forms per set of indexes (up to 16 sets)
    ("marsad.extract.lexicon", "FIRST_MEMO_MAX"): 5_000,  # 250,000 forms per index
    ("marsad.extract.ner", "STATIC_MAX"): 10_000,  # 100,000 forms per set of cues
    ("marsad.extract.decision", "GROUP_CACHE_MAX"): 10_000,  # 200,000 regrouped weights
    ("marsad.text.tokens", "_CHUNK_CACHE_MAX"): 10_000,  # 25,000 chunk templates per flavour
    ("marsad.text.tokens", "_DEFAULT_PLANS_MAX"): 10_000,  # 100,000 split plans
    ("marsad.text.dates", "_PARSE_CACHE_MAX"): 2_000,  # 50,000 date matches and resolutions
    ("marsad.text.dates", "MAY_START_MAX"): 5_000,  # 100,000 words
    ("marsad.text._scan", "SCAN_CACHE_MAX"): 2_000,  # 50,000 windows per phrase set
}

#: the bounds every ``marsad ingest`` coding process runs with (README, issue 24, eighth round): the costly memos
#: (word readings ~0.7 KB a form, the lexicon heads keyed by its forms, chunk templates) at half the coder's own
#: generations, and the lexicon starts bounded at all (the coder's 250,000 forms a generation is never reached by
#: 10,000 articles, but a long run's vocabulary gets there). Measured on the first 10,000 real development articles:
#: 69,398 more readings, 73,668 more head answers and 44,280 more templates worked out than with the coder's bounds
#: (~8.9, ~0.9 and ~3.7 us each: ~0.84 s, ~1.8% of their coding CPU); peak RSS of ``bench/memory_bench.py --sizes
#: 10000`` 476 -> 418 MB.
#: Tenth round (issue 24, item 1: flat memory at any store size): words and heads at a quarter of the coder's
#: generations, and the two memos that kept growing past the real articles bounded as well: the lexicon starts
#: (``FIRST_MEMO_MAX``: 8,860 entries after 2,500 articles, 16,315 after 12,600, ~1 KB each) and the decision
#: layer's group sums (``GROUP_CACHE_MAX``: 7,049 -> 25,242, ~330 bytes each), which the coder bounds at 250,000
#: and 200,000 a generation. Counted on the first 10,000 real articles against the eighth round's bounds: 152,316
#: more readings and 157,160 more head answers (~10.5 and ~1 us each: ~2.6% more coding CPU), 10,593 more starts
#: made (~50 us each: ~0.8%), 285 more sums; the tables are in bench/reports/scale.md, tenth round.
INGEST_BOUNDS: dict[tuple[str, str], int] = {
    ("marsad.extract.words", "WORD_READINGS_MAX"): 25_000,  # 100,000 forms per language
    ("marsad.extract.lexicon", "HEAD_MEMO_MAX"): 25_000,  # 100,000 forms per set of indexes
    ("marsad.extract.lexicon", "FIRST_MEMO_MAX"): 5_000,  # 250,000 forms per index
    ("marsad.extract.decision", "GROUP_CACHE_MAX"): 10_000,  # 200,000 regrouped weights
    ("marsad.text.tokens", "_CHUNK_CACHE_MAX"): 12_500,  # 25,000 chunk templates per flavour
    # twelfth round: the time finder's memos, which the bounds above left at the coder's sizes and which kept
    # growing over a long run (~5 MB per 10,000 articles at 100k, bench/reports/scale.md, twelfth round)
    ("marsad.text.dates", "_PARSE_CACHE_MAX"): 5_000,  # 50,000 date matches and resolutions
    ("marsad.text.dates", "MAY_START_MAX"): 10_000,  # 100,000 words
    ("marsad.text._scan", "SCAN_CACHE_MAX"): 5_000,  # 50,000 windows per phrase set
}


def bound_coder_memos(bounds: dict[tuple[str, str], int] | None = None) -> None:
    """Set each named constant to its bound (never above the coder's own value). Raises CodingError when a
    named module has no such constant (the coder changed: update ``MEMO_BOUNDS``)."""
    for (modname, name), bound in (MEMO_BOUNDS if bounds is None else bounds).items():
        mod = importlib.import_module(modname)
        current = getattr(mod, name, None)
        if not isinstance(current, int):
            raise CodingError(f"{modname}.{name} is not an integer memo bound any more: update ingest.memos")
        if bound < current:
            setattr(mod, name, bound)


def coder_memos() -> dict[str, dict]:
    """name -> memo (a dict, or a ``text._memo.Generations`` with its ``old`` generation) of the coder's memos
    that exist in this process, the word readings first (``marsad.bench.memo_bytes`` measures them)."""
    from ..extract import decision, lexicon, ner, words
    from ..text import tokens

    out: dict[str, dict] = {f"words.readings[{lang}]": memo for lang, memo in sorted(words._WORD_READINGS.items())}
    if lexicon.get_lexicon.cache_info().currsize:
        lex = lexicon.get_lexicon()
        for n, (memo, _get) in enumerate(lex._memo.values()):
            out[f"lexicon.starts[{n}]"] = memo
        for n, memo in enumerate(lex._head_memo.values()):
            out[f"lexicon.heads[{n}]"] = memo
        out["lexicon.shared_shapes"] = lex._shapes
    tagger = ner.NerTagger._instance
    if tagger is not None:
        out["ner.cues"] = tagger.cues.memo
    if decision.load_model.cache_info().currsize:
        groups = decision.load_model().cache.get("groups")
        if groups is not None:
            out["decision.sums"] = groups[0]
    for split, memo in sorted(tokens._CHUNKS.items()):
        out[f"tokens.templates[{'clitics' if split else 'plain'}]"] = memo
    out["tokens.plans"] = tokens._DEFAULT_PLANS
    return out


def forget_coder_memos() -> None:
    """Empty every memo of ``coder_memos()``: for a process that has coded its last document (the end of an
    ingest, which then clusters the new events with the memory the memos held). Their entries are pure functions
    of their keys: coding again only works them out again."""
    for memo in coder_memos().values():
        forget = getattr(memo, "forget", None)
        if forget is not None:
            forget()
        else:
            memo.clear()
