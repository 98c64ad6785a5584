"""The roster as its administrator reads it: only the units they may manage, departments in the order recorded,
each with its deputy chief in charge (分管) and the unit's deputy chiefs, people with their leader mark."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.panel.supervision import set_department_supervisor
from reviewapp.services.plans.roster import set_leader
from reviewapp.services.plans.roster_view import roster_view
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.services_fixtures import open_workbench

HERE, THERE = "北京市朝阳区人民检察院", "北京市海淀区人民检察院"


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    sign_in(bench, "副检甲", roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.UNIT)], unit=HERE)
    sign_in(bench, "副检丁", roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.UNIT)], unit=THERE)
    for name, unit, department in (
        ("张检察官", HERE, "第一检察部"),
        ("李检察官", HERE, "第二检察部"),
        ("钱检察官", HERE, "第三检察部"),
        ("孙检察官", THERE, "第一检察部"),
    ):
        sign_in(bench, name, roles=[REVIEWER], unit=unit, department=department)
    sign_in(bench, "朝阳评查管理员", roles=[RoleSpec(Role.REVIEW_ADMIN, Scope.UNIT)], unit=HERE)
    yield bench
    bench.close()


def test_the_roster_shows_the_administrators_units_only(wb: Workbench) -> None:
    set_department_supervisor(wb, "第二检察部", "副检甲", unit=HERE)
    set_leader(wb, "李检察官", "部门负责人", unit=HERE)
    view = roster_view(wb)
    assert [(d.unit, d.name, d.supervisor, d.deputies) for d in view.departments] == [
        (HERE, "第一检察部", None, ("副检甲",)),
        (HERE, "第二检察部", "副检甲", ("副检甲",)),
        (HERE, "第三检察部", None, ("副检甲",)),
    ]
    people = {p.name: (p.unit, p.department, p.leader) for p in view.people}
    assert people["李检察官"] == (HERE, "第二检察部", "部门负责人")
    assert "孙检察官" not in people and "副检丁" not in people  # another unit's roster
    with pytest.raises(NotPermitted):  # and the write path refuses it the same way
        set_leader(wb, "孙检察官", "院领导", unit=THERE)


def test_a_reviewer_reads_no_roster(wb: Workbench) -> None:
    sign_in(wb, "张检察官", roles=[REVIEWER])
    with pytest.raises(NotPermitted):
        roster_view(wb)
