"""Suggested findings: a case's pre-screening results offered to its reviewer, who accepts or dismisses them.

    suggestions(wb, review_id) -> list[Suggestion]                  a read: the review's reader only
    accept_suggestion(wb, review_id, rule_id) -> ReviewState        becomes a finding (reason = explanation,
                                                                     source_check = rule id) + a CheckDecision
    dismiss_suggestion(wb, review_id, rule_id, reason) -> None      reason mandatory; recorded

The machine proposes, a person decides. Every decision is kept and shown to later reviewers of the same case
and rule, whoever made it. Accepting and dismissing are edits of the review by its own reviewer, each one
undo step (reviews/undo.py): undoing an accept restores the finding as it was and tombstones the decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from reviewapp.checks import RULES, RULES_BY_ID, Status
from reviewapp.checks.results import SUGGESTED
from reviewapp.domain.roles import Action
from reviewapp.dossier.rules import is_dossier_rule
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.panel.blind import blind_member_ids
from reviewapp.services.reviews.guard import (
    ReviewError,
    case_of,
    load_review,
    refuse_submitted,
    require_read,
    require_scorer,
)
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import ReviewState, after_change
from reviewapp.services.reviews.undo import EditImages
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.standards import Standard
from reviewapp.standards.model import SEVERITIES
from reviewapp.storage.models import Account, Case, CheckDecision, CheckResult, Finding, Person, Review
from reviewapp.storage.models.base import new_uid

ACCEPTED = "accepted"
DISMISSED = "dismissed"


@dataclass(frozen=True)
class EarlierDecision:
    """A decision on the same case and rule, by this or another reviewer."""

    review_id: int | None
    reviewer: str  # who reviewed (the review's reviewer), or the actor when the review is gone
    actor: str
    decision: str  # accepted | dismissed
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class Suggestion:
    rule_id: str
    title: str  # translated rule title
    basis: str  # legal basis, e.g. "CPL art. 172; 规则 art. 351"
    status: str  # violation | warning
    item_code: str
    item_text: str  # the checklist item of the review's standard ("" when the standard lacks it)
    severity: str  # proposed severity, one the item allows
    explanation: str  # the computation: dates used, limit, days over, holidays skipped
    facts: tuple[dict[str, Any], ...]
    acceptable: bool  # False when the review's standard has no such item for this case type
    problem: str  # why it cannot be accepted (translated), else ""
    decision: str | None  # this review's latest decision: accepted | dismissed | None (open)
    finding_id: int | None  # the finding it became in this review
    earlier: tuple[EarlierDecision, ...]  # decisions of other reviews on the same case and rule


def _refresh(wb: Workbench, case_id: int) -> None:
    """Recheck the case first when its card changed since its results were stored (or it was never checked)
    — when the user may run the pre-screening there; otherwise the stored results are shown as they are."""
    from reviewapp.services.checks.run import run_checks

    with wb.db.session() as s:
        unit_id = s.scalar(select(Case.unit_id).where(Case.id == case_id))
        current = s.scalar(
            select(CheckResult.id)
            .join(Case, Case.id == CheckResult.case_id)
            .where(CheckResult.case_id == case_id, CheckResult.card_hash == Case.card_hash)
            .limit(1)
        )
    if current is None and wb.permissions.allows(wb.user, Action.RUN_CHECKS, unit_id=unit_id):
        run_checks(wb, [case_id], workers=1)


def _pick_severity(proposed: str, allowed: tuple[str, ...]) -> str:
    """The rule's severity if the item allows it, else the allowed one nearest to it (never silently none)."""
    if proposed in allowed or not allowed:
        return proposed
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    want = rank.get(proposed, 0)
    return min(allowed, key=lambda s: (abs(rank.get(s, 0) - want), -rank.get(s, 0)))


def _item(standard: Standard, case_type: str, code: str) -> tuple[str, tuple[str, ...], str]:
    """(item text, allowed severities, problem) of a checklist item for this case type."""
    try:
        item = standard.item(code)
    except KeyError:
        return (
            "",
            (),
            translate("Suggestions", "Item {code} is not in standard {standard}.").format(
                code=code, standard=standard.code
            ),
        )
    if case_type not in item.case_types:
        return (
            item.text,
            item.severities,
            translate("Suggestions", "Item {code} does not apply to {case_type} cases.").format(
                code=code, case_type=case_type
            ),
        )
    return item.text, item.severities, ""


