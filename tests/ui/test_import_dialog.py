"""The import dialog: progress, summary with rejected rows, export of rejects, cancel, unreadable files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import func, select

from reviewapp.intake.errors import IntakeCancelled
from reviewapp.services.cases import import_apart
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case
from tests.core.intake_fixtures import case_row, write_broken_files, write_messy_xlsx, write_simple_xlsx
from ui import import_dialog as dialog_module
from ui.import_dialog import ImportDialog
from ui.main_window import MainWindow


def _count(wb: Workbench) -> int:
    with wb.db.session() as s:
        return s.scalar(select(func.count(Case.id))) or 0


def test_import_shows_summary_and_rejected_rows_and_exports_them(
    qtbot,
    wb: Workbench,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    export = write_messy_xlsx(tmp_path)
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(MainWindow, "ask_open_paths", staticmethod(lambda parent: [export.path]))
    with qtbot.waitSignal(window.import_action.triggered, timeout=1000):
        window.import_action.trigger()
    dialog = window.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=20000)
    assert "新增 4 件" in dialog.summary.text()
    assert dialog.rejects.rowCount() >= len(export.rejects)
    sheets_rows = {(dialog.rejects.rows[r][1], dialog.rejects.rows[r][2]) for r in range(dialog.rejects.rowCount())}
    assert ("案件信息", 10) in sheets_rows
    assert window.model.rowCount() == 4  # the list reloaded after the import
    target = tmp_path / "rejects.xlsx"
    monkeypatch.setattr(ImportDialog, "ask_export_path", staticmethod(lambda parent, suggested: target))
    dialog.export_button.click()
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("文件", "工作表", "行", "列", "值", "原因")
    assert len(rows) - 1 == dialog.rejects.rowCount()
    dialog.close_button.click()


def test_cancel_leaves_the_database_as_before(qtbot, wb: Workbench, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    big = write_simple_xlsx(tmp_path / "big.xlsx", [case_row(n) for n in range(1, 3000)])
    real_import = import_apart.import_cases_apart

    def wait_for_cancel_then_import(wb: Workbench, path: Path, *, progress: Any = None, cancel: Any = None) -> Any:
        # Hold the job until the user has pressed Cancel, then run the real import, which must stop and roll back.
        qtbot_deadline = 200
        while not cancel() and qtbot_deadline:
            import time

            time.sleep(0.05)
            qtbot_deadline -= 1
        return real_import(wb, path, progress=progress, cancel=cancel)

    monkeypatch.setattr(dialog_module, "import_cases_apart", wait_for_cancel_then_import)
    dialog = ImportDialog.start(wb, [big])
    qtbot.addWidget(dialog)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=20000)
    assert "已取消" in dialog.summary.text()
    assert _count(wb) == 0
    assert issubclass(IntakeCancelled, Exception)


def test_unreadable_file_gets_one_clear_message(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = write_broken_files(tmp_path)["damaged"]
    dialog = ImportDialog.start(wb, [broken])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=20000)
    assert broken.name in dialog.summary.text()
    assert "Traceback" not in dialog.summary.text()
    assert _count(wb) == 0


def test_a_dossier_folder_met_across_brackets_is_named_in_the_summary(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reviewapp.services.cases.intake import import_cases

    import_cases(wb, write_simple_xlsx(tmp_path / "e.xlsx", [case_row(1)]))
    folder = tmp_path / "卷宗"
    (folder / "朝检刑诉受〔2025〕1号").mkdir(parents=True)
    (folder / "朝检刑诉受〔2025〕1号" / "起诉书.pdf").write_bytes(b"%PDF-1.4\n")
    window = MainWindow(wb)
    qtbot.addWidget(window)
    dialog = window.start_import([folder])
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=20000)
    text = dialog.summary.text()
    assert "朝检刑诉受〔2025〕1号" in text and "朝检刑诉受[2025]1号" in text and "括号" in text
    dialog.close_button.click()
