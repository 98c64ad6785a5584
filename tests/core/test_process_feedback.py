"""Hearing the handling prosecutor: the answer per finding (in the app or on the offline form), who may give
it, and the rulings on objections (upheld → a revised finding, the old one kept; rejected → with reasons)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.errors import NotPermitted
from reviewapp.services.panel import feedback
from reviewapp.services.panel.feedback import Answer
from reviewapp.services.panel.feedback_form import FeedbackFormError, export_feedback_form, import_feedback_form
from reviewapp.services.panel.objections import rule_objection
from reviewapp.services.panel.steps import ProcessError
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import FeedbackAnswer, Finding, Review
from tests.accounts_fixtures import login_for
from tests.core.plans_fixtures import ADMIN
from tests.core.process_fixtures import (
    CASE_HEAD,
    HANDLER,
    LEAD,
    REVIEW_ADMIN,
    ROLE_ACCOUNTS,
    make_process_db,
)
from tests.core.reviews_fixtures import act_as
from tests.core.test_process_determination import audit_count, plain
from tests.db_target import Target, copy_database


@dataclass(frozen=True)
class Built:
    target: Target
    case_id: int
    case_no: str
    opinion_id: int
    member: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    with pytest.MonkeyPatch.context() as mp:
        p = make_process_db(tmp_path_factory.mktemp("feedback"), mp)
        formed = p.form_opinion({"E1": ("瑕", "扣押清单未附照片"), "D5": ("瑕", "起诉书落款日期遗漏")})
        assert formed.status == ReviewStatus.AWAITING_FEEDBACK.value and formed.final_grade == "基本合格"
        from tests.core.process_fixtures import CASE_NO

        b = Built(p.target, p.case_id, CASE_NO, formed.id, p.member)
        p.close()
    yield b


@pytest.fixture
def wb(built: Built, tmp_path: Path) -> Iterator[Workbench]:
    w = Workbench.open(copy_database(built.target, tmp_path, "plans.sqlite3"))
    yield w
    w.close()


def findings(wb: Workbench, built: Built) -> dict[str, int]:
    act_as(wb, login_for(CASE_HEAD))
    return {f.item_code: f.id for f in feedback.feedback_sheet(wb, built.opinion_id).findings}


def status(wb: Workbench, built: Built) -> str:
    with wb.db.session() as s:
        row = s.get(Review, built.opinion_id)
        assert row is not None
        return row.status


def test_only_the_handling_prosecutor_answers_in_the_app(wb: Workbench, built: Built) -> None:
    ids = findings(wb, built)
    answers = [Answer(ids["E1"], True), Answer(ids["D5"], True)]
    for who in [*ROLE_ACCOUNTS, built.member, ADMIN]:
        act_as(wb, login_for(who))
        before = audit_count(wb)
        with pytest.raises(NotPermitted) as caught:
            feedback.answer_feedback(wb, built.opinion_id, answers)
        plain(str(caught.value))
        assert audit_count(wb) == before
    for who in [*ROLE_ACCOUNTS, built.member, HANDLER]:  # on paper: 评查管理员 and 案管负责人 enter it
        if who in {REVIEW_ADMIN, CASE_HEAD}:
            continue
        act_as(wb, login_for(who))
        with pytest.raises(NotPermitted):
            feedback.answer_feedback(wb, built.opinion_id, answers, channel="form", answered_on=dt.date.today())
    act_as(wb, login_for(HANDLER))
    assert feedback.answer_feedback(wb, built.opinion_id, answers) == "accepted"
    assert status(wb, built) == ReviewStatus.AWAITING_DETERMINATION.value


def test_an_answer_covers_every_finding_and_an_objection_has_a_reason(wb: Workbench, built: Built) -> None:
    ids = findings(wb, built)
    act_as(wb, login_for(HANDLER))
    for bad in (
        [Answer(ids["E1"], True)],  # D5 not answered
        [Answer(ids["E1"], True), Answer(ids["D5"], False, "  ")],  # an objection without a reason
        [Answer(ids["E1"], True), Answer(ids["D5"], True), Answer(999, True)],  # not a finding of the opinion
        [Answer(ids["E1"], True), Answer(ids["E1"], False, "x"), Answer(ids["D5"], True)],  # twice
        [Answer(ids["E1"], True), Answer(ids["D5"], False, "见附件", ("/nowhere/附件.pdf",))],  # no such file
    ):
        with pytest.raises(ProcessError) as caught:
            feedback.answer_feedback(wb, built.opinion_id, bad)
        plain(str(caught.value))
    assert status(wb, built) == ReviewStatus.AWAITING_FEEDBACK.value


def test_objection_upheld_revises_the_finding_and_keeps_the_old_one(
    wb: Workbench, built: Built, tmp_path: Path
) -> None:
    ids = findings(wb, built)
    proof = tmp_path / "补正材料.pdf"
    proof.write_bytes(b"%PDF-1.4 proof")
    act_as(wb, login_for(HANDLER))
    outcome = feedback.answer_feedback(
        wb,
        built.opinion_id,
        [Answer(ids["E1"], False, "照片已随案移送", (proof,)), Answer(ids["D5"], False, "落款日期在第3页")],
    )
    assert outcome == "objected" and status(wb, built) == ReviewStatus.OBJECTIONS.value
    with wb.db.session() as s:
        objections = {a.finding_id: a for a in s.scalars(select(FeedbackAnswer))}
    stored = objections[ids["E1"]].attachments[0]
    assert (
        stored["name"] == "补正材料.pdf" and wb.dossiers.path(stored["stored_path"]).read_bytes() == proof.read_bytes()
    )
    # Who may rule: the panel lead and the 案管负责人 (and the administrator holding every role).
    for who in [*ROLE_ACCOUNTS, HANDLER, built.member]:
        if who not in {LEAD, CASE_HEAD}:
            act_as(wb, login_for(who))
            with pytest.raises(NotPermitted):
                rule_objection(wb, objections[ids["E1"]].id, True, "成立")
    act_as(wb, login_for(LEAD))
    with pytest.raises(ProcessError):
        rule_objection(wb, objections[ids["D5"]].id, False, " ")  # a ruling needs its reason
    first = rule_objection(wb, objections[ids["E1"]].id, True, "照片确已移送", finding_reason="清单照片不清晰")
    assert first.open_objections == 1 and first.status == ReviewStatus.OBJECTIONS
    with wb.db.session() as s:
        old = s.get(Finding, ids["E1"])
        new = s.get(Finding, first.revised_finding_id)
        assert old is not None and new is not None
        assert old.deleted_at is not None  # kept, tombstoned, visible as the revised finding's predecessor
        assert (new.origin, new.supersedes_id, new.reason, new.item_code) == ("revised", old.id, "清单照片不清晰", "E1")
    act_as(wb, login_for(CASE_HEAD))
    last = rule_objection(wb, objections[ids["D5"]].id, False, "第3页无落款日期")
    assert last.open_objections == 0 and last.status == ReviewStatus.AWAITING_DETERMINATION
    with pytest.raises(ProcessError):
        rule_objection(wb, objections[ids["D5"]].id, True, "再议")  # already ruled


def test_a_withdrawn_finding_recomputes_the_grade(wb: Workbench, built: Built) -> None:
    ids = findings(wb, built)
    act_as(wb, login_for(HANDLER))
    feedback.answer_feedback(
        wb, built.opinion_id, [Answer(ids["E1"], False, "不存在"), Answer(ids["D5"], False, "不存在")]
    )
    with wb.db.session() as s:
        objections = {a.finding_id: a.id for a in s.scalars(select(FeedbackAnswer))}
    act_as(wb, login_for(LEAD))
    rule_objection(wb, objections[ids["E1"]], True, "问题不存在", withdraw=True)
    ruling = rule_objection(wb, objections[ids["D5"]], True, "问题不存在", withdraw=True)
    assert (ruling.grade_before, ruling.grade_after) == ("基本合格", "合格")


def _fill(path: Path, rows: dict[int, tuple[str, str, str]], day: str | None = "") -> None:
    """Fill the answers; ``day`` is the form's 反馈日期 (default today: never before the day the opinion went out)."""
    day = dt.date.today().isoformat() if day == "" else day
    book = load_workbook(path)
    cover = book["封面"]
    for row in cover.iter_rows(min_row=2):
        if row[0].value == "反馈日期" and day is not None:
            row[1].value = day
    sheet = book["反馈意见"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in rows:
            row[8].value, row[9].value, row[10].value = rows[row[0].value]
    book.save(path)


def test_the_offline_form_goes_out_as_excel_and_pdf_and_comes_back(wb: Workbench, built: Built, tmp_path: Path) -> None:
    act_as(wb, login_for(HANDLER))
    files = export_feedback_form(wb, built.opinion_id, tmp_path / "反馈表.xlsx")
    assert files.pdf.read_bytes().startswith(b"%PDF") and files.xlsx.exists()
    # A bad form is refused whole, with file, sheet, row, column and reason; nothing is recorded.
    _fill(files.xlsx, {1: ("也许", "", ""), 2: ("异议", "", "不存在.pdf")}, day=None)
    act_as(wb, login_for(REVIEW_ADMIN))
    with pytest.raises(FeedbackFormError) as caught:
        import_feedback_form(wb, files.xlsx)
    message = str(caught.value)
    assert "反馈意见" in message and "2" in message and "意见（同意/异议）" in message and "异议理由" in message
    assert status(wb, built) == ReviewStatus.AWAITING_FEEDBACK.value
    (tmp_path / "说明.pdf").write_bytes(b"%PDF-1.4 note")
    answered = dt.date.today()
    _fill(files.xlsx, {1: ("同意", "", ""), 2: ("异议", "落款日期在第3页", "说明.pdf")}, day=answered.isoformat())
    assert import_feedback_form(wb, files.xlsx) == "objected"
    with wb.db.session() as s:
        answers = list(s.scalars(select(FeedbackAnswer).order_by(FeedbackAnswer.id)))
    assert [(a.answer, a.channel, a.answered_on) for a in answers] == [
        ("accept", "form", answered),
        ("object", "form", answered),
    ]
    assert answers[1].attachments[0]["name"] == "说明.pdf"


def test_feedback_and_objection_commands(
    wb: Workbench, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.accounts_fixtures import PASSWORD
    from tests.core.cli_fixtures import CliRunner

    url = wb.db.url
    wb.close()
    cli = CliRunner(url, monkeypatch)

    def run(who: str, *argv: str) -> tuple[int, str, str]:
        r = cli(*argv, user=login_for(who), password=PASSWORD)
        return r.code, r.out, r.err

    code, _, err = run(HANDLER, "feedback", "export", built.case_no, "--out", str(tmp_path / "f.xlsx"))
    assert code == 0 and (tmp_path / "f.pdf").exists(), err
    code, _, err = run(LEAD, "feedback", "answer", built.case_no, "--accept-all")
    assert code == 2 and err.startswith("错误：")  # not their case
    code, _, err = run(HANDLER, "feedback", "answer", built.case_no, "--accept", "E1")
    assert code == 1 and "D5" in err  # every finding must be answered
    code, _, err = run(HANDLER, "feedback", "answer", built.case_no, "--accept", "E1", "--object", "D5", "落款在第3页")
    assert code == 0, err
    code, _, err = run(LEAD, "objection", "rule", built.case_no, "E1", "--reject", "--reason", "x")
    assert code == 1 and "E1" in err  # no objection on E1
    code, _, err = run(LEAD, "objection", "rule", built.case_no, "D5", "--reject", "--reason", "第3页无落款日期")
    assert code == 0, err
    code, _, err = run(CASE_HEAD, "feedback", "import", str(tmp_path / "f.xlsx"))
    assert code == 1 and err.startswith("错误：")  # no longer awaiting feedback
