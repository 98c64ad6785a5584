"""review plans, plan cases, assignments, declared conflicts; people.leader

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _common() -> list[sa.Column]:
    return [
        sa.Column('uid', sa.String(36), nullable=False, unique=True),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), sa.ForeignKey('accounts.id', ondelete='SET NULL'), nullable=True),
        sa.Column('updated_by_id', sa.Integer(), sa.ForeignKey('accounts.id', ondelete='SET NULL'), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        'plans',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('plan_type', sa.String(20), nullable=False),
        sa.Column('mode', sa.String(20), nullable=False),
        sa.Column('state', sa.String(20), nullable=False),
        sa.Column('standard_id', sa.Integer(), sa.ForeignKey('standard_versions.id', ondelete='RESTRICT'),
                  nullable=False),
        sa.Column('unit_ids', sa.JSON(), nullable=False),
        sa.Column('business_lines', sa.JSON(), nullable=False),
        sa.Column('case_types', sa.JSON(), nullable=False),
        sa.Column('closed_from', sa.Date(), nullable=True),
        sa.Column('closed_to', sa.Date(), nullable=True),
        sa.Column('due_on', sa.Date(), nullable=True),
        sa.Column('reviewers_per_case', sa.Integer(), nullable=False),
        sa.Column('blind', sa.Boolean(), nullable=False),
        sa.Column('rule', sa.JSON(), nullable=False),
        sa.Column('seed', sa.Integer(), nullable=True),
        sa.Column('assign_seed', sa.Integer(), nullable=True),
        *_common(),
    )
    op.create_table(
        'plan_cases',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('plan_id', sa.Integer(), sa.ForeignKey('plans.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('case_id', sa.Integer(), sa.ForeignKey('cases.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('method', sa.String(20), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('removed_reason', sa.Text(), nullable=False),
        *_common(),
    )
    op.create_table(
        'assignments',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('plan_case_id', sa.Integer(), sa.ForeignKey('plan_cases.id', ondelete='RESTRICT'),
                  nullable=False, index=True),
        sa.Column('reviewer_id', sa.Integer(), sa.ForeignKey('people.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('status', sa.String(20), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        *_common(),
    )
    op.create_table(
        'conflict_declarations',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('case_id', sa.Integer(), sa.ForeignKey('cases.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('reviewer_id', sa.Integer(), sa.ForeignKey('people.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('dismissed_reason', sa.Text(), nullable=False),
        sa.Column('dismissed_by_id', sa.Integer(), sa.ForeignKey('accounts.id', ondelete='SET NULL'),
                  nullable=True),
        *_common(),
    )
    with op.batch_alter_table('people') as b:
        b.add_column(sa.Column('leader', sa.String(20), nullable=True))
    # Reviews now need an assignment (setting reviews.assignment_required, on by default). A database that
    # already holds reviews keeps working as before until a 评查管理员 turns it on: its drafts in progress have no
    # plan to be assigned in.
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT COUNT(*) FROM reviews")).scalar():
        bind.execute(
            sa.text("INSERT INTO settings (key, value, updated_at) VALUES ('reviews.assignment_required', 'false', :now)"),
            {"now": datetime.now(UTC).replace(tzinfo=None)},
        )


def downgrade() -> None:
    raise NotImplementedError("0006 is not reversible: restore the backup taken before the upgrade")
