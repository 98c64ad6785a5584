"""Upgrading a PostgreSQL database from every earlier schema: the database is migrated to that revision, filled
with the rows of the SQLite fixture of the same revision, then opened by this version — it upgrades under the
write lock, takes a verified pg_dump first, and keeps every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy.engine import make_url

from reviewapp.storage import db_files
from reviewapp.storage.database import (
    BackupFailed,
    _alembic_config,
    current_revision,
    head_revision,
    open_database,
)
from reviewapp.storage.models import Case
from tests.db_target import database_at

pytestmark = pytest.mark.postgresql_only

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _migrate_to(url: str, revision: str) -> None:
    """An empty server database brought to ``revision`` exactly as that version of the app would have."""
    db = open_database(url, migrate=False)
    try:
        with db.engine.connect().execution_options(write_path=True) as conn, conn.begin():
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        db.close()


def _column_kinds(con: psycopg.Connection[Any], table: str) -> dict[str, str]:
    rows = con.execute(
        b"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", (table,)
    ).fetchall()
    return {name: kind for name, kind in rows}


def _copy_rows(fixture: Path, url: str) -> dict[str, int]:
    """Every row of the SQLite fixture into the server database of the same revision; the counts per table."""
    src = sqlite3.connect(fixture)
    tables = [
        n
        # SQLite's own search indexes (FTS5 virtual tables and their shadow tables) have no PostgreSQL table:
        # the server's search is pg_trgm over the rows themselves.
        for (n,) in src.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")
        if n != "alembic_version" and not n.startswith("sqlite_")
    ]
    counts: dict[str, int] = {}
    with psycopg.connect(_libpq(url)) as con:
        con.execute(b"SET session_replication_role = replica")  # rows go in table by table: no FK order needed
        for table in tables:
            cur = src.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cur.description]
            kinds = _column_kinds(con, table)
            rows = [
                tuple(
                    bool(v) if kinds.get(n) == "boolean" and v is not None else v
                    for n, v in zip(names, row, strict=True)
                )
                for row in cur.fetchall()
            ]
            counts[table] = len(rows)
            if rows:
                con.execute(f'DELETE FROM "{table}"'.encode())  # rows a migration seeded (the audit head)
                cols = ", ".join(f'"{n}"' for n in names)
                marks = ", ".join("%s" for _ in names)
                con.cursor().executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})'.encode(), rows)
            if "id" in names and kinds.get("id") in ("integer", "bigint"):  # sequences past the copied ids
                con.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'GREATEST((SELECT max(id) FROM "{table}"), 1))'.encode()
                )
    src.close()
    return counts


def _counts(url: str, tables: list[str]) -> dict[str, int]:
    with psycopg.connect(_libpq(url)) as con:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"'.encode()).fetchone()[0] for t in tables}  # type: ignore[index]


def _fixture_revision(fixture: Path) -> str:
    con = sqlite3.connect(fixture)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite3")), ids=lambda p: p.stem)
def test_every_earlier_schema_upgrades_on_postgresql_with_a_dump_and_keeps_data(
    tmp_path: Path, fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWAPP_BACKUP_DIR", str(tmp_path / "backups"))
    url = str(database_at(tmp_path, empty=True))
    revision = _fixture_revision(fixture)
    _migrate_to(url, revision)
    before = _copy_rows(fixture, url)
    kept = [t for t, n in before.items() if n and t not in ("alembic_version",)]
    db = open_database(url)
    try:
        assert db.migrated_from == revision
        assert current_revision(db) == head_revision()
        assert db.backup_path is not None and db.backup_path.stat().st_size > 0
        assert db.backup_path.name.startswith(f"{make_url(url).database}.backup-{revision}-")
        with db.session() as s:
            assert s.scalars(select(Case.dept_case_no)).all() == ["朝检刑诉受[2025]1号"]
    finally:
        db.close()
    after = _counts(url, [t for t in kept if t not in _DROPPED_OR_REBUILT])
    assert after == {t: before[t] for t in after}


# Tables a later revision drops or rebuilds with other rows (the old change log became the audit chain).
_DROPPED_OR_REBUILT = ("change_log",)


def test_an_upgrade_without_pg_dump_is_refused_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(database_at(tmp_path, empty=True))
    _migrate_to(url, "0007")
    monkeypatch.setattr(db_files.shutil, "which", lambda _name: None)
    monkeypatch.delenv(db_files.PG_BACKUP_DONE_ENV, raising=False)
    with pytest.raises(BackupFailed, match="pg_dump") as refused:
        open_database(url)
    assert str(make_url(url).password) not in str(refused.value)
    db = open_database(url, migrate=False)
    try:
        assert current_revision(db) == "0007"
    finally:
        db.close()
