"""Headless statistics (分析研判), wired into cli/main.py:

    python main.py stats [--period 2026Q3|2026-11|2026H1|2026] [--by unit|department|prosecutor|line|type|plan|reviewer]
                         [--unit NAME]… [--department NAME]… [--prosecutor NAME]… [--line LINE]… [--type TYPE]…
                         [--plan NAME|ID]… [--threshold N] [--out FILE.xlsx] [--json]

Prints the overview of the period with its period-on-period (环比) and year-on-year (同比) change, the grade
distribution broken down by ``--by`` (default unit), the problem ranking (共性 / 个性) and the key cases by trigger;
``--out`` writes the same figures to an xlsx workbook. The period defaults to the last complete quarter. What is
counted: services/analysis/stats.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, refused
from reviewapp.domain.rounding import percent
from reviewapp.i18n import translate
from reviewapp.services.analysis import stats
from reviewapp.services.analysis.periods import PeriodKind, last_complete_period, parse_period
from reviewapp.services.analysis.stats_json import report_json, report_of
from reviewapp.services.analysis.stats_names import resolve
from reviewapp.services.workbench import Workbench

COMMANDS = ("stats",)


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "stats",
        parents=[common_parent],
        help=translate(
            "CliAnalysis", "statistics of review results for a period, with year-on-year and period-on-period change"
        ),
    )
    p.add_argument(
        "--period",
        default=None,
        help=translate("CliAnalysis", "2026Q3 (quarter), 2026-11 (month), 2026H1 (half-year) or 2026 (year)"),
    )
    p.add_argument(
        "--by",
        default="unit",
        choices=stats.BY_DIMENSIONS,
        help=translate("CliAnalysis", "break the grade distribution down by this"),
    )
    many = {"action": "append", "default": []}
    p.add_argument("--unit", **many, help=translate("CliAnalysis", "only this unit (name or part of it)"))
    p.add_argument("--department", **many, help=translate("CliAnalysis", "only this department"))
    p.add_argument("--prosecutor", **many, help=translate("CliAnalysis", "only cases of this handling prosecutor"))
    p.add_argument("--line", **many, help=translate("CliAnalysis", "only this business line (公诉, 侦监 …)"))
    p.add_argument(
        "--type", **many, help=translate("CliAnalysis", "only this review type (常规抽查, 重点评查, 专项评查)")
    )
    p.add_argument("--plan", **many, help=translate("CliAnalysis", "only review files of this plan (name or id)"))
    p.add_argument(
        "--threshold",
        type=int,
        default=None,
        help=translate("CliAnalysis", "cases an item must be found in to be a common problem (default: the setting)"),
    )
    p.add_argument(
        "--out", type=Path, default=None, help=translate("CliAnalysis", "also write the figures to this xlsx")
    )


def _pct(value: float | None) -> str:
    return percent(value)


def _change(c: stats.Change) -> str:
    if c.delta is None:
        return "—"
    if c.points:
        return translate("CliAnalysis", "{delta:+.1f} pp").format(delta=c.delta)
    rel = "" if c.relative is None else f" ({c.relative:+.1f}%)"
    return f"{c.delta:+g}{rel}"


def _text(r: Any) -> str:
    comp, table, problems, triggers = r.comparison, r.table, r.problems, r.triggers
    cur = comp.current
    lines = [translate("CliAnalysis", "Statistics for {period}").format(period=cur.period.label())]
    figures = [
        ("reviewed", translate("CliAnalysis", "Reviewed cases"), str(cur.reviewed)),
        ("closed", translate("CliAnalysis", "Closed cases"), str(cur.closed)),
        ("ratio", translate("CliAnalysis", "Review ratio"), _pct(cur.ratio)),
        ("with_problems", translate("CliAnalysis", "Cases with problems"), str(cur.with_problems)),
        ("problem_share", translate("CliAnalysis", "Share with problems"), _pct(cur.problem_share)),
        ("findings", translate("CliAnalysis", "Problems found"), str(cur.findings)),
    ]
    head = translate("CliAnalysis", "period-on-period"), translate("CliAnalysis", "year-on-year")
    lines.append(f"  {'':<16}{'':>10}  {head[0]:>14}  {head[1]:>14}")
    for name, label, value in figures:
        lines.append(f"  {label:<16}{value:>10}  {_change(comp.pop(name)):>14}  {_change(comp.yoy(name)):>14}")
    for g, n in cur.grades.items():
        lines.append(f"  {g:<16}{n:>10}  {_change(comp.pop('grade:' + g)):>14}  {_change(comp.yoy('grade:' + g)):>14}")
    for m in cur.mapped:
        lines.append(
            translate("CliAnalysis", "  Note: {n} files graded {old} (2018 scheme) are counted as {new}.").format(
                n=m.count, old=m.source, new=m.target
            )
        )
    lines.append("")
    lines.append(translate("CliAnalysis", "Grades by {by}").format(by=r.by_label))
    lines.append("  " + "\t".join(["", *table.grades, translate("CliAnalysis", "total")]))
    for row in table.rows:
        lines.append("  " + "\t".join([row.label, *(str(row.grades[g]) for g in table.grades), str(row.total)]))
    lines.append("")
    lines.append(
        translate("CliAnalysis", "Problems by number of cases (common from {n} cases)").format(n=problems.threshold)
    )
    for p in problems.items[:20]:
        kind = translate("CliAnalysis", "common") if p.common else translate("CliAnalysis", "individual")
        lines.append(f"  {p.item} {p.text} — {p.cases} / {p.findings} · {kind}")
    if triggers:
        lines.append("")
        lines.append(translate("CliAnalysis", "Key cases by trigger"))
        for t in triggers:
            lines.append(f"  {t.trigger}: {t.cases} · " + "、".join(f"{g} {n}" for g, n in t.grades.items() if n))
    return "\n".join(lines)


def _stats(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    period = parse_period(args.period) if args.period else last_complete_period(PeriodKind.QUARTER)
    f = resolve(
        wb,
        period,
        units=args.unit,
        departments=args.department,
        prosecutors=args.prosecutor,
        lines=args.line,
        review_types=args.type,
        plans=args.plan,
    )
    report = report_of(wb, f, args.by, args.threshold)
    data = report_json(report)
    text = _text(report)
    if args.out is not None:
        from reviewapp.exports.stats_xlsx import write_stats_xlsx

        path = write_stats_xlsx(report, args.out)
        data["file"] = str(path)
        text += "\n" + translate("CliAnalysis", "Figures written: {file}").format(file=path)
    emit(args, data, text)
    return 0


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    return refused(lambda: _stats(wb, args, emit))
