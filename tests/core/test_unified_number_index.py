"""The same matter's other stages are found through an index of 统一受案号, not by reading every case."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, select

from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case
from tests.db_target import database_at


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
