"""The one normalization of KB names: ``marsad.text.normalize_key`` (temporary local fallback while it lands)."""
from __future__ import annotations

try:
    from ..text import normalize_key  # noqa: F401
except ImportError:  # pragma: no cover - only until marsad.text exists
    import re
    import unicodedata

    _HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
    _MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

    def normalize_key(text: str) -> str:
        text = unicodedata.normalize("NFKC", text)
        text = _HARAKAT.sub("", text).translate(_MAP).casefold()
        return " ".join(text.split())
