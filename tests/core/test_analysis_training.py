"""Gold cases and training reviews (services/analysis/training.py, training_compare.py): a reviewer practises on
a gold case, the result is compared with the reference item by item, and nothing of it reaches the ledger,
the case's review file, opinion counts or calibration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewapp.domain.review_status import ReviewKind
from reviewapp.errors import KnownError, NotPermitted
from reviewapp.services.analysis.calibration import calibration
from reviewapp.services.analysis.training import (
    TrainingError,
    mark_gold,
    record_training_finding,
    remove_training_finding,
    start_training,
    submit_training,
    unmark_gold,
)
from reviewapp.services.analysis.training_compare import Verdict, compare_training, gold_cases, training_reviews
from reviewapp.services.panel.files import members_of, submitted_count
from reviewapp.services.results.ledger import load_reviewed_cases
from reviewapp.services.results.settings import load_notice_config
from reviewapp.services.reviews.commands import list_reviews
from reviewapp.standards.model import ERROR, FLAW
from reviewapp.storage.models import Review
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.intake_fixtures import english_ui
from tests.core.panel_fixtures import HANDLER, LEAD, PanelDb, make_panel_db
from tests.core.plans_fixtures import ADMIN, CITY
from tests.core.test_analysis_calibration import form

TRAINEE = "培训评查员"
pytestmark = pytest.mark.usefixtures("english_ui")  # messages are matched in English
__all__ = ["english_ui"]


@pytest.fixture
def p(tmp_path: Path) -> Iterator[PanelDb]:
    db = make_panel_db(tmp_path)
    yield db
    db.close()


def trainee(p: PanelDb) -> None:
    sign_in(p.wb, TRAINEE, roles=[REVIEWER], unit=CITY, department="案件管理部")


def results(p: PanelDb) -> tuple[object, ...]:
    """Everything the results read about the case, as the lead (READ_REVIEWS) sees it."""
    p.act_as(LEAD)
    opinion = p.opinion()
    with p.wb.db.session() as s:
        ledger = load_reviewed_cases(s, None, load_notice_config(p.wb))
        live = s.get(Review, opinion.id)
        assert live is not None
        members = [m.id for m in members_of(s, live)]
        counts = (submitted_count(s, live), live.panel_size, live.status)
        total_members = s.scalar(select(func.count(Review.id)).where(Review.kind == ReviewKind.MEMBER.value))
    case = ledger[p.case_id]
    return (
        sorted(ledger),
        case.reviewer,
        case.final_grade,
        [(x.item_code, x.severity) for x in case.problems],
        members,
        counts,
        total_members,
        [r.id for r in list_reviews(p.wb, p.case_id)],
        calibration(p.wb).to_json(),
    )


def test_a_training_review_is_compared_item_by_item_and_stays_out_of_the_results(p: PanelDb) -> None:
    form(p)  # reference: E1 瑕, E5 瑕 (reconciled), F3 none (reconciled)
    before = results(p)
    p.act_as(ADMIN)
    mark_gold(p.wb, p.case_id, "证据审查培训")
    with pytest.raises(TrainingError, match="already"):
        mark_gold(p.wb, p.case_id)
    trainee(p)
    [row] = gold_cases(p.wb)
    assert (row.case_id, row.note, row.my_attempts, row.my_draft_id) == (p.case_id, "证据审查培训", 0, None)
    assert row.reference_grade is None  # part of the answer: not before an attempt is submitted
    review = start_training(p.wb, p.case_id)
    assert start_training(p.wb, p.case_id) == review  # the attempt in progress is resumed
    record_training_finding(p.wb, review, "E1", "瑕", "首次讯问未告知权利")
    record_training_finding(p.wb, review, "e5", "错", "物证形式缺陷")
    record_training_finding(p.wb, review, "D5", "瑕", "落款日期漏写")
    record_training_finding(p.wb, review, "F3", "瑕", "表述不准")
    remove_training_finding(p.wb, review, "F3")
    with pytest.raises(TrainingError, match="submitted"):
        compare_training(p.wb, review)  # the reference stays hidden until submission
    submit_training(p.wb, review)
    with pytest.raises(TrainingError, match="submitted"):
        record_training_finding(p.wb, review, "E1", "错", "改")
    result = compare_training(p.wb, review)
    assert gold_cases(p.wb)[0].reference_grade == "基本合格" and gold_cases(p.wb)[0].my_attempts == 1
    verdicts = {r.item_code: (r.reference_severity, r.trainee_severity, r.verdict) for r in result.rows}
    assert verdicts == {
        "E1": (FLAW, FLAW, Verdict.SAME),
        "E5": (FLAW, ERROR, Verdict.STRICTER),
        "D5": (None, FLAW, Verdict.EXTRA),
    }
    assert result.same == 1 and result.reference_grade == "基本合格" and result.trainee_grade == "不合格"
    assert not result.grade_matches and result.kappa_linear is not None and result.kappa_linear < 1
    # A second attempt that finds nothing misses both reference findings.
    second = start_training(p.wb, p.case_id)
    assert second != review
    submit_training(p.wb, second)
    again = compare_training(p.wb, second)
    assert {r.item_code: r.verdict for r in again.rows} == {"E1": Verdict.MISSED, "E5": Verdict.MISSED}
    assert again.attempt == 2 and [r.attempt for r in training_reviews(p.wb, p.case_id)] == [1, 2]
    # Nothing of it reached the ledger, the review file, its counts, the case's reviews or calibration.
    assert results(p) == before
    # The lead reads the trainee's comparison (READ_REVIEWS); another reviewer does not.
    assert compare_training(p.wb, review).rows == result.rows
    p.act_as(p.members[0])
    with pytest.raises(NotPermitted):
        compare_training(p.wb, review)
    assert training_reviews(p.wb) == []


def test_who_may_mark_and_who_may_practise(p: PanelDb) -> None:
    trainee(p)
    p.act_as(ADMIN)
    with pytest.raises(TrainingError, match="no formed review opinion"):
        mark_gold(p.wb, p.case_id)  # not reviewed yet: nothing to serve as the reference
    form(p)
    trainee(p)
    with pytest.raises(TrainingError, match="not a gold case"):
        start_training(p.wb, p.case_id)
    with pytest.raises(NotPermitted):
        mark_gold(p.wb, p.case_id)  # a reviewer does not assign training cases
    p.act_as(ADMIN)
    mark_gold(p.wb, p.case_id)
    p.act_as(p.members[0])
    with pytest.raises(TrainingError, match="reviewed case"):
        start_training(p.wb, p.case_id)  # a panel member knows the answer
    p.act_as(HANDLER)
    with pytest.raises(KnownError):
        start_training(p.wb, p.case_id)  # the handler (回避), and no SCORE anyway
    trainee(p)
    review = start_training(p.wb, p.case_id)
    p.act_as(ADMIN)
    with pytest.raises(NotPermitted):
        record_training_finding(p.wb, review, "E1", "瑕", "代填")  # only its own reviewer scores it
    with pytest.raises(TrainingError, match="why"):
        unmark_gold(p.wb, p.case_id, " ")
    unmark_gold(p.wb, p.case_id, "案例已过时")
    trainee(p)
    assert gold_cases(p.wb) == []
    with pytest.raises(TrainingError, match="not a gold case"):
        start_training(p.wb, p.case_id)


def test_the_migration_downgrade_removes_gold_cases_and_training_reviews(p: PanelDb) -> None:
    import importlib

    import sqlalchemy as sa
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    form(p)
    p.act_as(ADMIN)
    mark_gold(p.wb, p.case_id)
    trainee(p)
    review = start_training(p.wb, p.case_id)
    record_training_finding(p.wb, review, "E1", "瑕", "取证不规范")
    before = results(p)
    url = p.wb.db.url
    p.wb.close()
    migration = importlib.import_module("reviewapp.storage.migrations.versions.0011_training_reviews")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            migration.downgrade()
        with engine.connect() as conn:
            assert not sa.inspect(conn).has_table("gold_cases")
            assert conn.execute(sa.text("SELECT COUNT(*) FROM reviews WHERE kind = 'training'")).scalar() == 0
            assert conn.execute(sa.text("SELECT COUNT(*) FROM reviews WHERE kind = 'member'")).scalar() == 3
        with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            migration.upgrade()
    finally:
        engine.dispose()
    from reviewapp.services.workbench import Workbench

    p.plans.wb = Workbench.open(url)
    assert results(p) == before  # the results never depended on the training data
