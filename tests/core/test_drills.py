"""The crash and hostile-input drills of drills/, at the test suite's size: the kill drill with two trials of
each scenario, and a fixed-seed fuzz corpus in which every reject must name its sheet, row, column and reason.
The full counts are a documented command (README, "Crash safety and hostile input")."""

from __future__ import annotations

import sys
from pathlib import Path

DRILLS = Path(__file__).resolve().parents[2] / "drills"
if str(DRILLS) not in sys.path:
    sys.path.insert(0, str(DRILLS))

import fuzz_intake  # noqa: E402
import kill_drill  # noqa: E402


def test_kill_drill_two_trials_of_each_scenario(tmp_path: Path) -> None:
    assert kill_drill.main(["--small", "--trials", "2", "--seed", "5", "--keep", str(tmp_path)]) == 0


def test_fuzz_corpus_every_reject_is_complete_and_nothing_escapes(tmp_path: Path) -> None:
    parsed = fuzz_intake.run(120, 17, tmp_path / "parse", parse_only=True, cli_every=0)
    stored = fuzz_intake.run(20, 18, tmp_path / "store", parse_only=False, cli_every=0)
    for totals in (parsed, stored):
        assert totals.failures == []
        assert (totals.uncaught, totals.reader_bugs, totals.hangs, totals.over_memory) == (0, 0, 0, 0)
        assert totals.rejects > 0 and totals.rejects_incomplete == 0  # 100 % with sheet/row/column/reason
    assert parsed.imported > 0 and parsed.refused > 0 and parsed.contained_crashes > 0
