"""Headless notice, report and ledger commands (issue 4), wired into reviewapp/cli.py:

    python main.py notice CASE... [--group-by case|prosecutor|department] --out DIR [--date YYYY-MM-DD]
    python main.py report CASE --out FILE.pdf
    python main.py ledger --out FILE.xlsx [--from DATE --to DATE] [--threshold N]

CASE is a 部门受案号. With --json the output lists the files and document numbers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("notice", "report", "ledger")
Emit = Callable[[argparse.Namespace, Any, str], None]


class _UnknownCase(LookupError):
    pass


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate("CliNotices", "{value} is not a date (write YYYY-MM-DD)").format(value=text)
        ) from exc


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add the three commands to the main parser's subparsers (``common_parent`` carries --db/--user/--json)."""
    p = subparsers.add_parser(
        "notice", parents=[common_parent], help=translate("CliNotices", "issue rectification notices as PDF files")
    )
    p.add_argument("cases", nargs="+", metavar="CASE", help=translate("CliNotices", "department case number"))
    p.add_argument(
        "--group-by",
        choices=("case", "prosecutor", "department"),
        default="case",
        help=translate("CliNotices", "one notice per case, per prosecutor or per department"),
    )
    p.add_argument("--out", type=Path, required=True, help=translate("CliNotices", "folder for the PDF files"))
    p.add_argument("--date", type=_iso_date, default=None, help=translate("CliNotices", "issue date (default: today)"))
    p = subparsers.add_parser(
        "report", parents=[common_parent], help=translate("CliNotices", "write the case review report as a PDF file")
    )
    p.add_argument("case", metavar="CASE", help=translate("CliNotices", "department case number"))
    p.add_argument("--out", type=Path, required=True, help=translate("CliNotices", "PDF file to write"))
    p = subparsers.add_parser(
        "ledger",
        parents=[common_parent],
        help=translate("CliNotices", "write the review ledger and problem list as Excel"),
    )
    p.add_argument("--out", type=Path, required=True, help=translate("CliNotices", "Excel file to write"))
    p.add_argument(
        "--from",
        dest="date_from",
        type=_iso_date,
        default=None,
        help=translate("CliNotices", "first submission date (inclusive)"),
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=_iso_date,
        default=None,
        help=translate("CliNotices", "last submission date (inclusive)"),
    )
    p.add_argument(
        "--threshold",
        type=int,
        default=None,
        help=translate("CliNotices", "cases from which a problem counts as recurring (共性)"),
    )


def _case_id(wb: Workbench, number: str) -> int:
    from reviewapp.services.cases.query import case_id_by_number

    case_id = case_id_by_number(wb, number)
    if case_id is None:
        raise _UnknownCase(translate("CliNotices", "No case with the number {number}.").format(number=number))
    return case_id


def _notice(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.results.notices import issue_notices

    ids = [_case_id(wb, n) for n in args.cases]
    issued = issue_notices(wb, ids, group_by=args.group_by, out_dir=args.out, issued_on=args.date)
    data = [
        {
            "number": n.number,
            "version": n.version,
            "file": str(n.path),
            "sha256": n.sha256,
            "addressee": n.addressee,
            "issued_on": n.issued_on.isoformat(),
            "reply_deadline": n.reply_deadline.isoformat(),
            "cases": list(n.dept_case_nos),
        }
        for n in issued
    ]
    lines = [
        translate("CliNotices", "{number} (version {version}) to {addressee}, reply by {deadline}: {file}").format(
            number=n.number,
            version=n.version,
            addressee=n.addressee,
            deadline=n.reply_deadline.isoformat(),
            file=n.path,
        )
        for n in issued
    ]
    lines.append(translate("CliNotices", "{n} notices issued").format(n=len(issued)))
    emit(args, data, "\n".join(lines))
    return 0


def _report(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.results.reports import case_report

    path = case_report(wb, _case_id(wb, args.case), args.out)
    emit(
        args,
        {"case": args.case, "file": str(path)},
        translate("CliNotices", "Report written: {file}").format(file=path),
    )
    return 0


def _ledger(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.exports.ledger_xlsx import period_text, write_ledger_xlsx
    from reviewapp.services.results.ledger import ledger_rows, problem_ranking

    rows = ledger_rows(wb, args.date_from, args.date_to)
    problems = problem_ranking(wb, args.threshold, date_from=args.date_from, date_to=args.date_to)
    path = write_ledger_xlsx(args.out, rows, problems, subtitle=period_text(args.date_from, args.date_to))
    emit(
        args,
        {
            "file": str(path),
            "cases": len(rows),
            "problems": len(problems),
            "notice_numbers": sorted({r.notice_number for r in rows if r.notice_number}),
        },
        translate("CliNotices", "Ledger written: {file} ({cases} cases, {problems} checklist items)").format(
            file=path, cases=len(rows), problems=len(problems)
        ),
    )
    return 0


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    """Run ``args.command`` (one of COMMANDS); known problems print a message and return 1."""
    from reviewapp.exports import FontNotFoundError
    from reviewapp.services.results.notices import NoticeError
    from reviewapp.services.results.settings import NoticeConfigError

    run = {"notice": _notice, "report": _report, "ledger": _ledger}[args.command]
    try:
        return run(wb, args, emit)
    except (NoticeError, NoticeConfigError, FontNotFoundError, _UnknownCase) as exc:
        print(translate("CliNotices", "Error: {message}").format(message=exc), file=sys.stderr)
        return 1
