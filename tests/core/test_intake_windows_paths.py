"""Dossier paths written on Windows (卷宗\\1\\起诉意见书.pdf) are found on every system: an export made on a
Windows PC is read on a Linux workstation too."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from reviewapp.intake.dossier import local_path
from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.models import DossierDocument
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench


def test_local_path_turns_backslashes_into_separators() -> None:
    assert local_path("卷宗\\1\\起诉意见书.pdf") == "卷宗/1/起诉意见书.pdf"
    assert local_path("卷宗/1/起诉意见书.pdf") == "卷宗/1/起诉意见书.pdf"


def test_a_backslash_dossier_path_is_attached(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "卷宗" / "1").mkdir(parents=True)
    (folder / "卷宗" / "1" / "起诉意见书.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    path = write_simple_xlsx(folder / "案卡.xlsx", [case_row(1, 电子卷宗="卷宗\\1\\起诉意见书.pdf")])
    wb = open_workbench(tmp_path / "db")
    try:
        summary = import_cases(wb, path)
        with wb.db.session() as s:
            titles = list(s.scalars(select(DossierDocument.title)))
            assert s.scalar(select(func.count()).select_from(DossierDocument)) == 1
    finally:
        wb.close()
    assert (summary.imported, summary.rejects, summary.documents_added) == (1, [], 1)
    assert titles == ["起诉意见书"]
