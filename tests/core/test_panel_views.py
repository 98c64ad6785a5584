"""What people see of a review file: its timeline, the queues per role, the routing sheet (评查流转单) and the
个案评查报告 with the panel, the hearing, the rulings, the determination and its signature."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reviewapp.errors import NotPermitted
from reviewapp.services.panel.determination import determine_opinion
from reviewapp.services.panel.feedback import Answer, answer_feedback, feedback_sheet
from reviewapp.services.panel.objections import rule_objection
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.queues import Queue, my_queues
from reviewapp.services.panel.reconcile import reconcile_item, record_dissent, record_meeting
from reviewapp.services.panel.rectification import recheck_rectification, reply_rectification
from reviewapp.services.panel.routing import write_routing_sheet
from reviewapp.services.panel.timeline import review_timeline
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.results.reports import case_report
from reviewapp.services.reviews.commands import reopen_review, submit_review
from reviewapp.storage.models import FeedbackAnswer, Rectification
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.cli_fixtures import CliRunner
from tests.core.panel_views_fixtures import CHIEF, DEPUTY, LEAD, MEMBERS, PROSECUTOR, PanelCase, make_panel
from tests.core.pdf_probe import page_texts, squash
from tests.core.reviews_fixtures import ADMIN


@pytest.fixture
def panel(tmp_path: Path) -> PanelCase:
    p = make_panel(tmp_path)
    yield p  # type: ignore[misc]
    p.close()


def _queue(p: PanelCase, name: str) -> dict[Queue, list[int]]:
    p.act(name)
    return {q: [i.case_id for i in items] for q, items in my_queues(p.wb).items()}


def _form_and_send(p: PanelCase) -> None:
    p.act(LEAD)
    reconcile_item(p.wb, p.opinion_id, "E8", "一般司法错误", "两名评查员认定一般司法错误，未见导致错误起诉")
    reconcile_item(p.wb, p.opinion_id, "D5", "司法瑕疵", "起诉书落款与盖章确有缺漏")
    p.act(MEMBERS[1])
    record_dissent(p.wb, p.opinion_id, "非法证据已导致错误起诉，应认定严重司法错误", item_code="E8")
    p.act(LEAD)
    record_meeting(p.wb, p.opinion_id, date(2026, 3, 2), list(MEMBERS), "就E8项认定进行讨论")
    finalise_opinion(p.wb, p.opinion_id)


def _through_determination(p: PanelCase) -> None:
    _form_and_send(p)
    p.act(PROSECUTOR)
    sheet = feedback_sheet(p.wb, p.opinion_id)
    answers = [
        Answer(f.id, f.item_code != "E8", "" if f.item_code != "E8" else "证据已补正，不属非法证据")
        for f in sheet.findings
    ]
    answer_feedback(p.wb, p.opinion_id, answers)
    p.act(LEAD)
    with p.wb.db.session() as s:
        objection = s.query(FeedbackAnswer).filter_by(answer="object").one().id
    rule_objection(p.wb, objection, False, "讯问录像显示取证违法，补正不能消除")
    p.act(CHIEF)
    determine_opinion(p.wb, p.opinion_id)


def test_every_role_sees_its_own_queue_as_the_file_moves(panel: PanelCase, tmp_path: Path) -> None:
    p = panel
    assert _queue(p, LEAD) == {Queue.RECONCILE: [p.case_id], Queue.RULE: [], Queue.RECHECK: []}
    assert _queue(p, PROSECUTOR) == {Queue.ANSWER: []}  # not sent yet
    assert _queue(p, MEMBERS[0]) == {Queue.RECHECK: []}
    _form_and_send(p)
    assert _queue(p, LEAD)[Queue.RECONCILE] == []
    p.act(PROSECUTOR)
    (item,) = my_queues(p.wb)[Queue.ANSWER]
    assert item.file_no == p.opinion().file_no and item.due_on == p.opinion().feedback_due_on
    assert not item.overdue and my_queues(p.wb, today=date(2099, 1, 1))[Queue.ANSWER][0].overdue
    sheet = feedback_sheet(p.wb, p.opinion_id)
    answer_feedback(p.wb, p.opinion_id, [Answer(f.id, f.item_code != "E8", "不同意") for f in sheet.findings])
    assert _queue(p, LEAD)[Queue.RULE] == [p.case_id]
    assert _queue(p, PROSECUTOR) == {Queue.ANSWER: []}
    p.act(LEAD)
    with p.wb.db.session() as s:
        objection = s.query(FeedbackAnswer).filter_by(answer="object").one().id
    rule_objection(p.wb, objection, False, "理由不成立")
    # A rejected objection goes to the chief, never to the deputy (review-rules.md §1 steps 9–10).
    assert _queue(p, DEPUTY) == {Queue.DETERMINE: []}
    assert _queue(p, CHIEF) == {Queue.DETERMINE: [p.case_id]}
    determine_opinion(p.wb, p.opinion_id)
    assert _queue(p, CHIEF) == {Queue.DETERMINE: []}
    with p.db.as_admin():
        issue_notices(p.wb, [p.case_id], out_dir=tmp_path / "notices")
        rect = my_queues(p.wb)[Queue.RECTIFY]
        assert [i.case_id for i in rect] == [p.case_id] and rect[0].status == "pending" and rect[0].notice_no
        assert my_queues(p.wb, today=date(2099, 1, 1))[Queue.RECTIFY][0].overdue
        with p.wb.db.session() as s:
            rect_id = s.query(Rectification).one().id
        reply_rectification(p.wb, rect_id, "已组织整改并书面报告")
    assert _queue(p, MEMBERS[2])[Queue.RECHECK] == [p.case_id]
    p.act(MEMBERS[2])
    recheck_rectification(p.wb, rect_id, True, "整改到位")
    assert _queue(p, MEMBERS[2])[Queue.RECHECK] == []
    with p.db.as_admin():
        assert my_queues(p.wb)[Queue.RECTIFY] == []


def test_the_timeline_lists_every_step_with_who_and_when(panel: PanelCase, tmp_path: Path) -> None:
    p = panel
    _through_determination(p)
    p.act(LEAD)
    t = review_timeline(p.wb, case_id=p.case_id)
    events = [e.event for e in t.entries]
    assert events[0] == "open" and events[-1] == "determine"
    for kind in ("start", "submit", "all_submitted", "reconcile", "dissent", "meeting", "send_for_feedback",
                 "answer_object", "rulings_done"):  # fmt: skip
        assert kind in events, kind
    assert [e.at for e in t.entries] == sorted(e.at for e in t.entries)
    by_event = {e.event: e for e in t.entries}
    assert by_event["determine"].actor == CHIEF
    assert (
        by_event["determine"].from_status == "awaiting_determination"
        and by_event["determine"].to_status == "determined"
    )
    assert by_event["all_submitted"].transition  # "in review → reconciling" in the UI language
    assert {e.reason.split("（")[0] for e in t.entries if e.event == "reconcile"} == {"E8", "D5"}
    assert {e.subject_name for e in t.entries if e.event == "submit"} == set(MEMBERS)
    assert t.members == MEMBERS
    # The prosecutor reads the file's steps once it was sent to them.
    p.act(PROSECUTOR)
    assert review_timeline(p.wb, case_id=p.case_id).opinion_id == p.opinion_id


def test_the_timeline_keeps_blindness_and_refuses_outsiders(tmp_path: Path) -> None:
    p = make_panel(tmp_path, submit=False)
    try:
        p.act(MEMBERS[0])
        submit_review(p.wb, p.members[MEMBERS[0]])
        reopen_review(p.wb, p.members[MEMBERS[0]], "E8 需补充证据页码")
        p.act(MEMBERS[1])
        t = review_timeline(p.wb, case_id=p.case_id)
        reopen = next(e for e in t.entries if e.event == "reopen")
        assert reopen.reason == ""  # another member's words while the panel scores blind
        p.act(MEMBERS[0])
        assert "E8" in next(e for e in review_timeline(p.wb, case_id=p.case_id).entries if e.event == "reopen").reason
        p.act(PROSECUTOR)
        with pytest.raises(NotPermitted, match=r"承办|handled"):
            review_timeline(p.wb, case_id=p.case_id)
        with pytest.raises(NotPermitted):
            write_routing_sheet(p.wb, p.case_id, tmp_path / "sheet.pdf")
        assert not (tmp_path / "sheet.pdf").exists()
    finally:
        p.close()


def test_routing_sheet_lists_every_step_and_the_rectification(panel: PanelCase, tmp_path: Path) -> None:
    p = panel
    _through_determination(p)
    with p.db.as_admin():
        issue_notices(p.wb, [p.case_id], out_dir=tmp_path / "notices")
        with p.wb.db.session() as s:
            rect_id = s.query(Rectification).one().id
        reply_rectification(p.wb, rect_id, "已整改")
        out = write_routing_sheet(p.wb, p.case_id, tmp_path / "流转单.pdf")
    text = squash("".join(page_texts(out)))
    assert "评查流转单" in text and squash(p.opinion().file_no or "") in text
    expected = ["立卷（取得评查受案号）", "评查组长合议分歧", "记录保留意见", "送承办检察官听取意见"]
    expected += ["承办检察官提出异议", "异议审查完毕", "审定", "制发整改通知书", "整改中", f"办理人：{CHIEF}"]
    for words in [*expected, "李评查（主评查员）"]:
        assert words in text, words


def test_the_report_carries_all_six_parts_with_the_panel_hearing_and_signature(
    panel: PanelCase, tmp_path: Path
) -> None:
    p = panel
    _through_determination(p)
    opinion = p.opinion()
    with p.db.as_admin():
        out = case_report(p.wb, p.case_id, tmp_path / "report.pdf")
    text = squash("".join(page_texts(out)))
    for heading in ("一、被评查案件基本情况", "二、评查工作开展情况", "三、评查发现的问题", "四、评查小组联席会议情况",
                    "五、等次建议及评定依据", "六、其他"):  # fmt: skip
        assert heading in text
    expected = ["共3名评查员组成", "听取意见", "提出异议", "异议不成立", "讯问录像显示取证违法", "召开评查小组联席会议"]
    expected += ["就E8项认定进行讨论", "经评查组长合议", "保留意见（E8）", "非法证据已导致错误起诉", f"检察长{CHIEF}"]
    for words in [*expected, "审定：检察长", "SHA-256"]:
        assert words in text, words
    assert squash(opinion.opinion_sha256[:8]) in text and opinion.opinion_sha256[-8:] in text


def test_cli_routing_sheet_timeline_and_inbox(panel: PanelCase, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    p = panel
    _form_and_send(p)
    cli = CliRunner(p.db.path, monkeypatch, capsys)
    r = cli(
        "routing-sheet",
        "朝检刑诉受[2025]1号",
        "--out",
        str(tmp_path / "r.pdf"),
        user=login_for(LEAD),
        password=PASSWORD,
    )
    assert r.code == 0, r.err
    assert "评查流转单" in "".join(page_texts(tmp_path / "r.pdf"))
    r = cli("timeline", "朝检刑诉受[2025]1号", "--json", user=login_for(LEAD), password=PASSWORD)
    assert r.code == 0, r.err
    assert r.json()["entries"][0]["event"] == "open" and r.json()["file_no"] == p.opinion().file_no
    r = cli("inbox", "--json", user=login_for(PROSECUTOR), password=PASSWORD)
    assert r.code == 0, r.err
    assert [i["case"] for i in r.json()["answer"]] == ["朝检刑诉受[2025]1号"]
    r = cli("timeline", "朝检刑诉受[2025]1号", "--lang", "en", user=login_for(ADMIN), password=PASSWORD)
    assert r.code == 0, r.err
    assert "Disagreement reconciled" in r.out and f"· {LEAD}" in r.out and "reconciling → awaiting" in r.out


def test_an_overdue_rectification_shows_in_the_timeline_the_sheet_and_the_queue(
    panel: PanelCase, tmp_path: Path
) -> None:
    from reviewapp.services.panel.due import process_due

    p = panel
    _through_determination(p)
    with p.db.as_admin():
        issue_notices(p.wb, [p.case_id], out_dir=tmp_path / "notices")
        process_due(p.wb, today=date(2099, 1, 1))
        (item,) = my_queues(p.wb, today=date(2099, 1, 1))[Queue.RECTIFY]
        assert item.status == "overdue" and item.overdue
        t = review_timeline(p.wb, case_id=p.case_id)
        assert [e.event for e in t.entries][-2:] == ["notice", "overdue"]
        out = write_routing_sheet(p.wb, p.case_id, tmp_path / "sheet.pdf")
    text = squash("".join(page_texts(out)))
    assert "整改逾期" in text and "当前状态：逾期" in text and "逾期未回复" in text


def test_the_report_of_a_file_without_feedback_says_so_and_is_signed(panel: PanelCase, tmp_path: Path) -> None:
    from reviewapp.services.panel.due import process_due

    p = panel
    _form_and_send(p)
    with p.db.as_admin():
        process_due(p.wb, today=date(2099, 1, 1))  # the period ended without an answer
    p.act(CHIEF)
    determine_opinion(p.wb, p.opinion_id)
    with p.db.as_admin():
        text = squash("".join(page_texts(case_report(p.wb, p.case_id, tmp_path / "report.pdf"))))
    assert "记为无异议（无反馈意见）" in text and "异议不成立" not in text
    assert f"审定：检察长{CHIEF}" in text and p.opinion().opinion_sha256[:8] in text


def test_a_grade_formed_on_an_english_screen_is_explained_in_chinese_in_the_report(
    panel: PanelCase, tmp_path: Path
) -> None:
    """The explanation is stored in the record's language: the 评查报告 is an official Chinese document whoever
    scored, and the scorer's English screen must not leak into it."""
    import re

    from reviewapp.i18n import speaking

    p = panel
    p.act(LEAD)
    reconcile_item(p.wb, p.opinion_id, "E8", "一般司法错误", "两名评查员认定一般司法错误，未见导致错误起诉")
    reconcile_item(p.wb, p.opinion_id, "D5", "司法瑕疵", "起诉书落款与盖章确有缺漏")
    with speaking("en"):
        finalise_opinion(p.wb, p.opinion_id)
    explanation = p.opinion().proposal_explanation
    assert explanation and not re.search(r"[A-Za-z]{3,}", explanation), explanation
    with p.db.as_admin():
        text = squash("".join(page_texts(case_report(p.wb, p.case_id, tmp_path / "report.pdf"))))
    basis = text[text.index("五、等次建议及评定依据") : text.index("六、其他")]
    basis = re.sub(r"审计链#\d+·[0-9a-f]+…[0-9a-f]+", "", basis)  # a page's footer: the audit chain's hash
    assert "评定等次" in basis and not re.search(r"[A-Za-z]{3,}", basis), basis
