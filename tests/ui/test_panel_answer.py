"""The handling prosecutor's answer form: per finding accept, or object with a reason and attachments, sent
at once; refused plainly before the opinion reaches them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.storage.models import FeedbackAnswer
from tests.core.panel_views_fixtures import PROSECUTOR, PanelCase
from tests.ui.panel_fixtures import open_panel, send_to_prosecutor
from tests.ui.typing import type_text
from ui.panel.answer_form import AnswerForm


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[PanelCase]:
    yield from open_panel(tmp_path)


def _form(qtbot: QtBot, p: PanelCase) -> AnswerForm:
    p.act(PROSECUTOR)
    form = AnswerForm(p.wb, p.opinion_id)
    qtbot.addWidget(form)
    return form


def test_object_to_one_finding_with_reason_and_attachment_accept_the_rest(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qtmodeltester, panel: PanelCase, tmp_path: Path
) -> None:
    p = panel
    send_to_prosecutor(p)
    form = _form(qtbot, p)
    qtmodeltester.check(form.model)
    items = [form.model.data(form.model.index(r, 0)).split()[0] for r in range(form.model.rowCount())]
    assert items == ["E8", "D5", "R3"]
    assert form.send_button.isEnabled() and "不合格" in form.heading.text()
    form.show()
    qtbot.waitExposed(form)
    with qtbot.waitActive(form):
        form.activateWindow()
    form.table.setFocus()
    form.table.selectRow(0)
    qtbot.keyClick(form.object_radio, Qt.Key.Key_Space)  # object to E8
    assert form.object_radio.isChecked()
    # An objection without a reason is not sent.
    assert form.send() is False and "E8" in form.message.text()
    type_text(qtbot, form.reason, "补正说明已入卷，不属非法证据")
    proof = tmp_path / "补正说明.pdf"
    proof.write_bytes(b"%PDF-1.4 proof\n")
    form.add_attachments([str(proof)])
    assert form.attachments.count() == 1
    qtbot.keyClick(form.table, Qt.Key.Key_Down)  # D5 keeps the default: accepted
    assert form.accept_radio.isChecked() and form.reason.toPlainText() == ""
    qtbot.keyClick(form.table, Qt.Key.Key_Up)
    assert form.object_radio.isChecked() and "补正说明" in form.reason.toPlainText()  # the draft is kept
    assert form.model.data(form.model.index(0, 4)) != form.model.data(form.model.index(1, 4))
    qtbot.keyClick(form.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.sheet is not None and form.sheet.status == ReviewStatus.OBJECTIONS, timeout=10000)
    assert not form.send_button.isEnabled() and not form.object_radio.isEnabled()
    with p.wb.db.session() as s:
        answers = {a.answer: a for a in s.query(FeedbackAnswer).all()}
        assert len(s.query(FeedbackAnswer).all()) == 3
        objection = answers["object"]
        assert "补正说明" in objection.reason and objection.channel == "app"
        assert [a["name"] for a in objection.attachments] == ["补正说明.pdf"]


def test_the_form_is_refused_before_the_opinion_is_sent(qtbot: QtBot, panel: PanelCase) -> None:
    form = _form(qtbot, panel)  # the panel is still reconciling
    assert form.model.rowCount() == 0 and not form.send_button.isEnabled()
    assert form.heading.text()  # the plain refusal
