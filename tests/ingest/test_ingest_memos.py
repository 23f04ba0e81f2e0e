"""The ingest's tighter memo bounds (ingest.memos): they name real constants of the coder, they take effect, and
coding with memos that start over after every word gives exactly the output of the default bounds."""
from __future__ import annotations

import importlib
import json

import pytest

import marsad
from marsad.errors import CodingError
from marsad.ingest import memos, runner

TEXTS = [
    ("اجتمع وزير الخارجية المصري مع نظيره الأردني في عمان يوم الأحد لبحث التعاون بين البلدين، "
     "ثم تظاهر مئات الطلاب أمام السفارة احتجاجا على ارتفاع الأسعار.", "ar"),
    ("قصفت طائرات حربية مواقع في شمال البلاد، وأعلنت الحكومة أنها ستقدم مساعدات إلى العائلات النازحة.", "ar"),
    ("The foreign minister of Egypt met his Jordanian counterpart in Amman on Sunday, and hundreds of students "
     "protested outside the embassy against rising prices.", "en"),
]


def _code_all() -> list[dict]:
    return [marsad.code(text, lang=lang, date="2024-03-10").to_dict() for text, lang in TEXTS]


def test_every_bound_names_an_integer_constant_of_the_coder():
    for (modname, name), bound in [*memos.MEMO_BOUNDS.items(), *memos.INGEST_BOUNDS.items()]:
        value = getattr(importlib.import_module(modname), name, None)
        assert isinstance(value, int) and 0 < bound, (modname, name)


def test_the_default_ingest_bounds_lie_between_the_small_ones_and_the_coders():
    """Every memo the default ingest bounds is one ``--small-memos`` bounds too, at least as large; and the word
    readings, lexicon heads and chunk templates (the memos that set the 10k peak) are bounded below the coder's own
    generations, read from the source (a test that ran an ingest before may have lowered the module constants)."""
    import re
    from pathlib import Path

    for key, bound in memos.INGEST_BOUNDS.items():
        assert key in memos.MEMO_BOUNDS and bound >= memos.MEMO_BOUNDS[key], key
        modname, name = key
        source = Path(importlib.import_module(modname).__file__).read_text(encoding="utf-8")
        coder = int(re.search(rf"^{name} = ([\d_]+)", source, re.M).group(1))
        assert bound < coder, key


