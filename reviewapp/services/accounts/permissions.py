"""Permission checks against the unit hierarchy: the core's answer to "may this user do this here?"."""

from __future__ import annotations

from sqlalchemy import select

from reviewapp.domain.roles import Action, grants_action, permits
from reviewapp.errors import NotPermitted
from reviewapp.i18n import translate
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.storage.database import Database
from reviewapp.storage.models import Unit

ACTION_NAMES = {
    Action.MANAGE_ACCOUNTS: "manage accounts",
    Action.MANAGE_ROSTER: "change the roster",
    Action.IMPORT_CASES: "import cases",
    Action.MANAGE_STANDARDS: "change review standards",
    Action.EDIT_SETTINGS: "change shared settings",
    Action.RUN_CHECKS: "run the pre-screening",
    Action.SCORE: "score reviews",
    Action.ASSIGN_REVIEWS: "assign reviews",
    Action.REOPEN_REVIEW: "reopen reviews",
    Action.ISSUE_NOTICES: "issue rectification notices",
    Action.EXPORT_RESULTS: "export results",
    Action.READ_REVIEWS: "read other reviewers' reviews",
    Action.READ_AUDIT: "read the audit trail",
    Action.OWN_ACCOUNT: "change your own account",
}


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
                self._parents = dict(s.execute(select(Unit.id, Unit.parent_id)).tuples().all())
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
