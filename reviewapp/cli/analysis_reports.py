"""Headless analysis outputs, wired into cli/main.py:

    python main.py appraisal --period P --out F.xlsx
    python main.py bulletin --period P --out F.pdf|F.xlsx [--repeat N]
    python main.py report periodic --period P [--plan PLAN] --out F.pdf|F.docx   (cli/results.py hands over)

P is 2026 (a year), 2026H1 (a half-year), 2026Q3 (a quarter) or 2026-11 (a month). ``report periodic`` writes
the quarterly / half-year / annual report of P, or with --plan the plan's 专项评查报告 over P. With --json the
output names the file and the figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, changes_json, refused, with_changes
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("appraisal", "bulletin")


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "appraisal",
        parents=[common_parent],
        help=translate("CliAnalysis", "write the per-prosecutor appraisal score sheet (结果运用) as Excel"),
    )
    p.add_argument("--period", required=True, help=translate("CliAnalysis", "period: 2026, 2026H1, 2026Q3 or 2026-11"))
    p.add_argument("--out", type=Path, required=True, help=translate("CliAnalysis", "Excel (.xlsx) file to write"))
    p = subparsers.add_parser(
        "bulletin",
        parents=[common_parent],
        help=translate("CliAnalysis", "write the case-card data-quality bulletin (数据质量通报) as PDF or Excel"),
    )
    p.add_argument("--period", required=True, help=translate("CliAnalysis", "period: a month (2026-11) or a quarter"))
    p.add_argument(
        "--out", type=Path, required=True, help=translate("CliAnalysis", "PDF or Excel (.xlsx) file to write")
    )
    p.add_argument(
        "--repeat",
        type=int,
        default=None,
        help=translate("CliAnalysis", "consecutive periods that make a repeat offender (default: the setting)"),
    )


def _appraisal(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.analysis.appraisal import export_appraisal
    from reviewapp.services.analysis.periods import parse_period

    period = parse_period(args.period)
    sheet, record = with_changes(wb, export_appraisal, period, args.out)
    emit(
        args,
        {
            "file": str(args.out),
            "period": period.code(),
            "prosecutors": [
                {"prosecutor": r.prosecutor, "unit": r.unit, "cases": r.cases, "points": r.points, "score": r.score}
                for r in sheet.rows
            ],
            "changes": changes_json(record),
        },
        translate("CliAnalysis", "Appraisal sheet written: {file} ({n} prosecutors, {cases} cases)").format(
            file=args.out, n=len(sheet.rows), cases=len(sheet.cases)
        ),
    )
    return 0


def _bulletin(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.analysis.bulletin import export_bulletin
    from reviewapp.services.analysis.periods import parse_period

    period = parse_period(args.period)
    b, record = with_changes(wb, export_bulletin, period, args.out, args.repeat)
    emit(
        args,
        {
            "file": str(args.out),
            "period": period.code(),
            "totals": b.totals,
            "previous_totals": b.previous_totals,
            "repeat_offenders": [o.prosecutor for o in b.repeat_offenders],
            "changes": changes_json(record),
        },
        translate("CliAnalysis", "Bulletin written: {file} ({n} problems, {r} repeat offenders)").format(
            file=args.out, n=b.total, r=len(b.repeat_offenders)
        ),
    )
    return 0


def periodic_report(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    """``report periodic --period P [--plan PLAN] --out F`` (called by cli/results.py)."""
    from reviewapp.services.analysis.periodic import export_periodic_report
    from reviewapp.services.analysis.periodic_common import OutputError
    from reviewapp.services.analysis.periods import parse_period

    def run() -> int:
        if not getattr(args, "period", None):
            raise OutputError(translate("CliAnalysis", "report periodic needs --period (e.g. 2026Q1)."))
        period = parse_period(args.period)
        report, record = with_changes(wb, export_periodic_report, period, args.out, plan=getattr(args, "plan", None))
        cur = report.comparison.current
        emit(
            args,
            {
                "file": str(args.out),
                "period": period.code(),
                "plan": report.plan_name,
                "reviewed": cur.reviewed,
                "closed": cur.closed,
                "with_problems": cur.with_problems,
                "appendix": len(report.appendix),
                "changes": changes_json(record),
            },
            translate("CliAnalysis", "Report written: {file} ({n} cases reviewed)").format(
                file=args.out, n=cur.reviewed
            ),
        )
        return 0

    return refused(run)


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    run = {"appraisal": _appraisal, "bulletin": _bulletin}[args.command]
    return refused(lambda: run(wb, args, emit))
