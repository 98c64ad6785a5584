"""The one write path: every mutation of stored data is an operation run through here.

    @mutation("finding.record", Action.SCORE)
    def record_finding(o: Op, review_id: int, ...) -> ReviewState: ...

    record_finding(wb, review_id, ...)                    # → ReviewState
    record_finding.with_changes(wb, review_id, ...)       # → (ReviewState, ChangeRecord)

For each call the path (architecture.md, "The write path"):
1. checks that the acting user holds a role granting the action at all — refused before anything is opened;
2. opens the transaction holding the write lock (Database.write: SQLite BEGIN IMMEDIATE, PostgreSQL
   lock_timeout), waiting visibly and then failing with a plain DatabaseBusy;
3. runs the operation, which narrows the permission to its scope with ``o.require(...)`` once it has
   loaded what it acts on, stamps rows with ``o.stamp(row)`` and says what it changed with ``o.touch``;
4. writes exactly one audit entry, chained by hash to the previous one (domain.audit_chain);
5. records the undo step the operation declared with ``o.undoable(...)``;
6. commits, hands the change record to the workbench's listeners, and returns.

A mutation called from inside another runs in the caller's transaction (one lock, one commit) and adds its
own audit entry. Every mutation is registered in MUTATIONS, which a test enumerates.

A mutation declared ``one_review=True`` changes only one review's own rows (the review, its findings and their
evidence, its check decisions, the acting user's undo steps on it) and loads that review first with
``reviews.guard.lock_review``. Its transaction holds the write lock in shared mode (Database.write): such
edits of different reviews run side by side, never beside any other writer, and two edits of one review queue
on its row. What they share — the audit chain — is serialised by its head row, locked as the very last step
before the commit, so the time one edit makes another wait is just its entry's write and commit.

A mutation declared ``one_case=True`` (opening or submitting a review) changes only one case's reviews and
locks the case row first (``reviews.guard.lock_case``), then any review it changes (``lock_review``); it also
holds the lock in shared mode, beside the edits of reviews and the work on other cases, and two such
operations on one case queue on its row. The case's review file is numbered
from its serial row, locked until the commit, so the numbers stay gap-free. Should such an operation find that
it must write more than its case (storing the shipped standards on first need), it raises ``NeedsExclusive``
and the write path runs it again from the start holding the lock alone. So does a ``one_review`` edit that
changes its case's check decisions (undoing an accepted suggestion): the case's count of open suggestions is
shared by every review of the case (``Op.open_checks_changed``).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from reviewapp.domain.audit_chain import GENESIS, ChainEntry, entry_hash
from reviewapp.domain.roles import Action
from reviewapp.services.changes import ChangeCollector, ChangeRecord, Kind
from reviewapp.storage.models import AuditEntry, AuditHead, Case
from reviewapp.storage.models.base import new_uid, utcnow

if TYPE_CHECKING:
    from reviewapp.services.accounts.current import CurrentUser
    from reviewapp.services.workbench import Workbench

P = ParamSpec("P")
T = TypeVar("T")


def jsonable(value: Any) -> Any:
    """The JSON form stored in audit entries and undo steps (hashed exactly as stored)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(jsonable(v) for v in value)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return str(value)


@dataclass
class _Audit:
    entity: str = ""
    entity_id: int | None = None
    case_id: int | None = None
    review_id: int | None = None
    changes: dict[str, Any] | None = None
    detail: dict[str, Any] | None = None


@dataclass
class _Undo:
    review_id: int
    label: str
    before: dict[str, Any]
    after: dict[str, Any]
    merge_key: str | None


class NeedsExclusive(Exception):
    """Raised by a shared-mode operation (``one_case``) that must write beyond its case: rolled back and run
    again holding the write lock alone (module docstring)."""


