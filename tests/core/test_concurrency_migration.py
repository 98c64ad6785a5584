"""Opening one database from several processes at once: both start, exactly one of them migrates.

Each trial starts two real Python processes that wait for the same start instant and then open the same file
with ``Workbench.open``; each prints whether it ran the upgrade (``Database.migrated_from``). An upgrade that
fails part-way leaves the file as it was (SQLite DDL inside the one migration transaction).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reviewapp.storage import database
from reviewapp.storage.database import _sqlite_pragmas, current_revision, head_revision, open_database
from tests.db_target import sqlite_dump

pytestmark = pytest.mark.sqlite_only("SQLite files and WAL; PostgreSQL: test_pg_concurrency.py")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "db"
TRIALS = 10

OPENER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from reviewapp.services.workbench import Workbench

    folder, trials, me = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    for trial in range(trials):
        (folder / f"ready-{trial}-{me}").touch()
        while not (folder / f"go-{trial}").exists():
            time.sleep(0.001)
        start = float((folder / f"go-{trial}").read_text())
        while time.time() < start:  # both processes leave at the same instant
            pass
        wb = Workbench.open(folder / f"trial{trial}" / "review.sqlite3")
        print(json.dumps({"migrated_from": wb.db.migrated_from, "backup": str(wb.db.backup_path or "")}), flush=True)
        wb.close()
    """
)


def run_in_step(folder: Path, script: str, trials: int, processes: int) -> list[list[str]]:
    """Start ``processes`` Python processes running ``script`` and release them together into each trial
    (barrier files: each says it is ready, then waits for go, which names the instant to start at);
    return each trial's output lines."""
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(folder), str(trials), str(n)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    try:
        for trial in range(trials):
            deadline = time.monotonic() + 120
            while len(list(folder.glob(f"ready-{trial}-*"))) < processes:
                if time.monotonic() > deadline or any(c.poll() is not None for c in children):
                    break  # the failure shows in the output below
                time.sleep(0.002)
            (folder / "go").write_text(repr(time.time() + 0.05))
            (folder / "go").rename(folder / f"go-{trial}")  # appears whole
        outputs = []
        for child in children:
            out, err = child.communicate(timeout=120)
            assert child.returncode == 0, err
            assert err.strip() == "", err
            outputs.append(out.splitlines())
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    assert all(len(lines) == trials for lines in outputs), outputs
    return [list(lines) for lines in zip(*outputs, strict=True)]


def _open_at_once(folder: Path, trials: int) -> list[list[dict[str, str | None]]]:
    return [[json.loads(line) for line in trial] for trial in run_in_step(folder, OPENER, trials, 2)]


def _versions(path: Path) -> list[tuple[str]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_two_processes_opening_an_empty_database_at_once_both_start_one_migrates(tmp_path: Path) -> None:
    for trial in range(TRIALS):
        (tmp_path / f"trial{trial}").mkdir()
    for trial, results in enumerate(_open_at_once(tmp_path, TRIALS)):
        path = tmp_path / f"trial{trial}" / "review.sqlite3"
        assert [r["migrated_from"] for r in results].count("") == 1, results
        assert [r["migrated_from"] for r in results].count(None) == 1, results
        assert _versions(path) == [(head_revision(),)]
        assert not list(path.parent.glob("*.backup-*"))  # nothing to back up in an empty database


@pytest.mark.slow
def test_two_processes_opening_an_older_database_at_once_one_upgrade_one_backup(tmp_path: Path) -> None:
    for trial in range(TRIALS):
        (tmp_path / f"trial{trial}").mkdir()
        shutil.copy(FIXTURES / "schema_0003.sqlite3", tmp_path / f"trial{trial}" / "review.sqlite3")
    for trial, results in enumerate(_open_at_once(tmp_path, TRIALS)):
        path = tmp_path / f"trial{trial}" / "review.sqlite3"
        assert sorted(str(r["migrated_from"]) for r in results) == ["0003", "None"], results
        backups = list(path.parent.glob("*.backup-*"))
        assert len(backups) == 1
        assert [r["backup"] for r in results if r["backup"]] == [str(backups[0])]
        assert _versions(path) == [(head_revision(),)]
        assert _versions(backups[0]) == [("0003",)]


SWITCHER = textwrap.dedent(
    """
    import sqlite3, sys, time
    from pathlib import Path
    from reviewapp.storage.database import _sqlite_pragmas

    folder, trials, me = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    for trial in range(trials):
        (folder / f"ready-{trial}-{me}").touch()
        while not (folder / f"go-{trial}").exists():
            time.sleep(0.001)
        start = float((folder / f"go-{trial}").read_text())
        while time.time() < start:  # the switch takes microseconds: leave at the same instant
            pass
        con = sqlite3.connect(folder / f"wal{trial}.sqlite3")
        _sqlite_pragmas(con, None)
        print(con.execute("PRAGMA journal_mode").fetchone()[0], flush=True)
        con.close()
    """
)


@pytest.mark.slow
def test_switching_a_new_file_to_wal_from_several_processes_at_once_never_fails(tmp_path: Path) -> None:
    # Without the retry about one two-process start in five failed with "database is locked" at once.
    for trial in run_in_step(tmp_path, SWITCHER, 40, 3):
        assert trial == ["wal", "wal", "wal"]


def test_wal_switch_retries_while_another_connection_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "READ_BUSY_MS", 400)
    path = tmp_path / "held.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    con = sqlite3.connect(path)
    try:
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            _sqlite_pragmas(con, None)  # gives up only after its whole wait
        assert time.monotonic() - started >= database.READ_BUSY_MS / 1000 * 0.9
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        con.close()


FAILING_STEP = '''
"""a deliberately failing step after head (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("cases") as batch_op:  # a table rebuild: copy, drop, rename
        batch_op.add_column(sa.Column("half_done", sa.Integer(), nullable=True))
    op.execute("UPDATE cases SET half_done = 1")
    raise RuntimeError("the upgrade broke half-way")


def downgrade() -> None:
    pass
'''


def _dump(path: Path) -> list[str]:
    return sqlite_dump(path)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite3")), ids=lambda p: p.stem)
def test_an_upgrade_failing_half_way_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture: Path
) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9999_failing.py").write_text(FAILING_STEP.format(head=head_revision()))
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    old = _versions(path)
    before = _dump(path)

    monkeypatch.setattr(database, "MIGRATIONS_DIR", migrations)
    with pytest.raises(RuntimeError, match="half-way"):
        open_database(path)
    # Every step before the failing one (0004, 0005 with its table rebuilds) and the failing one's own
    # CREATE TABLE, batch rebuild and UPDATE were rolled back with it.
    assert _dump(path) == before
    assert _versions(path) == old

    monkeypatch.undo()
    db = open_database(path)  # the real migrations still upgrade the untouched file
    try:
        assert current_revision(db) == head_revision()
        assert db.migrated_from == old[0][0]
    finally:
        db.close()
