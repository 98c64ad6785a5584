"""Suggested findings: a case's violations offered to its reviewer with explanation, item, severity and legal
basis; accepting makes a finding (explanation as reason, source_check = rule id); dismissing needs a reason;
both are recorded and shown to later reviewers of the case."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from reviewapp.services.checks.run import accept_suggestion, dismiss_suggestion, run_checks, suggestions
from reviewapp.services.reviews.commands import ReviewError, reopen_review, start_review, submit_review
from reviewapp.storage.models import AuditEntry, CheckDecision
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.check_service_fixtures import TODAY, DemoDb, make_demo_db

PROSECUTION_IN_CUSTODY = "演示-规则-011"  # DL-PROSECUTION, detained: P12 超期羁押, 严重司法错误


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDb]:
    made = make_demo_db(tmp_path_factory.mktemp("suggest-db"), random_cases=5)
    run_checks(made.wb, today=TODAY)
    yield made
    made.wb.close()


def _sign_in_reviewer(demo: DemoDb, name: str) -> int:
    user = sign_in(demo.wb, name, roles=[REVIEWER], unit="演示市人民检察院", department="案件管理部")
    assert user.person_id is not None
    return user.person_id


@pytest.fixture
def reviewer(demo: DemoDb) -> Iterator[int]:
    """A fresh reviewer (评查员 of the province's own department of case management) for each test, logged in."""
    before = demo.wb.user
    yield _sign_in_reviewer(demo, f"评查员{next(_numbers)}")
    demo.wb.user = before


_numbers = itertools.count(1)


def _review(demo: DemoDb, number: str) -> int:
    return start_review(demo.wb, demo.case_ids[number]).id


def test_suggestions_carry_item_severity_basis_and_the_computation(demo: DemoDb, reviewer: int) -> None:
    review_id = _review(demo, PROSECUTION_IN_CUSTODY)
    found = suggestions(demo.wb, review_id)
    assert [s.rule_id for s in found] == ["DL-PROSECUTION"]
    s = found[0]
    assert (s.item_code, s.severity, s.status) == ("P12", "严重司法错误", "violation")
    assert s.item_text == "超期羁押" and s.acceptable and not s.problem
    assert "172" in s.basis and s.title
    card = next(x.card for x in demo.scenarios if x.card.dept_case_no == PROSECUTION_IN_CUSTODY)
    assert card.accepted_on.isoformat() in s.explanation and card.closed_on is not None
    assert card.closed_on.isoformat() in s.explanation
    assert s.facts and s.facts[0]["segments"][-1]["days_over"] == 2
    assert s.decision is None and s.finding_id is None and s.earlier == ()


def test_accept_makes_a_finding_with_the_explanation_as_reason(demo: DemoDb, reviewer: int) -> None:
    review_id = _review(demo, PROSECUTION_IN_CUSTODY)
    explanation = suggestions(demo.wb, review_id)[0].explanation
    state = accept_suggestion(demo.wb, review_id, "DL-PROSECUTION")
    finding = next(f for f in state.findings if f.item_code == "P12")
    assert finding.reason == explanation and finding.source_check == "DL-PROSECUTION"
    assert finding.severity == "严重司法错误"
    assert state.proposal.grade == "不合格"  # 严重 error (and P12 is a veto item)
    after = suggestions(demo.wb, review_id)[0]
    assert after.decision == "accepted" and after.finding_id == finding.id
    with demo.wb.db.session() as s:
        decision = s.scalars(select(CheckDecision).where(CheckDecision.review_id == review_id)).one()
        assert (decision.decision, decision.finding_id, decision.actor_id) == (
            "accepted",
            finding.id,
            demo.wb.user.account_id,
        )
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "suggestion.accept")).one()
        assert (entry.entity_id, entry.review_id, entry.user_id) == (decision.id, review_id, demo.wb.user.account_id)
    # Accepting again updates the same finding (one item once).
    again = accept_suggestion(demo.wb, review_id, "DL-PROSECUTION")
    assert [f.id for f in again.findings if f.item_code == "P12"] == [finding.id]


def test_dismiss_needs_a_reason_and_later_reviewers_see_it(demo: DemoDb, reviewer: int) -> None:
    number = "演示-规则-031"  # DL-NOTICE-SUSPECT
    review_id = _review(demo, number)
    with pytest.raises(ReviewError):
        dismiss_suggestion(demo.wb, review_id, "DL-NOTICE-SUSPECT", "   ")
    dismiss_suggestion(demo.wb, review_id, "DL-NOTICE-SUSPECT", "告知书在卷，案卡日期错填")
    mine = suggestions(demo.wb, review_id)[0]
    assert mine.decision == "dismissed" and mine.earlier == ()
    first_name = demo.wb.user.name
    _sign_in_reviewer(demo, "后来的评查员")
    later = start_review(demo.wb, demo.case_ids[number]).id
    seen = suggestions(demo.wb, later)[0]
    assert seen.decision is None  # the later reviewer decides afresh ...
    assert seen.earlier == ()  # ... blind to the other panel member's decision (panel.blind) ...
    submit_review(demo.wb, later)
    _sign_in_reviewer(demo, first_name)
    submit_review(demo.wb, review_id)
    _sign_in_reviewer(demo, "后来的评查员")
    seen = suggestions(demo.wb, later)[0]
    assert [(e.decision, e.reason, e.reviewer, e.actor) for e in seen.earlier] == [  # ... until all submitted
        ("dismissed", "告知书在卷，案卡日期错填", first_name, first_name)
    ]
    # The module's database is shared: back to scoring, so later tests can still review the case.
    reopen_review(demo.wb, later, "复核")


def test_unknown_or_absent_rules_are_refused(demo: DemoDb, reviewer: int) -> None:
    review_id = _review(demo, PROSECUTION_IN_CUSTODY)
    with pytest.raises(ReviewError):
        accept_suggestion(demo.wb, review_id, "NO-SUCH-RULE")
    with pytest.raises(ReviewError):  # a real rule that found nothing in this case
        accept_suggestion(demo.wb, review_id, "CK-AMOUNT")
    with pytest.raises(ReviewError):
        dismiss_suggestion(demo.wb, review_id, "CK-AMOUNT", "无")


def test_every_triggering_scenario_is_suggested_and_acceptable(demo: DemoDb, reviewer: int) -> None:
    closed = [s for s in demo.scenarios if s.triggers and s.card.closed_on is not None]
    for scenario in closed:
        review_id = _review(demo, scenario.card.dept_case_no)
        found = suggestions(demo.wb, review_id)
        assert {s.rule_id for s in found if s.status == "violation"} == scenario.expected_violations
        for s in found:
            assert s.acceptable, (s.rule_id, s.problem)
            state = accept_suggestion(demo.wb, review_id, s.rule_id)
            assert any(f.source_check == s.rule_id for f in state.findings)
