"""Review plans (评查方案), the cases they select, reviewer assignments and declared conflicts (回避).

All of these travel between workstations (uid + tombstone): a plan made at the city procuratorate is carried
to the units that review it. Removing a case from a plan or replacing a reviewer sets ``deleted_at`` (the row
and its reason stay visible in the plan's history).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base, Travelling


class Plan(Travelling, Attributed, Base):
    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    plan_type: Mapped[str] = mapped_column(String(20))  # domain.plans.PlanType
    mode: Mapped[str] = mapped_column(String(20))  # domain.plans.PlanMode
    state: Mapped[str] = mapped_column(String(20), default="draft")  # domain.plans.PlanState
    standard_id: Mapped[int] = mapped_column(ForeignKey("standard_versions.id", ondelete="RESTRICT"))
    # Scope: empty lists mean "any". Units are ids; business lines and case types are the card's words.
    unit_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    business_lines: Mapped[list[str]] = mapped_column(JSON, default=list)
    case_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    closed_from: Mapped[date | None] = mapped_column(Date)
    closed_to: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    reviewers_per_case: Mapped[int] = mapped_column(Integer, default=1)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    # Selection rule: quota for sampling, triggers for key cases, a saved filter for thematic plans.
    rule: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    seed: Mapped[int | None] = mapped_column(Integer)  # the seed of the committed selection, shown
    assign_seed: Mapped[int | None] = mapped_column(Integer)


class PlanCase(Travelling, Attributed, Base):
    __tablename__ = "plan_cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    method: Mapped[str] = mapped_column(String(20))  # domain.plans.Method
    reason: Mapped[str] = mapped_column(Text, default="")  # what fired, in words
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the card data that fired it
    removed_reason: Mapped[str] = mapped_column(Text, default="")  # with deleted_at, when removed by hand


class Assignment(Travelling, Attributed, Base):
    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_case_id: Mapped[int] = mapped_column(ForeignKey("plan_cases.id", ondelete="RESTRICT"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="assigned")  # domain.plans.AssignmentStatus
    reason: Mapped[str] = mapped_column(Text, default="")  # why assigned by hand / replaced


class ConflictDeclaration(Travelling, Attributed, Base):
    """A reviewer's declared conflict with a case (回避申请); dismissed by an administrator with a reason."""

    __tablename__ = "conflict_declarations"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    dismissed_reason: Mapped[str] = mapped_column(Text, default="")
    dismissed_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
