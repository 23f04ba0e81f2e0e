"""What every dashboard page of these tests opens first (the ``page`` fixture of test_browser_dashboard.py)."""
from __future__ import annotations

import pytest


@pytest.fixture()
def start() -> str:
    """The address a test's page opens: the list of every telling (``?count=mentions``), which most modules check
    event by event; test_browser_acts.py overrides it with ``/``, the acts list the dashboard opens on."""
    return "/?count=mentions"
