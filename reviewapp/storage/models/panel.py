"""The process after scoring, around one opinion (review file): the members' dissents, the joint meeting
(联席会议), the handling prosecutor's answer per finding with the ruling on each objection, and the
rectification of each notice (review-rules.md §1 steps 7–12, §6).

Attachments are kept in the content-addressed file store (the dossier store) and listed as
``[{"name": original name, "stored_path": …, "sha256": …}]``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base, Travelling


class Dissent(Travelling, Attributed, Base):
    """A panel member's dissent from the reconciled opinion (kept and printed in the report)."""

    __tablename__ = "dissents"
    id: Mapped[int] = mapped_column(primary_key=True)
    opinion_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="RESTRICT"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    item_code: Mapped[str | None] = mapped_column(String(20))  # None: dissent from the opinion as a whole
    text: Mapped[str] = mapped_column(Text)


class JointMeeting(Travelling, Attributed, Base):
    """The panel's joint meeting (联席会议): advisory; date, attendees, minutes, attachments."""

    __tablename__ = "joint_meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    opinion_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="RESTRICT"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    attendees: Mapped[list[str]] = mapped_column(JSON, default=list)
    minutes: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class FeedbackAnswer(Travelling, Attributed, Base):
    """The handling prosecutor's answer to one finding of the opinion (听取意见), and the ruling on it when it
    is an objection (异议): upheld → the finding is revised; rejected → with reasons, to the 检察长."""

    __tablename__ = "feedback_answers"
    id: Mapped[int] = mapped_column(primary_key=True)
    opinion_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="RESTRICT"), index=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="RESTRICT"), index=True)
    answer: Mapped[str] = mapped_column(String(10))  # accept | object
    reason: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    answered_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(10), default="app")  # app | form
    ruling: Mapped[str | None] = mapped_column(String(10))  # upheld | rejected
    ruling_reason: Mapped[str] = mapped_column(Text, default="")
    ruled_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    ruled_at: Mapped[datetime | None] = mapped_column(DateTime)
    revised_finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id", ondelete="SET NULL"))


class Rectification(Travelling, Attributed, Base):
    """The rectification (整改) of one notice: 待整改 → 整改中 (report received) → 已整改 (re-check passed), or
    逾期 when the deadline passed without a reply (domain.rectification)."""

    __tablename__ = "rectifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="RESTRICT"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    report_received_on: Mapped[date | None] = mapped_column(Date)
    report_text: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    overdue_on: Mapped[date | None] = mapped_column(Date)
    rechecked_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    rechecked_on: Mapped[date | None] = mapped_column(Date)
    recheck_passed: Mapped[bool | None] = mapped_column(Boolean)
    recheck_note: Mapped[str] = mapped_column(Text, default="")
