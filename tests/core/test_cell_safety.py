"""Formula injection (OWASP's CSV-injection rule) in every workbook the app writes, and exported files'
permissions."""

from __future__ import annotations

import csv
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import update

from reviewapp.exports.cell_safety import is_risky, safe_row, save_workbook, temp_beside
from reviewapp.exports.reject_report import write_reject_report
from reviewapp.services.cases.intake import RejectRow
from reviewapp.services.results.ledger_export import export_ledger
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import open_workbench, set_issuer

HOSTILE = ["=1+1", "+2+3", "-4+5", "@SUM(6,7)", "\t=8+9", "\r=10+11", '=HYPERLINK("http://x.invalid","点")']


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    set_issuer(bench)
    yield bench
    bench.close()


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_are_risky(text: str) -> None:
    assert is_risky(text)


@pytest.mark.parametrize("text", ["张三盗窃案", "1+1", " a=b", "", "案=1"])
def test_plain_text_is_not_risky(text: str) -> None:
    assert not is_risky(text)


def test_saved_cells_are_quote_prefixed_strings_with_their_text_unchanged(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([*HOSTILE, "普通", 3])
    path = save_workbook(book, tmp_path / "a.xlsx")
    cells = list(load_workbook(path).active[1])  # type: ignore[index]
    assert [c.value for c in cells[: len(HOSTILE)]] == HOSTILE
    assert all(c.data_type == "s" and c.quotePrefix for c in cells[: len(HOSTILE)])
    assert not cells[len(HOSTILE)].quotePrefix and cells[-1].value == 3


def test_write_only_rows_are_neutralised(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    sheet.append(safe_row(sheet, ["=1+1", "ok"]))
    cells = list(load_workbook(save_workbook(book, tmp_path / "w.xlsx")).active[1])  # type: ignore[index]
    assert (cells[0].value, cells[0].data_type, cells[0].quotePrefix) == ("=1+1", "s", True)


def test_exported_files_get_normal_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        book = Workbook()
        path = save_workbook(book, tmp_path / "perm.xlsx")
        tmp = temp_beside(tmp_path / "other.xlsx")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert stat.S_IMODE(tmp.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".xlsx.tmp")] == []


def test_reject_report_neutralises_the_hostile_values(tmp_path: Path) -> None:
    rejects = [RejectRow("a.xlsx", "案件", 3, "案件名称", "=cmd|' /C calc'!A0", "=原因")]
    write_reject_report(tmp_path / "r.xlsx", rejects)
    cells = list(load_workbook(tmp_path / "r.xlsx").active[2])  # type: ignore[index]
    assert [c.value for c in cells[4:]] == ["=cmd|' /C calc'!A0", "=原因"]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells[4:])


def _name_cases(wb: Workbench, ids: list[int]) -> dict[int, str]:
    names = {case_id: HOSTILE[i % len(HOSTILE)] + f"案{i}" for i, case_id in enumerate(ids)}
    with wb.db.unchecked_session() as s:
        for case_id, name in names.items():
            s.execute(update(Case).where(Case.id == case_id).values(name=name))
        s.commit()
    return names


def test_ledger_cells_keep_the_text(wb: Workbench, tmp_path: Path) -> None:
    names = _name_cases(wb, seed_reviewed_cases(wb, 4))
    path = tmp_path / "台账.xlsx"
    export_ledger(wb, path)
    assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044  # readable like any saved file, not 0600
    sheet = load_workbook(path).worksheets[0]
    texts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value in names.values()]
    assert sorted(c.value for c in texts) == sorted(names.values())
    assert all(c.data_type == "s" and c.quotePrefix for c in texts)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_ledger_opens_in_libreoffice_with_the_text_shown_not_computed(wb: Workbench, tmp_path: Path) -> None:
    names = _name_cases(wb, seed_reviewed_cases(wb, 4))
    path = tmp_path / "ledger.xlsx"
    export_ledger(wb, path)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "csv"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (tmp_path / "csv" / "ledger.csv").open(encoding="utf-8") as fh:
        cells = {cell for row in csv.reader(fh) for cell in row}
    shown = {name.strip() for name in names.values()}
    assert shown <= {cell.strip() for cell in cells}  # the names as written, "=1+1案0" and all
    assert not {"2案0", "5案1", "1案2", "13案3"} & cells  # never computed
