"""One version everywhere: `marsad --version`, ``marsad.__version__``, the coder's ``coder_version``, ``/healthz``
and the installed package's metadata (pyproject reads src/marsad/_version.py) all say the same thing."""
from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

import marsad
from marsad._version import __version__
from marsad.api.app import create_app
from marsad.cli import app
from marsad.pipeline import CODER_VERSION


def test_version_is_a_release_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__), __version__


def test_package_and_coder_share_the_version():
    assert marsad.__version__ == __version__ == CODER_VERSION
    assert marsad.code("قصفت روسيا كييف أمس", date="2024-05-02").coder_version == __version__


def test_installed_metadata_has_the_version():
    """A stale install (pyproject changed, `pip install -e .` not rerun) fails here: `make test` reinstalls."""
    assert importlib.metadata.version("marsad") == __version__


def test_cli_version_in_process():
    res = CliRunner().invoke(app, ["--version"])
    assert res.exit_code == 0, res.output
    assert res.output.strip() == __version__


def test_cli_version_console_script():
    """The installed `marsad` entry point, as a user types it (it once failed with "Missing command")."""
    script = Path(sys.executable).parent / "marsad"
    res = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == __version__


def test_healthz_and_openapi_report_the_version(tmp_path):
    client = TestClient(create_app(str(tmp_path / "v.duckdb"), token=""))
    assert client.get("/healthz").json()["version"] == __version__
    assert client.get("/openapi.json").json()["info"]["version"] == __version__
