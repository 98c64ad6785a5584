"""A panel of three on one case, through the real services: a key-review plan with reviewers_per_case=3
assigns the case (with a dossier) to three reviewers; accounts for every role that might try to read their
work.

    p = make_panel_db(tmp_path)
    p.score("李评查", {"E1": ("瑕", "…")}, submit=True)
    p.act_as(LEAD)                      # 评查组长, not a member

Scores used by the tests (SCORES): the members agree on E1 (瑕); disagree on E5 (瑕 / 错 / 瑕) and on F3 (one
found a 瑕, two found nothing). Every reason carries a SECRET marker so a test can look for leaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from reviewapp.domain.plans import PlanType
from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.plans import assignment as assigning
from reviewapp.services.plans import commands as plans
from reviewapp.services.plans import selection
from reviewapp.services.reviews.commands import open_review, set_grade_override, submit_review
from reviewapp.services.reviews.findings import record_finding
from reviewapp.storage.models import Assignment, DossierDocument, Person, PlanCase, Review
from tests.accounts_fixtures import ALL_ROLES, sign_in
from tests.core.intake_fixtures import case_row
from tests.core.plans_fixtures import ADMIN, CITY, HAIDIAN, PlanDb, make_plan_db

CASE_NO = "朝检刑诉受[2025]100号"
HANDLER = "赵检察官"  # handles the case (海淀, 第一检察部)
LEAD = "孙组长"  # 评查组长, not on the panel
# Accounts of every role (name → role); the administrator 方案管理员 of make_plan_db holds ALL_ROLES.
ROLE_ACCOUNTS: dict[str, Role] = {
    "系统甲": Role.SYSTEM_ADMIN,
    "评管甲": Role.REVIEW_ADMIN,
    LEAD: Role.PANEL_LEAD,
    "案管甲": Role.CASE_MANAGEMENT_HEAD,
    "部门甲": Role.DEPARTMENT_HEAD,
    "副检甲": Role.DEPUTY_CHIEF,
    "检察长甲": Role.CHIEF,
}
SECRET = "SECRET"
# item → severity per member position (None: nothing found)
SCORES: dict[str, tuple[str | None, str | None, str | None]] = {
    "E1": ("瑕", "瑕", "瑕"),
    "E5": ("瑕", "错", "瑕"),
    "F3": ("瑕", None, None),
}


@dataclass
class PanelDb:
    plans: PlanDb
    case_id: int
    members: list[str]  # the three assigned reviewers, in the order they start
    documents: dict[str, int]
    reviews: dict[str, int] = field(default_factory=dict)  # member → member review id

    @property
    def wb(self):  # type: ignore[no-untyped-def]
        return self.plans.wb

    def act_as(self, name: str) -> CurrentUser:
        return self.plans.act_as(name)

    def start_all(self) -> None:
        for name in self.members:
            self.act_as(name)
            self.reviews[name] = open_review(self.wb, self.case_id).id

    def score(self, name: str, *, submit: bool = True, override: str | None = None) -> None:
        """Record the member's SCORES (starting the review if needed), with evidence, and submit; with
        ``override``, the member chooses that grade with a SECRET reason first."""
        self.act_as(name)
        if name not in self.reviews:
            self.reviews[name] = open_review(self.wb, self.case_id).id
        position = self.members.index(name)
        for item, severities in SCORES.items():
            severity = severities[position]
            if severity is not None:
                page = position + 1
                reason = f"{SECRET}-{name}-{item}"
                record_finding(
                    self.wb, self.reviews[name], item, severity, reason, evidence=[(self.documents["起诉书"], page)]
                )
        if override is not None:
            set_grade_override(self.wb, self.reviews[name], override, f"{SECRET}-{name}-override")
        if submit:
            submit_review(self.wb, self.reviews[name])

    def opinion(self) -> Review:
        with self.wb.db.session() as s:
            member = s.get(Review, self.reviews[self.members[0]])
            assert member is not None and member.file_id is not None
            opinion = s.get(Review, member.file_id)
            assert opinion is not None
            s.expunge(opinion)
            return opinion

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


def _assigned(p: PlanDb, case_id: int) -> list[str]:
    with p.wb.db.session() as s:
        return list(
            s.scalars(
                select(Person.name)
                .join(Assignment, Assignment.reviewer_id == Person.id)
                .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
                .where(PlanCase.case_id == case_id, Assignment.deleted_at.is_(None))
                .order_by(Person.name)
            )
        )


def make_panel_db(folder: Path) -> PanelDb:
    row = case_row(100, 承办检察官=HANDLER, 承办单位=HAIDIAN, 承办部门="第一检察部")
    row["电子卷宗"] = _dossier(folder, 100, ["起诉书", "审查报告"])
    p = make_plan_db(folder, extra_rows=[row])
    wb = p.wb
    plan = p.plan(plan_type=PlanType.KEY, reviewers_per_case=3)
    selection.add_case(wb, plan, CASE_NO, "检察长指定评查")
    plans.open_plan(wb, plan)
    assigning.assign_plan(wb, plan, seed=1)
    case_id = p.case(CASE_NO)
    # The administrator holds the 评查员 role too; the panel is of plain reviewers.
    if ADMIN in _assigned(p, case_id):
        spare = next(n for n in ("李评查", "周评查", "吴评查") if n not in _assigned(p, case_id))
        assigning.reassign(wb, plan, CASE_NO, ADMIN, spare, "工作调整")
    assigned = _assigned(p, case_id)
    with wb.db.session() as s:
        documents = {
            title: did
            for did, title in s.execute(
                select(DossierDocument.id, DossierDocument.title).where(DossierDocument.case_id == case_id)
            )
        }
    assert len(assigned) == 3, assigned
    for name, role in ROLE_ACCOUNTS.items():
        sign_in(wb, name, roles=[RoleSpec(role, Scope.PROVINCE)], unit=CITY, department="案件管理部")
    sign_in(wb, HANDLER, roles=[RoleSpec(Role.PROSECUTOR, Scope.UNIT)], unit=HAIDIAN, department="第一检察部")
    p.admin()
    return PanelDb(p, case_id, assigned, documents)


__all__ = ["ALL_ROLES", "CASE_NO", "HANDLER", "LEAD", "ROLE_ACCOUNTS", "SCORES", "SECRET", "PanelDb", "make_panel_db"]
