"""Headless panel commands (forming the opinion, review-rules.md §1 steps 6–7), wired into cli/main.py:

    python main.py panel compare CASE [--json]              item × member: severities, reasons, evidence
    python main.py panel reconcile CASE ITEM (--severity S | --no-problem) --reason TEXT
    python main.py panel dissent CASE --text TEXT [--item ITEM]
    python main.py panel meeting CASE --date YYYY-MM-DD --attendee NAME [--attendee NAME …] --minutes TEXT
                                      [--attach FILE …]
    python main.py panel finalise CASE                      form the grade and send the opinion on

CASE is the 部门受案号 or 统一受案号 (cli/lookup.py); the command works on the case's current review file.
Nothing of a member's review is shown while the panel scores blind (panel.blind): compare is refused with a
plain message. Exit codes: cli/common.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, changes_json, iso_date, refused, with_changes
from reviewapp.cli.lookup import find_case
from reviewapp.i18n import translate, translate_n
from reviewapp.services.workbench import Workbench

COMMANDS = ("panel",)


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    common = [common_parent]
    panel = subparsers.add_parser(
        "panel", parents=common, help=translate("CliPanel", "compare the panel's reviews and form the opinion")
    )
    actions = panel.add_subparsers(dest="action", required=True)
    case_help = translate("CliPanel", "部门受案号 of the case")
    p = actions.add_parser(
        "compare", parents=common, help=translate("CliPanel", "each member's severity, reason and evidence per item")
    )
    p.add_argument("case", help=case_help)
    p = actions.add_parser(
        "reconcile", parents=common, help=translate("CliPanel", "decide an item the members disagree on")
    )
    p.add_argument("case", help=case_help)
    p.add_argument("item", help=translate("CliPanel", "checklist item code, e.g. E1"))
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--severity", help=translate("CliPanel", "the panel's severity (瑕, 错, 严)"))
    choice.add_argument("--no-problem", action="store_true", help=translate("CliPanel", "the panel finds no problem"))
    p.add_argument("--reason", required=True, help=translate("CliPanel", "why the panel decided so"))
    p = actions.add_parser("dissent", parents=common, help=translate("CliPanel", "record your dissent as a member"))
    p.add_argument("case", help=case_help)
    p.add_argument("--text", required=True, help=translate("CliPanel", "the dissent"))
    p.add_argument("--item", help=translate("CliPanel", "the item dissented from (default: the opinion as a whole)"))
    p = actions.add_parser("meeting", parents=common, help=translate("CliPanel", "record the joint meeting (联席会议)"))
    p.add_argument("case", help=case_help)
    p.add_argument("--date", type=iso_date, required=True, help=translate("CliPanel", "the day it was held"))
    p.add_argument(
        "--attendee", action="append", required=True, help=translate("CliPanel", "who attended (repeat the option)")
    )
    p.add_argument("--minutes", required=True, help=translate("CliPanel", "the minutes"))
    p.add_argument(
        "--attach", action="append", type=Path, default=[], help=translate("CliPanel", "a file to attach (repeat)")
    )
    p = actions.add_parser(
        "finalise", parents=common, help=translate("CliPanel", "form the opinion's grade and send it on")
    )
    p.add_argument("case", help=case_help)


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    return refused(lambda: _run(wb, args, emit))


def _opinion_id(wb: Workbench, number: str) -> int:
    from reviewapp.services.panel.compare import case_opinion

    case_id = find_case(wb, number)
    with wb.db.session() as s:
        return case_opinion(s, case_id).id


def _run(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.panel import compare, reconcile
    from reviewapp.services.panel.opinion import finalise_opinion, status_label

    opinion_id = _opinion_id(wb, args.case)
    if args.action == "compare":
        c = compare.compare_panel(wb, opinion_id)
        emit(args, c.to_json(), comparison_text(c))
        return 0
    if args.action == "reconcile":
        severity = None if args.no_problem else args.severity
        c, record = with_changes(wb, reconcile.reconcile_item, opinion_id, args.item, severity, args.reason)
        left = "、".join(c.open_items) or translate("CliPanel", "none")
        emit(
            args,
            {**c.to_json(), "changes": changes_json(record)},
            translate("CliPanel", "Item {item} reconciled. Still to reconcile: {left}.").format(
                item=args.item.strip().upper(), left=left
            ),
        )
        return 0
    if args.action == "dissent":
        d, record = with_changes(wb, reconcile.record_dissent, opinion_id, args.text, item_code=args.item)
        emit(
            args,
            {"id": d.id, "member": d.member, "item": d.item_code, "text": d.text, "changes": changes_json(record)},
            translate("CliPanel", "Dissent of {member} recorded.").format(member=d.member),
        )
        return 0
    if args.action == "meeting":
        m, record = with_changes(
            wb, reconcile.record_meeting, opinion_id, args.date, args.attendee, args.minutes, args.attach
        )
        emit(
            args,
            {"id": m.id, "held_on": m.held_on.isoformat(), "attendees": list(m.attendees),
             "attachments": list(m.attachments), "changes": changes_json(record)},
            translate_n("CliPanel", "Joint meeting of {day} recorded (%n attachment(s)).", len(m.attachments)).format(
                day=m.held_on.isoformat()
            ),
        )  # fmt: skip
        return 0
    status, record = with_changes(wb, finalise_opinion, opinion_id)
    emit(
        args,
        {"opinion_id": opinion_id, "status": status, "changes": changes_json(record)},
        translate("CliPanel", "Opinion formed: {status}.").format(status=status_label(status)),
    )
    return 0


def comparison_text(c: Any) -> str:
    """The comparison as lines of text: one block per item, one line per member."""
    lines = [
        translate("CliPanel", "Review file {number} of case {case} — {status}; panel of {size}").format(
            number=c.file_no, case=c.dept_case_no, status=c.status_label, size=c.panel_size
        ),
        translate("CliPanel", "Members: {names}").format(
            names="、".join(f"{m.reviewer}（{m.final_grade or m.proposed_grade or '-'}）" for m in c.members)
        ),
    ]
    nothing = translate("CliPanel", "no problem")
    for r in c.rows:
        mark = translate("CliPanel", "DISAGREE") if r.disagreement else translate("CliPanel", "agree")
        lines.append(f"{r.item_code} {r.item_text} [{mark}]")
        for cell in r.cells:
            where = "；".join(f"{e.title} p.{e.page}" for e in cell.evidence)
            lines.append(
                f"    {cell.reviewer}: {cell.severity or nothing}  {cell.reason}" + (f"  ({where})" if where else "")
            )
        if r.decision is not None:
            lines.append(
                "    → "
                + translate("CliPanel", "panel: {severity} {reason}")
                .format(severity=r.decision.severity or nothing, reason=r.decision.reason)
                .rstrip()
            )
        elif r.disagreement:
            lines.append("    → " + translate("CliPanel", "to reconcile"))
    if not c.rows:
        lines.append(translate("CliPanel", "No member found a problem."))
    for d in c.dissents:
        lines.append(
            translate("CliPanel", "Dissent of {member} ({item}): {text}").format(
                member=d.member, item=d.item_code or translate("CliPanel", "the opinion as a whole"), text=d.text
            )
        )
    for m in c.meetings:
        lines.append(
            translate("CliPanel", "Joint meeting {day}: {attendees} — {minutes}").format(
                day=m.held_on.isoformat(), attendees="、".join(m.attendees), minutes=m.minutes
            )
        )
    return "\n".join(lines)
