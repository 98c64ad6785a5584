"""Migration 0006 upgrades a 0005 database: the plan tables appear, people gain the leader mark, and the
data already stored is kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from reviewapp.storage.database import _alembic_config, current_revision, head_revision, open_database

pytestmark = pytest.mark.sqlite_only("upgrades SQLite fixture files; PostgreSQL: test_pg_migrations.py")


def test_a_0005_database_upgrades_to_plans(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(
            text("INSERT INTO units (id, name, created_at, updated_at) VALUES (1, '甲院', '2025-01-01', '2025-01-01')")
        )
        conn.execute(
            text(
                "INSERT INTO people (id, name, unit_id, is_prosecutor, is_reviewer, created_at, updated_at) "
                "VALUES (1, '王检察官', 1, 1, 0, '2025-01-01', '2025-01-01')"
            )
        )
    engine.dispose()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0005"
    con.close()

    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
        with db.session() as s:
            assert s.execute(text("SELECT name, leader FROM people")).all() == [("王检察官", None)]
            for table in ("plans", "plan_cases", "assignments", "conflict_declarations"):
                assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
    finally:
        db.close()
    assert db.backup_path is not None and db.backup_path.exists()


def _at_0005(path: Path, *, with_review: bool) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        if with_review:
            now = "'2025-01-01'"
            conn.execute(text(f"INSERT INTO units (id, name, created_at, updated_at) VALUES (1, '甲院', {now}, {now})"))
            conn.execute(
                text(
                    "INSERT INTO departments (id, unit_id, name, created_at, updated_at) "
                    f"VALUES (1, 1, '一部', {now}, {now})"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO people (id, name, unit_id, is_prosecutor, is_reviewer, created_at, updated_at) "
                    f"VALUES (1, '王检察官', 1, 1, 0, {now}, {now}), (2, '李评查', 1, 0, 1, {now}, {now})"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO cases (id, dept_case_no, name, case_type, unit_id, department_id, prosecutor_id, "
                    f"accepted_on, dossier_paths, extra, card_hash, created_at, updated_at) VALUES (1, 'A1', '甲案', "
                    f"'审查起诉', 1, 1, 1, '2025-01-01', '[]', '{{}}', 'h', {now}, {now})"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO standard_versions (id, code, version, name, fingerprint, content, created_at, "
                    f"updated_at) VALUES (1, 'S', 1, 'S', 'f', '{{}}', {now}, {now})"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO reviews (id, uid, case_id, reviewer_id, round, review_type, standard_id, scheme_id, "
                    "status, ticked_criteria, excellence_justification, proposal_explanation, override_reason, "
                    "created_at, updated_at) VALUES (1, 'u-1', 1, 2, 1, '常规抽查', 1, '2026', 'draft', '[]', '', '', "
                    f"'', {now}, {now})"
                )
            )
    engine.dispose()


def test_a_database_with_reviews_in_progress_keeps_ad_hoc_reviews(tmp_path: Path) -> None:
    """Drafts begun before plans existed have no plan to be assigned in: such a database starts with
    reviews.assignment_required off; a new one keeps the default (on)."""
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    _at_0005(old, with_review=True)
    _at_0005(new, with_review=False)
    for path, expected in ((old, [("reviews.assignment_required", "false")]), (new, [])):
        db = open_database(path)
        try:
            with db.session() as s:
                rows = s.execute(text("SELECT key, value FROM settings WHERE key LIKE 'reviews.%'")).all()
            assert [tuple(r) for r in rows] == expected
        finally:
            db.close()
