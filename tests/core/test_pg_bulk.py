"""On PostgreSQL bulk_insert goes through COPY: rows read back equal to what SQLAlchemy Core writes, column by
column and as the server stores them (types, JSON null versus SQL NULL), and an import reads its ids back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Table, func, insert, select, text

from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.bulk import bulk_insert
from reviewapp.storage.database import open_database
from reviewapp.storage.models import Case, Department, Person, Suspect, Unit
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench
from tests.db_target import database_at

pytestmark = pytest.mark.postgresql_only


def _rows(n0: int) -> list[dict]:
    return [
        {
            "dept_case_no": f"号{n0 + i}",
            "name": f"张某{i}盗窃案",
            "case_type": "审查起诉",
            "unit_id": 1,
            "department_id": 1,
            "prosecutor_id": 1,
            "accepted_on": date(2025, 3, 1 + i),
            "closed_on": None if i % 2 else date(2025, 4, 1),
            "detained": [True, False, None][i % 3],
            "amount_fen": 123456 if i else None,
            "dossier_paths": ["卷宗/1.pdf"] if i else [],
            "extra": {"备注": "重点"} if i else {},
            "card_hash": "x" * 64,
            "created_by_id": None,  # no account in this bare database
            "updated_by_id": None,
        }
        for i in range(3)
    ]


def test_copy_reads_back_like_sqlalchemy_core(tmp_path: Path) -> None:
    db = open_database(database_at(tmp_path, "bulk.sqlite3"))
    try:
        with db.unchecked_session() as s:  # storage under test: no write path, no user
            s.add(Unit(id=1, name="院"))
            s.flush()
            s.add(Department(id=1, unit_id=1, name="部"))
            s.add(Person(id=1, name="检"))
        table = cast(Table, Case.__table__)
        with db.unchecked_session() as s:
            s.execute(insert(table), _rows(0))
            bulk_insert(s, table, _rows(100))
        cols = [c for c in table.columns if c.name not in ("id", "dept_case_no", "created_at", "updated_at")]
        with db.session() as s:
            core = [tuple(r) for r in s.execute(select(*cols).where(Case.dept_case_no.like("号_")).order_by(Case.id))]
            bulk = [tuple(r) for r in s.execute(select(*cols).where(Case.dept_case_no.like("号1__")).order_by(Case.id))]
            stamps = s.execute(select(Case.created_at, Case.updated_at)).all()
            kinds = (
                "SELECT pg_typeof(accepted_on)::text, detained::text, extra::text, closed_on IS NULL, "
                "pg_typeof(created_at)::text FROM cases"
            )
            raw_core = s.execute(text(kinds + " WHERE dept_case_no LIKE '号_' ORDER BY id")).all()
            raw_bulk = s.execute(text(kinds + " WHERE dept_case_no LIKE '号1__' ORDER BY id")).all()
        assert bulk == core
        assert all(isinstance(a, datetime) and isinstance(b, datetime) for a, b in stamps)
        assert raw_bulk == raw_core  # stored the same way, down to the JSON text
    finally:
        db.close()


def test_an_import_on_postgresql_stores_every_case_and_reads_it_back(tmp_path: Path) -> None:
    wb = open_workbench(tmp_path)
    try:
        rows = [case_row(n, 电子卷宗=None) for n in range(1, 501)]
        summary = import_cases(wb, write_simple_xlsx(tmp_path / "export.xlsx", rows))
        assert (summary.imported, summary.rejected) == (500, 0)
        with wb.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Case)) == 500
            orphans = select(func.count()).select_from(Suspect).where(~Suspect.case_id.in_(select(Case.id)))
            assert s.scalar(orphans) == 0
            assert s.scalar(select(Case.accepted_on).limit(1)) == date(2025, 3, 1)
        again = import_cases(wb, write_simple_xlsx(tmp_path / "again.xlsx", rows))
        assert (again.imported, again.unchanged) == (0, 500)  # the card hashes read back equal
    finally:
        wb.close()
