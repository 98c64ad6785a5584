"""Headless pre-screening, wired into cli/main.py by ``add_parsers`` and ``dispatch``:

    python main.py check [CASE...] [--json] [--today DATE] [--stale]

Checks the named cases (部门受案号 or 统一受案号, found by cli/lookup.py; none named = every case), stores
the results and prints every result that is not "passed": rule title (the rule id only with --json),
checklist item, severity, status and the explanation. Exit 0 when the checks ran (whatever they found);
1 for an unknown case number or a bad date.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from reviewapp.cli.common import Emit, changes_json, refused, with_changes
from reviewapp.cli.lookup import find_cases
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("check",)

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
    """Add the ``check`` command to the main parser's subparsers (common_parent brings the global options)."""
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


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    """Run ``check``; a known refusal (unknown case …) prints one line on stderr and returns 1."""
    return refused(lambda: _check(wb, args, emit))


def _check(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.checks.results import ResultFilter, result_ids, result_rows
    from reviewapp.services.checks.run import run_checks, stale_case_ids

    ids: list[int] | None = None
    if args.cases:
        ids = find_cases(wb, list(args.cases))
    if args.stale:
        stale = set(stale_case_ids(wb))
        ids = sorted(stale if ids is None else stale.intersection(ids))
    summary, record = with_changes(wb, run_checks, ids, today=args.today)
    # A few named cases: ask for just theirs; otherwise read every result and keep the checked cases'.
    few = ids is not None and len(ids) <= 500
    f = ResultFilter(case_ids=tuple(ids)) if few and ids else ResultFilter()
    rows = result_rows(wb, result_ids(wb, f)) if ids is None or ids else {}
    wanted = None if ids is None or few else set(ids)
    shown = [r for r in rows.values() if wanted is None or r.case_id in wanted]
    shown.sort(key=lambda r: (r.dept_case_no, r.id))
    data = {
        "summary": summary.to_json(),
        "changes": changes_json(record),
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
        "\t".join(
            (r.dept_case_no, r.rule_title, r.item_code, r.severity, labels.get(r.status, r.status), r.explanation)
        )
        for r in shown
    ]
    lines.append(summary.message())
    emit(args, data, "\n".join(lines))
    return EXIT_OK
