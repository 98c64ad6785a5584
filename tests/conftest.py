"""Test configuration shared by every test: headless Qt, isolated data and settings folders."""

from __future__ import annotations

import os
import tempfile

# Headless Qt for every test, set before any Qt import (guide: tests set the platform themselves).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Crash logs and default databases of code under test go to a throwaway folder, never the user's.
os.environ["REVIEWAPP_DATA_DIR"] = tempfile.mkdtemp(prefix="reviewapp-tests-")
os.environ.pop("REVIEWAPP_DB", None)

# Argon2 at its production cost takes ~0.4 s a hash; tests log in hundreds of times. A cheap Argon2id still
# stores real "$argon2id$" hashes (a test reads one back), only with test-sized cost parameters.
from argon2 import PasswordHasher

from reviewapp.services.accounts import passwords

passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


# Reviews need an assignment of an open plan by default (setting reviews.assignment_required). Most tests are
# about scoring itself and start reviews directly, as an office that also reviews ad hoc does; they run with the
# setting's default off. Tests of the rule itself, and every test module marked ``assignment_required``, keep it.
import dataclasses  # noqa: E402

import pytest  # noqa: E402

from reviewapp.services.results import setting_specs  # noqa: E402


@pytest.fixture(autouse=True)
def _ad_hoc_reviews_unless_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("assignment_required") is None:
        key = setting_specs.ASSIGNMENT_REQUIRED
        relaxed = dataclasses.replace(setting_specs.SETTINGS[key], default=False)
        monkeypatch.setitem(setting_specs.SETTINGS, key, relaxed)
