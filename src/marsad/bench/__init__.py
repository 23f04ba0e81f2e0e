"""``marsad bench``: a seeded synthetic corpus (project-written templates + KB entries) and a benchmark runner.

Benchmarks are reports (articles/s, MB/s, per-stage time, RSS, ratio to a plain regex pass), never timed tests.
Imports marsad.errors and, lazily, marsad.kb / marsad.pipeline / marsad.text.
"""
from __future__ import annotations

from .corpus import BenchDoc, Corpus, generate
from .runner import BenchReport, run_bench

__all__ = sorted(["BenchDoc", "BenchReport", "Corpus", "generate", "run_bench"])
