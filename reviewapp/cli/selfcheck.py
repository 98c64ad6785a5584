"""Headless self-checks before archiving (每案必检 检查), wired into cli/main.py like cli/plans.py:

    python main.py selfcheck export CASE --kind 个人自查|部门核查 --out FILE.xlsx
    python main.py selfcheck import FILE.xlsx [--submit]
    python main.py selfcheck show CASE [--json]

The filler exports (which makes the form when there is none), fills in Excel and imports; --submit submits
when no row was rejected. Exit 0 on success, also when rows were rejected (they are listed); 1 for a known
refusal (unknown case, submitted form, unreadable file …); 2 when the user may not fill or read the form.
"""

from __future__ import annotations

import argparse
from typing import Any

from reviewapp.cli.common import Emit, changes_json, refused, with_changes
from reviewapp.cli.lookup import find_case
from reviewapp.domain.selfcheck import AUTO_MARK, FormKind, problems_first
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("selfcheck",)
EXIT_OK = 0


def add_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "selfcheck", parents=[common], help=translate("CliSelfCheck", "self-check before archiving (每案必检)")
    )
    sub = p.add_subparsers(dest="selfcheck_command", required=True)
    e = sub.add_parser("export", parents=[common], help=translate("CliSelfCheck", "export a case's form to fill in"))
    e.add_argument("case", help=translate("CliSelfCheck", "部门受案号 of the case"))
    e.add_argument(
        "--kind", required=True, choices=[k.value for k in FormKind], help=translate("CliSelfCheck", "which form")
    )
    e.add_argument("--out", required=True, help=translate("CliSelfCheck", "the .xlsx file to write"))
    i = sub.add_parser("import", parents=[common], help=translate("CliSelfCheck", "import a filled form"))
    i.add_argument("file", help=translate("CliSelfCheck", "the filled .xlsx form"))
    i.add_argument("--submit", action="store_true", help=translate("CliSelfCheck", "submit when no row is rejected"))
    s = sub.add_parser("show", parents=[common], help=translate("CliSelfCheck", "show a case's self-check forms"))
    s.add_argument("case", help=translate("CliSelfCheck", "部门受案号 of the case"))


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    return refused(lambda: _run(wb, args, emit))


def _status(submitted: bool) -> str:
    return translate("CliSelfCheck", "submitted") if submitted else translate("CliSelfCheck", "draft")


def _run(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.selfcheck.excel import export_selfcheck, import_selfcheck
    from reviewapp.services.selfcheck.forms import case_selfchecks

    cmd = args.selfcheck_command
    if cmd == "export":
        case_id = find_case(wb, args.case)
        path, record = with_changes(wb, export_selfcheck, case_id, FormKind(args.kind), args.out)
        emit(
            args,
            {"file": str(path), "changes": changes_json(record)},
            translate("CliSelfCheck", "Form written to {file}.").format(file=path),
        )
    elif cmd == "import":
        result, record = with_changes(wb, import_selfcheck, args.file, submit=args.submit)
        lines = [
            translate("CliSelfCheck", "{case} {kind}: {n} items answered, {m} unchanged, {r} rows rejected.").format(
                case=result.dept_case_no,
                kind=result.kind,
                n=result.answered,
                m=result.unchanged,
                r=len(result.rejects),
            )
        ]
        lines += [
            translate("CliSelfCheck", "sheet {sheet} row {row} column {column}: {reason}").format(
                sheet=r.sheet, row=r.row or "-", column=r.column or "-", reason=r.reason
            )
            for r in result.rejects
        ]
        if result.submitted:
            lines.append(translate("CliSelfCheck", "Submitted."))
        elif result.submit_problem:
            lines.append(result.submit_problem)
        emit(args, {**result.to_json(), "changes": changes_json(record)}, "\n".join(lines))
    else:
        forms = case_selfchecks(wb, find_case(wb, args.case))
        lines = []
        for f in forms:
            lines.append(
                f"{f.dept_case_no}\t{f.title}\t{_status(f.submitted)}\t{f.standard}\t{f.filled_by or '—'}"
                + (f"\t{f.submitted_at:%Y-%m-%d %H:%M}" if f.submitted_at else "")
            )
            for item in problems_first(f.items):
                mark = f"\t[{AUTO_MARK}]" if item.auto else ""
                note = item.note.replace("\n", " ")
                lines.append(f"  {item.code}\t{item.answer or '—'}\t{item.text}\t{note}{mark}")
        if not forms:
            lines.append(translate("CliSelfCheck", "No self-check form yet."))
        emit(args, [f.to_json() for f in forms], "\n".join(lines))
    return EXIT_OK
