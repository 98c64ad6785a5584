"""Hostile and ambiguous exports: dossier paths that leave their folder, damaged archives, duplicate headers,
impossible date-times and negative amounts are rejects with sheet/row/column/reason, never imported silently."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from reviewapp.intake.dossier import DOSSIER_ROOT_ENV, PathGuard
from reviewapp.intake.errors import FileProblem, IntakeFileError
from reviewapp.intake.headers import column_letter
from reviewapp.intake.parse import read_export
from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.models import Case, DossierDocument, ImportReject
from tests.core.intake_fixtures import case_row, english_ui, write_simple_xlsx
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture
def wb(tmp_path: Path):  # type: ignore[no-untyped-def]
    bench = open_workbench(tmp_path / "db")
    yield bench
    bench.close()


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    (folder / "卷宗" / "1").mkdir(parents=True)
    (folder / "卷宗" / "1" / "起诉意见书.pdf").write_bytes(b"%PDF-1.4 inside")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of any dossier")
    (folder / "卷宗" / "escape").symlink_to(outside, target_is_directory=True)
    (folder / "卷宗" / "escape.txt").symlink_to(outside / "secret.txt")
    (folder / "卷宗" / "mixed").mkdir()
    (folder / "卷宗" / "mixed" / "ok.pdf").write_bytes(b"%PDF-1.4 fine")
    (folder / "卷宗" / "mixed" / "link.txt").symlink_to(outside / "secret.txt")
    return folder


ESCAPING = {
    "absolute": "/etc/passwd",
    "absolute_windows": "C:\\Windows\\win.ini",
    "unc": "\\\\server\\share\\a.pdf",
    "dotdot": "../../../../etc/hostname",
    "dotdot_windows": "卷宗\\..\\..\\..\\etc\\hostname",
    "symlinked_file": "卷宗/escape.txt",
    "symlinked_folder": "卷宗/escape",
    "folder_holding_a_link": "卷宗/mixed",
    "device": "卷宗/null",
}


@pytest.mark.parametrize("written", ESCAPING.values(), ids=ESCAPING.keys())
def test_escaping_dossier_paths_are_rejected_with_row_and_column_and_never_copied(
    wb, export_dir: Path, written: str
) -> None:  # type: ignore[no-untyped-def]
    if written == "卷宗/null":
        (export_dir / "卷宗" / "null").symlink_to("/dev/null")
        # Even under a root that admits the link's target, a device file is refused as such.
        reason = PathGuard(export_dir, Path("/")).problem(written)
        assert reason is not None and "not a regular file" in reason
    path = write_simple_xlsx(export_dir / "export.xlsx", [case_row(1), case_row(2, 电子卷宗=written)])
    summary = import_cases(wb, path)
    assert summary.imported == 2  # the case itself is good; only the path is refused
    rejects = [r for r in summary.rejects if r.value == written]
    assert len(rejects) == 1
    reject = rejects[0]
    assert (reject.sheet, reject.row, reject.column) == ("案件", 3, "电子卷宗") and reject.reason
    with wb.db.session() as s:
        docs = list(s.scalars(select(DossierDocument)))
        assert [d.original_name for d in docs] == ["起诉意见书.pdf"]  # only case 1's file, inside the folder
        stored = s.scalars(select(ImportReject).where(ImportReject.value == written)).one()
        assert (stored.sheet, stored.row, stored.column) == ("案件", 3, "电子卷宗")
    copied = [p.read_bytes() for p in wb.dossiers.root.rglob("*") if p.is_file()]
    assert b"not part of any dossier" not in copied


def test_escaping_paths_on_the_documents_sheet_are_rejected(wb, export_dir: Path) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    cases = book.active
    assert cases is not None
    cases.title = "案件"
    row = case_row(1, 电子卷宗=None)
    cases.append(list(row))
    cases.append(list(row.values()))
    docs = book.create_sheet("文书")
    docs.append(["部门受案号", "文书名称", "文件路径"])
    docs.append([row["部门受案号"], "起诉意见书", "卷宗/1/起诉意见书.pdf"])
    docs.append([row["部门受案号"], "口令", "/etc/passwd"])
    path = export_dir / "with_documents.xlsx"
    book.save(path)
    summary = import_cases(wb, path)
    bad = [r for r in summary.rejects if r.value == "/etc/passwd"]
    assert [(r.sheet, r.row, r.column) for r in bad] == [("文书", 3, "文件路径")]
    with wb.db.session() as s:
        assert [d.title for d in s.scalars(select(DossierDocument))] == ["起诉意见书"]


def test_a_configured_dossier_root_admits_paths_inside_it_only(
    export_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DOSSIER_ROOT_ENV, str(tmp_path))
    guard = PathGuard(export_dir)
    assert guard.problem("卷宗/escape.txt") is None  # the link leads to elsewhere/, inside the root
    assert guard.problem("/etc/passwd") is not None  # still absolute
    assert guard.problem("../elsewhere/secret.txt") is not None  # still climbing


def _flip_a_bit_in_a_sheet(path: Path) -> None:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    # The member's data starts after its local header (30 bytes + name + extra field).
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_workbook_failing_its_checksums_is_refused_as_damaged(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_simple_xlsx(tmp_path / "flipped.xlsx", [case_row(n) for n in range(1, 40)])
    _flip_a_bit_in_a_sheet(path)
    with pytest.raises(IntakeFileError) as err:
        import_cases(wb, path)
    assert err.value.problem is FileProblem.DAMAGED
    assert "flipped.xlsx" in str(err.value)
    with wb.db.session() as s:
        assert s.scalars(select(Case)).all() == []


def _with_columns(tmp_path: Path, first: str, second: str, drop: str = "") -> tuple[Path, list[str]]:
    """Case 1's row with the columns ``first`` and ``second`` (the first may be one the row has already);
    ``drop``: a column of the row left out."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "案件"
    row = {k: v for k, v in case_row(1).items() if k != drop}
    extra = [second] if first in row else [first, second]
    header = [*row, *extra]
    ws.append(header)
    ws.append([*row.values(), *["2025-03-01"] * len(extra)])
    path = tmp_path / "dup.xlsx"
    book.save(path)
    return path, header


