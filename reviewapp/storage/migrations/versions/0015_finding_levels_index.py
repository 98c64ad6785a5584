"""a covering index of the findings' severities for reviewer calibration

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 01:20:00

Reviewer calibration (services/analysis/calibration_counts.py) reads every live finding of the panel members'
reviews and of the formed opinions with its item, severity and origin. ``ix_findings_review_live`` (0010)
finds them but not their severity, so each finding cost a read of the wide findings row (its reason text);
``ix_findings_review_levels`` carries the columns, so the read is an index walk on both databases
(benchmarks/bench_calibration.py: about 0.2 s of 1.3 s over 30 000 panel files). The index is declared on the
model as well (storage/models/reviews.py), so a fresh schema equals a migrated one.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

NAME = "ix_findings_review_levels"
COLUMNS = ["review_id", "deleted_at", "item_code", "severity", "origin"]


def upgrade() -> None:
    op.create_index(NAME, "findings", COLUMNS, unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE findings")  # the planner weighs the new index with real row counts at once


def downgrade() -> None:
    op.drop_index(NAME, table_name="findings")
