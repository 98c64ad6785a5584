"""Review lifecycle through the services: start pins the standard, findings change the proposal, submit
validates and freezes (and never drops the reviewer's own grade), reopen needs a reason, a new standard
version never changes a submitted review. Every step is attributed to the acting account and audited."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.i18n import DEFAULT_LANGUAGE, speaking
from reviewapp.services.reviews.commands import (
    ReviewError,
    find_review,
    list_reviews,
    record_finding,
    remove_finding,
    reopen_review,
    review_state,
    set_criteria,
    set_grade_override,
    start_review,
    submit_review,
    update_finding,
)
from reviewapp.services.reviews.standards_store import latest_standard, store_standard
from reviewapp.standards import FLAW, SERIOUS, load_shipped_standards
from reviewapp.storage.models import AuditEntry, Finding, FindingEvidence, Review, ReviewEvent, StandardVersion
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import CLOSED, ReviewDb, make_review_db

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ReviewDb]:
    made = make_review_db(tmp_path)
    yield made
    made.close()


def test_start_pins_the_newest_standard_and_returns_the_existing_review(db: ReviewDb) -> None:
    state = start_review(db.wb, db.case_ids[CLOSED])
    assert state.reviewer_id == db.reviewer_id and state.reviewer_name == "李评查"
    assert state.status == "draft" and state.findings == ()
    assert state.standard.code == "XS-PCZ" and state.scheme_id == "2026"
    assert state.proposal.grade == "合格" and state.proposal.rule_id == "R-NONE"
    with db.wb.db.session() as s:
        review = s.get(Review, state.id)
        assert review is not None
        pinned = s.get(StandardVersion, review.standard_id)
        assert pinned is not None and pinned.version == state.standard.version
        assert review.created_by_id == review.updated_by_id == db.wb.user.account_id is not None
        assert [e.kind for e in s.scalars(select(ReviewEvent).where(ReviewEvent.review_id == state.id))] == ["start"]
    again = start_review(db.wb, db.case_ids[CLOSED], reviewer_id=db.reviewer_id)
    assert again.id == state.id
    found = find_review(db.wb, db.case_ids[CLOSED], db.reviewer_id)
    assert found is not None and found.id == state.id
    assert [r.id for r in list_reviews(db.wb, db.case_ids[CLOSED])] == [state.id]


def test_findings_change_the_proposal_and_its_trace(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    state = record_finding(db.wb, rid, "D4", "瑕", "起诉书有三处以上错别字", evidence=[(db.documents["起诉书"], 2)])
    assert state.proposal.grade == "基本合格" and state.proposal.rule_id == "R-FLAW"
    assert "D4" in state.proposal.explanation
    (d4,) = state.findings
    assert (d4.item_code, d4.severity, d4.dimension_code, d4.dimension_name) == ("D4", FLAW, "D", "文书制作和使用")
    assert [(e.title, e.page) for e in d4.evidence] == [("起诉书", 2)]

    state = record_finding(db.wb, rid, "P12", SERIOUS, "羁押期限届满未变更强制措施")
    assert state.proposal.grade == "不合格" and "P12" in state.proposal.deciding_findings
    # Recording the same item again updates it, not a second finding.
    state = record_finding(db.wb, rid, "D4", FLAW, "文书格式不规范", deduction=1.5)
    assert [f.item_code for f in state.findings] == ["P12", "D4"]  # checklist order, P before D
    assert next(f for f in state.findings if f.item_code == "D4").deduction == 1.5

    p12 = next(f for f in state.findings if f.item_code == "P12")
    state = remove_finding(db.wb, p12.id)
    assert state.proposal.grade == "基本合格"
    d4_id = state.findings[0].id
    state = update_finding(db.wb, d4_id, reason="起诉书错别字", evidence=[(db.documents["审查报告"], 7)])
    assert state.findings[0].reason == "起诉书错别字" and state.findings[0].deduction == 1.5
    assert [(e.title, e.page) for e in state.findings[0].evidence] == [("审查报告", 7)]
    state = remove_finding(db.wb, d4_id)
    assert state.proposal.grade == "合格" and state.findings == ()

    with speaking(DEFAULT_LANGUAGE):
        recorded = review_state(db.wb, rid).proposal
    assert recorded.explanation != state.proposal.explanation  # the reader's is English here
    with db.wb.db.session() as s:
        review = s.get(Review, rid)
        assert review is not None
        # The proposal is stored with the change, in the same transaction, in the record's language (Chinese).
        assert (review.proposed_grade, review.proposal_explanation) == ("合格", recorded.explanation)
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "finding")))
        assert actions.count("finding.record") == 3 and actions.count("finding.remove") == 2
        assert {u for u in s.scalars(select(AuditEntry.user_id).where(AuditEntry.review_id == rid))} == {
            db.wb.user.account_id
        }
        # Removed findings and replaced evidence are tombstoned, never deleted.
        assert s.scalar(select(FindingEvidence.id).where(FindingEvidence.deleted_at.is_(None))) is None
        assert all(f.deleted_at is not None for f in s.scalars(select(Finding).where(Finding.review_id == rid)))
        assert len(list(s.scalars(select(FindingEvidence)))) == 2


def test_bad_findings_are_refused_with_a_message(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    with pytest.raises(ReviewError, match="not in standard"):
        record_finding(db.wb, rid, "Z99", FLAW, "x")
    with pytest.raises(ReviewError, match="not allowed"):
        record_finding(db.wb, rid, "E1", SERIOUS, "E1 only allows 司法瑕疵")
    with pytest.raises(ReviewError, match="negative"):
        record_finding(db.wb, rid, "E1", FLAW, "x", deduction=-1)
    other_case_doc = max(db.documents.values()) + 1  # the next case's first document
    with pytest.raises(ReviewError, match="dossier"):
        record_finding(db.wb, rid, "E1", FLAW, "x", evidence=[(other_case_doc, 1)])
    with pytest.raises(ReviewError, match="Page"):
        record_finding(db.wb, rid, "E1", FLAW, "x", evidence=[(db.documents["起诉书"], 0)])
    with pytest.raises(ReviewError, match="Criterion"):
        set_criteria(db.wb, rid, ["Q99"], "")
    assert review_state(db.wb, rid).findings == ()


def test_submit_validates_then_freezes_and_reopen_needs_a_reason(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "D4", FLAW, "")  # a draft may hold a finding without a reason yet
    with pytest.raises(ReviewError, match="D4 has no reason"):
        submit_review(db.wb, rid)
    fid = review_state(db.wb, rid).findings[0].id
    update_finding(db.wb, fid, reason="起诉书错别字较多")
    with pytest.raises(ReviewError, match="not a grade"):
        set_grade_override(db.wb, rid, "瑕疵", "wrong scheme")
    set_grade_override(db.wb, rid, "合格", "瑕疵轻微，经评查组讨论认定合格")
    state = submit_review(db.wb, rid)
    assert state.status == "submitted" and state.submitted_at is not None
    assert (state.final_grade, state.proposal.grade) == ("合格", "基本合格")

    for mutate in (
        lambda: record_finding(db.wb, rid, "E1", FLAW, "x"),
        lambda: update_finding(db.wb, fid, reason="changed"),
        lambda: remove_finding(db.wb, fid),
        lambda: set_criteria(db.wb, rid, [], ""),
        lambda: set_grade_override(db.wb, rid, None, ""),
        lambda: submit_review(db.wb, rid),
    ):
        with pytest.raises(ReviewError, match="submitted"):
            mutate()
    assert review_state(db.wb, rid).findings[0].reason == "起诉书错别字较多"

    with pytest.raises(ReviewError, match="why"):
        reopen_review(db.wb, rid, "   ")
    state = reopen_review(db.wb, rid, "承办人提出异议，复核")
    assert state.status == "draft" and state.submitted_at is None
    assert state.final_grade == "合格"  # the override with its reason is kept
    with db.wb.db.session() as s:
        events = [
            (e.kind, e.from_status, e.to_status, e.reason, e.actor_id)
            for e in s.scalars(select(ReviewEvent).where(ReviewEvent.review_id == rid).order_by(ReviewEvent.id))
        ]
    assert events[-2][:3] == ("submit", "draft", "submitted")
    assert events[-1] == ("reopen", "submitted", "draft", "承办人提出异议，复核", db.wb.user.account_id)
    with pytest.raises(ReviewError, match="Only a submitted"):
        reopen_review(db.wb, rid, "again")


def test_a_chosen_grade_without_its_reason_is_kept_and_refuses_submission(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "D4", FLAW, "起诉书错别字较多")
    # The reviewer chooses 合格 over the proposed 基本合格 before writing why: the choice is stored.
    state = set_grade_override(db.wb, rid, "合格", "")
    assert (state.final_grade, state.proposal.grade, state.override_reason) == ("合格", "基本合格", "")
    with pytest.raises(ReviewError, match="differs from the proposed 基本合格; write the reason"):
        submit_review(db.wb, rid)
    state = review_state(db.wb, rid)
    assert (state.status, state.final_grade) == ("draft", "合格")  # refused, never silently the proposal
    # A grade chosen equal to the proposal needs no reason, until a finding moves the proposal away.
    set_grade_override(db.wb, rid, "基本合格", "")
    record_finding(db.wb, rid, "P12", SERIOUS, "羁押期限届满未变更强制措施")
    with pytest.raises(ReviewError, match="基本合格 differs from the proposed 不合格"):
        submit_review(db.wb, rid)
    remove_finding(db.wb, next(f.id for f in review_state(db.wb, rid).findings if f.item_code == "P12"))
    set_grade_override(db.wb, rid, "合格", "错别字不影响文书效力，评查组讨论认定合格")
    state = submit_review(db.wb, rid)
    assert (state.status, state.final_grade, state.proposal.grade) == ("submitted", "合格", "基本合格")


def test_excellent_needs_criteria_and_justification(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    standard = review_state(db.wb, rid).standard
    codes = [c.code for c in standard.criteria]
    state = set_criteria(db.wb, rid, codes[:-1], "证据扎实")
    assert state.proposal.grade == "合格"
    state = set_criteria(db.wb, rid, codes, "")
    assert state.proposal.grade == "合格"  # no justification yet: 优质 is never automatic
    state = set_criteria(db.wb, rid, codes, "证据审查全面，释法说理充分")
    assert state.proposal.grade == "优质" and state.proposal.rule_id == "R-EXCELLENT"
    assert submit_review(db.wb, rid).final_grade == "优质"


def test_a_new_standard_version_never_changes_a_submitted_review(db: ReviewDb) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "D4", FLAW, "文书错误")
    before = submit_review(db.wb, rid)
    shipped = next(s for s in load_shipped_standards() if s.code == "XS-PCZ")
    # The new version makes D4 a veto item and renames it: a different standard for new reviews.
    items = tuple(
        dataclasses.replace(it, veto=True, text="文书错误（新）") if it.code == "D4" else it for it in shipped.items
    )
    with db.as_admin():
        row = store_standard(db.wb, dataclasses.replace(shipped, items=items))
    assert row.version == before.standard.version + 1
    newest = latest_standard(db.wb, "XS-PCZ")
    assert newest is not None and newest.item("D4").veto
    after = review_state(db.wb, rid)
    assert after.standard == before.standard and after.standard.version == before.standard.version
    assert after.findings == before.findings and after.findings[0].item_text != "文书错误（新）"
    assert after.proposal == before.proposal and after.final_grade == "基本合格"
    with db.wb.db.session() as s:
        member = select(Finding).where(Finding.review_id == rid)
        assert [(f.item_code, f.severity) for f in s.scalars(member)] == [("D4", FLAW)]
    # Storing the same content again is not a new version.
    with db.as_admin():
        assert store_standard(db.wb, dataclasses.replace(shipped, items=items)).version == row.version
