"""The 案卡 data-quality bulletin (数据质量通报) for a month or quarter (review-rules §5).

    b = data_quality_bulletin(wb, parse_period("2026Q1"))
    export_bulletin(wb, period, Path("通报.pdf"))   # or .xlsx

It reads the stored pre-screening results (services/checks) of the cases that belong to the period — closed
within it, or accepted within it while still open — in the user's scope, and counts each problem (one rule's
result on one case) as 迟填, 错填 or 漏填:

- 漏填 (missing): a rule that checks that card fields are filled, and any result that could not be checked
  because the card lacks the data (status not_checkable naming the missing fields; one not checkable for
  another reason — a holiday calendar that does not know the year yet — is no problem of the card);
- 迟填 (late): a time-limit rule (DL-…): a date on the card lies past its legal limit. The card carries no
  time of entry, so this is the nearest the card data allows;
- 错填 (wrong): every other violation — card values that contradict each other or the case type.

Warnings (an open case nearing a limit) are not problems of the card and are left out. Counts per unit,
department and prosecutor come with the previous period's total and the change; a prosecutor with problems
in each of the last N periods (setting ``bulletin.repeat_periods``) is a repeat offender (屡错屡犯).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import String, cast, func, select

from reviewapp.checks import RULES_BY_ID
from reviewapp.checks.results import Status
from reviewapp.i18n import translate
from reviewapp.services.analysis.periodic_common import file_kind, units_in_scope, write_audited
from reviewapp.services.analysis.periods import Period
from reviewapp.services.results.setting_specs import BULLETIN_REPEAT_PERIODS
from reviewapp.services.results.settings import get_setting, load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, CheckResult, Department, Person, Unit

LATE, WRONG, MISSING = "迟填", "错填", "漏填"
CATEGORIES = (LATE, WRONG, MISSING)
# Rules whose violation means a card field is empty (registry ids, reviewapp/checks).
MISSING_RULES = frozenset({"CK-REQUIRED-FIELDS", "CK-AGE-KNOWN", "CK-AMOUNT", "CK-PLEA-FIELDS", "CK-SUSPECT-CHARGE"})
_PROBLEM_STATUSES = (Status.VIOLATION.value, Status.NOT_CHECKABLE.value)


def category_of(rule_id: str, status: str, names_missing: bool = True) -> str | None:
    """The result's category; None for a result that is no problem of the card: one not checkable for a
    reason other than missing card data (``names_missing`` False — e.g. a holiday calendar that does not
    know the year yet)."""
    if status == Status.NOT_CHECKABLE.value:
        return MISSING if names_missing else None
    if rule_id in MISSING_RULES:
        return MISSING
    return LATE if rule_id.startswith("DL-") else WRONG


@dataclass(frozen=True)
class _Problem:
    case_id: int
    unit_id: int
    unit: str
    department_id: int
    department: str
    prosecutor_id: int
    prosecutor: str
    rule_id: str
    category: str


@dataclass(frozen=True)
class BulletinRow:
    """One unit, department or prosecutor: problems per category this period, last period's total."""

    group_id: int
    name: str
    unit: str
    late: int
    wrong: int
    missing: int
    cases: int  # distinct cases with a problem
    previous: int

    @property
    def total(self) -> int:
        return self.late + self.wrong + self.missing

    @property
    def change(self) -> int:
        return self.total - self.previous


@dataclass(frozen=True)
class RuleLine:
    rule_id: str
    title: str  # translated
    category: str
    problems: int
    cases: int


@dataclass(frozen=True)
class RepeatOffender:
    prosecutor_id: int
    prosecutor: str
    unit: str
    department: str
    counts: tuple[int, ...]  # problems per period, oldest first (Bulletin.repeat_window)


@dataclass
class Bulletin:
    period: Period
    previous_period: Period
    cases: int  # cases of the period in scope
    cases_flagged: int
    totals: dict[str, int]
    previous_totals: dict[str, int]
    by_unit: list[BulletinRow] = field(default_factory=list)
    by_department: list[BulletinRow] = field(default_factory=list)
    by_prosecutor: list[BulletinRow] = field(default_factory=list)
    by_rule: list[RuleLine] = field(default_factory=list)
    repeat_window: list[Period] = field(default_factory=list)
    repeat_offenders: list[RepeatOffender] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def previous_total(self) -> int:
        return sum(self.previous_totals.values())


def _day_of_case() -> Any:
    """The day a case belongs to a period by: closed, else accepted."""
    return func.coalesce(Case.closed_on, Case.accepted_on)


def _problems(wb: Workbench, period: Period, scope: frozenset[int] | None) -> list[_Problem]:
    day = _day_of_case()
    stmt = (
        select(
            CheckResult.case_id,
            Case.unit_id,
            Unit.name,
            Case.department_id,
            Department.name,
            Case.prosecutor_id,
            Person.name,
            CheckResult.rule_id,
            CheckResult.status,
            cast(CheckResult.missing_fields, String),  # as text: PostgreSQL's json has no equality for DISTINCT
        )
        .join(Case, Case.id == CheckResult.case_id)
        .join(Unit, Unit.id == Case.unit_id)
        .join(Department, Department.id == Case.department_id)
        .join(Person, Person.id == Case.prosecutor_id)
        .where(CheckResult.status.in_(_PROBLEM_STATUSES), day >= period.start, day < period.end)
        .distinct()
    )
    if scope is not None:
        stmt = stmt.where(Case.unit_id.in_(sorted(scope)))
    with wb.db.session() as s:
        rows = s.execute(stmt).all()
    # One problem per case and rule: a rule with several results on a case counts once.
    seen: dict[tuple[int, str], _Problem] = {}
    for cid, uid, unit, did, dept, pid, pros, rule, status, missing in rows:
        cat = category_of(rule, status, missing not in (None, "", "[]", "null"))
        if cat is None:
            continue
        key = (cid, rule)
        if key not in seen or cat == MISSING:
            seen[key] = _Problem(cid, uid, unit, did, dept, pid, pros, rule, cat)
    return sorted(seen.values(), key=lambda p: (p.case_id, p.rule_id))


