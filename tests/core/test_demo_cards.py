"""Demo case cards: deterministic, realistic, unique numbers and clean against every statutory limit."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.demo import DEMO_AS_OF, build_cards
from reviewapp.demo.vocabulary import PROPERTY_CHARGES
from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS, CaseCard

SEED = 4242
CRIMINAL = ("审查起诉", "审查逮捕")


@pytest.fixture(scope="module")
def cards() -> list[CaseCard]:
    return build_cards(2000, SEED)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def assert_clean(card: CaseCard, as_of: date = DEMO_AS_OF) -> None:
    """review-rules.md §4–§5, written out as date arithmetic with the generator's safety margins."""
    a = card.accepted_on
    assert date(2024, 1, 1) <= a <= as_of
    if card.closed_on is None:
        # Open cases came in just before the export and are inside every limit on as_of.
        assert card.case_type in CRIMINAL
        assert (as_of - a).days <= (3 if card.case_type == "审查逮捕" else 8)
    else:
        assert a <= card.closed_on <= as_of
        assert card.disposition
        archived = card.extra.get("归档日期")
        if archived is not None:
            assert card.closed_on < date.fromisoformat(archived) <= as_of
    if card.case_type not in CRIMINAL:
        assert card.suspects == [] and card.transferred_charge is None and card.found_charge is None
        return
    end = card.closed_on or as_of
    # Rights notices 1–2 days after receipt (limit: 3 days, CPL 34 / 46).
    assert card.suspect_notified_on is not None
    assert 1 <= (card.suspect_notified_on - a).days <= 2
    if card.victim_notified_on is not None:
        assert 1 <= (card.victim_notified_on - a).days <= 2
    assert card.found_charge == card.transferred_charge is not None
    assert card.suspects and card.detained == any(s.detained for s in card.suspects)
    for s in card.suspects:
        assert s.transferred_charge == s.found_charge == card.transferred_charge
        assert s.measure_started_on is not None and s.measure_started_on < a
        assert s.birth_date is not None and s.age_at_offence is not None
        assert age_on(s.birth_date, end) == s.age_at_offence  # no birthday during the proceedings
        assert s.age_at_offence >= 16
        if s.age_at_offence < 18:
            assert card.business_line == "未检"
        if s.detained:
            assert s.measure in ("拘留", "逮捕")
        if s.measure == "取保候审":  # ≤ 12 months (CPL 79), far from it
            assert (end - s.measure_started_on).days < 300
        if s.measure == "监视居住":  # ≤ 6 months
            assert (end - s.measure_started_on).days < 150
        if card.disposition == "起诉":
            assert s.prosecuted_charge == card.transferred_charge
    if card.transferred_charge in PROPERTY_CHARGES:
        assert card.amount is not None and card.amount > 0
    if card.case_type == "审查逮捕":
        assert card.plea is None and card.returns_count is None
        if card.closed_on is not None:
            # CPL 91: 7 days in custody (ours ≤ 5); 规则 282: 15 days otherwise (ours ≤ 10).
            assert (card.closed_on - a).days <= (5 if card.detained else 10)
            assert card.disposition in ("批准逮捕", "不批准逮捕")
        return
    assert_prosecution_clean(card)


def assert_prosecution_clean(card: CaseCard) -> None:
    a, closed = card.accepted_on, card.closed_on
    count = card.returns_count
    assert count in (0, 1, 2)  # CPL 175: at most two returns
    returns = [(card.return1_on, card.resubmit1_on), (card.return2_on, card.resubmit2_on)]
    chain = [a]
    for i, (back, again) in enumerate(returns):
        if i < count:
            assert back is not None and again is not None
            assert 10 <= (again - back).days <= 25  # each return ≤ 1 month
            chain += [back, again]
        else:
            assert back is None and again is None
    if closed is None:
        assert count == 0 and card.plea is None
        return
    chain.append(closed)
    assert chain == sorted(chain) and len(set(chain)) == len(chain)
    away = sum((again - back).days for back, again in returns[:count] if back and again)
    net = (closed - a).days - away
    assert net <= 20  # CPL 172: one month
    # Cases returned twice carry an approved extension (CPL art. 172), approved during the last stretch.
    assert card.extension_approved is (count == 2)
    if count == 2:
        assert card.extension_approved_on is not None and chain[-2] < card.extension_approved_on <= closed
    if card.disposition == "不起诉（存疑）":
        assert count >= 1
    if card.disposition == "附条件不起诉":
        assert all(s.age_at_offence is not None and s.age_at_offence < 18 for s in card.suspects)
    if card.procedure == "速裁":
        assert net <= 8 and count == 0  # 10 days (15 if > 1 year), 规则 273
        assert all(s.age_at_offence is not None and s.age_at_offence >= 18 for s in card.suspects)
    if card.plea:
        assert card.disposition == "起诉"
        assert card.plea_signed_on is not None and a <= card.plea_signed_on <= closed
        assert card.plea_witness in ("辩护人", "值班律师")
        assert card.sentencing_recommendation == "确定刑"
        assert card.procedure in ("速裁", "简易", "普通")
    else:
        assert card.plea_signed_on is None and card.sentencing_recommendation is None


