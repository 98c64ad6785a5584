"""Self-check accounts and forms for tests.

prepare_selfcheck_accounts(wb, unit, department)   the handling prosecutor 王检察官 (承办检察官, "pros")
                                                    and a 部门负责人 of his department ("head")
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewapp.domain.roles import Role
from reviewapp.domain.selfcheck import FormKind
from reviewapp.services.accounts import users
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import PASSWORD, ROOT_LOGIN

PROSECUTOR_LOGIN = "pros"
HEAD_LOGIN = "head"


def prepare_selfcheck_accounts(wb: Workbench, unit: str, department: str, prosecutor: str = "王检察官") -> None:
    """Create (once) the prosecutor's and the department head's accounts; the acting user is kept."""
    prior = wb.user
    try:
        users.account_by_login(wb, PROSECUTOR_LOGIN)
    except users.AccountError:
        users.log_in(wb, ROOT_LOGIN, PASSWORD)
        users.add_account(
            wb, prosecutor, PROSECUTOR_LOGIN, PASSWORD, [RoleSpec(Role.PROSECUTOR)], unit=unit, department=department
        )
        users.add_account(
            wb, "刘主任", HEAD_LOGIN, PASSWORD, [RoleSpec(Role.DEPARTMENT_HEAD)], unit=unit, department=department
        )
    wb.user = prior


SELF_FILE = "自查表.xlsx"


def _form_id(wb: Workbench, case_id: int) -> int:
    from sqlalchemy import select

    from reviewapp.storage.models import SelfCheck

    with wb.db.session() as s:
        return int(s.scalars(select(SelfCheck.id).where(SelfCheck.case_id == case_id)).one())


def prepare_selfcheck_forms(wb: Workbench, tmp: Path, unit: str, cases: list[int]) -> None:
    """For the write-path recipes: the accounts, a draft 个人自查表 of the first case, and an exported form of
    the third case in ``tmp``."""
    from reviewapp.services.selfcheck.excel import export_selfcheck
    from reviewapp.services.selfcheck.forms import selfcheck_for, start_selfcheck

    prepare_selfcheck_accounts(wb, unit, "第一检察部")
    prior = wb.user
    users.log_in(wb, PROSECUTOR_LOGIN, PASSWORD)
    if selfcheck_for(wb, cases[0], FormKind.SELF) is None:
        start_selfcheck(wb, cases[0], FormKind.SELF)
    if not (tmp / SELF_FILE).exists():
        export_selfcheck(wb, cases[2], FormKind.SELF, tmp / SELF_FILE)
    wb.user = prior


def _answers(wb: Workbench, form_id: int) -> dict[str, tuple[str, str]]:
    from reviewapp.services.selfcheck.forms import form_row, load_form

    with wb.db.session() as s:
        form = form_row(s, load_form(s, form_id))
    return {i.code: ("否", i.note) if i.note else ("是", "") for i in form.items}


def selfcheck_recipes() -> dict[str, tuple[str, Callable[[Any], Any], Callable[[Any], list[Path]]]]:
    """name → (login, run(ctx), files written) for tests/core/test_write_path.py."""
    from reviewapp.services.selfcheck.excel import export_selfcheck, import_selfcheck
    from reviewapp.services.selfcheck.forms import save_selfcheck, start_selfcheck, submit_selfcheck

    def none(c: Any) -> list[Path]:
        return []

    def save(c: Any) -> Any:
        form = _form_id(c.wb, c.case(1))
        return save_selfcheck(c.wb, form, {code: ("是", "") for code in list(_answers(c.wb, form))[:1]})

    def submit(c: Any) -> Any:
        form = _form_id(c.wb, c.case(1))
        return submit_selfcheck(c.wb, form, _answers(c.wb, form))

    return {
        "selfcheck.start": (PROSECUTOR_LOGIN, lambda c: start_selfcheck(c.wb, c.case(2), FormKind.SELF), none),
        "selfcheck.save": (PROSECUTOR_LOGIN, save, none),
        "selfcheck.submit": (PROSECUTOR_LOGIN, submit, none),
        "selfcheck.export": (
            PROSECUTOR_LOGIN,
            lambda c: export_selfcheck(c.wb, c.case(2), FormKind.SELF, c.tmp / "导出自查表.xlsx"),
            lambda c: [c.tmp / "导出自查表.xlsx"],
        ),
        "selfcheck.import": (PROSECUTOR_LOGIN, lambda c: import_selfcheck(c.wb, c.tmp / SELF_FILE), none),
    }
