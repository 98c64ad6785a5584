"""Every mutating service operation goes through the one write path (architecture.md, "The write path").

For each registered mutation (write_path.MUTATIONS) a recipe calls it through its public service. Each is:
refused for a user without the permission (a known error, nothing written — no row, no audit entry, no file);
otherwise attributed to the acting user's account id, with exactly one new audit entry naming it, chained
(audit verify passes), and a change record. A mutation without a recipe fails ``test_every_mutation_has_a_recipe``,
and a write that goes around the path raises WriteOutsidePath.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from reviewapp.domain.roles import Role
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts import audit, users
from reviewapp.services.accounts.current import ANONYMOUS
from reviewapp.services.changes import Kind
from reviewapp.services.results.settings import config_path, ensure_settings
from reviewapp.services.reviews import commands as reviews
from reviewapp.services.reviews.standards_store import ensure_standards
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import MUTATIONS
from reviewapp.storage.database import WriteOutsidePath
from reviewapp.storage.models import AuditEntry, DossierDocument, Setting
from tests.accounts_fixtures import PASSWORD, ROOT_LOGIN
from tests.core.write_path_recipes import APART, RECIPES, Ctx, _counts, _drop_settings, _prepare, ctx, template
from tests.db_target import database_at

__all__ = ["ctx", "template"]  # fixtures used by the tests below

pytestmark = pytest.mark.assignment_required  # these tests keep the default: reviews need an assignment


def test_every_mutation_has_a_recipe() -> None:
    # Import every service module so the registry is complete, then compare.
    import reviewapp.services.accounts.users
    import reviewapp.services.reviews.undo  # noqa: F401

    assert set(MUTATIONS) == set(RECIPES), "a new mutation needs a recipe here (and must use the write path)"


@pytest.mark.parametrize("name", sorted(set(RECIPES) - APART))
def test_refused_for_a_user_without_the_permission(ctx: Ctx, name: str) -> None:
    recipe = RECIPES[name]
    _prepare(ctx, name)
    if name in ("account.password_change", "process.due"):
        ctx.wb.user = ANONYMOUS  # everyone may do these (own password, what fell due): only nobody logged in is refused
    else:
        users.log_in(ctx.wb, "nobody", PASSWORD)
    before = _counts(ctx.wb)
    with pytest.raises(NotPermitted):
        recipe.run(ctx)
    assert _counts(ctx.wb) == before, "nothing may be written"
    for path in recipe.outputs(ctx):
        assert not path.exists() or not any(path.iterdir()), f"{path} written although refused"


@pytest.mark.parametrize("name", sorted(set(RECIPES) - APART))
def test_attributed_audited_chained_and_reported(ctx: Ctx, name: str) -> None:
    recipe = RECIPES[name]
    _prepare(ctx, name)
    actor = users.log_in(ctx.wb, recipe.login, PASSWORD)
    with ctx.wb.db.session() as s:
        last_before = s.scalar(select(func.max(AuditEntry.seq))) or 0
    ctx.wb.last_changes = None
    recipe.run(ctx)
    with ctx.wb.db.session() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > last_before).order_by(AuditEntry.seq)))
    mine = [e for e in entries if e.action == name]
    assert len(mine) == 1, f"{name}: one audit entry of its own, got {[e.action for e in entries]}"
    assert mine[0].user_id == actor.account_id
    users.log_in(ctx.wb, ROOT_LOGIN, PASSWORD)
    assert audit.verify_audit(ctx.wb) is None
    record = ctx.wb.last_changes
    assert record is not None and record.entities, f"{name}: a change record"


def test_the_first_administrator_only_on_an_empty_database(tmp_path: Path) -> None:
    wb = Workbench.open(database_at(tmp_path, "empty.sqlite3"))
    row, record = users.add_first_administrator.with_changes(wb, "甲", "first", PASSWORD)
    assert row.roles[0][0] == Role.SYSTEM_ADMIN.value
    assert record.ids(Kind.ACCOUNT)
    with pytest.raises(users.AccountError):
        users.add_first_administrator(wb, "乙", "second", PASSWORD)
    wb.close()


def test_shipped_standards_are_stored_once(ctx: Ctx) -> None:
    users.log_in(ctx.wb, "nobody", PASSWORD)
    before = _counts(ctx.wb)
    ensure_standards(ctx.wb)  # all shipped versions are stored already: nothing written, not even an entry
    assert _counts(ctx.wb) == before


def test_old_workstation_settings_are_imported_once(ctx: Ctx) -> None:
    _drop_settings(ctx)
    users.log_in(ctx.wb, "nobody", PASSWORD)
    assert ensure_settings(ctx.wb)
    with ctx.wb.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Setting))
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1)) == "settings.import"
    assert not ensure_settings(ctx.wb)
    # On a server database the old file sits in the data folder every test shares: leave none behind.
    config_path(ctx.wb).unlink()


def test_a_write_around_the_path_is_refused(ctx: Ctx) -> None:
    with pytest.raises(WriteOutsidePath), ctx.wb.db.session() as s:
        s.execute(text("UPDATE cases SET name = 'x'"))
    with pytest.raises(WriteOutsidePath), ctx.wb.db.session() as s:
        s.add(DossierDocument(case_id=1, title="x", original_name="x", stored_path="x", sha256="0" * 64, size=1))
        s.flush()


def test_opening_an_existing_review_writes_nothing(ctx: Ctx) -> None:
    users.log_in(ctx.wb, "rev", PASSWORD)
    before = _counts(ctx.wb)
    state = reviews.open_review(ctx.wb, ctx.case(1))
    assert state.id == ctx.review(1)
    assert _counts(ctx.wb) == before  # reading is not a change: no audit entry either
    started = reviews.open_review(ctx.wb, ctx.case(3))  # none yet: started, through the write path
    assert ctx.wb.last_changes is not None and ctx.wb.last_changes.action == "review.start"
    assert started.case_id == ctx.case(3)
