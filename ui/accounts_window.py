"""The accounts window (账户管理) of a 系统管理员: list accounts, add one, disable or enable it, grant and
remove roles. Every change goes through the accounts service on the write runner; the list follows the hub."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts.permissions import role_name
from reviewapp.services.accounts.users import (
    AccountRow,
    RoleSpec,
    add_account,
    add_role,
    list_accounts,
    remove_role,
    set_account_active,
)
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from ui.hub import hub_for
from ui.ops import is_known
from ui.rows_model import RowsModel
from ui.said_writes import SaidWrites


class AccountsWindow(QDialog):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setObjectName("accountsWindow")
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(900, 560)
        self.accounts: list[AccountRow] = []
        self.model = RowsModel(
            [
                self.tr("Login"),
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Department"),
                self.tr("Roles"),
                self.tr("Active"),
            ]
        )
        self.view = QTableView(self)
        self.view.setObjectName("accountsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.role_combo = QComboBox(self)
        for role in Role:
            self.role_combo.addItem(role_name(role), role)
        self.scope_combo = QComboBox(self)
        for scope, label in (
            (Scope.UNIT, self.tr("own unit")),
            (Scope.UNIT_TREE, self.tr("own unit and the units below")),
            (Scope.PROVINCE, self.tr("the province")),
        ):
            self.scope_combo.addItem(label, scope)
        self.grant_button = QPushButton(self.tr("Grant role"), self)
        self.revoke_button = QPushButton(self.tr("Remove role"), self)
        self.active_button = QPushButton(self.tr("Disable / enable"), self)
        self.grant_button.clicked.connect(self.grant_role)
        self.revoke_button.clicked.connect(self.revoke_role)
        self.active_button.clicked.connect(self.toggle_active)
        actions = QHBoxLayout()
        for w in (self.role_combo, self.scope_combo, self.grant_button, self.revoke_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.active_button)
        self.name = QLineEdit(self)
        self.name.setObjectName("newName")
        self.unit = QLineEdit(self)
        self.department = QLineEdit(self)
        self.login = QLineEdit(self)
        self.login.setObjectName("newLogin")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_role = QComboBox(self)
        for role in Role:
            self.new_role.addItem(role_name(role), role)
        self.new_role.setCurrentIndex(list(Role).index(Role.REVIEWER))
        self.add_button = QPushButton(self.tr("Add account"), self)
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Initial password"), self.password)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow("", self.add_button)
        self.message = QLabel(self)
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        self.writes = SaidWrites(wb, self, self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(QLabel(self.tr("New account"), self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        hub_for(wb).subscribe({Kind.ACCOUNT, Kind.PERSON}, lambda _r: self.reload(), self)
        self.reload()

    def reload(self) -> None:
        keep = self.selected()
        try:
            self.accounts = list_accounts(self.wb)
        except Exception as exc:
            if not is_known(exc):
                raise
            self.accounts = []
            self.message.setText(str(exc))
        yes, no = self.tr("yes"), self.tr("no")
        self.model.set_rows(
            [
                [
                    a.login,
                    a.name,
                    a.unit or "",
                    a.department or "",
                    "、".join(r for r, _s, _u in a.roles),
                    yes if a.active else no,
                ]
                for a in self.accounts
            ],
            list(self.accounts),
        )
        for row, a in enumerate(self.accounts):
            if keep is not None and a.login == keep.login:
                self.view.selectRow(row)

    def selected(self) -> AccountRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.payload(rows[0].row()) if rows else None

    @property
    def pending(self) -> int:
        """Changes sent and not landed yet."""
        return self.writes.pending

    def add(self) -> None:
        wb = self.wb
        name, login, password = self.name.text(), self.login.text(), self.password.text()
        unit, department = self.unit.text(), self.department.text()
        spec = RoleSpec(Role(self.new_role.currentData()))  # Qt hands enum data back as plain text
        self.writes.send(
            lambda: add_account(wb, name, login, password, [spec], unit=unit, department=department),
            self.tr("Account {login} added.").format(login=login.strip()),
        )
        self.password.clear()

    def grant_role(self) -> None:
        account = self.selected()
        if account is None:
            self.message.setText(self.tr("Select an account first."))
            return
        wb, spec = self.wb, RoleSpec(Role(self.role_combo.currentData()), Scope(self.scope_combo.currentData()))
        self.writes.send(lambda: add_role(wb, account.login, spec), self.tr("Role granted."))

    def revoke_role(self) -> None:
        account = self.selected()
        if account is None:
            self.message.setText(self.tr("Select an account first."))
            return
        wb, role = self.wb, Role(self.role_combo.currentData())
        self.writes.send(lambda: remove_role(wb, account.login, role), self.tr("Role removed."))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            self.message.setText(self.tr("Select an account first."))
            return
        wb, active = self.wb, not account.active
        self.writes.send(
            lambda: set_account_active(wb, account.login, active),
            self.tr("Account enabled.") if active else self.tr("Account disabled."),
        )
