"""分管: a department's deputy chief in charge determines its 合格 opinions; another deputy is refused in the write
path and sees nothing to determine; the chief still may; a department without one is any deputy's."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.panel import determination as det
from reviewapp.services.panel.queues import Queue, my_queues
from reviewapp.services.panel.supervision import set_department_supervisor
from reviewapp.services.plans.commands import PlanError
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Department, Unit
from tests.accounts_fixtures import login_for, sign_in
from tests.core import test_process_determination as determination_tests
from tests.core.plans_fixtures import ADMIN
from tests.core.process_fixtures import DEPUTY, HANDLER
from tests.core.reviews_fixtures import act_as
from tests.core.test_process_determination import Built, opinion_of, plain, refused

# The determination tests' database (a 基本合格 opinion for the chief, a 合格 one for a deputy), per test a copy.
built = determination_tests.built
wb = determination_tests.wb

OTHER_DEPUTY = "副检丙"


def _department(wb: Workbench, case_id: int) -> tuple[str, str]:
    with wb.db.session() as s:
        name, unit = s.execute(
            select(Department.name, Unit.name)
            .join(Case, Case.department_id == Department.id)
            .join(Unit, Unit.id == Department.unit_id)
            .where(Case.id == case_id)
        ).one()
        return name, unit


def _to_determine(wb: Workbench, who: str) -> list[int]:
    act_as(wb, login_for(who))
    return [i.opinion_id for i in my_queues(wb).get(Queue.DETERMINE, [])]


def test_only_the_deputy_in_charge_determines_the_departments_qualified_opinion(wb: Workbench, built: Built) -> None:
    opinion = opinion_of(wb, built.qualified_case).id
    department, unit = _department(wb, built.qualified_case)
    sign_in(wb, OTHER_DEPUTY, roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.PROVINCE)])
    assert opinion in _to_determine(wb, DEPUTY) and opinion in _to_determine(wb, OTHER_DEPUTY)  # nobody named yet

    act_as(wb, login_for(ADMIN))
    with pytest.raises(PlanError) as not_a_deputy:  # the prosecutor holds no deputy chief role
        set_department_supervisor(wb, department, HANDLER, unit=unit)
    plain(str(not_a_deputy.value))
    set_department_supervisor(wb, department, OTHER_DEPUTY, unit=unit)

    assert opinion not in _to_determine(wb, DEPUTY)
    refused(wb, DEPUTY, lambda: det.determine_opinion(wb, opinion))
    with pytest.raises(NotPermitted) as refusal:
        det.determine_opinion(wb, opinion)
    assert OTHER_DEPUTY in str(refusal.value)  # names the deputy in charge
    assert opinion in _to_determine(wb, OTHER_DEPUTY)
    det.determine_opinion(wb, opinion)
    row = opinion_of(wb, built.qualified_case)
    assert (row.status, row.determination_body) == ("determined", "分管副检察长")


def test_a_department_without_a_deputy_in_charge_is_any_deputys(wb: Workbench, built: Built) -> None:
    opinion = opinion_of(wb, built.qualified_case).id
    department, unit = _department(wb, built.qualified_case)
    sign_in(wb, OTHER_DEPUTY, roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.PROVINCE)])
    act_as(wb, login_for(ADMIN))
    set_department_supervisor(wb, department, OTHER_DEPUTY, unit=unit)
    set_department_supervisor(wb, department, None, unit=unit)  # taken back
    assert opinion in _to_determine(wb, DEPUTY)
    det.determine_opinion(wb, opinion)
    assert opinion_of(wb, built.qualified_case).status == "determined"


def test_naming_the_deputy_in_charge_needs_the_roster_permission(wb: Workbench, built: Built) -> None:
    department, unit = _department(wb, built.qualified_case)
    refused(wb, DEPUTY, lambda: set_department_supervisor(wb, department, DEPUTY, unit=unit))
    act_as(wb, login_for(ADMIN))
    with pytest.raises(PlanError):
        set_department_supervisor(wb, "没有的部门", DEPUTY)


def test_the_deputy_in_charge_on_the_command_line(wb: Workbench, built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.accounts_fixtures import PASSWORD
    from tests.core.cli_fixtures import CliRunner

    department, unit = _department(wb, built.qualified_case)
    sign_in(wb, OTHER_DEPUTY, roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.PROVINCE)])
    with wb.db.session() as s:
        case_no = s.scalar(select(Case.dept_case_no).where(Case.id == built.qualified_case))
    url = wb.db.url
    wb.close()
    cli = CliRunner(url, monkeypatch)
    r = cli("plan", "supervisor", department, OTHER_DEPUTY, "--unit", unit, user=login_for(DEPUTY), password=PASSWORD)
    assert r.code == 2 and r.err.startswith("错误："), r.err  # not the deputy's to change
    r = cli("plan", "supervisor", department, OTHER_DEPUTY, "--unit", unit, user=login_for(ADMIN), password=PASSWORD)
    assert r.code == 0, r.err
    r = cli("determine", case_no, user=login_for(DEPUTY), password=PASSWORD)
    assert r.code == 2 and OTHER_DEPUTY in r.err and "Traceback" not in r.err, r.err
    r = cli("determine", case_no, user=login_for(OTHER_DEPUTY), password=PASSWORD)
    assert r.code == 0, r.err


def test_a_name_the_roster_does_not_know_is_refused_plainly(wb: Workbench, built: Built) -> None:
    from reviewapp.services.plans.roster import set_leader

    department, unit = _department(wb, built.qualified_case)
    act_as(wb, login_for(ADMIN))
    with pytest.raises(PlanError) as several:  # two units have a 第一检察部
        set_department_supervisor(wb, department, DEPUTY)
    assert department in str(several.value)
    for attempt in (
        lambda: set_leader(wb, "查无此人", "院领导"),
        lambda: set_department_supervisor(wb, department, "查无此人", unit=unit),
    ):
        with pytest.raises(PlanError) as unknown:
            attempt()
        assert "查无此人" in str(unknown.value)
        plain(str(unknown.value))
