"""The roster window: a roster administrator names a department's deputy chief in charge (分管) and marks leaders
(院领导 / 部门负责人) through the write path; a user without the right sees neither the menu entry nor the data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.plans.roster_view import roster_view
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Department, Person
from tests.accounts_fixtures import REVIEWER, sign_in
from ui.main_window import MainWindow
from ui.roster_window import RosterWindow

UNIT = "北京市朝阳区人民检察院"
DEPARTMENT = "第一检察部"
DEPUTY = "副检甲"
PROSECUTOR = "张检察官"


def _roster(wb: Workbench) -> None:
    sign_in(wb, DEPUTY, roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.UNIT)], unit=UNIT)
    sign_in(wb, PROSECUTOR, roles=[REVIEWER], unit=UNIT, department=DEPARTMENT)
    sign_in(wb, "界面测试员")  # back to the administrator


def _settle(qtbot: QtBot, window: RosterWindow) -> None:
    qtbot.waitUntil(lambda: window.pending == 0, timeout=10000)


def _row(model, column: int, text: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, column)) == text)


def test_name_the_deputy_in_charge_and_mark_a_leader(qtbot: QtBot, qtmodeltester, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    _roster(wb)
    main = MainWindow(wb)
    qtbot.addWidget(main)
    main.show()
    assert main.account.roster_action.isVisible()
    window = main.account.manage_roster()
    qtbot.addWidget(window)
    qtmodeltester.check(window.departments)
    qtmodeltester.check(window.leaders)

    row = _row(window.departments, 1, DEPARTMENT)
    assert window.departments.data(window.departments.index(row, 2)) == "未指定（本院任一副检察长）"
    window.dept_view.selectRow(row)
    offered = [window.deputy_combo.itemText(i) for i in range(window.deputy_combo.count())]
    assert offered == ["不指定（本院任一副检察长）", DEPUTY]  # the unit's deputy chiefs only
    window.deputy_combo.setCurrentIndex(1)
    qtbot.mouseClick(window.deputy_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window)
    assert window.message.text() == f"{DEPUTY}已分管{DEPARTMENT}。"
    with wb.db.session() as s:
        dept = s.scalars(select(Department).where(Department.name == DEPARTMENT)).one()
        deputy_id = s.scalars(select(Person.id).where(Person.name == DEPUTY)).one()
        assert dept.supervisor_id == deputy_id
    qtbot.waitUntil(lambda: window.departments.data(window.departments.index(row, 2)) == DEPUTY)  # follows the hub
    assert window.selected_department() is not None and window.deputy_combo.currentText() == DEPUTY

    window.tabs.setCurrentIndex(1)
    window.filter.setText("张检")  # as an input method commits it
    assert window.leaders.rowCount() == 1
    window.people_view.selectRow(0)
    window.title_combo.setCurrentIndex(window.title_combo.findData("院领导"))
    qtbot.mouseClick(window.title_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window)
    assert window.message.text() == f"{PROSECUTOR}已标记为院领导。"
    qtbot.waitUntil(lambda: window.leaders.data(window.leaders.index(0, 3)) == "院领导")
    with wb.db.session() as s:
        assert s.scalars(select(Person.leader).where(Person.name == PROSECUTOR)).one() == "院领导"

    window.title_combo.setCurrentIndex(0)
    window.set_title()
    _settle(qtbot, window)
    with wb.db.session() as s:
        assert s.scalars(select(Person.leader).where(Person.name == PROSECUTOR)).one() is None


def test_a_reviewer_has_no_roster(qtbot: QtBot, wb: Workbench) -> None:
    _roster(wb)
    sign_in(wb, PROSECUTOR, roles=[REVIEWER])
    main = MainWindow(wb)
    qtbot.addWidget(main)
    main.show()
    assert not main.account.roster_action.isVisible()
    with pytest.raises(NotPermitted):  # the read itself is refused in the core, not only the menu entry
        roster_view(wb)
