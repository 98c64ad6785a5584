"""A review as plain JSON-safe data and as readable text (the headless `review show` command, reports)."""

from __future__ import annotations

from typing import Any

from reviewapp.domain.grading_explain import without_rule_ids
from reviewapp.domain.review_status import ReviewStatus
from reviewapp.i18n import translate
from reviewapp.legal.citations import page_reference
from reviewapp.legal.local_time import iso_stamp
from reviewapp.services.reviews.state import ReviewState


def review_json(state: ReviewState) -> dict[str, Any]:
    p = state.proposal
    return {
        "id": state.id,
        "reviewer": state.reviewer_name,
        "status": state.status.value,
        "standard": {"code": state.standard.code, "version": state.standard.version, "name": state.standard.name},
        "scheme": state.scheme_id,
        "findings": [
            {
                "item_code": f.item_code,
                "item_text": f.item_text,
                "dimension": f.dimension_name,
                "severity": f.severity,
                "deduction": f.deduction,
                "reason": f.reason,
                "phrase": f.phrase,
                "source_check": f.source_check,
                "evidence": [{"document_id": e.document_id, "title": e.title, "page": e.page} for e in f.evidence],
            }
            for f in state.findings
        ],
        "ticked_criteria": list(state.ticked_criteria),
        "excellence_justification": state.excellence_justification,
        "proposal": {
            "grade": p.grade,
            "rule": p.rule_id,
            "explanation": p.explanation,
            "deciding_findings": list(p.deciding_findings),
            "score": p.score,
            "total_deduction": p.total_deduction,
        },
        "final_grade": state.final_grade,
        "override_reason": state.override_reason,
        "submitted_at": iso_stamp(state.submitted_at),
    }


def _status(status: ReviewStatus) -> str:
    names = {
        ReviewStatus.DRAFT: translate("ReviewSummary", "draft"),
        ReviewStatus.SUBMITTED: translate("ReviewSummary", "submitted"),
    }
    return names.get(ReviewStatus(status), str(status))


def review_text(state: ReviewState) -> str:
    p = state.proposal
    lines = [
        translate("ReviewSummary", "Review {id} by {reviewer} — {status}; standard {code} v{version}").format(
            id=state.id,
            reviewer=state.reviewer_name,
            status=_status(state.status),
            code=state.standard.code,
            version=state.standard.version,
        )
    ]
    if not state.findings:
        lines.append("  " + translate("ReviewSummary", "No finding recorded."))
    for f in state.findings:
        pages = translate("ReviewSummary", ", ").join(page_reference(e.title, e.page) for e in f.evidence)
        where = translate("ReviewSummary", " ({pages})").format(pages=pages) if pages else ""
        lines.append(f"  {f.item_code} {f.item_text} [{f.severity}] {f.reason}{where}")
    lines.append(
        translate("ReviewSummary", "Proposed grade: {grade}").format(
            grade=p.grade or translate("ReviewSummary", "none")
        )
    )
    lines.append(translate("ReviewSummary", "Why: {explanation}").format(explanation=without_rule_ids(p.explanation)))
    if p.score is not None:
        lines.append(translate("ReviewSummary", "Score: {score:g}").format(score=p.score))
    if state.final_grade:
        lines.append(translate("ReviewSummary", "Final grade: {grade}").format(grade=state.final_grade))
    if state.override_reason:
        lines.append(translate("ReviewSummary", "Reason for the grade: {reason}").format(reason=state.override_reason))
    return "\n".join(lines)
