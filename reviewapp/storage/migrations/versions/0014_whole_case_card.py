"""the whole case card: returns for supplementary investigation, extensions, per-suspect coercive measures and judgments

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 18:40:00

New card fields (all nullable: an existing card reads them as "not on the card"): the extension's approval
date and whether the case has a victim on the case; each coercive measure's own date, the measure's end and the
judgment date on the suspect. And the saved column-mapping profiles of other systems' export layouts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

CASE_COLUMNS = (
    ("extension_approved_on", sa.Date()),
    ("has_victim", sa.Boolean()),
)
SUSPECT_COLUMNS = (
    ("detained_on", sa.Date()),
    ("arrested_on", sa.Date()),
    ("bail_on", sa.Date()),
    ("surveillance_on", sa.Date()),
    ("measure_ended_on", sa.Date()),
    ("judged_on", sa.Date()),
)


def _add(table: str, columns: tuple[tuple[str, sa.types.TypeEngine], ...]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Nullable ADD COLUMN without a default is a catalogue change in PostgreSQL: no rewrite, no long lock.
        for name, kind in columns:
            op.add_column(table, sa.Column(name, kind, nullable=True))
    else:
        # SQLite: plain ADD COLUMNs as well (batch mode emits them without rebuilding the table).
        with op.batch_alter_table(table) as batch:
            for name, kind in columns:
                batch.add_column(sa.Column(name, kind, nullable=True))


def _drop(table: str, columns: tuple[tuple[str, sa.types.TypeEngine], ...]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, _ in columns:
            op.drop_column(table, name)
    else:
        # SQLite before 3.35 cannot drop a column: the batch rebuilds the table.
        with op.batch_alter_table(table) as batch:
            for name, _ in columns:
                batch.drop_column(name)


def upgrade() -> None:
    _add("cases", CASE_COLUMNS)
    _add("suspects", SUSPECT_COLUMNS)
    op.create_table(
        "import_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("header_key", sa.String(length=64), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["accounts.id"],
            name=op.f("fk_import_profiles_created_by_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["accounts.id"],
            name=op.f("fk_import_profiles_updated_by_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_import_profiles_name")),
    )
    op.create_index(op.f("ix_import_profiles_header_key"), "import_profiles", ["header_key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_import_profiles_header_key"), table_name="import_profiles")
    op.drop_table("import_profiles")
    _drop("suspects", SUSPECT_COLUMNS)
    _drop("cases", CASE_COLUMNS)
