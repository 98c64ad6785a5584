"""The calibration view (ui/analysis/calibration_view.py): its models pass the model tester and show the
service's figures, the filters narrow them, a reader without the permission sees the refusal, and a reviewer
practises on a gold case and sees the comparison with the reference."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reviewapp.services.analysis.calibration import calibration
from reviewapp.services.analysis.training_compare import Verdict
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.panel_fixtures import CASE_NO, LEAD, PanelDb, make_panel_db
from tests.core.plans_fixtures import ADMIN, CITY
from tests.core.test_analysis_calibration import form
from tests.ui.conftest import close_bench
from ui.analysis.calibration_model import PAYLOAD_ROLE
from ui.analysis.calibration_view import CalibrationView, make_calibration_view
from ui.ops import ops_for

TRAINEE = "培训评查员"


@pytest.fixture
def p(tmp_path: Path) -> Iterator[PanelDb]:
    db = make_panel_db(tmp_path)
    form(db)
    yield db
    close_bench(db.wb)


def _view(qtbot: QtBot, p: PanelDb) -> CalibrationView:
    view = make_calibration_view(p.wb, None)
    assert isinstance(view, CalibrationView)
    qtbot.addWidget(view)
    _counted(qtbot, view)
    return view


def _counted(qtbot: QtBot, view: CalibrationView) -> None:
    """The figures are counted off the GUI thread: wait for the latest request's."""
    qtbot.waitUntil(lambda: not view.busy() and view.summary.text() != view.tr("Counting…"), timeout=10000)


def _column(model, name: str) -> int:  # type: ignore[no-untyped-def]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(name)


def test_the_tables_show_the_services_figures_and_follow_the_filters(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qtmodeltester, p: PanelDb
) -> None:
    p.act_as(LEAD)
    expected = calibration(p.wb)
    view = _view(qtbot, p)
    for model in (view.items_model, view.pairs_model, view.reviewers_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    items = [view.items_model.index(r, 0).data() for r in range(view.items_model.rowCount())]
    assert sorted(items) == ["E1", "E5", "F3"]
    lean = view.reviewers_model
    mean = _column(lean, view.tr("Mean difference"))
    shown = {lean.index(r, 0).data(): lean.index(r, mean).data() for r in range(lean.rowCount())}
    assert shown == {
        r.reviewer: "—" if r.mean_difference is None else f"{r.mean_difference:+.2f}" for r in expected.reviewers
    }
    assert f"{expected.overall.alpha_ordinal:.3f}" in view.summary.text()
    assert view.pairs_model.rowCount() == 3
    # Sorting by a number sorts by value, not by the text.
    view.reviewers_view.sortByColumn(mean, Qt.SortOrder.DescendingOrder)
    first = view.reviewers_view.model().index(0, 0).data(PAYLOAD_ROLE)
    assert first.mean_difference == max(r.mean_difference for r in expected.reviewers)
    # A period with no formed panel empties the tables; a bad period is said in place.
    qtbot.keyClicks(view.period, "2001")
    qtbot.keyClick(view.period, Qt.Key.Key_Return)
    _counted(qtbot, view)
    assert view.items_model.rowCount() == 0 and view.reviewers_model.rowCount() == 0
    view.period.setText("soon")
    view.refresh_button.click()
    _counted(qtbot, view)
    assert "soon" in view.summary.text() and view.pairs_model.rowCount() == 0
    view.period.clear()
    plan = view.plan.findData(p.opinion().plan_id)
    assert plan > 0
    view.plan.setCurrentIndex(plan)
    _counted(qtbot, view)
    assert view.items_model.rowCount() == 3


def test_a_reviewer_sees_the_refusal_and_practises_on_a_gold_case(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qtmodeltester, p: PanelDb
) -> None:
    def settle(condition) -> None:  # type: ignore[no-untyped-def]
        ops_for(p.wb).wait()
        qtbot.waitUntil(condition, timeout=5000)

    # The administrator marks the case from the tab (a typed number, a note).
    p.act_as(ADMIN)
    admin_view = _view(qtbot, p)
    assert admin_view.gold.mark_button.isVisibleTo(admin_view.gold)
    admin_view.gold.mark_case.setText("no such case")
    admin_view.gold.mark_button.click()
    settle(lambda: "no such case" in admin_view.gold.message.text())
    admin_view.gold.mark_case.setText(CASE_NO)
    admin_view.gold.mark_note.setText("证据审查")
    admin_view.gold.mark_button.click()
    settle(lambda: admin_view.gold.gold_model.rowCount() == 1)
    assert admin_view.gold.gold_model.record(0).note == "证据审查"
    # A change while the view is hidden marks it stale; showing it counts again.
    assert admin_view.stale
    admin_view.show()
    qtbot.waitUntil(lambda: not admin_view.stale and not admin_view._later.isActive(), timeout=5000)
    _counted(qtbot, admin_view)
    assert admin_view.items_model.rowCount() == 3
    admin_view.hide()
    sign_in(p.wb, TRAINEE, roles=[REVIEWER], unit=CITY, department="案件管理部")
    view = _view(qtbot, p)
    assert view.items_model.rowCount() == 0 and view.summary.text()  # no READ_REVIEWS: the refusal, no figures
    gold = view.gold
    assert not gold.mark_button.isVisibleTo(gold)  # a reviewer does not mark gold cases
    view.tabs.setCurrentWidget(gold)
    assert gold.gold_model.rowCount() == 1 and gold.attempts_model.rowCount() == 0
    qtmodeltester.check(gold.gold_model)

    gold.start_button.click()
    settle(lambda: gold.attempts_model.rowCount() == 1 and gold.editor.isVisibleTo(gold))
    e1 = next(i for i in range(gold.item.count()) if gold.item.itemData(i)[0] == "E1")
    gold.item.setCurrentIndex(e1)
    gold.severity.setCurrentIndex(0)
    gold.reason.setText("首次讯问未告知权利")  # QTest types ASCII keys only
    gold.record_button.click()
    settle(lambda: "E1" in gold.found.text())
    gold.submit_button.click()
    settle(lambda: gold.comparison_model.rowCount() == 2)
    qtmodeltester.check(gold.comparison_model)
    qtmodeltester.check(gold.attempts_model)
    rows = {gold.comparison_model.record(r).item_code: gold.comparison_model.record(r) for r in range(2)}
    assert rows["E1"].verdict is Verdict.SAME and rows["E5"].verdict is Verdict.MISSED
    e5 = list(rows).index("E5")
    assert gold.comparison_model.index(e5, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "E5" in gold.comparison_model.index(e5, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert not gold.editor.isVisibleTo(gold) and gold.comparison_summary.text()
    assert gold.gold_model.index(0, 5).data() == "1"  # my attempts
