"""indexes for the statistics (分析研判) aggregates

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 18:40:00

Every statistic walks the review files formed in a period (services/analysis/filters.py) and counts their live
findings. Three covering indexes make that an index walk on both databases (benchmarks/bench_stats.py):

- ``ix_reviews_stats``: opinions by formed time, carrying every column the counts group or filter on, so the
  reviews table (wide: JSON and texts) is never read;
- ``ix_reviews_case_round``: "is there a later formed round of this case" answered from the index;
- ``ix_findings_review_live``: a file's live findings by item, counted without reading the findings table.

The same indexes are declared on the models (storage/models/reviews.py), so a fresh schema equals a migrated one.
"""

from __future__ import annotations

from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        'ix_reviews_stats',
        'reviews',
        (
            'kind',
            'submitted_at',
            'status',
            'case_id',
            'round',
            'deleted_at',
            'standard_id',
            'scheme_id',
            'final_grade',
            'proposed_grade',
            'review_type',
            'plan_id',
            'reviewer_id',
        ),
    ),
    ('ix_reviews_case_round', 'reviews', ('case_id', 'kind', 'round', 'status', 'deleted_at')),
    ('ix_findings_review_live', 'findings', ('review_id', 'deleted_at', 'item_code')),
)


def upgrade() -> None:
    # Plain B-tree indexes: the same statement on SQLite and PostgreSQL (both use them as covering indexes;
    # PostgreSQL as index-only scans once the visibility map is set by VACUUM).
    for name, table, columns in INDEXES:
        op.create_index(name, table, list(columns), unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ANALYZE reviews')  # the planner weighs the new indexes with real row counts at once
        op.execute('ANALYZE findings')


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
