"""The write-path recipes of the panel mutations (opinion.reconcile, .dissent, .meeting, .finalise) for
tests/core/test_write_path.py, and the state they need, built through the services on the write-path
template: a panel lead ("lead"), a fifth case in a plan with two reviewers per case, scored by the reviewers
"rev" and "rev2" so that they disagree on D5 and E1 — the opinion is being reconciled."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewapp.domain.plans import PlanMode, PlanType
from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts import users
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.reconcile import reconcile_item, record_dissent, record_meeting
from reviewapp.services.plans.assignment import assign_plan
from reviewapp.services.plans.commands import PlanSpec, create_plan, open_plan
from reviewapp.services.plans.selection import add_case
from reviewapp.services.reviews import commands as reviews
from reviewapp.services.reviews.standards_store import list_standard_versions
from reviewapp.storage.models import Case, Review
from tests.accounts_fixtures import PASSWORD, ROOT_LOGIN
from tests.core.intake_fixtures import case_row, write_simple_xlsx

LEAD_LOGIN = "lead"
PANEL_CASE = 5


def _opinion(ctx: Any) -> int:
    number = case_row(PANEL_CASE)["部门受案号"]
    with ctx.wb.db.session() as s:
        return int(
            s.scalars(
                select(Review.id)
                .join(Case, Case.id == Review.case_id)
                .where(Case.dept_case_no == number, Review.kind == "opinion", Review.deleted_at.is_(None))
            ).one()
        )


def prepare_panel(ctx: Any, unit: str, name: str = "") -> None:
    """A panel lead, and an opinion of two disagreeing members being reconciled (see the module doc); for
    ``opinion.finalise`` both disagreements reconciled."""
    wb = ctx.wb
    prior = wb.user
    users.log_in(wb, ROOT_LOGIN, PASSWORD)
    dept = "案件管理部"
    if not any(a.login == "rev2" for a in users.list_accounts(wb)):
        users.add_account(
            wb, "孙评查", "rev2", PASSWORD, [RoleSpec(Role.REVIEWER, Scope.PROVINCE)], unit=unit, department=dept
        )
    users.log_in(wb, "pc", PASSWORD)
    number = case_row(PANEL_CASE)["部门受案号"]
    import_cases(wb, write_simple_xlsx(ctx.tmp / "panel.xlsx", [case_row(PANEL_CASE, 电子卷宗=None)]))
    standard = next(v.id for v in list_standard_versions(wb) if "审查起诉" in v.case_types)
    spec = PlanSpec("合议评查", PlanType.KEY, PlanMode.OWN_UNIT, standard, reviewers_per_case=2)
    plan = create_plan(wb, spec).id
    add_case(wb, plan, number, "检察长指定")
    open_plan(wb, plan)
    assign_plan(wb, plan, seed=1)
    with wb.db.session() as s:
        case_id = s.scalars(select(Case.id).where(Case.dept_case_no == number)).one()
    # The panel lead only now: a 评查组长 is in the reviewer pool too.
    users.log_in(wb, ROOT_LOGIN, PASSWORD)
    users.add_account(
        wb, "周组长", LEAD_LOGIN, PASSWORD, [RoleSpec(Role.PANEL_LEAD, Scope.PROVINCE)], unit=unit, department=dept
    )
    for login, item in (("rev", "D5"), ("rev2", "E1")):
        users.log_in(wb, login, PASSWORD)
        review = reviews.start_review(wb, case_id).id
        reviews.record_finding(wb, review, item, "瑕", f"{login}发现的问题")
        reviews.submit_review(wb, review)
    if name == "opinion.finalise":
        users.log_in(wb, LEAD_LOGIN, PASSWORD)
        reconcile_item(wb, _opinion(ctx), "D5", "瑕", "落款日期确有遗漏")
        reconcile_item(wb, _opinion(ctx), "E1", None, "取证程序经核对无误")
    wb.user = prior


def panel_recipes() -> dict[str, tuple[str, Callable[[Any], Any], Callable[[Any], list[Path]]]]:
    """name → (login, run(ctx), files written) for tests/core/test_write_path.py."""

    def none(c: Any) -> list[Path]:
        return []

    def meeting(c: Any) -> Any:
        minutes = c.tmp / "纪要.pdf"
        minutes.write_bytes(b"%PDF-1.4 minutes")
        return record_meeting(c.wb, _opinion(c), date.today(), ["周组长", "钱评查", "孙评查"], "讨论D5、E1", [minutes])

    return {
        "opinion.reconcile": (
            LEAD_LOGIN,
            lambda c: reconcile_item(c.wb, _opinion(c), "D5", "瑕", "经核对落款日期确有遗漏"),
            none,
        ),
        "opinion.dissent": ("rev", lambda c: record_dissent(c.wb, _opinion(c), "保留意见", item_code="E1"), none),
        "opinion.meeting": (LEAD_LOGIN, meeting, none),
        "opinion.finalise": (LEAD_LOGIN, lambda c: finalise_opinion(c.wb, _opinion(c)), none),
    }
