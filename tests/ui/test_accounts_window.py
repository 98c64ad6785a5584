"""The administrator's side of the GUI: the accounts window (add, roles, disable) and the audit-trail check
at start that warns when an entry was edited outside the app."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reviewapp.domain.roles import Role
from reviewapp.services.accounts.users import account_by_login
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.db_target import raw_sql
from ui import errors
from ui.accounts_window import AccountsWindow
from ui.main_window import MainWindow


def _settle(qtbot: QtBot, window: AccountsWindow) -> None:
    qtbot.waitUntil(lambda: window.pending == 0, timeout=10000)


def test_add_an_account_grant_a_role_and_disable_it(qtbot: QtBot, qtmodeltester, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(wb)
    qtbot.addWidget(main)
    window = main.account.manage_accounts()
    qtbot.addWidget(window)
    qtmodeltester.check(window.model)
    window.name.setText("钱新人")
    window.unit.setText("北京市朝阳区人民检察院")
    window.login.setText("qianxin")
    window.password.setText("first-pass-1")
    window.add()
    _settle(qtbot, window)
    assert window.message.text() == "已新增账户 qianxin。"
    qtbot.waitUntil(lambda: any(a.login == "qianxin" for a in window.accounts))  # the list follows the hub
    row = next(i for i, a in enumerate(window.accounts) if a.login == "qianxin")
    window.view.selectRow(row)
    window.role_combo.setCurrentIndex(window.role_combo.findData(Role.PANEL_LEAD))
    window.grant_role()
    _settle(qtbot, window)
    assert {r for r, _s, _u in account_by_login(wb, "qianxin").roles} == {"评查员", "评查组长"}
    window.toggle_active()
    _settle(qtbot, window)
    assert not account_by_login(wb, "qianxin").active and window.message.text() == "账户已停用。"

    row = next(i for i, a in enumerate(window.accounts) if a.login == wb.user.login)
    window.view.selectRow(row)
    window.toggle_active()  # one's own account: refused in plain words
    _settle(qtbot, window)
    assert window.message.text() and "抱歉" not in window.message.text()
    assert account_by_login(wb, wb.user.login).active


def test_an_edited_audit_entry_warns_the_administrator_at_start(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "孙评查", roles=[REVIEWER])  # more entries in the chain
    sign_in(wb, "界面测试员")  # back to the administrator
    raw_sql(wb.db.url, "UPDATE audit_entries SET action = 'account.edit' WHERE seq = 2")
    window = MainWindow(wb)
    qtbot.addWidget(window)
    job = window.account.verify_audit()
    assert job is not None
    qtbot.waitUntil(lambda: bool(window.account.audit_warning), timeout=10000)
    assert "2" in window.account.audit_warning
    assert errors._open_boxes and errors._open_boxes[-1].text() == window.account.audit_warning
    errors._open_boxes[-1].close()


def test_no_audit_check_for_a_reviewer(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "周评查", roles=[REVIEWER])
    window = MainWindow(wb)
    qtbot.addWidget(window)
    assert window.account.verify_audit() is None
    assert not window.account.accounts_action.isVisible()
