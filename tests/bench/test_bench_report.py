"""`marsad bench`: the corpus is reproducible and the report has the promised structure (never timed)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.bench import generate, run_bench
from marsad.cli import app
from marsad.errors import InputError


def test_corpus_is_seeded_and_sized():
    a, b, c = generate(12, "ar", seed=3), generate(12, "ar", seed=3), generate(12, "ar", seed=4)
    assert [d.text for d in a.docs] == [d.text for d in b.docs]
    assert [d.text for d in a.docs] != [d.text for d in c.docs]
    sizes = [len(d.text.encode("utf-8")) for d in a.docs]
    assert all(1800 <= s <= 3000 for s in sizes), sizes
    assert all("{" not in d.text for d in a.docs)  # every slot filled
    assert len({d.id for d in a.docs}) == 12


def test_mixed_and_english():
    mixed = generate(9, "mixed", seed=1)
    assert [d.lang for d in mixed.docs].count("en") == 3
    en = generate(2, "en", seed=1)
    assert all(sum(ch.isascii() for ch in d.text) > 0.95 * len(d.text) for d in en.docs)


@pytest.mark.parametrize("kwargs", [{"lang": "fr"}, {"n": 0}])
def test_bad_options(kwargs):
    with pytest.raises(InputError):
        generate(**{"n": 2, "lang": "ar", **kwargs})


def test_run_bench_structure():
    rep = run_bench(20, "ar", seed=5).to_dict()
    assert rep["corpus"]["docs"] == 20 and rep["corpus"]["bytes"] > 20 * 1500
    p = rep["pipeline"]
    assert p["seconds"] > 0 and p["articles_per_s"] > 0 and p["mb_per_s"] > 0
    assert p["stages"] and all(v >= 0 for v in p["stages"].values())
    assert rep["regex_floor"]["seconds"] > 0 and rep["ratio_to_regex"] > 0
    assert rep["peak_rss_mb"] > 0
    assert rep["machine"]["python"]


def test_timings_keyword_is_used_when_the_coder_takes_it():
    calls = []

    def coder(text, lang=None, date=None, timings=None):
        calls.append(timings is not None)
        if timings is not None:
            timings["tokens"] = timings.get("tokens", 0.0) + 0.001
            timings["events"] = timings.get("events", 0.0) + 0.002
        return {"events": []}

    rep = run_bench(corpus=generate(5, "en", seed=2), coder=coder, text_layer=False).to_dict()
    assert calls.count(True) == 5
    assert list(rep["pipeline"]["stages"]) == ["events", "tokens"]
    assert rep["pipeline"]["stages"]["events"] == pytest.approx(0.01)


def test_cli_bench_json():
    res = CliRunner().invoke(app, ["bench", "--docs", "20", "--lang", "mixed", "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["corpus"]["docs"] == 20 and rep["pipeline"]["articles_per_s"] > 0


def test_cli_bench_table_and_bad_lang():
    res = CliRunner().invoke(app, ["bench", "--docs", "20"])
    assert res.exit_code == 0 and "articles/s" in res.output and "ratio" in res.output
    res = CliRunner().invoke(app, ["bench", "--docs", "5", "--lang", "fr"])
    assert res.exit_code == 2 and "--lang" in res.output


def test_cli_bench_markdown():
    res = CliRunner().invoke(app, ["bench", "--docs", "20", "--markdown"])
    assert res.exit_code == 0, res.output
    assert "| articles/s | MB/s |" in res.stdout


def test_cli_bench_dump_is_the_same_corpus(tmp_path):
    out = tmp_path / "corpus.jsonl"
    res = CliRunner().invoke(app, ["bench", "--docs", "3", "--seed", "11", "--json", "--dump", str(out)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == [d.text for d in generate(3, "ar", seed=11).docs]


def test_cli_bench_ner_times_the_ner_stage():
    plain = json.loads(CliRunner().invoke(app, ["bench", "--docs", "8", "--json"]).stdout)
    res = CliRunner().invoke(app, ["bench", "--docs", "8", "--json", "--ner"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["ner"] is True and plain["ner"] is False
    # the stage runs either way; with --ner it tags the sentences with a trigger, which costs real time
    assert rep["pipeline"]["stages"]["find_new_entities"] > 10 * plain["pipeline"]["stages"]["find_new_entities"]
    assert "--ner" in CliRunner().invoke(app, ["bench", "--docs", "3", "--markdown", "--ner"]).stdout
