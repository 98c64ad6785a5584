"""bulk_insert writes exactly what SQLAlchemy writes: rows read back equal, column by column, for every type."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Table, insert, select, text

from reviewapp.storage.bulk import bulk_insert
from reviewapp.storage.database import open_database
from reviewapp.storage.models import Case, Department, Person, Unit

pytestmark = pytest.mark.sqlite_only("SQLite's own bulk path; PostgreSQL: test_pg_bulk.py")


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


def test_bulk_insert_reads_back_like_sqlalchemy_core(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.sqlite3")
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
            kinds = "SELECT typeof(accepted_on), typeof(detained), typeof(extra), typeof(created_at) FROM cases"
            raw_core = s.execute(text(kinds + " WHERE dept_case_no LIKE '号_' ORDER BY id")).all()
            raw_bulk = s.execute(text(kinds + " WHERE dept_case_no LIKE '号1__' ORDER BY id")).all()
        assert bulk == core
        assert all(isinstance(a, datetime) and isinstance(b, datetime) for a, b in stamps)
        assert raw_bulk == raw_core  # the same storage classes either way
    finally:
        db.close()
