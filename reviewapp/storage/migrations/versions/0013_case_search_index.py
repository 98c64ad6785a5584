"""the case list's search and filter indexes

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 18:40:00

The list is answered by the database (services/cases/case_list.py): ``cases.search_text`` with its substring
index (SQLite: FTS5 trigram + a one-and-two-character token table; PostgreSQL: pg_trgm GIN), and an index on
every column the list filters or sorts by, so a page of a million cases is an index walk, not a sort.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reviewapp.services.cases.search_index import PG_CREATE, PG_DROP, index_cases_in

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# The search tables as this revision made them (0019 rekeys case_search by the list's order; the text of each
# case is filled below, its trigram entries by 0019 from that text).
SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE case_search USING fts5(search_text, content='cases', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE case_search_short USING fts5(tokens, content='', detail='none', columnsize=0)",
)
SQLITE_DROP = ("DROP TABLE IF EXISTS case_search_short", "DROP TABLE IF EXISTS case_search")
# Filter and sort columns the list walks in order (accepted_on, prosecutor_id and dept_case_no had theirs).
INDEXED = ("name", "case_type", "unit_id", "department_id", "transferred_charge", "closed_on")


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=True))
    for column in INDEXED:
        op.create_index(op.f(f"ix_cases_{column}"), "cases", [column], unique=False)
    # Sorting by department walks the departments by name (the unique index leads with the unit).
    op.create_index(op.f("ix_departments_name"), "departments", ["name"], unique=False)
    for statement in SQLITE_CREATE if bind.dialect.name == "sqlite" else PG_CREATE:
        op.execute(statement)
    index_cases_in(bind, None)  # existing cases: their text (and on SQLite their short tokens)


def downgrade() -> None:
    bind = op.get_bind()
    for statement in SQLITE_DROP if bind.dialect.name == "sqlite" else PG_DROP:
        op.execute(statement)
    op.drop_index(op.f("ix_departments_name"), table_name="departments")
    for column in INDEXED:
        op.drop_index(op.f(f"ix_cases_{column}"), table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("search_text")
