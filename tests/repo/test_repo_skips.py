"""Skips are for what some machines genuinely lack (../shared, chromium, a Java runtime), never for a file that is
committed: a deleted eval/baseline.json or kb file must fail a test, not silence it. Every skip in tests/ is listed
here with what it waits for; a new one fails this test until it is listed (or turned into an assertion).
"""
from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]

# (file, enclosing function or "<module>") -> what is absent when it skips
ALLOWED = {
    ("conftest.py", "shared_dir"): "../shared beside the checkout (CI has it)",
    ("evaluate/test_evaluate_floor.py", "test_gsr_not_below_floor"): "../shared/data/arabic-event-gsr-dev",
    ("eval_data/test_eval_data_gold.py", "test_gold_texts_are_not_copied_from_shared"): "../shared",
    ("text/test_text_real_news.py", "_sentences"): "../shared/data/arabic-event-gsr-dev",
    ("text/test_text_seed_and_api.py", "_seed"): "../shared/seed",
    ("browser/test_browser_dashboard.py", "<module>"): "Debian chromium; the playwright package beside it",
    ("scale/test_scale_spark.py", "<module>"): "a Java runtime for Spark",
    ("scale/test_scale_spark.py", "test_spark_submit_runs_the_job_file"): "spark-submit beside the interpreter",
    ("scale/test_scale_clusters.py", "<module>"): "a Java runtime for Spark",
    ("scale/test_scale_standalone.py", "<module>"): "a Java runtime for Spark",
    ("ingest/test_ingest_workers_die.py", "<module>"): "Linux: /proc and prctl",
    ("ingest/test_ingest_rss.py", "test_ingest_memory_is_bounded_and_flat"): "Linux: /proc and wait4's ru_maxrss",
}
SKIPPERS = {"skip", "importorskip", "skipif"}


def skip_sites(root: Path) -> set[tuple[str, str]]:
    """(file relative to root, enclosing function or "<module>") of every pytest.skip / importorskip / skipif."""
    sites = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, where: str) -> None:
            for child in ast.iter_child_nodes(node):
                inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else where
                if isinstance(child, ast.Attribute) and child.attr in SKIPPERS:
                    sites.add((path.relative_to(root).as_posix(), where))
                visit(child, inner)

        visit(tree, "<module>")
    return sites


def test_every_skip_waits_for_something_a_machine_may_lack():
    sites = skip_sites(TESTS)
    unlisted = sorted(sites - set(ALLOWED))
    assert not unlisted, f"skips that are not listed (a committed file must fail, not skip): {unlisted}"
    assert not set(ALLOWED) - sites, f"listed skips that are gone: {sorted(set(ALLOWED) - sites)}"


def test_the_scan_sees_a_skip(tmp_path):
    (tmp_path / "test_x.py").write_text("import pytest\n\ndef test_a():\n    if 1:\n        pytest.skip('x')\n\n"
                                        "np = pytest.importorskip('numpy')\n", encoding="utf-8")
    assert skip_sites(tmp_path) == {("test_x.py", "test_a"), ("test_x.py", "<module>")}
