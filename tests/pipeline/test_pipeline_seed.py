"""The flagship: ../shared/seed/check_seed.py must hold every "must" check for Arabic and English."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_check_seed_passes(shared_dir):
    marsad = Path(sys.executable).parent / "marsad"
    proc = subprocess.run([sys.executable, str(shared_dir / "seed" / "check_seed.py"), "--cmd",
                           f"{marsad} code --format json {{file}}"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith("seed: ")
