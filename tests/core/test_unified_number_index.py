"""The same matter's other stages are found through an index of 统一受案号, not by reading every case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import current_revision, head_revision, open_database
from reviewapp.storage.models import Case
from tests.db_target import database_at

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"


def test_the_stage_lookup_reads_the_unified_number_index(tmp_path: Path) -> None:
    wb = Workbench.open(database_at(tmp_path, "stages.sqlite3"))
    try:
        indexes = {i["name"]: i["column_names"] for i in inspect(wb.db.engine).get_indexes("cases")}
        assert indexes.get("ix_cases_unified_case_no") == ["unified_case_no"], indexes
        if wb.db.engine.dialect.name != "sqlite":  # PostgreSQL plans a seq scan of a table this small
            return
        # The statement services/plans/assignment.stage_handlers runs, with its IN list bound.
        stmt = select(Case.unified_case_no, Case.prosecutor_id).where(Case.unified_case_no.in_(["A1", "A2"]))
        sql = str(stmt.compile(wb.db.engine, compile_kwargs={"literal_binds": True}))
        with wb.db.engine.connect() as c:
            plan = " ".join(str(row[-1]) for row in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        assert "ix_cases_unified_case_no" in plan, plan
        assert "SCAN cases" not in plan, plan
    finally:
        wb.close()


@pytest.mark.sqlite_only("SQLite's planner statistics; PostgreSQL keeps its own")
def test_upgrades_leave_the_case_list_planned_without_statistics_of_cases(tmp_path: Path) -> None:
    """With statistics of ``cases`` (and none of the tiny lookup tables) SQLite sorts a million cases by a
    joined name by reading them all (0.2–0.9 s); without, it walks the names' index and stops at the page
    (~25 ms). So no migration analyses ``cases``."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema_0001.sqlite3", path)
    db = open_database(path)  # upgraded through every migration
    try:
        assert current_revision(db) == head_revision()
        with db.engine.connect() as c:
            stat = c.exec_driver_sql("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
            analysed = {r[0] for r in c.exec_driver_sql("SELECT DISTINCT tbl FROM sqlite_stat1")} if stat else set()
            assert "cases" not in analysed, analysed
            # The page of the list sorted by unit, as services/cases/case_list.py reads it.
            plan = " | ".join(
                str(r[-1])
                for r in c.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT cases.id FROM cases JOIN units AS units_1 ON units_1.id = "
                    "cases.unit_id ORDER BY units_1.name ASC, units_1.id ASC, cases.id ASC LIMIT 200 OFFSET 0"
                )
            )
        assert plan.startswith("SCAN units_1") and "TEMP B-TREE" not in plan, plan
    finally:
        db.close()
