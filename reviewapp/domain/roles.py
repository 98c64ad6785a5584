"""Roles, their scopes and what each may do: the permission table, as pure data and one pure function.

review-rules.md §1 (roles as one provincial system had them). A person may hold several roles; each grant
has a scope anchored at a unit: the unit itself, the unit and the units below it, or the whole province.
The README's permission table is generated from ``GRANTS`` (scripts/permissions_table.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    SYSTEM_ADMIN = "系统管理员"
    REVIEW_ADMIN = "评查管理员"
    REVIEWER = "评查员"
    PANEL_LEAD = "评查组长"
    CASE_MANAGEMENT_HEAD = "案管负责人"
    PROSECUTOR = "承办检察官"
    DEPARTMENT_HEAD = "部门负责人"
    DEPUTY_CHIEF = "分管副检察长"
    CHIEF = "检察长"


class Scope(StrEnum):
    UNIT = "unit"  # 本院
    UNIT_TREE = "unit_tree"  # 本院及下级院
    PROVINCE = "province"  # 全省


class Action(StrEnum):
    """What a user asks to do. Mutations name one; reads of review content name READ_REVIEWS."""

    MANAGE_ACCOUNTS = "manage_accounts"  # accounts, roles, passwords of others, unlocking
    MANAGE_ROSTER = "manage_roster"  # people (units, departments) without accounts
    IMPORT_CASES = "import_cases"  # case exports and dossier folders
    MANAGE_STANDARDS = "manage_standards"  # import / store standard versions
    EDIT_SETTINGS = "edit_settings"  # shared settings (notice issuer …)
    RUN_CHECKS = "run_checks"  # pre-screening runs and their stored results
    SCORE = "score"  # start, edit and submit one's own review; accept/dismiss suggestions
    ASSIGN_REVIEWS = "assign_reviews"  # start a review for another reviewer
    REOPEN_REVIEW = "reopen_review"  # reopen a submitted review
    ISSUE_NOTICES = "issue_notices"  # rectification notices
    EXPORT_RESULTS = "export_results"  # ledger, case report, problem list
    READ_REVIEWS = "read_reviews"  # read other people's reviews in scope
    READ_AUDIT = "read_audit"  # the audit trail and its verification
    OWN_ACCOUNT = "own_account"  # change one's own password
    # The process after scoring (review-rules.md §1 steps 7–12).
    RECONCILE = "reconcile"  # form the panel opinion: reconcile disagreements, record the joint meeting
    ANSWER_FEEDBACK = "answer_feedback"  # the handling prosecutor answers the opinion of their own case
    RECORD_REPLIES = "record_replies"  # enter answers and rectification reports that came back on paper
    RULE_OBJECTIONS = "rule_objections"  # uphold or reject a prosecutor's objection
    DETERMINE_QUALIFIED = "determine_qualified"  # 审定 of a proposed 合格 (分管副检察长)
    DETERMINE = "determine"  # 审定 of 优质 / 基本合格 / 不合格 and after rejected objections (检察长, 检委会)
    REOPEN_DETERMINED = "reopen_determined"  # reopen a determined review: voids it and its notices
    RECHECK = "recheck"  # the re-check of a rectification (a reviewer of the case's panel)
    PROCESS_DUE = "process_due"  # record what fell due (no feedback, overdue rectifications)


# Recording what fell due is dated by the period, not by who starts the app: anyone signed in may trigger it.
_EVERYONE = frozenset({Action.OWN_ACCOUNT, Action.PROCESS_DUE})

GRANTS: dict[Role, frozenset[Action]] = {
    Role.SYSTEM_ADMIN: _EVERYONE | {Action.MANAGE_ACCOUNTS, Action.MANAGE_ROSTER, Action.READ_AUDIT},
    Role.REVIEW_ADMIN: _EVERYONE
    | {
        Action.MANAGE_ROSTER,
        Action.IMPORT_CASES,
        Action.MANAGE_STANDARDS,
        Action.EDIT_SETTINGS,
        Action.RUN_CHECKS,
        Action.ASSIGN_REVIEWS,
        Action.REOPEN_REVIEW,
        Action.ISSUE_NOTICES,
        Action.EXPORT_RESULTS,
        Action.READ_REVIEWS,
        Action.READ_AUDIT,
        Action.RECORD_REPLIES,
    },
    Role.REVIEWER: _EVERYONE | {Action.SCORE, Action.RUN_CHECKS, Action.RECHECK},
    Role.PANEL_LEAD: _EVERYONE
    | {
        Action.SCORE,
        Action.RUN_CHECKS,
        Action.READ_REVIEWS,
        Action.REOPEN_REVIEW,
        Action.RECONCILE,
        Action.RULE_OBJECTIONS,
        Action.RECHECK,
    },
    Role.CASE_MANAGEMENT_HEAD: _EVERYONE
    | {
        Action.ISSUE_NOTICES,
        Action.EXPORT_RESULTS,
        Action.READ_REVIEWS,
        Action.REOPEN_REVIEW,
        Action.READ_AUDIT,
        Action.RULE_OBJECTIONS,
        Action.RECORD_REPLIES,
    },
    # A handling prosecutor reads the opinion on their own case once it is sent to them (review-rules.md §1
    # step 8) and answers it; the service checks that the case is theirs.
    Role.PROSECUTOR: _EVERYONE | {Action.ANSWER_FEEDBACK},
    Role.DEPARTMENT_HEAD: _EVERYONE | {Action.READ_REVIEWS},
    # review-rules.md §1 step 10: a proposed 合格 is determined by the deputy chief in charge; 优质, 基本合格
    # and 不合格 (and any opinion whose objection was rejected) by the chief or the procuratorial committee.
    Role.DEPUTY_CHIEF: _EVERYONE | {Action.READ_REVIEWS, Action.EXPORT_RESULTS, Action.DETERMINE_QUALIFIED},
    Role.CHIEF: _EVERYONE
    | {
        Action.READ_REVIEWS,
        Action.EXPORT_RESULTS,
        Action.REOPEN_REVIEW,
        Action.DETERMINE_QUALIFIED,
        Action.DETERMINE,
        Action.REOPEN_DETERMINED,
    },
}

DEFAULT_SCOPE: dict[Role, Scope] = {role: Scope.UNIT for role in Role}


@dataclass(frozen=True)
class Grant:
    role: Role
    scope: Scope
    unit_id: int | None  # the anchor of the scope; None only for PROVINCE


def grants_action(grants: Iterable[Grant], action: Action) -> bool:
    """Whether any role held grants ``action`` somewhere (the check before anything is loaded)."""
    return any(action in GRANTS[g.role] for g in grants)


def permits(
    grants: Iterable[Grant],
    action: Action,
    unit_id: int | None,
    parent_of: Callable[[int], int | None],
) -> bool:
    """Whether a role granting ``action`` covers ``unit_id``. ``unit_id`` None: an action not tied to a unit
    (e.g. managing accounts), which any grant of the action covers. ``parent_of`` walks the unit hierarchy."""
    for g in grants:
        if action not in GRANTS[g.role]:
            continue
        if unit_id is None or g.scope is Scope.PROVINCE:
            return True
        if g.scope is Scope.UNIT and g.unit_id == unit_id:
            return True
        if g.scope is Scope.UNIT_TREE and _within(unit_id, g.unit_id, parent_of):
            return True
    return False


def _within(unit_id: int, root: int | None, parent_of: Callable[[int], int | None]) -> bool:
    seen: set[int] = set()
    current: int | None = unit_id
    while current is not None and current not in seen:  # a cycle in bad data must not loop forever
        if current == root:
            return True
        seen.add(current)
        current = parent_of(current)
    return False
