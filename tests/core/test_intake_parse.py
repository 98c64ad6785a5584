"""Whole exports into CaseCards: good rows import, every bad row is rejected with sheet/row/column/reason."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from reviewapp.intake.errors import IntakeCancelled
from reviewapp.intake.parse import PROGRESS_EVERY, ParsedExport, read_export
from tests.core.intake_fixtures import (
    CASES_SHEET,
    DOCUMENTS_SHEET,
    SUSPECTS_SHEET,
    MessyExport,
    case_row,
    english_ui,  # noqa: F401 - pytest fixture
    fixture_path,
    write_csv_twins,
    write_messy_xlsx,
    write_simple_xlsx,
)

pytestmark = pytest.mark.usefixtures("english_ui")


@pytest.fixture
def messy(tmp_path: Path) -> tuple[MessyExport, ParsedExport]:
    export = write_messy_xlsx(tmp_path)
    return export, read_export(export.path)


class TestMessyWorkbook:
    def test_every_good_row_is_read(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        export, parsed = messy
        assert [c.dept_case_no for c in parsed.cases] == export.good_case_nos

    def test_every_bad_row_is_rejected_precisely(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        export, parsed = messy
        assert {(r.sheet, r.row, r.column) for r in parsed.rejects} == export.rejects
        assert all(r.file == export.path and r.reason for r in parsed.rejects)

    def test_reasons_and_values(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        _, parsed = messy
        by_place = {(r.sheet, r.row, r.column): r for r in parsed.rejects}
        assert by_place[(CASES_SHEET, 10, "受理时间")].value == "2025-02-30"
        assert "calendar date" in by_place[(CASES_SHEET, 10, "受理时间")].reason
        unknown_type = by_place[(CASES_SHEET, 11, "案件类型")]
        assert unknown_type.value == "刑事"
        assert "审查逮捕" in unknown_type.reason and "公益诉讼" in unknown_type.reason  # lists the allowed
        assert by_place[(CASES_SHEET, 12, "案名")].value is None
        assert "required" in by_place[(CASES_SHEET, 12, "案名")].reason
        assert "0–9" in by_place[(CASES_SHEET, 13, "退查次数")].reason
        assert "row 6" in by_place[(CASES_SHEET, 14, "部门 受案号")].reason  # names the first row
        assert "No imported case" in by_place[(SUSPECTS_SHEET, 4, "部门受案号")].reason
        assert by_place[(SUSPECTS_SHEET, 6, "作案时年龄")].value == "十七"

    def test_counts(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        export, parsed = messy
        assert parsed.counts.blank_rows == export.blank_rows
        assert parsed.counts.duplicate_rows == export.duplicate_rows
        # 13 case rows, 6 suspect rows, 3 document rows below their headers.
        assert parsed.counts.rows_read == 13 + 6 + 3
        assert parsed.counts.rejected_rows == len({(r.sheet, r.row) for r in parsed.rejects})

    def test_values_of_good_rows(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        _, parsed = messy
        one, two, three, four = parsed.cases
        assert (one.accepted_on, one.closed_on, one.amount) == (date(2025, 3, 1), date(2025, 3, 28), Decimal("12345.5"))
        assert one.detained is True and one.plea is False
        assert one.dossier_paths == ["卷宗/1/起诉书.pdf", "卷宗/1/审查报告.docx"]  # kept as written
        assert one.extra == {"备注": "重点案件"}
        assert (two.accepted_on, two.closed_on, two.returns_count, two.amount) == (
            date(2025, 3, 2),
            date(2025, 4, 1),
            1,
            Decimal(15000),
        )
        assert (three.accepted_on, three.closed_on, three.detained, three.plea, three.amount) == (
            date(2025, 3, 1),
            date(2025, 4, 15),
            True,
            True,
            Decimal(3000),
        )
        assert four.accepted_on == date(2025, 3, 4) and four.detained is False and four.closed_on is None
        assert not four.is_closed
        assert {c.unit for c in parsed.cases} == {"北京市朝阳区人民检察院"}

    def test_suspects_and_documents_attached_by_case_number(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        export, parsed = messy
        suspects = {c.dept_case_no: [s.name for s in c.suspects] for c in parsed.cases if c.suspects}
        documents = {c.dept_case_no: [d.title for d in c.documents] for c in parsed.cases if c.documents}
        assert suspects == export.suspects
        assert documents == export.documents
        first = parsed.cases[0]
        brother = first.suspects[1]  # his 部门受案号 cell was merged with the row above
        assert (brother.birth_date, brother.age_at_offence, brother.detained) == (date(1995, 5, 5), 30, False)
        assert first.suspects[0].extra == {"户籍地": "北京"}
        assert parsed.cases[3].suspects[0].age_at_offence == 36
        assert parsed.cases[2].documents[0].path == "文书\\王五\\审查报告.docx"  # as given

    def test_unknown_columns_and_sheets(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        export, parsed = messy
        assert parsed.unknown_columns == export.unknown_columns
        assert parsed.sheets == {"cases": CASES_SHEET, "suspects": SUSPECTS_SHEET, "documents": DOCUMENTS_SHEET}

    def test_source_and_hash(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        export, parsed = messy
        assert parsed.source == export.path
        assert parsed.sha256 == hashlib.sha256(export.path.read_bytes()).hexdigest()

    def test_parsing_twice_gives_the_same_records(self, messy: tuple[MessyExport, ParsedExport]) -> None:
        export, parsed = messy
        again = read_export(export.path)
        assert again.cases == parsed.cases and again.rejects == parsed.rejects


class TestCsv:
    def test_gb18030_twin_gives_identical_records(self, tmp_path: Path) -> None:
        utf8, gb = write_csv_twins(tmp_path)
        a, b = read_export(utf8), read_export(gb)
        assert a.cases == b.cases
        assert [(r.row, r.column, r.value, r.reason) for r in a.rejects] == [
            (r.row, r.column, r.value, r.reason) for r in b.rejects
        ]
        assert a.counts == b.counts
        assert a.sha256 != b.sha256

    def test_csv_content(self, tmp_path: Path) -> None:
        utf8, _ = write_csv_twins(tmp_path)
        parsed = read_export(utf8)
        assert [c.dept_case_no for c in parsed.cases] == ["朝检刑诉受[2025]1号", "朝检刑诉受[2025]2号"]
        first, second = parsed.cases
        assert first.amount == Decimal(1200) and first.plea is True and first.extra == {"备注": "已归档"}
        assert second.accepted_on == date(2025, 3, 2) and second.amount == Decimal(20000)
        assert second.closed_on is None and second.extra == {}
        assert [(r.sheet, r.row, r.column) for r in parsed.rejects] == [(utf8.stem, 7, "受理日期")]
        assert (parsed.counts.blank_rows, parsed.counts.duplicate_rows) == (1, 1)


def test_xls_fixture() -> None:
    parsed = read_export(fixture_path("small_export.xls"))
    assert [(c.dept_case_no, c.accepted_on) for c in parsed.cases] == [
        ("朝检刑诉受[2025]1号", date(2025, 3, 1)),
        ("20250002", date(2025, 3, 2)),  # a number cell becomes plain digits
    ]
    assert [(r.sheet, r.row, r.column, r.value) for r in parsed.rejects] == [("案件", 5, "案件类别", "侦查")]


class TestSheetLevelProblems:
    def test_missing_required_column_rejects_the_sheet_once(self, tmp_path: Path) -> None:
        rows = [{k: v for k, v in case_row(i).items() if k != "承办部门"} for i in range(1, 4)]
        parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", rows))
        assert parsed.cases == []
        [reject] = parsed.rejects
        assert (reject.row, reject.column) == (1, "承办部门")  # every reject names its column
        assert "承办部门" in reject.reason

    def test_suspect_sheet_without_header_is_reported(self, tmp_path: Path) -> None:
        from openpyxl import load_workbook

        path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1)])
        wb = load_workbook(path)
        wb.create_sheet("嫌疑人").append(["姓名", "性别"])
        wb.save(path)
        parsed = read_export(path)
        assert len(parsed.cases) == 1
        assert [(r.sheet, r.column) for r in parsed.rejects] == [("嫌疑人", "部门受案号")]

    def test_case_sheet_found_beyond_a_notes_first_sheet(self, tmp_path: Path) -> None:
        from openpyxl import load_workbook

        path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1), case_row(2)], sheet="数据")
        wb = load_workbook(path)
        notes = wb.create_sheet("填表说明", 0)
        notes.append(["本表由统一业务应用系统导出"])
        wb.save(path)
        parsed = read_export(path)
        assert parsed.sheets["cases"] == "数据"
        assert len(parsed.cases) == 2

    def test_other_case_types_are_accepted_and_normalised(self, tmp_path: Path) -> None:
        rows = [case_row(i, 案件类别=t) for i, t in enumerate(["审查逮捕", " 公益诉讼 ", "民事诉讼 监督", "其他"])]
        parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", rows))
        assert [c.case_type for c in parsed.cases] == ["审查逮捕", "公益诉讼", "民事诉讼监督", "其他"]


class TestProgressAndCancel:
    def test_progress_reported_and_finished(self, tmp_path: Path) -> None:
        n = 2 * PROGRESS_EVERY + 10
        path = write_simple_xlsx(tmp_path / "big.xlsx", [case_row(i) for i in range(n)])
        calls: list[tuple[int, int]] = []
        parsed = read_export(path, progress=lambda done, total: calls.append((done, total)))
        assert len(parsed.cases) == n
        assert calls == [(PROGRESS_EVERY, n), (2 * PROGRESS_EVERY, n), (n, n)]

    def test_cancel_raises(self, tmp_path: Path) -> None:
        path = write_simple_xlsx(tmp_path / "big.xlsx", [case_row(i) for i in range(PROGRESS_EVERY + 5)])
        asked: list[bool] = []

        def cancel() -> bool:
            asked.append(True)
            return len(asked) > 1  # let the start pass, stop at the first progress point

        with pytest.raises(IntakeCancelled):
            read_export(path, cancel=cancel)
        assert len(asked) == 2

    def test_cancel_before_start(self, tmp_path: Path) -> None:
        path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1)])
        with pytest.raises(IntakeCancelled):
            read_export(path, cancel=lambda: True)


class TestLargeAndRagged:
    def test_duplicates_and_rejects_across_chunk_boundaries(self, tmp_path: Path) -> None:
        rows = [case_row(i) for i in range(PROGRESS_EVERY + 50)]
        rows.append(dict(rows[3]))  # exact copy of an early row, in the second chunk
        rows.append(case_row(5, 案件名称="另一个名称"))  # same number as row 7, different content
        rows.append(case_row(99999, 受理日期="2025-02-30"))
        parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", rows))
        assert len(parsed.cases) == PROGRESS_EVERY + 50
        assert parsed.counts.duplicate_rows == 1
        last = len(rows) + 1  # Excel row of the last data row (header in row 1)
        assert [(r.row, r.column) for r in parsed.rejects] == [(last - 1, "部门受案号"), (last, "受理日期")]
        assert "row 7" in parsed.rejects[0].reason

    def test_a_repeated_case_number_names_the_first_column_that_differs(self, tmp_path: Path) -> None:
        # Row 3 differs from row 2 only by a space; row 4 writes the number with full-width brackets and
        # the name with a half-width one.
        rows = [case_row(1, 案件名称="张某盗窃案"), case_row(1, 案件名称="张某 盗窃案")]
        rows.append(case_row(1, 部门受案号="朝检刑诉受［2025］1号", 案件名称="张某盗窃案"))
        parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", rows))
        assert [(r.row, r.column) for r in parsed.rejects] == [(3, "部门受案号"), (4, "部门受案号")]
        assert parsed.rejects[0].reason.endswith(
            "in row 2 with different content: 案件名称 is “张某盗窃案” there and “张某 盗窃案” here"
        )
        assert "部门受案号 is “朝检刑诉受[2025]1号” there and “朝检刑诉受［2025］1号” here" in parsed.rejects[1].reason

    def test_a_repeated_case_number_far_below_its_first_row_names_the_column_too(self, tmp_path: Path) -> None:
        rows = [case_row(i, 案件名称=f"张某{i}盗窃案（一）") for i in range(2 * PROGRESS_EVERY + 100)]
        rows.append(case_row(100, 案件名称="张某100盗窃案(一)"))  # the earlier row is chunks away: read again
        parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", rows))
        assert [r.row for r in parsed.rejects] == [len(rows) + 1]
        assert (
            "in row 102 with different content: 案件名称 is “张某100盗窃案（一）” there and “张某100盗窃案(一)” here"
            in (parsed.rejects[0].reason)
        )

    def test_short_csv_lines_leave_trailing_fields_empty(self, tmp_path: Path) -> None:
        path = tmp_path / "short.csv"
        path.write_text(
            "部门受案号,案件名称,案件类别,承办单位,承办部门,承办检察官,受理日期,办结日期,备注\n"
            "A1,甲案,审查起诉,朝阳区院,一部,王检,2025-03-01\n"
            "A2,乙案,审查起诉,朝阳区院,一部,王检,2025-03-02,2025-03-09,多,余,列\n",
            encoding="utf-8",
        )
        parsed = read_export(path)
        first, second = parsed.cases
        assert (first.closed_on, first.extra) == (None, {})
        assert second.closed_on == date(2025, 3, 9)
        assert second.extra == {"备注": "多", "J": "余", "K": "列"}  # header-less cells kept by letter
        assert parsed.unknown_columns == {"short": ["备注", "J", "K"]}

    def test_required_key_missing_in_a_row(self, tmp_path: Path) -> None:
        parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1, 部门受案号=None), case_row(2)]))
        assert [c.dept_case_no for c in parsed.cases] == [case_row(2)["部门受案号"]]
        assert [(r.row, r.column, r.value) for r in parsed.rejects] == [(2, "部门受案号", None)]


def test_garbage_collector_is_restored(tmp_path: Path) -> None:
    import gc

    from reviewapp.intake.errors import IntakeFileError

    assert gc.isenabled()
    read_export(write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1)]))
    assert gc.isenabled()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(IntakeFileError):
        read_export(bad)
    assert gc.isenabled()
    with pytest.raises(IntakeCancelled):
        read_export(tmp_path / "a.xlsx", cancel=lambda: True)
    assert gc.isenabled()


def test_csv_cells_written_as_excel_text_formulas_keep_their_leading_zeros(tmp_path: Path) -> None:
    # ="007" is how a CSV export keeps a spreadsheet from turning a staff number into the number 7.
    header = "部门受案号,案件名称,案件类别,承办单位,承办部门,承办检察官,受理日期,承办人工号"
    line = '="朝检刑诉受[2025]003号",张某盗窃案,审查起诉,北京市朝阳区人民检察院,第一检察部,王检察官,2025-03-01,="007"'
    path = tmp_path / "cases.csv"
    path.write_text(f"{header}\n{line}\n", encoding="utf-8")
    parsed = read_export(path)
    assert [(c.dept_case_no, c.prosecutor_staff_no) for c in parsed.cases] == [("朝检刑诉受[2025]003号", "007")]
    assert parsed.rejects == []
