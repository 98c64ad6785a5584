"""Cases worked out by hand from ../shared/domain/review-rules.md (feedback and rectification periods, grades), fed
through the app's public functions; the statutory deadlines are in test_hand_computed_deadlines.py.

Each case states its inputs, the hand result and the sentence of the rules it rests on ("§4 day counting"
= the paragraph "Day counting [rule, CPL 105]"). Calendar facts are the State Council schedules:
2026 — 春节 02-15..02-23 off, Saturdays 02-14 and 02-28 worked; 劳动节 05-01..05-05 off, Saturday 05-09
worked; 国庆 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked. 2024 is a leap year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.domain.grading import FindingInput, propose_grade
from reviewapp.domain.review_status import needs_feedback
from reviewapp.domain.rounding import percent
from reviewapp.domain.working_days import add_working_days
from reviewapp.services.panel import opinion
from reviewapp.services.results.notice_config import NoticeConfig, reply_deadline
from tests.core.hand_computed import CAL, D
from tests.core.test_grading_rules import ALL_CRITERIA, CRIMINAL, english  # noqa: F401 - english: the fixture

# --- §1 step 8 feedback, §4 / §6 rectification reply ------------------------------------------------------


class _NoSettings:
    """A session with no stored settings: feedback.days takes its shipped default."""

    def get(self, *_: object) -> None:
        return None


class TestFeedbackAndRectification:
    @pytest.mark.parametrize(
        ("sent", "due"),
        [
            # §1 step 8 "feedback within 5 working days": 09-29, 09-30, (国庆) 10-08, 10-09, 10-10 (worked Sat).
            (D(2026, 9, 28), D(2026, 10, 10)),
            # 02-14 (worked Sat), (春节 02-15..23) 02-24, 02-25, 02-26, 02-27.
            (D(2026, 2, 13), D(2026, 2, 27)),
            # Sent on a Saturday: the next Monday is the first of the five.
            (D(2026, 3, 7), D(2026, 3, 13)),
        ],
    )
    def test_h17_feedback_period_in_working_days(self, sent: dt.date, due: dt.date) -> None:
        assert add_working_days(sent, 5, CAL) == due
        got, note = opinion.feedback_due(_NoSettings(), sent)  # type: ignore[arg-type]
        assert (got, note) == (due, "")

    @pytest.mark.parametrize(
        ("issued", "due"),
        [
            # §4 table "rectification reply within 10 days" (规则 665), §4 day counting: 09-25 + 10 = 10-05 (off)
            # → 10-08.
            (D(2026, 9, 25), D(2026, 10, 8)),
            # 02-18 + 10 = 02-28, a worked Saturday: stays.
            (D(2026, 2, 18), D(2026, 2, 28)),
            # 2026-12-21 + 10 = 12-31, a Thursday.
            (D(2026, 12, 21), D(2026, 12, 31)),
        ],
    )
    def test_h18_rectification_reply_ten_calendar_days(self, issued: dt.date, due: dt.date) -> None:
        assert reply_deadline(issued, NoticeConfig(), CAL) == due

    def test_h19_rectification_reply_in_working_days_when_configured(self) -> None:
        # §6 "deadline (default 10 days, configurable)": counted in working days from 09-28: 09-29, 09-30,
        # 10-08, 10-09, 10-10 (worked Sat), 10-12 … 10-16 is the tenth.
        assert reply_deadline(D(2026, 9, 28), NoticeConfig(working_days=True), CAL) == D(2026, 10, 16)


# --- §2 grades (2026 scheme default, 2018 scheme mapped) -------------------------------------------------


def flaw(code: str, deduction: float | None = None) -> FindingInput:
    return FindingInput(code, "瑕", deduction, "r")


def with_score_rule(enabled: bool = True) -> Any:
    rules = tuple(dataclasses.replace(r, enabled=enabled) if r.id == "R-SCORE" else r for r in CRIMINAL.rules)
    return dataclasses.replace(CRIMINAL, rules=rules)


class TestGrades:
    def test_h20_no_problem_is_qualified_and_needs_no_hearing(self) -> None:
        # §2 "no problem → 合格"; §1 step 8: heard only where the grade is not 合格.
        p = propose_grade(CRIMINAL, [], [])
        assert (p.grade, p.rule_id, p.score) == ("合格", "R-NONE", 100.0)
        assert not needs_feedback("合格")
        assert all(needs_feedback(g) for g in ("优质", "基本合格", "不合格", "瑕疵"))

    def test_h21_only_flaws_is_basically_qualified_2026_and_flawed_2018(self) -> None:
        # §2 "only 瑕疵 problems → 基本合格 (2026) / 瑕疵 (2018)". Two findings on one item count twice in
        # the score (2 + 2) but the item is named once.
        findings = [flaw("E1"), flaw("E1"), flaw("D4")]
        p = propose_grade(CRIMINAL, findings, [])
        assert (p.grade, p.rule_id, p.total_deduction, p.score) == ("基本合格", "R-FLAW", 6.0, 94.0)
        assert p.deciding_findings == ("E1", "D4")
        old = propose_grade(CRIMINAL, findings, [], scheme=CRIMINAL.grade_scheme("2018"))
        assert (old.grade, old.scheme_id) == ("瑕疵", "2018")

    def test_h22_one_ordinary_error_among_flaws_fails(self, english: None) -> None:  # noqa: F811
        # §2 "any 严重 or 一般 error → 不合格"; E5 is 瑕→错, recorded here as 错.
        p = propose_grade(CRIMINAL, [flaw("D4"), FindingInput("E5", "错", None, "r")], [])
        assert (p.grade, p.rule_id, p.deciding_findings) == ("不合格", "R-ERROR", ("E5",))
        assert "E5" in p.explanation and "classed as ordinary judicial error" in p.explanation.lower()
        assert "D4" not in p.explanation  # the flaw did not decide

    def test_h23_veto_item_forces_fail_and_is_named_as_veto(self, english: None) -> None:  # noqa: F811
        # §2 "veto items (一票否决) that force 不合格"; P12 超期羁押 is a veto item of the shipped standard.
        p = propose_grade(CRIMINAL, [flaw("D4"), FindingInput("P12", "严", None, "r")], ALL_CRITERIA)
        assert (p.grade, p.rule_id, p.deciding_findings) == ("不合格", "R-VETO", ("P12",))
        assert "p12 detention beyond the time limit (serious judicial error) is a veto item" in p.explanation.lower()

    def test_h24_excellent_never_automatic(self) -> None:
        # §2 "优质 never automatic: needs the positive criteria ticked and a recorded justification".
        full = propose_grade(CRIMINAL, [], ALL_CRITERIA, excellence_justification="证据审查全面")
        assert (full.grade, full.rule_id) == ("优质", "R-EXCELLENT")
        assert propose_grade(CRIMINAL, [], ALL_CRITERIA).grade == "合格"  # no justification
        assert propose_grade(CRIMINAL, [], ALL_CRITERIA[:-1], excellence_justification="x").grade == "合格"
        # A problem, however small, rules 优质 out.
        assert propose_grade(CRIMINAL, [flaw("E1")], ALL_CRITERIA, excellence_justification="x").grade == "基本合格"

    @pytest.mark.parametrize(
        ("deductions", "score", "grade"),
        [
            ((20, 20), 60.0, "基本合格"),  # exactly at the cut-off: "below 60" does not hold
            ((12.8, 19.6, 7.6), 60.0, "基本合格"),  # decimal points summing to exactly 40
            ((20, 20, 0.5), 59.5, "不合格"),  # half a point below
            ((20, 19.5), 60.5, "基本合格"),
        ],
    )
    def test_h25_score_threshold_at_sixty(self, deductions: tuple[float, ...], score: float, grade: str) -> None:
        # §2 "point deductions from 100 with thresholds" (the shipped rule: below 60 → 不合格, off by default).
        p = propose_grade(with_score_rule(), [flaw("E1", d) for d in deductions], [])
        assert (p.score, p.grade) == (score, grade)
        if grade == "不合格":
            # §2 "the proposal must list the rule and the findings that produced it": the deductions.
            assert "40.5" in p.explanation and "E1" in p.explanation and "60" in p.explanation
        # Disabled (the shipped default), the same findings are 瑕疵 only: 基本合格 whatever the score.
        assert propose_grade(CRIMINAL, [flaw("E1", d) for d in deductions], []).grade == "基本合格"

    def test_h26_score_never_below_zero(self) -> None:
        serious = [FindingInput(c, "严", None, "r") for c in ("E10", "P12", "P13", "P14")]
        p = propose_grade(with_score_rule(), serious, [])
        assert (p.total_deduction, p.score, p.grade) == (120.0, 0.0, "不合格")

    def test_h27_report_percentages_round_half_up(self) -> None:
        # Reports round 四舍五入 (half up), not to even: 0.0625 → 6.3 %, 0.145 → 14.5 %, 0.125 → 13 %.
        assert percent(0.0625) == "6.3%"
        assert percent(0.145) == "14.5%"
        assert percent(0.125, 0) == "13%"
        assert percent(0.135, 1) == "13.5%"


def test_h28_d4_is_three_or_more_problems(english: None) -> None:  # noqa: F811
    # §3 D4 "three or more wording/grammar/punctuation problems" (三处以上: 以上 includes the number itself).
    from reviewapp.domain.grading_explain import item_label

    assert item_label(CRIMINAL, "D4").startswith("D4 Three or more wording")


def test_h29_the_review_service_proposes_the_hand_grades(tmp_path: Any) -> None:
    # The grades above, through the commands the workspace and the CLI use (findings stored, proposal recomputed).
    from reviewapp.services.reviews.commands import record_finding, remove_finding, set_criteria, start_review
    from tests.core.reviews_fixtures import CLOSED, make_review_db

    db = make_review_db(tmp_path)
    try:
        rid = start_review(db.wb, db.case_ids[CLOSED]).id
        # §2 only 瑕疵: E1 (2) and D4 (2) → 基本合格, 96 points.
        record_finding(db.wb, rid, "E1", "瑕", "调取证据未出具通知书")
        state = record_finding(db.wb, rid, "D4", "瑕", "起诉书三处错别字")
        assert (state.proposal.grade, state.proposal.rule_id, state.proposal.score) == ("基本合格", "R-FLAW", 96.0)
        # A review holds one finding per item (README, "Domain readings"): a second problem under E1 is written
        # into the same finding with the points of both instances (2 + 2), not recorded beside it.
        state = record_finding(db.wb, rid, "E1", "瑕", "调取证据未出具通知书；询问笔录未载明询问人", deduction=4)
        assert [f.item_code for f in state.findings] == ["E1", "D4"]
        assert (state.proposal.grade, state.proposal.score) == ("基本合格", 94.0)
        # §2 veto item: P12 forces 不合格 whatever else is recorded.
        state = record_finding(db.wb, rid, "P12", "严", "羁押超过审查起诉期限")
        assert (state.proposal.grade, state.proposal.rule_id) == ("不合格", "R-VETO")
        for finding in state.findings:
            state = remove_finding(db.wb, finding.id)
        assert state.proposal.grade == "合格"
        # §2 优质 only with every criterion ticked and a justification.
        state = set_criteria(db.wb, rid, ALL_CRITERIA, "")
        assert state.proposal.grade == "合格"
        state = set_criteria(db.wb, rid, ALL_CRITERIA, "证据审查全面，量刑建议被采纳")
        assert (state.proposal.grade, state.proposal.rule_id) == ("优质", "R-EXCELLENT")
    finally:
        db.close()


@given(st.lists(st.integers(min_value=0, max_value=250), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_h30_score_cut_off_on_decimal_points(tenths: list[int]) -> None:
    # §2 thresholds on points deducted from 100 in tenths of a point (0.1, 12.8 …): "below 60" exactly when
    # more than 40 points are taken off, however the tenths add up in binary; the explanation gives the total.
    p = propose_grade(with_score_rule(), [flaw("E1", k / 10) for k in tenths], [])
    taken = sum(tenths)
    assert p.score == max(0, 1000 - taken) / 10
    assert p.grade == ("不合格" if taken > 400 else "基本合格")
    if taken > 400:
        assert f"{taken / 10:g}" in p.explanation
