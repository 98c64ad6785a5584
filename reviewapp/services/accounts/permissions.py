"""Permission checks against the unit hierarchy: the core's answer to "may this user do this here?"."""

from __future__ import annotations

from sqlalchemy import select

from reviewapp.domain.roles import Action, Role, grants_action, permits
from reviewapp.errors import NotPermitted
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.storage.database import Database
from reviewapp.storage.models import Unit

ACTION_NAMES = {
    Action.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("Permissions", "manage accounts"),
    Action.MANAGE_ROSTER: QT_TRANSLATE_NOOP("Permissions", "change the roster"),
    Action.IMPORT_CASES: QT_TRANSLATE_NOOP("Permissions", "import cases"),
    Action.MANAGE_STANDARDS: QT_TRANSLATE_NOOP("Permissions", "change review standards"),
    Action.EDIT_SETTINGS: QT_TRANSLATE_NOOP("Permissions", "change shared settings"),
    Action.RUN_CHECKS: QT_TRANSLATE_NOOP("Permissions", "run the pre-screening"),
    Action.SCORE: QT_TRANSLATE_NOOP("Permissions", "score reviews"),
    Action.ASSIGN_REVIEWS: QT_TRANSLATE_NOOP("Permissions", "assign reviews"),
    Action.REOPEN_REVIEW: QT_TRANSLATE_NOOP("Permissions", "reopen reviews"),
    Action.ISSUE_NOTICES: QT_TRANSLATE_NOOP("Permissions", "issue rectification notices"),
    Action.EXPORT_RESULTS: QT_TRANSLATE_NOOP("Permissions", "export results"),
    Action.READ_REVIEWS: QT_TRANSLATE_NOOP("Permissions", "read other reviewers' reviews"),
    Action.READ_AUDIT: QT_TRANSLATE_NOOP("Permissions", "read the audit trail"),
    Action.OWN_ACCOUNT: QT_TRANSLATE_NOOP("Permissions", "change your own account"),
    Action.RECONCILE: QT_TRANSLATE_NOOP("Permissions", "reconcile the panel's opinion"),
    Action.ANSWER_FEEDBACK: QT_TRANSLATE_NOOP("Permissions", "answer the review opinion of their own case"),
    Action.RECORD_REPLIES: QT_TRANSLATE_NOOP("Permissions", "enter answers and rectification reports received"),
    Action.RULE_OBJECTIONS: QT_TRANSLATE_NOOP("Permissions", "rule on objections"),
    Action.DETERMINE_QUALIFIED: QT_TRANSLATE_NOOP("Permissions", "determine a review graded 合格"),
    Action.DETERMINE: QT_TRANSLATE_NOOP("Permissions", "determine reviews"),
    Action.REOPEN_DETERMINED: QT_TRANSLATE_NOOP("Permissions", "reopen a determined review"),
    Action.RECHECK: QT_TRANSLATE_NOOP("Permissions", "re-check a rectification"),
    Action.PROCESS_DUE: QT_TRANSLATE_NOOP("Permissions", "record what fell due"),
}


ROLE_NAMES = {
    Role.SYSTEM_ADMIN: QT_TRANSLATE_NOOP("Roles", "system administrator"),
    Role.REVIEW_ADMIN: QT_TRANSLATE_NOOP("Roles", "review administrator"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Roles", "reviewer"),
    Role.PANEL_LEAD: QT_TRANSLATE_NOOP("Roles", "panel lead"),
    Role.CASE_MANAGEMENT_HEAD: QT_TRANSLATE_NOOP("Roles", "head of case management"),
    Role.PROSECUTOR: QT_TRANSLATE_NOOP("Roles", "handling prosecutor"),
    Role.DEPARTMENT_HEAD: QT_TRANSLATE_NOOP("Roles", "department head"),
    Role.DEPUTY_CHIEF: QT_TRANSLATE_NOOP("Roles", "deputy chief prosecutor in charge"),
    Role.CHIEF: QT_TRANSLATE_NOOP("Roles", "chief prosecutor"),
}


def role_name(role: Role) -> str:
    """The role in the user's language (系统管理员 in Chinese, "system administrator" in English)."""
    return translate("Roles", ROLE_NAMES[role])


def refusal(user: CurrentUser, action: Action) -> NotPermitted:
    what = translate("Permissions", ACTION_NAMES[action])
    if user.account_id is None:
        return NotPermitted(
            translate("Permissions", "Log in first: only a logged-in user may {what}.").format(what=what)
        )
    return NotPermitted(
        translate("Permissions", "{user} may not {what}: none of their roles allows it here.").format(
            user=user.name or user.login, what=what
        )
    )


class Permissions:
    """Role checks with the unit tree cached (units change only through imports and the roster)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._parents: dict[int, int | None] | None = None

    def forget_units(self) -> None:
        self._parents = None

    def _parent_of(self, unit_id: int) -> int | None:
        if self._parents is None or unit_id not in self._parents:
            with self._db.session() as s:
                self._parents = {uid: parent for uid, parent in s.execute(select(Unit.id, Unit.parent_id))}
        return self._parents.get(unit_id)

    def allows(self, user: CurrentUser, action: Action, *, unit_id: int | None = None) -> bool:
        return permits(user.grants, action, unit_id, self._parent_of)

    def require(self, user: CurrentUser, action: Action, *, unit_id: int | None = None) -> None:
        if not self.allows(user, action, unit_id=unit_id):
            raise refusal(user, action)

    def require_any(self, user: CurrentUser, action: Action) -> None:
        """Before anything is loaded: the user holds some role granting ``action``."""
        if not grants_action(user.grants, action):
            raise refusal(user, action)
