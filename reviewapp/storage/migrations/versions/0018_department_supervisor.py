"""the deputy chief in charge of each department (分管副检察长)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 15:40:00

review-rules.md §1 step 10: a proposed 合格 is determined by the deputy chief in charge of the case's department.
``departments.supervisor_id`` names that person; left empty, any deputy chief of the unit may determine, as
before. A plain nullable column (no foreign key): added and dropped in place on both databases, where a
constrained column would make SQLite rebuild a table that cases and people reference. Declared on the model as
well (storage/models/org.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("departments", sa.Column("supervisor_id", sa.Integer(), nullable=True))
    else:
        with op.batch_alter_table("departments") as batch:  # a plain ADD COLUMN, no rebuild
            batch.add_column(sa.Column("supervisor_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" or (bind.dialect.server_version_info or (0,)) >= (3, 35):
        # In place (SQLite ≥ 3.35 drops an unconstrained column itself): a rebuild of departments would fail
        # its foreign keys while cases and people point at it.
        op.execute("ALTER TABLE departments DROP COLUMN supervisor_id")
    else:
        with op.batch_alter_table("departments") as batch:
            batch.drop_column("supervisor_id")
