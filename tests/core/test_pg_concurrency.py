"""Many clients on one PostgreSQL server at once, each a separate process as a workstation would be: two first
starts on an empty database, two imports of the same file, overlapping check runs, a notice export meeting a
held serial. Every client ends with its result or a plain message — never the bug apology or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewapp.errors import KnownError
from reviewapp.services.results.notices import NoticeBatchCancelled, issue_notices
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import DatabaseBusy, busy_message, head_revision
from reviewapp.storage.models import CheckResult, Notice, Unit
from tests.core.cli_fixtures import ADMIN, PASSWORD, CliRunner
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import open_workbench, set_issuer
from tests.db_target import Target, database_at

pytestmark = pytest.mark.postgresql_only

ROOT = Path(__file__).resolve().parents[2]
APOLOGY = ("Sorry, an unexpected error", "抱歉", "Traceback")
ISSUED = date(2026, 3, 20)  # after the seeded reviews' determinations (2 – 7 March): a notice follows its determination

OPENER = """
import json, sys, time
from reviewapp.services.workbench import Workbench
url, go = sys.argv[1], float(sys.argv[2])
while time.time() < go:
    pass
wb = Workbench.open(url)
print(json.dumps({"migrated_from": wb.db.migrated_from}))
wb.close()
"""


def _together(commands: list[list[str]], env: dict[str, str] | None = None) -> list[subprocess.CompletedProcess[str]]:
    """Start every command at once and wait for all."""
    children = [
        subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for cmd in commands
    ]
    done = []
    for child in children:
        out, err = child.communicate(timeout=240)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    for result in done:
        assert not any(word in result.stdout + result.stderr for word in APOLOGY), result.stderr
    return done


def _cli(target: Target, *argv: str) -> list[str]:
    return [sys.executable, "main.py", *argv, "--db", str(target), "--user", ADMIN, "--json"]


def _cli_env() -> dict[str, str]:
    return dict(os.environ, REVIEWAPP_PASSWORD=PASSWORD, REVIEWAPP_LANG="en")


@pytest.mark.parametrize("trial", range(3))
def test_two_first_starts_at_once_one_migrates_the_other_waits_and_finds_it_done(tmp_path: Path, trial: int) -> None:
    target = str(database_at(tmp_path, empty=True))
    go = str(time.time() + 1.5)  # both interpreters are up by then and leave at the same instant
    results = _together([[sys.executable, "-c", OPENER, target, go] for _ in range(2)])
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    migrated = sorted(str(json.loads(r.stdout)["migrated_from"]) for r in results)
    assert migrated == ["", "None"]  # one migrated from empty, the other found the schema current
    wb = Workbench.open(target)
    try:
        with wb.db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
    finally:
        wb.close()


def _admin_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Target:
    target = database_at(tmp_path, "clients.sqlite3")
    CliRunner(target, monkeypatch).first_admin()
    return target


def test_two_imports_of_the_same_file_at_once_the_second_reports_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _admin_database(tmp_path, monkeypatch)
    # Every case in a unit and department the database does not know yet: both imports find-or-create them.
    rows = [case_row(n, 承办单位=f"测试区{n % 7}人民检察院", 电子卷宗=None) for n in range(1, 301)]
    export = write_simple_xlsx(tmp_path / "export.xlsx", rows)
    results = _together([_cli(target, "import", str(export), "--no-checks") for _ in range(2)], _cli_env())
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    summaries = sorted((json.loads(r.stdout) for r in results), key=lambda s: -s["imported"])
    assert (summaries[0]["imported"], summaries[0]["unchanged"]) == (300, 0)
    assert (summaries[1]["imported"], summaries[1]["unchanged"]) == (0, 300)
    wb = Workbench.open(target)
    try:
        with wb.db.session() as s:
            names = list(s.scalars(select(Unit.name).where(Unit.name.like("测试区%"))))
        assert sorted(names) == sorted({f"测试区{n % 7}人民检察院" for n in range(1, 301)})
    finally:
        wb.close()


def _result_sets(target: Target) -> tuple[int, int]:
    """(stored results, distinct (case, rule, item) keys): equal when each case holds one result set."""
    wb = Workbench.open(target)
    try:
        with wb.db.session() as s:
            total = s.scalar(select(func.count()).select_from(CheckResult)) or 0
            keys = s.execute(select(CheckResult.case_id, CheckResult.rule_id, CheckResult.item_code)).all()
        return total, len(set(keys))
    finally:
        wb.close()


def test_overlapping_check_runs_leave_one_result_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _admin_database(tmp_path, monkeypatch)
    rows = [case_row(n, 电子卷宗=None, 认罪认罚="是") for n in range(1, 401)]  # every case flags a rule
    export = write_simple_xlsx(tmp_path / "export.xlsx", rows)
    env = _cli_env()
    assert subprocess.run(_cli(target, "import", str(export)), cwd=ROOT, env=env, capture_output=True).returncode == 0
    alone, distinct = _result_sets(target)
    assert alone > 0 and alone == distinct
    results = _together([_cli(target, "check", "--today", "2026-03-01") for _ in range(3)], env)
    assert all(r.returncode in (0, 1) for r in results), [r.stderr for r in results]
    assert _result_sets(target) == (alone, alone)


def _foreign_serial_lock(target: Target):  # type: ignore[no-untyped-def]
    """Another program's transaction holding the notice serial row (SELECT … FOR UPDATE), without the app's
    write lock."""
    import psycopg
    from sqlalchemy.engine import make_url

    libpq = make_url(str(target)).set(drivername="postgresql").render_as_string(hide_password=False)
    con = psycopg.connect(libpq)
    locked = con.execute(b"SELECT last_serial FROM document_serials FOR UPDATE").fetchall()
    assert locked, "the serial row exists"
    return con


def test_a_notice_export_against_a_held_serial_gets_the_busy_message_and_honours_cancel(tmp_path: Path) -> None:
    wb = open_workbench(tmp_path)
    try:
        set_issuer(wb)
        ids = seed_reviewed_cases(wb, 3)
        issue_notices(wb, ids[:1], out_dir=tmp_path / "first", issued_on=ISSUED)  # the serial row exists now
        holder = _foreign_serial_lock(wb.db.url)
        try:
            wb.db.lock_wait = 0.6
            waits: list[float] = []
            wb.busy_listener = waits.append
            started = time.monotonic()
            with pytest.raises(DatabaseBusy) as busy:
                issue_notices(wb, ids[1:], out_dir=tmp_path / "o", issued_on=ISSUED)
            assert isinstance(busy.value, KnownError) and str(busy.value) == busy_message()
            assert 0.6 <= time.monotonic() - started < 5 and waits, "it waited, reporting, then gave up"
            wb.db.lock_wait = 60
            asked = {"n": 0}

            def cancel() -> bool:
                asked["n"] += 1
                return bool(waits) and asked["n"] > 3  # the user gives up while it waits

            waits.clear()
            started = time.monotonic()
            with pytest.raises(NoticeBatchCancelled):
                issue_notices(wb, ids[1:], out_dir=tmp_path / "o", issued_on=ISSUED, cancel=cancel)
            assert time.monotonic() - started < 10, "cancel ends the wait, not the 60 s limit"
        finally:
            holder.rollback()
            holder.close()
        assert not (tmp_path / "o").exists() or list((tmp_path / "o").iterdir()) == []
        with wb.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Notice)) == 1
        issued = issue_notices(wb, ids[1:], out_dir=tmp_path / "o", issued_on=ISSUED)
        assert [n.number.split("〕")[1] for n in issued] == ["2号", "3号"]  # no number was lost
    finally:
        wb.close()
