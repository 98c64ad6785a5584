"""Headless reads of the review file, wired into cli/main.py:

    python main.py routing-sheet CASE --out FILE.pdf    the 评查流转单 of the case's review file
    python main.py timeline CASE [--json]               every step of the file: when, who, from → to, why
    python main.py inbox [--today DATE] [--json]        what waits for the signed-in user, per role

CASE is a 部门受案号 or 统一受案号 (cli/lookup.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, iso_date, refused
from reviewapp.cli.lookup import case_number, find_case
from reviewapp.i18n import translate
from reviewapp.services.panel.labels import rectification_label, status_label
from reviewapp.services.panel.queues import Queue, my_queues, queue_json, queue_title
from reviewapp.services.panel.routing import write_routing_sheet
from reviewapp.services.panel.timeline import review_timeline, timeline_json
from reviewapp.services.workbench import Workbench

COMMANDS = ("routing-sheet", "timeline", "inbox")


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "routing-sheet",
        parents=[common_parent],
        help=translate("CliRouting", "write the routing sheet (评查流转单) of a case's review file as a PDF"),
    )
    p.add_argument("case", metavar="CASE", help=translate("CliRouting", "department case number"))
    p.add_argument("--out", type=Path, required=True, help=translate("CliRouting", "PDF file to write"))
    p = subparsers.add_parser(
        "timeline",
        parents=[common_parent],
        help=translate("CliRouting", "show every step of a case's review file: when, who, from → to, why"),
    )
    p.add_argument("case", metavar="CASE", help=translate("CliRouting", "department case number"))
    p = subparsers.add_parser(
        "inbox",
        parents=[common_parent],
        help=translate("CliRouting", "show what waits for you in the review process, per role"),
    )
    p.add_argument(
        "--today", type=iso_date, default=None, help=translate("CliRouting", "the day to count overdue from")
    )


def _routing_sheet(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    case_id = find_case(wb, args.case)
    path = write_routing_sheet(wb, case_id, args.out)
    emit(
        args,
        {"case": case_number(wb, case_id), "file": str(path)},
        translate("CliRouting", "Routing sheet written: {file}").format(file=path),
    )
    return 0


def _timeline(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    t = review_timeline(wb, case_id=find_case(wb, args.case))
    lines = [
        translate("CliRouting", "Review file {number} of case {case} — {status}").format(
            number=t.file_no, case=t.dept_case_no, status=status_label(t.status)
        )
    ]
    for e in t.entries:
        who = e.actor or translate("CliRouting", "(not recorded)")
        line = f"{e.at:%Y-%m-%d %H:%M}  {e.step}"
        if e.subject_name and e.subject == "member":
            line += translate("CliRouting", " ({member})").format(member=e.subject_name)
        line += f"  · {who}"
        if e.transition:
            line += f"  · {e.transition}"
        if e.reason:
            line += f"  · {e.reason}"
        lines.append(line)
    emit(args, timeline_json(t), "\n".join(lines))
    return 0


def _inbox(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    queues = my_queues(wb, args.today)
    lines: list[str] = []
    for queue, items in queues.items():
        lines.append(f"{queue_title(queue)} ({len(items)})")
        for i in items:
            status = (
                rectification_label(i.status) if queue in (Queue.RECTIFY, Queue.RECHECK) else status_label(i.status)
            )
            due = ""
            if i.due_on is not None:
                due = translate("CliRouting", ", due {day}").format(day=i.due_on.isoformat())
                if i.overdue:
                    due += translate("CliRouting", " (overdue)")
            lines.append(f"  {i.dept_case_no} {i.case_name} · {i.file_no} · {status}{due}")
    if not queues:
        lines.append(translate("CliRouting", "Your roles have no queue in the review process."))
    emit(args, queue_json(queues), "\n".join(lines))
    return 0


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    run = {"routing-sheet": _routing_sheet, "timeline": _timeline, "inbox": _inbox}[args.command]
    return refused(lambda: run(wb, args, emit))
