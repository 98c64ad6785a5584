"""Stored standard versions: shipped standards stored once, export → import through the headless commands
gives identical content under a new version number, a broken workbook stores nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from reviewapp.services.reviews.commands import ensure_standards
from reviewapp.services.reviews.standards_store import latest_standard, list_standard_versions
from reviewapp.standards import load_shipped_standards
from reviewapp.standards.excel_layout import ITEMS_SHEET
from reviewapp.storage.models import Account, StandardVersion
from tests.accounts_fixtures import login_for
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import ADMIN, make_review_db, run_cli
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


def test_shipped_standards_are_stored_once(tmp_path: Path) -> None:
    wb = open_workbench(tmp_path)
    try:
        ensure_standards(wb)
        ensure_standards(wb)
        rows = list_standard_versions(wb)
        shipped = load_shipped_standards()
        assert sorted((r.code, r.version) for r in rows) == sorted((s.code, s.version) for s in shipped)
        for s in shipped:
            stored = latest_standard(wb, s.code)
            assert stored == s
            assert next(r for r in rows if r.code == s.code).fingerprint == s.content_fingerprint()
    finally:
        wb.close()


def test_standard_round_trip_gives_identical_content_and_a_new_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = make_review_db(tmp_path)
    made.close()
    db = str(made.path)
    out = tmp_path / "标准.xlsx"
    assert run_cli(["standard", "export", "XS-PCZ", "--out", str(out), "--db", db, "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert run_cli(["standard", "import", str(out), "--db", db, "--json"], user=ADMIN) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported["code"] == "XS-PCZ" and imported["version"] == exported["version"] + 1
    wb = open_workbench(tmp_path)
    try:
        with wb.db.session() as s:
            rows = list(s.scalars(select(StandardVersion).where(StandardVersion.code == "XS-PCZ")))
            admin = s.scalars(select(Account.id).where(Account.login == login_for(ADMIN))).one()
        old, new = sorted(rows, key=lambda r: r.version)
        assert old.fingerprint == new.fingerprint
        old_content, new_content = dict(old.content), dict(new.content)
        assert (old_content.pop("version"), new_content.pop("version")) == (old.version, new.version)
        assert old_content == new_content
        assert new.created_by_id == admin
    finally:
        wb.close()
    assert run_cli(["standard", "list", "--db", db]) == 0
    assert "XS-PCZ\tv2" in capsys.readouterr().out


def test_a_broken_standard_workbook_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = make_review_db(tmp_path)
    made.close()
    db = str(made.path)
    out = tmp_path / "标准.xlsx"
    run_cli(["standard", "export", "XS-PCZ", "--out", str(out), "--db", db])
    book = load_workbook(out)
    ws = book[ITEMS_SHEET]
    ws.cell(row=3, column=5, value="很严重")  # 问题等级 of the second item: no such severity
    book.save(out)
    capsys.readouterr()
    assert run_cli(["standard", "import", str(out), "--db", db], user=ADMIN) == 1
    err = capsys.readouterr().err
    assert ITEMS_SHEET in err and "row 3" in err
    wb = open_workbench(tmp_path)
    try:
        with wb.db.session() as s:
            count = s.scalar(select(func.count(StandardVersion.id)).where(StandardVersion.code == "XS-PCZ"))
        assert count == 1
    finally:
        wb.close()
    assert run_cli(["standard", "export", "NOPE", "--out", str(out), "--db", db]) == 1
    assert "NOPE" in capsys.readouterr().err
