"""The review's state machine through the services: random sequences of process actions by random roles
never reach a state, nor record a step, that the transition table forbids (review-rules.md §1, suggested
state machine), and a refused action changes nothing.

Each example starts from a copy of one panel database (three members, a panel lead, the handling prosecutor
and an account per role) and runs up to a dozen actions, each by an actor drawn at random."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from reviewapp.domain.review_status import (
    MEMBER_STATUSES,
    OPINION_STATUSES,
    QUALIFIED,
    TRANSITIONS,
    ReviewEventKind,
    ReviewStatus,
)
from reviewapp.domain.roles import Role
from reviewapp.errors import KnownError
from reviewapp.services.panel import feedback
from reviewapp.services.panel.determination import determine_opinion, reopen_determined
from reviewapp.services.panel.due import process_due
from reviewapp.services.panel.objections import rule_objection
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.reconcile import reconcile_item
from reviewapp.services.reviews.commands import reopen_review
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, AccountRole, FeedbackAnswer, Review, ReviewEvent
from tests.core.panel_fixtures import HANDLER, LEAD, ROLE_ACCOUNTS, PanelDb, make_panel_db
from tests.core.plans_fixtures import ADMIN, PlanDb
from tests.db_target import copy_database

_copies = itertools.count()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, PanelDb]:
    p = make_panel_db(tmp_path_factory.mktemp("machine"))
    p.start_all()
    target = p.wb.db.url
    p.close()
    return target, p


def _fresh(template: tuple[object, PanelDb], folder: Path) -> PanelDb:
    target, built = template
    copy = copy_database(target, folder, f"m{next(_copies)}.sqlite3")  # type: ignore[arg-type]
    wb = Workbench.open(copy)
    return PanelDb(PlanDb(wb), built.case_id, list(built.members), dict(built.documents), dict(built.reviews))


ACTORS = [*range(3), LEAD, HANDLER, ADMIN, *ROLE_ACCOUNTS]
ACTIONS = ["score", "reopen", "reconcile", "finalise", "answer", "rule", "determine", "reopen_determined", "due"]


def _opinion_id(p: PanelDb) -> int:
    with p.wb.db.session() as s:
        member = s.get(Review, p.reviews[p.members[0]])
        assert member is not None and member.file_id is not None
        return member.file_id


def _statuses(p: PanelDb) -> tuple[str, ...]:
    with p.wb.db.session() as s:
        rows = s.scalars(select(Review).where(Review.case_id == p.case_id).order_by(Review.id))
        return tuple(r.status for r in rows)


def _run(p: PanelDb, action: str, actor: object, flag: bool) -> None:
    name = p.members[actor] if isinstance(actor, int) else str(actor)
    opinion_id = _opinion_id(p)
    if action == "score":
        p.score(name)  # records the member's findings and submits; others are refused
        return
    p.act_as(name)
    work: dict[str, Callable[[], object]] = {
        "reopen": lambda: reopen_review(p.wb, p.reviews.get(name, p.reviews[p.members[0]]), "重新评查"),
        "reconcile": lambda: [
            reconcile_item(p.wb, opinion_id, item, "瑕" if flag else None, "组长意见") for item in ("E5", "F3")
        ],
        "finalise": lambda: finalise_opinion(p.wb, opinion_id),
        "answer": lambda: _answer(p, opinion_id, flag),
        "rule": lambda: _rule(p, opinion_id, flag),
        "determine": lambda: determine_opinion(p.wb, opinion_id),
        "reopen_determined": lambda: reopen_determined(p.wb, opinion_id, "发现新情况"),
        "due": lambda: process_due(p.wb, today=dt.date.today() + dt.timedelta(days=60)),
    }
    work[action]()


def _answer(p: PanelDb, opinion_id: int, accept: bool) -> None:
    sheet = feedback.feedback_sheet(p.wb, opinion_id)
    answers = [
        feedback.Answer(f.id, accept or i > 0, "" if accept or i > 0 else "有异议")
        for i, f in enumerate(sheet.findings)
    ]
    feedback.answer_feedback(p.wb, opinion_id, answers)


def _rule(p: PanelDb, opinion_id: int, upheld: bool) -> None:
    with p.wb.db.session() as s:
        answer_id = s.scalar(
            select(FeedbackAnswer.id).where(
                FeedbackAnswer.opinion_id == opinion_id,
                FeedbackAnswer.answer == "object",
                FeedbackAnswer.ruling.is_(None),
                FeedbackAnswer.deleted_at.is_(None),
            )
        )
    rule_objection(p.wb, answer_id or 0, upheld, "理由")


def _check_invariants(p: PanelDb) -> None:
    with p.wb.db.session() as s:
        reviews = {r.id: r for r in s.scalars(select(Review).where(Review.case_id == p.case_id))}
        for r in reviews.values():
            assert r.status in (OPINION_STATUSES if r.kind == "opinion" else MEMBER_STATUSES), (r.kind, r.status)
        for e in s.scalars(select(ReviewEvent).where(ReviewEvent.review_id.in_(reviews))):
            key = (None if e.from_status is None else ReviewStatus(e.from_status), ReviewEventKind(e.kind))
            assert key in TRANSITIONS, key  # every recorded step is one the table allows …
            assert TRANSITIONS[key].value == e.to_status  # … and lands where the table says
        opinion = next(r for r in reviews.values() if r.kind == "opinion")
        if opinion.status == ReviewStatus.DETERMINED.value:
            roles = set(
                s.scalars(
                    select(AccountRole.role)
                    .join(Account, Account.id == AccountRole.account_id)
                    .where(Account.id == opinion.determined_by_id)
                )
            )
            grade = opinion.final_grade or opinion.proposed_grade
            needed = {Role.DEPUTY_CHIEF.value, Role.CHIEF.value} if grade == QUALIFIED else {Role.CHIEF.value}
            assert roles & needed, (grade, roles)  # review-rules.md §1 step 10: the authority follows the grade


steps = st.lists(st.tuples(st.sampled_from(ACTIONS), st.sampled_from(ACTORS), st.booleans()), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_random_actions_by_random_roles_stay_within_the_table(
    template: tuple[object, PanelDb], tmp_path: Path, plan: list[tuple[str, object, bool]]
) -> None:
    p = _fresh(template, tmp_path)
    try:
        for action, actor, flag in plan:
            before = _statuses(p)
            try:
                _run(p, action, actor, flag)
            except KnownError:
                assert _statuses(p) == before  # a refusal changes nothing
            _check_invariants(p)
    finally:
        p.close()


def test_a_scripted_walk_reaches_every_opinion_status(template: tuple[object, PanelDb], tmp_path: Path) -> None:
    """The random walk above is only meaningful if the actions can reach the whole table: one scripted walk
    through the same action helpers visits every opinion status from in review to determined and back."""
    p = _fresh(template, tmp_path)
    seen = set()
    try:
        script: list[tuple[str, object, bool]] = [
            ("score", 0, True), ("score", 1, True), ("score", 2, True),
            ("reconcile", LEAD, True), ("finalise", LEAD, True), ("answer", HANDLER, False),
            ("rule", "案管甲", False), ("determine", "检察长甲", True), ("reopen_determined", "检察长甲", True),
        ]  # fmt: skip
        seen.add(p.opinion().status)
        for action, actor, flag in script:
            _run(p, action, actor, flag)
            _check_invariants(p)
            seen.add(p.opinion().status)
    finally:
        p.close()
    assert seen >= {
        ReviewStatus.IN_REVIEW.value,
        ReviewStatus.RECONCILING.value,
        ReviewStatus.AWAITING_FEEDBACK.value,
        ReviewStatus.OBJECTIONS.value,
        ReviewStatus.AWAITING_DETERMINATION.value,
        ReviewStatus.DETERMINED.value,
    }
