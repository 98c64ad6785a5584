"""Pre-screening that finishes: an import killed while its cases are being checked leaves cases unchecked;
the next start finds and checks exactly those, and no check-worker process outlives the killed import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import func, select

from reviewapp.services.checks.run import CHECKED_MARKER, finish_prescreening, pending_prescreening
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, CheckResult
from tests.accounts_fixtures import sign_in
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.db_target import database_at

ROOT = Path(__file__).resolve().parents[2]
CASES = 1500

IMPORTER = textwrap.dedent(
    """
    import multiprocessing, sys
    from pathlib import Path
    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.checks import run
    from reviewapp.services.workbench import Workbench
    from tests.accounts_fixtures import sign_in

    run.CHUNK = 100  # many small chunks, so the kill lands between stored ones
    wb = Workbench.open(sys.argv[1])
    sign_in(wb)
    summary = import_cases(wb, Path(sys.argv[2]))
    print("imported", summary.imported, flush=True)

    def progress(done, total):
        pids = " ".join(str(p.pid) for p in multiprocessing.active_children())
        print("checked", done, total, "workers", pids, flush=True)

    run.run_checks(wb, run.stale_case_ids(wb), progress=progress, workers=2)
    print("finished", flush=True)
    """
)


def _ended(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")  # a zombie has ended; only its exit status waits to be collected


def test_an_import_killed_during_prescreening_is_finished_at_the_next_start(tmp_path: Path) -> None:
    db_path = database_at(tmp_path)
    export = write_simple_xlsx(tmp_path / "export.xlsx", [case_row(n, 电子卷宗=None) for n in range(1, CASES + 1)])
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(db_path), str(export)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: set[int] = set()
    assert child.stdout is not None
    try:
        for line in child.stdout:
            parts = line.split()
            if parts[:1] == ["checked"]:
                workers.update(int(p) for p in parts[4:])
                if int(parts[1]) > 0 and workers:
                    break  # some chunks are stored, more are being checked by the workers
        else:
            raise AssertionError(
                "the import ended before its pre-screening: " + (child.stderr.read() if child.stderr else "")
            )
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    # No worker outlives its parent by more than its watch interval (plus start-up slack).
    deadline = time.monotonic() + 10
    while not all(_ended(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if not _ended(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert workers and not left

    wb = Workbench.open(db_path)  # the next start
    try:
        sign_in(wb)
        pending = pending_prescreening(wb)
        with wb.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Case)) == CASES  # the import itself had committed
        assert 0 < len(pending) < CASES  # some were checked before the kill, the rest were not
        seen: list[tuple[int, int]] = []
        summary = finish_prescreening(wb, progress=lambda done, total: seen.append((done, total)))
        assert summary is not None and summary.cases_checked == len(pending)
        assert seen[0] == (0, len(pending)) and seen[-1] == (len(pending), len(pending))
        assert pending_prescreening(wb) == [] and finish_prescreening(wb) is None
        with wb.db.session() as s:
            checked = s.scalar(select(func.count()).where(CheckResult.rule_id == CHECKED_MARKER))
        assert checked == CASES
    finally:
        wb.close()
