"""Test configuration shared by every test: headless Qt, isolated data and settings folders."""

from __future__ import annotations

import os
import tempfile

# Headless Qt for every test, set before any Qt import (guide: tests set the platform themselves).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Crash logs and default databases of code under test go to a throwaway folder, never the user's.
os.environ["REVIEWAPP_DATA_DIR"] = tempfile.mkdtemp(prefix="reviewapp-tests-")
os.environ.pop("REVIEWAPP_DB", None)