@pytest.mark.parametrize(
    ("first", "second", "drop"),
    [("涉案金额", "涉案金额", ""), ("备注", "备注", ""), ("受理时间", "收案日期", "受理日期")],
)
def test_duplicate_headers_reject_the_sheet_naming_both_columns(
    tmp_path: Path, first: str, second: str, drop: str
) -> None:
    # One header twice, or two aliases without the field's own name: which holds the truth cannot be told.
    path, header = _with_columns(tmp_path, first, second, drop)
    parsed = read_export(path)
    assert parsed.cases == []
    assert parsed.counts.rejected_rows == 1  # the sheet's one row, not imported
    [reject] = parsed.rejects
    assert reject.sheet == "案件" and reject.row == 1 and reject.column == second
    first_letter, second_letter = (column_letter(header.index(first)), column_letter(len(header) - 1))
    assert f"{first} ({first_letter})" in reject.reason and f"{second} ({second_letter})" in reject.reason


@pytest.mark.parametrize(("first", "second"), [("涉案金额", "涉案金额（元）"), ("案件名称", "案名")])
def test_an_alias_beside_the_fields_own_column_is_kept_as_extra(tmp_path: Path, first: str, second: str) -> None:
    # 移送案由 beside 移送罪名: the field's own name is the field; the other column's text is kept, not lost.
    path, _ = _with_columns(tmp_path, first, second)
    parsed = read_export(path)
    assert [c.extra for c in parsed.cases] == [{second: "2025-03-01"}]
    assert parsed.rejects == []


@pytest.mark.parametrize("written", ["2025-02-28T25:00", "2025-02-28 10:61", "2025年2月28日 24时", "20250228T23:59:60"])
def test_impossible_date_times_are_rejects(tmp_path: Path, written: str) -> None:
    path = write_simple_xlsx(tmp_path / "dates.xlsx", [case_row(1), case_row(2, 受理日期=written)])
    parsed = read_export(path)
    assert [c.dept_case_no for c in parsed.cases] == ["朝检刑诉受[2025]1号"]
    assert [(r.sheet, r.row, r.column, r.value) for r in parsed.rejects] == [("案件", 3, "受理日期", written)]


@pytest.mark.parametrize("written", ["-5000", "-1.5万", -12.5, "¥-3"])
def test_negative_amounts_are_rejects(tmp_path: Path, written: object) -> None:
    path = write_simple_xlsx(tmp_path / "amounts.xlsx", [case_row(1), case_row(2, 涉案金额=written)])
    parsed = read_export(path)
    assert [c.dept_case_no for c in parsed.cases] == ["朝检刑诉受[2025]1号"]
    [reject] = parsed.rejects
    assert (reject.sheet, reject.row, reject.column) == ("案件", 3, "涉案金额") and "negative" in reject.reason


def test_a_valid_time_of_day_still_reads_as_its_date(tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "ok.xlsx", [case_row(1, 受理日期="2025-02-28T23:59")])
    parsed = read_export(path)
    assert parsed.rejects == [] and str(parsed.cases[0].accepted_on) == "2025-02-28"
    assert os.path.exists(path)


def test_a_dossier_folder_never_follows_links_out_of_it(wb, tmp_path: Path, export_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reviewapp.intake.dossier import folder_name
    from reviewapp.services.cases.dossiers import import_dossier_folder

    import_cases(wb, write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(n, 电子卷宗=None) for n in (1, 2)]))
    folder = tmp_path / "卷宗夹"
    own = folder / folder_name(case_row(1)["部门受案号"])
    own.mkdir(parents=True)
    (own / "起诉书.pdf").write_bytes(b"%PDF-1.4 own")
    (own / "secret.txt").symlink_to(tmp_path / "elsewhere" / "secret.txt")
    (folder / folder_name(case_row(2)["部门受案号"])).symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    summary = import_dossier_folder(wb, folder)
    assert summary.documents_added == 1 and summary.cases_matched == 1
    with wb.db.session() as s:
        assert [d.original_name for d in s.scalars(select(DossierDocument))] == ["起诉书.pdf"]
