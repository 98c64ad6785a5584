"""Statistics of review results (分析研判, review-rules.md §6): the public API.

    f = StatsFilter(parse_period("2026Q3"), unit_ids=(3,))
    overview(wb, f)                       -> Overview(reviewed, closed, ratio, with_problems, findings,
                                                      problems_per_case, grades {grade: n}, mapped)
    compare(wb, f)                        -> Comparison(current, previous, year_before); .pop("ratio") / .yoy(...)
                                             give a Change (delta in counts, or in percentage points for ratios)
    grade_distribution(wb, f, by)         -> GradeTable: one row per unit / department / prosecutor / line /
                                             type / plan / reviewer, counts per grade
    problem_ranking(wb, f, common_threshold) -> ProblemRanking: items (dimension, item, text, cases, findings,
                                             common) ranked by cases, and the dimensions
    ranking(wb, f, by="prosecutor"|"department"|"unit"|"reviewer") -> list[RankRow]
    key_cases_by_trigger(wb, f)           -> list[TriggerRow]
    trend(wb, f, kind, count)             -> list[TrendPoint]: the last ``count`` periods of ``kind`` up to f's end
    drill.cases_behind(wb, f, figure)     -> case ids behind any figure (click-through)

What is counted [design]:
- **The unit is the review file**: an opinion row (``reviews.kind = 'opinion'``) in a FORMED status
  (domain.review_status: sent to the prosecutor, objections, awaiting determination, determined, archived);
  tombstoned rows never; a later formed round of the same case replaces the earlier one, as in the ledger. Member
  reviews are never counted (a panel of three is one reviewed case), nor training reviews, which never become
  opinions.
- **Its grade** is the determined grade when determined, else the formed proposal. Grades of the 2018 scheme are
  counted in the scheme they map to (瑕疵 → 基本合格, stats_grades.py); every result carries ``mapped`` so a
  table says "瑕疵 counted as 基本合格 (n)".
- **The date that puts a review in a period is the day its opinion was formed** (``submitted_at``, the local
  calendar day): it is the day the review's result exists — the determination may come weeks later, and the case
  closed months or years earlier — and it is the date the ledger filters on, so the statistics and the ledger of a
  period agree. A review reopened and formed again moves to the period it was formed again in.
- **Closed** = cases whose 办结日期 (``closed_on``) falls in the period, in the reader's units and narrowed by
  unit / department / prosecutor / line; review type and plan do not narrow them (a closed case has neither).
  **Review ratio** = reviewed ÷ closed of the same period (None when nothing closed) — the two sets differ (a
  case closed in Q2 is often reviewed in Q3), which is how the provincial templates compute it.
- **Findings** are the opinion's live findings (the panel's reconciled / revised ones); ``with_problems`` counts
  review files with at least one; ``problems_per_case`` = findings ÷ reviewed.
- **共性 / 个性**: an item found in at least ``common_threshold`` different cases of the selection is 共性
  (recurring), else 个性 (case-specific); the default threshold is the setting ``notice.common_threshold``, the
  one the ledger's problem ranking uses.
- **Changes**: year-on-year compares with ``period.year_before()``, period-on-period with ``period.previous()``;
  counts change by a difference and a relative percentage, ratios and shares by percentage points.
- Reads need READ_REVIEWS or EXPORT_RESULTS and count only the reader's units, inside the SQL (filters.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import case, func

from reviewapp.services.analysis.filters import (
    NO_LINE,
    Scope,
    StatsFilter,
    closed_cases,
    grouped_counts,
    per_file,
    reader_scope,
    utc_bound,
)
from reviewapp.services.analysis.periods import Days, Period, PeriodKind, current_period
from reviewapp.services.analysis.stats_grades import GradeMapper, MappedGrade
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Review

__all__ = [
    "NO_LINE",
    "Change",
    "Comparison",
    "Overview",
    "StatsFilter",
    "compare",
    "overview",
]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Overview:
    period: Period
    reviewed: int  # review files formed in the period
    closed: int  # cases closed in the period
    with_problems: int  # review files with at least one finding
    findings: int
    grades: dict[str, int]  # counted grade → review files, best first (zeros included)
    mapped: tuple[MappedGrade, ...] = ()  # 2018 grades counted as 2026 ones

    @property
    def ratio(self) -> float | None:
        """Review ratio: reviewed ÷ closed (None when nothing closed)."""
        return _share(self.reviewed, self.closed)

    @property
    def problem_share(self) -> float | None:
        """Share of review files with problems."""
        return _share(self.with_problems, self.reviewed)

    @property
    def problems_per_case(self) -> float | None:
        return _share(self.findings, self.reviewed)

    def grade_share(self, grade: str) -> float | None:
        return _share(self.grades.get(grade, 0), self.reviewed)

    def value(self, name: str) -> float | int | None:
        """A figure by name: reviewed, closed, ratio, with_problems, problem_share, findings, problems_per_case,
        ``grade:<grade>`` (a count) or ``share:<grade>`` (a share)."""
        if name.startswith("grade:"):
            return self.grades.get(name[6:], 0)
        if name.startswith("share:"):
            return self.grade_share(name[6:])
        value: float | int | None = getattr(self, name)
        return value


RATIOS = frozenset({"ratio", "problem_share"})  # compared in percentage points


def is_ratio(name: str) -> bool:
    return name in RATIOS or name.startswith("share:")


@dataclass(frozen=True)
class Change:
    """One figure against an earlier period. ``delta`` is the difference (percentage points for ratios and
    shares: 0.05 → 5.0); ``relative`` the relative change in percent (None when the earlier value is 0 or None)."""

    name: str
    current: float | int | None
    before: float | int | None
    delta: float | None
    relative: float | None

    @property
    def points(self) -> bool:
        return is_ratio(self.name)


def change(name: str, current: Overview, before: Overview) -> Change:
    a, b = current.value(name), before.value(name)
    if a is None or b is None:
        return Change(name, a, b, None, None)
    if is_ratio(name):
        return Change(name, a, b, round((a - b) * 100, 6), round((a - b) / b * 100, 6) if b else None)
    return Change(name, a, b, a - b, round((a - b) / b * 100, 6) if b else None)


@dataclass(frozen=True)
class Comparison:
    current: Overview
    previous: Overview  # 环比: the period before
    year_before: Overview  # 同比: the same period a year earlier

    def pop(self, name: str) -> Change:
        """Period-on-period change of a figure (see Overview.value for names)."""
        return change(name, self.current, self.previous)

    def yoy(self, name: str) -> Change:
        """Year-on-year change of a figure."""
        return change(name, self.current, self.year_before)


def _overview(wb: Workbench, f: StatsFilter, scope: Scope, period: Period | None = None) -> Overview:
    p = period or f.period
    with wb.db.session() as s:
        mapper = GradeMapper(s)
        groups = s.execute(grouped_counts(per_file(f, scope, period=p))).all()
        closed = s.execute(closed_cases(f, scope, func.count(), period=p)).scalar_one()
        return overview_of(mapper, p, groups, closed)


def overview_of(mapper: GradeMapper, p: Period, groups: Sequence[Any], closed: int) -> Overview:
    """An Overview from grouped_counts rows (standard, scheme, grade, files, findings, files with findings)."""
    counts, mapped = mapper.fold((sid, sch, g, n) for sid, sch, g, n, _, _ in groups)
    return Overview(
        period=p,
        reviewed=sum(counts.values()),
        closed=closed,
        with_problems=sum(int(r[5] or 0) for r in groups),
        findings=sum(int(r[4] or 0) for r in groups),
        grades=mapper.ordered(counts),
        mapped=tuple(mapped),
    )


def overview(wb: Workbench, f: StatsFilter) -> Overview:
    """The headline figures of the filter's period."""
    return _overview(wb, f, reader_scope(wb))


