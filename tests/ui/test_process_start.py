"""At start, what fell due while the app was closed is recorded (dated by its period), and the user's
reminders of what is due appear in the status bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import select

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.services.panel import opinion
from reviewapp.storage.models import Case, Person
from tests.core.process_fixtures import HANDLER, ProcessDb, make_process_db
from ui.app import _process_due_at_start
from ui.ops import ops_for


def waiting_is_theirs(p: ProcessDb, case_id: int) -> bool:
    with p.wb.db.session() as s:
        case = s.get(Case, case_id)
        assert case is not None
        return s.scalar(select(Person.name).where(Person.id == case.prosecutor_id)) == HANDLER


def test_start_records_no_feedback_and_shows_reminders(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    p = make_process_db(tmp_path, monkeypatch)

    class Day(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2026, 9, 29)  # sent before 国庆节: the period ended on 2026-10-12

    with monkeypatch.context() as m:
        m.setattr(opinion, "date", Day)
        late = p.form_opinion({"E1": ("瑕", "未附照片")})
    waiting = p.form_opinion({"D5": ("瑕", "落款日期遗漏")}, p.other_case())  # sent today: not due yet
    p.act_as(HANDLER)
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = ops_for(p.wb)
    with qtbot.waitSignal(runner.idle, timeout=30000):
        _process_due_at_start(p.wb, window)
    after = p.opinion()
    assert after.id == late.id and after.status == ReviewStatus.AWAITING_DETERMINATION.value
    assert after.feedback_closed_on == dt.date(2026, 10, 12)
    assert p.opinion(waiting.case_id).status == ReviewStatus.AWAITING_FEEDBACK.value
    # What the signed-in prosecutor still has to answer is in the status bar (the recorded one no longer is).
    message = window.statusBar().currentMessage()
    if waiting_is_theirs(p, waiting.case_id):
        assert waiting.file_no is not None and waiting.file_no in message and (late.file_no or "") not in message
    else:
        assert message == ""
    p.close()


def test_what_the_start_repaired_is_said_in_a_box_that_does_not_block(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from ui.app import _tell_what_was_repaired

    class Wb:
        recovered = ("3 notice file(s) of an interrupted issue were put in place; the issue is complete.",)

    window = QMainWindow()
    qtbot.addWidget(window)
    _tell_what_was_repaired(Wb(), window)  # type: ignore[arg-type]
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and Wb.recovered[0] in boxes[0].text() and not boxes[0].isModal()
    boxes[0].close()
