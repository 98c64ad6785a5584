"""Suggested findings in the scoring workspace: the case's pre-screening results appear as suggestions;
accepting one records the finding (with the computation as its reason) and the proposal updates; Ctrl+Z
takes the acceptance back as one step — finding, decision and panel agree (the core's undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reviewapp.services.checks.suggestions import suggestions
from reviewapp.services.reviews.commands import review_state
from reviewapp.services.workbench import Workbench
from tests.ui.test_suggestions_panel import review_id  # noqa: F401 - the fixture
from tests.ui.test_workspace_scoring import settle
from ui.workspace import ScoringWorkspace


def test_workspace_accepts_a_suggestion_and_ctrl_z_takes_it_back(qtbot: QtBot, wb: Workbench, review_id: int) -> None:  # noqa: F811
    state = review_state(wb, review_id)
    window = ScoringWorkspace.open_for_case(wb, state.case_id)
    qtbot.addWidget(window)
    assert window.lower_tabs.tabText(1) == "智能提示（1）"
    window.show_suggestions()
    assert window.suggestions.accept_current()
    settle(qtbot, window)
    assert [f.item_code for f in window.session.state.findings] == ["P12"]
    finding = window.session.state.findings[0]
    assert finding.source_check == "DL-PROSECUTION"
    assert "超期2日" in finding.reason  # the computation became the reason
    assert window.session.state.proposal.grade == "不合格"
    assert window.model.rowCount() > 0 and window.lower_tabs.tabText(1) == "智能提示（0）"

    assert window.undo_action.isEnabled()
    qtbot.keyClick(window.tree, "z", Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert window.session.state.findings == ()
    assert [s.decision for s in suggestions(wb, review_id)] == [None]  # the decision went with the finding
    qtbot.waitUntil(lambda: window.suggestions.model.items[0].decision is None)
    assert window.lower_tabs.tabText(1) == "智能提示（1）" and window.suggestions.accept_button.isEnabled()

    qtbot.keyClick(window.tree, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert [f.source_check for f in window.session.state.findings] == ["DL-PROSECUTION"]
    qtbot.waitUntil(lambda: window.suggestions.model.items[0].decision == "accepted")
    window.close()
