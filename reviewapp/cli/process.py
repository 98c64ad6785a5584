"""Headless commands for the steps after the opinion, wired into cli/main.py:

    python main.py feedback export CASE --out FORM.xlsx            (also writes FORM.pdf)
    python main.py feedback import FORM.xlsx
    python main.py feedback answer CASE [--accept ITEM]… [--object ITEM REASON]… [--attach ITEM FILE]…
                   [--accept-all] [--on-paper --date YYYY-MM-DD]
    python main.py objection rule CASE ITEM (--uphold | --reject) --reason TEXT
                   [--severity S] [--finding-reason TEXT] [--withdraw]
    python main.py determine CASE [--body 分管副检察长|检察长|检察委员会] [--meeting-date D --decision TEXT]
    python main.py determine CASE --reopen REASON
    python main.py rectification reply NOTICE --text TEXT [--date D] [--attach FILE]…
    python main.py rectification recheck NOTICE (--passed | --failed --note TEXT) [--due D]
    python main.py rectification list [--overdue] [--today D]
    python main.py process-due [--today D]

CASE is a 部门受案号 or 统一受案号 (its current review file); ITEM a checklist item code of the opinion;
NOTICE a notice's document number. Every command runs the same services as the GUI, with their checks.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewapp.cli.common import CliRefused, Emit, changes_json, iso_date, with_changes
from reviewapp.cli.lookup import find_case
from reviewapp.i18n import translate, translate_n
from reviewapp.services.workbench import Workbench

COMMANDS = ("feedback", "objection", "determine", "rectification", "process-due")


def add_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    fb = subparsers.add_parser(
        "feedback", parents=[common], help=translate("CliProcess", "the handling prosecutor's feedback")
    )
    fsub = fb.add_subparsers(dest="action", required=True)
    p = fsub.add_parser(
        "export", parents=[common], help=translate("CliProcess", "write the feedback form (Excel and PDF)")
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        help=translate("CliProcess", "Excel file to write (a PDF is written next to it)"),
    )
    p = fsub.add_parser("import", parents=[common], help=translate("CliProcess", "record a filled feedback form"))
    p.add_argument("file", type=Path, metavar="FORM.xlsx")
    p = fsub.add_parser(
        "answer", parents=[common], help=translate("CliProcess", "answer the opinion finding by finding")
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="ITEM",
        help=translate("CliProcess", "accept the finding of ITEM"),
    )
    p.add_argument(
        "--accept-all", action="store_true", help=translate("CliProcess", "accept every finding not objected to")
    )
    p.add_argument("--object", action="append", default=[], nargs=2, metavar=("ITEM", "REASON"))
    p.add_argument("--attach", action="append", default=[], nargs=2, metavar=("ITEM", "FILE"))
    p.add_argument(
        "--on-paper",
        action="store_true",
        help=translate("CliProcess", "an answer that came back on paper (案管 enters it)"),
    )
    p.add_argument("--date", type=iso_date, default=None, help=translate("CliProcess", "the date of a paper answer"))
    ob = subparsers.add_parser(
        "objection", parents=[common], help=translate("CliProcess", "rule on the prosecutor's objections")
    )
    osub = ob.add_subparsers(dest="action", required=True)
    p = osub.add_parser("rule", parents=[common], help=translate("CliProcess", "uphold or reject one objection"))
    p.add_argument("case", metavar="CASE")
    p.add_argument("item", metavar="ITEM")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--uphold", action="store_true")
    group.add_argument("--reject", action="store_true")
    p.add_argument("--reason", required=True, help=translate("CliProcess", "the reason of the ruling"))
    p.add_argument("--severity", default=None, help=translate("CliProcess", "upheld: the revised severity"))
    p.add_argument("--finding-reason", default=None, help=translate("CliProcess", "upheld: the revised finding's text"))
    p.add_argument(
        "--withdraw", action="store_true", help=translate("CliProcess", "upheld: the problem is not there at all")
    )
    p = subparsers.add_parser(
        "determine", parents=[common], help=translate("CliProcess", "determine (审定) and sign a review")
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument("--body", default=None, choices=("分管副检察长", "检察长", "检察委员会"))
    p.add_argument(
        "--meeting-date", type=iso_date, default=None, help=translate("CliProcess", "date of the committee meeting")
    )
    p.add_argument("--decision", default="", help=translate("CliProcess", "the committee's decision"))
    p.add_argument(
        "--reopen",
        default=None,
        metavar="REASON",
        help=translate("CliProcess", "void the determination (chief prosecutor)"),
    )
    rc = subparsers.add_parser(
        "rectification", parents=[common], help=translate("CliProcess", "rectification of the notices")
    )
    rsub = rc.add_subparsers(dest="action", required=True)
    p = rsub.add_parser(
        "reply", parents=[common], help=translate("CliProcess", "record the rectification report received")
    )
    p.add_argument("notice", metavar="NOTICE")
    p.add_argument("--text", required=True, help=translate("CliProcess", "what the report says"))
    p.add_argument(
        "--date", type=iso_date, default=None, help=translate("CliProcess", "the day it was received (default: today)")
    )
    p.add_argument("--attach", action="append", default=[], type=Path, metavar="FILE")
    p = rsub.add_parser("recheck", parents=[common], help=translate("CliProcess", "record the re-check"))
    p.add_argument("notice", metavar="NOTICE")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--passed", dest="passed", action="store_true")
    group.add_argument("--failed", dest="failed", action="store_true")
    p.add_argument("--note", default="", help=translate("CliProcess", "failed: what is still to be rectified"))
    p.add_argument("--due", type=iso_date, default=None, help=translate("CliProcess", "failed: a new deadline"))
    p = rsub.add_parser("list", parents=[common], help=translate("CliProcess", "list rectifications"))
    p.add_argument("--overdue", action="store_true", help=translate("CliProcess", "only overdue ones"))
    p.add_argument("--today", type=iso_date, default=None)
    p = subparsers.add_parser("process-due", parents=[common], help=translate("CliProcess", "record what fell due"))
    p.add_argument(
        "--today", type=iso_date, default=None, help=translate("CliProcess", "the day to process as (default: today)")
    )


def _opinion_id(wb: Workbench, number: str) -> int:
    from reviewapp.services.panel.files import opinion_for_case

    case_id = find_case(wb, number)
    with wb.db.session() as s:
        opinion = opinion_for_case(s, case_id)
        if opinion is None:
            raise CliRefused(translate("CliProcess", "Case {case} has no review file.").format(case=number))
        return opinion.id


def _finding_ids(wb: Workbench, opinion_id: int) -> dict[str, int]:
    """item code → the opinion's finding on it (refused when an item has several findings)."""
    from reviewapp.services.reviews.state import review_findings

    with wb.db.session() as s:
        findings = review_findings(s, opinion_id)
    out: dict[str, int] = {}
    for f in findings:
        if f.item_code in out:
            raise CliRefused(
                translate("CliProcess", "Item {item} has several findings; answer with the feedback form.").format(
                    item=f.item_code
                )
            )
        out[f.item_code] = f.id
    return out


