"""One bundle of every statistic of a filter (what ``stats`` prints, ``--json`` emits and the xlsx holds)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewapp.i18n import translate
from reviewapp.services.analysis import stats
from reviewapp.services.analysis.filters import StatsFilter
from reviewapp.services.workbench import Workbench


def by_label(by: str) -> str:
    return {
        "unit": translate("Analysis", "unit"),
        "department": translate("Analysis", "department"),
        "prosecutor": translate("Analysis", "prosecutor"),
        "line": translate("Analysis", "business line"),
        "type": translate("Analysis", "review type"),
        "plan": translate("Analysis", "plan"),
        "reviewer": translate("Analysis", "reviewer"),
    }.get(by, by)


@dataclass(frozen=True)
class StatsReport:
    filter: StatsFilter
    by: str
    comparison: stats.Comparison
    table: stats.GradeTable
    problems: stats.ProblemRanking
    triggers: list[stats.TriggerRow]
    prosecutors: list[stats.RankRow]
    departments: list[stats.RankRow]

    @property
    def by_label(self) -> str:
        return by_label(self.by)


def report_of(wb: Workbench, f: StatsFilter, by: str = "unit", threshold: int | None = None) -> StatsReport:
    return StatsReport(
        f,
        by,
        stats.compare(wb, f),
        stats.grade_distribution(wb, f, by),
        stats.problem_ranking(wb, f, threshold),
        stats.key_cases_by_trigger(wb, f),
        stats.ranking(wb, f, "prosecutor"),
        stats.ranking(wb, f, "department"),
    )


FIGURES = ("reviewed", "closed", "ratio", "with_problems", "problem_share", "findings", "problems_per_case")


def _overview(o: stats.Overview) -> dict[str, Any]:
    return {
        "period": o.period.code(),
        **{name: o.value(name) for name in FIGURES},
        "grades": o.grades,
        "mapped": [{"from": m.source, "to": m.target, "count": m.count} for m in o.mapped],
    }


def _change(c: stats.Change) -> dict[str, Any]:
    return {"delta": c.delta, "relative_percent": c.relative, "in_points": c.points}


def _rank(r: stats.RankRow) -> dict[str, Any]:
    return {
        "rank": r.rank,
        "id": r.key,
        "name": r.label,
        "reviewed": r.reviewed,
        "with_problems": r.with_problems,
        "findings": r.findings,
        "problems_per_case": r.problems_per_case,
        "grades": r.grades,
    }


def report_json(r: StatsReport) -> dict[str, Any]:
    comp = r.comparison
    names = [*FIGURES, *(f"grade:{g}" for g in comp.current.grades)]
    return {
        "filter": r.filter.describe(),
        "current": _overview(comp.current),
        "previous": _overview(comp.previous),
        "year_before": _overview(comp.year_before),
        "period_on_period": {n: _change(comp.pop(n)) for n in names},
        "year_on_year": {n: _change(comp.yoy(n)) for n in names},
        "by": r.by,
        "grades_by": [
            {"id": row.key, "name": row.label, "grades": row.grades, "total": row.total, "findings": row.findings}
            for row in r.table.rows
        ],
        "grades_mapped": [{"from": m.source, "to": m.target, "count": m.count} for m in r.table.mapped],
        "problems": {
            "common_threshold": r.problems.threshold,
            "items": [
                {
                    "dimension": p.dimension,
                    "item": p.item,
                    "text": p.text,
                    "cases": p.cases,
                    "findings": p.findings,
                    "common": p.common,
                }
                for p in r.problems.items
            ],
            "dimensions": [
                {"code": d.code, "name": d.name, "cases": d.cases, "findings": d.findings}
                for d in r.problems.dimensions
            ],
        },
        "key_cases": [
            {"trigger": t.trigger, "cases": t.cases, "with_problems": t.with_problems, "grades": t.grades}
            for t in r.triggers
        ],
        "prosecutors": [_rank(x) for x in r.prosecutors],
        "departments": [_rank(x) for x in r.departments],
    }
