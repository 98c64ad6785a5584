"""Rectification notices (整改通知书): numbers without gaps per issuer and year, versions, covered cases."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base, Travelling, utcnow


class DocumentSerial(Base):
    """The last serial used per issuer code and year: "<机关代字>〔<year>〕<n>号" counts without gaps."""

    __tablename__ = "document_serials"
    issuer_code: Mapped[str] = mapped_column(String(50), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_serial: Mapped[int] = mapped_column(Integer, default=0)


class Notice(Attributed, Base):
    """One issued notice version. Re-issuing after a change adds a version with the same number."""

    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("issuer_code", "year", "serial", "version", name="uq_notices_number_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    issuer_code: Mapped[str] = mapped_column(String(50))
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    number: Mapped[str] = mapped_column(String(100), index=True)  # the printed document number
    addressee_kind: Mapped[str] = mapped_column(String(20))  # case | prosecutor | department
    addressee: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date] = mapped_column(Date)
    reply_deadline: Mapped[date] = mapped_column(Date, index=True)
    # issued | replied | withdrawn | superseded (its determination was voided by reopening the review)
    status: Mapped[str] = mapped_column(String(20), default="issued", index=True)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id", ondelete="SET NULL"))
    file_path: Mapped[str] = mapped_column(String(1000), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    replied_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # The audit chain head when the notice was issued, printed in its footer: a rewritten chain no longer
    # matches the paper.
    audit_seq: Mapped[int | None] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64), default="")


class NoticeCase(Base):
    __tablename__ = "notice_cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))


class CheckResult(Base):
    """An automatic pre-screening result for a case (violations, warnings, not-checkable), recomputed when
    the card changes (card_hash records which card data it was computed from)."""

    __tablename__ = "check_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(50), index=True)
    item_code: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), index=True)
    explanation: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    missing_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    card_hash: Mapped[str] = mapped_column(String(64))
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseOpenChecks(Base):
    """How many of a case's pre-screening suggestions (violations, warnings) nobody has answered yet, for the
    cases that have any: kept by the write path whenever results or decisions change
    (services/checks/open_checks.py), so the case list sorts and filters by it through an index instead of
    counting every result per key press."""

    __tablename__ = "case_open_checks"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_case_open_checks_n", "n", "case_id"),)


class CheckDecision(Travelling, Base):
    """A reviewer's answer to a suggested finding: accepted (became a finding) or dismissed with a reason.
    Kept across recomputation and shown to later reviewers."""

    __tablename__ = "check_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(50))
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id", ondelete="SET NULL"))
    decision: Mapped[str] = mapped_column(String(20))  # accepted | dismissed
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