class Op:
    """One running operation: its session, its user, and what it will audit, undo and report."""

    def __init__(
        self,
        wb: Workbench,
        session: Session,
        name: str,
        collector: ChangeCollector,
        one_review: bool = False,
        one_case: bool = False,
        *,
        shared: bool = False,
    ) -> None:
        self.wb = wb
        self.session = session
        self.name = name
        self.user: CurrentUser = wb.user
        self.changes = collector
        self.one_review = one_review
        self.one_case = one_case
        # The mode the transaction holds the write lock in (on PostgreSQL; SQLite's is always exclusive): a
        # shared-mode mutation run inside an exclusive one, or run again after NeedsExclusive, holds it alone.
        self.shared = shared
        # Unit and case type of cases loaded with the operation's target (reviews.guard.lock_review), so the
        # permission and item checks do not read them again; only filled by code that does not change cases.
        self.cases: dict[int, tuple[int | None, str]] = {}
        self.people: dict[int, str] = {}  # names of people loaded with the target (the review's reviewer)
        self.locked_review: int | None = None
        self.locked_case: int | None = None
        self._audit = _Audit()
        self._undo: _Undo | None = None
        self._open_checks: set[int] = set()

    def exclusive_needed(self) -> None:
        """Called before a write beyond the operation's own rows: in shared mode, start again holding the
        lock alone."""
        if self.shared:
            raise NeedsExclusive(self.name)

    def open_checks_changed(self, *case_ids: int) -> None:
        """The cases' check results or decisions changed: their open-suggestion counts are recounted when the
        operation finishes (services/checks/open_checks.py). Holding the write lock alone, so recounts of one
        case never interleave on PostgreSQL."""
        self.exclusive_needed()
        self._open_checks.update(case_ids)

    # --- permission -----------------------------------------------------------------------------
    def require(self, action: Action, *, unit_id: int | None = None, case_id: int | None = None) -> None:
        """Refuse (NotPermitted, nothing written) unless a role of the user grants ``action`` over the unit
        (or the unit of ``case_id``)."""
        if case_id is not None and unit_id is None:
            known = self.cases.get(case_id)
            unit_id = known[0] if known else self.session.scalar(select(Case.unit_id).where(Case.id == case_id))
        self.wb.permissions.require(self.user, action, unit_id=unit_id)

    # --- attribution ----------------------------------------------------------------------------
    def stamp(self, row: Any, *, new: bool = False) -> Any:
        """Attribute a created or changed row to the acting user (columns it has)."""
        now = utcnow()
        uid = self.user.account_id
        if new and hasattr(row, "created_by_id"):
            row.created_by_id = uid
            row.created_at = now
        if hasattr(row, "updated_by_id"):
            row.updated_by_id = uid
        if hasattr(row, "updated_at"):
            row.updated_at = now
        return row

    # --- reporting ------------------------------------------------------------------------------
    def touch(self, kind: Kind, *ids: int | None) -> None:
        self.changes.add(kind, ids)

    def audit(
        self,
        entity: str,
        entity_id: int | None = None,
        *,
        case_id: int | None = None,
        review_id: int | None = None,
        changes: dict[str, Any] | None = None,
        **detail: Any,
    ) -> None:
        """What the one audit entry of this operation says: the entity acted on, before/after of the changed
        fields (``{"field": [before, after]}``) and any detail. Called again, later values win."""
        a = self._audit
        a.entity = entity
        a.entity_id = entity_id if entity_id is not None else a.entity_id
        a.case_id = case_id if case_id is not None else a.case_id
        a.review_id = review_id if review_id is not None else a.review_id
        if changes:
            a.changes = {**(a.changes or {}), **changes}
        if detail:
            a.detail = {**(a.detail or {}), **detail}

    def undoable(
        self, review_id: int, label: str, before: dict[str, Any], after: dict[str, Any], merge_key: str | None = None
    ) -> None:
        """Declare this operation one undo step of the user on the review (images: reviews/undo.py)."""
        self._undo = _Undo(review_id, label, jsonable(before), jsonable(after), merge_key)

    # --- finishing ------------------------------------------------------------------------------
    def finish(self) -> None:
        """Write the operation's undo step and its audit entry. The chain's head is locked last, after every
        other row of the operation is written: on PostgreSQL a ``one_review`` edit holds nothing else another
        one waits for, so the head is held only for the entry's own statement and the commit."""
        if self.one_review and self.locked_review is None:
            raise RuntimeError(f"{self.name} is a one_review mutation but did not lock its review (lock_review)")
        if self.one_case and self.locked_case is None:
            raise RuntimeError(f"{self.name} is a one_case mutation but did not lock its case (lock_case)")
        s = self.session
        a = self._audit
        if self._undo is not None and self.user.account_id is not None:
            from reviewapp.services.reviews.undo import push_step

            push_step(s, self.user.account_id, self._undo)
        s.flush()
        if self._open_checks:
            from reviewapp.services.checks.open_checks import recount

            recount(s, self._open_checks)
        seq, prev_hash = self.chain_head()
        entry = ChainEntry(
            seq=seq + 1,
            uid=new_uid(),
            at=utcnow(),
            user_id=self.user.account_id,
            action=self.name,
            entity=a.entity or self.name.split(".")[0],
            entity_id=a.entity_id,
            case_id=a.case_id,
            changes=jsonable(a.changes or {}),
            detail=jsonable(a.detail or {}),
            prev_hash=prev_hash,
        )
        digest = entry_hash(entry)
        row = insert(AuditEntry).values(
            seq=entry.seq,
            uid=entry.uid,
            at=entry.at,
            user_id=entry.user_id,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            case_id=entry.case_id,
            review_id=a.review_id,
            changes=entry.changes,
            detail=entry.detail,
            prev_hash=entry.prev_hash,
            hash=digest,
        )
        move_head = update(AuditHead).where(AuditHead.id == 1).values(seq=entry.seq, hash=digest)
        if self._postgres:  # one round trip while the head is held: the entry rides along as a CTE
            s.execute(move_head.add_cte(row.returning(AuditEntry.id).cte("entry")))
        else:
            s.execute(row)
            s.execute(move_head)
        loaded = s.identity_map.get(s.identity_key(AuditHead, 1))
        if loaded is not None:  # a head read earlier in this transaction shows the new one when read again
            s.expire(loaded)
        self.touch(Kind.AUDIT)

    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def chain_head(self) -> tuple[int, str]:
        """Lock the audit chain's head row and return its sequence number and hash."""
        s = self.session
        head = select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1).with_for_update()
        found = s.execute(head).first()
        if found is None:  # a database created before the chain had no head row
            if self._postgres:  # one_review edits may get here together: one inserts, the others find it
                from sqlalchemy.dialects.postgresql import insert as pg_insert  # (not loaded for SQLite)

                s.execute(pg_insert(AuditHead).values(id=1, seq=0, hash=GENESIS).on_conflict_do_nothing())
            else:
                s.execute(insert(AuditHead).values(id=1, seq=0, hash=GENESIS))
            found = s.execute(head).first()
            assert found is not None
        return int(found[0]), str(found[1])


