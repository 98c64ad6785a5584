"""gold cases and training reviews (reviewer calibration)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 18:40:00

A gold case keeps a reference copy of its opinion; training reviews are ``reviews`` rows of kind
``training`` with no review file (the column exists since 0009), so the only new table is ``gold_cases``.
Downgrading removes the table and the training reviews with everything hanging off them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gold_cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False, index=True),
        sa.Column(
            "reference_review_id", sa.Integer(), sa.ForeignKey("reviews.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("marked_by_id", sa.Integer(), sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
        sa.Column("marked_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
    )


# The rows that hang off a training review, children first: foreign keys are off during SQLite upgrades (so
# ON DELETE CASCADE does not run) and PostgreSQL checks them per statement. The SQL is the same for both.
_TRAINING = "SELECT id FROM reviews WHERE kind = 'training'"
_CHILDREN = (
    f"DELETE FROM finding_evidence WHERE finding_id IN (SELECT id FROM findings WHERE review_id IN ({_TRAINING}))",
    f"DELETE FROM findings WHERE review_id IN ({_TRAINING})",
    f"DELETE FROM review_events WHERE review_id IN ({_TRAINING})",
    f"DELETE FROM undo_steps WHERE review_id IN ({_TRAINING})",
    f"DELETE FROM check_decisions WHERE review_id IN ({_TRAINING})",
    "DELETE FROM reviews WHERE kind = 'training'",
)


def downgrade() -> None:
    op.drop_table("gold_cases")
    for statement in _CHILDREN:
        op.execute(sa.text(statement))