def _grouped(s: Session, case_id: int) -> dict[str, list[CheckResult]]:
    rows = s.scalars(
        select(CheckResult)
        .where(CheckResult.case_id == case_id, CheckResult.status.in_(SUGGESTED))
        .order_by(CheckResult.id)
    )
    out: dict[str, list[CheckResult]] = {}
    for r in rows:
        out.setdefault(r.rule_id, []).append(r)
    return out


def _lead(results: list[CheckResult]) -> CheckResult:
    """The result that speaks for a rule: a violation before a warning, the graver severity first."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return min(results, key=lambda r: (r.status != Status.VIOLATION.value, -rank.get(r.severity, 0), r.id))


def _decisions(s: Session, case_id: int) -> list[tuple[CheckDecision, str, str]]:
    """The case's live decisions with who reviewed (the review's reviewer) and who decided (the account's
    person); undone decisions are tombstoned and not decisions any more."""
    reviewer = aliased(Person)
    actor = aliased(Person)
    rows = s.execute(
        select(CheckDecision, reviewer.name, actor.name)
        .outerjoin(Review, Review.id == CheckDecision.review_id)
        .outerjoin(reviewer, reviewer.id == Review.reviewer_id)
        .outerjoin(Account, Account.id == CheckDecision.actor_id)
        .outerjoin(actor, actor.id == Account.person_id)
        .where(CheckDecision.case_id == case_id, CheckDecision.deleted_at.is_(None))
        .order_by(CheckDecision.at, CheckDecision.id)
    )
    return [(d, who or by or "", by or "") for d, who, by in rows]


def suggestions(wb: Workbench, review_id: int) -> list[Suggestion]:
    """The case's violations and warnings as proposed findings of the review, in rule order."""
    with wb.db.session() as s:
        review = load_review(s, review_id)
        require_read(wb, s, review)
        case_id = review.case_id
    _refresh(wb, case_id)
    with wb.db.session() as s:
        review = load_review(s, review_id)
        case = case_of(s, review)
        standard = standard_in(s, review.standard_id)
        grouped = _grouped(s, case.id)
        # Another member's decisions stay hidden while the panel scores blind (panel.blind).
        hidden = blind_member_ids(s, wb.user, {case.id})
        decisions = [row for row in _decisions(s, case.id) if row[0].review_id not in hidden]
        findings = {
            f.source_check: f.id
            for f in s.scalars(
                select(Finding).where(
                    Finding.review_id == review.id, Finding.source_check.isnot(None), Finding.deleted_at.is_(None)
                )
            )
        }
        out: list[Suggestion] = []
        for spec in RULES:
            results = grouped.get(spec.rule_id)
            if results:
                title = translate("CheckRules", spec.title)
                out.append(suggestion_of(spec.rule_id, title, spec.basis, results, _lead(results), standard, case,
                                         review.id, decisions, findings))  # fmt: skip
        # The comparison rules' disagreements with the dossier (services/dossier/suggest.py) follow.
        from reviewapp.services.dossier.suggest import dossier_suggestions_in

        return out + dossier_suggestions_in(s, review, case, standard, decisions, findings)


def suggestion_of(
    rule_id: str,
    title: str,
    basis: str,
    results: list[Any],
    lead: Any,
    standard: Standard,
    case: Case,
    review_id: int,
    decisions: list[tuple[CheckDecision, str, str]],
    findings: dict[str | None, int],
) -> Suggestion:
    """One rule's results on the case as the suggestion a review sees: the pre-screening's rules and the
    dossier comparison rules (services/dossier/suggest.py) alike — ``lead`` is the result whose item and
    severity are proposed, ``decisions`` every review's accept/dismiss on the case with who and by whom."""
    text, allowed, problem = _item(standard, case.case_type, lead.item_code)
    mine = [d for d, _, _ in decisions if d.rule_id == rule_id and d.review_id == review_id]
    earlier = tuple(
        EarlierDecision(d.review_id, who, by, d.decision, d.reason, d.at)
        for d, who, by in decisions
        if d.rule_id == rule_id and d.review_id != review_id
    )
    return Suggestion(
        rule_id=rule_id,
        title=title,
        basis=basis,
        status=lead.status,
        item_code=lead.item_code,
        item_text=text,
        severity=_pick_severity(lead.severity, allowed),
        explanation=_explanation(results),
        facts=tuple(dict(r.facts or {}) for r in results),
        acceptable=not problem,
        problem=problem,
        decision=mine[-1].decision if mine else None,
        finding_id=findings.get(rule_id),
        earlier=earlier,
    )