@dataclass(frozen=True)
class Mutation:
    name: str
    action: Action | None  # None: the operation checks its own precondition (e.g. the first administrator)
    function: Callable[..., Any]
    one_review: bool = False  # changes only one review's own rows (module docstring)
    one_case: bool = False  # changes only one case's reviews (module docstring)


MUTATIONS: dict[str, Mutation] = {}
_active = threading.local()


def _current(wb: Workbench) -> Op | None:
    stack: list[Op] = getattr(_active, "ops", [])
    return next((o for o in reversed(stack) if o.wb is wb), None)


@contextmanager
def _running(op: Op) -> Iterator[Op]:
    stack: list[Op] = getattr(_active, "ops", None) or []
    _active.ops = stack
    stack.append(op)
    try:
        yield op
    finally:
        stack.pop()


def run_operation(
    wb: Workbench,
    name: str,
    action: Action | None,
    work: Callable[[Op], T],
    *,
    one_review: bool = False,
    one_case: bool = False,
) -> tuple[T, ChangeRecord]:
    """Run ``work`` as one operation through the write path and return its value and change record.
    ``one_review`` / ``one_case``: ``work`` changes only one review's (one case's) rows and locks that row
    first, so the lock is held in shared mode (module docstring)."""
    if action is not None:
        wb.permissions.require_any(wb.user, action)
    outer = _current(wb)
    if outer is not None:  # nested: same transaction, own audit entry
        if (outer.one_review or outer.one_case) and (outer.one_review, outer.one_case) != (one_review, one_case):
            # The outer edit holds the lock in shared mode only: anything wider needs a transaction of its own.
            raise RuntimeError(f"{name} cannot run inside the shared-mode mutation {outer.name}")
        op = Op(wb, outer.session, name, outer.changes, one_review, one_case, shared=outer.shared)
        with _running(op):
            value = work(op)
            op.finish()
        return value, outer.changes.record(name)
    try:
        return _run_alone(wb, name, work, one_review, one_case, shared=one_review or one_case)
    except NeedsExclusive:
        if not (one_case or one_review):
            raise
        # Rolled back: everything the shared attempt wrote is gone; the second attempt excludes every writer.
        return _run_alone(wb, name, work, one_review, one_case, shared=False)


def _run_alone(
    wb: Workbench, name: str, work: Callable[[Op], T], one_review: bool, one_case: bool, *, shared: bool
) -> tuple[T, ChangeRecord]:
    collector = ChangeCollector()
    with wb.db.write(on_wait=wb.report_busy, cancel=wb.busy_cancel, shared=shared) as session:
        op = Op(wb, session, name, collector, one_review, one_case, shared=shared and not wb.db.is_sqlite)
        with _running(op):
            value = work(op)
            op.finish()
    record = collector.record(name)
    wb.changed(record)
    return value, record


class MutationFn(Generic[P, T]):
    """A registered mutation: call it with the workbench first; ``with_changes`` also returns the record."""

    def __init__(
        self,
        name: str,
        action: Action | None,
        func: Callable[Concatenate[Op, P], T],
        one_review: bool = False,
        one_case: bool = False,
    ) -> None:
        self.name = name
        self.action = action
        self.func = func
        self.one_review = one_review
        self.one_case = one_case
        functools.update_wrapper(self, func)

    def __call__(self, wb: Workbench, *args: P.args, **kwargs: P.kwargs) -> T:
        return self.with_changes(wb, *args, **kwargs)[0]

    def with_changes(self, wb: Workbench, *args: P.args, **kwargs: P.kwargs) -> tuple[T, ChangeRecord]:
        return run_operation(
            wb,
            self.name,
            self.action,
            lambda o: self.func(o, *args, **kwargs),
            one_review=self.one_review,
            one_case=self.one_case,
        )


def mutation(
    name: str, action: Action | None, *, one_review: bool = False, one_case: bool = False
) -> Callable[[Callable[Concatenate[Op, P], T]], MutationFn[P, T]]:
    """Register ``func(o: Op, ...)`` as the mutation ``name`` needing ``action`` (see the module docstring)."""

    def wrap(func: Callable[Concatenate[Op, P], T]) -> MutationFn[P, T]:
        if name in MUTATIONS:
            raise RuntimeError(f"mutation {name} registered twice")
        fn = MutationFn(name, action, func, one_review, one_case)
        MUTATIONS[name] = Mutation(name, action, func, one_review, one_case)
        return fn

    return wrap
