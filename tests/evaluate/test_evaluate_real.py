"""The real-text gold (eval/real) and its scorer (marsad.evaluate.real, `marsad eval --real`).

The gold holds ids, offsets and labels only; the texts stay in ../shared. The scorer's unit tests use texts
written for this test."""
from __future__ import annotations

import json

import pytest

from marsad.evaluate.real import RealDoc, RealEvent, RealReport, load_real_gold, score_doc
from marsad.evaluate.runner import repo_root

REAL = repo_root() / "eval" / "real"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


@pytest.mark.parametrize("name", ["sentences.jsonl", "articles.jsonl", "agreement.json"])
def test_the_real_gold_files_are_committed(name):
    assert (REAL / name).is_file(), f"eval/real/{name} is committed: build it with eval/real/build_real.py"


def test_the_gold_stores_no_text_and_well_formed_labels():
    ids = set()
    for name in ("sentences.jsonl", "articles.jsonl"):
        for line in (REAL / name).open(encoding="utf-8"):
            rec = json.loads(line)
            assert "text" not in rec and rec["id"] not in ids and rec["split"] in ("dev", "test")
            ids.add(rec["id"])
            for ev in rec["events"]:
                assert ev["type"] in TYPES and set(ev["trigger"]) == {"start", "end"}
                assert ev["modality"] in {"asserted", "reported", "negated", "intended", "planned", "hypothetical"}
                assert isinstance(ev["background"], bool)
    assert len(ids) >= 1200 + 80


def test_every_type_and_both_splits_are_present():
    seen = {json.loads(line)["split"] for line in (REAL / "sentences.jsonl").open(encoding="utf-8")}
    types = {ev["type"] for name in ("sentences.jsonl", "articles.jsonl")
             for line in (REAL / name).open(encoding="utf-8") for ev in json.loads(line)["events"]}
    assert seen == {"dev", "test"} and types == TYPES


def test_gold_offsets_fit_the_shared_texts(shared_dir):
    docs = load_real_gold()
    assert len(docs) >= 1280
    for d in docs:
        for ev in d.events:
            assert 0 <= ev.start < ev.end <= len(d.text) and d.text[ev.start:ev.end].strip()


TEXT = "قصف الجيش قرية أمس. وتظاهر طلاب في العاصمة. وقال المتحدث إن الوضع هادئ."


def _pred(etype, word, source=(), target=(), **kw):
    start = TEXT.index(word)
    return {"type": etype, "trigger": {"start": start, "end": start + len(word), "text": word},
            "source": [{"code": c} for c in source], "target": [{"code": c} for c in target],
            "modality": kw.get("modality", "asserted"), "confidence": kw.get("confidence", 0.9),
            "background": kw.get("background", False), "rule": "r"}


def _gold(etype, word, source=(), target=(), background=False):
    start = TEXT.index(word)
    return RealEvent(etype, None, start, start + len(word), tuple(source), tuple(target), "asserted", background)


def test_scoring_counts_types_roles_and_background():
    doc = RealDoc("t1", "gsr", "ar", "dev", None, TEXT, [
        _gold("ASSAULT", "قصف", ["SYRMIL"], ["SYRCVL"]), _gold("PROTEST", "تظاهر", ["CVL"]),
        _gold("ASSAULT", "قرية", background=True)])
    rep = RealReport()
    score_doc(doc, {"events": [
        _pred("ASSAULT", "قصف", ["SYRMIL"], ["IRQCVL"]),      # right type, wrong target country
        _pred("ACCUSE", "تظاهر"),                             # wrong type: a confusion, a miss and a false alarm
        _pred("ASSAULT", "قرية", background=True),             # flagged background: left out
        _pred("REQUEST", "قال", modality="negated")]}, rep, want_diff=True)  # negated: no new event
    assert (rep.events.tp, rep.events.n_pred, rep.events.n_gold) == (1, 2, 2)
    assert rep.tuples.tp == 0 and rep.field_acc("source_country") == 1.0 and rep.field_acc("target_country") == 0.0
    assert rep.confusion[("PROTEST", "ACCUSE")] == 1 and rep.confusion[("ASSAULT", "ASSAULT")] == 1
    assert {d["kind"] for d in rep.diff} == {"roles", "false-alarm"}


