"""The extract tests check the rules (triggers, attachment, modality, specificity, the case table): ``marsad.code``
is called there with ``all_candidates=True`` -- every candidate the rules let through, as the rules alone code it,
whatever the learned decision layer would keep. The decision layer has its own tests (test_extract_decision.py,
which calls ``marsad.pipeline.code`` directly) and is measured on real text (`marsad eval --real`, `--gsr`)."""
from __future__ import annotations

import functools

import pytest

import marsad


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setattr(marsad, "code", functools.partial(marsad.pipeline.code, all_candidates=True))
