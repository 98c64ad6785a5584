"""Self-check forms before archiving (每案必检 检查, review-rules.md §1): the handling prosecutor's 个人自查表
and the department's 部门核查表 of one case.

A form stores its own copy of the items it asks (code, dimension, text, and the answer, note and automatic
pre-fill of each): the subset is fixed when the form is made, so a later standard or setting change never
alters a form already given out. Forms travel between workstations (uid + tombstone).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base, Travelling


class SelfCheck(Travelling, Attributed, Base):
    __tablename__ = "self_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # domain.selfcheck.FormKind: 个人自查 | 部门核查
    standard_id: Mapped[int] = mapped_column(ForeignKey("standard_versions.id", ondelete="RESTRICT"))
    # [{code, dimension, text, answer (是/否/不适用/""), note, auto (bool), rules [rule ids]}], in standard order
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | submitted
    filled_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    filled_at: Mapped[datetime | None] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
