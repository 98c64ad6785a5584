"""The whole review process of one case through the services: a three-reviewer panel disagrees on two items →
reconciled with reasons, one dissent kept → feedback with one objection → rejected → determined by the 检察长
→ notice → rectification report → failed, then passed re-check → 已整改."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from reviewapp.domain.review_status import ReviewEventKind, ReviewStatus
from reviewapp.services.panel import feedback
from reviewapp.services.panel.determination import determine_opinion, signature_content, signature_matches
from reviewapp.services.panel.objections import rule_objection
from reviewapp.services.panel.opinion import disagreements, finalise_opinion
from reviewapp.services.panel.reconcile import reconcile_item, record_dissent
from reviewapp.services.panel.rectification import (
    list_rectifications,
    recheck_rectification,
    rectification_for_notice,
    reply_rectification,
)
from reviewapp.services.results.notices import issue_notices
from reviewapp.storage.models import FeedbackAnswer, Review, ReviewEvent
from tests.core.panel_fixtures import HANDLER, LEAD, make_panel_db
from tests.core.services_fixtures import set_issuer

CHIEF, CASE_HEAD = "检察长甲", "案管甲"  # accounts of tests/core/panel_fixtures.py


def test_from_a_disagreeing_panel_to_rectified(tmp_path: Path) -> None:
    p = make_panel_db(tmp_path)
    set_issuer(p.wb)
    for name in p.members:
        p.score(name)
    opinion_id = p.opinion().id
    assert p.opinion().status == ReviewStatus.RECONCILING.value
    with p.wb.db.session() as s:
        row = s.get(Review, opinion_id)
        assert row is not None
        assert sorted(disagreements(s, row)) == ["E5", "F3"]

    # The panel lead reconciles both disagreements with reasons; the member who found 错 on E5 dissents.
    p.act_as(LEAD)
    reconcile_item(p.wb, opinion_id, "E5", "瑕", "两名成员认定为瑕疵，补正后不影响证据效力")
    reconcile_item(p.wb, opinion_id, "F3", None, "起诉书对事实的表述与证据一致，不构成问题")
    dissenter = p.members[1]
    p.act_as(dissenter)
    record_dissent(p.wb, opinion_id, "E5 应认定为一般司法错误", item_code="E5")
    p.act_as(LEAD)
    assert finalise_opinion(p.wb, opinion_id) == ReviewStatus.AWAITING_FEEDBACK.value
    assert p.opinion().final_grade == "基本合格"

    # The handling prosecutor accepts E1 and objects to E5; the 案管负责人 rejects the objection.
    p.act_as(HANDLER)
    sheet = feedback.feedback_sheet(p.wb, opinion_id)
    ids = {f.item_code: f.id for f in sheet.findings}
    assert sorted(ids) == ["E1", "E5"]
    answers = [feedback.Answer(ids["E1"], True), feedback.Answer(ids["E5"], False, "同步录音录像已随案移送")]
    assert feedback.answer_feedback(p.wb, opinion_id, answers) == "objected"
    with p.wb.db.session() as s:
        objection = s.scalars(select(FeedbackAnswer.id).where(FeedbackAnswer.answer == "object")).one()
    p.act_as(CASE_HEAD)
    ruling = rule_objection(p.wb, objection, False, "卷内无同步录音录像移送记录，异议不成立")
    assert ruling.status == ReviewStatus.AWAITING_DETERMINATION

    # The 检察长 determines; the signature covers the dissent and the ruling.
    p.act_as(CHIEF)
    sha = determine_opinion(p.wb, opinion_id)
    with p.wb.db.session() as s:
        row = s.get(Review, opinion_id)
        assert row is not None and signature_matches(s, row) and row.opinion_sha256 == sha
        content = signature_content(s, row)
    assert content["dissents"][0]["item"] == "E5" and content["feedback"]["answers"][1]["ruling"] == "rejected"
    assert content["determination"]["body"] == "检察长"

    # Notice → rectification report → re-check failed, then passed.
    p.act_as(CASE_HEAD)
    [notice] = issue_notices(p.wb, [p.case_id], out_dir=tmp_path / "notices")
    rid = rectification_for_notice(p.wb, notice.number)
    assert reply_rectification(p.wb, rid, "已补充说明并上传", received_on=dt.date.today()) == "in_progress"
    p.act_as(p.members[0])
    assert recheck_rectification(p.wb, rid, False, "说明未经部门负责人审核") == "pending"
    p.act_as(CASE_HEAD)
    reply_rectification(p.wb, rid, "经部门负责人审核后重新报送")
    p.act_as(p.members[2])
    assert recheck_rectification(p.wb, rid, True) == "rectified"
    p.act_as(CASE_HEAD)
    [row] = list_rectifications(p.wb)
    assert (row.number, row.status) == (notice.number, "rectified")
    with p.wb.db.session() as s:
        kinds = list(
            s.scalars(select(ReviewEvent.kind).where(ReviewEvent.review_id == opinion_id).order_by(ReviewEvent.id))
        )
    assert kinds[:1] == [ReviewEventKind.OPEN.value]
    for step in (
        ReviewEventKind.ALL_SUBMITTED,
        ReviewEventKind.SEND_FOR_FEEDBACK,
        ReviewEventKind.ANSWER_OBJECT,
        ReviewEventKind.RULINGS_DONE,
        ReviewEventKind.DETERMINE,
    ):
        assert step.value in kinds
    assert kinds.count(ReviewEventKind.RECTIFICATION.value) == 4
    p.close()
