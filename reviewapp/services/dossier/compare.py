"""Running the comparison rules on stored cases and keeping their results, like the pre-screening.

    compare_cases(wb, case_ids=None, *, progress=None, cancel=None) -> CompareSummary
    dossier_results(wb, case_id) -> list[DossierCheckResult rows as StoredDossierResult]

Each case's results are replaced in one go (violations, warnings and not-checkable results; passed rules are
not stored). Chunks of cases are stored by their own "dossier.compare" operation, so a cancel keeps the
chunks already stored. The rules read the page text stored by the scan (services/dossier/scan.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select

from reviewapp.checks.results import Status
from reviewapp.domain.roles import Action
from reviewapp.dossier.rules import DOSSIER_RULES, DOSSIER_RULES_BY_ID, compare
from reviewapp.i18n import translate
from reviewapp.services.cases.cards import all_case_ids, load_cards
from reviewapp.services.changes import Kind
from reviewapp.services.dossier.text import case_dossier
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, DossierCheckResult
from reviewapp.storage.models.base import utcnow

CHUNK = 200
STORED = (Status.VIOLATION.value, Status.WARNING.value, Status.NOT_CHECKABLE.value)


@dataclass
class CompareSummary:
    cases_total: int
    cases_compared: int = 0
    cancelled: bool = False
    by_rule: dict[str, dict[str, int]] = field(default_factory=dict)  # rule → status → count (passed included)

    def count(self, rule_id: str, status: Status) -> int:
        return self.by_rule.get(rule_id, {}).get(status.value, 0)

    def message(self) -> str:
        violations = sum(v.get(Status.VIOLATION.value, 0) for v in self.by_rule.values())
        unchecked = sum(v.get(Status.NOT_CHECKABLE.value, 0) for v in self.by_rule.values())
        return translate(
            "DossierCompare",
            "{cases} cases compared with their documents: {violations} disagreements, {unchecked} not checkable.",
        ).format(cases=self.cases_compared, violations=violations, unchecked=unchecked)

    def to_json(self) -> dict[str, Any]:
        return {"cases_total": self.cases_total, "cases_compared": self.cases_compared,
                "cancelled": self.cancelled, "by_rule": self.by_rule}  # fmt: skip


@dataclass(frozen=True)
class StoredDossierResult:
    case_id: int
    rule_id: str
    title: str
    basis: str
    item_code: str
    severity: str
    status: str
    explanation: str
    facts: dict[str, Any]
    computed_at: dt.datetime


@mutation("dossier.compare", Action.RUN_CHECKS)
def _store(o: Op, case_ids: list[int], rows: list[dict[str, Any]]) -> None:
    s = o.session
    for unit_id in set(s.scalars(select(Case.unit_id).where(Case.id.in_(case_ids)).distinct())):
        o.require(Action.RUN_CHECKS, unit_id=unit_id)
    s.execute(delete(DossierCheckResult).where(DossierCheckResult.case_id.in_(case_ids)))
    now = utcnow()
    if rows:
        s.execute(insert(DossierCheckResult), [dict(r, computed_at=now) for r in rows])
    o.touch(Kind.CHECK_RESULT, *case_ids)
    o.audit("dossier_check_results", case_id=case_ids[0] if len(case_ids) == 1 else None, cases=len(case_ids),
            results=len(rows))  # fmt: skip


def _scope(wb: Workbench, ids: list[int]) -> list[int]:
    with wb.db.session() as s:
        units = dict(s.execute(select(Case.id, Case.unit_id)).all())
    allowed: dict[int, bool] = {}
    out = []
    for cid in ids:
        unit = units.get(cid)
        if unit is None:
            continue
        if unit not in allowed:
            allowed[unit] = wb.permissions.allows(wb.user, Action.RUN_CHECKS, unit_id=unit)
        if allowed[unit]:
            out.append(cid)
    return out


def compare_cases(
    wb: Workbench,
    case_ids: Sequence[int] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> CompareSummary:
    """Compare every case's card with its documents and the documents with each other; store the results."""
    wb.permissions.require_any(wb.user, Action.RUN_CHECKS)
    ids = _scope(wb, all_case_ids(wb) if case_ids is None else list(dict.fromkeys(case_ids)))
    summary = CompareSummary(cases_total=len(ids))
    for start in range(0, len(ids), CHUNK):
        if cancel is not None and cancel():
            summary.cancelled = True
            break
        chunk = ids[start : start + CHUNK]
        rows: list[dict[str, Any]] = []
        for stored in load_cards(wb, chunk):
            for r in compare(stored.card, case_dossier(wb, stored.case_id)):
                per = summary.by_rule.setdefault(r.rule_id, {})
                per[r.status.value] = per.get(r.status.value, 0) + 1
                if r.status.value in STORED:
                    rows.append({"case_id": stored.case_id, "rule_id": r.rule_id, "item_code": r.item_code,
                                 "severity": r.severity, "status": r.status.value, "explanation": r.explanation,
                                 "facts": r.facts, "missing_fields": list(r.missing_fields),
                                 "card_hash": stored.card_hash})  # fmt: skip
        _store(wb, chunk, rows)
        summary.cases_compared += len(chunk)
        if progress is not None:
            progress(summary.cases_compared, summary.cases_total)
    return summary


def dossier_results(wb: Workbench, case_id: int, statuses: Sequence[str] = STORED) -> list[StoredDossierResult]:
    order = {spec.rule_id: i for i, spec in enumerate(DOSSIER_RULES)}
    with wb.db.session() as s:
        rows = list(
            s.scalars(
                select(DossierCheckResult).where(
                    DossierCheckResult.case_id == case_id, DossierCheckResult.status.in_(list(statuses))
                )
            )
        )
    rows.sort(key=lambda r: (order.get(r.rule_id, len(order)), r.id))
    out = []
    for r in rows:
        spec = DOSSIER_RULES_BY_ID.get(r.rule_id)
        out.append(
            StoredDossierResult(
                r.case_id, r.rule_id, translate("DossierRules", spec.title) if spec else r.rule_id,
                spec.basis if spec else "", r.item_code, r.severity, r.status, r.explanation, dict(r.facts or {}),
                r.computed_at,
            )
        )  # fmt: skip
    return out
