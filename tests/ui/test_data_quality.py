"""The data-quality view (数据校验): models pass qtmodeltester, filters narrow the list, Enter on a result
jumps to the case in the main window, export writes an analysis workbook, run checks works off the GUI
thread."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer

from reviewapp.checks.registry import RULES_BY_ID
from reviewapp.demo import DEMO_AS_OF, generate_demo
from reviewapp.demo.scenarios import scenario_cards
from reviewapp.i18n import translate
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.checks.run import run_checks, stale_case_ids
from reviewapp.services.workbench import Workbench
from ui.data_quality import DataQualityView
from ui.main_window import MainWindow

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "data_quality.png"


@pytest.fixture
def demo_wb(wb: Workbench, tmp_path: Path) -> Workbench:
    out = generate_demo(tmp_path / "demo", cases=60, extra_cards=[s.card for s in scenario_cards()], dossiers=False)
    import_cases(wb, out.workbook)
    run_checks(wb, today=DEMO_AS_OF, workers=1)
    return wb


@pytest.fixture
def view(qtbot, demo_wb: Workbench) -> Iterator[DataQualityView]:
    widget = DataQualityView(demo_wb)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def test_models_pass_the_model_tester(qtmodeltester, view: DataQualityView) -> None:
    qtmodeltester.check(view.results)
    qtmodeltester.check(view.counts)
    for kind in ("unit", "department", "prosecutor"):
        view.group_by.setCurrentIndex(view.group_by.findData(kind))
        assert view.counts.kind == kind and view.counts.rowCount() > 0
        qtmodeltester.check(view.counts)


def test_counts_per_rule_and_switching_to_units(view: DataQualityView) -> None:
    assert view.counts.kind == "rule"
    rules = {view.counts.key(r): view.counts.rules[r] for r in range(view.counts.rowCount())}
    assert rules["DL-PROSECUTION"].violations == 2
    view.group_by.setCurrentIndex(view.group_by.findData("unit"))
    names = [view.counts.data(view.counts.index(r, 0)) for r in range(view.counts.rowCount())]
    assert "演示市演示区人民检察院" in names


def test_filter_by_rule_status_and_text(qtbot, view: DataQualityView) -> None:
    everything = view.results.rowCount()
    view.filters.select("rule", "DL-ARREST-REVIEW")
    view.filters.select("status", "violation")
    assert view.results.rowCount() == 2
    assert {view.results.row_at(r).rule_id for r in range(2)} == {"DL-ARREST-REVIEW"}  # type: ignore[union-attr]
    view.filters.clear()
    assert view.results.rowCount() == everything
    view.filters.search.setText("演示-规则-065")
    qtbot.waitUntil(lambda: view.results.rowCount() < everything)
    rows = [view.results.row_at(r) for r in range(view.results.rowCount())]
    assert {r.dept_case_no for r in rows if r} == {"演示-规则-065"}
    # Double-click / Enter on a per-rule count filters the list by that rule.
    view.filters.clear()
    row = next(r for r in range(view.counts.rowCount()) if view.counts.key(r) == "CK-AMOUNT")
    view.counts_view.activated.emit(view.counts.index(row, 0))
    assert view.filters.current().rule_id == "CK-AMOUNT"


# The offscreen platform cannot raise windows; the main window raises itself when it selects the case.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_enter_on_a_result_jumps_to_the_case_in_the_main_window(qtbot, demo_wb: Workbench) -> None:
    window = MainWindow(demo_wb)
    qtbot.addWidget(window)
    window.show()
    window.filters.search.setText("无此案件")  # a filter that hides the case: the jump must clear it
    view = window.show_data_quality()
    view.filters.select("rule", "CK-PLEA-WITNESS")
    view.filters.select("status", "violation")
    assert view.results.rowCount() == 1
    view.results_view.setFocus()
    view.results_view.setCurrentIndex(view.results.index(0, 0))
    expected = view.results.case_id(0)
    with qtbot.waitSignal(view.caseRequested) as signal:
        qtbot.keyClick(view.results_view, Qt.Key.Key_Return)
    assert signal.args == [expected]
    selected = window.table.selectionModel().selectedRows()
    assert [window.model.case_id(i.row()) for i in selected] == [expected]
    assert window.detail is not None


def test_export_writes_one_header_row_and_real_dates(qtbot, view: DataQualityView, tmp_path: Path) -> None:
    view.filters.select("status", "violation")
    target = tmp_path / "dq.xlsx"
    with qtbot.waitSignal(view.exported, timeout=30000):
        view.export(target)
    book = load_workbook(target)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + view.results.rowCount()
    header = rows[0]
    assert all(isinstance(h, str) and h for h in header)
    accepted = header.index("受理日期")
    assert all(isinstance(r[accepted], dt.datetime) for r in rows[1:])  # a date cell, not text
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    by_rule = book.worksheets[1]
    counts = {r[0]: r for r in by_rule.iter_rows(min_row=2, values_only=True)}
    title = translate("CheckRules", RULES_BY_ID["DL-PROSECUTION"].title)  # titles, never rule ids, on the page
    assert isinstance(counts[title][4], int) and counts[title][4] == 2
    assert not any(str(v).startswith(("DL-", "CK-")) for r in rows for v in r)
    assert [ws.title for ws in book.worksheets][2:] == ["按单位", "按部门", "按承办人"]


def test_run_checks_in_the_background_and_cancel_button(qtbot, view: DataQualityView, demo_wb: Workbench) -> None:
    case_id = view.results.case_id(0)
    assert case_id is not None
    with qtbot.waitSignal(view.checksFinished, timeout=60000) as signal:
        view.start_checks([case_id])
        assert view.cancel_button.isVisible() and not view.run_button.isEnabled()
    assert signal.args[0].cases_checked == 1
    assert view.run_button.isEnabled() and not view.cancel_button.isVisible()
    assert stale_case_ids(demo_wb) == []


def test_the_gui_thread_keeps_running_while_all_cases_are_checked(qtbot, view: DataQualityView) -> None:
    ticks: list[int] = []
    timer = QTimer(view)
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    finished: list[object] = []
    view.checksFinished.connect(finished.append)
    timer.start()
    view.start_checks()
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    timer.stop()
    assert ticks  # the event loop ran (timer events, repaints) while the job worked on the pool
    assert view.status.text() == finished[0].message()  # type: ignore[attr-defined]


def test_screenshot_of_the_data_quality_view(qtbot, view: DataQualityView) -> None:
    view.resize(1400, 800)
    view.group_by.setCurrentIndex(view.group_by.findData("rule"))
    view.filters.select("status", "violation")
    qtbot.wait(50)
    image = view.grab()
    assert image.width() >= 1400
    if os.environ.get("REVIEWAPP_SCREENSHOTS"):  # refresh the README screenshot on demand only
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(SCREENSHOT))


def test_import_runs_the_checks_on_new_cases_in_the_same_job(qtbot, wb: Workbench, tmp_path: Path) -> None:
    from ui.import_dialog import ImportDialog

    out = generate_demo(tmp_path / "demo", cases=5, extra_cards=[s.card for s in scenario_cards()], dossiers=False)
    dialog = ImportDialog.start(wb, [out.workbook])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=60000)
    assert stale_case_ids(wb) == []  # every imported case was checked
    assert len(dialog.check_messages) == 1 and dialog.check_messages[0] in dialog.summary.text()
    view = DataQualityView(wb)
    qtbot.addWidget(view)
    assert view.summary.cases_checked == out.cases


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_main_window_menu_opens_the_view_and_checks_the_selected_case(qtbot, demo_wb: Workbench) -> None:
    window = MainWindow(demo_wb)
    qtbot.addWidget(window)
    window.show()
    assert window.data_quality_action.shortcut().toString() == "Ctrl+Shift+D"
    window.data_quality_action.trigger()
    assert window.data_quality is not None and window.data_quality.isVisible()
    window.table.selectRow(0)
    case_id = window.model.case_id(0)
    with qtbot.waitSignal(window.data_quality.checksFinished, timeout=60000) as signal:
        window.run_checks_action.trigger()
    assert signal.args[0].cases_total == 1 and case_id is not None
    window.close()
