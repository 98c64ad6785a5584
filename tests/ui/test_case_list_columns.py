"""What the case list says about each case: review status, grade, plan and open checks as columns and filters
(answered in SQL), the 办结日期 header, no sort arrow until a sort, back to the top after filtering, the
department and prosecutor lists following the unit, an empty result said in words, and a model whose rows
in memory stay within a few pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewapp.services.cases.intake import import_cases
from reviewapp.services.checks.run import run_checks
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.process_fixtures import ProcessDb, make_process_db
from tests.ui.conftest import close_bench
from tests.ui.typing import type_text
from ui import case_model
from ui.case_model import CaseTableModel
from ui.main_window import MainWindow

STATUS, GRADE, PLAN, CHECKS, CLOSED = 10, 11, 9, 12, 8


@pytest.fixture
def process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ProcessDb]:
    p = make_process_db(tmp_path, monkeypatch)
    yield p
    close_bench(p.wb)


def _window(qtbot, wb: Workbench) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    return window


def _column(window: MainWindow, column: int) -> list[str]:
    m = window.model
    return [m.data(m.index(r, column)) for r in range(m.rowCount())]


def test_status_grade_plan_and_open_checks_are_columns_and_filters(qtbot, qtmodeltester, process: ProcessDb) -> None:  # type: ignore[no-untyped-def]
    opinion = process.form_opinion({"E1": ("瑕", "证据目录缺页")})
    run_checks(process.wb)
    process.act_as(process.plans.admin().name)
    window = _window(qtbot, process.wb)
    model = window.model
    qtmodeltester.check(model)
    assert model.headerData(CLOSED, Qt.Orientation.Horizontal) == "办结日期"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (PLAN, STATUS, GRADE, CHECKS)] == [
        "评查方案",
        "评查状态",
        "等次",
        "待处理校验",
    ]
    row = model.row_of(process.case_id)
    assert row is not None
    assert model.data(model.index(row, STATUS)) not in ("", "未评查")
    assert model.data(model.index(row, GRADE)) == (opinion.final_grade or opinion.proposed_grade or "")
    assert model.data(model.index(row, PLAN))
    others = [r for r in range(model.rowCount()) if r != row]
    assert all(model.data(model.index(r, STATUS)) == "未评查" for r in others)

    bar = window.filters
    bar.review.setCurrentIndex(bar.review.findData(opinion.status))
    assert model.rowCount() == 1 and model.case_id(0) == process.case_id
    bar.review.setCurrentIndex(bar.review.findData("none"))
    assert model.rowCount() == len(others)
    bar.clear()
    if opinion.final_grade or opinion.proposed_grade:
        bar.grade.setCurrentIndex(bar.grade.findData(opinion.final_grade or opinion.proposed_grade))
        assert [model.case_id(r) for r in range(model.rowCount())] == [process.case_id]
        bar.clear()
    bar.plan.setCurrentIndex(1)
    assert process.case_id in [model.case_id(r) for r in range(model.rowCount())]
    bar.clear()
    counts = _column(window, CHECKS)
    with_checks = sum(1 for c in counts if c)
    assert with_checks  # the fixture cases give the pre-screening something to say
    bar.checks.setCurrentIndex(bar.checks.findData(True))
    assert model.rowCount() == with_checks and all(_column(window, CHECKS))
    bar.checks.setCurrentIndex(bar.checks.findData(False))
    assert model.rowCount() == len(counts) - with_checks and not any(_column(window, CHECKS))
    bar.clear()
    for column in (CHECKS, STATUS, GRADE, PLAN):  # the computed columns sort: the valued cases first, in order
        model.sort(column, Qt.SortOrder.DescendingOrder)
        values = [v for v in _column(window, column) if v not in ("", "未评查")]
        assert _column(window, column)[: len(values)] == values
        if column == CHECKS:
            assert values == sorted(values, reverse=True) and len(values) == with_checks
    qtmodeltester.check(model)


def test_sort_arrow_scroll_to_top_and_empty_result(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [case_row(i, 案件名称=f"{'孙' if i % 2 else '周'}某{i}盗窃案") for i in range(1, 121)]
    import_cases(wb, write_simple_xlsx(tmp_path / "many.xlsx", rows))
    window = _window(qtbot, wb)
    header = window.table.horizontalHeader()
    assert not header.isSortIndicatorShown()  # the list starts unsorted: newest accepted first
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().topLeft() + _mid(header, 1))
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 1
    names = _column(window, 1)
    assert names == sorted(names) or names == sorted(names, reverse=True)

    window.table.scrollToBottom()
    assert window.table.verticalScrollBar().value() > 0
    type_text(qtbot, window.filters.search, "孙")
    assert window.model.rowCount() == 60
    assert window.table.verticalScrollBar().value() == 0  # back to the top after filtering

    assert not window.empty_note.isVisible()
    type_text(qtbot, window.filters.search, "不存在的案件")
    assert window.model.rowCount() == 0
    assert window.empty_note.isVisible() and "没有" in window.empty_note.text()
    assert "0" in window.count_label.text()
    window.filters.clear()
    assert not window.empty_note.isVisible()


def _mid(header, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_department_and_prosecutor_lists_follow_the_unit(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [case_row(1), case_row(2, 承办单位="北京市海淀区人民检察院", 承办部门="第二检察部", 承办检察官="赵检察官")]
    import_cases(wb, write_simple_xlsx(tmp_path / "two.xlsx", rows))
    window = _window(qtbot, wb)
    bar = window.filters

    def items(combo) -> list[str]:  # type: ignore[no-untyped-def]
        return [combo.itemText(i) for i in range(1, combo.count())]

    assert len(items(bar.department)) >= 2 and {"王检察官", "赵检察官"} <= set(items(bar.prosecutor))
    bar.unit.setCurrentIndex(bar.unit.findText("北京市海淀区人民检察院"))
    assert items(bar.department) == ["北京市海淀区人民检察院·第二检察部"]
    assert items(bar.prosecutor) == ["赵检察官"]
    assert window.model.rowCount() == 1
    bar.unit.setCurrentIndex(0)
    assert len(items(bar.department)) >= 2


def test_the_model_keeps_a_few_pages_whatever_the_list(
    qtbot, qtmodeltester, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(case_model, "PAGE", 10)
    monkeypatch.setattr(case_model, "MAX_PAGES", 3)
    import_cases(wb, write_simple_xlsx(tmp_path / "many.xlsx", [case_row(i) for i in range(1, 101)]))
    model = CaseTableModel(wb)
    model.reload()
    assert model.rowCount() == 100
    seen = [model.data(model.index(r, 0)) for r in range(100)]
    assert len(set(seen)) == 100
    assert model.cached_rows() <= 30
    assert model.row_of(model.case_id(5) or 0) == 5  # an evicted page: its position comes from the database
    model.sort(0, Qt.SortOrder.DescendingOrder)
    numbers = [model.data(model.index(r, 0)) for r in range(100)]
    assert numbers == sorted(numbers, reverse=True)
    qtmodeltester.check(model)