def _case_count(wb: Workbench, period: Period, scope: frozenset[int] | None) -> int:
    day = _day_of_case()
    stmt = select(func.count(Case.id)).where(day >= period.start, day < period.end)
    if scope is not None:
        stmt = stmt.where(Case.unit_id.in_(sorted(scope)))
    with wb.db.session() as s:
        return int(s.scalar(stmt) or 0)


def _rows(problems: list[_Problem], previous: list[_Problem], level: str) -> list[BulletinRow]:
    def key(p: _Problem) -> tuple[int, str, str]:
        if level == "unit":
            return p.unit_id, p.unit, p.unit
        if level == "department":
            return p.department_id, p.department, p.unit
        return p.prosecutor_id, p.prosecutor, p.unit

    before = Counter(key(p)[0] for p in previous)
    groups: dict[int, list[_Problem]] = defaultdict(list)
    names: dict[int, tuple[str, str]] = {}
    for p in problems:
        gid, name, unit = key(p)
        groups[gid].append(p)
        names[gid] = (name, unit)
    for p in previous:  # a group with problems last period only still shows its improvement
        gid, name, unit = key(p)
        names.setdefault(gid, (name, unit))
    out = []
    for gid, (name, unit) in names.items():
        cats = Counter(p.category for p in groups.get(gid, []))
        cases = len({p.case_id for p in groups.get(gid, [])})
        out.append(BulletinRow(gid, name, unit, cats[LATE], cats[WRONG], cats[MISSING], cases, before[gid]))
    out.sort(key=lambda r: (-r.total, -r.previous, r.unit, r.name))
    return out


def _by_rule(problems: Iterable[_Problem]) -> list[RuleLine]:
    per: dict[str, list[_Problem]] = defaultdict(list)
    for p in problems:
        per[p.rule_id].append(p)
    lines = []
    for rule_id, ps in per.items():
        spec = RULES_BY_ID.get(rule_id)
        title = translate("CheckRules", spec.title) if spec else rule_id
        cats = Counter(p.category for p in ps)
        lines.append(RuleLine(rule_id, title, cats.most_common(1)[0][0], len(ps), len({p.case_id for p in ps})))
    lines.sort(key=lambda r: (-r.problems, r.rule_id))
    return lines


def repeat_periods(wb: Workbench) -> int:
    return int(get_setting(wb, BULLETIN_REPEAT_PERIODS))


def data_quality_bulletin(wb: Workbench, period: Period, repeat: int | None = None) -> Bulletin:
    """The bulletin of ``period``; ``repeat`` overrides the setting bulletin.repeat_periods."""
    scope = units_in_scope(wb)
    n = repeat if repeat is not None else repeat_periods(wb)
    window = [period.shifted(-k) for k in range(n - 1, -1, -1)]
    per_period = {p: _problems(wb, p, scope) for p in window}
    prev = period.previous()
    current = per_period[period]
    previous = per_period.get(prev) or _problems(wb, prev, scope)
    b = Bulletin(
        period=period,
        previous_period=prev,
        cases=_case_count(wb, period, scope),
        cases_flagged=len({p.case_id for p in current}),
        totals={c: sum(1 for p in current if p.category == c) for c in CATEGORIES},
        previous_totals={c: sum(1 for p in previous if p.category == c) for c in CATEGORIES},
        by_unit=_rows(current, previous, "unit"),
        by_department=_rows(current, previous, "department"),
        by_prosecutor=_rows(current, previous, "prosecutor"),
        by_rule=_by_rule(current),
        repeat_window=window,
    )
    counts = {p: Counter(x.prosecutor_id for x in per_period[p]) for p in window}
    people = {x.prosecutor_id: x for p in window for x in per_period[p]}
    for pid, x in people.items():
        series = tuple(counts[p][pid] for p in window)
        if all(series):
            b.repeat_offenders.append(RepeatOffender(pid, x.prosecutor, x.unit, x.department, series))
    b.repeat_offenders.sort(key=lambda r: (-sum(r.counts), r.unit, r.prosecutor))
    return b


def export_bulletin(wb: Workbench, period: Period, path: Path, repeat: int | None = None) -> Bulletin:
    """Write the bulletin of ``period`` as PDF (the notices' official layout) or xlsx, as an audited export."""
    kind = file_kind(Path(path), ("pdf", "xlsx"))
    bulletin = data_quality_bulletin(wb, period, repeat)
    cfg = load_notice_config(wb)
    if kind == "pdf":
        from reviewapp.exports.bulletin_pdf import write_bulletin_pdf

        def write(tmp: Path) -> object:
            return write_bulletin_pdf(tmp, bulletin, cfg.procuratorate, cfg.issuer)
    else:
        from reviewapp.exports.bulletin_xlsx import write_bulletin_xlsx

        def write(tmp: Path) -> object:
            return write_bulletin_xlsx(tmp, bulletin, cfg.procuratorate)

    write_audited(wb, Path(path), "bulletin", period, write, problems=bulletin.total, cases=bulletin.cases_flagged)
    return bulletin
