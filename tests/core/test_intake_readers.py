"""Opening export files: kind by content, CSV encodings and delimiters, and one clear error per broken file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.intake.errors import FileProblem, IntakeFileError
from reviewapp.intake.parse import read_export
from reviewapp.intake.readers import Sheet, decode_text, detect_kind, fill_merged, open_workbook, sniff_delimiter
from tests.core.intake_fixtures import (
    case_row,
    english_ui,  # noqa: F401 - pytest fixture
    fixture_path,
    write_broken_files,
    write_simple_xlsx,
)

pytestmark = pytest.mark.usefixtures("english_ui")


class TestBrokenFiles:
    @pytest.mark.parametrize(
        ("key", "problem", "words"),
        [
            ("not_a_workbook", FileProblem.NOT_A_WORKBOOK, "not a spreadsheet"),
            ("not_a_workbook:text", FileProblem.NOT_A_WORKBOOK, "not a spreadsheet"),
            ("damaged", FileProblem.DAMAGED, "truncated or damaged"),
            ("empty", FileProblem.EMPTY, "is empty"),
            ("empty:workbook", FileProblem.EMPTY, "is empty"),
            ("no_key_column", FileProblem.NO_KEY_COLUMN, "部门受案号"),
            ("encrypted", FileProblem.ENCRYPTED, "password-protected"),
            ("unsupported_encoding", FileProblem.UNSUPPORTED_ENCODING, "encoding"),
        ],
    )
    def test_one_clear_error_naming_the_file(self, tmp_path: Path, key: str, problem: FileProblem, words: str) -> None:
        path = write_broken_files(tmp_path)[key]
        with pytest.raises(IntakeFileError) as info:
            read_export(path)
        error = info.value
        assert error.problem is problem
        assert error.path == path
        assert path.name in str(error)
        assert words in str(error)
        assert "Traceback" not in str(error)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(IntakeFileError) as info:
            read_export(tmp_path / "gone.xlsx")
        assert info.value.problem is FileProblem.UNREADABLE
        assert "gone.xlsx" in str(info.value)

    def test_docx_renamed_xlsx_is_not_a_workbook(self, tmp_path: Path) -> None:
        import zipfile

        path = tmp_path / "report.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<w:document/>")
        with pytest.raises(IntakeFileError) as info:
            read_export(path)
        assert info.value.problem is FileProblem.NOT_A_WORKBOOK

    def test_encrypted_message_is_translated(self, tmp_path: Path) -> None:
        from reviewapp.i18n import set_language

        path = write_broken_files(tmp_path)["encrypted"]
        set_language("zh_CN")
        try:
            with pytest.raises(IntakeFileError) as info:
                read_export(path)
        finally:
            set_language("en")
        assert path.name in str(info.value)
        assert "密码" in str(info.value)


class TestKinds:
    def test_kind_is_taken_from_content_not_extension(self, tmp_path: Path) -> None:
        xlsx = write_simple_xlsx(tmp_path / "cases.csv", [case_row(1)])  # an xlsx named .csv
        assert detect_kind(xlsx, xlsx.read_bytes()) == "xlsx"
        xls = fixture_path("small_export.xls")
        renamed = tmp_path / "old.xlsx"
        renamed.write_bytes(xls.read_bytes())
        assert detect_kind(renamed, renamed.read_bytes()) == "xls"
        assert [c.dept_case_no for c in read_export(renamed).cases][:1] == ["朝检刑诉受[2025]1号"]
        assert [c.dept_case_no for c in read_export(xlsx).cases] == [case_row(1)["部门受案号"]]

    def test_ods(self, tmp_path: Path) -> None:
        import zipfile

        path = tmp_path / "export.ods"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        assert detect_kind(path, path.read_bytes()) == "ods"

    def test_text_only_accepted_with_a_text_extension(self, tmp_path: Path) -> None:
        data = "部门受案号,案件名称\n".encode()
        assert detect_kind(tmp_path / "a.csv", data) == "csv"
        assert detect_kind(tmp_path / "a.txt", data) == "csv"
        with pytest.raises(IntakeFileError):
            detect_kind(tmp_path / "a.xlsx", data)

    def test_sheets_in_workbook_order_with_excel_row_numbers(self, tmp_path: Path) -> None:
        path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1)])
        book = open_workbook(path)
        (name, rows), *_ = list(book.sheets())
        assert name == "案件"
        assert rows[0][0] == "部门受案号"  # Excel row 1


class TestCsvText:
    def test_utf8_with_and_without_bom(self) -> None:
        text = "部门受案号,案名\n"
        assert decode_text(Path("a.csv"), text.encode("utf-8")) == text
        assert decode_text(Path("a.csv"), text.encode("utf-8-sig")) == text

    def test_gb18030(self) -> None:
        text = "部门受案号,案名,𠀀\n"  # a character outside GBK too
        assert decode_text(Path("a.csv"), text.encode("gb18030")) == text

    def test_binary_is_unsupported(self) -> None:
        with pytest.raises(IntakeFileError) as info:
            decode_text(Path("a.csv"), b"\xff\xfe\x00\x00abc")
        assert info.value.problem is FileProblem.UNSUPPORTED_ENCODING

    @pytest.mark.parametrize(
        ("text", "delimiter"),
        [
            ("a,b,c\n1,2,3\n", ","),
            ("a\tb\tc\n1\t2\t3\n", "\t"),
            ("a;b;c\n1;2;3\n", ";"),
            ("title\n", ","),
        ],
    )
    def test_sniff_delimiter(self, text: str, delimiter: str) -> None:
        assert sniff_delimiter(text) == delimiter

    def test_tab_separated_export(self, tmp_path: Path) -> None:
        row = case_row(7)
        path = tmp_path / "cases.txt"
        lines = ["\t".join(row), "\t".join(str(v) for v in row.values())]
        path.write_text("\n".join(lines), encoding="gb18030")
        parsed = read_export(path)
        assert [c.dept_case_no for c in parsed.cases] == [row["部门受案号"]]
        assert parsed.rejects == []


def test_fill_merged_copies_values_below_the_header_only() -> None:
    sheet = Sheet(
        "s",
        [["title", "", ""], ["key", "name", ""], ["K1", "a", ""], ["", "b", ""]],
        merged=[((0, 0), (0, 2)), ((2, 0), (3, 0))],
    )
    fill_merged(sheet, below_row=1)
    assert sheet.rows[0] == ["title", "", ""]
    assert [r[0] for r in sheet.rows[2:]] == ["K1", "K1"]
