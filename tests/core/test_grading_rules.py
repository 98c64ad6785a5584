"""Example-based tests of the grade-rule interpreter and the submission checks."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from reviewapp import i18n
from reviewapp.domain.grading import FindingInput, propose_grade
from reviewapp.domain.grading_submission import validate_submission
from reviewapp.standards import (
    Criterion,
    GradeRule,
    PracticeRules,
    RuleCondition,
    Standard,
    load_shipped_standards,
)

CRIMINAL = next(s for s in load_shipped_standards() if s.code == "XS-PCZ")
ALL_CRITERIA = [c.code for c in CRIMINAL.criteria]


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def chinese() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("zh_CN")
    yield
    i18n.set_language(before)


def with_rules(standard: Standard, **enabled: bool) -> Standard:
    rules = tuple(
        dataclasses.replace(r, enabled=enabled.get(r.id.replace("-", "_"), r.enabled)) for r in standard.rules
    )
    return dataclasses.replace(standard, rules=rules)


def test_chinese_explanation_reads_as_in_practice(chinese: None) -> None:
    p = propose_grade(CRIMINAL, [FindingInput("E9", "错", None, "证言矛盾")], [])
    assert (
        p.explanation == "不合格：E9 关键证据存在矛盾，合理怀疑未排除为一般司法错误（依据规则：存在一般或严重司法错误）"
    )
    p = propose_grade(CRIMINAL, [FindingInput("P12", "严重司法错误", None, "超期 3 日")], [])
    assert p.explanation == "不合格：P12 超期羁押（严重司法错误）为一票否决项（依据规则：一票否决项）"


def test_english_explanation(english: None) -> None:
    p = propose_grade(CRIMINAL, [FindingInput("E1", "瑕", None, "r"), FindingInput("D4", "瑕", None, "r")], [])
    assert p.grade == "基本合格"
    assert p.explanation == (
        "Basically satisfactory: only Judicial flaw recorded: E1 Evidence collected or obtained improperly, "
        "D4 Three or more wording, grammar or punctuation errors in an external document "
        "(by the rule: Judicial flaws only)"
    )
    assert p.deciding_findings == ("E1", "D4")
    assert (p.total_deduction, p.score) == (4.0, 96.0)


def test_error_explanation_groups_findings_by_severity(english: None) -> None:
    findings = [
        FindingInput("E1", "瑕", None, "r"),
        FindingInput("P10", "错", None, "r"),
        FindingInput("E8", "严", 40, "r"),
    ]
    p = propose_grade(CRIMINAL, findings, [])
    assert p.rule_id == "R-ERROR"
    assert p.deciding_findings == ("P10", "E8")
    assert (
        "P10 Non-custodial case beyond the statutory time limit is classed as Ordinary judicial error" in p.explanation
    )
    assert "E8 Illegally obtained evidence not excluded is classed as Serious judicial error" in p.explanation
    assert "E1" not in p.explanation
    assert p.total_deduction == 2 + 10 + 40 and p.score == 48


def test_point_threshold_rule_when_switched_on(english: None) -> None:
    scored = with_rules(CRIMINAL, R_SCORE=True)
    flaws = [FindingInput(code, "瑕", 5, "r") for code in ("E1", "E2", "E3", "E4", "E6", "E13", "E14", "F1", "F2")]
    p = propose_grade(scored, flaws, [])
    assert (p.grade, p.rule_id, p.score) == ("不合格", "R-SCORE", 55.0)
    assert "score 55 is below 60" in p.explanation
    # The same findings under the shipped rules (threshold off) are only flaws.
    assert propose_grade(CRIMINAL, flaws, []).grade == "基本合格"
    # Score never goes below zero.
    assert propose_grade(scored, [FindingInput("E1", "瑕", 250, "r")], []).score == 0


@pytest.mark.parametrize(
    ("deductions", "score", "grade"),
    [
        ((12.8, 19.6, 7.6), 60.0, "基本合格"),  # 40 exactly: 60 is not below 60
        ((0.1, 0.2, 9.7, 30.0), 60.0, "基本合格"),
        ((12.8, 19.6, 7.7), 59.9, "不合格"),
    ],
)
def test_decimal_deductions_meet_the_threshold_exactly(deductions: tuple[float, ...], score: float, grade: str) -> None:
    scored = with_rules(CRIMINAL, R_SCORE=True)
    flaws = [FindingInput(code, "瑕", d, "r") for code, d in zip(("D4", "D9", "U1", "E1"), deductions, strict=False)]
    p = propose_grade(scored, flaws, [])
    assert (p.score, p.grade) == (score, grade)
    assert p.total_deduction == round(100 - score, 6)


def test_no_rule_gives_no_grade_and_says_so(english: None) -> None:
    only_none = dataclasses.replace(CRIMINAL, rules=(CRIMINAL.rules[-1],))
    p = propose_grade(only_none, [FindingInput("E1", "瑕", None, "r")], [])
    assert p.grade is None and p.rule_id is None and p.deciding_findings == ()
    assert p.explanation.startswith("No grade proposed")
    assert "XS-PCZ v1" in p.explanation


def test_disabled_rules_are_skipped() -> None:
    no_veto = with_rules(CRIMINAL, R_VETO=False)
    p = propose_grade(no_veto, [FindingInput("P12", "严", None, "r")], [])
    assert p.rule_id == "R-ERROR" and p.grade == "不合格"


def test_excellence_needs_criteria_and_justification() -> None:
    assert propose_grade(CRIMINAL, [], ALL_CRITERIA).grade == "合格"
    assert propose_grade(CRIMINAL, [], ALL_CRITERIA[:-1], excellence_justification="好").grade == "合格"
    p = propose_grade(CRIMINAL, [], ALL_CRITERIA, excellence_justification="证据扎实，说理充分")
    assert (p.grade, p.rule_id) == ("优质", "R-EXCELLENT")
    # A standard with no criterion for 优质 can never propose it.
    bare = dataclasses.replace(CRIMINAL, criteria=())
    assert propose_grade(bare, [], [], excellence_justification="好").grade == "合格"


def test_caller_errors_raise() -> None:
    with pytest.raises(ValueError, match="Z1"):
        propose_grade(CRIMINAL, [FindingInput("Z1", "瑕", None, "r")], [])
    with pytest.raises(ValueError, match="很严重"):
        propose_grade(CRIMINAL, [FindingInput("E1", "很严重", None, "r")], [])
    with pytest.raises(ValueError, match="deduction"):
        propose_grade(CRIMINAL, [FindingInput("E1", "瑕", -5, "r")], [])
    with pytest.raises(ValueError, match="deduction"):
        propose_grade(CRIMINAL, [FindingInput("E1", "瑕", float("nan"), "r")], [])
    foreign = dataclasses.replace(CRIMINAL.grade_scheme(), id="1999")
    with pytest.raises(ValueError, match="1999"):
        propose_grade(CRIMINAL, [], [], scheme=foreign)


def test_a_file_can_express_other_rules() -> None:
    # e.g. a procuratorate where three flaws already make the case 不合格 by points, and 优质 needs 95.
    data = CRIMINAL.to_dict()
    data["rules"] = [
        {"id": "V", "name": "否决", "when": {"veto": True}, "grade": "不合格"},
        {"id": "S", "name": "低于85分", "when": {"score_below": 85}, "grade": "不合格"},
        {
            "id": "Q",
            "name": "95分以上且满足标准",
            "when": {"score_at_least": 95, "criteria_all_ticked": True},
            "grade": "优质",
        },
        {"id": "B", "name": "有问题", "when": {"severity_any": ["瑕", "错", "严"]}, "grade": "基本合格"},
        {"id": "N", "name": "无问题", "when": {"no_findings": True}, "grade": "合格"},
    ]
    custom = Standard.from_dict(data)
    assert propose_grade(custom, [FindingInput("E7", "错", 10, "r")], []).grade == "基本合格"
    assert propose_grade(custom, [FindingInput("E7", "错", 20, "r")], []).rule_id == "S"
    assert propose_grade(custom, [FindingInput("E1", "瑕", 2, "r")], ALL_CRITERIA).grade == "优质"


# --- validate_submission ------------------------------------------------------------------------


def submit(
    standard: Standard,
    findings: list[FindingInput],
    ticked: list[str],
    chosen: str | None,
    override: str = "",
    justification: str = "",
    scheme: str | None = None,
) -> list[str]:
    proposal = propose_grade(
        standard,
        findings,
        ticked,
        scheme=None if scheme is None else standard.grade_scheme(scheme),
        excellence_justification=justification,
    )
    return validate_submission(
        standard, findings, ticked, chosen, override, proposal, excellence_justification=justification
    )


def test_clean_submission_has_no_problems() -> None:
    assert submit(CRIMINAL, [FindingInput("E1", "瑕", None, "笔录无询问人签名")], [], "基本合格") == []
    assert submit(CRIMINAL, [], [], "合格") == []
    assert submit(CRIMINAL, [FindingInput("E1", "瑕", None, "r")], [], "瑕疵", scheme="2018") == []


def test_every_finding_needs_a_reason_and_an_allowed_severity(english: None) -> None:
    known = [FindingInput("E1", "严", None, " ")]
    proposal = propose_grade(CRIMINAL, known, [])
    findings = [*known, FindingInput("Q9", "瑕", None, "r")]  # e.g. a stale item code from a draft
    problems = validate_submission(CRIMINAL, findings, [], "不合格", "", proposal)
    assert "Finding E1 has no reason." in problems
    assert "Finding E1: severity 严 is not allowed; allowed: 司法瑕疵." in problems
    assert "Finding Q9 is not an item of standard XS-PCZ." in problems
    assert "Criterion Q9 is not in standard XS-PCZ." in validate_submission(
        CRIMINAL, [], ["Q9"], "合格", "", propose_grade(CRIMINAL, [], [])
    )


def test_excellent_needs_all_criteria_and_justification(english: None) -> None:
    problems = submit(CRIMINAL, [], ALL_CRITERIA[:2], "优质", override="案件办理质量突出")
    assert any(p.startswith("Grade 优质 needs every criterion ticked; not ticked: Q3") for p in problems)
    assert "Grade 优质 needs a written justification." in problems
    assert submit(CRIMINAL, [], ALL_CRITERIA, "优质", justification="证据扎实，说理充分") == []


def test_different_grade_needs_written_reason(english: None) -> None:
    flaw = [FindingInput("E1", "瑕", None, "r")]
    problems = submit(CRIMINAL, flaw, [], "合格")
    assert problems == ["The chosen grade 合格 differs from the proposed 基本合格; write the reason."]
    assert submit(CRIMINAL, flaw, [], "合格", override="瑕疵已在办案中当即纠正") == []
    relaxed = dataclasses.replace(
        CRIMINAL, practice=dataclasses.replace(CRIMINAL.practice, require_override_reason=False)
    )
    assert submit(relaxed, flaw, [], "合格") == []


def test_chosen_grade_must_exist_in_the_scheme(english: None) -> None:
    assert submit(CRIMINAL, [], [], None) == ["Choose a grade."]
    problems = submit(CRIMINAL, [], [], "瑕疵")  # a 2018 grade on a 2026 proposal
    assert problems == ["Grade 瑕疵 is not a grade of scheme 《人民检察院案件质量检查与评查工作规定》（2026）等次."]


def test_configurable_record_and_qualified_criteria(english: None) -> None:
    # One provincial system: at least one recorded item, and its 合格 criteria ticked for 合格 too.
    strict = dataclasses.replace(
        CRIMINAL,
        practice=PracticeRules(require_record=True, justification_required_for=("优质",)),
        criteria=(*CRIMINAL.criteria, Criterion("H1", "程序合法，文书齐备", ("优质", "合格"))),
    )
    problems = submit(strict, [], [], "合格")
    assert "Record at least one finding or criterion before submitting." in problems
    assert "Grade 合格 needs every criterion ticked; not ticked: H1." in problems
    assert submit(strict, [], ["H1"], "合格") == []


def test_no_proposal_needs_a_reason_for_any_grade(english: None) -> None:
    only_none = dataclasses.replace(
        CRIMINAL, rules=(GradeRule("N", "无问题", RuleCondition(no_findings=True), "合格"),)
    )
    problems = submit(only_none, [FindingInput("E1", "瑕", None, "r")], [], "基本合格")
    assert problems == ["No grade was proposed; write the reason for grade 基本合格."]
