"""an index of the cases' 统一受案号 (unified case number)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 15:00:00

The same matter at other stages is found by its 统一受案号: a reviewer who handled any stage of it may not review it
(回避, review-rules.md; services/plans/assignment.py ``stage_handlers``), the arrest-review trigger reads the
refused arrests by it, and the command line's case lookup accepts it. Without an index each of those reads
walked the whole cases table: about 0.2 s per 500 numbers at a million cases. The index is declared on the model
as well (storage/models/cases.py), so a fresh schema equals a migrated one.
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

NAME = "ix_cases_unified_case_no"


def upgrade() -> None:
    # No ANALYZE of cases here (unlike 0015/0016): the case list's queries are planned without statistics of
    # cases, and with them SQLite sorted by a joined name (承办单位, 承办部门, 承办检察官) in 0.2–0.9 s instead of
    # ~25 ms at a million cases (benchmarks/bench_case_list.py). An equality on this index is planned as
    # selective without statistics, which it is.
    op.create_index(NAME, "cases", ["unified_case_no"], unique=False)


def downgrade() -> None:
    op.drop_index(NAME, table_name="cases")
