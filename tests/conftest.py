"""Shared fixtures: where ../shared is, and a per-session cache dir so tests never touch the user's cache."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    os.environ.setdefault("MARSAD_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "marsad-cache"))
    yield


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seed" / "check_seed.py").exists():
        pytest.skip(f"../shared is not beside the checkout (looked in {SHARED}); the flagship checks need it")
    return SHARED
