"""Demo accounts: one per role, all with the documented password DEMO_PASSWORD, so a newcomer is one login
away from a working session (README "Demo data"; the GUI shows DEMO_ACCOUNTS on the login dialog).

    add_demo_accounts(wb) -> list[DemoAccount]      the accounts not there yet (the first is the 系统管理员)
    load_demo(wb, folder, ...) -> DemoLoad          demo export + accounts + import, in one call

Reviewers sit in the city procuratorate's 案件管理部, which handles no demo case: no demo case is their own
or their department's, so they may review any of them (review-rules §1, recusal). The 承办检察官 account
belongs to a prosecutor of the imported demo cases, so it is added once those cases are in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from reviewapp.demo.generate import DemoRun
from reviewapp.demo.vocabulary import UNITS
from reviewapp.domain.roles import Action, Role, Scope
from reviewapp.services.accounts import users
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.cases.intake import ImportSummary, import_cases
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, Case, Department, Person, Unit

DEMO_PASSWORD = "demo-2026"
CITY_UNIT = UNITS[0].name  # 临江市人民检察院
CASE_OFFICE = "案件管理部"  # no demo case is handled here
PROSECUTOR_DEPARTMENT = UNITS[0].departments[0]  # 第一检察部
LEADERS = "院领导"


@dataclass(frozen=True)
class DemoAccount:
    login: str
    name: str  # "" for the prosecutor: one of the demo prosecutors, chosen once the cases are imported
    role: Role
    unit: str
    department: str
    staff_no: str  # "D…": never a demo prosecutor's number, so the account gets its own roster entry
    scope: Scope = Scope.PROVINCE


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", "周立新", Role.SYSTEM_ADMIN, CITY_UNIT, CASE_OFFICE, "D0001"),
    DemoAccount("pcadmin", "吴海燕", Role.REVIEW_ADMIN, CITY_UNIT, CASE_OFFICE, "D0002"),
    DemoAccount("reviewer1", "郑晓东", Role.REVIEWER, CITY_UNIT, CASE_OFFICE, "D0003"),
    DemoAccount("reviewer2", "王丽娟", Role.REVIEWER, CITY_UNIT, CASE_OFFICE, "D0004"),
    DemoAccount("panellead", "冯建华", Role.PANEL_LEAD, CITY_UNIT, CASE_OFFICE, "D0005"),
    DemoAccount("casehead", "陈志刚", Role.CASE_MANAGEMENT_HEAD, CITY_UNIT, CASE_OFFICE, "D0006"),
    DemoAccount("prosecutor", "", Role.PROSECUTOR, CITY_UNIT, PROSECUTOR_DEPARTMENT, "", Scope.UNIT),
    DemoAccount("depthead", "褚红梅", Role.DEPARTMENT_HEAD, CITY_UNIT, PROSECUTOR_DEPARTMENT, "D0007", Scope.UNIT),
    DemoAccount("deputy", "卫国平", Role.DEPUTY_CHIEF, CITY_UNIT, LEADERS, "D0008"),
    DemoAccount("chief", "蒋文博", Role.CHIEF, CITY_UNIT, LEADERS, "D0009"),
)
DEMO_ADMIN = DEMO_ACCOUNTS[0]
DEMO_REVIEW_ADMIN = DEMO_ACCOUNTS[1]


@dataclass
class DemoLoad:
    workbook: Path
    imported: ImportSummary
    accounts: list[DemoAccount]  # the accounts added by this call


def _existing_logins(wb: Workbench) -> set[str]:
    with wb.db.session() as s:
        return set(s.scalars(select(Account.login)))


def _demo_prosecutor(wb: Workbench) -> tuple[str, str | None] | None:
    """The demo prosecutor of the city's 第一检察部 with the most cases: (name, staff number)."""
    stmt = (
        select(Person.name, Person.staff_no, func.count(Case.id))
        .join(Case, Case.prosecutor_id == Person.id)
        .join(Unit, Unit.id == Person.unit_id)
        .join(Department, Department.id == Person.department_id)
        .where(Unit.name == CITY_UNIT, Department.name == PROSECUTOR_DEPARTMENT)
        .group_by(Person.id, Person.name, Person.staff_no)
        .order_by(func.count(Case.id).desc(), Person.name)
    )
    with wb.db.session() as s:
        row = s.execute(stmt).first()
    return None if row is None else (row[0], row[1])


