"""The docs' screenshots are taken by tools/docs_shots.py (``make docs-shots``): here it runs against a real
``marsad serve`` over a store of articles written for the tests, in Debian chromium, and must write one PNG per view
it names; the README links every screenshot committed in docs/screenshots/, and each is a PNG of the tool's size."""
from __future__ import annotations

import importlib.util
import os
import struct
from pathlib import Path

import pytest

from api.desk_texts import build
from browser.test_browser_dashboard import CHROMIUM, serving

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("docs_shots", ROOT / "tools" / "docs_shots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_the_tool_takes_a_screenshot_of_every_view(tmp_path):
    tool = _tool()
    db = tmp_path / "shots.duckdb"
    build(db)
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    with serving(db, tmp_path / "serve.log", env) as base:
        written = tool.take(base, tmp_path / "shots", chromium=CHROMIUM)
    assert sorted(p.name for p in written) == sorted(tool.SHOTS)
    for path in written:
        assert _png_size(path) == (tool.VIEWPORT["width"], tool.VIEWPORT["height"])
        assert path.stat().st_size > 15_000  # a drawn view, not a blank page


def test_the_readme_shows_every_committed_screenshot():
    tool = _tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    committed = sorted(p.name for p in (ROOT / "docs" / "screenshots").glob("*.png"))
    assert committed == sorted(tool.SHOTS)
    for name in committed:
        assert f"(docs/screenshots/{name})" in readme, name
        assert _png_size(ROOT / "docs" / "screenshots" / name) == (tool.VIEWPORT["width"], tool.VIEWPORT["height"])