def test_bounding_never_raises_a_bound_and_lowers_the_others(monkeypatch):
    (modname, name), bound = next(iter(memos.MEMO_BOUNDS.items()))
    mod = importlib.import_module(modname)
    monkeypatch.setattr(mod, name, bound * 10)
    memos.bound_coder_memos()
    assert getattr(mod, name) == bound
    monkeypatch.setattr(mod, name, bound // 2)
    memos.bound_coder_memos()
    assert getattr(mod, name) == bound // 2


def test_a_constant_the_coder_no_longer_has_is_a_one_line_error():
    with pytest.raises(CodingError) as err:
        memos.bound_coder_memos({("marsad.extract.words", "NO_SUCH_MEMO_MAX"): 10})
    assert err.value.code == "E400" and "NO_SUCH_MEMO_MAX" in str(err.value) and "\n" not in str(err.value)


def test_memos_of_one_entry_a_generation_change_no_output(monkeypatch):
    expected = _code_all()
    for (modname, name) in memos.MEMO_BOUNDS:  # restored after the test
        mod = importlib.import_module(modname)
        monkeypatch.setattr(mod, name, getattr(mod, name))
    memos.bound_coder_memos({key: 1 for key in memos.MEMO_BOUNDS})
    runner.bound_memory(limit=0)  # and every functools cache emptied
    for memo in _coder_memos():  # a bound is checked when an entry is added: start from empty memos
        memo.forget()
    from marsad.extract import words

    got = _code_all()
    # the bounds took effect: every memo holds at most two generations of one entry
    assert 0 < words._WORD_READINGS["ar"].entries() <= 2
    for memo in _coder_memos():
        assert memo.entries() <= 2 * 2, memo  # the decision layer's bound is twice the others'
    assert got == expected


def _coder_memos() -> list:
    """Every Generations memo the coder holds now (module-level and in its lexicon, NER cues, decision model)."""
    from marsad.extract import decision, lexicon, words
    from marsad.text import tokens

    lex = lexicon.get_lexicon()
    memos_ = [*words._WORD_READINGS.values(), *tokens._CHUNKS.values(), tokens._DEFAULT_PLANS,
              *(memo for memo, _get in lex._memo.values()), *lex._head_memo.values()]  # (memo, its bound get)
    memos_ += [got[0] for got in (decision.load_model().cache.get("groups"),) if got is not None]
    return memos_


def test_every_memo_of_the_coder_is_bounded_by_generations():
    """A memo the coder fills per word form is a Generations (text._memo) whose bound names a constant of
    ``ingest.memos.MEMO_BOUNDS``: coding a text leaves each memo within twice its constant."""
    from marsad.text._memo import Generations

    from marsad.extract import lexicon, words

    _code_all()
    lex = lexicon.get_lexicon()
    ws, _ = words.segment(TEXTS[0][0], "ar")
    lex.head_positions(ws, (lex.triggers["ar"], lex.cues["ar"]))
    for i in range(len(ws)):
        lex.matches(lex.triggers["ar"], ws, i)
    found = _coder_memos()
    assert lex._memo and lex._head_memo and words._WORD_READINGS
    assert all(isinstance(m, Generations) for m in found)


def test_the_ingest_bounds_the_memos_by_default_and_tighter_when_asked(monkeypatch):
    """Every ``marsad ingest`` coding process runs with ``INGEST_BOUNDS`` (issue 24: the 10k peak); ``--small-memos``
    (IngestOptions.small_memos) with the tenfold smaller ``MEMO_BOUNDS`` (9-16% more coding CPU)."""
    for (modname, name), bound in memos.INGEST_BOUNDS.items():
        monkeypatch.setattr(importlib.import_module(modname), name, bound * 10)
    runner.code_batch([], near_dups=False)
    for (modname, name), bound in memos.INGEST_BOUNDS.items():
        assert getattr(importlib.import_module(modname), name) == bound, name
    runner.code_batch([], near_dups=False, small_memos=True)
    for (modname, name), bound in memos.MEMO_BOUNDS.items():
        assert getattr(importlib.import_module(modname), name) <= bound, name
    assert importlib.import_module("marsad.extract.words").WORD_READINGS_MAX == \
        memos.MEMO_BOUNDS[("marsad.extract.words", "WORD_READINGS_MAX")]


def test_an_ingest_codes_with_the_ingest_bounds_and_the_same_output(tmp_path, monkeypatch):
    """In process, as ``marsad ingest -w 1`` runs: the word memo's generation is the ingest's bound once it has
    coded, and the stored events are the ones ``marsad.code`` gives with the coder's own bounds."""
    from marsad.extract import words
    from marsad.ingest.runner import IngestOptions, ingest
    from marsad.store.db import Store

    expected = _code_all()
    for (modname, name), bound in memos.INGEST_BOUNDS.items():
        monkeypatch.setattr(importlib.import_module(modname), name, bound * 2)  # restored after the test
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{n}", "text": text, "lang": lang, "date": "2024-03-10"},
                                      ensure_ascii=False) + "\n" for n, (text, lang) in enumerate(TEXTS)),
                   encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        ingest([str(src)], store, IngestOptions(batch=2))
        stored = sorted(r[0] for r in store.sql("SELECT cameo || ':' || trigger_text FROM events"))
    assert words.WORD_READINGS_MAX == memos.INGEST_BOUNDS[("marsad.extract.words", "WORD_READINGS_MAX")]
    assert stored == sorted(f"{e['cameo']}:{e['trigger']['text']}" for d in expected for e in d["events"])


def test_forgetting_the_memos_empties_them_and_changes_no_output():
    expected = _code_all()
    found = memos.coder_memos()
    # (not the lexicon's: a test before may have emptied ``get_lexicon``'s cache, so that the lexicon listed is a new
    # one, not the pipeline's, and an ingest test before may have forgotten that one's memos)
    assert found["words.readings[ar]"] and found["tokens.templates[plain]"]
    memos.forget_coder_memos()
    assert all(len(m) + len(getattr(m, "old", ())) == 0 for m in memos.coder_memos().values())
    assert _code_all() == expected


def test_an_ingest_coding_in_process_forgets_the_memos_before_clustering(tmp_path, monkeypatch):
    from marsad.ingest.runner import IngestOptions, ingest
    from marsad.store.db import Store

    calls: list[int] = []
    monkeypatch.setattr(runner, "forget_coder_memos", lambda: calls.append(len(memos.coder_memos())))
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{n}", "text": text, "lang": lang, "date": "2024-03-10"},
                                      ensure_ascii=False) + "\n" for n, (text, lang) in enumerate(TEXTS)),
                   encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        rep = ingest([str(src)], store, IngestOptions(batch=2))
    assert rep.read == 3 and len(calls) == 1 and calls[0] > 0