def compare(wb: Workbench, f: StatsFilter) -> Comparison:
    """The period's figures with the period before (环比) and the same period a year earlier (同比)."""
    scope = reader_scope(wb)
    previous = _overview(wb, f, scope, f.period.previous())
    year_before = previous if f.period.kind is PeriodKind.YEAR else _overview(wb, f, scope, f.period.year_before())
    return Comparison(current=_overview(wb, f, scope), previous=previous, year_before=year_before)


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    overview: Overview = field(repr=False)


def trend(wb: Workbench, f: StatsFilter, count: int = 12, kind: str | None = None) -> list[TrendPoint]:
    """The ``count`` periods of ``kind`` (default: the filter's kind) ending with the one that holds the last
    day of the filter's period, oldest first — the line charts. Two queries in all: every file and every
    closed case is put in its period by a CASE over the period bounds."""
    scope = reader_scope(wb)
    last = current_period(PeriodKind(kind or f.period.kind), f.period.end - timedelta(days=1))
    periods = [last.shifted(-k) for k in range(count - 1, -1, -1)]
    span = f.with_period(periods[0])
    formed = case(*((Review.submitted_at < utc_bound(p.end), i) for i, p in enumerate(periods)), else_=-1)
    closed_in = case(*((Case.closed_on < p.end, i) for i, p in enumerate(periods)), else_=-1)
    whole = Days(periods[0].start, periods[-1].end)
    with wb.db.session() as s:
        mapper = GradeMapper(s)
        rows = s.execute(grouped_counts(per_file(span, scope, formed, period=whole), 1)).all()
        closed: dict[int, int] = dict(
            s.execute(closed_cases(span, scope, closed_in, func.count(), period=whole).group_by(closed_in)).all()
        )
        by_bucket: dict[int, list[Any]] = {}
        for r in rows:
            by_bucket.setdefault(r[0], []).append(tuple(r[1:]))
        return [
            TrendPoint(p, overview_of(mapper, p, by_bucket.get(i, []), int(closed.get(i, 0))))
            for i, p in enumerate(periods)
        ]


# The tables (grade distribution, rankings, key cases) live in stats_tables.py and the problems in
# stats_problems.py; they are part of this API and re-exported here.
from reviewapp.services.analysis.stats_problems import (  # noqa: E402
    DimensionRow,
    ProblemRanking,
    ProblemRow,
    problem_ranking,
)
from reviewapp.services.analysis.stats_tables import (  # noqa: E402
    BY_DIMENSIONS,
    GradeRow,
    GradeTable,
    RankRow,
    TriggerRow,
    grade_distribution,
    key_cases_by_trigger,
    ranking,
)

__all__ += [
    "BY_DIMENSIONS",
    "DimensionRow",
    "GradeRow",
    "GradeTable",
    "ProblemRanking",
    "ProblemRow",
    "RankRow",
    "TrendPoint",
    "TriggerRow",
    "grade_distribution",
    "key_cases_by_trigger",
    "problem_ranking",
    "ranking",
    "trend",
]
