"""Each case's count of unanswered pre-screening suggestions (``case_open_checks``), kept by the write path.

A suggestion is open while the case has a violation or warning of a rule and no live decision (accepted or
dismissed) on that rule. Whatever changes a case's results or decisions names the case with
``Op.open_checks_changed``; the operation recounts those cases at its end, inside its transaction, so the
count is exactly as current as the rows it counts (a crash loses both or neither). Every such operation holds
the write lock alone (``Op.open_checks_changed`` asks for it), so two recounts of one case never interleave
on PostgreSQL either.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, delete, exists, func, insert, not_, select
from sqlalchemy.orm import Session

from reviewapp.checks.results import SUGGESTED
from reviewapp.storage.models import CaseOpenChecks, CheckDecision, CheckResult

_CHUNK = 500  # ids per statement (SQLite's bound-parameter limit is far above; the plans stay index look-ups)


def open_results() -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """The conditions on CheckResult of a suggestion still open."""
    decided = exists().where(
        CheckDecision.case_id == CheckResult.case_id,
        CheckDecision.rule_id == CheckResult.rule_id,
        CheckDecision.deleted_at.is_(None),
    )
    return CheckResult.status.in_(SUGGESTED), not_(decided)


def recount(session: Session, case_ids: Iterable[int]) -> None:
    """Replace the stored counts of ``case_ids`` by counting their results and decisions now."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        session.execute(delete(CaseOpenChecks).where(CaseOpenChecks.case_id.in_(part)))
        session.execute(insert(CaseOpenChecks).from_select(["case_id", "n"], _counted(CheckResult.case_id.in_(part))))


def stored_counts(session: Session) -> dict[int, int]:
    """Every stored count (case id → open suggestions), for checks of the stored against the definition."""
    return {int(c): int(n) for c, n in session.execute(select(CaseOpenChecks.case_id, CaseOpenChecks.n))}


def counted_now(session: Session) -> dict[int, int]:
    """The same counts computed from the results and decisions as they are."""
    return {int(c): int(n) for c, n in session.execute(_counted())}


def _counted(*where: ColumnElement[bool]) -> Select[int, int]:
    """Open suggestions per case (of the cases ``where`` selects)."""
    counted = select(CheckResult.case_id, func.count(CheckResult.id)).where(*where, *open_results())
    return counted.group_by(CheckResult.case_id)
