"""House rules the code keeps: small files, comments that cite rules rather than issue numbers, and the
README's permission table generated from the one in the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for d in ("reviewapp", "ui") for p in (ROOT / d).rglob("*.py") if "migrations" not in p.parts]
MAX_LINES = 450  # "about 400": a file past this holds two things


def test_no_comment_points_at_an_issue_number() -> None:
    pattern = re.compile(r"\bissue #?\d+", re.IGNORECASE)
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in [*SOURCES, *(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and p.name != "test_house_rules.py"
    ]
    assert offenders == []


def test_no_source_file_is_over_the_limit() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in SOURCES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_readme_permission_table_is_the_one_in_the_code() -> None:
    table = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "permissions_table.py")], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert table in (ROOT / "README.md").read_text(encoding="utf-8")
