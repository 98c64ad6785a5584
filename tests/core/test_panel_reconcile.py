"""Forming a panel's opinion through the services: the comparison, reconciling each disagreement with a
reason, a member's dissent, the joint meeting, and finalising (review-rules.md §1 steps 6–8)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.errors import KnownError, NotPermitted
from reviewapp.services.panel.blind import ReviewBlind
from reviewapp.services.panel.compare import compare_case, compare_panel
from reviewapp.services.panel.files import ReviewFileError
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.reconcile import reconcile_item, record_dissent, record_meeting
from reviewapp.storage.models import AuditEntry, Finding, FindingEvidence, JointMeeting, ReviewEvent
from tests.core.intake_fixtures import english_ui
from tests.core.panel_fixtures import HANDLER, LEAD, SECRET, PanelDb, make_panel_db

FLAW, ERROR = "司法瑕疵", "一般司法错误"

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture
def p(tmp_path: Path) -> PanelDb:
    db = make_panel_db(tmp_path)
    yield db  # type: ignore[misc]
    db.close()


def _opinion_findings(p: PanelDb) -> dict[str, tuple[str, str, str, list[int]]]:
    """Live opinion findings: item → (severity, origin, origin_reason, evidence pages)."""
    opinion_id = p.opinion().id
    with p.wb.db.session() as s:
        out = {}
        for f in s.scalars(select(Finding).where(Finding.review_id == opinion_id, Finding.deleted_at.is_(None))):
            pages = list(
                s.scalars(
                    select(FindingEvidence.page).where(
                        FindingEvidence.finding_id == f.id, FindingEvidence.deleted_at.is_(None)
                    )
                )
            )
            out[f.item_code] = (f.severity, f.origin, f.origin_reason, sorted(pages))
        return out


def _events(p: PanelDb) -> list[str]:
    with p.wb.db.session() as s:
        return list(
            s.scalars(select(ReviewEvent.kind).where(ReviewEvent.review_id == p.opinion().id).order_by(ReviewEvent.id))
        )


def test_the_comparison_shows_each_members_severity_reason_and_evidence(p: PanelDb) -> None:
    a, b, c = p.members
    for name in p.members:
        p.score(name)
    assert p.opinion().status == ReviewStatus.RECONCILING
    p.act_as(LEAD)
    comparison = compare_case(p.wb, p.case_id)
    assert comparison.opinion_id == p.opinion().id and comparison.panel_size == 3
    assert [m.reviewer for m in comparison.members] == [a, b, c]
    rows = {r.item_code: r for r in comparison.rows}
    assert list(rows) == ["E1", "E5", "F3"]  # checklist order
    assert [cell.severity for cell in rows["E5"].cells] == [FLAW, ERROR, FLAW]
    assert [cell.severity for cell in rows["F3"].cells] == [FLAW, None, None]
    assert not rows["E1"].disagreement and rows["E1"].decision is not None
    assert rows["E1"].decision.origin == "agreed" and rows["E1"].decision.severity == FLAW
    assert rows["E5"].open and rows["F3"].open and comparison.open_items == ("E5", "F3")
    cell = rows["E5"].cells[1]
    assert cell.reviewer == b and cell.reason == f"{SECRET}-{b}-E5"
    assert [(e.title, e.page) for e in cell.evidence] == [("起诉书", 2)]
    data = comparison.to_json()
    assert data["open_items"] == ["E5", "F3"] and data["items"][1]["members"][1]["severity"] == ERROR
    # A member reads the comparison too once blindness has lifted; the handling prosecutor never does.
    p.act_as(a)
    assert compare_panel(p.wb, comparison.opinion_id).open_items == ("E5", "F3")
    p.act_as(HANDLER)
    with pytest.raises(NotPermitted, match=HANDLER):
        compare_panel(p.wb, comparison.opinion_id)


def test_reconciling_dissent_meeting_and_finalising(p: PanelDb, tmp_path: Path) -> None:
    a, b, c = p.members
    p.start_all()
    p.score(a)
    p.score(b)
    opinion_id = p.opinion().id
    p.act_as(LEAD)
    # Blind until the last member submits: nothing to compare, nothing to reconcile, no meeting.
    with pytest.raises(ReviewBlind, match="2 of 3"):
        compare_panel(p.wb, opinion_id)
    with pytest.raises(ReviewFileError, match="every member"):
        reconcile_item(p.wb, opinion_id, "E5", "瑕", "理由")
    with pytest.raises(ReviewFileError, match="every member"):
        record_meeting(p.wb, opinion_id, date.today(), ["孙组长"], "纪要")
    p.score(c)
    p.act_as(LEAD)
    with pytest.raises(ReviewFileError, match="E5、F3"):
        finalise_opinion(p.wb, opinion_id)
    with pytest.raises(ReviewFileError, match="E1"):
        reconcile_item(p.wb, opinion_id, "E1", "瑕", "成员意见一致")  # not a disagreement
    with pytest.raises(KnownError, match="严"):
        reconcile_item(p.wb, opinion_id, "E5", "严", "过重")  # E5 allows 瑕 and 错 only
    with pytest.raises(ReviewFileError, match="reason"):
        reconcile_item(p.wb, opinion_id, "E5", "瑕", "  ")
    for name in (a, HANDLER):  # a member without RECONCILE; the handling prosecutor
        p.act_as(name)
        with pytest.raises(NotPermitted):
            reconcile_item(p.wb, opinion_id, "E5", "瑕", "理由")
    p.act_as(LEAD)
    reconcile_item(p.wb, opinion_id, "E5", "瑕", "先定为瑕疵")
    comparison = reconcile_item(p.wb, opinion_id, "e5", "错", "证据形式缺陷影响采信，定为一般错误")  # replaces
    assert comparison.open_items == ("F3",)
    comparison = reconcile_item(p.wb, opinion_id, "F3", None, "事实表述经核对无误")
    assert comparison.open_items == ()
    rows = {r.item_code: r for r in comparison.rows}
    assert rows["F3"].decision is not None and rows["F3"].decision.severity is None
    assert rows["F3"].decision.reason == "事实表述经核对无误"
    found = _opinion_findings(p)
    assert set(found) == {"E1", "E5"}  # F3: no problem, so no finding
    assert found["E5"] == (ERROR, "reconciled", "证据形式缺陷影响采信，定为一般错误", [2])  # b's evidence
    assert found["E1"][:2] == (FLAW, "agreed") and found["E1"][3] == [1, 2, 3]
    # Dissent: a member's own, kept as written; not the lead's (not a member), never empty or off-checklist.
    with pytest.raises(NotPermitted, match=LEAD):
        record_dissent(p.wb, opinion_id, "不同意")
    p.act_as(a)
    with pytest.raises(ReviewFileError):
        record_dissent(p.wb, opinion_id, " ")
    with pytest.raises(ReviewFileError, match="Z9"):
        record_dissent(p.wb, opinion_id, "不同意", item_code="Z9")
    dissent = record_dissent(p.wb, opinion_id, "E5应认定为司法瑕疵", item_code="E5")
    assert dissent.member == a and dissent.item_code == "E5"
    # The joint meeting, with an attachment copied into the file store.
    minutes_file = tmp_path / "会议纪要.pdf"
    minutes_file.write_bytes(b"%PDF-1.4 minutes\n")
    p.act_as(LEAD)
    with pytest.raises(ReviewFileError, match="future"):
        record_meeting(p.wb, opinion_id, date.today() + timedelta(days=2), [a], "纪要")
    with pytest.raises(ReviewFileError):
        record_meeting(p.wb, opinion_id, date.today(), [" "], "纪要")
    with pytest.raises(ReviewFileError, match=r"missing\.pdf"):
        record_meeting(p.wb, opinion_id, date.today(), [a], "纪要", [tmp_path / "missing.pdf"])
    meeting = record_meeting(p.wb, opinion_id, date.today(), [LEAD, a, b, c, a], "讨论E5、F3", [minutes_file])
    assert meeting.attendees == (LEAD, a, b, c)
    stored = meeting.attachments[0]
    assert stored["name"] == "会议纪要.pdf" and p.wb.dossiers.path(stored["stored_path"]).read_bytes() == (
        b"%PDF-1.4 minutes\n"
    )
    comparison = compare_panel(p.wb, opinion_id)
    assert [d.text for d in comparison.dissents] == ["E5应认定为司法瑕疵"]
    assert [m.minutes for m in comparison.meetings] == ["讨论E5、F3"]
    # Finalising: E5 一般司法错误 → 不合格 proposed → heard by the handling prosecutor.
    assert finalise_opinion(p.wb, opinion_id) == ReviewStatus.AWAITING_FEEDBACK
    opinion = p.opinion()
    assert opinion.final_grade == "不合格" and opinion.feedback_due_on is not None
    with pytest.raises(ReviewFileError, match="no longer"):
        reconcile_item(p.wb, opinion_id, "F3", "瑕", "改判")
    p.act_as(b)  # a dissent is still possible while the prosecutor is heard
    record_dissent(p.wb, opinion_id, "整体意见过严")
    assert _events(p) == [
        "open", "all_submitted", "reconcile", "reconcile", "reconcile", "dissent", "meeting",
        "send_for_feedback", "dissent",
    ]  # fmt: skip
    with p.wb.db.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.review_id == opinion_id)))
        assert actions.count("opinion.reconcile") == 3 and actions.count("opinion.dissent") == 2
        assert "opinion.meeting" in actions and "opinion.finalise" in actions
        assert s.scalars(select(JointMeeting.minutes)).all() == ["讨论E5、F3"]
