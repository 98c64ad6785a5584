"""The mapping dialog: an export in another system's layout, mapped in the dialog while importing (no modal
exec), saved as a profile, and read again headless with the saved profile."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from reviewapp.intake.profiles import IGNORE
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.profiles import list_profiles
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Suspect
from tests.core.other_system_export import CASES_SHEET, NOTES_SHEET, SUSPECTS_SHEET, write_other_system_export
from ui.import_dialog import ImportDialog


def _count(wb: Workbench, model: type) -> int:
    with wb.db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_an_export_of_another_system_imports_through_a_profile_made_in_the_dialog(
    qtbot,
    wb: Workbench,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    export = write_other_system_export(tmp_path / "other.xlsx")
    dialog = ImportDialog.start(wb, [export.path])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.mapping is not None and dialog.mapping.isVisible(), timeout=20000)
    mapping = dialog.mapping
    assert mapping is not None
    assert mapping.sheet_boxes["cases"].currentData() == CASES_SHEET
    assert mapping.sheet_boxes["suspects"].currentData() == SUSPECTS_SHEET
    # Every column is listed with its samples and a guess.
    listed = {
        (mapping.table.item(r, 0).text(), mapping.table.item(r, 1).text()) for r in range(mapping.table.rowCount())
    }
    assert (CASES_SHEET, "案件编码") in listed and (SUSPECTS_SHEET, "当事人姓名") in listed
    assert mapping.field_box("案件编码").currentData() == "dept_case_no"
    assert "朝检刑诉受" in mapping.table.item(0, 2).text()
    # The user confirms the guesses, changes one and ignores another.
    box = mapping.field_box("审查结论")
    box.setCurrentIndex(box.findData(IGNORE))
    box.setCurrentIndex(box.findData("disposition"))
    mapping.field_box("备注说明").setCurrentIndex(mapping.field_box("备注说明").findData(IGNORE))
    mapping.save_button.click()
    assert "name" in mapping.status.text() or "名称" in mapping.status.text()  # no name yet: not saved
    mapping.name.setText("省院新系统")
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        mapping.save_button.click()
    assert [p.name for p in list_profiles(wb)] == ["省院新系统"]
    assert _count(wb, Case) == len(export.numbers)
    assert _count(wb, Suspect) == len(export.numbers)
    summary = dialog.summary.text()
    assert NOTES_SHEET in summary  # the sheet not read, and why
    assert "内部流水号" in summary and "备注说明" in summary  # the unmapped columns
    assert str(export.duplicate_row) in summary  # the duplicate row skipped
    assert dialog.export_button.isVisible()
    target = tmp_path / "report.xlsx"
    monkeypatch.setattr(ImportDialog, "ask_export_path", staticmethod(lambda parent, suggested: target))
    dialog.export_button.click()
    book = load_workbook(target)
    left = [row for row in book.worksheets[-1].iter_rows(min_row=2, values_only=True)]
    assert (export.path.name, NOTES_SHEET) in {(r[0], r[1]) for r in left}  # the sheet not read
    assert any("内部流水号" in str(r[3]) for r in left)  # the unmapped columns
    assert (export.path.name, CASES_SHEET, export.duplicate_row) in {(r[0], r[1], r[2]) for r in left}
    dialog.close_button.click()

    # The same layout again, headless: the saved profile applies itself.
    again = write_other_system_export(tmp_path / "again.xlsx", cases=6)
    result = import_cases(wb, again.path)
    assert result.profile == "省院新系统"
    assert result.imported == 2 and result.unchanged == 4 and result.rejected == 0
    assert [s for s, _ in result.skipped_sheets] == [NOTES_SHEET]
    assert result.extra_columns[CASES_SHEET] == ["内部流水号", "备注说明"]


def test_importing_without_a_profile_reports_the_file_plainly(qtbot, wb: Workbench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = write_other_system_export(tmp_path / "other.xlsx")
    dialog = ImportDialog.start(wb, [export.path])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.mapping is not None and dialog.mapping.isVisible(), timeout=20000)
    assert dialog.mapping is not None
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.mapping.skip_button.click()
    assert _count(wb, Case) == 0
    assert "部门受案号" in dialog.summary.text()  # no sheet has the key column: one plain message
    dialog.close_button.click()


def test_a_profile_file_from_another_office_is_saved_and_used(
    qtbot, wb: Workbench, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reviewapp.services.cases.profiles import guess_sheet, mapping_needed, profile_from_choices
    from ui.mapping_dialog import MappingDialog

    export = write_other_system_export(tmp_path / "other.xlsx")
    need = mapping_needed(wb, export.path)
    assert need is not None
    roles = {s.role: s for s in need.layout.sheets if s.role}
    choices = {r: {g.header: g.attr or IGNORE for g in guess_sheet(s, r)} for r, s in roles.items()}
    file = tmp_path / "兄弟院.json"
    profile_from_choices("兄弟院", need.layout, {r: s.name for r, s in roles.items()}, choices).write(file)
    monkeypatch.setattr(MappingDialog, "ask_profile_file", staticmethod(lambda parent: file))
    dialog = ImportDialog.start(wb, [export.path])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.mapping is not None and dialog.mapping.isVisible(), timeout=20000)
    assert dialog.mapping is not None
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.mapping.file_button.click()
    assert [p.name for p in list_profiles(wb)] == ["兄弟院"]
    assert _count(wb, Case) == len(export.numbers)
    dialog.close_button.click()
