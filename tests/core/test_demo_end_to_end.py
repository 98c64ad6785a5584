"""The demo promise: import the generated export and the pre-screening finds exactly the scenario problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.demo import DEMO_AS_OF, generate_demo


def test_pre_screening_of_the_imported_demo_finds_only_the_scenario_problems(tmp_path: Path) -> None:
    scenarios = pytest.importorskip("reviewapp.demo.scenarios")
    checks = pytest.importorskip("reviewapp.checks")
    parse = pytest.importorskip("reviewapp.intake.parse")
    cases = scenarios.scenario_cards()
    out = generate_demo(tmp_path, cases=400, seed=99, extra_cards=[c.card for c in cases], dossiers=False)
    parsed = parse.read_export(out.workbook)
    assert parsed.rejects == [] and len(parsed.cases) == out.cases == 400 + len(cases)
    expected = {c.card.dept_case_no: c.expected_violations for c in cases}
    for card in parsed.cases:
        if card.dept_case_no in expected:  # the scenario card survives the export unchanged
            original = next(c.card for c in cases if c.card.dept_case_no == card.dept_case_no)
            assert card == original
    found: dict[str, frozenset[str]] = {}
    noisy: list[tuple[str, str]] = []
    for card, results in checks.check_cases(parsed.cases, today=DEMO_AS_OF):
        violations = frozenset(r.rule_id for r in results if r.status is checks.Status.VIOLATION)
        if card.dept_case_no in expected:
            found[card.dept_case_no] = violations
        else:
            noisy += [
                (card.dept_case_no, r.rule_id)
                for r in results
                if r.status is not checks.Status.PASSED and r.status is not checks.Status.NOT_CHECKABLE
            ]
    assert found == expected
    assert noisy == []
