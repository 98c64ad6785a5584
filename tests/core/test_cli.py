"""Headless commands: import (text and --json, with its change record), cases, exit codes, attribution to the
logged-in account."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, AuditEntry, Case
from tests.core.cli_fixtures import ADMIN, CliRunner, with_admin
from tests.core.intake_fixtures import write_broken_files, write_messy_xlsx


@pytest.fixture
def cli(
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> CliRunner:
    return with_admin(tmp_path_factory, tmp_path / "cli.sqlite3", monkeypatch, capsys)


def test_import_json_reports_counts_rejects_and_changes(tmp_path: Path, cli: CliRunner) -> None:
    export = write_messy_xlsx(tmp_path)
    r = cli("import", str(export.path), "--json", user=ADMIN)
    assert r.code == 0, r.err
    first = r.json()
    assert first["imported"] == len(export.good_case_nos)
    located = {(x["sheet"], x["row"], x["column"]) for x in first["rejects"] if "找不到" not in x["reason"]}
    assert located == export.rejects  # (missing dossier files are rejects at their cells too)
    assert "case" in first["changes"]["changed"] and len(first["changes"]["changed"]["case"]) == first["imported"]
    r = cli("import", str(export.path), "--json", user=ADMIN)
    second = r.json()
    assert (second["imported"], second["updated"], second["unchanged"]) == (0, 0, len(export.good_case_nos))
    wb = Workbench.open(cli.db)
    try:
        with wb.db.session() as s:
            admin_id = s.scalar(select(Account.id).where(Account.login == ADMIN))
            assert set(s.scalars(select(Case.created_by_id))) == {admin_id}
            assert admin_id in set(s.scalars(select(AuditEntry.user_id).where(AuditEntry.action == "cases.import")))
    finally:
        wb.close()


def test_unreadable_file_exits_non_zero_without_traceback(tmp_path: Path, cli: CliRunner) -> None:
    broken = write_broken_files(tmp_path)
    for path in broken.values():
        r = cli("import", str(path), user=ADMIN)
        assert r.code == 1
        assert path.name in r.err
        assert "Traceback" not in r.err + r.out


def test_cases_lists_and_searches(tmp_path: Path, cli: CliRunner) -> None:
    export = write_messy_xlsx(tmp_path)
    cli("import", str(export.path), user=ADMIN)
    r = cli("cases", "--json", "--search", "盗窃", user=ADMIN)
    assert r.code == 0 and [x["name"] for x in r.json()] == ["张三盗窃案"]
    r = cli("cases", user=ADMIN, password="wrong-password")
    assert r.code == 2
    r = cli("cases", user=ADMIN)
    assert "共 4 件" in r.out


def test_every_command_module_is_listed_for_main() -> None:
    from reviewapp.cli import cases
    from reviewapp.cli.main import COMMANDS, _command_modules

    listed = set(cases.COMMANDS) | {c for m in _command_modules() for c in m.COMMANDS}
    assert listed == set(COMMANDS)


def test_import_runs_the_pre_screening_on_imported_cases(tmp_path: Path, cli: CliRunner) -> None:
    export = write_messy_xlsx(tmp_path)
    result = cli("import", str(export.path), "--json", user=ADMIN).json()
    assert result["checks"]["cases_checked"] == len(export.good_case_nos)
    assert result["checks"]["changes"]["action"] == "checks.run"
    assert len(result["checks"]["changes"]["changed"]["check_result"]) == len(export.good_case_nos)
    assert "checks" not in cli("import", str(export.path), "--json", "--no-checks", user=ADMIN).json()


def test_demo_needs_no_database_and_no_login(tmp_path: Path, cli: CliRunner) -> None:
    r = cli("demo", "--cases", "3", "--out", str(tmp_path / "demo"), "--no-dossiers", password=None)
    assert r.code == 0, r.err
    assert (tmp_path / "demo").is_dir()
