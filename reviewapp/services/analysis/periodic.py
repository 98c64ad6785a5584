"""Periodic review reports in one click (定期评查报告): quarterly, half-year, annual, or a plan's 专项评查报告.

    report = periodic_report(wb, parse_period("2026Q1"))              # or plan="专项方案名"
    export_periodic_report(wb, period, Path("报告.pdf"))               # or .docx

The figures are those of the statistics API (services/analysis/stats.py: the same counted review files,
period, scope and 瑕疵 ↔ 基本合格 mapping), so the report and the statistics window never disagree; the
appendix 评查发现问题案件列表 and the 优质案件 section list the same review files case by case
(services/results/ledger). The narrative is written by periodic_text.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewapp.exports.ledger_xlsx import ProblemRank
from reviewapp.services.analysis.filters import StatsFilter, counted_opinions, reader_scope
from reviewapp.services.analysis.periodic_common import file_kind, units_in_scope, write_audited
from reviewapp.services.analysis.periods import Period
from reviewapp.services.analysis.stats import (
    Comparison,
    GradeTable,
    ProblemRanking,
    compare,
    grade_distribution,
    problem_ranking,
)
from reviewapp.services.results.ledger import (
    ReviewedCase,
    conclusion,
    load_reviewed_cases,
    problems_summary,
    rank_problems,
)
from reviewapp.services.results.settings import load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Plan, Review

TYPICAL_LIMIT = 5  # typical problems described in the text
EXAMPLES_PER_PROBLEM = 2


@dataclass(frozen=True)
class AppendixRow:
    """One line of 评查发现问题案件列表 (review-rules §6)."""

    seq: int
    unit: str  # 办案单位
    case_name: str
    prosecutor: str  # 承办人
    reviewer: str  # 评查员
    reviewer_unit: str  # 评查单位
    conclusion: str  # 评查结论
    problems: str  # 评查发现问题


@dataclass(frozen=True)
class TypicalProblem:
    rank: ProblemRank
    examples: tuple[str, ...]  # "案件名称：reason"


@dataclass(frozen=True)
class PeriodicReport:
    period: Period
    plan_name: str  # "" for a periodic report; the plan's name for its 专项评查报告
    procuratorate: str
    issuer: str
    issued_on: date
    comparison: Comparison
    by_unit: GradeTable
    problems: ProblemRanking
    typical: tuple[TypicalProblem, ...]
    excellent: tuple[ReviewedCase, ...]
    appendix: tuple[AppendixRow, ...]

    @property
    def is_plan(self) -> bool:
        return bool(self.plan_name)


def _plan(wb: Workbench, plan: str | int | None) -> tuple[int | None, str]:
    if plan is None or plan == "":
        return None, ""
    from reviewapp.services.plans.commands import plan_by_name_or_id

    pid = plan if isinstance(plan, int) else plan_by_name_or_id(wb, str(plan))
    with wb.db.session() as s:
        row = s.get(Plan, pid)
        return pid, row.name if row is not None else str(plan)


def reviewed_in(wb: Workbench, f: StatsFilter) -> list[ReviewedCase]:
    """The counted review files of ``f`` case by case, in case number order."""
    scope = reader_scope(wb)
    cfg = load_notice_config(wb)
    with wb.db.session() as s:
        ids = sorted(set(s.scalars(counted_opinions(f, scope, Review.case_id))))
        reviewed = load_reviewed_cases(s, ids, cfg) if ids else {}
    return sorted(reviewed.values(), key=lambda r: (r.submitted_on, r.dept_case_no))


def _examples(rank: ProblemRank, cases: list[ReviewedCase]) -> tuple[str, ...]:
    out: list[str] = []
    for rc in cases:
        for p in rc.problems:
            if (p.standard_code, p.item_code) == (rank.standard_code, rank.item_code) and p.reason:
                out.append(f"{rc.case_name}：{p.reason}")
                break
        if len(out) >= EXAMPLES_PER_PROBLEM:
            break
    return tuple(out)


def periodic_report(
    wb: Workbench, period: Period, *, plan: str | int | None = None, issued_on: date | None = None
) -> PeriodicReport:
    """Everything the report says for ``period`` (narrowed to one plan's review files when given)."""
    units_in_scope(wb)  # EXPORT_RESULTS somewhere, refused before anything is read
    plan_id, plan_name = _plan(wb, plan)
    f = StatsFilter(period, plan_ids=(plan_id,) if plan_id is not None else ())
    cfg = load_notice_config(wb)
    cases = reviewed_in(wb, f)
    ranking = problem_ranking(wb, f)
    ranked = rank_problems(cases, ranking.threshold)
    typical = tuple(TypicalProblem(r, _examples(r, cases)) for r in ranked if r.kind == "共性")[:TYPICAL_LIMIT]
    with_problems = [c for c in cases if c.problems]
    appendix = tuple(
        AppendixRow(
            i,
            c.unit,
            c.case_name,
            c.prosecutor,
            c.reviewer,
            c.reviewer_unit,
            conclusion(c.grade),
            problems_summary(c.problems),
        )
        for i, c in enumerate(with_problems, start=1)
    )
    return PeriodicReport(
        period=period,
        plan_name=plan_name,
        procuratorate=cfg.procuratorate,
        issuer=cfg.issuer,
        issued_on=issued_on or date.today(),
        comparison=compare(wb, f),
        by_unit=grade_distribution(wb, f, "unit"),
        problems=ranking,
        typical=typical,
        excellent=tuple(c for c in cases if c.grade.removesuffix("案件") == "优质"),
        appendix=appendix,
    )


def export_periodic_report(
    wb: Workbench, period: Period, path: Path, *, plan: str | int | None = None, issued_on: date | None = None
) -> PeriodicReport:
    """Write the report as PDF (the notices' GB/T 9704 layout) or DOCX, as an audited export."""
    kind = file_kind(Path(path), ("pdf", "docx"))
    report = periodic_report(wb, period, plan=plan, issued_on=issued_on)
    from reviewapp.i18n import current_language
    from reviewapp.services.analysis.periodic_text import report_document

    doc = report_document(report, "en" if current_language().startswith("en") else "zh")
    from reviewapp.exports.periodic_report.docx import write_periodic_docx
    from reviewapp.exports.periodic_report.pdf import write_periodic_pdf

    write = write_periodic_pdf if kind == "pdf" else write_periodic_docx
    write_audited(
        wb,
        Path(path),
        "periodic_report",
        period,
        lambda tmp: write(doc, tmp),
        plan=report.plan_name,
        reviewed=report.comparison.current.reviewed,
    )
    return report
