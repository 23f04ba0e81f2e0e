"""The one normalization of KB names: ``marsad.text.normalize_key`` (re-exported so kb modules import one place)."""
from __future__ import annotations

from ..text.normalize import normalize_key

__all__ = ["normalize_key"]
