"""The write-path recipes of the steps after the opinion (feedback, rulings, determination, rectification,
process_due) for tests/core/test_write_path.py, and the state each needs, built through the services on the
write-path template: there the reviewer "rev" submitted case 2 alone (a panel of one, graded 基本合格), so
its opinion awaits the handling prosecutor's feedback. A chief prosecutor ("chief") is added; "pc" (评查管理员
+ 案管负责人) enters paper answers, rules, issues notices and records reports; "rev" re-checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from reviewapp.domain.roles import Role
from reviewapp.services.accounts import users
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.panel.determination import determine_opinion, reopen_determined
from reviewapp.services.panel.due import process_due
from reviewapp.services.panel.feedback import Answer, answer_feedback, feedback_sheet
from reviewapp.services.panel.feedback_form import export_feedback_form, import_feedback_form
from reviewapp.services.panel.objections import rule_objection
from reviewapp.services.panel.rectification import (
    recheck_rectification,
    rectification_for_notice,
    reply_rectification,
)
from reviewapp.services.results.notices import issue_notices
from reviewapp.storage.models import Case, FeedbackAnswer, Notice, Review
from tests.accounts_fixtures import PASSWORD, ROOT_LOGIN
from tests.core.intake_fixtures import case_row

CHIEF_LOGIN = "chief"
CASE = 2
# recipe → the stage its state needs
STAGES = {
    "feedback.answer": "sent",
    "feedback_form.export": "sent",
    "feedback_form.import": "form",
    "objection.rule": "objected",
    "opinion.determine": "accepted",
    "opinion.reopen_determined": "determined",
    "rectification.reply": "noticed",
    "rectification.recheck": "replied",
    "process.due": "sent",
    "notice.issue": "determined",  # review-rules.md §1 steps 10–12: notices follow the determination
}


def _opinion(ctx: Any) -> Review:
    with ctx.wb.db.session() as s:
        row = s.scalars(
            select(Review)
            .join(Case, Case.id == Review.case_id)
            .where(Case.dept_case_no == case_row(CASE)["部门受案号"], Review.kind == "opinion")
        ).one()
        s.expunge(row)
        return row


def _answers(ctx: Any, objection: str = "") -> list[Answer]:
    findings = feedback_sheet(ctx.wb, _opinion(ctx).id).findings
    return [Answer(f.id, not objection, objection) for f in findings]


def _notice(ctx: Any) -> str:
    with ctx.wb.db.session() as s:
        return str(s.scalars(select(Notice.number)).one())


def _form(ctx: Any) -> Path:
    return Path(ctx.tmp) / "反馈表.xlsx"


def prepare_process(ctx: Any, name: str) -> None:
    stage = STAGES[name]
    wb = ctx.wb
    prior = wb.user
    users.log_in(wb, ROOT_LOGIN, PASSWORD)
    users.add_account(wb, "检察长丙", CHIEF_LOGIN, PASSWORD, [RoleSpec(Role.CHIEF)], unit=case_row(CASE)["承办单位"])
    users.log_in(wb, "pc", PASSWORD)
    opinion = _opinion(ctx).id
    if stage == "form":
        export_feedback_form(wb, opinion, _form(ctx))
        book = load_workbook(_form(ctx))
        for row in book["封面"].iter_rows(min_row=2):
            if row[0].value == "反馈日期":
                row[1].value = date.today().isoformat()
        for row in book["反馈意见"].iter_rows(min_row=2):
            row[8].value = "同意"
        book.save(_form(ctx))
    if stage == "objected":
        answer_feedback(wb, opinion, _answers(ctx, "落款日期在第3页"), channel="form", answered_on=date.today())
    if stage in ("accepted", "determined", "noticed", "replied"):
        answer_feedback(wb, opinion, _answers(ctx), channel="form", answered_on=date.today())
    if stage in ("determined", "noticed", "replied"):
        users.log_in(wb, CHIEF_LOGIN, PASSWORD)
        determine_opinion(wb, opinion)
        users.log_in(wb, "pc", PASSWORD)
    if stage in ("noticed", "replied"):
        issue_notices(wb, [_opinion(ctx).case_id], out_dir=Path(ctx.tmp) / "notices")
    if stage == "replied":
        reply_rectification(wb, rectification_for_notice(wb, _notice(ctx)), "已整改")
    wb.user = prior


def _objection(ctx: Any) -> int:
    with ctx.wb.db.session() as s:
        return int(s.scalars(select(FeedbackAnswer.id).where(FeedbackAnswer.answer == "object")).first() or 0)


def process_recipes() -> dict[str, tuple[str, Callable[[Any], Any], Callable[[Any], list[Path]]]]:
    """name → (login, run(ctx), files written) for tests/core/test_write_path.py."""

    def none(c: Any) -> list[Path]:
        return []

    def due_day(c: Any) -> date:
        due = _opinion(c).feedback_due_on
        assert due is not None
        return due + timedelta(days=1)

    return {
        "feedback.answer": (
            "pc",
            lambda c: answer_feedback(c.wb, _opinion(c).id, _answers(c), channel="form", answered_on=date.today()),
            none,
        ),
        "feedback_form.export": (
            "pc",
            lambda c: export_feedback_form(c.wb, _opinion(c).id, Path(c.tmp) / "导出.xlsx"),
            lambda c: [Path(c.tmp) / "导出.xlsx", Path(c.tmp) / "导出.pdf"],
        ),
        "feedback_form.import": ("pc", lambda c: import_feedback_form(c.wb, _form(c)), none),
        "objection.rule": ("pc", lambda c: rule_objection(c.wb, _objection(c), False, "第3页无落款日期"), none),
        "opinion.determine": (CHIEF_LOGIN, lambda c: determine_opinion(c.wb, _opinion(c).id), none),
        "opinion.reopen_determined": (
            CHIEF_LOGIN,
            lambda c: reopen_determined(c.wb, _opinion(c).id, "发现新证据"),
            none,
        ),
        "rectification.reply": (
            "pc",
            lambda c: reply_rectification(c.wb, rectification_for_notice(c.wb, _notice(c)), "已整改"),
            none,
        ),
        "rectification.recheck": (
            "rev",
            lambda c: recheck_rectification(c.wb, rectification_for_notice(c.wb, _notice(c)), True),
            none,
        ),
        "process.due": ("pc", lambda c: process_due(c.wb, due_day(c)), none),
    }
