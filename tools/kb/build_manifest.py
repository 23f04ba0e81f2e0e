"""Rebuild src/marsad/kb/data/manifest.json (same as `python -m marsad.kb.manifest`)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from marsad.kb.manifest import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
