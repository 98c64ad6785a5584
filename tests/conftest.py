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
