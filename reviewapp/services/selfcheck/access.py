"""Who fills and who reads a case's self-check forms (review-rules.md §1, 每案必检).

- The 个人自查表 is filled by the case's handling prosecutor: an account holding 承办检察官 whose person is
  the case's prosecutor.
- The 部门核查表 is filled by a 部门负责人 of the case's department: the role reaching the case's unit, and
  the account's person in the department that handled the case.
- Readers: the case's prosecutor, a 部门负责人 as above, anyone whose role reads reviews over the case's unit,
  and a reviewer of the case (a live review or an assignment), who sees the forms beside the checklist.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action, Role
from reviewapp.domain.selfcheck import FormKind
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Assignment, Case, PlanCase, Review


def role_reaches(wb: Workbench, user: CurrentUser, role: Role, unit_id: int) -> bool:
    """Whether ``user`` holds ``role`` with a scope covering ``unit_id`` (every role grants OWN_ACCOUNT, so
    the scope test of that action is the scope test of the role)."""
    held = tuple(g for g in user.grants if g.role is role)
    return bool(held) and wb.permissions.allows(replace(user, grants=held), Action.OWN_ACCOUNT, unit_id=unit_id)


def is_case_prosecutor(user: CurrentUser, case: Case) -> bool:
    return user.account_id is not None and user.person_id is not None and user.person_id == case.prosecutor_id


def is_department_head(wb: Workbench, user: CurrentUser, case: Case) -> bool:
    return (
        user.account_id is not None
        and user.department_id is not None
        and user.department_id == case.department_id
        and role_reaches(wb, user, Role.DEPARTMENT_HEAD, case.unit_id)
    )


def may_fill(wb: Workbench, user: CurrentUser, case: Case, kind: FormKind) -> bool:
    if kind is FormKind.SELF:
        return is_case_prosecutor(user, case) and user.holds(Role.PROSECUTOR)
    return is_department_head(wb, user, case)


def require_fill(wb: Workbench, user: CurrentUser, case: Case, kind: FormKind) -> None:
    if may_fill(wb, user, case, kind):
        return
    who = user.name or user.login or "-"
    if user.account_id is None:
        raise NotPermitted(translate("SelfCheck", "Log in first: only a logged-in user may fill in a self-check."))
    if kind is FormKind.SELF:
        raise NotPermitted(
            translate(
                "SelfCheck", "{user} may not fill in the 个人自查表 of case {case}: only its handling prosecutor may."
            ).format(user=who, case=case.dept_case_no)
        )
    raise NotPermitted(
        translate(
            "SelfCheck",
            "{user} may not fill in the 部门核查表 of case {case}: only a 部门负责人 of the department that handled "
            "it may.",
        ).format(user=who, case=case.dept_case_no)
    )


def _reviews_case(s: Session, user: CurrentUser, case_id: int) -> bool:
    if user.person_id is None:
        return False
    if s.scalar(
        select(Review.id)
        .where(Review.case_id == case_id, Review.reviewer_id == user.person_id, Review.deleted_at.is_(None))
        .where(Review.kind == "member")
        .limit(1)
    ):
        return True
    return (
        s.scalar(
            select(Assignment.id)
            .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
            .where(
                PlanCase.case_id == case_id,
                PlanCase.deleted_at.is_(None),
                Assignment.reviewer_id == user.person_id,
                Assignment.deleted_at.is_(None),
            )
            .limit(1)
        )
        is not None
    )


def may_read(wb: Workbench, s: Session, user: CurrentUser, case: Case) -> bool:
    if user.account_id is None:
        return False
    return (
        is_case_prosecutor(user, case)
        or is_department_head(wb, user, case)
        or wb.permissions.allows(user, Action.READ_REVIEWS, unit_id=case.unit_id)
        or _reviews_case(s, user, case.id)
    )


def require_read(wb: Workbench, s: Session, user: CurrentUser, case: Case) -> None:
    if not may_read(wb, s, user, case):
        raise NotPermitted(
            translate("SelfCheck", "{user} may not read the self-check forms of case {case}.").format(
                user=user.name or user.login or "-", case=case.dept_case_no
            )
        )