def test_the_memos_a_long_run_grows_stay_within_the_ingest_bounds(monkeypatch):
    """Issue 24, tenth round: past the real articles of the memory bench the lexicon starts and the decision
    layer's group sums kept growing (the coder's 250,000 and 200,000 entries a generation), so ``INGEST_BOUNDS``
    bounds them too. With every ingest bound scaled down to a few entries, a stream of articles coded as the ingest
    codes them leaves none of the coder's memos above two generations of its bound."""
    from marsad.bench import generate
    from marsad.export.tables import DocMeta
    from marsad.extract import words
    from marsad.pipeline import Coder

    assert {("marsad.extract.lexicon", "FIRST_MEMO_MAX"), ("marsad.extract.decision", "GROUP_CACHE_MAX"),
            ("marsad.extract.words", "WORD_READINGS_MAX"), ("marsad.extract.lexicon", "HEAD_MEMO_MAX")} <= \
        set(memos.INGEST_BOUNDS)
    small = {key: 8 for key in memos.INGEST_BOUNDS}
    monkeypatch.setattr(runner, "INGEST_BOUNDS", small)  # what code_batch reads
    for modname, name in small:  # restored after the test
        monkeypatch.setattr(importlib.import_module(modname), name, getattr(importlib.import_module(modname), name))
    res = Coder.default().res  # the coder's own lexicon and model (coder_memos may list newer ones after a test
    marsad.code("warm up", lang="ar")  # that emptied get_lexicon's cache)
    found = {"words.readings": list(words._WORD_READINGS.values()),
             "lexicon.starts": [memo for memo, _get in res.lexicon._memo.values()],
             "lexicon.heads": list(res.lexicon._head_memo.values()),
             "decision.sums": [res.decision.cache["groups"][0]]}
    for group in found.values():  # a test before may have filled them under larger bounds
        for memo in group:
            memo.forget()
    docs = generate(40, lang="ar", seed=7).docs
    runner.code_batch([(i, DocMeta(lang="ar", date=d.date), d.text) for i, d in enumerate(docs)], near_dups=False)
    for kind, group in found.items():
        held = [len(m) + len(m.old) for m in group]
        assert max(held) > 0 and all(n <= 2 * 8 for n in held), (kind, held)  # filled, and rotated


def test_the_time_finders_memos_stay_within_the_ingest_bounds(monkeypatch):
    """Issue 24, twelfth round: the time finder's memos (date matches and resolutions, the words a time may start
    with, the phrase scanners' windows) were left at the coder's 50,000-100,000 entries and grew ~5 MB per 10,000
    articles over the 100k run; ``INGEST_BOUNDS`` bounds them. With those bounds at a few entries, a stream of
    articles coded as the ingest codes them leaves each at most at its bound (the date caches and the scanners'
    windows are emptied when full; the start words stop being added)."""
    from marsad.bench import generate
    from marsad.export.tables import DocMeta
    from marsad.text import _scan, dates

    keys = {("marsad.text.dates", "_PARSE_CACHE_MAX"), ("marsad.text.dates", "MAY_START_MAX"),
            ("marsad.text._scan", "SCAN_CACHE_MAX")}
    assert keys <= set(memos.INGEST_BOUNDS) and keys <= set(memos.MEMO_BOUNDS)
    small = {key: 8 for key in memos.INGEST_BOUNDS}
    monkeypatch.setattr(runner, "INGEST_BOUNDS", small)  # what code_batch reads
    for modname, name in small:  # restored after the test
        monkeypatch.setattr(importlib.import_module(modname), name, getattr(importlib.import_module(modname), name))
    scanners = [obj for mod in (dates,) for obj in vars(mod).values() if isinstance(obj, _scan.PhraseSet)]
    assert scanners
    for memo in [dates._RESOLVED, dates._SUB_MATCHES, dates._MAY_START] + [s._cache for s in scanners]:
        memo.clear()  # a test before may have filled them under the coder's bounds
    docs = generate(40, lang="ar", seed=11).docs
    runner.code_batch([(i, DocMeta(lang="ar", date=d.date), d.text) for i, d in enumerate(docs)], near_dups=False)
    held = {"resolved": len(dates._RESOLVED), "sub matches": len(dates._SUB_MATCHES),
            "may start": len(dates._MAY_START), "scanners": max(len(s._cache) for s in scanners)}
    assert all(0 < n <= 8 for n in held.values()), held
