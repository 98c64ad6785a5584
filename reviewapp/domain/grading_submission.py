"""Checks before a reviewer submits an opinion with a grade: the configurable practice rules of
review-rules.md §2 plus the consistency of the findings with the standard."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reviewapp.domain.grading import FindingInput, GradeProposal, criteria_for, normalise_severity
from reviewapp.i18n import translate
from reviewapp.standards.model import Standard


def validate_submission(
    standard: Standard,
    findings: Sequence[FindingInput],
    ticked_criteria: Collection[str],
    chosen_grade: str | None,
    override_reason: str,
    proposal: GradeProposal,
    *,
    excellence_justification: str = "",
) -> list[str]:
    """Every reason the submission cannot go ahead, as translated sentences (empty list: it can).

    ``chosen_grade`` is a grade of ``proposal.scheme_id``; ``excellence_justification`` is the recorded
    reason for a grade the standard's practice rules require it for (优质 by default).
    """
    problems = _finding_problems(standard, findings)
    known_criteria = {c.code for c in standard.criteria}
    for code in ticked_criteria:
        if code not in known_criteria:
            problems.append(
                translate("Grading", "Criterion {code} is not in standard {standard}.").format(
                    code=code, standard=standard.code
                )
            )
    practice = standard.practice
    # One provincial system required a recorded entry even for 合格 cases [practice], so an empty
    # review cannot slip through unread.
    if practice.require_record and not findings and not ticked_criteria:
        problems.append(translate("Grading", "Record at least one finding or criterion before submitting."))
    if not chosen_grade:
        problems.append(translate("Grading", "Choose a grade."))
        return problems
    scheme = standard.grade_scheme(proposal.scheme_id)
    if chosen_grade not in scheme.grades:
        problems.append(
            translate("Grading", "Grade {grade} is not a grade of scheme {scheme}.").format(
                grade=chosen_grade, scheme=scheme.name
            )
        )
        return problems
    own_grade = standard.convert_grade(chosen_grade, scheme.id, standard.scheme)
    missing = [c for c in criteria_for(standard, own_grade) if c not in ticked_criteria]
    if missing:
        problems.append(
            translate("Grading", "Grade {grade} needs every criterion ticked; not ticked: {codes}.").format(
                grade=chosen_grade, codes=", ".join(missing)
            )
        )
    if own_grade in practice.justification_required_for and not excellence_justification.strip():
        problems.append(translate("Grading", "Grade {grade} needs a written justification.").format(grade=chosen_grade))
    if practice.require_override_reason and chosen_grade != proposal.grade and not override_reason.strip():
        if proposal.grade is None:
            problems.append(
                translate("Grading", "No grade was proposed; write the reason for grade {grade}.").format(
                    grade=chosen_grade
                )
            )
        else:
            problems.append(
                translate(
                    "Grading",
                    "The chosen grade {chosen} differs from the proposed {proposed}; write the reason.",
                ).format(chosen=chosen_grade, proposed=proposal.grade)
            )
    return problems


def _finding_problems(standard: Standard, findings: Sequence[FindingInput]) -> list[str]:
    problems: list[str] = []
    for f in findings:
        try:
            item = standard.item(f.item_code)
        except KeyError:
            problems.append(
                translate("Grading", "Finding {code} is not an item of standard {standard}.").format(
                    code=f.item_code, standard=standard.code
                )
            )
            continue
        try:
            severity = normalise_severity(f.severity)
        except ValueError:
            severity = ""
        if severity not in item.severities:
            problems.append(
                translate("Grading", "Finding {code}: severity {severity} is not allowed; allowed: {allowed}.").format(
                    code=f.item_code, severity=f.severity, allowed="、".join(item.severities)
                )
            )
        if f.deduction is not None and not f.deduction >= 0:  # also catches NaN
            problems.append(
                translate("Grading", "Finding {code}: the deduction cannot be negative.").format(code=f.item_code)
            )
        if standard.practice.require_finding_reason and not f.reason.strip():
            problems.append(translate("Grading", "Finding {code} has no reason.").format(code=f.item_code))
    return problems
