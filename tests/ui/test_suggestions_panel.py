"""The suggestions panel: lists a review's suggested findings with their computation; Accept makes a finding,
Dismiss asks for a reason in a non-blocking dialog; both run on the write runner and emit decided."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from reviewapp.demo import DEMO_AS_OF, generate_demo
from reviewapp.demo.scenarios import scenario_cards
from reviewapp.services.cases.cards import all_case_ids
from reviewapp.services.cases.query import case_id_by_number
from reviewapp.services.checks.run import run_checks
from reviewapp.services.reviews.commands import review_state, start_review
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import REVIEWER, sign_in
from ui.suggestions_panel import SuggestionsPanel

CASE = "演示-规则-011"  # DL-PROSECUTION in custody → P12 超期羁押


@pytest.fixture
def review_id(wb: Workbench, tmp_path: Path) -> int:
    from reviewapp.services.cases.intake import import_cases

    out = generate_demo(tmp_path / "demo", cases=0, extra_cards=[s.card for s in scenario_cards()], dossiers=False)
    import_cases(wb, out.workbook)
    assert all_case_ids(wb)
    run_checks(wb, today=DEMO_AS_OF, workers=1)
    sign_in(wb, "界面评查员", roles=[REVIEWER], unit="演示市人民检察院", department="案件管理部")
    case_id = case_id_by_number(wb, CASE)
    assert case_id is not None
    return start_review(wb, case_id).id


@pytest.fixture
def panel(qtbot, wb: Workbench, review_id: int) -> SuggestionsPanel:
    widget = SuggestionsPanel(wb)
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    widget.set_review(review_id)
    return widget


def test_model_passes_the_model_tester(qtmodeltester, panel: SuggestionsPanel) -> None:
    qtmodeltester.check(panel.model)


def test_lists_the_suggestion_with_its_computation(panel: SuggestionsPanel) -> None:
    assert panel.model.rowCount() == 1
    current = panel.current()
    assert current is not None and current.rule_id == "DL-PROSECUTION"
    text = panel.detail.toPlainText()
    assert "P12" in text and "严重司法错误" in text and "第一百七十二条" in text and "2025-04-10" in text
    assert "DL-" not in text and "CPL" not in text  # the rule id and the registry shorthand stay off the page
    assert panel.accept_button.isEnabled() and panel.dismiss_button.isEnabled()


def test_accept_records_a_finding(qtbot, panel: SuggestionsPanel, wb: Workbench, review_id: int) -> None:
    with qtbot.waitSignal(panel.decided):
        panel.accept_button.click()
    qtbot.waitUntil(lambda: panel.model.items[0].decision == "accepted")  # the hub re-reads the list
    state = review_state(wb, review_id)
    assert [(f.item_code, f.source_check) for f in state.findings] == [("P12", "DL-PROSECUTION")]
    assert panel.model.items[0].decision == "accepted"
    assert not panel.accept_button.isEnabled()


def test_dismiss_asks_for_a_reason_without_blocking(
    qtbot, panel: SuggestionsPanel, wb: Workbench, review_id: int
) -> None:
    dialog = panel.dismiss_current()
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no dismissal
    dialog.reason.setPlainText("延长审查期限已获批准，案卡漏填")
    assert ok.isEnabled()
    with qtbot.waitSignal(panel.decided):
        ok.click()
    qtbot.waitUntil(lambda: panel.model.items[0].decision == "dismissed")
    item = panel.model.items[0]
    assert item.decision == "dismissed"
    assert review_state(wb, review_id).findings == ()
    assert not panel.dismiss_button.isEnabled()


def test_empty_panel_without_a_review(qtbot, wb: Workbench) -> None:
    widget = SuggestionsPanel(wb)
    qtbot.addWidget(widget)
    widget.set_review(None)
    assert widget.model.rowCount() == 0
    assert not widget.accept_button.isEnabled() and not widget.dismiss_button.isEnabled()


def test_screenshot_of_the_suggestions_panel(qtbot, panel: SuggestionsPanel) -> None:
    import os

    panel.resize(720, 460)
    qtbot.wait(50)
    image = panel.grab()
    assert image.width() >= 720
    if os.environ.get("REVIEWAPP_SCREENSHOTS"):  # refresh the README screenshot on demand only
        target = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "suggestions.png"
        image.save(str(target))
