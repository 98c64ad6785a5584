"""Explained grade proposals: a pure interpreter over a standard's ordered grade rules.

The proposal is only ever a *proposal* a person confirms (review-rules.md §2); it always names the rule
that decided it and the findings behind it, and says so plainly when no rule gives a grade.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reviewapp.domain.grading_explain import explain, explain_no_rule
from reviewapp.standards.model import SEVERITIES, SEVERITY_ALIASES, GradeRule, GradeScheme, Standard

SCORE_PLACES = 6  # far finer than any deduction a checklist sets, far coarser than a float sum's error


@dataclass(frozen=True)
class FindingInput:
    """A problem recorded against a checklist item. ``deduction`` None means the item's default."""

    item_code: str
    severity: str
    deduction: float | None = None
    reason: str = ""


@dataclass(frozen=True)
class GradeProposal:
    grade: str | None  # a grade of ``scheme_id``; None when no rule applies
    scheme_id: str
    rule_id: str | None
    explanation: str
    deciding_findings: tuple[str, ...]  # item codes, in finding order, without repeats
    score: float | None  # score_base − deductions (not below 0) when the standard scores
    total_deduction: float


@dataclass(frozen=True)
class _Facts:
    """What the rule clauses look at, computed once per proposal."""

    findings: tuple[FindingInput, ...]  # severities normalised to the full names
    veto_codes: frozenset[str]
    ticked: frozenset[str]
    justified: bool
    score: float | None


def normalise_severity(severity: str) -> str:
    """Full severity name for 瑕/错/严 or a full name; ValueError for anything else."""
    full = SEVERITY_ALIASES.get(severity, severity)
    if full not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    return full


def finding_deduction(standard: Standard, finding: FindingInput) -> float:
    return standard.item(finding.item_code).deduction if finding.deduction is None else finding.deduction


def propose_grade(
    standard: Standard,
    findings: Sequence[FindingInput],
    ticked_criteria: Collection[str],
    *,
    scheme: GradeScheme | None = None,
    excellence_justification: str = "",
) -> GradeProposal:
    """Evaluate the standard's enabled rules in order; the first whose condition holds gives the grade,
    converted into ``scheme`` (default: the standard's own) through the explicit grade mapping.

    Raises ValueError for a finding on an item the standard does not have, an unknown severity, a
    negative deduction or a scheme the standard does not carry — those are caller bugs, not review outcomes.
    """
    try:
        target = standard.grade_scheme(None if scheme is None else scheme.id)
    except KeyError:
        raise ValueError(f"standard {standard.code} has no grade scheme {scheme.id if scheme else ''!r}") from None
    normalised: list[FindingInput] = []
    for f in findings:
        try:
            standard.item(f.item_code)
        except KeyError:
            raise ValueError(f"item {f.item_code!r} is not in standard {standard.code}") from None
        # A negative or NaN deduction would raise the score above the base or poison it.
        if f.deduction is not None and not f.deduction >= 0:
            raise ValueError(f"finding {f.item_code!r}: deduction {f.deduction!r} must be a number >= 0")
        normalised.append(FindingInput(f.item_code, normalise_severity(f.severity), f.deduction, f.reason))
    # Deductions are decimal points (0.5, 0.2, 12.8): summed exactly and kept to SCORE_PLACES, so that
    # 12.8 + 19.6 + 7.6 is 40 and a score of exactly 60 is not "below 60" by a float's last bit.
    total = round(math.fsum(finding_deduction(standard, f) for f in normalised), SCORE_PLACES)
    score = None if standard.score_base is None else max(0.0, round(standard.score_base - total, SCORE_PLACES))
    facts = _Facts(
        findings=tuple(normalised),
        veto_codes=frozenset(f.item_code for f in normalised if standard.item(f.item_code).veto),
        ticked=frozenset(ticked_criteria),
        justified=bool(excellence_justification.strip()),
        score=score,
    )
    for rule in standard.rules:
        if rule.enabled and _holds(standard, rule, facts):
            grade = standard.convert_grade(rule.grade, standard.scheme, target.id)
            deciding = _deciding(rule, facts)
            return GradeProposal(
                grade=grade,
                scheme_id=target.id,
                rule_id=rule.id,
                explanation=explain(standard, rule, grade, facts.findings, deciding, score),
                deciding_findings=deciding,
                score=score,
                total_deduction=total,
            )
    return GradeProposal(None, target.id, None, explain_no_rule(standard), (), score, total)


def criteria_for(standard: Standard, grade: str) -> tuple[str, ...]:
    """Codes of the criteria that must be ticked for ``grade`` (a grade of the standard's scheme)."""
    return tuple(c.code for c in standard.criteria if grade in c.grades)


def _holds(standard: Standard, rule: GradeRule, facts: _Facts) -> bool:
    w = rule.when
    severities = {f.severity for f in facts.findings}
    checks = (
        not w.veto or bool(facts.veto_codes),
        not w.severity_any or bool(severities & set(w.severity_any)),
        not w.severity_only or (bool(severities) and severities <= set(w.severity_only)),
        not w.no_findings or not facts.findings,
        w.score_below is None or (facts.score is not None and facts.score < w.score_below),
        w.score_at_least is None or (facts.score is not None and facts.score >= w.score_at_least),
        # 优质 is never automatic: at least one criterion must apply and all must be ticked.
        not w.criteria_all_ticked or _all_ticked(criteria_for(standard, rule.grade), facts.ticked),
        not w.justification or facts.justified,
    )
    return all(checks)


def _all_ticked(needed: tuple[str, ...], ticked: frozenset[str]) -> bool:
    return bool(needed) and set(needed) <= ticked


def _deciding(rule: GradeRule, facts: _Facts) -> tuple[str, ...]:
    """Item codes of the findings that made the rule's finding clauses hold."""
    w = rule.when
    picked: list[str] = []
    for f in facts.findings:
        hit = (
            (w.veto and f.item_code in facts.veto_codes)
            or (f.severity in w.severity_any)
            or bool(w.severity_only)
            or w.score_below is not None
            or w.score_at_least is not None
        )
        if hit and f.item_code not in picked:
            picked.append(f.item_code)
    return tuple(picked)
