"""On a large list a search shows its first page at once and its count follows from a worker: the rows past
the page are then added, a count made stale by the next search is dropped, a count that fails on the worker
is read on the GUI thread, and counts read before answer a search typed again at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import CaseFilter
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from ui import case_model, list_count
from ui.case_model import CaseTableModel
from ui.main_window import MainWindow

N = 45  # cases; "盗窃" matches the 23 odd ones, "危险驾驶" the 22 even ones


@pytest.fixture
def large(wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workbench:
    """45 cases treated as a large list: pages of 10, every search counted after its page."""
    monkeypatch.setattr(case_model, "PAGE", 10)
    monkeypatch.setattr(list_count, "COUNT_LATER_FROM", 0)
    rows = [
        case_row(i, 案件名称=f"某{i}{'盗窃' if i % 2 else '危险驾驶'}案", 受理日期=f"2025-{1 + i % 12:02d}-01")
        for i in range(1, N + 1)
    ]
    import_cases(wb, write_simple_xlsx(tmp_path / "cases.xlsx", rows))
    return wb


def _order(wb: Workbench, f: CaseFilter) -> list[int]:
    with wb.db.session() as s:
        return CaseList(s).page_ids(f, None, 0, 1000)


def test_a_search_shows_its_page_then_its_count(qtbot: QtBot, qtmodeltester, large: Workbench) -> None:
    model = CaseTableModel(large)
    model.reload()
    assert model.rowCount() == N and not model.provisional  # no search: the list's count is the total
    counted: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.counted.connect(lambda: counted.append(model.rowCount()))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    f = CaseFilter(text="盗窃")
    model.apply_filter(f)
    assert model.rowCount() == 10 and model.provisional  # the page, uncounted
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: not model.provisional, timeout=10000)
    assert counted == [23] and inserted == [(10, 22)]  # the rows shown stay; the rest follows them
    assert [model.case_id(r) for r in range(23)] == _order(large, f)
    qtmodeltester.check(model)
    model.apply_filter(CaseFilter(text="盗"))
    qtbot.waitUntil(lambda: not model.provisional, timeout=10000)
    model.apply_filter(f)  # typed again: its count is known, the whole list comes at once
    assert model.rowCount() == 23 and not model.provisional
    model.apply_filter(CaseFilter(text="不存在"))  # a short first page is the whole list: nothing to count
    assert model.rowCount() == 0 and not model.provisional
    assert model.later.wait()


def test_a_count_made_stale_by_the_next_search_is_dropped(
    qtbot: QtBot, large: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    held, release = threading.Event(), threading.Event()
    real = CaseList.count

    def slow(self: CaseList, f: CaseFilter) -> int:
        if threading.current_thread() is not threading.main_thread() and f.text == "盗窃":
            held.set()
            release.wait(10)
        return real(self, f)

    monkeypatch.setattr(CaseList, "count", slow)
    model = CaseTableModel(large)
    model.reload()
    counted: list[int] = []
    model.counted.connect(lambda: counted.append(model.rowCount()))
    model.apply_filter(CaseFilter(text="盗窃"))
    assert held.wait(10)  # its count is being read on the worker
    model.apply_filter(CaseFilter(text="危险驾驶"))  # the next search, before that count arrived
    release.set()
    qtbot.waitUntil(lambda: not model.provisional, timeout=10000)
    assert model.later.wait()
    qtbot.wait(50)  # any late answer would have arrived by now
    assert counted == [22] and model.rowCount() == 22  # only the current search's count was shown
    assert model.later.known("盗窃") == 23  # the stale count is still true, and remembered


def test_a_count_that_fails_on_the_worker_is_read_here(
    qtbot: QtBot, large: Workbench, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = CaseList.count

    def failing(self: CaseList, f: CaseFilter) -> int:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the worker could not read")
        return real(self, f)

    monkeypatch.setattr(CaseList, "count", failing)
    model = CaseTableModel(large)
    model.reload()
    model.apply_filter(CaseFilter(text="危险驾驶"))
    assert model.provisional
    qtbot.waitUntil(lambda: not model.provisional, timeout=10000)
    assert model.rowCount() == 22
    assert "not counted on the worker" in caplog.text


def test_the_status_bar_says_the_count_is_on_its_way(
    qtbot: QtBot, large: Workbench, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(case_model, "PAGE", 5)  # a page of one digit, a list of three
    more = [case_row(i, 案件名称=f"某{i}{'盗窃' if i % 2 else '危险驾驶'}案") for i in range(N + 1, 261)]
    import_cases(large, write_simple_xlsx(tmp_path / "more.xlsx", more))  # 260 cases, 130 of them 盗窃
    window = MainWindow(large)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    numbers = window.table.verticalHeader()
    release, real = threading.Event(), CaseList.count

    def held(self: CaseList, f: CaseFilter) -> int:  # the worker's count waits until the page is looked at
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)
        return real(self, f)

    monkeypatch.setattr(CaseList, "count", held)
    qtbot.wait(20)
    width = numbers.width()
    window.apply_filter(CaseFilter(text="盗窃"))
    qtbot.wait(50)  # laid out and painted; the count is on its way
    assert window.model.provisional and "5+" in window.count_label.text()  # 显示 5+ 件 …（正在计数…）
    assert "计数" in window.count_label.text()
    widths = [numbers.width()]
    release.set()
    qtbot.waitUntil(lambda: "130" in window.count_label.text(), timeout=10000)
    assert "+" not in window.count_label.text()
    qtbot.wait(20)
    widths.append(numbers.width())
    assert widths == [width, width]  # the row numbers keep their width: the columns do not move
    assert window.model.later.wait()
