"""The README's counts of things in the repository are recomputed here, so they cannot go stale in silence.

Checked: the KB figures (the numbers ``marsad kb stats`` prints: countries, people and those with dated roles,
organizations, role titles, places, capitals, places with Arabic names, regions) wherever the README states them;
the gazetteer's distinct names; the demo corpus (articles, languages, years) and the whole ``marsad demo`` summary
it prints; the real-text gold (sentences, articles, and the texts and events of its test split); the written gold's
test split (articles, events, articles per language); the case table's sentences. Measured figures (accuracy,
speed) are not counts of the repository: ``eval/baseline.json`` and the bench report hold those.
When one fails, correct the README with the figure the message gives (or the command it names).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.kb import load_kb
from marsad.kb.stats import stats as kb_stats

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
NUM = r"(\d[\d,]*)"


def readme() -> str:
    return " ".join(README.read_text(encoding="utf-8").split())  # one line: phrases may wrap anywhere


def numbers(pattern: str, text: str | None = None) -> list[tuple[int, ...]]:
    """Every match of ``pattern`` in the README, its groups as ints ("4,139" -> 4139); at least one must exist."""
    found = [tuple(int(g.replace(",", "")) for g in m.groups()) for m in re.finditer(pattern, text or readme())]
    assert found, f"the README no longer says {pattern!r}: update this test with the new wording"
    return found


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def kb_figures() -> dict[str, int]:
    kb = load_kb()
    st = kb_stats(kb)
    records = {name.removesuffix(".jsonl"): f["records"] for name, f in st["files"].items()}
    keys = {k for e in kb.names() if len(k := e.key.strip()) >= 2}  # the gazetteer's keys (Gazetteer._build)
    return {"countries": st["countries"]["total"], "people": records["people"],
            "people with roles": sum(1 for rid, e in kb.entities.items() if e.kind == "person" and kb.person_roles(rid)),
            "organizations": records["organizations"], "roles": records["roles"], "places": st["places"]["total"],
            "capitals": st["places"]["capitals"], "places in Arabic": st["places"]["with_arabic"],
            "regions": records["regions"], "gazetteer names": len(keys)}


@pytest.mark.parametrize("what, pattern", [
    ("countries", NUM + r" countries \(ISO 3166-1"),
    ("countries", NUM + r" countries with Arabic names"),
    ("people", NUM + r" people \("),
    ("people", NUM + r" people with dated roles"),
    ("people with roles", r"people \(" + NUM + r" with dated roles"),
    ("organizations", NUM + r" organizations"),
    ("roles", NUM + r" role titles/institutions/group nouns"),
    ("places", NUM + r" places \("),
    ("places", NUM + r" places with coordinates"),
    ("capitals", r"places \(" + NUM + r" capitals"),
    ("places in Arabic", r"Arabic names for " + NUM + r"\)"),
    ("regions", NUM + r" regions"),
    ("gazetteer names", r"Aho-Corasick automaton over " + NUM + r" distinct names"),
])
def test_kb_counts(kb_figures, what, pattern):
    for (said,) in numbers(pattern):
        assert said == kb_figures[what], f"README says {said} {what}; `marsad kb stats` counts {kb_figures[what]}"


def test_demo_corpus_counts():
    rows = jsonl(ROOT / "src" / "marsad" / "demo" / "articles.jsonl")
    langs = Counter(r["lang"] for r in rows)
    years = sorted(r["date"][:4] for r in rows)
    (n, ar, en, first, last), = numbers(NUM + r" short news-style articles written for the project \(" + NUM
                                        + r" Arabic, " + NUM + r" English, (\d{4})–(\d{4})")
    assert (n, ar, en, first, last) == (len(rows), langs["ar"], langs["en"], int(years[0]), int(years[-1]))


def _summary_lines(text: str) -> list[str]:
    """The `marsad demo` summary from its "documents:" line on, whitespace folded (the ingest table above it holds a
    speed, and rich pads columns to the terminal)."""
    text = text[text.index("documents:"):]
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_demo_transcript_is_what_marsad_demo_prints(tmp_path):
    from marsad.cli import app

    res = CliRunner().invoke(app, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert res.exit_code == 0, res.output
    text = README.read_text(encoding="utf-8")
    block = text[text.index("$ marsad demo --db marsad.duckdb"):]
    block = block[:block.index("```")]
    assert _summary_lines(block) == _summary_lines(res.output), (
        "the README's `marsad demo` transcript differs from what it prints now: paste the new output")


def test_real_gold_counts():
    sentences = jsonl(ROOT / "eval" / "real" / "sentences.jsonl")
    articles = Counter(r["corpus"] for r in jsonl(ROOT / "eval" / "real" / "articles.jsonl"))
    (n_sent,), = numbers(NUM + r" real Arabic newswire sentences drawn at random")
    (n_sa, n_wiki), = numbers(NUM + r" real Saudi newspaper articles and " + NUM + r" real English Wikinews articles")
    assert (n_sent, n_sa, n_wiki) == (len(sentences), articles["saudinewsnet"], articles["wikinews"])


@pytest.mark.parametrize("group, corpus, path", [
    ("Arabic newswire sentences", "gsr", "sentences.jsonl"),
    ("Arabic newspaper articles", "saudinewsnet", "articles.jsonl"),
    ("English Wikinews articles", "wikinews", "articles.jsonl"),
])
def test_real_gold_test_split_table(group, corpus, path):
    docs = [r for r in jsonl(ROOT / "eval" / "real" / path) if r["corpus"] == corpus and r["split"] == "test"]
    events = sum(1 for r in docs for e in r["events"] if not e.get("background"))  # RealDoc.new_events
    (texts, gold), = numbers(r"\| " + group + r" \| " + NUM + r" \| " + NUM + r" \|")
    assert (texts, gold) == (len(docs), events)


def test_written_gold_test_split_counts():
    docs = jsonl(ROOT / "eval" / "gold" / "test.jsonl")
    (n, events), = numbers(r"Written gold, test split \(" + NUM + r" articles, " + NUM + r" gold events\)")
    assert (n, events) == (len(docs), sum(len(d["events"]) for d in docs))
    langs = Counter(d["lang"] for d in docs)
    for lang in ("ar", "en"):
        (said,), = numbers(r"\| " + lang + r" \| " + NUM + r" \|")
        assert said == langs[lang], f"README says {said} {lang} test articles, the gold holds {langs[lang]}"


def test_case_table_count():
    cases = jsonl(ROOT / "tests" / "extract" / "event_cases.jsonl")
    (said,), = numbers(r"`tests/extract/event_cases\.jsonl`, " + NUM + r" sentences")
    assert said == len(cases)
