"""The case list: model contract (qtmodeltester), search as you type, filters, detail pane, window state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from reviewapp.services.cases.intake import import_cases
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_messy_xlsx, write_simple_xlsx
from tests.ui.typing import type_text
from ui.case_model import CaseTableModel
from ui.main_window import MainWindow
from ui.rows_model import RowsModel


def _many_cases(wb: Workbench, tmp_path: Path, n: int = 120) -> None:
    rows = [
        case_row(
            i,
            案件名称=f"{'张' if i % 3 else '李'}某{i}{'盗窃' if i % 2 else '诈骗'}案",
            案件类别="审查起诉" if i % 4 else "审查逮捕",
            办结日期="" if i % 5 == 0 else "2025-04-20",
            受理日期=f"2025-{1 + i % 12:02d}-10",
        )
        for i in range(1, n + 1)
    ]
    import_cases(wb, write_simple_xlsx(tmp_path / "many.xlsx", rows))


def test_case_model_passes_qtmodeltester(qtmodeltester, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _many_cases(wb, tmp_path)
    model = CaseTableModel(wb)
    model.reload()
    assert model.rowCount() == 120
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert names == sorted(names, reverse=True)
    qtmodeltester.check(model)


def test_rows_model_passes_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel(["a", "b"], [["1", None], ["3", 4]])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == ""


def test_search_as_you_type_and_filters(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _many_cases(wb, tmp_path)
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 120
    type_text(qtbot, window.filters.search, "诈骗")
    assert window.model.rowCount() == 60
    assert all("诈骗" in window.model.data(window.model.index(r, 1)) for r in range(window.model.rowCount()))
    type_text(qtbot, window.filters.search, "案")  # still matches; narrows nothing
    assert window.model.rowCount() == 60
    window.filters.search.clear()
    combo = window.filters.case_type
    combo.setCurrentIndex(combo.findData("审查逮捕"))
    assert window.model.rowCount() == 30
    window.filters.closed.setCurrentIndex(window.filters.closed.findData(False))  # open cases only
    # Arrest-review cases are every 4th; open ones every 5th: multiples of 20 up to 120.
    assert window.model.rowCount() == 6
    open_ids = {window.model.case_id(r) for r in range(window.model.rowCount())}
    assert all(window.model.data(window.model.index(r, 8)) == "" for r in range(window.model.rowCount()))
    assert open_ids
    window.filters.clear()
    assert window.model.rowCount() == 120
    window.filters.accepted_from.setDate(date(2025, 3, 1))
    window.filters.accepted_to.setDate(date(2025, 3, 31))
    assert window.model.rowCount() == 10
    assert "10" in window.count_label.text()


def test_search_by_number_selects_and_shows_the_card(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = write_messy_xlsx(tmp_path)
    import_cases(wb, export.path)
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    type_text(qtbot, window.filters.search, "[2025]1号")
    assert window.model.rowCount() == 1
    assert "张三盗窃案" in window.detail.title.text()
    assert window.detail.suspects.rowCount() == 2
    labels = [
        window.detail.card_form.itemAt(i).widget().text()
        for i in range(window.detail.card_form.count())
        if window.detail.card_form.itemAt(i).widget() is not None
    ]
    assert "重点案件" in labels  # the unknown 备注 column, shown read-only


def test_window_state_is_kept_in_settings(qtbot, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    window.splitter.setSizes([700, 300])
    window.close()
    assert QSettings().value("main/splitter") is not None
    again = MainWindow(wb)
    qtbot.addWidget(again)
    assert again.splitter.saveState() == QSettings().value("main/splitter")


def test_first_run_offers_demo_once(qtbot, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(wb)
    qtbot.addWidget(window)
    box = window.offer_demo()
    assert box is not None and box.isVisible()
    box.reject()
    assert window.offer_demo() is None


def test_shortcuts_help_lists_the_shortcuts(qtbot, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(wb)
    qtbot.addWidget(window)
    dialog = window.show_shortcuts()
    keys = {row[0] for row in dialog.model.rows}
    assert {"Ctrl+I", "Ctrl+F", "Ctrl+Shift+U"} <= keys  # switching user included
    dialog.accept()


def test_language_choice_is_remembered(qtbot, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.language_actions["en"].trigger()
    assert QSettings().value("ui/language") == "en"
    assert window.language_actions["en"].isChecked() and not window.language_actions["zh_CN"].isChecked()
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators

    install_translators(QApplication.instance(), "zh_CN")  # the choice applies at once: later tests speak Chinese


def test_review_action_opens_the_workspace_or_says_why_not(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.accounts_fixtures import REVIEWER, sign_in
    from ui import errors

    import_cases(wb, write_simple_xlsx(tmp_path / "two.xlsx", [case_row(1), case_row(2, 办结日期="")]))
    sign_in(wb, "王评查", roles=[REVIEWER], unit="上海市浦东新区人民检察院")
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    type_text(qtbot, window.filters.search, "[2025]1号")
    assert window.open_workspace()  # starting a review is a write: it runs on the write runner
    qtbot.waitUntil(lambda: bool(window.workspaces), timeout=10000)
    workspace = window.workspaces[0]
    qtbot.addWidget(workspace)
    assert workspace.isVisible()
    window.filters.search.clear()
    type_text(qtbot, window.filters.search, "[2025]2号")  # not closed: not reviewable
    assert window.open_workspace()
    qtbot.waitUntil(lambda: bool(errors._open_boxes), timeout=10000)
    box = errors._open_boxes[-1]
    assert "抱歉" not in box.text()  # a plain refusal, never the bug apology
    assert len(window.workspaces) == 1
    box.close()
    workspace.close()


def test_load_demo_writes_and_imports_in_the_background(qtbot, wb: Workbench, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import reviewapp.demo as demo

    real = demo.generate_demo

    def small(out, **kw):  # type: ignore[no-untyped-def]
        kw.update(cases=8, dossiers=False)
        return real(out, **kw)

    monkeypatch.setattr(demo, "generate_demo", small)
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    window.load_demo()
    qtbot.waitUntil(
        lambda: window.import_dialog is not None and window.import_dialog.close_button.isVisible(), timeout=60000
    )
    assert window.model.rowCount() > 8  # the random cases plus the rule scenarios
    window.import_dialog.close_button.click()


def test_enter_in_search_moves_to_the_first_match(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _many_cases(wb, tmp_path, n=20)
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    type_text(qtbot, window.filters.search, "诈骗")
    qtbot.keyClick(window.filters.search, Qt.Key.Key_Return)
    rows = window.table.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [0]
    assert "诈骗" in window.detail.title.text()


def test_domain_values_in_the_list_speak_the_readers_language(wb: Workbench, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from reviewapp.i18n import term
    from ui.i18n import install_translators

    import_cases(wb, write_simple_xlsx(tmp_path / "one.xlsx", [case_row(1)]))
    install_translators(QApplication.instance(), "en")
    try:
        model = CaseTableModel(wb)
        model.reload()
        assert model.data(model.index(0, 2)) == term("审查起诉") == "Prosecution review"
    finally:
        install_translators(QApplication.instance(), "zh_CN")  # later tests speak Chinese
    model.reload()
    assert model.data(model.index(0, 2)) == "审查起诉"
