"""dossier page text, recognised documents and their full-text index

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 18:40:00

Page text with character boxes (dossier_pages), scan progress per file (dossier_texts) and the comparison
rules' results (dossier_check_results). Full-text search: on SQLite an FTS5 table with the trigram tokenizer
over the page text (external content, kept in step by triggers); on PostgreSQL a pg_trgm GIN index on the
same column (CREATE EXTENSION is allowed to a database owner since PostgreSQL 13, pg_trgm being trusted).
Character trigrams need no Chinese word segmenter and find any substring of three or more characters.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_FTS_TRIGGERS = (
    """CREATE TRIGGER dossier_pages_fts_insert AFTER INSERT ON dossier_pages BEGIN
         INSERT INTO dossier_pages_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER dossier_pages_fts_delete AFTER DELETE ON dossier_pages BEGIN
         INSERT INTO dossier_pages_fts(dossier_pages_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER dossier_pages_fts_update AFTER UPDATE OF text ON dossier_pages BEGIN
         INSERT INTO dossier_pages_fts(dossier_pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
         INSERT INTO dossier_pages_fts(rowid, text) VALUES (new.id, new.text); END""",
)


def upgrade() -> None:
    op.create_table(
        'dossier_pages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('page', sa.Integer(), nullable=False),
        sa.Column('method', sa.String(length=12), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('boxes', sa.JSON(), nullable=False),
        sa.Column('lines', sa.JSON(), nullable=False),
        sa.Column('extracted_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['dossier_documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('document_id', 'page', name='uq_dossier_pages_document_page'),
    )
    op.create_index('ix_dossier_pages_content_hash', 'dossier_pages', ['content_hash'])
    op.create_table(
        'dossier_texts',
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('page_count', sa.Integer(), nullable=False),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['document_id'], ['dossier_documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('document_id'),
    )
    op.create_table(
        'dossier_check_results',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('rule_id', sa.String(length=50), nullable=False),
        sa.Column('item_code', sa.String(length=20), nullable=False),
        sa.Column('severity', sa.String(length=30), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('explanation', sa.Text(), nullable=False),
        sa.Column('facts', sa.JSON(), nullable=False),
        sa.Column('missing_fields', sa.JSON(), nullable=False),
        sa.Column('card_hash', sa.String(length=64), nullable=False),
        sa.Column('computed_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_dossier_check_results_case_id', 'dossier_check_results', ['case_id'])
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        op.execute('CREATE INDEX ix_dossier_pages_text_trgm ON dossier_pages USING gin (text gin_trgm_ops)')
    else:
        op.execute(
            "CREATE VIRTUAL TABLE dossier_pages_fts USING fts5("
            "text, content='dossier_pages', content_rowid='id', tokenize='trigram')"
        )
        for trigger in _FTS_TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP INDEX IF EXISTS ix_dossier_pages_text_trgm')
    else:
        for name in ('insert', 'delete', 'update'):
            op.execute(f'DROP TRIGGER IF EXISTS dossier_pages_fts_{name}')
        op.execute('DROP TABLE IF EXISTS dossier_pages_fts')
    op.drop_index('ix_dossier_check_results_case_id', table_name='dossier_check_results')
    op.drop_table('dossier_check_results')
    op.drop_table('dossier_texts')
    op.drop_index('ix_dossier_pages_content_hash', table_name='dossier_pages')
    op.drop_table('dossier_pages')
