"""The comparison rules' results as suggested findings, beside the pre-screening's (services/checks/suggestions).

A suggestion from a comparison rule carries its quoted text in ``facts[i]['evidence']`` (document, page,
character offsets, quote); accepting it records the finding with those pages as its evidence, so the finding
opens on the page that shows the disagreement. Decisions, undo and earlier decisions work exactly as for the
pre-screening's suggestions (the same CheckDecision rows, keyed by rule id).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.checks.results import SUGGESTED, Status
from reviewapp.dossier.rules import DOSSIER_RULES, DOSSIER_RULES_BY_ID
from reviewapp.i18n import translate
from reviewapp.services.reviews.guard import ReviewError, case_of, load_review, refuse_submitted, require_scorer
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import ReviewState, after_change
from reviewapp.services.reviews.undo import EditImages
from reviewapp.services.write_path import Op
from reviewapp.standards import Standard
from reviewapp.standards.model import SEVERITIES
from reviewapp.storage.models import Case, CheckDecision, DossierCheckResult, Review


def _grouped(s: Session, case_id: int) -> dict[str, list[DossierCheckResult]]:
    out: dict[str, list[DossierCheckResult]] = {}
    rows = s.scalars(
        select(DossierCheckResult)
        .where(DossierCheckResult.case_id == case_id, DossierCheckResult.status.in_(SUGGESTED))
        .order_by(DossierCheckResult.id)
    )
    for r in rows:
        out.setdefault(r.rule_id, []).append(r)
    return out


def _lead(results: list[DossierCheckResult]) -> DossierCheckResult:
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return min(results, key=lambda r: (r.status != Status.VIOLATION.value, -rank.get(r.severity, 0), r.id))


def evidence_pages(results: list[DossierCheckResult]) -> list[tuple[int, int]]:
    """(document id, page) of every quote, each once, in the order the rules gave them."""
    pairs: list[tuple[int, int]] = []
    for r in results:
        for q in (r.facts or {}).get("evidence", []):
            pair = (int(q["document_id"]), int(q["page"]))
            if pair not in pairs:
                pairs.append(pair)
    return pairs


def dossier_suggestions_in(
    s: Session,
    review: Review,
    case: Case,
    standard: Standard,
    decisions: list[tuple[CheckDecision, str, str]],
    findings: dict[str | None, int],
) -> list[Any]:
    """The case's comparison-rule disagreements as Suggestions, in rule order (after the pre-screening's)."""
    from reviewapp.services.checks.suggestions import suggestion_of

    grouped = _grouped(s, case.id)
    out: list[Any] = []
    for spec in DOSSIER_RULES:
        results = grouped.get(spec.rule_id)
        if results:
            title = translate("DossierRules", spec.title)
            out.append(suggestion_of(spec.rule_id, title, spec.basis, results, _lead(results), standard, case,
                                     review.id, decisions, findings))  # fmt: skip
    return out


def dossier_suggested(s: Session, case: Case, rule_id: str) -> list[DossierCheckResult]:
    if rule_id not in DOSSIER_RULES_BY_ID:
        raise ReviewError(translate("Suggestions", "Unknown check {rule}.").format(rule=rule_id))
    results = _grouped(s, case.id).get(rule_id)
    if not results:
        raise ReviewError(
            translate("Suggestions", "Check {rule} found nothing in case {case}.").format(
                rule=rule_id, case=case.dept_case_no
            )
        )
    return results


def accept_dossier_in(o: Op, review_id: int, rule_id: str) -> ReviewState:
    """Inside "suggestion.accept": the finding, with the quoted pages as its evidence, and the decision."""
    from reviewapp.services.checks.suggestions import ACCEPTED, _decide, _explanation, _item, _pick_severity
    from reviewapp.services.reviews.findings import record_in

    s = o.session
    review = load_review(s, review_id)
    require_scorer(o, review)
    refuse_submitted(review)
    case = case_of(s, review)
    results = dossier_suggested(s, case, rule_id)
    lead = _lead(results)
    standard = standard_in(s, review.standard_id)
    _text, allowed, problem = _item(standard, case.case_type, lead.item_code)
    if problem:
        raise ReviewError(problem)
    images = EditImages(o, review)
    pages = evidence_pages(results)
    finding, created = record_in(
        o, review, lead.item_code, _pick_severity(lead.severity, allowed), _explanation(results),  # type: ignore[arg-type]
        evidence=pages, source_check=rule_id, images=images,
    )  # fmt: skip
    decision = _decide(o, review, images, rule_id, ACCEPTED, finding_id=finding.id, reason="")
    state = after_change(o, review)
    images.declare(translate("ReviewUndo", "accept suggestion {rule}").format(rule=rule_id))
    o.audit(
        "suggestion", decision.id, case_id=case.id, review_id=review.id,
        changes={"decision": [None, ACCEPTED]}, rule=rule_id, finding=finding.id, item=lead.item_code,
        new_finding=created, evidence=[list(p) for p in pages],
    )  # fmt: skip
    return state


def quoted_place(wb: Any, suggestion: Any) -> tuple[int, int, list[tuple[int, int, int, int]]] | None:
    """(document id, page, boxes) of a suggestion's first quote, for the viewer to highlight; None without."""
    from reviewapp.services.dossier.text import page_text, quote_boxes

    for facts in suggestion.facts:
        for q in facts.get("evidence", []) if isinstance(facts, dict) else []:
            page = page_text(wb, int(q["document_id"]), int(q["page"]))
            boxes = quote_boxes(page, int(q["start"]), int(q["end"])) if page is not None else []
            return int(q["document_id"]), int(q["page"]), list(boxes)
    return None
