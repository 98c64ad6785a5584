"""Reviews (评查) of cases against a pinned standard version, their findings and their history.

A **member** review is one reviewer's review of one case; several reviewers may review the same case (a
panel), so the unique key is (case, reviewer, round, kind). The **opinion** (kind ``opinion``) is the review
file of the case (评查卷): it carries the 评查受案号 from the moment the first member review opens, the
panel's reconciled findings, the feedback, the determination and its signature (domain.review_status).
Member reviews point at their opinion through ``file_id``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base, Travelling, new_uid, utcnow


class StandardVersion(Attributed, Base):
    """A stored copy of a review standard (评查标准): a review stays pinned to the version it started with."""

    __tablename__ = "standard_versions"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_standard_versions_code_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)


class Review(Travelling, Attributed, Base):
    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("case_id", "reviewer_id", "round", "kind", name="uq_reviews_case_reviewer_round"),
        # The statistics' covering indexes (migration 0010, services/analysis/filters.py).
        Index(
            "ix_reviews_stats",
            "kind",
            "submitted_at",
            "status",
            "case_id",
            "round",
            "deleted_at",
            "standard_id",
            "scheme_id",
            "final_grade",
            "proposed_grade",
            "review_type",
            "plan_id",
            "reviewer_id",
        ),
        Index("ix_reviews_case_round", "case_id", "kind", "round", "status", "deleted_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="member", index=True)  # domain.review_status.ReviewKind
    # A member review's opinion (review file); None on the opinion itself.
    file_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="RESTRICT"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    round: Mapped[int] = mapped_column(Integer, default=1)
    review_type: Mapped[str] = mapped_column(String(50), default="常规抽查")
    standard_id: Mapped[int] = mapped_column(ForeignKey("standard_versions.id", ondelete="RESTRICT"))
    scheme_id: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(30), default="draft", index=True)  # domain.review_status
    ticked_criteria: Mapped[list[str]] = mapped_column(JSON, default=list)
    excellence_justification: Mapped[str] = mapped_column(Text, default="")
    proposed_grade: Mapped[str | None] = mapped_column(String(30))
    proposal_explanation: Mapped[str] = mapped_column(Text, default="")
    final_grade: Mapped[str | None] = mapped_column(String(30))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    determined_on: Mapped[datetime | None] = mapped_column(DateTime)
    # --- the opinion (review file) only ---
    file_no: Mapped[str | None] = mapped_column(String(100), index=True)  # 评查受案号
    file_year: Mapped[int | None] = mapped_column(Integer)
    file_serial: Mapped[int | None] = mapped_column(Integer)
    panel_size: Mapped[int] = mapped_column(Integer, default=1)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    feedback_sent_on: Mapped[date | None] = mapped_column(Date)
    feedback_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    feedback_outcome: Mapped[str | None] = mapped_column(String(30))  # accepted | objected | no_feedback
    feedback_closed_on: Mapped[date | None] = mapped_column(Date)
    determined_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    determination_body: Mapped[str | None] = mapped_column(String(20))  # 分管副检察长 | 检察长 | 检察委员会
    committee_meeting_on: Mapped[date | None] = mapped_column(Date)
    committee_decision: Mapped[str] = mapped_column(Text, default="")
    opinion_sha256: Mapped[str] = mapped_column(String(64), default="")  # signature of the determined opinion
    # The panel lead's decision per disagreed item: {item code: {"severity": str | None, "reason": str,
    # "by": account id, "at": iso time}}; severity None means "no problem" (nothing in the opinion).
    reconciliation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Finding(Travelling, Attributed, Base):
    """One checklist item found deficient: severity, deduction and a mandatory reason."""

    __tablename__ = "findings"
    # Live findings of a review file by item, counted from the index alone (migration 0010); with their
    # severity and origin for reviewer calibration, read from the index alone as well (migration 0015).
    __table_args__ = (
        Index("ix_findings_review_live", "review_id", "deleted_at", "item_code"),
        Index("ix_findings_review_levels", "review_id", "deleted_at", "item_code", "severity", "origin"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(30))
    deduction: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text, default="")
    phrase: Mapped[str | None] = mapped_column(Text)
    source_check: Mapped[str | None] = mapped_column(String(50))  # rule id when accepted from a suggestion
    # Opinion findings: how the panel came to it, and the version it revises (an upheld objection keeps the
    # old finding tombstoned and visible, linked from the new one).
    origin: Mapped[str] = mapped_column(String(20), default="")  # "" (member) | agreed | reconciled | revised
    origin_reason: Mapped[str] = mapped_column(Text, default="")  # the panel lead's reason / the ruling
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id", ondelete="SET NULL"))


class FindingEvidence(Base):
    """Where in the dossier a finding is shown: document and page. Part of its finding's value: replaced
    evidence is tombstoned with it, never deleted."""

    __tablename__ = "finding_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("dossier_documents.id", ondelete="RESTRICT"))
    page: Mapped[int] = mapped_column(Integer)


class ReviewEvent(Base):
    """A review state transition (submit, reopen with its reason, grade override …), who and when."""

    __tablename__ = "review_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str | None] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text, default="")
