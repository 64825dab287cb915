"""Hypothesis profiles for the property-based tests of tests/hostile/.

`ci` (the default) is bounded and derandomized so the suite's time and outcome do not vary
between runs; `long` explores far more inputs for a local session:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/hostile/test_properties.py

The profile applies to these tests only (through PROFILE), not to the rest of the suite.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=50, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "long", max_examples=2000, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PROFILE_NAME = os.environ.get("HYPOTHESIS_PROFILE", "ci")
PROFILE = settings.get_profile(PROFILE_NAME)
