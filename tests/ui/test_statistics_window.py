"""The statistics window (统计分析) on the fixed data set of analysis_fixtures: headline figures with their
changes, filters, a real mouse click on a chart bar listing the cases behind it and opening one in the main
window, every item model through qtmodeltester, exports to xlsx and PNG, and the menu entry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from reviewapp.services.analysis.periods import parse_period
from tests.core.analysis_fixtures import READER, WANG, AnalysisDb, make_analysis_db
from tests.ui.conftest import close_bench
from ui.analysis.statistics_window import StatisticsWindow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnalysisDb]:
    with pytest.MonkeyPatch.context() as mp:
        d = make_analysis_db(tmp_path_factory.mktemp("statistics_ui"), mp)
        yield d
        close_bench(d.wb)


@pytest.fixture
def window(qtbot, db: AnalysisDb) -> Iterator[StatisticsWindow]:  # type: ignore[no-untyped-def]
    db.act_as(READER)
    w = StatisticsWindow(db.wb, period_text="2026Q3")
    qtbot.addWidget(w)
    w.show()
    loaded(qtbot, w)
    yield w
    w.close()


def loaded(qtbot, w: StatisticsWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not w.loading and not w.jobs, timeout=30000)


def cell(model, row: int, column: int):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column))


def overview_row(w: StatisticsWindow, key: str) -> list[str]:
    row = w.overview.keys.index(key)
    return [cell(w.overview, row, c) for c in range(w.overview.columnCount())]


def test_headline_figures_with_their_changes(window: StatisticsWindow) -> None:
    assert window.current_filter().period == parse_period("2026Q3")
    assert overview_row(window, "reviewed")[1:] == ["7", "2", "+5", "4", "+3"]
    assert overview_row(window, "ratio")[1:] == ["100.0%", "40.0%", "+60.0 pp", "100.0%", "+0.0 pp"]
    assert overview_row(window, "grade:基本合格")[1:3] == ["3", "1"]
    assert "瑕疵" in window.overview_view.toolTip()  # the 2018 grade counted as 基本合格 is said


def test_filters_narrow_the_figures(qtbot, window: StatisticsWindow, db: AnalysisDb) -> None:  # type: ignore[no-untyped-def]
    bar = window.filters
    bar.select(bar.unit, next(c.key for c in _units(db) if "海淀" in c.label))
    loaded(qtbot, window)
    assert overview_row(window, "reviewed")[1] == "2" and overview_row(window, "closed")[1] == "1"
    bar.select(bar.unit, None)
    bar.select(bar.review_type, "重点评查")
    loaded(qtbot, window)
    assert overview_row(window, "reviewed")[1] == "2"
    bar.select(bar.review_type, None)
    bar.kind.setCurrentIndex(bar.kind.findData("year"))
    bar.set_period(parse_period("2026"))
    loaded(qtbot, window)
    assert overview_row(window, "reviewed")[1] == "9"  # A1–A7, B1, B2


def _units(db: AnalysisDb):  # type: ignore[no-untyped-def]
    from reviewapp.services.analysis.stats_names import filter_choices

    return filter_choices(db.wb).units


def test_a_click_on_a_bar_lists_its_cases_and_opens_one(qtbot, window: StatisticsWindow, db: AnalysisDb) -> None:  # type: ignore[no-untyped-def]
    grades = window.pages["statsGrades"]
    grades.by.setCurrentIndex(grades.by.findData("prosecutor"))
    loaded(qtbot, window)
    chart = grades.chart
    categories = chart.categories
    assert WANG in categories
    qtbot.waitExposed(chart)
    # 王检察官's 基本合格 segment of the stacked bar: A1 and A2.
    series = list(grades.model.headers[1:-2]).index("基本合格")
    point = chart.point_of(series, categories.index(WANG))
    with qtbot.waitSignal(grades.figureClicked, timeout=5000):
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=point)
    drill = window.drill_window
    qtbot.waitUntil(drill.isVisible)
    shown = sorted(drill.model.keys)
    assert shown == db.ids("A1", "A2")
    assert "基本合格" in drill.title.text()
    with qtbot.waitSignal(window.caseRequested, timeout=5000) as opened:
        drill.view.setFocus()
        qtbot.keyClick(drill.view, Qt.Key.Key_Return)
    assert opened.args == [drill.model.keys[0]]


def test_cells_and_trend_points_click_through(qtbot, window: StatisticsWindow, db: AnalysisDb) -> None:  # type: ignore[no-untyped-def]
    row = window.overview.keys.index("closed")
    window.overview_view.activated.emit(window.overview.index(row, 1))
    assert sorted(window.drill_window.model.keys) == db.ids("A1", "A2", "A3", "A7", "O1", "O2", "D1")
    window.tabs.setCurrentWidget(window.pages["statsTrend"])
    loaded(qtbot, window)
    trend = window.pages["statsTrend"]
    assert trend.chart.categories[-1] == parse_period("2026Q3").label()
    qtbot.waitExposed(trend.chart)
    with qtbot.waitSignal(trend.figureClicked, timeout=5000) as clicked:
        qtbot.mouseClick(trend.chart.viewport(), Qt.MouseButton.LeftButton, pos=trend.chart.point_of(0, 7))
    assert clicked.args[0].period == parse_period("2026Q3")
    problems = window.pages["statsProblems"]
    window.tabs.setCurrentWidget(problems)
    loaded(qtbot, window)
    assert [problems.model.key(r) for r in range(problems.model.rowCount())] == ["P3", "D5", "E7"]
    problems.table.activated.emit(problems.model.index(0, 3))
    assert sorted(window.drill_window.model.keys) == db.ids("A1", "A2", "A6", "A7")
    problems.threshold.setValue(3)
    loaded(qtbot, window)
    assert [cell(problems.model, r, 5) for r in range(3)] == ["共性", "个性", "个性"]


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, window: StatisticsWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.overview)
    for name, page in window.pages.items():
        window.tabs.setCurrentWidget(page)
        loaded(qtbot, window)
        assert page.model.rowCount() > 0, name
        qtmodeltester.check(page.model)
    qtmodeltester.check(window.pages["statsProblems"].dimensions)  # type: ignore[attr-defined]
    window.drill(window.overview.figure(0, 1))
    qtmodeltester.check(window.drill_window.model)


def test_exports_figures_and_charts(qtbot, window: StatisticsWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.export_xlsx(tmp_path / "统计.xlsx")
    loaded(qtbot, window)
    book = load_workbook(tmp_path / "统计.xlsx")
    assert book.worksheets[0]["B2"].value == 7 and "统计" not in book.sheetnames[0]
    png = window.save_png(tmp_path / "grades.png")
    assert png is not None and not QImage(str(png)).isNull()


def test_the_menu_opens_the_window_for_readers_only(qtbot, db: AnalysisDb) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    db.act_as(READER)
    main = MainWindow(db.wb)
    qtbot.addWidget(main)
    assert main.analysis.statistics_action.isEnabled()
    assert main.analysis.statistics_action.shortcut().toString() == "Ctrl+Shift+S"
    w = main.analysis.show_statistics()
    loaded(qtbot, w)
    assert overview_row(w, "reviewed")[0]
    main.apply_user(db.plans.act_as(WANG))  # a reviewer without READ_REVIEWS
    assert not main.analysis.statistics_action.isEnabled() and main.analysis.statistics is None
    db.act_as(READER)


def test_figures_are_rounded_half_up_as_the_reports_print_them() -> None:
    from ui.analysis.stats_models import Percent, Points, Signed, shown

    # 四舍五入: Python's format would give 6.2%, 1.12, +2.4 pp (an exact half rounded to even).
    assert shown(Percent(0.0625)) == "6.3%"
    assert shown(1.125) == "1.13"
    assert shown(Points(2.45)) == "+2.5 pp" and shown(Points(-2.45)) == "-2.5 pp"
    assert shown(Signed(-0.125)) == "-0.13" and shown(Signed(3.0)) == "+3"


def test_a_period_without_reviews_says_so_over_the_chart(qtbot, db: AnalysisDb) -> None:  # type: ignore[no-untyped-def]
    db.act_as(READER)
    w = StatisticsWindow(db.wb, period_text="2020Q1")  # long before the data set
    qtbot.addWidget(w)
    w.show()
    loaded(qtbot, w)
    chart = w.pages["statsGrades"].chart  # type: ignore[attr-defined]
    assert chart.categories == [] and chart.empty_note.isVisible()
    assert chart.empty_note.geometry() == chart.viewport().rect() and not chart.chart().axes()
    w.filters.set_period(parse_period("2026Q3"))
    loaded(qtbot, w)
    assert chart.categories and not chart.empty_note.isVisible() and chart.chart().axes()
    w.close()


def test_opens_on_the_current_quarter_when_the_last_one_has_no_files(
    qtbot, db: AnalysisDb, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.analysis import stats_filter_bar

    class _Day(date):  # 25 August 2025: 2025Q2 has no review files, 2025Q3 has C1–C4
        @classmethod
        def today(cls) -> date:
            return date(2025, 8, 25)

    monkeypatch.setattr(stats_filter_bar, "date", _Day)
    db.act_as(READER)
    w = StatisticsWindow(db.wb)
    qtbot.addWidget(w)
    w.show()
    loaded(qtbot, w)
    assert w.current_filter().period == parse_period("2025Q3")
    assert w.filters.period.currentText() == parse_period("2025Q3").label()
    assert overview_row(w, "reviewed")[1] == "4"
    w.close()