def test_same_seed_same_cards() -> None:
    assert build_cards(150, 77) == build_cards(150, 77)
    assert build_cards(150, 77) != build_cards(150, 78)


def test_every_random_card_is_clean(cards: list[CaseCard]) -> None:
    for card in cards:
        assert_clean(card)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), count=st.integers(min_value=1, max_value=40))
def test_clean_and_unique_for_any_seed(seed: int, count: int) -> None:
    generated = build_cards(count, seed)
    assert len(generated) == count
    assert len({c.dept_case_no for c in generated}) == count
    for card in generated:
        assert_clean(card)


def test_department_case_numbers_unique_and_real_style(cards: list[CaseCard]) -> None:
    numbers = [c.dept_case_no for c in cards]
    assert len(set(numbers)) == len(numbers)
    assert len({c.unified_case_no for c in cards}) == len(cards)
    for card in cards:
        no = card.dept_case_no
        # e.g. 江东检刑诉受[2025]339902000123号: province + unit + 检 + code + [year] + area code + serial.
        assert no.startswith("江") and "检" in no[:4] and no.endswith("号")
        assert f"[{card.accepted_on.year}]" in no
    # Numbers follow acceptance order within a unit, code and year.
    assert [c.accepted_on for c in cards] == sorted(c.accepted_on for c in cards)


def test_reserved_numbers_are_not_given_out() -> None:
    first = build_cards(50, 3)
    taken = {first[10].dept_case_no, first[20].dept_case_no}
    again = build_cards(50, 3, reserved=taken)
    assert taken.isdisjoint(c.dept_case_no for c in again)


def test_realistic_field_coverage_and_mix(cards: list[CaseCard]) -> None:
    for spec in CASE_FIELDS:
        if spec.attr != "dossier_paths":  # filled by generate_demo with the written files
            assert any(getattr(c, spec.attr) is not None for c in cards), spec.column
    suspects = [s for c in cards for s in c.suspects]
    for spec in SUSPECT_FIELDS:
        assert any(getattr(s, spec.attr) is not None for s in suspects), spec.column
    types = Counter(c.case_type for c in cards)
    assert types["审查起诉"] > types["审查逮捕"] > 5 * (types["民事诉讼监督"] + types["行政诉讼监督"])
    assert types["公益诉讼"] > 0
    prosecution = [c for c in cards if c.case_type == "审查起诉" and c.closed_on is not None]
    plea_share = sum(1 for c in prosecution if c.plea) / len(prosecution)
    assert 0.78 <= plea_share <= 0.92
    open_share = sum(1 for c in cards if c.closed_on is None) / len(cards)
    assert 0.02 <= open_share <= 0.08
    assert 20 <= len({c.prosecutor for c in cards}) <= 40
    assert 3 <= len({c.unit for c in cards}) <= 6
    assert {c.procedure for c in prosecution} >= {"速裁", "简易", "普通"}
    assert any(c.business_line == "未检" for c in cards)
    assert any((c.returns_count or 0) == 2 for c in cards)
    assert Counter(len(c.suspects) for c in cards if c.suspects).keys() == {1, 2, 3}
    charges = Counter(c.transferred_charge for c in cards if c.transferred_charge)
    assert charges.most_common(1)[0][0] in ("危险驾驶罪", "盗窃罪") and len(charges) >= 12
    # Real-style case names: 张某某盗窃案, 李某等二人诈骗案.
    for card in cards:
        if card.suspects:
            assert "某" in card.name and card.name.endswith("案")


def test_open_cases_are_inside_their_limits_on_any_export_day() -> None:
    as_of = date(2025, 6, 30)
    generated = build_cards(400, 9, as_of=as_of)
    assert all((c.closed_on or as_of) <= as_of for c in generated)
    for card in generated:
        assert_clean(card, as_of)
    assert any(c.closed_on is None and as_of - c.accepted_on <= timedelta(days=8) for c in generated)


def test_the_pre_screening_finds_nothing_in_random_cards(cards: list[CaseCard]) -> None:
    checks = pytest.importorskip("reviewapp.checks")
    found = Counter(
        (r.rule_id, r.status.value)
        for _card, results in checks.check_cases(cards[:800], today=DEMO_AS_OF)
        for r in results
        if r.status in (checks.Status.VIOLATION, checks.Status.WARNING)
    )
    assert found == Counter()