def _explanation(results: list[CheckResult]) -> str:
    texts = list(dict.fromkeys(r.explanation for r in results))
    return texts[0] if len(texts) == 1 else "\n".join(texts)


def _suggested(s: Session, review: Review, case: Case, rule_id: str) -> list[CheckResult]:
    if rule_id not in RULES_BY_ID:
        raise ReviewError(translate("Suggestions", "Unknown check {rule}.").format(rule=rule_id))
    results = _grouped(s, case.id).get(rule_id)
    if not results:
        raise ReviewError(
            translate("Suggestions", "Check {rule} found nothing in case {case}.").format(
                rule=rule_id, case=case.dept_case_no
            )
        )
    return results


def _decide(o: Op, review: Review, images: EditImages, rule_id: str, decision: str, **fields: Any) -> CheckDecision:
    row = CheckDecision(
        uid=new_uid(),
        case_id=review.case_id,
        rule_id=rule_id,
        review_id=review.id,
        decision=decision,
        actor_id=o.user.account_id,
        **fields,
    )
    images.new_decision(row.uid)
    o.session.add(row)
    o.session.flush()
    o.touch(Kind.SUGGESTION, row.id)
    o.open_checks_changed(review.case_id)
    return row


@mutation("suggestion.accept", Action.SCORE)
def accept_suggestion(o: Op, review_id: int, rule_id: str) -> ReviewState:
    """Record the suggestion as a finding (its explanation as the reason) and the decision, in one
    transaction and one undo step. Accepting again updates the same finding."""
    from reviewapp.services.reviews.findings import record_in

    if is_dossier_rule(rule_id):  # its finding also gets the quoted pages as evidence
        from reviewapp.services.dossier.suggest import accept_dossier_in

        return accept_dossier_in(o, review_id, rule_id)
    s = o.session
    review = load_review(s, review_id)
    require_scorer(o, review)
    refuse_submitted(review)
    case = case_of(s, review)
    results = _suggested(s, review, case, rule_id)
    lead = _lead(results)
    standard = standard_in(s, review.standard_id)
    _text, allowed, problem = _item(standard, case.case_type, lead.item_code)
    if problem:
        raise ReviewError(problem)
    images = EditImages(o, review)
    finding, created = record_in(
        o,
        review,
        lead.item_code,
        _pick_severity(lead.severity, allowed),
        _explanation(results),
        source_check=rule_id,
        images=images,
    )
    decision = _decide(o, review, images, rule_id, ACCEPTED, finding_id=finding.id, reason="")
    state = after_change(o, review)
    images.declare(translate("ReviewUndo", "accept suggestion {rule}").format(rule=rule_id))
    o.audit(
        "suggestion", decision.id, case_id=case.id, review_id=review.id,
        changes={"decision": [None, ACCEPTED]}, rule=rule_id, finding=finding.id, item=lead.item_code,
        new_finding=created,
    )  # fmt: skip
    return state


@mutation("suggestion.dismiss", Action.SCORE)
def dismiss_suggestion(o: Op, review_id: int, rule_id: str, reason: str) -> None:
    """Dismiss a suggestion; the reason is mandatory and kept for later reviewers of the case."""
    s = o.session
    review = load_review(s, review_id)
    require_scorer(o, review)
    refuse_submitted(review)
    if not reason.strip():
        raise ReviewError(translate("Suggestions", "Write why the suggestion is dismissed."))
    case = case_of(s, review)
    if is_dossier_rule(rule_id):
        from reviewapp.services.dossier.suggest import dossier_suggested

        dossier_suggested(s, case, rule_id)
    else:
        _suggested(s, review, case, rule_id)
    images = EditImages(o, review)
    decision = _decide(o, review, images, rule_id, DISMISSED, finding_id=None, reason=reason.strip())
    o.touch(Kind.REVIEW, review.id)
    images.declare(translate("ReviewUndo", "dismiss suggestion {rule}").format(rule=rule_id))
    o.audit(
        "suggestion", decision.id, case_id=case.id, review_id=review.id,
        changes={"decision": [None, DISMISSED]}, rule=rule_id, reason=reason.strip(),
    )  # fmt: skip
