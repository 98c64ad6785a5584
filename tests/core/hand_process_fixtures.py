"""Databases for the hand-computed process cases (test_hand_computed_process*.py), built through the real
services once per module and copied for each test.

plans_template(folder): make_plan_db's three units and reviewers, plus
  - 东城 (SAMPLING_UNIT, under the city procuratorate): prosecutors with the closed-case counts of SAMPLED;
    庚 marked 院领导, 辛 marked 部门负责人 on the roster, 壬 holding a 检察长 account without a roster mark;
  - 孙检察官: a 评查员 of 朝阳 第一检察部 (the department of 王检察官's cases), handling no case;
  - 冯副检察长 (海淀 第二检察部, a 分管副检察长 account) and 蒋检察长 (the city procuratorate, a 检察长 account),
    one closed case each (DEPUTY_CASE, CITY_CHIEF_CASE).
key_case_cards(): hand-built cards for a key-case plan, with the triggers each must fire.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewapp.demo.scenarios import arrest_card, prosecution_card
from reviewapp.domain.case_card import CaseCard
from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.plans.roster import set_leader
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Person
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.intake_fixtures import case_row
from tests.core.plans_fixtures import CHAOYANG, CITY, HAIDIAN, PlanDb, make_plan_db
from tests.db_target import Target, copy_database, database_at

SAMPLING_UNIT = "北京市东城区人民检察院"
# prosecutor → closed cases in 东城
SAMPLED = {
    "甲检察官": 19,
    "乙检察官": 20,
    "丙检察官": 21,
    "丁检察官": 39,
    "戊检察官": 41,
    "己检察官": 1,
    "庚检察官": 1,  # roster mark 院领导
    "辛检察官": 19,  # roster mark 部门负责人
    "壬检察官": 19,  # a 检察长 account, no roster mark
}
DEPUTY, CITY_CHIEF, SAME_DEPARTMENT = "冯副检察长", "蒋检察长", "孙检察官"
DEPUTY_CASE, CITY_CHIEF_CASE = "朝检刑诉受[2025]300号", "朝检刑诉受[2025]301号"


def plans_template(folder: Path) -> Target:
    rows: list[dict[str, Any]] = []
    n = 1000
    for name, count in SAMPLED.items():
        for _ in range(count):
            n += 1
            rows.append(case_row(n, 承办检察官=name, 承办单位=SAMPLING_UNIT, 承办部门="第一检察部", 电子卷宗=None))
    rows.append(case_row(300, 承办检察官=DEPUTY, 承办单位=HAIDIAN, 承办部门="第二检察部", 电子卷宗=None))
    rows.append(case_row(301, 承办检察官=CITY_CHIEF, 承办单位=CITY, 承办部门="第一检察部", 电子卷宗=None))
    p = make_plan_db(folder, extra_rows=rows)
    wb = p.wb
    sign_in(wb, SAME_DEPARTMENT, roles=[REVIEWER], unit=CHAOYANG, department="第一检察部")
    sign_in(wb, DEPUTY, roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.UNIT)], unit=HAIDIAN, department="第二检察部")
    sign_in(wb, CITY_CHIEF, roles=[RoleSpec(Role.CHIEF, Scope.UNIT)], unit=CITY, department="第一检察部")
    sign_in(wb, "壬检察官", roles=[RoleSpec(Role.CHIEF, Scope.UNIT)], unit=SAMPLING_UNIT, department="第一检察部")
    p.admin()
    set_leader(wb, "庚检察官", "院领导")
    set_leader(wb, "辛检察官", "部门负责人")
    p.close()
    return database_at(folder, "plans.sqlite3")


def open_copy(template: Target, folder: Path) -> PlanDb:
    p = PlanDb(Workbench.open(copy_database(template, folder, "plans.sqlite3")))
    p.admin()
    return p


def cases_of(wb: Workbench, prosecutor: str) -> list[str]:
    """The closed cases of ``prosecutor``, by 部门受案号, in id order."""
    with wb.db.session() as s:
        return list(
            s.scalars(
                select(Case.dept_case_no)
                .join(Person, Person.id == Case.prosecutor_id)
                .where(Person.name == prosecutor, Case.closed_on.is_not(None))
                .order_by(Case.id)
            )
        )


# --- key-case cards --------------------------------------------------------------------------------------

D = dt.date
ACCEPTED, CLOSED = D(2025, 5, 12), D(2025, 6, 6)
REFUSED_ARREST_NO = "手工统一-0002"  # the 统一受案号 card 2 (存疑不捕) shares with card 5 (不诉)


def _p(serial: int, disposition: str = "起诉", detained: bool = False, **suspect: Any) -> CaseCard:
    return prosecution_card(serial, ACCEPTED, CLOSED, detained=detained, disposition=disposition, suspect=suspect)


def _a(serial: int, disposition: str, detained: bool, **changes: Any) -> CaseCard:
    return arrest_card(serial, ACCEPTED, D(2025, 5, 15), detained=detained, disposition=disposition, **changes)


def key_case_cards() -> list[tuple[CaseCard, set[str]]]:
    """(card, the triggers of KEY_TRIGGERS it fires). prosecution_card's suspect is 逮捕 when detained, else
    取保候审 with no 逮捕日期; its 起诉罪名 is 盗窃罪."""
    not_prosecuted = prosecution_card(5, ACCEPTED, CLOSED, detained=False, disposition="不起诉（存疑）")
    return [
        (_a(1, "不批准逮捕（绝对不捕）", True), {"绝对不捕"}),
        (_a(2, "不批准逮捕（存疑不捕）", False, unified_case_no=REFUSED_ARREST_NO), set()),
        (_a(3, "批准逮捕", True), set()),
        (_p(4, "不起诉（酌定）", detained=True), {"捕后不诉"}),
        (dataclasses.replace(not_prosecuted, unified_case_no=REFUSED_ARREST_NO), {"不捕后不诉"}),
        (_p(6, "不起诉（酌定）", arrested_on=D(2025, 4, 20)), {"捕后不诉"}),  # arrested, later on bail
        (_p(7, "不起诉（酌定）"), set()),  # bail only, never arrested
        (_p(8, "撤回起诉"), {"撤回起诉"}),
        (_p(9, judged_charge="无罪", sentence="无罪"), {"无罪"}),
        (_p(10, judged_charge="盗窃", sentence="有期徒刑六个月"), set()),  # 盗窃 = 盗窃罪
        (_p(11, judged_charge="诈骗罪", sentence="有期徒刑六个月"), {"诉判不一（罪名）"}),
        (_p(12, "附条件不起诉", detained=True), set()),
        (_p(13), set()),  # 起诉, no judgment on the card
    ]


KEY_TRIGGERS = ["绝对不捕", "捕后不诉", "不捕后不诉", "撤回起诉", "无罪", "诉判不一（罪名）"]
