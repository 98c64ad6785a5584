"""Property tests of propose_grade over random findings on the shipped standards (review-rules.md §2)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.domain.grading import SCORE_PLACES, FindingInput, GradeProposal, propose_grade
from reviewapp.standards import ERROR, FLAW, SERIOUS, SEVERITIES, Standard, load_shipped_standards

STANDARDS = load_shipped_standards()


REASONS = ("", "见卷宗第2册第15页", "未依法告知诉讼权利")
Case = tuple[Standard, list[FindingInput], set[str], str]


@st.composite
def cases(
    draw: st.DrawFn,
    *,
    severities: Sequence[str] | None = None,
    veto_items: bool = True,
    extra: str | None = None,
    min_size: int = 0,
) -> Case:
    """A standard, random findings, ticked criteria and a justification.

    ``severities`` restricts the severities drawn (default: any of the three, even if the item does not
    allow it — grading must not depend on that); ``extra`` = "veto" / "error" adds one such finding at a
    random position, so the property under test is never vacuous.
    """
    standard = draw(st.sampled_from(STANDARDS))
    pool = [it for it in standard.items if veto_items or not it.veto]
    findings: list[FindingInput] = []
    for item in draw(st.lists(st.sampled_from(pool), min_size=min_size, max_size=6)):
        severity = draw(st.sampled_from(tuple(severities or SEVERITIES)))
        deduction = draw(st.none() | st.floats(min_value=0, max_value=50, allow_nan=False))
        findings.append(FindingInput(item.code, severity, deduction, draw(st.sampled_from(REASONS))))
    if extra == "veto":
        item = draw(st.sampled_from([it for it in standard.items if it.veto]))
        sev = draw(st.sampled_from(SEVERITIES))
        findings.insert(draw(st.integers(0, len(findings))), FindingInput(item.code, sev, None, "超期"))
    elif extra == "error":
        item = draw(st.sampled_from(standard.items))
        sev = draw(st.sampled_from((ERROR, SERIOUS, "错", "严")))
        findings.insert(draw(st.integers(0, len(findings))), FindingInput(item.code, sev, None, "错误"))
    ticked = draw(st.sets(st.sampled_from([c.code for c in standard.criteria])))
    justification = draw(st.sampled_from(["", "  ", "证据审查全面，释法说理充分"]))
    return standard, findings, ticked, justification


def both_schemes(
    standard: Standard, findings: Sequence[FindingInput], ticked: set[str], justification: str
) -> tuple[GradeProposal, GradeProposal]:
    p2026 = propose_grade(standard, findings, ticked, excellence_justification=justification)
    p2018 = propose_grade(
        standard, findings, ticked, scheme=standard.grade_scheme("2018"), excellence_justification=justification
    )
    return p2026, p2018


@given(cases(extra="veto"))
def test_veto_forces_unqualified(case: Case) -> None:
    standard, findings, ticked, justification = case
    p2026, p2018 = both_schemes(standard, findings, ticked, justification)
    assert p2026.grade == "不合格" and p2018.grade == "不合格"
    assert p2026.rule_id == "R-VETO"
    vetoes = {f.item_code for f in findings if standard.item(f.item_code).veto}
    assert set(p2026.deciding_findings) == vetoes


@given(cases(extra="error"))
def test_any_error_forces_unqualified(case: Case) -> None:
    standard, findings, ticked, justification = case
    p2026, p2018 = both_schemes(standard, findings, ticked, justification)
    assert p2026.grade == "不合格" and p2018.grade == "不合格"
    assert p2026.rule_id in ("R-VETO", "R-ERROR")
    if p2026.rule_id == "R-ERROR":
        errors = {f.item_code for f in findings if f.severity in (ERROR, SERIOUS, "错", "严")}
        assert set(p2026.deciding_findings) == errors


@given(cases(severities=(FLAW, "瑕"), veto_items=False, min_size=1))
def test_only_flaws_give_basic_or_flaw_grade(case: Case) -> None:
    standard, findings, ticked, justification = case
    p2026, p2018 = both_schemes(standard, findings, ticked, justification)
    assert (p2026.grade, p2018.grade) == ("基本合格", "瑕疵")
    assert p2026.rule_id == p2018.rule_id == "R-FLAW"
    assert set(p2026.deciding_findings) == {f.item_code for f in findings}


@given(cases())
def test_no_findings_give_qualified_unless_excellent(case: Case) -> None:
    standard, _, ticked, justification = case
    proposal = propose_grade(standard, [], ticked, excellence_justification=justification)
    all_ticked = ticked == {c.code for c in standard.criteria}
    if all_ticked and justification.strip():
        assert proposal.grade == "优质"
    else:
        assert proposal.grade == "合格"
    assert proposal.deciding_findings == ()
    assert proposal.score == standard.score_base


@given(cases())
def test_never_excellent_without_its_criteria(case: Case) -> None:
    standard, findings, ticked, justification = case
    for proposal in both_schemes(standard, findings, ticked, justification):
        if proposal.grade == "优质":
            assert not findings
            assert ticked == {c.code for c in standard.criteria}
            assert justification.strip()


@settings(max_examples=200)
@given(cases())
def test_explanation_names_rule_grade_and_deciding_items(
    case: Case,
) -> None:
    standard, findings, ticked, justification = case
    for proposal in both_schemes(standard, findings, ticked, justification):
        assert proposal.grade is not None  # the shipped rules always end in a grade
        assert proposal.rule_id is not None
        assert proposal.rule_id not in proposal.explanation  # codes stay for machines, never on a reader's page
        rule = next(r for r in standard.rules if r.id == proposal.rule_id)
        assert rule.name in proposal.explanation
        assert proposal.explanation.startswith(proposal.grade)
        for code in proposal.deciding_findings:
            assert f"{code} {standard.item(code).text}" in proposal.explanation


@given(cases())
def test_2018_grade_is_the_mapped_2026_grade(case: Case) -> None:
    standard, findings, ticked, justification = case
    p2026, p2018 = both_schemes(standard, findings, ticked, justification)
    assert p2026.grade is not None and p2018.grade is not None
    assert standard.convert_grade(p2018.grade, "2018", "2026") == p2026.grade
    assert (p2026.scheme_id, p2018.scheme_id) == ("2026", "2018")


@given(cases())
def test_score_is_base_minus_deductions(case: Case) -> None:
    standard, findings, ticked, justification = case
    proposal = propose_grade(standard, findings, ticked, excellence_justification=justification)
    expected = sum(standard.item(f.item_code).deduction if f.deduction is None else f.deduction for f in findings)
    # Kept to SCORE_PLACES decimals: within half a millionth of the sum, whatever the float error.
    assert abs(proposal.total_deduction - expected) <= 0.5 * 10**-SCORE_PLACES + 1e-9
    assert proposal.total_deduction == round(proposal.total_deduction, SCORE_PLACES)
    assert standard.score_base is not None and proposal.score is not None
    assert abs(proposal.score - max(0.0, standard.score_base - expected)) <= 10**-SCORE_PLACES
