"""Headless commands: import (text and --json), cases, exit codes, attribution via --user."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.cli.main import main
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, ChangeLog
from tests.core.intake_fixtures import write_broken_files, write_messy_xlsx


def test_import_json_reports_counts_and_rejected_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_messy_xlsx(tmp_path)
    db = str(tmp_path / "cli.sqlite3")
    assert main(["import", str(export.path), "--db", db, "--user", "张管理", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["imported"] == len(export.good_case_nos)
    assert {(r["sheet"], r["row"], r["column"]) for r in first["rejects"] if r["row"] is not None} == export.rejects
    assert main(["import", str(export.path), "--db", db, "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["imported"], second["updated"], second["unchanged"]) == (0, 0, len(export.good_case_nos))
    wb = Workbench.open(db)
    try:
        with wb.db.session() as s:
            assert set(s.scalars(select(Case.created_by))) == {"张管理"}
            assert s.scalars(select(ChangeLog.actor).order_by(ChangeLog.id)).first() == "张管理"
    finally:
        wb.close()


def test_unreadable_file_exits_non_zero_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write_broken_files(tmp_path)
    db = tmp_path / "cli.sqlite3"
    for path in broken.values():
        code = main(["import", str(path), "--db", str(db)])
        out = capsys.readouterr()
        assert code != 0
        assert path.name in out.err
        assert "Traceback" not in out.err + out.out


def test_cases_lists_and_searches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_messy_xlsx(tmp_path)
    db = str(tmp_path / "cli.sqlite3")
    main(["import", str(export.path), "--db", db])
    capsys.readouterr()
    assert main(["cases", "--db", db, "--json", "--search", "盗窃"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["张三盗窃案"]
    assert main(["cases", "--db", db]) == 0
    assert "共 4 件" in capsys.readouterr().out


def test_every_command_module_is_listed_for_main() -> None:
    from reviewapp.cli.main import BASE_COMMANDS, COMMANDS, _command_modules

    listed = set(BASE_COMMANDS) | {c for m in _command_modules() for c in m.COMMANDS}
    assert listed == set(COMMANDS)


def test_import_runs_the_pre_screening_on_imported_cases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_messy_xlsx(tmp_path)
    db = str(tmp_path / "cli.sqlite3")
    assert main(["import", str(export.path), "--db", db, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["checks"]["cases_checked"] == len(export.good_case_nos)
    assert main(["import", str(export.path), "--db", db, "--json", "--no-checks"]) == 0
    assert "checks" not in json.loads(capsys.readouterr().out)
