"""Demo data gives a newcomer one account per role with the documented password, linked to sensible people."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from reviewapp.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_REVIEW_ADMIN, load_demo
from reviewapp.domain.roles import Role
from reviewapp.services.accounts import users
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Person
from tests.db_target import database_at


def test_demo_load_on_a_fresh_database_gives_every_role_an_account(tmp_path: Path) -> None:
    wb = Workbench.open(database_at(tmp_path, "demo.sqlite3"))
    try:
        loaded = load_demo(wb, tmp_path / "demo", cases=100, dossiers=False)
        assert loaded.imported.imported == 100 and not loaded.imported.rejects
        assert sorted(a.login for a in loaded.accounts) == sorted(a.login for a in DEMO_ACCOUNTS)
        assert {a.role for a in DEMO_ACCOUNTS} == set(Role)  # every role of review-rules §1
        assert wb.user.login == DEMO_REVIEW_ADMIN.login  # nobody was logged in: a working session
        users.log_in(wb, "admin", DEMO_PASSWORD)  # only a 系统管理员 lists accounts
        rows = {r.login: r for r in users.list_accounts(wb)}
        for a in DEMO_ACCOUNTS:
            assert [r[0] for r in rows[a.login].roles] == [a.role.value]
            assert users.log_in(wb, a.login, DEMO_PASSWORD).login == a.login
        with wb.db.session() as s:
            case_departments = set(s.scalars(select(Case.department_id).distinct()))
            prosecutor = s.get(Person, rows["prosecutor"].person_id)
            assert prosecutor is not None and prosecutor.is_prosecutor
            assert s.scalar(select(Case.id).where(Case.prosecutor_id == prosecutor.id)) is not None
            for login in ("reviewer1", "reviewer2", "panellead"):
                reviewer = s.get(Person, rows[login].person_id)
                assert reviewer is not None and not reviewer.is_prosecutor
                assert reviewer.department_id not in case_departments  # no conflict with any demo case
        # Loading again adds nothing and keeps the acting user.
        users.log_in(wb, "admin", DEMO_PASSWORD)
        again = load_demo(wb, tmp_path / "demo2", cases=100, dossiers=False)
        assert again.accounts == [] and again.imported.imported == 0
        assert wb.user.login == "admin"
    finally:
        wb.close()
