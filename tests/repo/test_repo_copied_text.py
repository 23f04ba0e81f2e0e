"""No test text is copied from the shared data: every file under tests/ is checked against the dev corpora and the
flagship article in ../shared (7 or more consecutive words in common, after light normalisation, count as a copy).

Each corpus README forbids copying its sentences into the project: a test that passes on a sentence of the dev data
measures memory, not the rule, and leaks the evaluation text. The check needs ../shared (CI has it beside the
clone) and is skipped only when it is absent; the checker itself is tested on sentences written here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ._overlap import N, Segment, file_segments, find_overlaps, report, repo_segments, shared_texts, words

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


@pytest.mark.slow
def test_no_test_text_repeats_the_shared_data(shared_dir):
    overlaps = find_overlaps(repo_segments(TESTS), shared_texts(shared_dir))
    assert not overlaps, (f"test text shares {N}+ consecutive words with ../shared; write a sentence of your own "
                          f"that tests the same construction:\n{report(overlaps, ROOT)}")


# The texts the project ships or measures itself on: the demo corpus, the project gold's sources and the cluster
# corpus, the docs and the KB data. A title with a full name or an organization's full name can be seven words of its
# own, so here a copy is a run of eight.
WRITTEN = ("src/marsad/demo", "eval/src", "eval/clusters", "docs", "src/marsad/kb/data")
NAMES_ALLOWANCE = N + 1


@pytest.mark.slow
def test_no_shipped_or_gold_text_repeats_the_shared_data(shared_dir):
    segments = [s for d in WRITTEN for s in repo_segments(ROOT / d)] + list(file_segments(ROOT / "README.md"))
    overlaps = find_overlaps(segments, shared_texts(shared_dir), n=NAMES_ALLOWANCE)
    assert not overlaps, (f"shipped or gold text shares {NAMES_ALLOWANCE}+ consecutive words with ../shared; reword "
                          f"it (and rebuild what is generated from it):\n{report(overlaps, ROOT)}")


# --- the checker, on sentences written for this file --------------------------------------------------------------

SHARED_SENTENCE = "وقالت مصادر محلية إن دورية للشرطة تعرضت لإطلاق نار قرب سوق الخضار في المدينة مساء الخميس."


def _found(text: str, shared: str = SHARED_SENTENCE) -> list:
    return find_overlaps([Segment(Path("t.py"), 1, text)], [("corpus:1", shared)])


def test_seven_words_in_common_are_a_copy():
    hits = _found("وكتب المراسل: دورية للشرطة تعرضت لإطلاق نار قرب سوق السمك.")
    assert [(h.shared, h.words) for h in hits] == [
        ("corpus:1", ("دوريه", "للشرطه", "تعرضت", "لاطلاق", "نار", "قرب", "سوق"))]


def test_six_words_in_common_are_not():
    assert not _found("كتب المراسل أن دورية للشرطة تعرضت لإطلاق نار في الضاحية.")


def test_the_longest_run_is_reported():
    hits = _found("إن دورية للشرطة تعرضت لإطلاق نار قرب سوق الخضار في المدينة")
    assert len(hits) == 1 and len(hits[0].words) == 11


def test_diacritics_tatweel_alef_forms_and_punctuation_do_not_hide_a_copy():
    assert words("أُطلِقَ النـــار، إلى آخره: مدرسةٌ على") == ["اطلق", "النار", "الي", "اخره", "مدرسه", "علي"]
    disguised = "دوريةٌ للشـرطة تعرّضت «لإطلاق» نارٍ، قرب سوق الخُضار"
    assert _found(disguised)


def test_python_strings_comments_and_json_lines_are_read(tmp_path):
    py = tmp_path / "test_fake.py"
    py.write_text('x = ("دورية للشرطة تعرضت "\n     "لإطلاق نار قرب سوق")\n'
                  "# دورية للشرطة تعرضت لإطلاق\n# نار قرب سوق\n", encoding="utf-8")
    jl = tmp_path / "cases.jsonl"
    jl.write_text('{"id": 1}\n{"text": "دورية للشرطة تعرضت لإطلاق نار قرب سوق"}\n', encoding="utf-8")
    segs = [*file_segments(py), *file_segments(jl)]
    hits = find_overlaps(segs, [("corpus:1", SHARED_SENTENCE)])
    assert sorted((h.segment.path.name, h.segment.line) for h in hits) == [
        ("cases.jsonl", 2), ("test_fake.py", 1), ("test_fake.py", 3)]


def test_a_partial_shared_dir_is_an_error_not_a_pass(tmp_path):
    (tmp_path / "seed").mkdir()
    with pytest.raises(FileNotFoundError, match="lacks"):
        next(shared_texts(tmp_path))
