"""Deadline rules on their boundary dates: last allowed day, one day over, weekends, holidays, custody."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from reviewapp.checks import RULES_BY_ID, CheckResult, Status, check_case
from reviewapp.checks.config import default_config, with_changes
from reviewapp.checks.results import ERROR, MINOR, SERIOUS
from reviewapp.demo.scenarios import arrest_card, prosecution_card
from reviewapp.domain.case_card import CaseCard
from reviewapp.legal import LegalCalendar

D = dt.date


def only(card: CaseCard, rule_id: str, today: dt.date | None = None, **kw: object) -> list[CheckResult]:
    results = check_case(card, today=today, rule_ids=[rule_id], **kw)  # type: ignore[arg-type]
    assert all(r.rule_id == rule_id for r in results)
    return results


def one(card: CaseCard, rule_id: str, today: dt.date | None = None) -> CheckResult:
    results = only(card, rule_id, today)
    assert len(results) == 1, results
    return results[0]


class TestArrestReview:
    @pytest.mark.parametrize(
        ("closed", "status", "over"),
        [(D(2025, 3, 10), Status.PASSED, 0), (D(2025, 3, 11), Status.VIOLATION, 1)],
    )
    def test_detained_seven_days(self, closed: dt.date, status: Status, over: int) -> None:
        r = one(arrest_card(1, D(2025, 3, 3), closed, detained=True), "DL-ARREST-REVIEW")
        assert r.status is status
        assert r.facts["end"] == "2025-03-10"
        assert r.facts["days_over"] == over

    def test_detained_period_ending_on_a_holiday_is_not_extended(self) -> None:
        r = one(arrest_card(1, D(2025, 9, 24), D(2025, 10, 2), detained=True), "DL-ARREST-REVIEW")
        assert r.status is Status.VIOLATION
        assert (r.item_code, r.severity) == ("P12", SERIOUS)
        assert r.facts["end"] == "2025-10-01"
        assert "2025-10-01" in r.explanation and "1" in r.explanation

    def test_not_detained_fifteen_days_rolled_over_national_day(self) -> None:
        ok = one(arrest_card(1, D(2025, 9, 16), D(2025, 10, 9), detained=False), "DL-ARREST-REVIEW")
        late = one(arrest_card(1, D(2025, 9, 16), D(2025, 10, 10), detained=False), "DL-ARREST-REVIEW")
        assert ok.status is Status.PASSED
        assert ok.facts["skipped"][0] == "2025-10-01" and ok.facts["end"] == "2025-10-09"
        assert late.status is Status.VIOLATION
        assert (late.item_code, late.severity, late.facts["days_over"]) == ("P10", ERROR, 1)

    def test_not_detained_major_case_twenty_days(self) -> None:
        card = arrest_card(1, D(2025, 3, 3), D(2025, 3, 24), detained=False, extension_approved=True)
        assert one(card, "DL-ARREST-REVIEW").status is Status.PASSED  # 23 Mar is Sunday → 24 Mar
        card = dataclasses.replace(card, closed_on=D(2025, 3, 25))
        assert one(card, "DL-ARREST-REVIEW").status is Status.VIOLATION

    def test_custody_unknown_is_not_checkable(self) -> None:
        card = arrest_card(1, D(2025, 3, 3), D(2025, 3, 10), detained=True)
        card = dataclasses.replace(card, detained=None)
        card.suspects[0].detained = None
        card.suspects[0].measure = None  # no measure on the card either: custody cannot be told
        r = one(card, "DL-ARREST-REVIEW")
        assert r.status is Status.NOT_CHECKABLE
        assert r.missing_fields == ("detained",)

    def test_custody_taken_from_suspects_when_card_is_blank(self) -> None:
        card = dataclasses.replace(arrest_card(1, D(2025, 3, 3), D(2025, 3, 11), detained=True), detained=None)
        assert one(card, "DL-ARREST-REVIEW").item_code == "P12"

    def test_not_applicable_to_other_case_types(self) -> None:
        assert only(prosecution_card(1, D(2025, 3, 3), D(2025, 3, 20), detained=True), "DL-ARREST-REVIEW") == []


class TestProsecution:
    def test_last_allowed_day_and_one_day_over(self) -> None:
        ok = one(prosecution_card(1, D(2025, 3, 3), D(2025, 4, 3), detained=False), "DL-PROSECUTION")
        late = one(prosecution_card(1, D(2025, 3, 3), D(2025, 4, 7), detained=False), "DL-PROSECUTION")
        assert ok.status is Status.PASSED
        assert late.status is Status.VIOLATION and late.facts["segments"][0]["days_over"] == 4

    def test_weekend_end_rolls_only_when_not_in_custody(self) -> None:
        free = one(prosecution_card(1, D(2025, 4, 10), D(2025, 5, 12), detained=False), "DL-PROSECUTION")
        held = one(prosecution_card(1, D(2025, 4, 10), D(2025, 5, 12), detained=True), "DL-PROSECUTION")
        assert free.status is Status.PASSED
        assert held.status is Status.VIOLATION
        assert (held.item_code, held.severity) == ("P12", SERIOUS)
        assert held.facts["segments"][0]["days_over"] == 2

    def test_tiaoxiu_saturday_is_the_last_day(self) -> None:
        r = one(prosecution_card(1, D(2025, 1, 8), D(2025, 2, 10), detained=False), "DL-PROSECUTION")
        assert r.status is Status.VIOLATION
        assert r.facts["segments"][0]["end"] == "2025-02-08"

    def test_31_january_in_a_leap_year(self) -> None:
        ok = one(prosecution_card(1, D(2024, 1, 31), D(2024, 2, 29), detained=True), "DL-PROSECUTION")
        late = one(prosecution_card(1, D(2024, 1, 31), D(2024, 3, 1), detained=True), "DL-PROSECUTION")
        assert ok.status is Status.PASSED and late.status is Status.VIOLATION

    def test_leap_day_start(self) -> None:
        ok = one(prosecution_card(1, D(2024, 2, 29), D(2024, 3, 29), detained=True), "DL-PROSECUTION")
        late = one(prosecution_card(1, D(2024, 2, 29), D(2024, 3, 30), detained=True), "DL-PROSECUTION")
        assert ok.status is Status.PASSED and late.status is Status.VIOLATION

    def test_extension_only_when_approved(self) -> None:
        card = prosecution_card(1, D(2025, 3, 3), D(2025, 4, 18), detained=False)
        assert one(card, "DL-PROSECUTION").status is Status.VIOLATION
        extended = dataclasses.replace(card, extension_approved=True)
        assert one(extended, "DL-PROSECUTION").status is Status.PASSED
        later = dataclasses.replace(extended, closed_on=D(2025, 4, 21))
        assert one(later, "DL-PROSECUTION").status is Status.VIOLATION

    def test_period_restarts_on_resubmission(self) -> None:
        card = prosecution_card(
            1,
            D(2025, 3, 3),
            D(2025, 5, 30),
            detained=True,
            returns_count=1,
            return1_on=D(2025, 3, 31),
            resubmit1_on=D(2025, 4, 30),
        )
        r = one(card, "DL-PROSECUTION")
        assert r.status is Status.PASSED
        assert r.facts["net_review_days"] == 28 + 30
        assert r.facts["calendar_days"] == 88
        late = one(dataclasses.replace(card, closed_on=D(2025, 5, 31)), "DL-PROSECUTION")
        assert late.status is Status.VIOLATION and late.facts["segments"][1]["days_over"] == 1

    def test_extension_approved_after_a_return_does_not_lengthen_the_stretch_before_it(self) -> None:
        # Detained: received 3-3, returned 4-14 (the month ended 4-3: 11 days over), resubmitted 5-6, the
        # extension approved 5-30 in the second stretch (5-6 + 1 month + 15 days = 6-21), decided 6-15.
        card = prosecution_card(
            1,
            D(2025, 3, 3),
            D(2025, 6, 15),
            detained=True,
            returns_count=1,
            return1_on=D(2025, 4, 14),
            resubmit1_on=D(2025, 5, 6),
            extension_approved=True,
            extension_approved_on=D(2025, 5, 30),
        )
        r = one(card, "DL-PROSECUTION")
        assert (r.status, r.item_code) == (Status.VIOLATION, "P12")
        first, second = r.facts["segments"]
        assert (first["end"], first["days_over"]) == ("2025-04-03", 11)
        assert (second["end"], second["days_over"]) == ("2025-06-21", 0)
        # Approved in the first stretch, it covers that stretch (4-18) and, the card holding one approval,
        # the stretch after the resubmission.
        early = one(dataclasses.replace(card, extension_approved_on=D(2025, 3, 28)), "DL-PROSECUTION")
        assert early.status is Status.PASSED
        assert [s["end"] for s in early.facts["segments"]] == ["2025-04-18", "2025-06-21"]
        # Without an approval date every stretch counts the extension, as before.
        undated = one(dataclasses.replace(card, extension_approved_on=None), "DL-PROSECUTION")
        assert undated.status is Status.PASSED

    def test_return_after_the_period_is_a_violation(self) -> None:
        card = prosecution_card(
            1,
            D(2025, 3, 3),
            D(2025, 5, 30),
            detained=True,
            returns_count=1,
            return1_on=D(2025, 4, 4),
            resubmit1_on=D(2025, 4, 30),
        )
        r = one(card, "DL-PROSECUTION")
        assert r.status is Status.VIOLATION and r.facts["segments"][0]["days_over"] == 1

    def test_missing_return_date_is_not_checkable(self) -> None:
        card = prosecution_card(1, D(2025, 3, 3), D(2025, 5, 30), detained=True, returns_count=1)
        r = one(card, "DL-PROSECUTION")
        assert r.status is Status.NOT_CHECKABLE and r.missing_fields == ("return1_on",)

    def test_open_case_warns_before_expiry(self) -> None:
        card = prosecution_card(1, D(2025, 3, 3), None, detained=False)  # ends 3 Apr
        assert one(card, "DL-PROSECUTION", today=D(2025, 3, 28)).status is Status.PASSED
        warn = one(card, "DL-PROSECUTION", today=D(2025, 3, 29))
        assert warn.status is Status.WARNING and warn.facts["segments"][0]["days_left"] == 5
        assert one(card, "DL-PROSECUTION", today=D(2025, 4, 3)).status is Status.WARNING
        over = one(card, "DL-PROSECUTION", today=D(2025, 4, 4))
        assert over.status is Status.VIOLATION and over.facts["segments"][0]["days_over"] == 1

    def test_warning_window_is_configurable(self) -> None:
        cfg = default_config()
        cfg = with_changes(cfg, warning_days={**cfg.warning_days, "prosecution": 10})
        card = prosecution_card(1, D(2025, 3, 3), None, detained=False)
        r = check_case(card, today=D(2025, 3, 24), config=cfg, rule_ids=["DL-PROSECUTION"])[0]
        assert r.status is Status.WARNING

    def test_open_case_without_today_is_not_checkable(self) -> None:
        r = one(prosecution_card(1, D(2025, 3, 3), None, detained=False), "DL-PROSECUTION")
        assert r.status is Status.NOT_CHECKABLE and r.missing_fields == ("closed_on",)

    def test_open_case_on_return_is_not_counted(self) -> None:
        card = prosecution_card(1, D(2025, 3, 3), None, detained=False, returns_count=1, return1_on=D(2025, 3, 20))
        assert one(card, "DL-PROSECUTION", today=D(2025, 4, 15)).status is Status.PASSED

    def test_unknown_calendar_year_is_not_checkable(self) -> None:
        cal = LegalCalendar({2024: []}, {2024: []})
        card = prosecution_card(1, D(2025, 3, 3), D(2025, 4, 7), detained=False)  # after the unrolled end
        r = check_case(card, calendar=cal, rule_ids=["DL-PROSECUTION"])[0]
        assert r.status is Status.NOT_CHECKABLE
        assert r.facts["unknown_date"] == "2025-04-03"
        assert "overrides.yaml" in r.explanation


class TestFastTrack:
    def test_ten_days_rolled_over_labour_day(self) -> None:
        ok = one(prosecution_card(1, D(2025, 4, 24), D(2025, 5, 6), detained=False, procedure="速裁"), "DL-FAST-TRACK")
        assert ok.status is Status.PASSED
        assert ok.facts["segments"][0]["end"] == "2025-05-06"

    def test_between_ten_and_fifteen_days_is_not_checkable(self) -> None:
        card = prosecution_card(1, D(2025, 6, 3), D(2025, 6, 16), detained=True, procedure="速裁")
        r = one(card, "DL-FAST-TRACK")
        assert r.status is Status.NOT_CHECKABLE
        assert r.missing_fields == ("likely_sentence_over_one_year",)

    def test_over_fifteen_days_is_a_violation(self) -> None:
        r = one(prosecution_card(1, D(2025, 6, 3), D(2025, 6, 19), detained=True, procedure="速裁"), "DL-FAST-TRACK")
        assert r.status is Status.VIOLATION and r.item_code == "P12"
        assert r.facts["segments"][0]["days_over"] == 1

    def test_fast_track_excludes_the_ordinary_rule(self) -> None:
        card = prosecution_card(1, D(2025, 6, 3), D(2025, 6, 13), detained=True, procedure="速裁")
        assert only(card, "DL-PROSECUTION") == []


CLOSED = D(2025, 5, 20)


class TestReturns:
    def _card(self, detained: bool, resubmit: dt.date | None, closed: dt.date | None = CLOSED) -> CaseCard:
        return prosecution_card(
            1,
            D(2025, 3, 3),
            closed,
            detained=detained,
            returns_count=1,
            return1_on=D(2025, 3, 20),
            resubmit1_on=resubmit,
        )

    def test_return_month_ending_on_sunday(self) -> None:
        assert one(self._card(False, D(2025, 4, 21)), "DL-RETURN-PERIOD").status is Status.PASSED
        held = one(self._card(True, D(2025, 4, 21)), "DL-RETURN-PERIOD")
        assert held.status is Status.VIOLATION and (held.item_code, held.severity) == ("P17", ERROR)
        assert one(self._card(False, D(2025, 4, 22)), "DL-RETURN-PERIOD").status is Status.VIOLATION

    def test_custody_unknown_decides_only_when_both_counts_agree(self) -> None:
        card = self._card(False, D(2025, 4, 21))
        card = dataclasses.replace(card, detained=None)
        card.suspects[0].detained = None
        card.suspects[0].measure = None  # no measure on the card either: custody cannot be told
        assert one(card, "DL-RETURN-PERIOD").status is Status.NOT_CHECKABLE
        card = dataclasses.replace(card, resubmit1_on=D(2025, 4, 18))
        assert one(card, "DL-RETURN-PERIOD").status is Status.PASSED

    def test_closed_without_resubmission_is_not_checkable(self) -> None:
        r = one(self._card(False, None), "DL-RETURN-PERIOD")
        assert r.status is Status.NOT_CHECKABLE and r.missing_fields == ("resubmit1_on",)

    def test_open_return_warns(self) -> None:
        card = self._card(False, None, closed=None)
        assert one(card, "DL-RETURN-PERIOD", today=D(2025, 4, 17)).status is Status.WARNING
        assert one(card, "DL-RETURN-PERIOD", today=D(2025, 4, 22)).status is Status.VIOLATION

    @pytest.mark.parametrize(("count", "status"), [(2, Status.PASSED), (3, Status.VIOLATION)])
    def test_at_most_two_returns(self, count: int, status: Status) -> None:
        card = prosecution_card(1, D(2025, 3, 3), D(2025, 3, 20), detained=False, returns_count=count)
        assert one(card, "DL-RETURN-COUNT").status is status


class TestNotices:
    @pytest.mark.parametrize(
        ("detained", "notified", "status"),
        [
            (False, D(2025, 3, 10), Status.PASSED),  # Sunday 9 Mar rolled to Monday
            (False, D(2025, 3, 11), Status.VIOLATION),
            (True, D(2025, 3, 9), Status.PASSED),
            (True, D(2025, 3, 10), Status.VIOLATION),  # in custody: no roll-over
        ],
    )
    def test_suspect_notice_within_three_days(self, detained: bool, notified: dt.date, status: Status) -> None:
        card = prosecution_card(1, D(2025, 3, 6), D(2025, 3, 28), detained=detained, suspect_notified_on=notified)
        r = one(card, "DL-NOTICE-SUSPECT")
        assert r.status is status
        assert (r.item_code, r.severity) == ("P3", MINOR)

    def test_victim_notice_missing_is_not_checkable(self) -> None:
        card = prosecution_card(1, D(2025, 3, 6), D(2025, 3, 28), detained=False, victim_notified_on=None)
        r = one(card, "DL-NOTICE-VICTIM")
        assert r.status is Status.NOT_CHECKABLE and r.missing_fields == ("victim_notified_on",)
        assert "告知被害人权利日期" in r.explanation

    def test_victim_notice_one_day_late(self) -> None:
        card = prosecution_card(1, D(2025, 3, 6), D(2025, 3, 28), detained=False, victim_notified_on=D(2025, 3, 11))
        assert one(card, "DL-NOTICE-VICTIM").status is Status.VIOLATION


class TestMeasures:
    def _card(self, measure: str, started: dt.date, closed: dt.date | None) -> CaseCard:
        return prosecution_card(
            1, D(2025, 2, 24), closed, detained=False, suspect={"measure": measure, "measure_started_on": started}
        )

    def test_bail_twelve_months(self) -> None:
        assert one(self._card("取保候审", D(2024, 3, 15), D(2025, 3, 17)), "DL-BAIL").status is Status.PASSED
        r = one(self._card("取保候审", D(2024, 3, 15), D(2025, 3, 18)), "DL-BAIL")
        assert r.status is Status.VIOLATION and r.facts["suspect"] == "张某某"

    def test_surveillance_six_months(self) -> None:
        assert one(self._card("监视居住", D(2024, 9, 2), D(2025, 3, 3)), "DL-SURVEILLANCE").status is Status.PASSED
        assert one(self._card("监视居住", D(2024, 9, 2), D(2025, 3, 4)), "DL-SURVEILLANCE").status is Status.VIOLATION

    def test_open_case_warns(self) -> None:
        card = self._card("取保候审", D(2024, 3, 15), None)
        assert one(card, "DL-BAIL", today=D(2025, 3, 10)).status is Status.WARNING

    def test_missing_start_is_not_checkable(self) -> None:
        card = self._card("取保候审", D(2024, 3, 15), D(2025, 3, 17))
        card.suspects[0].measure_started_on = None
        r = one(card, "DL-BAIL")
        assert r.status is Status.NOT_CHECKABLE
        assert r.missing_fields == ("suspects[0].measure_started_on",)


def test_registry_gives_custody_items_for_deadlines() -> None:
    spec = RULES_BY_ID["DL-PROSECUTION"]
    assert (spec.item_code, spec.severity, spec.custody_item_code, spec.custody_severity) == (
        "P10",
        ERROR,
        "P12",
        SERIOUS,
    )


class TestUnknownCalendarYear:
    """Only 2025 is known here: an end in 2026 needs the roll-over rule only when the event is late."""

    CAL = LegalCalendar({2025: []}, {2025: []})

    def check(self, card: CaseCard, rule_id: str, today: dt.date | None = None) -> CheckResult:
        return check_case(card, today=today, calendar=self.CAL, rule_ids=[rule_id])[0]

    def test_on_time_against_the_unrolled_end_passes(self) -> None:
        card = prosecution_card(1, D(2025, 12, 10), D(2026, 1, 9), detained=False)
        r = self.check(card, "DL-PROSECUTION")
        assert r.status is Status.PASSED
        assert r.facts["segments"][0]["calendar_known"] is False

    def test_after_the_unrolled_end_is_not_checkable(self) -> None:
        card = prosecution_card(1, D(2025, 12, 10), D(2026, 1, 12), detained=False)
        assert self.check(card, "DL-PROSECUTION").status is Status.NOT_CHECKABLE

    def test_in_custody_needs_no_calendar(self) -> None:
        card = prosecution_card(1, D(2025, 12, 10), D(2026, 1, 12), detained=True)
        assert self.check(card, "DL-PROSECUTION").status is Status.VIOLATION

    def test_open_bail_far_from_its_end_passes(self) -> None:
        card = prosecution_card(1, D(2025, 6, 2), None, detained=False, suspect={"measure_started_on": D(2025, 6, 1)})
        assert self.check(card, "DL-BAIL", today=D(2025, 7, 1)).status is Status.PASSED
        assert self.check(card, "DL-BAIL", today=D(2026, 5, 28)).status is Status.NOT_CHECKABLE


class TestVictimlessCharges:
    """CPL art. 46: the victim's rights notice applies only where the case has a victim."""

    def test_no_victim_notice_needed_for_drunk_driving(self) -> None:
        card = prosecution_card(1, D(2025, 3, 6), D(2025, 3, 28), detained=False, victim_notified_on=None)
        card.transferred_charge = card.found_charge = "危险驾驶罪"
        for s in card.suspects:
            s.transferred_charge = s.found_charge = "危险驾驶罪"
        assert [r for r in check_case(card) if r.rule_id == "DL-NOTICE-VICTIM"] == []

    def test_a_victim_charge_alongside_keeps_the_rule(self) -> None:
        card = prosecution_card(1, D(2025, 3, 6), D(2025, 3, 28), detained=False, victim_notified_on=None)
        card.transferred_charge = card.found_charge = "危险驾驶罪、故意伤害罪"
        assert one(card, "DL-NOTICE-VICTIM").status is Status.NOT_CHECKABLE
