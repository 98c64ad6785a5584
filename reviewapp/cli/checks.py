"""Headless pre-screening (issue 5), wired into reviewapp/cli.py by ``add_parsers`` and ``dispatch``:

    python main.py check [CASE...] [--json] [--today DATE] [--all] [--stale]

Checks the named cases (部门受案号; none named = every case), stores the results and prints every result
that is not "passed": rule id, checklist item, severity, status and the explanation. Exit 0 when the checks
ran (whatever they found); 1 for an unknown case number or a bad date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case

COMMANDS = ("check",)
Emit = Callable[[argparse.Namespace, Any, str], None]

EXIT_OK = 0
EXIT_REFUSED = 1


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CliChecks", "not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add the ``check`` command to the main parser's subparsers (common_parent brings --db/--user/--json)."""
    p = subparsers.add_parser(
        "check",
        parents=[common_parent],
        help=translate("CliChecks", "run the automatic pre-screening checks and print what they found"),
    )
    p.add_argument("cases", nargs="*", metavar="CASE", help=translate("CliChecks", "部门受案号 (default: every case)"))
    p.add_argument(
        "--today",
        type=_date,
        default=None,
        help=translate("CliChecks", "the day open cases are measured on (default: today)"),
    )
    p.add_argument(
        "--stale",
        action="store_true",
        help=translate("CliChecks", "only cases whose card changed since they were last checked"),
    )


def _case_ids(wb: Workbench, numbers: list[str]) -> tuple[list[int], list[str]]:
    with wb.db.session() as s:
        found = dict(s.execute(select(Case.dept_case_no, Case.id).where(Case.dept_case_no.in_(numbers))).all())
    return [found[n] for n in numbers if n in found], [n for n in numbers if n not in found]


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.checks.results import ResultFilter, result_ids, result_rows
    from reviewapp.services.checks.run import run_checks, stale_case_ids

    ids: list[int] | None = None
    if args.cases:
        ids, unknown = _case_ids(wb, list(args.cases))
        if unknown:
            print(
                translate("CliChecks", "Unknown case number(s): {numbers}").format(numbers=", ".join(unknown)),
                file=sys.stderr,
            )
            return EXIT_REFUSED
    if args.stale:
        stale = set(stale_case_ids(wb))
        ids = sorted(stale if ids is None else stale.intersection(ids))
    summary = run_checks(wb, ids, today=args.today)
    # A few named cases: ask for just theirs; otherwise read every result and keep the checked cases'.
    few = ids is not None and len(ids) <= 500
    f = ResultFilter(case_ids=tuple(ids)) if few and ids else ResultFilter()
    rows = result_rows(wb, result_ids(wb, f)) if ids is None or ids else {}
    wanted = None if ids is None or few else set(ids)
    shown = [r for r in rows.values() if wanted is None or r.case_id in wanted]
    shown.sort(key=lambda r: (r.dept_case_no, r.id))
    data = {
        "summary": summary.to_json(),
        "results": [
            {
                "case": r.dept_case_no,
                "rule_id": r.rule_id,
                "item": r.item_code,
                "severity": r.severity,
                "status": r.status,
                "title": r.rule_title,
                "explanation": r.explanation,
            }
            for r in shown
        ],
    }
    labels = {
        "violation": translate("CliChecks", "violation"),
        "warning": translate("CliChecks", "warning"),
        "not_checkable": translate("CliChecks", "not checkable"),
    }
    lines = [
        f"{r.dept_case_no}\t{r.rule_id}\t{r.item_code}\t{r.severity}\t{labels.get(r.status, r.status)}\t{r.explanation}"
        for r in shown
    ]
    lines.append(summary.message())
    emit(args, data, "\n".join(lines))
    return EXIT_OK
