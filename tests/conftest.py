"""Test configuration shared by every test: headless Qt, isolated settings and data folders."""

from __future__ import annotations

import os

# Headless Qt for every test, set before any Qt import (guide: tests set the platform themselves).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
