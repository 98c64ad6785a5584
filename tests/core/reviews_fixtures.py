"""A small database for review tests: closed and open cases with dossier documents, a reviewer with an
account who is logged in, and a headless runner of the review commands (the wiring reviewapp/cli gives them).

    db = make_review_db(tmp_path)       # logged in as REVIEWER (评查员, province-wide)
    with db.as_admin(): ...             # act as an administrator holding every working role
    db.sign_in_as("赵评查", unit=...)   # act as another person (an account is made the first time)
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from reviewapp.cli.main import _emit
from reviewapp.cli.reviews import add_parsers, dispatch
from reviewapp.services.accounts.current import CurrentUser, current_user_in
from reviewapp.services.accounts.users import RoleSpec, log_in
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.reviews.commands import ensure_standards
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, AuditEntry, Case, DossierDocument
from tests.accounts_fixtures import ALL_ROLES, PASSWORD, login_for, sign_in
from tests.accounts_fixtures import REVIEWER as REVIEWER_ROLE
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.db_target import Target, database_at

CLOSED = "朝检刑诉受[2025]1号"  # 审查起诉, closed, dossier 起诉书 + 审查报告
OPEN = "朝检刑诉受[2025]2号"  # no 办结日期
ARREST = "朝检刑诉受[2025]3号"  # 审查逮捕, closed
OTHER = "朝检刑诉受[2025]4号"  # 其他: no standard covers it
PROSECUTOR = "王检察官"
PROSECUTOR_UNIT = "北京市朝阳区人民检察院"
REVIEWER = "李评查"
REVIEWER_UNIT = "北京市人民检察院"
REVIEWER_DEPARTMENT = "案件管理部"
ADMIN = "评查管理员甲"


@dataclass
class ReviewDb:
    wb: Workbench
    path: Target  # the database (a file, or a server URL): what --db takes
    reviewer_id: int
    case_ids: dict[str, int]
    documents: dict[str, int]  # title → document id of the CLOSED case

    def close(self) -> None:
        self.wb.close()

    def sign_in_as(
        self,
        name: str,
        *,
        roles: Sequence[RoleSpec] = (REVIEWER_ROLE,),
        unit: str = REVIEWER_UNIT,
        department: str = "",
    ) -> CurrentUser:
        return sign_in(self.wb, name, roles=roles, unit=unit, department=department)

    def act_as(self, name: str) -> CurrentUser:
        """Become the user of an existing account (no password check: Argon2 costs ~0.3 s a login)."""
        return act_as(self.wb, login_for(name))

    def as_reviewer(self) -> CurrentUser:
        return self.act_as(REVIEWER)

    @contextmanager
    def as_admin(self) -> Iterator[CurrentUser]:
        """Act as the administrator (every working role), then as whoever acted before."""
        before = self.wb.user
        try:
            yield self.act_as(ADMIN)
        finally:
            self.wb.user = before

    def audit_count(self) -> int:
        with self.wb.db.session() as s:
            return s.scalar(select(func.count(AuditEntry.seq))) or 0


def act_as(wb: Workbench, login: str) -> CurrentUser:
    with wb.db.session() as s:
        account = s.scalars(select(Account).where(Account.login == login)).one()
        wb.user = current_user_in(s, account)
    return wb.user


def _dossier(folder: Path, n: int, names: list[str]) -> str:
    paths = []
    for name in names:
        f = folder / "卷宗" / str(n) / f"{name}.pdf"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(f"%PDF-1.4 {n} {name}\n".encode())  # content only has to be distinct per file
        paths.append(f"卷宗/{n}/{name}.pdf")
    return "；".join(paths)


def make_review_db(folder: Path) -> ReviewDb:
    """Cases imported and standards stored by the administrator; then the reviewer 李评查 (评查员 of another
    unit, so never in conflict with the cases) is logged in."""
    rows = [
        case_row(1, 电子卷宗=_dossier(folder, 1, ["起诉书", "审查报告"])),
        case_row(2, 办结日期="", 电子卷宗=_dossier(folder, 2, ["起诉意见书"])),
        case_row(3, 案件类别="审查逮捕", 电子卷宗=_dossier(folder, 3, ["提请批准逮捕书"])),
        case_row(4, 案件类别="其他", 电子卷宗=_dossier(folder, 4, ["材料"])),
    ]
    export = write_simple_xlsx(folder / "export.xlsx", rows)
    db_path = database_at(folder)
    wb = Workbench.open(db_path)
    sign_in(wb, ADMIN, roles=ALL_ROLES)
    summary = import_cases(wb, export)
    assert summary.imported == 4 and not summary.rejects, summary.rejects
    ensure_standards(wb)
    reviewer = sign_in(wb, REVIEWER, roles=[REVIEWER_ROLE], unit=REVIEWER_UNIT, department=REVIEWER_DEPARTMENT)
    assert reviewer.person_id is not None
    with wb.db.session() as s:
        case_ids = {no: cid for cid, no in s.execute(select(Case.id, Case.dept_case_no))}
        documents = {
            title: did
            for did, title in s.execute(
                select(DossierDocument.id, DossierDocument.title).where(DossierDocument.case_id == case_ids[CLOSED])
            )
        }
    return ReviewDb(wb, db_path, reviewer.person_id, case_ids, documents)


def run_cli(argv: list[str], user: str = REVIEWER) -> int:
    """Parse and run one review command like `python main.py ...` does (options after the action), logged
    in as ``user`` (a person of make_review_db with an account)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    common.add_argument("--user")
    common.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser(prog="main.py")
    add_parsers(parser.add_subparsers(dest="command", required=True), common)
    args = parser.parse_args(argv)
    wb = Workbench.open(args.db)
    try:
        log_in(wb, args.user or login_for(user), PASSWORD)
        return dispatch(wb, args, _emit)
    finally:
        wb.close()
