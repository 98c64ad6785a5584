"""Hostile exports: the reader runs in a guarded child process, cell text is screened (control characters,
field lengths, formula-like cells) and every reject names its sheet, row, column and reason."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from reviewapp.intake.errors import FileProblem, IntakeFileError
from reviewapp.intake.guard import ReadStats
from reviewapp.intake.limits import formula_char
from reviewapp.intake.parse import read_export, read_export_here
from reviewapp.paths import log_dir
from tests.core.intake_fixtures import case_row, fixture_path, write_simple_xlsx

pytestmark = pytest.mark.usefixtures("english_ui")
from tests.core.intake_fixtures import english_ui  # noqa: E402,F401


def test_a_file_that_aborts_the_native_reader_is_refused_with_a_plain_message_and_a_kept_log(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.xls"
    shutil.copyfile(fixture_path("reader_abort.xls"), path)  # a mutated .xls that made calamine abort
    before = set(log_dir().glob("reader-*.log"))
    with pytest.raises(IntakeFileError) as caught:
        read_export(path)
    assert caught.value.problem in (FileProblem.TOO_LARGE, FileProblem.READER_FAILED)
    assert "broken.xls cannot be read" in str(caught.value) and "Traceback" not in str(caught.value)
    assert ReadStats.exitcode is not None and ReadStats.exitcode < 0  # the child died by a signal …
    kept = set(log_dir().glob("reader-*.log")) - before
    assert len(kept) == 1 and "broken.xls" in kept.pop().read_text(encoding="utf-8")  # … and its log is kept


def test_the_guarded_read_gives_what_the_in_process_read_gives(tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(n) for n in range(1, 30)] + [case_row(30, 案件类别="侦查")])
    guarded, here = read_export(path), read_export_here(path)
    assert guarded.cases == here.cases and guarded.rejects == here.rejects and guarded.counts == here.counts


def test_a_read_past_its_time_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWAPP_READ_TIMEOUT", "0")
    path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1)])
    with pytest.raises(IntakeFileError) as caught:
        read_export(path)
    assert caught.value.problem is FileProblem.TIMED_OUT


def test_a_read_past_its_memory_guard_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWAPP_READ_MEMORY_MB", "8")
    # Enough rows that the parse must grow its heap: a forked reader may start with a few MB free.
    path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(n) for n in range(1, 3000)])
    with pytest.raises(IntakeFileError) as caught:
        read_export(path)
    assert caught.value.problem in (FileProblem.TOO_LARGE, FileProblem.READER_FAILED)
    assert "cannot be read" in str(caught.value)


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([list(rows[0]), *(list(r.values()) for r in rows)])
    return path


def test_control_characters_are_removed(tmp_path: Path) -> None:
    row = case_row(1, 案件名称="张三盗窃\x07案\x1b", 承办检察官="王\x7f检察官\x85")
    # A workbook cannot even hold them; a CSV can.
    [card] = read_export(_csv(tmp_path / "a.csv", [row])).cases
    assert (card.name, card.prosecutor) == ("张三盗窃案", "王检察官")


def test_text_longer_than_its_field_is_rejected_with_the_limit_named(tmp_path: Path) -> None:
    rows = [case_row(1), case_row(2, 案件名称="案" * 301), case_row(3, 备注="A" * 100_000)]
    parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", rows))
    assert [c.dept_case_no for c in parsed.cases] == ["朝检刑诉受[2025]1号"]
    found = {(r.row, r.column): r for r in parsed.rejects}
    assert "at most 300 characters" in found[(3, "案件名称")].reason
    assert "at most 4000 characters" in found[(4, "备注")].reason
    assert len(found[(4, "备注")].value or "") <= 500  # the hostile value is clipped for display


def test_formula_like_cells_are_imported_as_text_and_flagged(tmp_path: Path) -> None:
    rows = [case_row(1, 案件名称="=1+1"), case_row(2, 案件名称="@SUM(A1)"), case_row(3, 移送案由="-")]
    parsed = read_export(_csv(tmp_path / "a.csv", rows))  # in a workbook "=1+1" would be a formula cell
    assert [c.name for c in parsed.cases] == ["=1+1", "@SUM(A1)", "张某3盗窃案"]
    flags = [(r.row, r.column, r.value) for r in parsed.rejects if "spreadsheet formula" in r.reason]
    assert flags == [(2, "案件名称", "=1+1"), (3, "案件名称", "@SUM(A1)")]
    assert parsed.counts.rejected_rows == 0


@pytest.mark.parametrize(("text", "char"), [("=A1", "="), ("+A1", "+"), ("-cmd|x", "-"), ("@x", "@")])
def test_formula_starts(text: str, char: str) -> None:
    assert formula_char(text) == char


@pytest.mark.parametrize("text", ["-", "--", "-5", "+86 138 0000 0000", "张三", ""])
def test_dashes_and_numbers_are_not_formulas(text: str) -> None:
    assert formula_char(text) is None


def test_a_renamed_optional_column_is_named(tmp_path: Path) -> None:
    row = case_row(1)
    row["办结时间"] = row.pop("办结日期")
    parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", [row]))
    [note] = parsed.rejects
    assert (note.sheet, note.row, note.column) == ("案件", 1, "办结时间") and "办结日期" in note.reason
    assert parsed.cases[0].closed_on is None and parsed.cases[0].extra["办结时间"] == "2025-03-20"


def test_a_renamed_column_names_the_field_it_holds_not_one_sharing_a_generic_word(tmp_path: Path) -> None:
    row = case_row(1, 犯罪嫌疑人="张某")  # a column of suspects' names: no field renamed, no note
    row["受理日期(yyyy-mm-dd)"] = row.pop("受理日期")  # a required field, renamed
    parsed = read_export(write_simple_xlsx(tmp_path / "a.xlsx", [row]))
    notes = {r.column: r.reason for r in parsed.rejects if r.column in row}
    assert set(notes) == {"受理日期(yyyy-mm-dd)"}
    assert "受理日期" in notes["受理日期(yyyy-mm-dd)"].replace("受理日期(yyyy-mm-dd)", "")


def test_sheet_level_rejects_name_their_column(tmp_path: Path) -> None:
    rows = [{k: v for k, v in case_row(n).items() if k != "承办部门"} for n in range(1, 3)]
    [reject] = read_export(write_simple_xlsx(tmp_path / "a.xlsx", rows)).rejects
    assert (reject.sheet, reject.row, reject.column) == ("案件", 1, "承办部门") and reject.reason
