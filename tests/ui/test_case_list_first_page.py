"""The start's quick way to rows: the list's first page is shown uncounted and the rest of the list is added
after it painted; a login submitted before the database is open is checked on the side (plain sqlite3 and
Argon2) and only a verdict for the password the user submitted counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from reviewapp.services.cases.intake import import_cases
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.db_target import ON_POSTGRES
from ui import case_model
from ui.case_model import CaseTableModel
from ui.login import EarlyCheck, LoginDialog, sqlite_file


def _cases(wb: Workbench, tmp_path: Path, n: int) -> None:
    rows = [case_row(i, 受理日期=f"2025-{1 + i % 12:02d}-{1 + i % 27:02d}") for i in range(1, n + 1)]
    import_cases(wb, write_simple_xlsx(tmp_path / "cases.xlsx", rows))


def test_first_page_then_the_rest_of_the_list(
    qtmodeltester, wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_model, "PAGE", 10)
    _cases(wb, tmp_path, 45)
    full = CaseTableModel(wb)
    full.reload()
    order = [full.case_id(r) for r in range(full.rowCount())]
    model = CaseTableModel(wb)
    model.first_page()
    assert model.rowCount() == 10 and model.provisional and model.total == 0  # not counted yet
    assert [model.case_id(r) for r in range(10)] == order[:10]
    qtmodeltester.check(model)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.count_all()
    assert inserted == [(10, 44)]  # the rows shown stay; the rest is added after them
    assert model.rowCount() == 45 and model.total == 45 and not model.provisional
    assert [model.case_id(r) for r in range(45)] == order
    qtmodeltester.check(model)
    model.count_all()  # counted once
    assert inserted == [(10, 44)]


def test_a_short_list_is_whole_on_its_first_page(wb: Workbench, tmp_path: Path) -> None:
    _cases(wb, tmp_path, 5)
    model = CaseTableModel(wb)
    model.first_page()
    assert model.rowCount() == 5 and model.total == 5 and not model.provisional
    model.count_all(total=999)  # nothing left to count
    assert model.rowCount() == 5 and model.total == 5
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 5


@pytest.mark.skipif(ON_POSTGRES, reason="the early check reads SQLite files; a server database is checked as before")
def test_a_login_submitted_early_is_checked_beside_the_opening(qtbot: QtBot, wb: Workbench) -> None:
    path = sqlite_file(wb.db.url)
    assert path is not None and path.is_file()
    login = login_for("界面测试员")
    right = EarlyCheck(path, login, PASSWORD).result()
    assert right is not None and right[1] and right[0].startswith("$argon2")
    wrong = EarlyCheck(path, login, "not-the-password").result()
    assert wrong is not None and not wrong[1]
    assert EarlyCheck(path, "nobody", PASSWORD).result() is None
    assert EarlyCheck(path.with_name("missing.sqlite3"), login, PASSWORD).result() is None
    assert sqlite_file("postgresql://server/db") is None

    dialog = LoginDialog.ask(None, login)
    qtbot.addWidget(dialog)
    dialog.database = str(path)
    dialog.password.setText("not-the-password")
    dialog.submit()
    assert dialog.early is not None and dialog.early.asked == (login, "not-the-password")
    dialog.password.setText(PASSWORD)  # changed while waiting: the early verdict is not for this password
    with qtbot.waitSignal(dialog.loggedIn, timeout=20000) as got:
        dialog.attach(wb)
    assert got.args[0].login == login


def test_a_sort_restored_before_the_first_read_only_sets_the_order(qtbot: QtBot, wb: Workbench, tmp_path: Path) -> None:
    _cases(wb, tmp_path, 12)
    model = CaseTableModel(wb)
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(0, Qt.SortOrder.DescendingOrder)  # the window's saved header state, restored at start
    assert model.rowCount() == 0 and model.sort_key == (0, True)
    model.first_page()
    numbers = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert len(numbers) == 12 and numbers == sorted(numbers, reverse=True)
