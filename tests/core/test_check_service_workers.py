"""The pre-screening worker count follows the cores actually free: affinity, load average, Windows fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.services.checks import worker


def test_free_cores_are_the_usable_ones_less_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(worker.os, "getloadavg", lambda: (1.4, 0.0, 0.0), raising=False)
    assert worker.usable_cores() == 4
    assert worker.free_cores() == 3  # 4 − 1.4, rounded


def test_a_busy_machine_still_gets_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(worker.os, "getloadavg", lambda: (9.0, 9.0, 9.0), raising=False)
    assert worker.free_cores() == 1
    assert worker.worker_count(1_000_000, 100) == 1


def test_affinity_limits_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker.os, "cpu_count", lambda: 16)
    monkeypatch.setattr(worker.os, "sched_getaffinity", lambda _pid: {3}, raising=False)
    monkeypatch.setattr(worker.os, "getloadavg", lambda: (0.0, 0.0, 0.0), raising=False)
    assert worker.free_cores() == 1


def test_windows_without_affinity_or_load_leaves_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(worker.os, "sched_getaffinity", raising=False)
    monkeypatch.delattr(worker.os, "getloadavg", raising=False)
    monkeypatch.setattr(worker.os, "cpu_count", lambda: 8)
    assert worker.usable_cores() == 8
    assert worker.free_cores() == 7
    assert worker.worker_count(10**6, 100) == worker.MAX_WORKERS


def test_small_runs_stay_in_process_and_large_ones_never_exceed_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "free_cores", lambda: 32)
    assert worker.worker_count(50, 100) == 0
    assert worker.worker_count(100, 100) == worker.MAX_WORKERS


def test_a_run_pauses_the_cyclic_collector_and_restores_it(tmp_path: Path) -> None:
    import gc

    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.checks.run import run_checks
    from tests.core.intake_fixtures import case_row, write_simple_xlsx
    from tests.core.services_fixtures import open_workbench

    wb = open_workbench(tmp_path / "db")
    import_cases(wb, write_simple_xlsx(tmp_path / "a.xlsx", [case_row(n, 电子卷宗=None) for n in range(1, 4)]))
    seen: list[bool] = []
    assert gc.isenabled()
    summary = run_checks(wb, progress=lambda done, total: seen.append(gc.isenabled()))
    # After the first report (before any chunk), every chunk is checked and stored with the collector paused.
    assert summary.cases_checked == 3 and len(seen) > 1 and not any(seen[1:])
    assert gc.isenabled()
    wb.close()
