"""accounts and roles, chained audit trail, shared settings, undo steps, uids and tombstones, user-id attribution

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 13:00:00

Names in free text (created_by, updated_by, added_by, user, actor) give way to account ids. Older rows had no
accounts to point to: their attribution becomes NULL, and the old change log moves into the audit chain with
its actor name kept in each entry's detail ("legacy_actor").
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from reviewapp.domain.audit_chain import GENESIS, ChainEntry, entry_hash

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

ATTRIBUTED = ("units", "departments", "people", "cases", "standard_versions", "reviews", "findings", "notices")
TRAVELLING = ("reviews", "findings", "check_decisions")


def _fk(table: str, column: str) -> str:
    return f"fk_{table}_{column}_accounts"


def upgrade() -> None:
    op.create_table(
        'accounts',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('uid', sa.String(36), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('person_id', sa.Integer(), sa.ForeignKey('people.id', name='fk_accounts_person_id_people', ondelete='RESTRICT'), nullable=False),
        sa.Column('login', sa.String(100), nullable=False),
        sa.Column('password_hash', sa.String(200), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('failed_logins', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.DateTime(), nullable=True),
        sa.Column('password_changed_at', sa.DateTime(), nullable=True),
        sa.Column('last_login_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), sa.ForeignKey('accounts.id', name='fk_accounts_created_by_id_accounts', ondelete='SET NULL'), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), sa.ForeignKey('accounts.id', name='fk_accounts_updated_by_id_accounts', ondelete='SET NULL'), nullable=True),
        sa.UniqueConstraint('uid', name='uq_accounts_uid'),
        sa.UniqueConstraint('person_id', name='uq_accounts_person_id'),
        sa.UniqueConstraint('login', name='uq_accounts_login'),
    )
    op.create_table(
        'account_roles',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('account_id', sa.Integer(), sa.ForeignKey('accounts.id', name='fk_account_roles_account_id_accounts', ondelete='CASCADE'), nullable=False),
        sa.Column('role', sa.String(20), nullable=False),
        sa.Column('scope', sa.String(20), nullable=False),
        sa.Column('unit_id', sa.Integer(), sa.ForeignKey('units.id', name='fk_account_roles_unit_id_units', ondelete='SET NULL'), nullable=True),
        sa.UniqueConstraint('account_id', 'role', name='uq_account_roles_account_role'),
    )
    op.create_index('ix_account_roles_account_id', 'account_roles', ['account_id'])
    op.create_table(
        'undo_steps',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('account_id', sa.Integer(), sa.ForeignKey('accounts.id', name='fk_undo_steps_account_id_accounts', ondelete='CASCADE'), nullable=False),
        sa.Column('review_id', sa.Integer(), sa.ForeignKey('reviews.id', name='fk_undo_steps_review_id_reviews', ondelete='CASCADE'), nullable=False),
        sa.Column('label', sa.Text(), nullable=False),
        sa.Column('merge_key', sa.String(100), nullable=True),
        sa.Column('before', sa.JSON(), nullable=False),
        sa.Column('after', sa.JSON(), nullable=False),
        sa.Column('state', sa.String(10), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_undo_steps_account_id', 'undo_steps', ['account_id'])
    op.create_index('ix_undo_steps_review_id', 'undo_steps', ['review_id'])
    op.create_table(
        'settings',
        sa.Column('key', sa.String(100), primary_key=True),
        sa.Column('value', sa.JSON(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), sa.ForeignKey('accounts.id', name='fk_settings_updated_by_id_accounts', ondelete='SET NULL'), nullable=True),
    )
    audit = op.create_table(
        'audit_entries',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(36), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('accounts.id', name='fk_audit_entries_user_id_accounts', ondelete='RESTRICT'), nullable=True),
        sa.Column('action', sa.String(50), nullable=False),
        sa.Column('entity', sa.String(50), nullable=False),
        sa.Column('entity_id', sa.Integer(), nullable=True),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('review_id', sa.Integer(), nullable=True),
        sa.Column('changes', sa.JSON(), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=False),
        sa.Column('prev_hash', sa.String(64), nullable=False),
        sa.Column('hash', sa.String(64), nullable=False),
    )
    for col in ('seq', 'at', 'user_id', 'case_id', 'review_id'):
        op.create_index(f'ix_audit_entries_{col}', 'audit_entries', [col])
    head = op.create_table(
        'audit_head',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('hash', sa.String(64), nullable=False),
    )

    # The old change log becomes the start of the chain.
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT at, actor, action, entity, entity_id, detail FROM change_log ORDER BY id")).all()
    prev, entries = GENESIS, []
    for seq, (at, actor, action, entity, entity_id, detail) in enumerate(rows, start=1):
        if isinstance(at, str):
            at = datetime.fromisoformat(at)
        if isinstance(detail, str):
            import json

            detail = json.loads(detail)
        detail = dict(detail or {}, legacy_actor=actor)
        e = ChainEntry(seq, str(uuid.uuid4()), at, None, action, entity, entity_id, None, {}, detail, prev)
        h = entry_hash(e)
        entries.append(dict(seq=seq, uid=e.uid, at=at, user_id=None, action=action, entity=entity,
                            entity_id=entity_id, case_id=None, review_id=None, changes={}, detail=detail,
                            prev_hash=prev, hash=h))
        prev = h
    if entries:
        op.bulk_insert(audit, entries)
    op.bulk_insert(head, [dict(id=1, seq=len(entries), hash=prev)])
    op.drop_table('change_log')

    with op.batch_alter_table('units') as b:
        b.add_column(sa.Column('parent_id', sa.Integer(), nullable=True))
        b.create_foreign_key('fk_units_parent_id_units', 'units', ['parent_id'], ['id'], ondelete='SET NULL')
        b.create_index('ix_units_parent_id', ['parent_id'])
    for table in ATTRIBUTED:
        with op.batch_alter_table(table) as b:
            b.drop_column('created_by')
            b.drop_column('updated_by')
            for col in ('created_by_id', 'updated_by_id'):
                b.add_column(sa.Column(col, sa.Integer(), nullable=True))
                b.create_foreign_key(_fk(table, col), 'accounts', [col], ['id'], ondelete='SET NULL')
    for table in TRAVELLING:
        with op.batch_alter_table(table) as b:
            b.add_column(sa.Column('uid', sa.String(36), nullable=True))
            b.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('review_events') as b:
        b.add_column(sa.Column('uid', sa.String(36), nullable=True))
    for table in (*TRAVELLING, 'review_events'):
        ids = [r[0] for r in bind.execute(sa.text(f"SELECT id FROM {table}"))]
        if ids:
            bind.execute(sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
                         [{"uid": str(uuid.uuid4()), "id": i} for i in ids])
        with op.batch_alter_table(table) as b:
            b.alter_column('uid', existing_type=sa.String(36), nullable=False)
            b.create_unique_constraint(f'uq_{table}_uid', ['uid'])
    with op.batch_alter_table('finding_evidence') as b:
        b.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('review_events') as b:
        b.drop_column('actor')
        b.add_column(sa.Column('actor_id', sa.Integer(), nullable=True))
        b.create_foreign_key('fk_review_events_actor_id_accounts', 'accounts', ['actor_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('check_decisions') as b:
        b.drop_column('actor')
        b.add_column(sa.Column('actor_id', sa.Integer(), nullable=True))
        b.create_foreign_key('fk_check_decisions_actor_id_accounts', 'accounts', ['actor_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('dossier_documents') as b:
        b.drop_column('added_by')
        b.add_column(sa.Column('added_by_id', sa.Integer(), nullable=True))
        b.create_foreign_key('fk_dossier_documents_added_by_id_accounts', 'accounts', ['added_by_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('import_batches') as b:
        b.drop_column('user')
        b.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        b.create_foreign_key('fk_import_batches_user_id_accounts', 'accounts', ['user_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('notices') as b:
        b.add_column(sa.Column('audit_seq', sa.Integer(), nullable=True))
        b.add_column(sa.Column('audit_hash', sa.String(64), nullable=False, server_default=''))


def downgrade() -> None:
    raise NotImplementedError("0005 is not reversible: restore the backup taken before the upgrade")
