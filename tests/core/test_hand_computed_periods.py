"""Cases worked out by hand from ../shared/domain/review-rules.md, second round: §4 statutory periods and the day
counting boundaries the first round (test_hand_computed_deadlines.py) left open — returns across month ends,
net review days over two returns, extensions, fast-track without a known sentence, rights notices with custody
unknown, residential surveillance and the warnings before expiry. The §5 card checks are in
test_hand_computed_card_checks.py.

Each case states its inputs, the hand result and the sentence of the rules it rests on ("§4 day counting" = the
paragraph "Day counting [rule, CPL 105]"). Calendar facts (State Council schedules, checked against
reviewapp.legal.default_calendar()):
2025 — 春节 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked; 国庆/中秋 10-01..10-08 off, Sunday 09-28
and Saturday 10-11 worked.
2026 — 元旦 01-01..01-03 off, Sunday 01-04 worked; 春节 02-15..02-23 off, Saturdays 02-14 and 02-28 worked;
清明 04-04..04-06 off; 国庆 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked. 2024 is a leap year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from reviewapp.checks import Status, check_case
from reviewapp.checks.results import ERROR, MINOR, SERIOUS
from reviewapp.demo.scenarios import arrest_card
from reviewapp.domain.case_card import CaseCard
from tests.core.hand_computed import CAL, D, one, prosecution


def _open_status(card: CaseCard, rule_id: str, today: dt.date) -> Status:
    (r,) = check_case(card, today=today, rule_ids=[rule_id])
    return r.status


def test_calendar_facts_of_the_docstring() -> None:
    # The hand results below rest on these days; the app's calendar must agree before they mean anything.
    off = [D(2025, 1, 28), D(2025, 2, 4), D(2025, 10, 8), D(2026, 1, 1), D(2026, 2, 16), D(2026, 2, 23), D(2026, 10, 1)]
    worked = [D(2025, 9, 28), D(2025, 10, 11), D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28)]
    assert not any(CAL.is_workday(d) for d in off)
    assert all(CAL.is_workday(d) for d in worked)
    assert CAL.is_workday(D(2024, 2, 29))


class TestReturns:
    def test_h44_month_return_from_the_31st_of_january_in_a_leap_year(self) -> None:
        # §4 "Return … each ≤ 1 month"; §4 day counting "to the month's last day when that date does not exist":
        # returned 2024-01-31 → 2024-02-29 (a Thursday). Resubmitted 02-29 → on time; 03-01 → 1 day over (P17 错).
        def card(resubmitted: dt.date) -> CaseCard:
            return prosecution(
                D(2024, 1, 10),
                D(2024, 3, 20),
                detained=False,
                returns_count=1,
                return1_on=D(2024, 1, 31),
                resubmit1_on=resubmitted,
            )

        ok = one(card(D(2024, 2, 29)), "DL-RETURN-PERIOD")
        assert (ok.status, ok.facts["end"]) == (Status.PASSED, "2024-02-29")
        late = one(card(D(2024, 3, 1)), "DL-RETURN-PERIOD")
        assert (late.status, late.item_code, late.severity, late.facts["days_over"]) == (
            Status.VIOLATION,
            "P17",
            ERROR,
            1,
        )

    def test_h45_return_over_new_year_into_the_spring_festival_custody_or_not(self) -> None:
        # Returned Monday 2024-12-30 → 2025-01-30 (春节, off). Not in custody: rolled over 01-30..02-04 to
        # Wednesday 02-05 — resubmitted that day → on time. In custody the end stays 01-30 (§4 day counting
        # "except while the suspect is in custody") → 6 days over. Still P17 / 错: §3 P17 has no custody form.
        def card(detained: bool) -> CaseCard:
            return prosecution(
                D(2024, 12, 2),
                D(2025, 2, 20),
                detained=detained,
                returns_count=1,
                return1_on=D(2024, 12, 30),
                resubmit1_on=D(2025, 2, 5),
            )

        free = one(card(False), "DL-RETURN-PERIOD")
        assert (free.status, free.facts["nominal_end"], free.facts["end"]) == (
            Status.PASSED,
            "2025-01-30",
            "2025-02-05",
        )
        assert len(free.facts["skipped"]) == 6
        held = one(card(True), "DL-RETURN-PERIOD")
        assert (held.status, held.item_code, held.severity) == (Status.VIOLATION, "P17", ERROR)
        assert (held.facts["end"], held.facts["days_over"]) == ("2025-01-30", 6)

    def test_h46_open_return_warns_five_days_before_its_rolled_over_end(self) -> None:
        # §4 "Warnings before expiry"; shipped warning_days.returns = 5. Returned 2026-04-30, not resubmitted, case
        # open: 1 month → 05-30 (Saturday) → Sunday 05-31 → Monday 06-01. 05-26: 6 days left, no warning; 05-27:
        # 5 left, warning; 06-01: last day, warning; 06-02: over.
        card = prosecution(D(2026, 4, 13), None, detained=False, returns_count=1, return1_on=D(2026, 4, 30))
        assert _open_status(card, "DL-RETURN-PERIOD", D(2026, 5, 26)) is Status.PASSED
        assert _open_status(card, "DL-RETURN-PERIOD", D(2026, 5, 27)) is Status.WARNING
        assert _open_status(card, "DL-RETURN-PERIOD", D(2026, 6, 1)) is Status.WARNING
        assert _open_status(card, "DL-RETURN-PERIOD", D(2026, 6, 2)) is Status.VIOLATION
        # While the case is on return, the prosecution-review clock is stopped: no warning from it.
        (pros,) = check_case(card, today=D(2026, 6, 2), rule_ids=["DL-PROSECUTION"])
        assert pros.status is Status.PASSED


class TestProsecutionReview:
    def test_h47_two_returns_net_review_days_and_the_restart(self) -> None:
        # §4 [design] "Net prosecution-review days = (decision − receipt) − days spent in returns"; §4 table "the
        # review period restarts on resubmission" (CPL 175). Detained. Received 2025-03-10, returned 04-08 (29
        # review days), resubmitted 05-06, returned 06-05 (30), resubmitted 07-04, decided 08-04 (31):
        # calendar 147 days, in returns 28 + 29 = 57, net 90. Each stretch within its own month (04-10, 06-06,
        # 08-04) → on time; decided 08-05 → 1 day over in the last stretch, in custody → P12 严.
        dates: dict[str, Any] = dict(
            returns_count=2,
            return1_on=D(2025, 4, 8),
            resubmit1_on=D(2025, 5, 6),
            return2_on=D(2025, 6, 5),
            resubmit2_on=D(2025, 7, 4),
        )
        ok = one(prosecution(D(2025, 3, 10), D(2025, 8, 4), detained=True, **dates), "DL-PROSECUTION")
        assert ok.status is Status.PASSED
        assert [s["end"] for s in ok.facts["segments"]] == ["2025-04-10", "2025-06-06", "2025-08-04"]
        assert (ok.facts["calendar_days"], ok.facts["return_days"], ok.facts["net_review_days"]) == (147, 57, 90)
        late_card = prosecution(D(2025, 3, 10), D(2025, 8, 5), detained=True, **dates)
        late = one(late_card, "DL-PROSECUTION")
        assert (late.status, late.item_code, late.severity) == (Status.VIOLATION, "P12", SERIOUS)
        assert [s["days_over"] for s in late.facts["segments"]] == [0, 0, 1]
        # Both returns within a month (05-08, 07-05 in custody) and two returns at most → no P17.
        for rule in ("DL-RETURN-PERIOD", "DL-RETURN-COUNT"):
            assert {r.status for r in check_case(late_card, rule_ids=[rule])} == {Status.PASSED}

    def test_h48_extension_approved_on_the_last_day_of_the_month_or_the_day_after(self) -> None:
        # §4 table "1 month; major/complex +15 days (extension needs approval)". Received 2026-03-02, the month
        # ends Thursday 04-02. Approved 04-02 (still within the month) → 04-02 + 15 = Friday 04-17: decided that day
        # → on time. Approved 04-03, after the month had run out → nothing left to extend: the month alone
        # applies, 04-17 is 15 days over (P10 错). (A reading: the rules do not say whether a late approval counts.)
        def card(approved: dt.date) -> CaseCard:
            return prosecution(
                D(2026, 3, 2), D(2026, 4, 17), detained=False, extension_approved=True, extension_approved_on=approved
            )

        ok = one(card(D(2026, 4, 2)), "DL-PROSECUTION")
        assert (ok.status, ok.facts["segments"][0]["end"]) == (Status.PASSED, "2026-04-17")
        late = one(card(D(2026, 4, 3)), "DL-PROSECUTION")
        seg = late.facts["segments"][0]
        assert (late.status, late.item_code, seg["end"], seg["days_over"]) == (
            Status.VIOLATION,
            "P10",
            "2026-04-02",
            15,
        )

    def test_h49_extended_month_ending_on_a_holiday_is_one_period(self) -> None:
        # §4 day counting moves the LAST day of a period; with the extension the period is 1 month + 15 days, so
        # the month's own end (10-01, 国庆) is not rolled first. Received 2026-09-01: 10-01 + 15 = Friday 10-16.
        # Decided Monday 10-19 → 3 days over (not 10-08 + 15 = 10-23). Without the extension: 10-01 → 10-08.
        card = prosecution(D(2026, 9, 1), D(2026, 10, 19), detained=False, extension_approved=True)
        seg = one(card, "DL-PROSECUTION").facts["segments"][0]
        assert (seg["nominal_end"], seg["end"], seg["days_over"]) == ("2026-10-16", "2026-10-16", 3)
        plain = one(dataclasses.replace(card, extension_approved=False, closed_on=D(2026, 10, 8)), "DL-PROSECUTION")
        assert (plain.status, plain.facts["segments"][0]["end"]) == (Status.PASSED, "2026-10-08")

    def test_h50_fast_track_without_a_known_sentence(self) -> None:
        # §4 table "速裁 10 days; 15 days if likely sentence > 1 year". No recommendation and no judgment on the
        # card. Received Monday 2026-03-02: +10 = Thursday 03-12, +15 = Tuesday 03-17. Decided 03-12 → on time
        # under both; 03-13 → late only if the sentence is ≤ 1 year: not checkable; 03-18 → late under both:
        # violation, 1 day past the 15-day end.
        def card(closed: dt.date) -> CaseCard:
            return prosecution(D(2026, 3, 2), closed, detained=False, procedure="速裁")

        assert one(card(D(2026, 3, 12)), "DL-FAST-TRACK").status is Status.PASSED
        # Reading where the rules are silent: a recommended range reaching above one year (十个月至一年二个月)
        # counts as "likely > 1 year" → 15 days, so 03-13 is on time.
        ranged = card(D(2026, 3, 13))
        ranged.suspects[0].recommended_sentence = "有期徒刑十个月至一年二个月"
        assert one(ranged, "DL-FAST-TRACK").status is Status.PASSED
        between = one(card(D(2026, 3, 13)), "DL-FAST-TRACK")
        assert (between.status, between.missing_fields) == (Status.NOT_CHECKABLE, ("likely_sentence_over_one_year",))
        late = one(card(D(2026, 3, 18)), "DL-FAST-TRACK")
        seg = late.facts["segments"][0]
        assert (late.status, late.item_code, seg["alternative_end"], seg["days_over"]) == (
            Status.VIOLATION,
            "P10",
            "2026-03-17",
            1,
        )

    def test_h51_fast_track_ending_on_a_worked_sunday_2025(self) -> None:
        # §4 day counting "a 调休 Saturday or Sunday is a working day". Recommended 有期徒刑六个月 (≤ 1 year: 10
        # days). Received 2025-09-18 + 10 = Sunday 09-28, worked → the end, not rolled: 09-29 is 1 day over.
        card = prosecution(D(2025, 9, 18), D(2025, 9, 29), detained=False, procedure="速裁")
        card.suspects[0].recommended_sentence = "有期徒刑六个月"
        r = one(card, "DL-FAST-TRACK")
        seg = r.facts["segments"][0]
        assert (r.status, seg["end"], seg["skipped"], seg["days_over"]) == (Status.VIOLATION, "2025-09-28", [], 1)


class TestNoticesAndArrest:
    def test_h52_victim_notice_from_new_years_day_ends_on_a_worked_sunday(self) -> None:
        # §4 "within 3 days of receipt … victim's right to an agent"; §4 day counting "the starting day is not
        # counted" (even a holiday) and "a 调休 … Sunday is a working day". Received 2026-01-01 + 3 = Sunday 01-04,
        # worked → the end. Notified Monday 01-05 → 1 day over (P3 瑕).
        ok = one(
            prosecution(D(2026, 1, 1), D(2026, 1, 20), detained=False, victim_notified_on=D(2026, 1, 4)),
            "DL-NOTICE-VICTIM",
        )
        assert (ok.status, ok.facts["end"]) == (Status.PASSED, "2026-01-04")
        late = one(
            prosecution(D(2026, 1, 1), D(2026, 1, 20), detained=False, victim_notified_on=D(2026, 1, 5)),
            "DL-NOTICE-VICTIM",
        )
        assert (late.status, late.item_code, late.severity, late.facts["days_over"]) == (
            Status.VIOLATION,
            "P3",
            MINOR,
            1,
        )

    def test_h53_notice_with_custody_unknown_when_the_two_countings_differ(self) -> None:
        # §4 day counting: the roll-over depends on custody. 是否羁押 blank, no measure on the person card.
        # Received Wednesday 2026-03-04 + 3 = Saturday 03-07: in custody the end is 03-07, otherwise Monday 03-09.
        # Notified 03-07 → on time either way; 03-09 → late only in custody: not checkable (needs 是否羁押);
        # 03-10 → late either way: violation.
        def card(notified: dt.date) -> CaseCard:
            c = prosecution(D(2026, 3, 4), D(2026, 3, 30), detained=False, suspect_notified_on=notified)
            c.suspects[0].detained = c.suspects[0].measure = None
            return dataclasses.replace(c, detained=None)

        assert one(card(D(2026, 3, 7)), "DL-NOTICE-SUSPECT").status is Status.PASSED
        unknown = one(card(D(2026, 3, 9)), "DL-NOTICE-SUSPECT")
        assert (unknown.status, unknown.missing_fields) == (Status.NOT_CHECKABLE, ("detained",))
        assert one(card(D(2026, 3, 10)), "DL-NOTICE-SUSPECT").status is Status.VIOLATION

    def test_h54_open_arrest_review_warns_two_days_ahead(self) -> None:
        # §4 "Warnings before expiry (… 2 for arrest review)"; detained: 7 days. Received Wednesday 2026-05-06 →
        # 05-13. 05-10: 3 days left, no warning; 05-11: 2 left, warning; 05-13: last day, warning; 05-14: over,
        # in custody → P12 严.
        card = arrest_card(1, D(2026, 5, 6), None, detained=True)
        assert _open_status(card, "DL-ARREST-REVIEW", D(2026, 5, 10)) is Status.PASSED
        assert _open_status(card, "DL-ARREST-REVIEW", D(2026, 5, 11)) is Status.WARNING
        assert _open_status(card, "DL-ARREST-REVIEW", D(2026, 5, 13)) is Status.WARNING
        (over,) = check_case(card, today=D(2026, 5, 14), rule_ids=["DL-ARREST-REVIEW"])
        assert (over.status, over.item_code, over.severity, over.facts["days_over"]) == (
            Status.VIOLATION,
            "P12",
            SERIOUS,
            1,
        )


class TestResidentialSurveillance:
    @staticmethod
    def _card(started: dt.date, closed: dt.date | None, **suspect: Any) -> CaseCard:
        card = prosecution(D(2026, 1, 5), closed, detained=False)
        s = card.suspects[0]
        s.measure, s.surveillance_on, s.detained = "监视居住", started, False
        for key, value in suspect.items():
            setattr(s, key, value)
        return card

    def test_h55_six_months_ending_in_the_spring_festival(self) -> None:
        # §4 table "residential surveillance ≤ 6 months" (CPL 79); not custody, so §4 day counting rolls over:
        # 2025-08-16 + 6 months = Monday 2026-02-16 (春节) → passed over 02-16..02-23 → Tuesday 02-24. Lifted 02-24
        # → on time; lifted 02-25 → 1 day over (P10 错).
        ok = one(self._card(D(2025, 8, 16), D(2026, 3, 2), measure_ended_on=D(2026, 2, 24)), "DL-SURVEILLANCE")
        assert (ok.status, ok.facts["end"], len(ok.facts["skipped"])) == (Status.PASSED, "2026-02-24", 8)
        late = one(self._card(D(2025, 8, 16), D(2026, 3, 2), measure_ended_on=D(2026, 2, 25)), "DL-SURVEILLANCE")
        assert (late.status, late.item_code, late.severity, late.facts["days_over"]) == (
            Status.VIOLATION,
            "P10",
            ERROR,
            1,
        )

    def test_h56_surveillance_ends_when_the_suspect_is_arrested(self) -> None:
        # The measure ends when replaced by an arrest. 2025-09-01 + 6 months = Sunday 2026-03-01 → Monday 03-02.
        # Arrested 03-05 (now 逮捕, in custody) → the surveillance ran 3 days too long (P10: the surveillance was
        # not custody; the arrest does not make it P12).
        card = self._card(D(2025, 9, 1), D(2026, 3, 20), measure="逮捕", arrested_on=D(2026, 3, 5), detained=True)
        r = one(card, "DL-SURVEILLANCE")
        assert (r.status, r.item_code, r.facts["ended_on"], r.facts["end"], r.facts["days_over"]) == (
            Status.VIOLATION,
            "P10",
            "2026-03-05",
            "2026-03-02",
            3,
        )

    def test_h57_surveillance_replaced_by_bail_ends_on_the_bail_date(self) -> None:
        # A suspect under surveillance from 2025-06-02, changed to bail on 2025-09-01 (now 取保候审), case
        # decided 2026-03-02. The two measures never run together: the surveillance ran 06-02 → 09-01, within
        # 6 months (end 12-02) → passes. Bail from 09-01 to the decision → 6 months of 12 → passes. (Counted to
        # the decision, the surveillance would have been 90 days over.)
        card = self._card(D(2025, 6, 2), D(2026, 3, 2), measure="取保候审", bail_on=D(2025, 9, 1))
        r = one(card, "DL-SURVEILLANCE")
        assert (r.status, r.facts["ended_on"], r.facts["end"]) == (Status.PASSED, "2025-09-01", "2025-12-02")
        assert one(card, "DL-BAIL").status is Status.PASSED
        # The other way round: bail from 2025-02-03 (12 months → 2026-02-03), changed to surveillance on
        # 2025-12-01 → bail ran 10 months → passes; surveillance 12-01 → decision 2026-03-02, within 6 months.
        back = self._card(D(2025, 12, 1), D(2026, 3, 2), bail_on=D(2025, 2, 3))
        bail = one(back, "DL-BAIL")
        assert (bail.status, bail.facts["ended_on"]) == (Status.PASSED, "2025-12-01")
        assert one(back, "DL-SURVEILLANCE").status is Status.PASSED

    def test_h58_open_surveillance_warns_ten_days_ahead(self) -> None:
        # Shipped warning_days.measures = 10. Surveillance from 2026-01-10, still on, case open: ends Friday 07-10.
        # 06-29: 11 days left, no warning; 06-30: 10 left, warning; 07-11: over.
        card = self._card(D(2026, 1, 10), None)
        assert _open_status(card, "DL-SURVEILLANCE", D(2026, 6, 29)) is Status.PASSED
        assert _open_status(card, "DL-SURVEILLANCE", D(2026, 6, 30)) is Status.WARNING
        assert _open_status(card, "DL-SURVEILLANCE", D(2026, 7, 11)) is Status.VIOLATION
