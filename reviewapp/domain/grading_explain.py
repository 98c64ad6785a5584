"""The "why this grade" of review-rules.md §2: the explanation of a grade proposal, built from translated
templates so it reads e.g.
「不合格：P12 超期羁押 为严重司法错误（依据规则：存在一般或严重司法错误）」.

The deciding rule is named by its name, never its id (R-ERROR …): ids are for programs (--json, the
proposal's rule_id), and this sentence is printed in the 评查报告 and shown to reviewers."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reviewapp.i18n import term, translate
from reviewapp.standards.model import SEVERITIES, GradeRule, Standard

if TYPE_CHECKING:
    from reviewapp.domain.grading import FindingInput


def item_label(standard: Standard, code: str) -> str:
    """``P12 超期羁押``: the code and the item's own text (its English rendering in English)."""
    return translate("Grading", "{code} {text}").format(code=code, text=term(standard.item(code).text))


def _labels(standard: Standard, codes: Sequence[str]) -> str:
    return translate("Grading", ", ").join(item_label(standard, c) for c in dict.fromkeys(codes))


def _format_score(score: float | None) -> str:
    if score is None:
        return "-"
    return f"{score:g}"


def explain(
    standard: Standard,
    rule: GradeRule,
    grade: str,
    findings: Sequence[FindingInput],
    deciding: Sequence[str],
    score: float | None,
) -> str:
    """One sentence naming the grade, the reasons clause by clause, and the deciding rule."""
    w = rule.when
    reasons: list[str] = []
    if w.veto:
        # Name the severity too: a veto item decides whatever its tier, but readers look for the tier.
        veto = [
            translate("Grading", "{item} ({severity})").format(
                item=item_label(standard, f.item_code), severity=term(f.severity)
            )
            for f in findings
            if f.item_code in deciding and standard.item(f.item_code).veto
        ]
        reasons.append(
            translate("Grading", "{items} is a veto item").format(
                items=translate("Grading", ", ").join(dict.fromkeys(veto))
            )
        )
    if w.severity_any:
        for sev in SEVERITIES:
            codes = [f.item_code for f in findings if f.severity == sev and sev in w.severity_any]
            if codes:
                reasons.append(
                    translate("Grading", "{items} is classed as {severity}").format(
                        items=_labels(standard, codes), severity=term(sev)
                    )
                )
    if w.severity_only:
        reasons.append(
            translate("Grading", "only {severity} recorded: {items}").format(
                severity=translate("Grading", " or ").join(term(s) for s in w.severity_only),
                items=_labels(standard, [f.item_code for f in findings]),
            )
        )
    if w.no_findings:
        reasons.append(translate("Grading", "no problem recorded"))
    if w.score_below is not None:
        reasons.append(
            translate("Grading", "score {score} is below {threshold}").format(
                score=_format_score(score), threshold=_format_score(w.score_below)
            )
        )
    if w.score_at_least is not None:
        reasons.append(
            translate("Grading", "score {score} is at least {threshold}").format(
                score=_format_score(score), threshold=_format_score(w.score_at_least)
            )
        )
    if (w.score_below is not None or w.score_at_least is not None) and findings:
        reasons.append(_deductions(standard, findings))
    if w.criteria_all_ticked:
        reasons.append(translate("Grading", "every criterion for {grade} is met").format(grade=term(rule.grade)))
    if w.justification:
        reasons.append(translate("Grading", "a justification is recorded"))
    joined = translate("Grading", "; ").join(reasons)
    if not rule.name:  # an unnamed rule of a hand-written standard: its id would mean nothing to a reader
        return translate("Grading", "{grade}: {reasons}").format(grade=term(grade), reasons=joined)
    return translate("Grading", "{grade}: {reasons} (by the rule: {rule_name})").format(
        grade=term(grade), reasons=joined, rule_name=term(rule.name)
    )


def _deductions(standard: Standard, findings: Sequence[FindingInput]) -> str:
    """The points each item took off, in finding order, repeated findings of an item summed: review-rules.md
    §2 wants "the findings that produced" a grade named, and for a score threshold those are the deductions."""
    points: dict[str, list[float]] = {}
    for f in findings:
        points.setdefault(f.item_code, []).append(
            standard.item(f.item_code).deduction if f.deduction is None else f.deduction
        )
    parts = [
        translate("Grading", "{item} −{points}").format(
            item=item_label(standard, code), points=_format_score(round(math.fsum(values), 6))
        )
        for code, values in points.items()
    ]
    total = round(math.fsum(v for values in points.values() for v in values), 6)
    return translate("Grading", "{total} points deducted: {items}").format(
        total=_format_score(total), items=translate("Grading", ", ").join(parts)
    )


# How explanations stored before rule ids were left out name the rule: "（规则 R-ERROR：" / "(rule R-ERROR: ".
_STORED_RULE_ID = re.compile(r"(（规则|\(rule) [A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+([：:] ?)")


def without_rule_ids(explanation: str) -> str:
    """A stored explanation as a reader sees it: an earlier version's rule id taken out of its rule clause."""
    return _STORED_RULE_ID.sub(lambda m: m.group(1) + m.group(2), explanation)


def explain_no_rule(standard: Standard) -> str:
    return translate(
        "Grading",
        "No grade proposed: no rule of standard {code} v{version} applies to these findings; decide the grade by hand.",
    ).format(code=standard.code, version=standard.version)
