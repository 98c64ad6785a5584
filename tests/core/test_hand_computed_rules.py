"""Cases worked out by hand from ../shared/domain/review-rules.md, fed through the app's public functions.

Each case states its inputs, the hand result and the sentence of the rules it rests on ("§4 day counting"
= the paragraph "Day counting [rule, CPL 105]"). Calendar facts are the State Council schedules:
2026 — 春节 02-15..02-23 off, Saturdays 02-14 and 02-28 worked; 劳动节 05-01..05-05 off, Saturday 05-09
worked; 国庆 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked. 2024 is a leap year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp import i18n
from reviewapp.checks import CheckResult, Status, check_case
from reviewapp.checks.results import ERROR, MINOR, SERIOUS
from reviewapp.demo.scenarios import arrest_card, prosecution_card
from reviewapp.domain.case_card import CaseCard
from reviewapp.domain.grading import FindingInput, propose_grade
from reviewapp.domain.review_status import needs_feedback
from reviewapp.domain.rounding import percent
from reviewapp.domain.working_days import add_working_days
from reviewapp.legal import default_calendar
from reviewapp.services.panel import opinion
from reviewapp.services.results.notice_config import NoticeConfig, reply_deadline
from reviewapp.standards import load_shipped_standards

D = dt.date
CAL = default_calendar()
CRIMINAL = next(s for s in load_shipped_standards() if s.code == "XS-PCZ")
ALL_CRITERIA = [c.code for c in CRIMINAL.criteria]


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def one(card: CaseCard, rule_id: str) -> CheckResult:
    results = check_case(card, rule_ids=[rule_id])
    assert len(results) == 1, results
    return results[0]


def prosecution(accepted: dt.date, closed: dt.date, *, detained: bool, **changes: Any) -> CaseCard:
    return prosecution_card(1, accepted, closed, detained=detained, **changes)


# --- §4 statutory deadlines -----------------------------------------------------------------------------


class TestArrestReview:
    def test_h01_detained_seven_days_ending_on_a_holiday_is_not_extended(self) -> None:
        # §4 table "Arrest review, suspect detained: 7 days"; §4 day counting "except while the suspect is in
        # custody, when it ends on the day itself". 09-28 + 7 = 10-05 (国庆, off): the end stays 10-05.
        ok = one(arrest_card(1, D(2026, 9, 28), D(2026, 10, 5), detained=True), "DL-ARREST-REVIEW")
        late = one(arrest_card(1, D(2026, 9, 28), D(2026, 10, 6), detained=True), "DL-ARREST-REVIEW")
        assert ok.status is Status.PASSED and ok.facts["end"] == "2026-10-05"
        # §4: "Overdue while detained → 严 (P12 style)".
        assert (late.status, late.item_code, late.severity, late.facts["days_over"]) == (
            Status.VIOLATION,
            "P12",
            SERIOUS,
            1,
        )

    def test_h02_not_detained_fifteen_days_rolled_over_national_day(self) -> None:
        # §4 table "not detained 15 days"; §4 day counting: last day a 节假日 → next working day.
        # 09-22 + 15 = 10-07 (off) → 10-08 (Thursday, first working day).
        ok = one(arrest_card(1, D(2026, 9, 22), D(2026, 10, 8), detained=False), "DL-ARREST-REVIEW")
        late = one(arrest_card(1, D(2026, 9, 22), D(2026, 10, 9), detained=False), "DL-ARREST-REVIEW")
        assert ok.status is Status.PASSED and ok.facts["end"] == "2026-10-08"
        assert ok.facts["nominal_end"] == "2026-10-07"
        # §4: "overdue not detained → 错 (P10)".
        assert (late.status, late.item_code, late.severity, late.facts["days_over"]) == (
            Status.VIOLATION,
            "P10",
            ERROR,
            1,
        )

    def test_h03_period_ending_on_a_tiaoxiu_saturday_is_not_extended(self) -> None:
        # §4 day counting "a 调休 Saturday or Sunday is a working day": 09-25 + 15 = 10-10, a worked Saturday.
        # The start day itself (09-25, 中秋) is not counted, whatever it is.
        r = one(arrest_card(1, D(2026, 9, 25), D(2026, 10, 12), detained=False), "DL-ARREST-REVIEW")
        assert (r.status, r.facts["end"], r.facts["days_over"]) == (Status.VIOLATION, "2026-10-10", 2)

    def test_h04_major_case_not_detained_twenty_days(self) -> None:
        # §4 table "major/complex 20": 2026-04-15 + 20 = 05-05 (劳动节, off) → 05-06.
        card = arrest_card(1, D(2026, 4, 15), D(2026, 5, 6), detained=False, extension_approved=True)
        r = one(card, "DL-ARREST-REVIEW")
        assert (r.status, r.facts["end"]) == (Status.PASSED, "2026-05-06")

    def test_h31_case_from_a_supervisory_commission_ten_days_plus_up_to_four(self) -> None:
        # §4 table "Case from a supervisory commission (留置): decide arrest/bail within 10 days (+1–4)", CPL 170;
        # the suspect is held (先行拘留), so no holiday roll-over. 03-02 + 10 = 03-12; extended, + 4 = 03-16.
        def card(closed: dt.date, **changes: Any) -> CaseCard:
            return arrest_card(1, D(2026, 3, 2), closed, detained=True, transferring_agency="某市监察委员会", **changes)

        ok = one(card(D(2026, 3, 11)), "DL-ARREST-REVIEW")  # day 9: late under the 7 days, on time under 10
        assert (ok.status, ok.facts["end"]) == (Status.PASSED, "2026-03-12")
        assert "CPL art. 170" in ok.explanation or "第一百七十条" in ok.explanation
        late = one(card(D(2026, 3, 13)), "DL-ARREST-REVIEW")
        assert (late.status, late.item_code, late.facts["days_over"]) == (Status.VIOLATION, "P12", 1)
        extended = one(card(D(2026, 3, 16), extension_approved=True), "DL-ARREST-REVIEW")
        assert (extended.status, extended.facts["end"]) == (Status.PASSED, "2026-03-16")
        # CPL 170 concerns cases under 留置; a card saying the suspect is not held keeps the ordinary 15 days.
        free = arrest_card(1, D(2026, 3, 2), D(2026, 3, 17), detained=False, transferring_agency="某市监察委员会")
        assert one(free, "DL-ARREST-REVIEW").facts["end"] == "2026-03-17"

    def test_h31_a_thresholds_file_written_before_the_supervisory_keys_still_loads(self, tmp_path: Any) -> None:
        import yaml

        from reviewapp.checks.config import THRESHOLDS_FILE, load_config

        data = yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8"))
        del data["arrest_review"]["supervisory_days"], data["arrest_review"]["supervisory_extension_days"]
        path = tmp_path / "thresholds.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        cfg = load_config(path)
        assert (cfg.arrest_supervisory_days, cfg.arrest_supervisory_extension_days) == (10, 4)


class TestProsecutionReview:
    def test_h05_month_from_the_31st_ends_on_the_last_of_february_a_worked_saturday(self) -> None:
        # §4 day counting "to the month's last day when that date does not exist": 01-31 + 1 month = 02-28,
        # and 2026-02-28 is a 调休 Saturday (worked), so no roll-over. Decided Monday 03-02: 2 days over.
        ok = one(prosecution(D(2026, 1, 31), D(2026, 2, 28), detained=False), "DL-PROSECUTION")
        late = one(prosecution(D(2026, 1, 31), D(2026, 3, 2), detained=False), "DL-PROSECUTION")
        assert ok.status is Status.PASSED
        seg = late.facts["segments"][0]
        assert (late.status, late.item_code, seg["end"], seg["days_over"]) == (Status.VIOLATION, "P10", "2026-02-28", 2)

    def test_h06_month_ending_in_spring_festival_rolls_over_unless_in_custody(self) -> None:
        # 01-15 + 1 month = 02-15 (春节 02-15..02-23 off) → 02-24 not in custody; in custody it stays 02-15.
        free = one(prosecution(D(2026, 1, 15), D(2026, 2, 24), detained=False), "DL-PROSECUTION")
        held = one(prosecution(D(2026, 1, 15), D(2026, 2, 24), detained=True), "DL-PROSECUTION")
        assert free.status is Status.PASSED and free.facts["segments"][0]["end"] == "2026-02-24"
        assert (held.status, held.item_code, held.severity) == (Status.VIOLATION, "P12", SERIOUS)
        assert (held.facts["segments"][0]["end"], held.facts["segments"][0]["days_over"]) == ("2026-02-15", 9)

    def test_h07_leap_year_month_ends_on_the_29th(self) -> None:
        # §4 day counting: 2024-01-31 + 1 month = 2024-02-29 (a Thursday, a working day).
        ok = one(prosecution(D(2024, 1, 31), D(2024, 2, 29), detained=False), "DL-PROSECUTION")
        late = one(prosecution(D(2024, 1, 31), D(2024, 3, 1), detained=False), "DL-PROSECUTION")
        assert ok.status is Status.PASSED and ok.facts["segments"][0]["end"] == "2024-02-29"
        assert late.status is Status.VIOLATION and late.facts["segments"][0]["days_over"] == 1

    def test_h08_month_from_the_30th_runs_to_the_30th_not_the_month_end(self) -> None:
        # "month periods run to the same date of the next month": 04-30 + 1 month = 05-30 (a Saturday, off;
        # not 05-31), rolled over Sunday 05-31 to Monday 06-01.
        r = one(prosecution(D(2026, 4, 30), D(2026, 6, 1), detained=False), "DL-PROSECUTION")
        seg = r.facts["segments"][0]
        assert (r.status, seg["nominal_end"], seg["end"]) == (Status.PASSED, "2026-05-30", "2026-06-01")
        assert seg["skipped"] == ["2026-05-30", "2026-05-31"]

    def test_h09_extension_adds_fifteen_days_to_the_month(self) -> None:
        # §4 table "1 month; major/complex +15 days (extension needs approval)": 08-20 + 1 month = 09-20
        # (a worked Sunday) + 15 days = 10-05 (国庆, off) → 10-08. Without the extension the end is 09-20
        # itself (调休: a working day, no roll-over), so 09-21 is one day over.
        extended = one(
            prosecution(D(2026, 8, 20), D(2026, 10, 8), detained=False, extension_approved=True), "DL-PROSECUTION"
        )
        plain = one(prosecution(D(2026, 8, 20), D(2026, 9, 21), detained=False), "DL-PROSECUTION")
        assert extended.status is Status.PASSED and extended.facts["segments"][0]["end"] == "2026-10-08"
        assert plain.status is Status.VIOLATION and plain.facts["segments"][0]["end"] == "2026-09-20"
        assert plain.facts["segments"][0]["days_over"] == 1

    def test_h10_the_period_restarts_on_resubmission(self) -> None:
        # §4 table "Return for supplementary investigation … the review period restarts on resubmission"
        # (CPL 175). Received 03-02, returned 03-20, resubmitted 04-15: the second stretch ends 05-15.
        # (The §4 [design] "net days" figure is 74 − 26 = 48 days — reported, but the restart decides.)
        base = dict(detained=False, returns_count=1, return1_on=D(2026, 3, 20), resubmit1_on=D(2026, 4, 15))
        ok = one(prosecution(D(2026, 3, 2), D(2026, 5, 15), **base), "DL-PROSECUTION")  # type: ignore[arg-type]
        late = one(prosecution(D(2026, 3, 2), D(2026, 5, 18), **base), "DL-PROSECUTION")  # type: ignore[arg-type]
        assert ok.status is Status.PASSED
        assert [s["end"] for s in ok.facts["segments"]] == ["2026-04-02", "2026-05-15"]
        assert ok.facts["net_review_days"] == 48
        assert late.status is Status.VIOLATION and late.facts["segments"][1]["days_over"] == 3

    def test_h11_extension_approved_in_the_first_stretch_carries_into_the_restarted_one(self, english: None) -> None:
        # Open question of the rules (does an extension carry into the stretch after 退回补充侦查?). The app
        # reads: the card records one approval, and it lengthens its own stretch and those after it.
        # Received 03-02, extension approved 03-25, returned 04-10, resubmitted 05-11, decided 06-20:
        # 05-11 + 1 month + 15 days = 06-26 → on time; without carrying over (06-11) it would be 9 days late.
        card = prosecution(
            D(2026, 3, 2),
            D(2026, 6, 20),
            detained=False,
            extension_approved=True,
            extension_approved_on=D(2026, 3, 25),
            returns_count=1,
            return1_on=D(2026, 4, 10),
            resubmit1_on=D(2026, 5, 11),
        )
        r = one(card, "DL-PROSECUTION")
        assert r.status is Status.PASSED
        assert r.facts["segments"][1]["end"] == "2026-06-26"
        # The explanation says which reading was applied to the later stretch.
        assert "carries into" in r.explanation and "approved on 2026-03-25" in r.explanation
        assert "stretch from 2026-05-11" in r.explanation

    def test_h12_fast_track_ten_or_fifteen_days(self) -> None:
        # §4 table "速裁 10 days; 15 days if likely sentence > 1 year". A recommendation of exactly one year
        # is not over one year: 10 days. 04-24 + 10 = 05-04 (劳动节, off) → 05-06.
        def card(closed: dt.date, recommendation: str) -> CaseCard:
            c = prosecution(D(2026, 4, 24), closed, detained=False, procedure="速裁")
            c.suspects[0].recommended_sentence = recommendation
            return c

        ten = one(card(D(2026, 5, 6), "有期徒刑一年"), "DL-FAST-TRACK")
        assert ten.status is Status.PASSED and ten.facts["segments"][0]["end"] == "2026-05-06"
        late = one(card(D(2026, 5, 7), "有期徒刑一年"), "DL-FAST-TRACK")
        assert late.status is Status.VIOLATION
        # Over one year: 04-24 + 15 = 05-09, a worked Saturday: the end, no roll-over.
        fifteen = one(card(D(2026, 5, 11), "有期徒刑一年一个月"), "DL-FAST-TRACK")
        assert (fifteen.status, fifteen.facts["segments"][0]["end"]) == (Status.VIOLATION, "2026-05-09")

    def test_h32_open_case_warns_five_days_ahead(self) -> None:
        # §4 "Warnings before expiry (one practice: 5 days ahead for prosecution, 2 for arrest review)".
        # Received 03-02, still open: the month ends 04-02 (Thursday). On 03-28 five days are left: warn; on
        # 03-27 six: no warning; on 04-03 one day over.
        card = prosecution(D(2026, 3, 2), D(2026, 3, 2), detained=False)
        card = dataclasses.replace(card, closed_on=None)

        def status(today: dt.date) -> Status:
            (r,) = check_case(card, today=today, rule_ids=["DL-PROSECUTION"])
            return r.status

        assert status(D(2026, 3, 27)) is Status.PASSED
        assert status(D(2026, 3, 28)) is Status.WARNING
        assert status(D(2026, 4, 2)) is Status.WARNING
        assert status(D(2026, 4, 3)) is Status.VIOLATION


class TestOtherPeriods:
    def test_h13_return_longer_than_a_month(self) -> None:
        # §4 table "each ≤ 1 month"; §3 P17 (错). Returned 01-30, 1 month → 02-28 (month end; a worked
        # Saturday), resubmitted Monday 03-02: 2 days over.
        card = prosecution(
            D(2026, 1, 5),
            D(2026, 3, 20),
            detained=False,
            returns_count=1,
            return1_on=D(2026, 1, 30),
            resubmit1_on=D(2026, 3, 2),
        )
        r = one(card, "DL-RETURN-PERIOD")
        assert (r.status, r.item_code, r.severity, r.facts["end"], r.facts["days_over"]) == (
            Status.VIOLATION,
            "P17",
            ERROR,
            "2026-02-28",
            2,
        )

    def test_h14_three_returns(self) -> None:
        # §4 table "≤ 2 times"; P17 "more than two returns".
        two = one(prosecution(D(2026, 1, 5), D(2026, 3, 20), detained=False, returns_count=2), "DL-RETURN-COUNT")
        three = one(prosecution(D(2026, 1, 5), D(2026, 3, 20), detained=False, returns_count=3), "DL-RETURN-COUNT")
        assert two.status is Status.PASSED
        assert (three.status, three.item_code, three.severity) == (Status.VIOLATION, "P17", ERROR)

    def test_h15_rights_notice_three_days_custody_or_not(self) -> None:
        # §4 table "within 3 days of receipt"; 09-30 + 3 = 10-03 (国庆). Not in custody → 10-08; in custody the
        # end stays 10-03 (CPL 105 applies to every period while in custody). P3 is 瑕 either way.
        free = one(
            prosecution(D(2026, 9, 30), D(2026, 10, 20), detained=False, suspect_notified_on=D(2026, 10, 8)),
            "DL-NOTICE-SUSPECT",
        )
        held = one(
            prosecution(D(2026, 9, 30), D(2026, 10, 20), detained=True, suspect_notified_on=D(2026, 10, 8)),
            "DL-NOTICE-SUSPECT",
        )
        assert free.status is Status.PASSED and free.facts["end"] == "2026-10-08"
        assert (held.status, held.item_code, held.severity, held.facts["end"]) == (
            Status.VIOLATION,
            "P3",
            MINOR,
            "2026-10-03",
        )

    def test_h16_bail_twelve_months_from_a_leap_day(self) -> None:
        # §4 table "Bail ≤ 12 months" (CPL 79); 2024-02-29 + 12 months = 2025-02-28 (the date does not exist;
        # month's last day), a Friday. Lifted 2025-03-01: 1 day over.
        card = prosecution(D(2025, 2, 10), D(2025, 3, 20), detained=False)
        suspect = card.suspects[0]
        suspect.measure, suspect.bail_on, suspect.measure_ended_on = "取保候审", D(2024, 2, 29), D(2025, 3, 1)
        suspect.detained = False
        (r,) = check_case(card, rule_ids=["DL-BAIL"])
        assert (r.status, r.facts["end"], r.facts["days_over"]) == (Status.VIOLATION, "2025-02-28", 1)


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

    def test_h22_one_ordinary_error_among_flaws_fails(self, english: None) -> None:
        # §2 "any 严重 or 一般 error → 不合格"; E5 is 瑕→错, recorded here as 错.
        p = propose_grade(CRIMINAL, [flaw("D4"), FindingInput("E5", "错", None, "r")], [])
        assert (p.grade, p.rule_id, p.deciding_findings) == ("不合格", "R-ERROR", ("E5",))
        assert "E5" in p.explanation and "classed as ordinary judicial error" in p.explanation.lower()
        assert "D4" not in p.explanation  # the flaw did not decide

    def test_h23_veto_item_forces_fail_and_is_named_as_veto(self, english: None) -> None:
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


def test_h28_d4_is_three_or_more_problems(english: None) -> None:
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
