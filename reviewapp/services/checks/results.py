"""Reading stored check results across cases: the data-quality view (数据校验) and its Excel export.

    data_quality_summary(wb, f=ResultFilter()) -> DataQualitySummary   counts per rule, unit, department,
                                                                          prosecutor
    result_ids(wb, f=ResultFilter()) -> list[int]                       matching result ids, in list order
    result_rows(wb, ids) -> dict[int, ResultRow]                        display rows for a page of ids

Like the case list (services/cases.py): the view keeps only ids and fetches rows a page at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import case, distinct, func, or_, select

from reviewapp.checks import RULES, RULES_BY_ID
from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.services.checks.worker import STORED_STATUSES
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, CheckResult, Department, Person, Unit

_IN_LIMIT = 900


@dataclass(frozen=True)
class ResultFilter:
    rule_id: str | None = None
    status: str | None = None  # violation | warning | not_checkable
    unit_id: int | None = None
    department_id: int | None = None
    prosecutor_id: int | None = None
    text: str = ""  # case number, case name or explanation contains it
    case_ids: tuple[int, ...] = ()  # only these cases (empty: every case); keep it short (bound parameters)

    def is_empty(self) -> bool:
        return self == ResultFilter()


@dataclass(frozen=True)
class RuleCount:
    rule_id: str
    title: str  # translated
    item_code: str
    severity: str
    basis: str
    violations: int
    warnings: int
    not_checkable: int
    cases: int  # distinct cases with a result of this rule

    @property
    def total(self) -> int:
        return self.violations + self.warnings + self.not_checkable


@dataclass(frozen=True)
class GroupCount:
    id: int
    name: str
    violations: int
    warnings: int
    not_checkable: int
    cases: int

    @property
    def total(self) -> int:
        return self.violations + self.warnings + self.not_checkable


@dataclass
class DataQualitySummary:
    by_rule: list[RuleCount] = field(default_factory=list)  # every registered rule, in registry order
    by_unit: list[GroupCount] = field(default_factory=list)  # groups with results, most results first
    by_department: list[GroupCount] = field(default_factory=list)
    by_prosecutor: list[GroupCount] = field(default_factory=list)
    results: int = 0
    cases_with_results: int = 0
    cases_checked: int = 0  # cases with stored results of any card version (the filter's org part applied)

    def groups(self, kind: str) -> list[GroupCount]:
        return {"unit": self.by_unit, "department": self.by_department, "prosecutor": self.by_prosecutor}[kind]


@dataclass(frozen=True)
class ResultRow:
    id: int
    case_id: int
    dept_case_no: str
    case_name: str
    unit: str
    department: str
    prosecutor: str
    rule_id: str
    rule_title: str  # translated
    item_code: str
    severity: str
    status: str
    explanation: str
    accepted_on: dt.date
    closed_on: dt.date | None
    computed_at: dt.datetime


def _where(f: ResultFilter, *, statuses: bool = True) -> list[Any]:
    clauses: list[Any] = []
    if statuses:
        clauses.append(CheckResult.status.in_([f.status] if f.status else STORED_STATUSES))
    if f.rule_id:
        clauses.append(CheckResult.rule_id == f.rule_id)
    if f.unit_id is not None:
        clauses.append(Case.unit_id == f.unit_id)
    if f.department_id is not None:
        clauses.append(Case.department_id == f.department_id)
    if f.prosecutor_id is not None:
        clauses.append(Case.prosecutor_id == f.prosecutor_id)
    if f.case_ids:
        clauses.append(CheckResult.case_id.in_(f.case_ids))
    needle = f.text.strip()
    if needle:
        pattern = f"%{needle.replace('%', '').replace('_', '')}%"
        clauses.append(
            or_(Case.dept_case_no.like(pattern), Case.name.like(pattern), CheckResult.explanation.like(pattern))
        )
    return clauses


def _status_sums() -> list[Any]:
    return [func.sum(case((CheckResult.status == status, 1), else_=0)) for status in STORED_STATUSES]


def data_quality_summary(wb: Workbench, f: ResultFilter | None = None) -> DataQualitySummary:
    """Counts of the stored results matching ``f`` per rule, unit, department and prosecutor."""
    f = f or ResultFilter()
    where = _where(f)
    base = select(CheckResult.id).join(Case, Case.id == CheckResult.case_id)
    out = DataQualitySummary()
    with wb.db.session() as s:
        per_rule: dict[str, tuple[int, int, int, int]] = {}
        stmt = (
            select(CheckResult.rule_id, *_status_sums(), func.count(distinct(CheckResult.case_id)))
            .join(Case, Case.id == CheckResult.case_id)
            .where(*where)
            .group_by(CheckResult.rule_id)
        )
        for rule_id, v, w, n, cases in s.execute(stmt):
            per_rule[rule_id] = (int(v or 0), int(w or 0), int(n or 0), int(cases))
        for spec in RULES:
            v, w, n, cases = per_rule.get(spec.rule_id, (0, 0, 0, 0))
            out.by_rule.append(
                RuleCount(
                    spec.rule_id,
                    translate("CheckRules", spec.title),
                    spec.item_code,
                    spec.severity,
                    spec.basis,
                    v,
                    w,
                    n,
                    cases,
                )
            )
        groups: tuple[tuple[Any, Any, list[GroupCount]], ...] = (
            (Case.unit_id, Unit, out.by_unit),
            (Case.department_id, Department, out.by_department),
            (Case.prosecutor_id, Person, out.by_prosecutor),
        )
        for key, model, target in groups:
            stmt = (
                select(key, model.name, *_status_sums(), func.count(distinct(CheckResult.case_id)))
                .select_from(CheckResult)
                .join(Case, Case.id == CheckResult.case_id)
                .join(model, model.id == key)
                .where(*where)
                .group_by(key, model.name)
            )
            rows = [
                GroupCount(int(i), n, int(v or 0), int(w or 0), int(x or 0), int(c))
                for i, n, v, w, x, c in s.execute(stmt)
            ]
            rows.sort(key=lambda g: (-g.total, g.name))
            target.extend(rows)
        if len(out.by_department) != len({g.name for g in out.by_department}):
            # The same department name in two units: say which unit (as the case list's filter does).
            units = {
                i: n for i, n in s.execute(select(Department.id, Unit.name).join(Unit, Unit.id == Department.unit_id))
            }
            out.by_department = [
                GroupCount(g.id, f"{units.get(g.id, '')}·{g.name}", g.violations, g.warnings, g.not_checkable, g.cases)
                for g in out.by_department
            ]
        out.results = s.scalar(select(func.count()).select_from(base.where(*where).subquery())) or 0
        out.cases_with_results = (
            s.scalar(
                select(func.count(distinct(CheckResult.case_id)))
                .join(Case, Case.id == CheckResult.case_id)
                .where(*where)
            )
            or 0
        )
        org = _where(
            ResultFilter(unit_id=f.unit_id, department_id=f.department_id, prosecutor_id=f.prosecutor_id),
            statuses=False,
        )
        out.cases_checked = (
            s.scalar(
                select(func.count(distinct(CheckResult.case_id))).join(Case, Case.id == CheckResult.case_id).where(*org)
            )
            or 0
        )
    return out


def result_ids(wb: Workbench, f: ResultFilter | None = None) -> list[int]:
    """Ids of the matching results: newest cases first, then rule order within a case."""
    f = f or ResultFilter()
    order = case({spec.rule_id: i for i, spec in enumerate(RULES)}, value=CheckResult.rule_id, else_=len(RULES))
    stmt = (
        select(CheckResult.id)
        .join(Case, Case.id == CheckResult.case_id)
        .where(*_where(f))
        .order_by(Case.accepted_on.desc(), Case.id.desc(), order, CheckResult.id)
    )
    with wb.db.session() as s:
        return list(s.scalars(stmt))


def _row_stmt() -> Any:
    return (
        select(
            CheckResult.id,
            CheckResult.case_id,
            Case.dept_case_no,
            Case.name,
            Unit.name,
            Department.name,
            Person.name,
            CheckResult.rule_id,
            CheckResult.item_code,
            CheckResult.severity,
            CheckResult.status,
            CheckResult.explanation,
            Case.accepted_on,
            Case.closed_on,
            CheckResult.computed_at,
        )
        .join(Case, Case.id == CheckResult.case_id)
        .join(Unit, Unit.id == Case.unit_id)
        .join(Department, Department.id == Case.department_id)
        .join(Person, Person.id == Case.prosecutor_id)
    )


def _title(rule_id: str) -> str:
    spec = RULES_BY_ID.get(rule_id)
    return translate("CheckRules", spec.title) if spec else rule_id


def result_rows(wb: Workbench, ids: Sequence[int]) -> dict[int, ResultRow]:
    """Display rows for ``ids`` (unknown ids skipped); the view asks for a page at a time."""
    out: dict[int, ResultRow] = {}
    titles: dict[str, str] = {}
    with wb.db.session() as s:
        for start in range(0, len(ids), _IN_LIMIT):
            part = list(ids[start : start + _IN_LIMIT])
            for r in s.execute(_row_stmt().where(CheckResult.id.in_(part))):
                title = titles.get(r[7])
                if title is None:
                    title = titles[r[7]] = _title(r[7])
                out[r[0]] = ResultRow(
                    r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], title, r[8], r[9], r[10], r[11], r[12], r[13], r[14]
                )
    return out


def export_data_quality(wb: Workbench, path: Path, f: ResultFilter | None = None) -> int:
    """The filtered results and their counts as an analysis workbook; returns the result rows written.

    Written to a temporary file without any lock, recorded by the "data_quality.export" operation (one
    audit entry), then renamed into place: a refused export leaves no file."""
    from reviewapp.exports.data_quality_xlsx import write_data_quality_xlsx

    wb.permissions.require_any(wb.user, Action.EXPORT_RESULTS)
    summary = data_quality_summary(wb, f)
    ids = result_ids(wb, f)

    def rows() -> Iterator[ResultRow]:
        for start in range(0, len(ids), 2000):
            page_ids = ids[start : start + 2000]
            page = result_rows(wb, page_ids)
            yield from (page[i] for i in page_ids if i in page)

    groups = {"unit": summary.by_unit, "department": summary.by_department, "prosecutor": summary.by_prosecutor}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex}{path.suffix}.tmp")
    try:
        written = write_data_quality_xlsx(tmp, rows(), summary.by_rule, groups)
        _record_export(wb, path, written, hashlib.sha256(tmp.read_bytes()).hexdigest(), f or ResultFilter())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return written


@mutation("data_quality.export", Action.EXPORT_RESULTS)
def _record_export(o: Op, path: Path, rows: int, sha256: str, f: ResultFilter) -> None:
    o.require(Action.EXPORT_RESULTS, unit_id=f.unit_id)
    o.audit("file", file=str(path.resolve()), sha256=sha256, rows=rows, filter=dataclasses.asdict(f))
