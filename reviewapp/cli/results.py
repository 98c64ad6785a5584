"""Headless notice, report and ledger commands, wired into cli/main.py:

    python main.py notice CASE... [--group-by case|prosecutor|department] --out DIR|FILE.docx [--date DATE] [--yes]
    python main.py report CASE --out FILE.pdf|FILE.docx
    python main.py report periodic --period P [--plan PLAN] --out FILE.pdf|FILE.docx   (cli/analysis_reports.py)
    python main.py ledger --out FILE.xlsx [--from DATE --to DATE] [--threshold N]

CASE is a 部门受案号 or 统一受案号 (cli/lookup.py). ``notice`` shows the document numbers it is about to take
and asks once; ``--yes`` answers for scripts, and without a terminal it refuses rather than guess. With --json
the output lists the files and document numbers. An --out ending in .docx asks for Word as well: ``notice``
issues the PDFs (the record) into that file's folder and writes the Word copy to it (several notices: each
beside its PDF), ``report`` writes the report as Word.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, changes_json, confirm, iso_date, refused, with_changes
from reviewapp.cli.lookup import case_number, find_case, find_cases
from reviewapp.exports.docx import is_docx
from reviewapp.i18n import translate, translate_n
from reviewapp.services.workbench import Workbench

COMMANDS = ("notice", "report", "ledger")


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add the three commands to the main parser's subparsers (``common_parent`` carries the global options)."""
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
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        help=translate("CliNotices", "folder for the PDF files, or a .docx file for Word copies beside them"),
    )
    p.add_argument("--date", type=iso_date, default=None, help=translate("CliNotices", "issue date (default: today)"))
    p.add_argument(
        "--yes", action="store_true", help=translate("CliNotices", "take the numbers without asking (for scripts)")
    )
    p = subparsers.add_parser(
        "report",
        parents=[common_parent],
        help=translate("CliNotices", "write the case review report as a PDF or Word file"),
    )
    p.add_argument("case", metavar="CASE", help=translate("CliNotices", "department case number, or periodic"))
    p.add_argument("--out", type=Path, required=True, help=translate("CliNotices", "PDF or Word (.docx) file to write"))
    # "report periodic --period P [--plan PLAN]": the periodic report (cli/analysis_reports.py).
    p.add_argument(
        "--period", default=None, help=translate("CliNotices", "with periodic: 2026, 2026H1, 2026Q3 or 2026-11")
    )
    p.add_argument("--plan", default=None, help=translate("CliNotices", "with periodic: the plan of a special review"))
    p = subparsers.add_parser(
        "ledger",
        parents=[common_parent],
        help=translate("CliNotices", "write the review ledger and problem list as Excel"),
    )
    p.add_argument("--out", type=Path, required=True, help=translate("CliNotices", "Excel file to write"))
    p.add_argument(
        "--from",
        dest="date_from",
        type=iso_date,
        default=None,
        help=translate("CliNotices", "first submission date (inclusive)"),
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=iso_date,
        default=None,
        help=translate("CliNotices", "last submission date (inclusive)"),
    )
    p.add_argument(
        "--threshold",
        type=int,
        default=None,
        help=translate("CliNotices", "cases from which a problem counts as recurring (共性)"),
    )


def _notice(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.results.notices import issue_notices, plan_notice_numbers
    from reviewapp.services.results.settings import load_notice_config, require_issuer_set

    ids = find_cases(wb, args.cases)
    require_issuer_set(load_notice_config(wb))  # refused before the question, not after it
    numbers = plan_notice_numbers(wb, ids, args.group_by, issued_on=args.date)
    if not numbers:
        emit(args, {"notices": [], "changes": None}, translate("CliNotices", "No notice to issue."))
        return 0
    confirm(
        translate_n("CliNotices", "Issue %n notice(s), taking the numbers {numbers}?", len(numbers)).format(
            numbers="、".join(numbers)
        ),
        yes=args.yes,
    )
    word = is_docx(args.out)
    out_dir = args.out.parent if word else args.out
    issued, record = with_changes(wb, issue_notices, ids, group_by=args.group_by, out_dir=out_dir, issued_on=args.date)
    copies = {n.notice_id: str(_word_copy(wb, n, args.out, len(issued))) for n in issued} if word else {}
    notices = [
        {
            "number": n.number,
            "version": n.version,
            "file": str(n.path),
            "sha256": n.sha256,
            "addressee": n.addressee,
            "issued_on": n.issued_on.isoformat(),
            "reply_deadline": n.reply_deadline.isoformat(),
            "cases": list(n.dept_case_nos),
            **({"docx": copies[n.notice_id]} if word else {}),
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
    lines += [translate("CliNotices", "Word copy: {file}").format(file=f) for f in copies.values()]
    lines.append(translate_n("CliNotices", "%n notice(s) issued", len(issued)))
    emit(args, {"notices": notices, "changes": changes_json(record)}, "\n".join(lines))
    return 0


def _word_copy(wb: Workbench, notice: Any, out: Path, count: int) -> Path:
    from reviewapp.services.results.notice_word import docx_beside, notice_docx

    return notice_docx(wb, notice.notice_id, out if count == 1 else docx_beside(notice.path))


def _report(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.results.reports import case_report

    if args.case == "periodic":
        from reviewapp.cli.analysis_reports import periodic_report

        return periodic_report(wb, args, emit)
    case_id = find_case(wb, args.case)
    path, record = with_changes(wb, case_report, case_id, args.out)
    emit(
        args,
        {"case": case_number(wb, case_id), "file": str(path), "changes": changes_json(record)},
        translate("CliNotices", "Report written: {file}").format(file=path),
    )
    return 0


def _ledger(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.results.ledger_export import export_ledger

    result, record = with_changes(wb, export_ledger, args.out, args.date_from, args.date_to, threshold=args.threshold)
    emit(
        args,
        {
            "file": str(result.path),
            "cases": result.cases,
            "problems": result.problems,
            "notice_numbers": list(result.notice_numbers),
            "changes": changes_json(record),
        },
        translate("CliNotices", "Ledger written: {file} ({cases} cases, {problems} checklist items)").format(
            file=result.path, cases=result.cases, problems=result.problems
        ),
    )
    return 0


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    """Run ``args.command`` (one of COMMANDS); known problems print a message and return 1."""
    run = {"notice": _notice, "report": _report, "ledger": _ledger}[args.command]
    return refused(lambda: run(wb, args, emit))
