"""A small fixed data set for the statistics, built through the real services (import, plans, reviews), with
the figures a person computes by hand from the table below.

Units / prosecutors come from plans_fixtures: 王检察官 (朝阳, 第一检察部), 赵检察官 (海淀, 第一检察部),
钱检察官 (朝阳, 第二检察部). The day an opinion is formed is set by the clock of the forming step
(panel/opinion.utcnow), everything else is the services' own doing.

    case  prosecutor  line  closed       formed       findings (severity)       grade counted
    A1    王          公诉  2026-07-05   2026-08-10   P3瑕                      基本合格   key case (国家赔偿)
    A2    王          公诉  2026-07-06   2026-08-11   P3瑕 D5瑕                 基本合格
    A3    赵          侦监  2026-07-07   2026-08-12   E7错                      不合格     key case (国家赔偿)
    A4    钱          公诉  2026-06-01   2026-08-13   —                         合格
    A5    赵          侦监  2026-06-02   2026-09-14   D5瑕  (2018 scheme)       瑕疵 → 基本合格
    A6    王          公诉  2026-06-03   2026-09-15   P3瑕 E7错                 不合格
    A7    王          公诉  2026-08-01   2026-09-16   P3瑕, grade set to 合格   合格 (chosen grade, not proposal)
    B1    王          公诉  2026-04-01   2026-05-10   —                         合格
    B2    赵          侦监  2026-04-02   2026-05-11   P3瑕                      基本合格
    C1-C4 钱 王 赵 王   公诉  2025-07-01   2025-08-20   C1: E7错, others —        不合格 1, 合格 3
    O1-O2 王          公诉  2026-08-20   (not reviewed)
    D1    王          公诉  2026-08-21   started, never submitted (not counted)

2026Q3: reviewed 7; closed A1 A2 A3 A7 O1 O2 D1 = 7 → ratio 100 %; findings 1+2+1+0+1+2+1 = 8; with problems 6;
grades 优质 0, 合格 2, 基本合格 3 (1 mapped from 瑕疵), 不合格 2. 2026Q2: reviewed 2, closed A4 A5 A6 B1 B2 = 5 (40 %).
2025Q3: reviewed 4, closed 4 (100 %). Items in 2026Q3: P3 in A1 A2 A6 A7 (4 cases), D5 in A2 A5 (2), E7 in A3 A6 (2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.domain.plans import PlanType
from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts import passwords
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.panel import opinion as opinion_module
from reviewapp.services.plans import assignment as assigning
from reviewapp.services.plans import commands as plans
from reviewapp.services.plans import selection
from reviewapp.services.results.setting_specs import ASSIGNMENT_REQUIRED
from reviewapp.services.results.settings import set_setting
from reviewapp.services.reviews.commands import open_review, set_grade_override, submit_review
from reviewapp.services.reviews.findings import record_finding
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Assignment, Person, PlanCase
from tests.accounts_fixtures import sign_in
from tests.core.cli_fixtures import FAST_HASHER
from tests.core.intake_fixtures import case_row
from tests.core.plans_fixtures import CHAOYANG, CITY, HAIDIAN, PlanDb, make_plan_db

WANG, ZHAO, QIAN = "王检察官", "赵检察官", "钱检察官"
UNIT_OF = {WANG: (CHAOYANG, "第一检察部"), ZHAO: (HAIDIAN, "第一检察部"), QIAN: (CHAOYANG, "第二检察部")}
REVIEWER = "孙评查"  # reviews everywhere (province-wide 评查员)
READER = "统计员"  # 案管负责人, province-wide: reads every statistic
HAIDIAN_HEAD = "海淀部门长"  # 部门负责人 of 海淀 only


@dataclass(frozen=True)
class Spec:
    code: str
    prosecutor: str
    line: str
    closed: date
    formed: datetime | None = None  # None: not reviewed
    findings: tuple[tuple[str, str], ...] = ()
    scheme: str | None = None
    grade: str | None = None  # a chosen grade with a reason
    key: bool = False  # 国家赔偿=是: selected by the key-case plan
    started_only: bool = False


def _at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 12, 0)  # noon UTC: the same calendar day in every time zone from −11 to +11


SPECS: tuple[Spec, ...] = (
    Spec("A1", WANG, "公诉", date(2026, 7, 5), _at(2026, 8, 10), (("P3", "瑕"),), key=True),
    Spec("A2", WANG, "公诉", date(2026, 7, 6), _at(2026, 8, 11), (("P3", "瑕"), ("D5", "瑕"))),
    Spec("A3", ZHAO, "侦监", date(2026, 7, 7), _at(2026, 8, 12), (("E7", "错"),), key=True),
    Spec("A4", QIAN, "公诉", date(2026, 6, 1), _at(2026, 8, 13)),
    Spec("A5", ZHAO, "侦监", date(2026, 6, 2), _at(2026, 9, 14), (("D5", "瑕"),), scheme="2018"),
    Spec("A6", WANG, "公诉", date(2026, 6, 3), _at(2026, 9, 15), (("P3", "瑕"), ("E7", "错"))),
    Spec("A7", WANG, "公诉", date(2026, 8, 1), _at(2026, 9, 16), (("P3", "瑕"),), grade="合格"),
    Spec("B1", WANG, "公诉", date(2026, 4, 1), _at(2026, 5, 10)),
    Spec("B2", ZHAO, "侦监", date(2026, 4, 2), _at(2026, 5, 11), (("P3", "瑕"),)),
    Spec("C1", QIAN, "公诉", date(2025, 7, 1), _at(2025, 8, 20), (("E7", "错"),)),
    Spec("C2", WANG, "公诉", date(2025, 7, 1), _at(2025, 8, 20)),
    Spec("C3", ZHAO, "公诉", date(2025, 7, 1), _at(2025, 8, 20)),
    Spec("C4", WANG, "公诉", date(2025, 7, 1), _at(2025, 8, 20)),
    Spec("O1", WANG, "公诉", date(2026, 8, 20)),
    Spec("O2", WANG, "公诉", date(2026, 8, 20)),
    Spec("D1", WANG, "公诉", date(2026, 8, 21), started_only=True),
)


def case_no(code: str) -> str:
    return f"朝检统计受[2026]{code}号"


@dataclass
class AnalysisDb:
    plans: PlanDb
    folder: Path
    cases: dict[str, int] = field(default_factory=dict)  # code → case id
    plan_id: int = 0

    @property
    def wb(self) -> Workbench:
        return self.plans.wb

    def act_as(self, name: str) -> None:
        self.plans.act_as(name)

    def ids(self, *codes: str) -> list[int]:
        return sorted(self.cases[c] for c in codes)

    def person(self, name: str) -> int:
        return self.plans.person(name)

    def close(self) -> None:
        self.plans.close()


def _row(n: int, spec: Spec) -> dict[str, object]:
    unit, dept = UNIT_OF[spec.prosecutor]
    return case_row(
        900 + n,
        部门受案号=case_no(spec.code),
        承办检察官=spec.prosecutor,
        承办单位=unit,
        承办部门=dept,
        办结日期=spec.closed.isoformat(),
        业务条线=spec.line,
        国家赔偿="是" if spec.key else "否",
        电子卷宗=None,
    )


def _key_plan(db: AnalysisDb) -> None:
    """A 重点评查 plan selecting the 国家赔偿 cases closed in July 2026; the assigned reviewers score them."""
    wb = db.wb
    db.plans.admin()
    plan = db.plans.plan(
        name="2026年国家赔偿案件重点评查",
        plan_type=PlanType.KEY,
        reviewers_per_case=1,
        closed_from=date(2026, 7, 1),
        closed_to=date(2026, 7, 31),
        rule={"triggers": ["国家赔偿"]},
    )
    selection.commit_selection(wb, plan)
    plans.open_plan(wb, plan)
    assigning.assign_plan(wb, plan, seed=1)
    db.plan_id = plan


def _assigned(db: AnalysisDb, case_id: int) -> str | None:
    with db.wb.db.session() as s:
        return s.scalar(
            select(Person.name)
            .join(Assignment, Assignment.reviewer_id == Person.id)
            .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
            .where(PlanCase.case_id == case_id, Assignment.deleted_at.is_(None), PlanCase.deleted_at.is_(None))
        )


def _review(db: AnalysisDb, spec: Spec, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = db.cases[spec.code]
    db.act_as(_assigned(db, case_id) or REVIEWER)
    options = {"scheme_id": spec.scheme} if spec.scheme else {}
    review_id = open_review(db.wb, case_id, **options).id
    for item, severity in spec.findings:
        record_finding(db.wb, review_id, item, severity, f"{spec.code}案{item}项存在问题")
    if spec.started_only:
        return
    if spec.grade:
        set_grade_override(db.wb, review_id, spec.grade, "问题轻微，经评查组研究定为合格")
    assert spec.formed is not None
    formed = spec.formed
    with pytest.MonkeyPatch.context() as clock:
        clock.setattr(opinion_module, "utcnow", lambda: formed)
        submit_review(db.wb, review_id)


def make_analysis_db(folder: Path, monkeypatch: pytest.MonkeyPatch) -> AnalysisDb:
    monkeypatch.setattr(passwords, "_hasher", FAST_HASHER)
    p = make_plan_db(folder, extra_rows=[_row(n, s) for n, s in enumerate(SPECS)])
    wb = p.wb
    set_setting(wb, ASSIGNMENT_REQUIRED, False)
    sign_in(wb, REVIEWER, roles=[RoleSpec(Role.REVIEWER, Scope.PROVINCE)], unit=CITY, department="案件管理部")
    sign_in(wb, READER, roles=[RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.PROVINCE)], unit=CITY, department="案件管理部")
    sign_in(wb, HAIDIAN_HEAD, roles=[RoleSpec(Role.DEPARTMENT_HEAD, Scope.UNIT)], unit=HAIDIAN, department="第一检察部")
    db = AnalysisDb(p, folder)
    db.cases = {s.code: p.case(case_no(s.code)) for s in SPECS}
    _key_plan(db)
    for spec in SPECS:
        if spec.formed is not None or spec.started_only:
            _review(db, spec, monkeypatch)
    db.act_as(READER)
    return db
