"""the review file (opinion) and the process after scoring: panel dissents, joint meetings, feedback and
objections, determination, rectifications

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 16:00:00

Every existing review becomes a member review. Each case's reviews of one round get an opinion (the review
file): in review while a member is still a draft; otherwise formed from the latest submitted member review
(its findings and evidence copied), determined when a notice was already issued from it (the office acted on
it under the earlier single-reviewer rule) and awaiting determination when not. The opinion keeps the
评查受案号 the earlier version printed ("<代字>〔<year>〕<review id>号"), so paper already issued still matches;
new numbers continue after the highest id used in each year.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

FILE_SERIAL_KEY = '#review-file'  # document_serials row counting 评查受案号 per year


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
    with op.batch_alter_table('reviews') as batch:
        batch.add_column(sa.Column('kind', sa.String(10), nullable=False, server_default='member'))
        batch.add_column(sa.Column('file_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('file_no', sa.String(100), nullable=True))
        batch.add_column(sa.Column('file_year', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('file_serial', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('panel_size', sa.Integer(), nullable=False, server_default='1'))
        batch.add_column(sa.Column('plan_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('feedback_sent_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('feedback_due_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('feedback_outcome', sa.String(30), nullable=True))
        batch.add_column(sa.Column('feedback_closed_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('determined_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('determination_body', sa.String(20), nullable=True))
        batch.add_column(sa.Column('committee_meeting_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('committee_decision', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('opinion_sha256', sa.String(64), nullable=False, server_default=''))
        batch.add_column(sa.Column('reconciliation', sa.JSON(), nullable=False, server_default='{}'))
        batch.drop_constraint('uq_reviews_case_reviewer_round', type_='unique')
        batch.create_unique_constraint('uq_reviews_case_reviewer_round', ['case_id', 'reviewer_id', 'round', 'kind'])
        batch.create_foreign_key('fk_reviews_file_id_reviews', 'reviews', ['file_id'], ['id'], ondelete='RESTRICT')
        batch.create_foreign_key('fk_reviews_plan_id_plans', 'plans', ['plan_id'], ['id'], ondelete='RESTRICT')
        batch.create_foreign_key(
            'fk_reviews_determined_by_id_accounts', 'accounts', ['determined_by_id'], ['id'], ondelete='SET NULL'
        )
        batch.create_index('ix_reviews_kind', ['kind'])
        batch.create_index('ix_reviews_file_id', ['file_id'])
        batch.create_index('ix_reviews_file_no', ['file_no'])
        batch.create_index('ix_reviews_plan_id', ['plan_id'])
        batch.create_index('ix_reviews_feedback_due_on', ['feedback_due_on'])
    with op.batch_alter_table('findings') as batch:
        batch.add_column(sa.Column('origin', sa.String(20), nullable=False, server_default=''))
        batch.add_column(sa.Column('origin_reason', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('supersedes_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(
            'fk_findings_supersedes_id_findings', 'findings', ['supersedes_id'], ['id'], ondelete='SET NULL'
        )
    op.create_table(
        'dissents',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('opinion_id', sa.Integer(), sa.ForeignKey('reviews.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('member_id', sa.Integer(), sa.ForeignKey('people.id', ondelete='RESTRICT'), nullable=False),
        sa.Column('item_code', sa.String(20), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        *_common(),
    )
    op.create_table(
        'joint_meetings',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('opinion_id', sa.Integer(), sa.ForeignKey('reviews.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('held_on', sa.Date(), nullable=False),
        sa.Column('attendees', sa.JSON(), nullable=False),
        sa.Column('minutes', sa.Text(), nullable=False),
        sa.Column('attachments', sa.JSON(), nullable=False),
        *_common(),
    )
    op.create_table(
        'feedback_answers',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('opinion_id', sa.Integer(), sa.ForeignKey('reviews.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('finding_id', sa.Integer(), sa.ForeignKey('findings.id', ondelete='RESTRICT'), nullable=False,
                  index=True),
        sa.Column('answer', sa.String(10), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('attachments', sa.JSON(), nullable=False),
        sa.Column('answered_on', sa.Date(), nullable=False),
        sa.Column('channel', sa.String(10), nullable=False),
        sa.Column('ruling', sa.String(10), nullable=True),
        sa.Column('ruling_reason', sa.Text(), nullable=False),
        sa.Column('ruled_by_id', sa.Integer(), sa.ForeignKey('accounts.id', ondelete='SET NULL'), nullable=True),
        sa.Column('ruled_at', sa.DateTime(), nullable=True),
        sa.Column('revised_finding_id', sa.Integer(), sa.ForeignKey('findings.id', ondelete='SET NULL'),
                  nullable=True),
        *_common(),
    )
    op.create_table(
        'rectifications',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('notice_id', sa.Integer(), sa.ForeignKey('notices.id', ondelete='RESTRICT'), nullable=False,
                  unique=True),
        sa.Column('status', sa.String(20), nullable=False, index=True),
        sa.Column('due_on', sa.Date(), nullable=False, index=True),
        sa.Column('report_received_on', sa.Date(), nullable=True),
        sa.Column('report_text', sa.Text(), nullable=False),
        sa.Column('attachments', sa.JSON(), nullable=False),
        sa.Column('overdue_on', sa.Date(), nullable=True),
        sa.Column('rechecked_by_id', sa.Integer(), sa.ForeignKey('accounts.id', ondelete='SET NULL'),
                  nullable=True),
        sa.Column('rechecked_on', sa.Date(), nullable=True),
        sa.Column('recheck_passed', sa.Boolean(), nullable=True),
        sa.Column('recheck_note', sa.Text(), nullable=False),
        *_common(),
    )
    _files_for_existing_reviews()


def _files_for_existing_reviews() -> None:
    """One opinion per case and round over the reviews already stored (see the module docstring)."""
    bind = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    code_row = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'notice.review_code'")).first()
    review_code = _json_text(code_row[0]) if code_row else ''
    reviews = bind.execute(
        sa.text(
            "SELECT id, case_id, reviewer_id, round, review_type, standard_id, scheme_id, status, ticked_criteria,"
            " excellence_justification, proposed_grade, proposal_explanation, final_grade, override_reason,"
            " submitted_at, created_at, created_by_id FROM reviews WHERE deleted_at IS NULL ORDER BY id"
        ).columns(submitted_at=sa.DateTime(), created_at=sa.DateTime(), ticked_criteria=sa.JSON())
    ).mappings().all()
    groups: dict[tuple[int, int], list] = {}
    for r in reviews:
        groups.setdefault((r['case_id'], r['round']), []).append(r)
    noticed = {row[0] for row in bind.execute(sa.text("SELECT review_id FROM notice_cases WHERE review_id IS NOT NULL"))}
    top_serial: dict[int, int] = {}
    for members in groups.values():
        submitted = [m for m in members if m['status'] == 'submitted']
        drafts = [m for m in members if m['status'] != 'submitted']
        source = max(submitted, key=lambda m: (m['submitted_at'] or m['created_at'], m['id'])) if submitted else None
        first = members[0]
        basis = source or first
        year = (basis['submitted_at'] or basis['created_at']).year
        top_serial[year] = max(top_serial.get(year, 0), basis['id'])
        if drafts or source is None:
            status = 'in_review'
        elif any(m['id'] in noticed for m in members):
            status = 'determined'
        else:
            status = 'awaiting_determination'
        formed = status != 'in_review'
        result = bind.execute(
            sa.text(
                "INSERT INTO reviews (uid, case_id, reviewer_id, round, kind, review_type, standard_id, scheme_id,"
                " status, ticked_criteria, excellence_justification, proposed_grade, proposal_explanation,"
                " final_grade, override_reason, submitted_at, file_no, file_year, file_serial, panel_size,"
                " committee_decision, opinion_sha256, created_at, updated_at, created_by_id, updated_by_id)"
                " VALUES (:uid, :case_id, :reviewer_id, :round, 'opinion', :review_type, :standard_id, :scheme_id,"
                " :status, :ticked, :just, :proposed, :explanation, :final, :override, :submitted_at, :file_no,"
                " :year, :serial, :size, '', '', :now, :now, :by, :by) RETURNING id"
            ).bindparams(sa.bindparam('ticked', type_=sa.JSON()), sa.bindparam('submitted_at', type_=sa.DateTime()),
                         sa.bindparam('now', type_=sa.DateTime())),
            {
                'uid': str(uuid.uuid4()), 'case_id': basis['case_id'], 'reviewer_id': basis['reviewer_id'],
                'round': basis['round'], 'review_type': basis['review_type'], 'standard_id': basis['standard_id'],
                'scheme_id': basis['scheme_id'], 'status': status,
                'ticked': list(basis['ticked_criteria'] or []) if formed else [],
                'just': basis['excellence_justification'] if formed else '',
                'proposed': basis['proposed_grade'] if formed else None,
                'explanation': basis['proposal_explanation'] if formed else '',
                'final': basis['final_grade'] if formed else None,
                'override': basis['override_reason'] if formed else '',
                'submitted_at': basis['submitted_at'] if formed else None,
                'file_no': f"{review_code}〔{year}〕{basis['id']}号", 'year': year, 'serial': basis['id'],
                'size': len(members), 'now': now, 'by': basis['created_by_id'],
            },
        )
        opinion_id = result.scalar_one()
        ids = [m['id'] for m in members]
        bind.execute(sa.text("UPDATE reviews SET file_id = :f WHERE id IN (%s)" % ','.join(map(str, ids))), {'f': opinion_id})
        bind.execute(
            sa.text("UPDATE notice_cases SET review_id = :f WHERE review_id IN (%s)" % ','.join(map(str, ids))),
            {'f': opinion_id},
        )
        bind.execute(
            sa.text(
                "INSERT INTO review_events (uid, review_id, at, actor_id, kind, from_status, to_status, reason)"
                " VALUES (:uid, :r, :at, NULL, 'open', NULL, :s, :why)"
            ),
            {'uid': str(uuid.uuid4()), 'r': opinion_id, 'at': now, 's': status,
             'why': 'formed on upgrade from the reviews already stored'},
        )
        if formed and source is not None:
            _copy_findings(bind, source['id'], opinion_id, now)
    for year, serial in top_serial.items():
        bind.execute(
            sa.text("INSERT INTO document_serials (issuer_code, year, last_serial) VALUES (:k, :y, :n)"),
            {'k': FILE_SERIAL_KEY, 'y': year, 'n': serial},
        )


def _copy_findings(bind: sa.Connection, source_id: int, opinion_id: int, now: datetime) -> None:
    rows = bind.execute(
        sa.text(
            "SELECT id, item_code, severity, deduction, reason, phrase, source_check, created_by_id FROM findings"
            " WHERE review_id = :r AND deleted_at IS NULL ORDER BY id"
        ),
        {'r': source_id},
    ).mappings().all()
    for f in rows:
        new_id = bind.execute(
            sa.text(
                "INSERT INTO findings (uid, review_id, item_code, severity, deduction, reason, phrase, source_check,"
                " origin, origin_reason, created_at, updated_at, created_by_id, updated_by_id)"
                " VALUES (:uid, :r, :code, :sev, :ded, :reason, :phrase, :src, 'agreed', '', :now, :now, :by, :by)"
                " RETURNING id"
            ),
            {'uid': str(uuid.uuid4()), 'r': opinion_id, 'code': f['item_code'], 'sev': f['severity'],
             'ded': f['deduction'], 'reason': f['reason'], 'phrase': f['phrase'], 'src': f['source_check'],
             'now': now, 'by': f['created_by_id']},
        ).scalar_one()
        bind.execute(
            sa.text(
                "INSERT INTO finding_evidence (finding_id, document_id, page) SELECT :n, document_id, page"
                " FROM finding_evidence WHERE finding_id = :o AND deleted_at IS NULL ORDER BY id"
            ),
            {'n': new_id, 'o': f['id']},
        )


def _json_text(value: object) -> str:
    import json

    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            return value
        return loaded if isinstance(loaded, str) else ''
    return value if isinstance(value, str) else ''


def downgrade() -> None:
    raise NotImplementedError("0009 is not reversible: restore the backup taken before the upgrade")
