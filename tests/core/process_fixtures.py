"""A database for the steps after the opinion, through the real services: one closed case (with a dossier)
handled by 赵检察官, a key-review plan with a panel of one that assigns it to one reviewer, accounts for
every role, real issuer settings, cheap password hashing.

    p = make_process_db(tmp_path, monkeypatch)
    p.form_opinion({"E1": ("瑕", "…")})      # the member scores and submits: the opinion is formed and sent on
    p.act_as(CHIEF)

ROLE_ACCOUNTS holds one account per role (province-wide); HANDLER is the case's prosecutor (PROSECUTOR).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.domain.plans import PlanType
from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts import passwords
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.panel.files import opinion_for_case
from reviewapp.services.plans import assignment as assigning
from reviewapp.services.plans import commands as plans
from reviewapp.services.plans import selection
from reviewapp.services.results.setting_specs import ASSIGNMENT_REQUIRED
from reviewapp.services.results.settings import set_setting
from reviewapp.services.reviews.commands import open_review, submit_review
from reviewapp.services.reviews.findings import record_finding
from reviewapp.storage.models import Assignment, Case, DossierDocument, Person, PlanCase, Review
from tests.accounts_fixtures import PASSWORD, login_for, sign_in
from tests.core.cli_fixtures import FAST_HASHER, CliRunner, Result
from tests.core.intake_fixtures import case_row
from tests.core.plans_fixtures import ADMIN, CITY, HAIDIAN, PlanDb, make_plan_db
from tests.core.services_fixtures import set_issuer
from tests.db_target import Target, database_at

CASE_NO = "朝检刑诉受[2025]200号"
HANDLER = "赵检察官"  # handles the case (海淀, 第一检察部)
CHIEF, DEPUTY, CASE_HEAD, LEAD, REVIEW_ADMIN = "检察长乙", "副检乙", "案管乙", "组长乙", "评管乙"
ROLE_ACCOUNTS: dict[str, Role] = {
    "系统乙": Role.SYSTEM_ADMIN,
    REVIEW_ADMIN: Role.REVIEW_ADMIN,
    "评查乙": Role.REVIEWER,
    LEAD: Role.PANEL_LEAD,
    CASE_HEAD: Role.CASE_MANAGEMENT_HEAD,
    "检察官乙": Role.PROSECUTOR,  # a prosecutor, not of this case
    "部门乙": Role.DEPARTMENT_HEAD,
    DEPUTY: Role.DEPUTY_CHIEF,
    CHIEF: Role.CHIEF,
}


@dataclass
class ProcessDb:
    plans: PlanDb
    case_id: int
    member: str  # the reviewer the plan assigned
    documents: dict[str, int]
    folder: Path
    review_id: int | None = None

    @property
    def wb(self):  # type: ignore[no-untyped-def]
        return self.plans.wb

    def act_as(self, name: str) -> CurrentUser:
        return self.plans.act_as(name)

    def form_opinion(self, findings: dict[str, tuple[str, str]], case_id: int | None = None) -> Review:
        """The member records ``findings`` (item → (severity, reason)) and submits: a panel of one forms
        its opinion at once (sent for feedback unless it is 合格). ``case_id``: another case (outside the
        plan, reviews then need no assignment), default the plan's case."""
        self.act_as(self.member)
        review_id = open_review(self.wb, case_id or self.case_id).id
        if case_id is None:
            self.review_id = review_id
        for item, (severity, reason) in findings.items():
            evidence = [(self.documents["起诉书"], 2)] if case_id is None else []
            record_finding(self.wb, review_id, item, severity, reason, evidence=evidence)
        submit_review(self.wb, review_id)
        return self.opinion(case_id)

    def other_case(self) -> int:
        """A closed case the member may review (neither handled by them nor of their department)."""
        with self.wb.db.session() as s:
            me = s.scalars(select(Person).where(Person.name == self.member).order_by(Person.id)).first()
            assert me is not None
            return int(
                s.scalars(
                    select(Case.id)
                    .join(Person, Person.id == Case.prosecutor_id)
                    .where(
                        Case.id != self.case_id,
                        Case.closed_on.is_not(None),
                        Person.name != self.member,
                        Case.department_id != me.department_id,
                    )
                    .order_by(Case.id)
                ).first()
            )

    @property
    def target(self) -> Target:
        return database_at(self.folder, "plans.sqlite3")

    def opinion(self, case_id: int | None = None) -> Review:
        with self.wb.db.session() as s:
            opinion = opinion_for_case(s, case_id or self.case_id)
            assert opinion is not None
            s.expunge(opinion)
            return opinion

    def cli(self, monkeypatch: pytest.MonkeyPatch, *argv: str, user: str) -> Result:
        """Run ``main.py argv`` on this database, logged in as the account of ``user`` (a name)."""
        return CliRunner(self.wb.db.url, monkeypatch)(*argv, user=login_for(user), password=PASSWORD)

    def close(self) -> None:
        self.plans.close()


def _dossier(folder: Path, n: int, names: list[str]) -> str:
    paths = []
    for name in names:
        f = folder / "卷宗" / str(n) / f"{name}.pdf"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(f"%PDF-1.4 {n} {name}\n".encode())
        paths.append(f"卷宗/{n}/{name}.pdf")
    return "；".join(paths)


def make_process_db(folder: Path, monkeypatch: pytest.MonkeyPatch) -> ProcessDb:
    monkeypatch.setattr(passwords, "_hasher", FAST_HASHER)
    row = case_row(200, 承办检察官=HANDLER, 承办单位=HAIDIAN, 承办部门="第一检察部")
    row["电子卷宗"] = _dossier(folder, 200, ["起诉书", "审查报告"])
    p = make_plan_db(folder, extra_rows=[row])
    wb = p.wb
    set_issuer(wb)
    set_setting(wb, ASSIGNMENT_REQUIRED, False)  # other_case(): a case outside the plan, reviewed ad hoc
    plan = p.plan(plan_type=PlanType.KEY, reviewers_per_case=1)
    selection.add_case(wb, plan, CASE_NO, "检察长指定评查")
    plans.open_plan(wb, plan)
    assigning.assign_plan(wb, plan, seed=1)
    case_id = p.case(CASE_NO)
    with wb.db.session() as s:
        assigned = list(
            s.scalars(
                select(Person.name)
                .join(Assignment, Assignment.reviewer_id == Person.id)
                .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
                .where(PlanCase.case_id == case_id, Assignment.deleted_at.is_(None))
            )
        )
        documents = {
            title: did
            for did, title in s.execute(
                select(DossierDocument.id, DossierDocument.title).where(DossierDocument.case_id == case_id)
            )
        }
    assert len(assigned) == 1, assigned
    member = assigned[0]
    if member == ADMIN:  # the administrator holds the 评查员 role too; the panel is of a plain reviewer
        assigning.reassign(wb, plan, CASE_NO, ADMIN, "李评查", "工作调整")
        member = "李评查"
    for name, role in ROLE_ACCOUNTS.items():
        sign_in(wb, name, roles=[RoleSpec(role, Scope.PROVINCE)], unit=CITY, department="案件管理部")
    sign_in(wb, HANDLER, roles=[RoleSpec(Role.PROSECUTOR, Scope.UNIT)], unit=HAIDIAN, department="第一检察部")
    p.admin()
    return ProcessDb(p, case_id, member, documents, folder)