def _item(ids: dict[str, int], code: str) -> int:
    if code not in ids:
        raise CliRefused(
            translate("CliProcess", "The opinion has no finding on item {item} (findings: {items}).").format(
                item=code, items="、".join(ids) or "—"
            )
        )
    return ids[code]


def _feedback(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.panel import feedback, feedback_form

    if args.action == "import":
        outcome, record = with_changes(wb, feedback_form.import_feedback_form, args.file)
        emit(args, {"outcome": outcome, "changes": changes_json(record)}, _outcome(outcome))
        return 0
    opinion_id = _opinion_id(wb, args.case)
    if args.action == "export":
        form, record = with_changes(wb, feedback_form.export_feedback_form, opinion_id, args.out)
        emit(
            args,
            {"xlsx": str(form.xlsx), "pdf": str(form.pdf), "changes": changes_json(record)},
            translate("CliProcess", "Feedback form written: {xlsx} and {pdf}").format(xlsx=form.xlsx, pdf=form.pdf),
        )
        return 0
    ids = _finding_ids(wb, opinion_id)
    objected = {_item(ids, code): reason for code, reason in args.object}
    accepted = {_item(ids, code) for code in args.accept}
    if args.accept_all:
        accepted |= set(ids.values()) - set(objected)
    files: dict[int, list[str]] = {}
    for code, path in args.attach:
        files.setdefault(_item(ids, code), []).append(path)
    answers = [feedback.Answer(fid, True, "", tuple(files.get(fid, ()))) for fid in sorted(accepted - set(objected))]
    answers += [feedback.Answer(fid, False, reason, tuple(files.get(fid, ()))) for fid, reason in objected.items()]
    channel = "form" if args.on_paper else "app"
    outcome, record = with_changes(
        wb, feedback.answer_feedback, opinion_id, answers, channel=channel, answered_on=args.date
    )
    emit(args, {"outcome": outcome, "changes": changes_json(record)}, _outcome(outcome))
    return 0


def _outcome(outcome: str) -> str:
    if outcome == "objected":
        return translate("CliProcess", "Answer recorded: objected; the objections are to be ruled on.")
    return translate("CliProcess", "Answer recorded: every finding accepted; on to determination.")


def _objection(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.panel.objections import rule_objection
    from reviewapp.storage.models import FeedbackAnswer, Finding

    opinion_id = _opinion_id(wb, args.case)
    with wb.db.session() as s:
        answer_id = s.scalar(
            select(FeedbackAnswer.id)
            .join(Finding, Finding.id == FeedbackAnswer.finding_id)
            .where(
                FeedbackAnswer.opinion_id == opinion_id,
                FeedbackAnswer.deleted_at.is_(None),
                FeedbackAnswer.answer == "object",
                FeedbackAnswer.ruling.is_(None),
                Finding.item_code == args.item,
            )
        )
    if answer_id is None:
        raise CliRefused(
            translate("CliProcess", "No open objection to item {item} on case {case}.").format(
                item=args.item, case=args.case
            )
        )
    ruling, record = with_changes(
        wb, rule_objection, answer_id, args.uphold, args.reason,
        severity=args.severity, finding_reason=args.finding_reason, withdraw=args.withdraw,
    )  # fmt: skip
    text = translate("CliProcess", "Objection to {item} {ruling}; grade {before} → {after}; {left} still open.")
    emit(
        args,
        {
            "ruling": ruling.ruling,
            "revised_finding": ruling.revised_finding_id,
            "grade": ruling.grade_after,
            "open_objections": ruling.open_objections,
            "status": ruling.status.value,
            "changes": changes_json(record),
        },
        text.format(item=args.item, ruling=ruling.ruling, before=ruling.grade_before, after=ruling.grade_after,
                    left=ruling.open_objections),
    )  # fmt: skip
    return 0


def _determine(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.panel.determination import determine_opinion, reopen_determined

    opinion_id = _opinion_id(wb, args.case)
    if args.reopen is not None:
        numbers, record = with_changes(wb, reopen_determined, opinion_id, args.reopen)
        emit(
            args,
            {"superseded_notices": numbers, "changes": changes_json(record)},
            translate("CliProcess", "Determination voided; notices superseded: {numbers}").format(
                numbers="、".join(numbers) or "—"
            ),
        )
        return 0
    sha, record = with_changes(
        wb, determine_opinion, opinion_id, body=args.body, meeting_on=args.meeting_date, decision=args.decision
    )
    emit(
        args,
        {"sha256": sha, "changes": changes_json(record)},
        translate("CliProcess", "Determined and signed; SHA-256 {sha}").format(sha=sha),
    )
    return 0


def _rectification(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.panel import rectification as rect
    from reviewapp.services.panel.labels import rectification_label

    if args.action == "list":
        rows = rect.list_rectifications(wb, overdue_only=args.overdue, today=args.today)
        data = [
            {
                "id": r.id, "notice": r.number, "addressee": r.addressee, "issued_on": r.issued_on.isoformat(),
                "due_on": r.due_on.isoformat(), "status": r.status, "overdue": r.overdue, "cases": list(r.cases),
            }
            for r in rows
        ]  # fmt: skip
        lines = [f"{r.number}\t{r.addressee}\t{r.due_on.isoformat()}\t{r.status_label}" for r in rows]
        lines.append(translate_n("CliProcess", "%n rectification(s)", len(rows)))
        emit(args, {"rectifications": data}, "\n".join(lines))
        return 0
    rid = rect.rectification_for_notice(wb, args.notice)
    if args.action == "reply":
        status, record = with_changes(
            wb, rect.reply_rectification, rid, args.text, received_on=args.date, attachments=args.attach
        )
    else:
        status, record = with_changes(wb, rect.recheck_rectification, rid, args.passed, args.note, due_on=args.due)
    emit(
        args,
        {"notice": args.notice, "status": status, "changes": changes_json(record)},
        translate("CliProcess", "Notice {notice}: {status}").format(
            notice=args.notice, status=rectification_label(status)
        ),
    )
    return 0


def _process_due(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.panel.due import process_due

    result, record = with_changes(wb, process_due, args.today)
    lines = [
        translate("CliProcess", "{number}: 无异议（无反馈意见） recorded on {day}").format(number=i.number, day=i.on)
        for i in result.no_feedback
    ]
    lines += [
        translate("CliProcess", "Notice {number}: overdue since {day}").format(number=i.number, day=i.on)
        for i in result.overdue
    ]
    if result.empty:
        lines.append(translate("CliProcess", "Nothing fell due."))
    emit(args, {**result.to_json(), "changes": changes_json(record)}, "\n".join(lines))
    return 0


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    handlers = {
        "feedback": _feedback,
        "objection": _objection,
        "determine": _determine,
        "rectification": _rectification,
        "process-due": _process_due,
    }
    return handlers[args.command](wb, args, emit)
