"""Issue 5 in the scoring workspace: the case's pre-screening results appear as suggested findings; accepting
one records the finding (with the computation as its reason) and the proposal updates."""

from __future__ import annotations

from reviewapp.services.reviews.commands import review_state
from reviewapp.services.workbench import Workbench
from tests.ui.test_suggestions_panel import review_id  # noqa: F401 - the fixture
from ui.workspace import ScoringWorkspace


def test_workspace_offers_and_accepts_a_suggested_finding(qtbot, wb: Workbench, review_id: int) -> None:  # noqa: F811
    state = review_state(wb, review_id)
    window = ScoringWorkspace.open_for_case(wb, state.case_id)
    qtbot.addWidget(window)
    assert window.lower_tabs.tabText(1) == "智能提示（1）"
    window.show_suggestions()
    assert window.suggestions.accept_current()
    assert [f.item_code for f in window.session.state.findings] == ["P12"]
    finding = window.session.state.findings[0]
    assert finding.source_check == "DL-PROSECUTION"
    assert "超期2日" in finding.reason  # the computation became the reason
    assert window.session.state.proposal.grade == "不合格"
    assert window.model.rowCount() > 0 and window.lower_tabs.tabText(1) == "智能提示（0）"
    window.close()