def add_demo_accounts(wb: Workbench) -> list[DemoAccount]:
    """Add the demo accounts not there yet and return them (the prosecutor's only once demo cases exist).

    On a database without accounts the demo 系统管理员 comes first (and is logged in to add the others);
    otherwise the user must be allowed to manage accounts. The acting user afterwards is the one before,
    or the demo 系统管理员 when nobody was logged in."""
    added: list[DemoAccount] = []
    if not users.has_accounts(wb):
        a = DEMO_ADMIN
        users.add_first_administrator(
            wb, a.name, a.login, DEMO_PASSWORD, unit=a.unit, department=a.department, staff_no=a.staff_no
        )
        added.append(a)
        users.log_in(wb, a.login, DEMO_PASSWORD)
    existing = _existing_logins(wb)
    for a in DEMO_ACCOUNTS:
        if a.login in existing or a in added:
            continue
        name, staff_no = a.name, a.staff_no
        if a.role is Role.PROSECUTOR:
            found = _demo_prosecutor(wb)
            if found is None:
                continue
            name, staff_no = found[0], found[1] or ""
        users.add_account(
            wb,
            name,
            a.login,
            DEMO_PASSWORD,
            [RoleSpec(a.role, a.scope)],
            unit=a.unit,
            department=a.department,
            staff_no=staff_no,
        )
        added.append(a)
    return added


def load_demo(
    wb: Workbench,
    folder: Path,
    *,
    cases: int = 300,
    dossiers: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    writers: int | None = None,
) -> DemoLoad:
    """Write the demo export of ``cases`` cases in all (the built-in scenario cards included; all of them
    when fewer are asked for) into ``folder``, add the demo accounts and import the cases as the demo
    评查管理员 (the one allowed to import). Afterwards the acting user is the one before; when nobody was
    logged in, the demo 评查管理员 stays logged in. Raises GenerationCancelled / IntakeCancelled on cancel.

    The demo accounts are added while the dossier PDFs are being written (``writers`` processes: see
    generate_demo), and the import waits for them."""
    from reviewapp.demo.full_set import plan_demo
    from reviewapp.services.accounts.passwords import one_hash_per_password

    before = wb.user
    plan = plan_demo(cases)
    bar = _Bar(progress)
    run = DemoRun(folder, cases=plan.random_cases, extra_cards=plan.extra_cards, dossiers=dossiers)
    # The demo accounts share the documented password: it is hashed once, and each login checks it once.
    with run.start(bar.part(0, 650), cancel, writers), one_hash_per_password():
        added = add_demo_accounts(wb)  # while the dossier writers write
        out = run.finish()
        bar.part(650, 700)(1, 1)
        if not wb.permissions.allows(wb.user, Action.IMPORT_CASES):
            users.log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)
        summary = import_cases(wb, out.workbook, cancel=cancel, progress=bar.part(700, 950))
        if not wb.permissions.allows(wb.user, Action.MANAGE_ACCOUNTS):
            users.log_in(wb, DEMO_ADMIN.login, DEMO_PASSWORD)
        added += add_demo_accounts(wb)  # the prosecutor, now that the demo cases are in
        if before.account_id is not None:
            wb.user = before
        else:
            users.log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)
    bar.part(950, 1000)(1, 1)
    return DemoLoad(out.workbook, summary, added)


class _Bar:
    """One progress bar of 1000 steps over the phases of loading the demo (writing, accounts, import)."""

    def __init__(self, progress: Callable[[int, int], None] | None) -> None:
        self.progress = progress

    def part(self, start: int, end: int) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            if self.progress is not None:
                self.progress(start + (end - start) * min(done, total) // max(total, 1), 1000)

        return report
