"""card fields for key-case triggers: 复议复核结果, 国家赔偿, per-suspect 量刑建议

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 14:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain nullable ADD COLUMNs: no table rebuild, existing cards read as "not on the card".
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('reconsideration_outcome', sa.String(length=100), nullable=True))
        batch.add_column(sa.Column('state_compensation', sa.Boolean(), nullable=True))
    with op.batch_alter_table('suspects') as batch:
        batch.add_column(sa.Column('recommended_sentence', sa.String(length=100), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("0008 is not reversible: restore the backup taken before the upgrade")
