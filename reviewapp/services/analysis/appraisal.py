"""Results into appraisal (结果运用): a per-prosecutor score sheet for the personnel department.

    sheet = appraisal_sheet(wb, parse_period("2026Q1"))
    export_appraisal(wb, period, Path("考核.xlsx"))

Each case whose review file was determined (审定, review_status.NOTICEABLE) within the period counts once
for its handling prosecutor with the points of its determined grade (setting ``appraisal.points``: lines
"grade=points", and "grade@review type=points" for one review type). The case-quality component starts at
``appraisal.base`` and stays within 0 … ``appraisal.maximum`` (one province: 优质 +5/+3, 瑕疵 −5/−3, 不合格
−8/−6 in a 40-point component). 瑕疵 (the 2018 scheme) and 基本合格 (2026) stand for each other when only one
of them is configured (review-rules §2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from reviewapp.domain.review_status import NOTICEABLE
from reviewapp.i18n import translate
from reviewapp.services.analysis.periodic_common import OutputError, units_in_scope, write_audited
from reviewapp.services.analysis.periods import Period
from reviewapp.services.results.ledger import ReviewedCase, load_reviewed_cases
from reviewapp.services.results.setting_specs import APPRAISAL_BASE, APPRAISAL_MAXIMUM, APPRAISAL_POINTS
from reviewapp.services.results.settings import get_setting, load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case

# The sheet's grade columns, in order; 瑕疵 and 基本合格 share one column (review-rules §2 mapping).
GRADES = ("优质", "合格", "基本合格", "不合格")
_SAME = {"瑕疵": "基本合格", "基本合格": "瑕疵"}


def grade_column(grade: str) -> str:
    """The sheet column of a grade: 瑕疵 (2018 scheme) counts as 基本合格 (2026), "合格案件" as 合格."""
    g = grade.removesuffix("案件")
    return "基本合格" if g == "瑕疵" else g


@dataclass(frozen=True)
class PointsTable:
    """Points per grade, with overrides per review type."""

    points: dict[str, int]
    by_type: dict[tuple[str, str], int] = field(default_factory=dict)
    base: int = 30
    maximum: int = 40

    def for_case(self, grade: str, review_type: str) -> int:
        g = grade.removesuffix("案件")
        for key in (g, _SAME.get(g, "")):
            if (key, review_type) in self.by_type:
                return self.by_type[(key, review_type)]
        for key in (g, _SAME.get(g, "")):
            if key in self.points:
                return self.points[key]
        return 0

    def score(self, total_points: int) -> int:
        return max(0, min(self.maximum, self.base + total_points))


def parse_points(lines: Sequence[str], base: int = 30, maximum: int = 40) -> PointsTable:
    """The table from the setting's lines; a line that is not grade=points is refused with a plain message."""
    points: dict[str, int] = {}
    by_type: dict[tuple[str, str], int] = {}
    for line in lines:
        key, sep, value = line.replace("＝", "=").partition("=")
        try:
            number = int(value.strip().replace("＋", "+").replace("－", "-").replace("−", "-"))
        except ValueError:
            number = None
        if not sep or number is None or not key.strip():
            raise OutputError(
                translate(
                    "Analysis", "The appraisal points line “{line}” is not grade=points (e.g. 优质=5 or 不合格=-8)."
                ).format(line=line)
            )
        grade, _, review_type = key.strip().partition("@")
        if review_type.strip():
            by_type[(grade.strip(), review_type.strip())] = number
        else:
            points[grade.strip()] = number
    return PointsTable(points, by_type, base, maximum)


def load_points(wb: Workbench) -> PointsTable:
    return parse_points(
        list(get_setting(wb, APPRAISAL_POINTS)),
        int(get_setting(wb, APPRAISAL_BASE)),
        int(get_setting(wb, APPRAISAL_MAXIMUM)),
    )


@dataclass(frozen=True)
class AppraisalCase:
    prosecutor_id: int
    dept_case_no: str
    case_name: str
    review_no: str
    review_type: str
    grade: str
    determined_on: date
    points: int


@dataclass(frozen=True)
class AppraisalRow:
    """One prosecutor's line: cases per grade (GRADES order), the points and the component score."""

    prosecutor_id: int
    unit: str
    department: str
    prosecutor: str
    cases: int
    by_grade: tuple[int, ...]
    points: int
    score: int


@dataclass(frozen=True)
class AppraisalSheet:
    period: Period
    table: PointsTable
    rows: list[AppraisalRow]
    cases: list[AppraisalCase]


def determined_cases(wb: Workbench, period: Period) -> list[ReviewedCase]:
    """The results determined within ``period`` of the cases in the user's scope, in case number order."""
    scope = units_in_scope(wb)
    cfg = load_notice_config(wb)
    with wb.db.session() as s:
        ids: list[int] | None = None
        if scope is not None:
            ids = list(s.scalars(select(Case.id).where(Case.unit_id.in_(sorted(scope))))) if scope else []
        reviewed = load_reviewed_cases(s, ids, cfg, statuses=NOTICEABLE) if ids is None or ids else {}
    out = [r for r in reviewed.values() if r.determined_on is not None and period.contains(r.determined_on)]
    return sorted(out, key=lambda r: r.dept_case_no)


def appraisal_sheet(wb: Workbench, period: Period, table: PointsTable | None = None) -> AppraisalSheet:
    table = table or load_points(wb)
    cases: list[AppraisalCase] = []
    people: dict[int, tuple[str, str, str]] = {}
    for r in determined_cases(wb, period):
        assert r.determined_on is not None  # determined_cases keeps determined results only
        grade = r.final_grade or r.grade
        cases.append(
            AppraisalCase(
                r.prosecutor_id,
                r.dept_case_no,
                r.case_name,
                r.review_no,
                r.review_type,
                grade,
                r.determined_on,
                table.for_case(grade, r.review_type),
            )
        )
        people[r.prosecutor_id] = (r.unit, r.department, r.prosecutor)
    rows: list[AppraisalRow] = []
    for pid, (unit, department, name) in people.items():
        mine = [c for c in cases if c.prosecutor_id == pid]
        by_grade = tuple(sum(1 for c in mine if grade_column(c.grade) == col) for col in GRADES)
        total = sum(c.points for c in mine)
        rows.append(AppraisalRow(pid, unit, department, name, len(mine), by_grade, total, table.score(total)))
    rows.sort(key=lambda r: (r.unit, r.department, -r.score, r.prosecutor))
    return AppraisalSheet(period, table, rows, cases)


def export_appraisal(wb: Workbench, period: Period, path: Path) -> AppraisalSheet:
    """Write the appraisal sheet of ``period`` to ``path`` (.xlsx) as an audited export."""
    from reviewapp.exports.appraisal_xlsx import write_appraisal_xlsx
    from reviewapp.services.analysis.periodic_common import file_kind

    file_kind(Path(path), ("xlsx",))
    sheet = appraisal_sheet(wb, period)
    cfg = load_notice_config(wb)
    write_audited(
        wb,
        Path(path),
        "appraisal",
        period,
        lambda tmp: write_appraisal_xlsx(tmp, sheet, cfg.procuratorate),
        prosecutors=len(sheet.rows),
        cases=len(sheet.cases),
    )
    return sheet
