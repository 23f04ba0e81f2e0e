"""NER scoring (marsad.evaluate.ner, `marsad eval --ner`): reading ANERcorp-format files, aligning marsad's words
to the corpus's tokens, CoNLL-style exact-match scoring on a hand-made gold, and the CLI on the real dev split.

Every sentence here is written for this test; ANERcorp's own sentences never enter the repository."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import InputError
from marsad.evaluate.ner import TARGETS, bio_entities, read_anercorp, score_entities, word_labels
from marsad.extract.words import segment

runner = CliRunner()

# a file in ANERcorp's format, written for this test: DOCSTART, a token with its comma attached, a percentage, a
# lone U+200F token, and a line whose tag is a stray U+200F mark
SAMPLE = """-DOCSTART- -X- -X- -X- O

التقى O
سمير B-PERS
الحداد, I-PERS
وفد O
بلدية B-ORG
تيزنيت I-ORG

ارتفع O
\u200f B-LOC
المؤشر I-LOC
77% B-MISC
الأمن\u200f1706 \u200f
"""


@pytest.fixture()
def sample(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return read_anercorp(path)


def test_reading_the_format(sample):
    assert len(sample) == 2
    s0, s1 = sample
    assert s0.text == "التقى سمير الحداد, وفد بلدية تيزنيت"
    assert all(s0.text[a:b] == t for (a, b), t in zip(s0.offsets, s0.tokens))
    assert s1.tags[-1] == "O"  # the stray mark as tag reads as O
    assert bio_entities(s0.tags) == [(1, 2, "PERS"), (4, 5, "ORG")]


def test_a_bad_line_is_refused(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("كلمة X-PERS\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_anercorp(path)


def test_word_labels_align_marsad_words_to_tokens(sample):
    s0, s1 = sample
    w0, _ = segment(s0.text, "ar")
    assert [(w.text, lab) for w, lab in zip(w0, word_labels(s0, w0))] == [
        ("التقى", "O"), ("سمير", "B-PERS"), ("الحداد", "I-PERS"), (",", "O"), ("وفد", "O"), ("بلدية", "B-ORG"),
        ("تيزنيت", "I-ORG")]
    w1, _ = segment(s1.text, "ar")
    labels = dict(zip((w.text for w in w1), word_labels(s1, w1)))
    assert labels["المؤشر"] == "B-LOC"  # its B- token (a lone mark) has no word: the orphan I- becomes B-
    assert labels["77"] == "B-MISC" and labels["%"] == "O"


def test_token_range_of_character_spans(sample):
    s0 = sample[0]
    start = s0.text.index("سمير")
    assert s0.token_range(start, start + len("سمير الحداد")) == (1, 2)
    assert s0.token_range(start + 1, start + 2) == (1, 1)
    assert s0.token_range(len(s0.text), len(s0.text)) is None


def test_bio_entities_conlleval_style():
    assert bio_entities(["I-PERS", "I-PERS", "O", "B-ORG", "I-LOC", "B-LOC", "B-LOC"]) == [
        (0, 1, "PERS"), (3, 3, "ORG"), (4, 4, "LOC"), (5, 5, "LOC"), (6, 6, "LOC")]
    assert bio_entities([]) == []


def test_scoring_on_a_hand_made_gold():
    gold = [(0, 1, 2, "PERS"), (0, 4, 5, "ORG"), (1, 0, 0, "LOC"), (1, 3, 3, "LOC"), (2, 0, 1, "MISC")]
    pred = [(0, 1, 2, "PERS"),  # right
            (0, 4, 4, "ORG"),  # wrong end
            (1, 0, 0, "PERS"),  # wrong class
            (1, 3, 3, "LOC"),  # right
            (2, 5, 5, "LOC")]  # spurious
    sc = score_entities(gold, pred)
    assert (sc["PERS"].tp, sc["PERS"].n_pred, sc["PERS"].n_gold) == (1, 2, 1)
    assert (sc["ORG"].tp, sc["ORG"].n_pred, sc["ORG"].n_gold) == (0, 1, 1)
    assert (sc["LOC"].tp, sc["LOC"].n_pred, sc["LOC"].n_gold) == (1, 2, 2)
    assert sc["LOC"].precision == 0.5 and sc["LOC"].recall == 0.5
    assert (sc["MISC"].tp, sc["MISC"].n_gold) == (0, 1)
    micro = sc["micro"]  # PERS + ORG + LOC only
    assert (micro.tp, micro.n_pred, micro.n_gold) == (2, 5, 4)
    assert micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)


def test_eval_ner_refuses_the_test_split():
    result = runner.invoke(app, ["eval", "--ner", "--split", "test"])
    assert result.exit_code != 0


@pytest.mark.slow
def test_eval_ner_cli_on_the_real_dev_split(shared_dir):  # skips (in the fixture) only without ../shared
    assert (shared_dir / "data" / "anercorp" / "dev.txt").is_file()
    result = runner.invoke(app, ["eval", "--ner", "--json", "-"])
    assert result.exit_code == 0, result.output
    rep = json.loads(result.stdout)
    assert rep["split"] == "dev" and rep["sentences"] == 707
    crf, kb = rep["systems"]["crf"], rep["systems"]["kb"]
    for cls, target in TARGETS.items():  # the targets hold on dev, and the CRF beats the KB alone
        assert crf[cls]["f1"] >= target, (cls, crf[cls])
        assert crf[cls]["f1"] > kb[cls]["f1"]
    assert rep["tagger_words_per_s"] > 0
