"""The start: the login dialog takes input before the database is open, a login typed meanwhile goes ahead
when it is, and the main window shows before its rows are read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

import ui.app as app_module
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from ui.main_window import MainWindow


def test_a_login_typed_before_the_database_opened_goes_ahead(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(i) for i in range(1, 31)]))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app_module._keep.clear()
    start = app_module.StartUp(app, wb.db.url, login_for("界面测试员"))
    dialog = start.dialog
    qtbot.addWidget(dialog)
    dialog.rejected.disconnect(app.quit)
    assert dialog.isVisible() and dialog.wb is None  # taking input: no database yet
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert dialog.working  # waits for the database, then logs in
    qtbot.waitUntil(lambda: any(isinstance(w, MainWindow) for w in app_module._keep), timeout=30000)
    window = next(w for w in app_module._keep if isinstance(w, MainWindow))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 30, timeout=30000)  # the rows follow the window
    qtbot.waitUntil(lambda: "30" in window.count_label.text(), timeout=30000)  # then the count, once painted
    assert start.wb is not None and start.wb.user.login == login_for("界面测试员")
    window.close()
    QThreadPool.globalInstance().waitForDone(30000)
    start.close()
    app_module._keep.clear()
