"""The tables of the statistics API (re-exported by stats.py, whose docstring says what is counted): grade
distribution by a dimension, rankings of prosecutors / departments / units / reviewers, the problem ranking
(共性 / 个性) and the key-case analysis by trigger. Each is a few GROUP BY queries over the counted review files
(filters.counted_opinions); Python only folds the grouped rows and names the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select, true
from sqlalchemy.orm import Session

from reviewapp.domain.plans import Method
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.analysis.filters import (
    Scope,
    StatsFilter,
    dialect,
    grouped_counts,
    line_expr,
    per_file,
    reader_scope,
)
from reviewapp.services.analysis.stats_grades import GradeMapper, MappedGrade, merge_mapped
from reviewapp.services.analysis.stats_names import with_unit
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import (
    Case,
    Department,
    Person,
    Plan,
    PlanCase,
    Review,
    Unit,
)

# The dimensions a table may be broken down by, and the column each groups on.
BY_DIMENSIONS = ("unit", "department", "prosecutor", "line", "type", "plan", "reviewer")


class UnknownDimension(KnownError, ValueError):
    pass


def by_column(by: str) -> ColumnElement[Any]:
    columns: dict[str, Any] = {
        "unit": Case.unit_id,
        "department": Case.department_id,
        "prosecutor": Case.prosecutor_id,
        "line": line_expr(),
        "type": Review.review_type,
        "plan": Review.plan_id,
        "reviewer": Review.reviewer_id,
    }
    if by not in columns:
        raise UnknownDimension(
            translate("Analysis", "Statistics cannot be broken down by “{by}”: use one of {known}.").format(
                by=by, known=", ".join(BY_DIMENSIONS)
            )
        )
    col: ColumnElement[Any] = columns[by]
    return col


def key_labels(s: Session, by: str, keys: list[Any]) -> dict[Any, str]:
    """Display names of the keys of a breakdown (unit names, people's names …)."""
    ids = sorted(k for k in keys if k is not None)
    model: Any = {"unit": Unit, "department": Department, "prosecutor": Person, "reviewer": Person, "plan": Plan}.get(
        by
    )
    if model is None:
        return {k: (k or translate("Analysis", "(none)")) for k in keys}
    out: dict[Any, str] = {None: translate("Analysis", "(none)")}
    for chunk in range(0, len(ids), 900):
        out.update(dict(s.execute(select(model.id, model.name).where(model.id.in_(ids[chunk : chunk + 900]))).all()))
    if by == "department":  # the same department name in several units: say which
        rows = s.execute(
            select(Department.id, Unit.name).join(Unit, Unit.id == Department.unit_id).where(Department.id.in_(ids))
        )
        units = dict(rows.all())
        names = list(out.values())
        out.update({k: with_unit(out[k], units[k]) for k in ids if k in units and names.count(out.get(k, "")) > 1})
    return out


@dataclass(frozen=True)
class GradeRow:
    key: Any  # the id (unit, department, person, plan) or word (line, type) of the row
    label: str
    grades: dict[str, int]
    findings: int = 0
    with_problems: int = 0

    @property
    def total(self) -> int:
        return sum(self.grades.values())


@dataclass(frozen=True)
class GradeTable:
    by: str
    grades: tuple[str, ...]  # the columns, best first
    rows: tuple[GradeRow, ...]
    mapped: tuple[MappedGrade, ...]  # 瑕疵 counted as 基本合格 …: the table says so

    @property
    def totals(self) -> dict[str, int]:
        return {g: sum(r.grades.get(g, 0) for r in self.rows) for g in self.grades}


def fold_keyed(
    mapper: GradeMapper, rows: Sequence[Any]
) -> tuple[dict[Any, dict[str, int]], list[MappedGrade], dict[Any, tuple[int, int]]]:
    """grouped_counts rows with one key → counts per grade, what was mapped, (findings, files with findings)
    per key."""
    per_key: dict[Any, list[tuple[int, str, str, int]]] = {}
    problems: dict[Any, tuple[int, int]] = {}
    for key, sid, sch, g, n, nf, with_nf in rows:
        per_key.setdefault(key, []).append((sid, sch, g, n))
        before = problems.get(key, (0, 0))
        problems[key] = (before[0] + int(nf or 0), before[1] + int(with_nf or 0))
    counts: dict[Any, dict[str, int]] = {}
    mapped: list[MappedGrade] = []
    for key, gs in per_key.items():
        c, m = mapper.fold(gs)
        counts[key] = c
        mapped = merge_mapped(mapped, m)
    return counts, mapped, problems


def _grouped(
    s: Session, f: StatsFilter, scope: Scope, by: str
) -> tuple[GradeMapper, dict[Any, dict[str, int]], list[MappedGrade], dict[Any, tuple[int, int]]]:
    mapper = GradeMapper(s)
    rows = s.execute(grouped_counts(per_file(f, scope, by_column(by)), 1)).all()
    return (mapper, *fold_keyed(mapper, rows))


def grade_distribution(wb: Workbench, f: StatsFilter, by: str = "unit") -> GradeTable:
    """Counts per grade for each value of ``by`` (one of BY_DIMENSIONS), rows by label."""
    scope = reader_scope(wb)
    with wb.db.session() as s:
        mapper, counts, mapped, problems = _grouped(s, f, scope, by)
        labels = key_labels(s, by, list(counts))
    grades = tuple(mapper.ordered({g: n for c in counts.values() for g, n in c.items()}))
    rows = [
        GradeRow(k, labels.get(k, str(k)), {g: c.get(g, 0) for g in grades}, *problems.get(k, (0, 0)))
        for k, c in counts.items()
    ]
    return GradeTable(by, grades, tuple(sorted(rows, key=lambda r: (r.label, str(r.key)))), tuple(mapped))


@dataclass(frozen=True)
class RankRow:
    rank: int
    key: Any
    label: str
    reviewed: int
    with_problems: int
    findings: int
    grades: dict[str, int]

    @property
    def problems_per_case(self) -> float:
        return self.findings / self.reviewed if self.reviewed else 0.0

    @property
    def problem_share(self) -> float:
        return self.with_problems / self.reviewed if self.reviewed else 0.0


def ranking(wb: Workbench, f: StatsFilter, by: str = "prosecutor") -> list[RankRow]:
    """Quality ranking of prosecutors / departments / units / reviewers: most problems per reviewed case first,
    then the larger share of files with problems, then more files, then the name. Rank 1 needs attention most;
    equal figures share a rank."""
    table = grade_distribution(wb, f, by)
    rows = sorted(
        table.rows,
        key=lambda r: (
            -(r.findings / r.total if r.total else 0),
            -(r.with_problems / r.total if r.total else 0),
            -r.total,
            r.label,
        ),
    )
    out: list[RankRow] = []
    previous: tuple[float, float] | None = None
    for i, r in enumerate(rows, start=1):
        figures = (r.findings / r.total if r.total else 0, r.with_problems / r.total if r.total else 0)
        rank = out[-1].rank if previous == figures and out else i
        previous = figures
        out.append(RankRow(rank, r.key, r.label, r.total, r.with_problems, r.findings, r.grades))
    return out


@dataclass(frozen=True)
class TriggerRow:
    trigger: str  # domain.plans_triggers.Trigger value (绝对不捕 …)
    cases: int
    with_problems: int
    findings: int
    grades: dict[str, int]


def trigger_keys(s: Session) -> Any:
    """A table-valued ``key`` column of the trigger names in ``plan_cases.data`` ({trigger: why})."""
    if dialect(s) == "postgresql":
        return func.json_object_keys(PlanCase.data).table_valued("key").render_derived()
    return func.json_each(PlanCase.data).table_valued("key")


def per_key_case(f: StatsFilter, scope: Scope, s: Session) -> Any:
    """``per_file`` for key cases: one row per (counted file, trigger that selected its case in its plan)."""
    keys = trigger_keys(s)
    sub = per_file(f, scope, Review.id)
    picked = (
        select(keys.c.key.label("key0"), sub.c.standard_id, sub.c.scheme_id, sub.c.grade, sub.c.nf)
        .select_from(sub)
        .join(Review, Review.id == sub.c.key0)
        .join(
            PlanCase,
            and_(
                PlanCase.case_id == Review.case_id,
                PlanCase.plan_id == Review.plan_id,
                PlanCase.method == Method.TRIGGER.value,
                PlanCase.deleted_at.is_(None),
            ),
        )
        .join(keys, true())
    )
    return picked.subquery()


def key_cases_by_trigger(wb: Workbench, f: StatsFilter) -> list[TriggerRow]:
    """Key cases (重点评查) reviewed in the period by the trigger that selected them (a case fired by two
    triggers counts under each), most cases first."""
    scope = reader_scope(wb)
    with wb.db.session() as s:
        mapper = GradeMapper(s)
        rows = s.execute(grouped_counts(per_key_case(f, scope, s), 1)).all()
        counts, _mapped, problems = fold_keyed(mapper, rows)
        out = [
            TriggerRow(key, sum(c.values()), problems[key][1], problems[key][0], mapper.ordered(c))
            for key, c in counts.items()
        ]
    return sorted(out, key=lambda r: (-r.cases, r.trigger))
