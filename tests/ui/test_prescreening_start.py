"""At start, cases an interrupted pre-screening left unchecked are checked in the background, with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from reviewapp.services.cases.intake import import_cases
from reviewapp.services.checks.run import pending_prescreening
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from ui.prescreening import resume_prescreening


def test_unchecked_cases_are_checked_at_start_with_progress(wb: Workbench, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, write_simple_xlsx(tmp_path / "e.xlsx", [case_row(n, 电子卷宗=None) for n in range(1, 6)]))
    assert len(pending_prescreening(wb)) == 5  # imported without its pre-screening, as when it was killed
    window = QMainWindow()
    qtbot.addWidget(window)
    job = resume_prescreening(window, wb)
    assert job is not None
    with qtbot.waitSignal(job.signals.succeeded, timeout=30000) as done:
        pass
    summary = done.args[0]
    assert summary.cases_checked == 5
    assert window.statusBar().currentMessage() == summary.message()  # the outcome is shown where progress was
    assert pending_prescreening(wb) == []
    assert resume_prescreening(window, wb) is None  # nothing left: nothing started


def test_a_count_found_on_a_worker_is_not_looked_for_again_on_the_gui_thread(  # type: ignore[no-untyped-def]
    wb: Workbench, qtbot, tmp_path: Path, monkeypatch
) -> None:
    import ui.prescreening as prescreening

    import_cases(wb, write_simple_xlsx(tmp_path / "e.xlsx", [case_row(n, 电子卷宗=None) for n in range(1, 4)]))
    found = len(pending_prescreening(wb))
    looked: list[int] = []
    real = prescreening.pending_prescreening
    monkeypatch.setattr(prescreening, "pending_prescreening", lambda w: looked.append(1) or real(w))
    window = QMainWindow()
    qtbot.addWidget(window)
    job = resume_prescreening(window, wb, found)
    assert job is not None and looked == []  # the GUI thread did not pass over the cases again
    with qtbot.waitSignal(job.signals.succeeded, timeout=30000) as done:
        pass
    assert done.args[0].cases_checked == 3
    assert resume_prescreening(window, wb, 0) is None
