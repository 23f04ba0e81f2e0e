"""Measure the coder: gold-set scoring (``marsad eval``), the Arabic event GSR, and the CI floor.

Library first: the CLI (marsad.cli.eval) is a thin wrapper over these functions. Imports marsad.model,
marsad.errors and (lazily) marsad.pipeline / marsad.kb; nothing else of marsad imports this package.
"""
from __future__ import annotations

from .baseline import check_floor, load_baseline, raise_baseline, write_baseline
from .gold import GoldDoc, GoldEntity, GoldEvent, GoldProblem, kb_codes, load_gold, validate_gold
from .gsr import GSRReport, score_gsr
from .runner import GoldEvaluation, default_gold_files, evaluate, predictions_from_file
from .scoring import PRF, EvalReport, FieldScore, match_events, score_document

__all__ = sorted([
    "EvalReport", "FieldScore", "GSRReport", "GoldDoc", "GoldEntity", "GoldEvaluation", "GoldEvent", "GoldProblem",
    "PRF", "check_floor", "default_gold_files", "evaluate", "kb_codes", "load_baseline", "load_gold",
    "match_events", "predictions_from_file", "raise_baseline", "score_document", "score_gsr", "validate_gold",
    "write_baseline",
])
