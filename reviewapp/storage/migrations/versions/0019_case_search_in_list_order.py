"""the case list's trigram index keyed by the list's order

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 22:00:00

SQLite only: ``case_search`` becomes a contentless FTS5 table whose rowid is the case's place in the list's
default order (受理日期 newest first, then the id; services/cases/search_index.py, ``order_key``), so the first
page of a search is read from the index in that order and stops there, instead of collecting every match and
sorting it. Triggers keep each entry at its case's place when the date or the text changes, and drop it with
its case. The entries are rebuilt from ``cases.search_text`` (36 s at a million cases). PostgreSQL's pg_trgm
index is unchanged.
"""

from __future__ import annotations

from alembic import op

from reviewapp.services.cases.search_index import SQLITE_FOLLOW, fill_sql

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# The table as migration 0013 made it: external content, rowid = the case's id.
BY_ID = "CREATE VIRTUAL TABLE case_search USING fts5(search_text, content='cases', content_rowid='id', tokenize='trigram')"
IN_ORDER = "CREATE VIRTUAL TABLE case_search USING fts5(search_text, content='', tokenize='trigram')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS case_search")
    op.execute(IN_ORDER)
    op.execute(fill_sql())
    for trigger in SQLITE_FOLLOW:
        op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS case_search_follow")
    op.execute("DROP TRIGGER IF EXISTS case_search_forget")
    op.execute("DROP TABLE IF EXISTS case_search")
    op.execute(BY_ID)
    op.execute("INSERT INTO case_search(case_search) VALUES ('rebuild')")
