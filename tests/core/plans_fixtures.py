"""A database for plan tests: three units (a city procuratorate above two district ones), prosecutors with
closed cases, reviewers with accounts, an administrator, the shipped standards.

    p = make_plan_db(tmp_path)         # logged in as the administrator (every working role, province-wide)
    p.act_as("周评查")                  # become a reviewer (no password check)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.plans.commands import PlanSpec, create_plan
from reviewapp.services.reviews.standards_store import ensure_standards, list_standard_versions
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Person
from tests.accounts_fixtures import ALL_ROLES, REVIEWER, login_for, sign_in
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.reviews_fixtures import act_as
from tests.db_target import database_at

CITY = "北京市人民检察院"
CHAOYANG = "北京市朝阳区人民检察院"
HAIDIAN = "北京市海淀区人民检察院"
ADMIN = "方案管理员"
# name → (unit, department): reviewers with the 评查员 role.
REVIEWERS = {
    "李评查": (CITY, "案件管理部"),
    "周评查": (CHAOYANG, "案件管理部"),
    "吴评查": (HAIDIAN, "案件管理部"),
    "王检察官": (CHAOYANG, "第一检察部"),  # handles cases too: never assigned his own
}
# prosecutor → (unit, department, closed cases)
PROSECUTORS = {
    "王检察官": (CHAOYANG, "第一检察部", 25),
    "赵检察官": (HAIDIAN, "第一检察部", 10),
    "钱检察官": (CHAOYANG, "第二检察部", 3),
}


@dataclass
class PlanDb:
    wb: Workbench

    def act_as(self, name: str) -> CurrentUser:
        return act_as(self.wb, login_for(name))

    def admin(self) -> CurrentUser:
        return self.act_as(ADMIN)

    def standard_id(self) -> int:
        return next(v.id for v in list_standard_versions(self.wb) if "审查起诉" in v.case_types)

    def person(self, name: str) -> int:
        with self.wb.db.session() as s:
            return s.scalars(select(Person.id).where(Person.name == name).order_by(Person.id)).first() or 0

    def case(self, no: str) -> int:
        with self.wb.db.session() as s:
            return s.scalars(select(Case.id).where(Case.dept_case_no == no)).one()

    def spec(self, **changes: Any) -> PlanSpec:
        from reviewapp.domain.plans import PlanMode, PlanType

        values: dict[str, Any] = dict(
            name="2025年常规抽查", plan_type=PlanType.ROUTINE, mode=PlanMode.OWN_UNIT, standard_id=self.standard_id()
        )
        values.update(changes)
        return PlanSpec(**values)

    def plan(self, **changes: Any) -> int:
        return create_plan(self.wb, self.spec(**changes)).id

    def close(self) -> None:
        self.wb.close()


def make_plan_db(folder: Path, *, extra_rows: list[dict[str, Any]] | None = None) -> PlanDb:
    wb = Workbench.open(database_at(folder, "plans.sqlite3"))
    sign_in(wb, ADMIN, roles=ALL_ROLES, unit=CITY, department="案件管理部")
    rows, n = [], 0
    for name, (unit, dept, count) in PROSECUTORS.items():
        for _ in range(count):
            n += 1
            rows.append(case_row(n, 承办检察官=name, 承办单位=unit, 承办部门=dept, 电子卷宗=None))
    rows.append(case_row(n + 1, 办结日期="", 电子卷宗=None))  # open: never selected
    rows += extra_rows or []
    summary = import_cases(wb, write_simple_xlsx(folder / "cases.xlsx", rows))
    assert not summary.rejects, summary.rejects
    ensure_standards(wb)
    for name, (unit, dept) in REVIEWERS.items():
        sign_in(wb, name, roles=[REVIEWER], unit=unit, department=dept)
    # The districts sit under the city procuratorate (the roster's unit tree).
    with wb.db.unchecked_session() as s:
        s.execute(
            text("UPDATE units SET parent_id = (SELECT id FROM units WHERE name = :city) WHERE name != :city"),
            {"city": CITY},
        )
    wb.permissions.forget_units()
    db = PlanDb(wb)
    db.admin()
    return db
