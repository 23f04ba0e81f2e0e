"""Hypothesis profiles for the fuzz tests of ``code``, the readers and the API (issue 21, fuzzing).

``marsad-short`` (the default: part of every test run) is derandomized, so a run is the same every time and fast;
``marsad-fuzz`` (``make fuzz``, or ``MARSAD_FUZZ_PROFILE=marsad-fuzz``) draws a hundred times as many examples at
random. The fuzz tests decorate themselves with ``FUZZ`` and set no example count of their own."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("marsad-short", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_SLOW)
settings.register_profile("marsad-fuzz", max_examples=4000, deadline=None, suppress_health_check=_SLOW)
PROFILE = os.environ.get("MARSAD_FUZZ_PROFILE", "marsad-short")
FUZZ = settings(settings.get_profile(PROFILE))
