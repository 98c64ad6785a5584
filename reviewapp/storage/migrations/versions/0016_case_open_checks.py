"""each case's count of unanswered pre-screening suggestions, kept for the case list

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 23:50:00

The case list's 待处理校验 column counted, for every key press on a list sorted or filtered by it, each case's
suggested results without a decision (at a million cases with 30 000 such cases: ~150 ms for the count and
~160 ms for the page). ``case_open_checks`` holds that count for the cases that have one; the write path keeps
it (services/checks/open_checks.py) and the list walks ``ix_case_open_checks_n``. The table is filled here from
the stored results and decisions with the same definition.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

FILL = """
INSERT INTO case_open_checks (case_id, n)
SELECT r.case_id, count(r.id) FROM check_results r
WHERE r.status IN ('violation', 'warning')
  AND NOT EXISTS (SELECT 1 FROM check_decisions d
                  WHERE d.case_id = r.case_id AND d.rule_id = r.rule_id AND d.deleted_at IS NULL)
GROUP BY r.case_id
"""


def upgrade() -> None:
    op.create_table(
        "case_open_checks",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_open_checks_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_open_checks")),
    )
    op.create_index("ix_case_open_checks_n", "case_open_checks", ["n", "case_id"], unique=False)
    op.execute(FILL)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE case_open_checks")


def downgrade() -> None:
    op.drop_index("ix_case_open_checks_n", table_name="case_open_checks")
    op.drop_table("case_open_checks")
