"""Migration 0007 upgrades a 0006 database: the self-check table appears, and the data already stored is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from reviewapp.storage.database import _alembic_config, current_revision, head_revision, open_database

pytestmark = pytest.mark.sqlite_only("upgrades SQLite fixture files; PostgreSQL: test_pg_migrations.py")


def test_a_0006_database_upgrades_to_self_checks(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
        conn.execute(
            text("INSERT INTO units (id, name, created_at, updated_at) VALUES (1, '甲院', '2025-01-01', '2025-01-01')")
        )
        conn.execute(
            text(
                "INSERT INTO people (id, name, unit_id, is_prosecutor, is_reviewer, leader, created_at, updated_at) "
                "VALUES (1, '王检察官', 1, 1, 0, '院领导', '2025-01-01', '2025-01-01')"
            )
        )
        assert "self_checks" not in inspect(conn).get_table_names()
    engine.dispose()

    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
        with db.session() as s:
            assert s.execute(text("SELECT name, leader FROM people")).all() == [("王检察官", "院领导")]
            assert s.execute(text("SELECT count(*) FROM self_checks")).scalar() == 0
            columns = {c["name"] for c in inspect(s.connection()).get_columns("self_checks")}
        assert {"uid", "deleted_at", "case_id", "plan_id", "kind", "items", "status", "filled_by_id"} <= columns
    finally:
        db.close()
    assert db.backup_path is not None and db.backup_path.exists()