def test_a_negative_text_with_an_event_is_a_false_alarm():
    rep = RealReport()
    score_doc(RealDoc("n", "gsr", "ar", "dev", None, TEXT, []), {"events": [_pred("ASSAULT", "قصف")]}, rep)
    score_doc(RealDoc("m", "gsr", "ar", "dev", None, TEXT, []), {"events": []}, rep)
    assert (rep.negatives, rep.negatives_alarmed) == (2, 1)
    assert rep.headline("x")["x_silent_on_negatives"] == 0.5


def test_merge_precision_counts_merges_that_join_two_gold_acts():
    """From the explain trace: a telling merged into a kept event joins two acts when each trigger overlaps a
    different gold event of its type; a restatement that overlaps no gold event is a right merge."""
    doc = RealDoc("mg", "gsr", "ar", "dev", None, TEXT, [_gold("ASSAULT", "قصف"), _gold("ASSAULT", "قرية")])
    kept = dict(_pred("ASSAULT", "قصف"), id="e1")

    def merged(word):
        return {"trigger": _pred("ASSAULT", word)["trigger"], "type": "ASSAULT", "outcome": "merged into e1"}

    rep = RealReport()
    score_doc(doc, {"events": [kept], "explain": [merged("قرية"), merged("أمس"),
                                                  {"trigger": kept["trigger"], "type": "ASSAULT",
                                                   "outcome": "kept as e1"}]}, rep)
    assert rep.merges == [2, 1] and rep.to_dict()["merge_precision"] == 0.5
    assert RealReport().to_dict()["merge_precision"] is None


def test_cli_eval_real_reports_every_group(shared_dir, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    out = tmp_path / "real.json"
    res = CliRunner().invoke(app, ["eval", "--real", "--split", "dev", "--json", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"sentences-ar", "articles-ar", "articles-en", "all"} <= set(data)
    assert data["all"]["events"]["gold"] > 100 and 0 < data["all"]["events"]["f1"] < 1
    assert data["all"]["merges"] > 10 and data["all"]["merge_precision"] > 0.5  # coded with the explain trace
    assert "detection+type" in res.output


def test_newspaper_rates_by_section_and_sports_pages(shared_dir):
    from marsad.evaluate.newspapers import is_sports, newspaper_rates, section_of

    assert is_sports({"source": "arreyadi", "url": "http://x/1"})
    assert is_sports({"source": "alwatan", "url": "http://alwatan.com.sa/Sports/News_Detail.aspx?x=1"})
    assert not is_sports({"source": "alwatan", "url": "http://alwatan.com.sa/Politics/News_Detail.aspx?x=1"})
    assert section_of({"source": "alwatan", "url": "http://alwatan.com.sa/Politics/x"}) == "alwatan/Politics"
    data = newspaper_rates(limit=60)
    assert data["all"]["articles"] == 60 and sum(v["articles"] for v in data["sections"].values()) == 60
    assert data["all"]["events_per_100"] > 0


def test_the_gold_is_rebuilt_from_the_versioned_annotations(shared_dir, tmp_path):
    # annotations/{A,B,ADJ}.jsonl (offsets only) + the seeded samples -> the committed gold and agreement, exactly
    import subprocess
    import sys

    res = subprocess.run([sys.executable, str(REAL / "build_real.py"), "--from-annotations", "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    for name in ("sentences.jsonl", "articles.jsonl", "agreement.json"):
        assert (tmp_path / name).read_bytes() == (REAL / name).read_bytes(), name
    for who in ("A", "B", "ADJ"):
        for line in (REAL / "annotations" / f"{who}.jsonl").open(encoding="utf-8"):
            rec = json.loads(line)
            assert set(rec) == {"id", "batch", "events"}  # no text, no notes
            assert all(set(ev["trigger"]) == {"start", "end"} for ev in rec["events"])
