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
    op.create_index(NAME, "cases", ["unified_case_no"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE cases")  # the planner weighs the new index with real row counts at once


def downgrade() -> None:
    op.drop_index(NAME, table_name="cases")
