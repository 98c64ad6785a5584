"""Gold cases (标准案例) for reviewer training and calibration.

A gold case is a reviewed case whose formed opinion is kept as the reference: a reviewer scores it again
for practice, as a **training** review (``reviews.kind = 'training'``, no review file), and their result is
compared with the reference item by item. Training reviews never form or join an opinion, so they never
reach the ledger, statistics, appraisal, notices or the case's review file, which all read opinions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base, Travelling, utcnow


class GoldCase(Travelling, Attributed, Base):
    """A case marked as a gold case, with the reference it is compared against.

    ``reference`` is a copy of the reference opinion taken when the case was marked, so a later change of
    the opinion (an upheld objection, a reopening) does not move the answers under the trainees:
    ``{"grade": str | None, "scheme": str, "standard_id": int, "findings": {item code: {"severity": str,
    "reason": str}}}``. At most one live (not tombstoned) row per case."""

    __tablename__ = "gold_cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    reference_review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="RESTRICT"))
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    marked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
