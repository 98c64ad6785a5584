"""Who is working: the first administrator on an empty database, the login dialog (refusal, lockout after five
wrong passwords), switching user in the main window and changing one's own password."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewapp.domain.roles import Role
from reviewapp.i18n import translate
from reviewapp.services.accounts.users import DEFAULT_LOCKOUT_MINUTES, MAX_FAILED_LOGINS, has_accounts, log_in
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account
from tests.accounts_fixtures import PASSWORD, REVIEWER, login_for, sign_in
from tests.ui.typing import type_text
from ui import app as app_module
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow
from ui.password_dialog import ChangePasswordDialog


def _try(qtbot: QtBot, dialog: LoginDialog, login: str, password: str) -> None:
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.working, timeout=10000)


def test_first_run_creates_the_system_administrator(qtbot: QtBot, empty_wb: Workbench) -> None:
    dialog = app_module.ask_user(empty_wb)
    assert isinstance(dialog, FirstRunDialog)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name, "周管理")
    type_text(qtbot, dialog.unit, "北京市朝阳区人民检察院")
    type_text(qtbot, dialog.department, "案件管理部")
    type_text(qtbot, dialog.login, "zhou")
    dialog.password.setText("s3cret-pass-1")
    dialog.again.setText("s3cret-pass-2")
    dialog.submit()
    assert dialog.error.text() == "两次输入的密码不一致。" and not has_accounts(empty_wb)
    dialog.again.setText("s3cret-pass-1")
    app_module._keep.clear()
    with qtbot.waitSignal(dialog.created, timeout=10000) as got:
        dialog.submit()
    user = got.args[0]
    assert user.login == "zhou" and user.holds(Role.SYSTEM_ADMIN) and empty_wb.user == user
    with empty_wb.db.session() as s:
        stored = s.scalars(select(Account.password_hash)).one()
    assert stored.startswith("$argon2")  # never the password itself
    qtbot.waitUntil(lambda: any(isinstance(w, MainWindow) for w in app_module._keep), timeout=10000)
    window = next(w for w in app_module._keep if isinstance(w, MainWindow))
    qtbot.addWidget(window)
    assert "周管理" in window.windowTitle() and "系统管理员" in window.user_label.text()
    assert window.account.accounts_action.isVisible() or not window.isVisible()
    assert not window.import_action.isEnabled()  # a 系统管理员 manages accounts, not cases
    app_module._keep.clear()


def test_wrong_password_is_refused_and_five_lock_the_account(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "钱评查", roles=[REVIEWER])
    login = login_for("钱评查")
    before = wb.user
    dialog = app_module.ask_user(wb, login)  # --user LOGIN pre-fills the login name
    assert isinstance(dialog, LoginDialog)
    qtbot.addWidget(dialog)
    assert dialog.login.text() == login
    _try(qtbot, dialog, login, "wrong-password")
    assert dialog.error.text() == translate("Accounts", "Wrong login name or password.")
    assert dialog.isVisible() and dialog.password.text() == "" and wb.user == before
    for _ in range(MAX_FAILED_LOGINS - 1):
        _try(qtbot, dialog, login, "wrong-password")
    assert dialog.error.text() == translate(
        "Accounts", "Too many wrong passwords: the account {login} is locked for {n} minutes."
    ).format(login=login, n=DEFAULT_LOCKOUT_MINUTES)
    _try(qtbot, dialog, login, PASSWORD)  # even the right password waits for the lockout to end
    locked = translate("Accounts", "The account {login} is locked after too many wrong passwords until {time}.")
    assert dialog.error.text().startswith(locked.split("{time}")[0].format(login=login))
    assert dialog.isVisible() and wb.user == before


def test_login_dialog_logs_in(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "孙评查", roles=[REVIEWER])
    dialog = LoginDialog.ask(wb)
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.error.text() == "请输入登录名和密码。"
    dialog.login.setText(login_for("孙评查"))
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.loggedIn, timeout=10000) as got:
        dialog.buttons.accepted.emit()
    assert got.args[0].name == "孙评查" and wb.user.name == "孙评查" and not dialog.isVisible()


def test_switch_user_rereads_the_window_for_the_new_user(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "李评查", roles=[REVIEWER])
    admin = sign_in(wb, "赵管理")  # every working role
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    assert "赵管理" in window.windowTitle() and "评查管理员" in window.user_label.text()
    assert window.import_action.isEnabled() and window.account.accounts_action.isVisible()
    dialog = window.account.switch_user()
    qtbot.addWidget(dialog)
    dialog.login.setText(login_for("李评查"))
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "李评查" in window.windowTitle(), timeout=10000)
    assert wb.user.name == "李评查" and wb.user.account_id != admin.account_id
    assert window.user_label.text().endswith("· 评查员")
    assert not window.import_action.isEnabled() and not window.account.accounts_action.isVisible()
    assert window.review_action.isEnabled() and not window.documents.notice_action.isEnabled()


def test_change_own_password(qtbot: QtBot, wb: Workbench) -> None:
    sign_in(wb, "吴评查", roles=[REVIEWER])
    window = MainWindow(wb)
    qtbot.addWidget(window)
    dialog = window.account.change_password()
    assert isinstance(dialog, ChangePasswordDialog)
    qtbot.addWidget(dialog)
    dialog.old.setText(PASSWORD)
    dialog.new.setText("new-password-1")
    dialog.again.setText("new-password-2")
    dialog.submit()
    assert dialog.error.text() == "两次输入的新密码不一致。"
    dialog.old.setText("not-my-password")
    dialog.again.setText("new-password-1")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.working, timeout=10000)
    assert dialog.error.text() == translate("Accounts", "The current password is wrong; the password was not changed.")
    dialog.old.setText(PASSWORD)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.submit()
    assert not dialog.isVisible() and "密码" in window.statusBar().currentMessage()
    assert log_in(wb, login_for("吴评查"), "new-password-1").name == "吴评查"


def test_first_run_with_the_demo_data_and_demo_accounts(qtbot: QtBot, empty_wb: Workbench, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import reviewapp.demo.accounts as demo_accounts

    real = demo_accounts.DemoRun

    def small(out, **kw):  # type: ignore[no-untyped-def]
        kw.update(cases=6, dossiers=False)
        return real(out, **kw)

    monkeypatch.setattr(demo_accounts, "DemoRun", small)
    dialog = app_module.ask_user(empty_wb)
    assert isinstance(dialog, FirstRunDialog)
    qtbot.addWidget(dialog)
    assert not dialog.demo.isHidden()  # a clearly visible option
    dialog.demo.setChecked(True)
    assert not dialog.login.isEnabled() and demo_accounts.DEMO_PASSWORD in dialog.demo_note.text()
    app_module._keep.clear()
    with qtbot.waitSignal(dialog.created, timeout=20000) as got:
        dialog.submit()
    user, demo = got.args
    assert demo and user.holds(Role.REVIEW_ADMIN)
    window = next(w for w in app_module._keep if isinstance(w, MainWindow))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() > 6, timeout=60000)  # the hub shows the imported cases
    assert window.demo_job is not None
    qtbot.waitUntil(window.demo_job.done.is_set, timeout=60000)
    assert empty_wb.user.login == demo_accounts.DEMO_REVIEW_ADMIN.login
    again = LoginDialog.ask(empty_wb)  # switching user later: the demo accounts are listed
    qtbot.addWidget(again)
    assert "reviewer1" in again.demo_hint.text() and not again.demo_hint.isHidden()
    app_module._keep.clear()


def test_the_demo_note_grows_the_first_run_dialog_instead_of_squeezing_its_fields(
    qtbot: QtBot, empty_wb: Workbench
) -> None:
    """Ticking 载入演示数据 shows several wrapped lines: the fields above keep their height."""
    dialog = FirstRunDialog.ask(empty_wb)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    if not dialog.demo.isVisible():  # a build without the demo module has no such note
        return
    before = dialog.height()
    full = dialog.name.sizeHint().height()
    dialog.demo.setChecked(True)
    qtbot.waitUntil(lambda: dialog.demo_note.isVisible())
    fields = (dialog.name, dialog.unit, dialog.department, dialog.login, dialog.password, dialog.again)
    assert all(field.height() >= full for field in fields), [f.height() for f in fields]
    assert dialog.height() > before
    assert dialog.demo_note.height() >= dialog.demo_note.heightForWidth(dialog.demo_note.width())
    dialog.demo.setChecked(False)
    assert dialog.height() == before  # and back


def test_the_demo_hint_found_after_showing_grows_the_login_dialog(qtbot: QtBot, wb: Workbench) -> None:
    """The demo accounts are looked up once the dialog shows (ui/app.py): their hint, several wrapped lines,
    must not squeeze the login fields; a wrapped refusal neither."""
    from ui.login import demo_module

    module = demo_module()
    dialog = LoginDialog.ask(wb)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    full = dialog.login.sizeHint().height()
    if module is not None:  # a build without the demo module shows no hint
        dialog._show_demo_hint(module)
        hint = dialog.demo_hint
        assert hint.isVisible() and hint.height() >= hint.heightForWidth(hint.width())
    assert dialog.login.height() >= full and dialog.password.height() >= full
    dialog.error.setText("账户已锁定。" * 20)  # a long refusal wraps over several lines
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())
    assert dialog.login.height() >= full and dialog.password.height() >= full
