"""The demo scenario cards: every rule covered, each card triggers exactly its expected violations."""

from __future__ import annotations

from collections import defaultdict

import pytest

from reviewapp.checks import RULES, Status, check_case
from reviewapp.demo.scenarios import PREFIX, ScenarioCase, scenario_cards

SCENARIOS = scenario_cards()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: f"{s.card.dept_case_no}-{s.rule_id}")
def test_scenario_yields_exactly_its_expected_violations(scenario: ScenarioCase) -> None:
    results = check_case(scenario.card)
    violations = {r.rule_id for r in results if r.status is Status.VIOLATION}
    assert violations == scenario.expected_violations
    demonstrated = [r for r in results if r.rule_id == scenario.rule_id]
    assert demonstrated, "the demonstrated rule must apply to its card"
    if not scenario.triggers:
        assert all(r.status is Status.PASSED for r in demonstrated)


def test_every_rule_has_a_triggering_and_a_passing_card() -> None:
    by_rule: dict[str, set[bool]] = defaultdict(set)
    for s in SCENARIOS:
        by_rule[s.rule_id].add(s.triggers)
    assert {spec.rule_id: {True, False} for spec in RULES} == dict(by_rule)


def test_deadline_rules_are_shown_in_and_out_of_custody() -> None:
    for rule_id in ("DL-ARREST-REVIEW", "DL-PROSECUTION", "DL-FAST-TRACK", "DL-RETURN-PERIOD", "DL-NOTICE-SUSPECT"):
        custody = {s.card.detained for s in SCENARIOS if s.rule_id == rule_id}
        assert custody == {True, False}, rule_id


def test_case_numbers_are_unique_and_prefixed() -> None:
    numbers = [s.card.dept_case_no for s in SCENARIOS]
    assert len(numbers) == len(set(numbers))
    assert all(n.startswith(PREFIX) for n in numbers)
    assert all(s.card.suspects and s.card.suspects[0].dept_case_no == s.card.dept_case_no for s in SCENARIOS)


def test_passing_cards_have_no_warnings() -> None:
    for s in SCENARIOS:
        assert not [r for r in check_case(s.card) if r.status is Status.WARNING], s.card.dept_case_no
