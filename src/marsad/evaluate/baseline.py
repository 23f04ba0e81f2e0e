"""The CI floor: ``eval/baseline.json`` holds the test split's headline figures; they may not fall.

File shape::

    {"split": "test", "tolerance": 0.005, "updated": "2026-11-25", "kb_version": "...", "coder_version": "...",
     "gold_sha256": "<gold_fingerprint of eval/gold/test.jsonl>",
     "metrics": {"event_detection_f1": 0.61, "event_typed_f1": 0.52, "entity_overlap_f1": 0.83,
                 "entity_exact_f1": 0.79, "gsr_assault_f1": 0.40, "gsr_protest_f1": 0.35}}

``check_floor`` lists every metric below its floor (minus tolerance); ``raise_baseline`` only raises figures
unless ``force`` is given (then it writes the measured figures as they are, lower or not).

Imports: marsad.errors, marsad.evaluate.runner.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .runner import repo_root

TOLERANCE = 0.005


def gold_fingerprint(paths: list[Path] | list[str]) -> str:
    """sha256 over the gold files' bytes (sorted by name): tells whether a floor was set on the same gold set."""
    h = hashlib.sha256()
    for p in sorted(Path(x) for x in paths):
        h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def default_baseline_path() -> Path:
    return repo_root() / "eval" / "baseline.json"


def load_baseline(path: str | Path | None = None) -> dict[str, Any]:
    """The baseline file as a dict (``{"metrics": {}}`` when it does not exist yet)."""
    p = Path(path) if path else default_baseline_path()
    if not p.is_file():
        return {"split": "test", "tolerance": TOLERANCE, "metrics": {}}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"baseline {p} is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("metrics"), dict):
        raise InputError(f"baseline {p} must be an object with a 'metrics' object")
    return data


@dataclass(frozen=True, slots=True)
class FloorBreach:
    metric: str
    floor: float
    measured: float | None

    def __str__(self) -> str:
        got = "not measured" if self.measured is None else f"{self.measured:.4f}"
        return f"{self.metric}: {got} < floor {self.floor:.4f}"


def check_floor(measured: dict[str, float], baseline: dict[str, Any],
                tolerance: float | None = None) -> list[FloorBreach]:
    """Every baseline metric whose measured value is below ``floor - tolerance`` (or missing from ``measured``)."""
    tol = float(baseline.get("tolerance", TOLERANCE) if tolerance is None else tolerance)
    out = []
    for name, floor in sorted(baseline.get("metrics", {}).items()):
        got = measured.get(name)
        if got is None or got < float(floor) - tol:
            out.append(FloorBreach(name, float(floor), got))
    return out


def raise_baseline(measured: dict[str, float], baseline: dict[str, Any], force: bool = False,
                   info: dict[str, str] | None = None) -> tuple[dict[str, Any], list[str]]:
    """New baseline content and a list of human-readable changes. Without ``force`` figures only go up."""
    old = dict(baseline.get("metrics", {}))
    new = dict(old)
    changes = []
    for name, value in sorted(measured.items()):
        value = round(float(value), 4)
        before = old.get(name)
        if before is None or value > float(before) or (force and value != float(before)):
            new[name] = value
            changes.append(f"{name}: {'-' if before is None else f'{float(before):.4f}'} -> {value:.4f}")
        elif value < float(before):
            changes.append(f"{name}: kept {float(before):.4f} (measured {value:.4f}; use --force to lower)")
    out = {**baseline, "split": baseline.get("split", "test"), "tolerance": baseline.get("tolerance", TOLERANCE),
           "updated": dt.date.today().isoformat(), "metrics": new}
    out.update(info or {})
    return out, changes


def write_baseline(data: dict[str, Any], path: str | Path | None = None) -> Path:
    p = Path(path) if path else default_baseline_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"baseline {p}: cannot write ({exc.strerror})") from None
    return p
