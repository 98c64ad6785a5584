"""Reading the audit trail: verifying its hash chain, listing entries, one review's history.

Every operation of the write path leaves one entry chained to the previous one by hash (domain.audit_chain).
Reading the trail needs the READ_AUDIT action (review-rules.md §1: 系统管理员, 评查管理员, 案管负责人),
narrowed to the units a grant covers; a reviewer may always read the history of their own review. Before the
first account exists nobody can log in, so verification is open then (the chain holds only the bootstrap).
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from reviewapp.domain.audit_chain import GENESIS, ChainBreak, ChainEntry, verify_chain
from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.accounts.queries import has_accounts_in
from reviewapp.services.panel.blind import blind_member_ids, refuse_blind
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, AuditEntry, AuditHead, Case, Finding, Person, Review

LOGIN_ACTION = "account.login"


class AuditError(KnownError):
    """An audit request that cannot be answered (unknown review, account …)."""


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # UTC, naive as stored
    login: str | None  # None: no account (a migrated entry or the bootstrap's failed login)
    user_name: str | None  # the person's name, or the free-text name of a migrated entry
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    case_no: str | None  # 部门受案号
    review_id: int | None
    changes: dict[str, Any]
    detail: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(timespec="seconds") + "Z",
            "login": self.login,
            "user": self.user_name,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "case": self.case_no,
            "review_id": self.review_id,
            "changes": self.changes,
            "detail": self.detail,
        }


# --- the chain ----------------------------------------------------------------------------------------


def chain_head(wb: Workbench) -> tuple[int, str]:
    """The sequence number and hash of the last entry (0 and the genesis hash on an empty trail): printed in
    the footer of notices and reports, so a rewritten chain no longer matches the paper."""
    with wb.db.session() as s:
        head = s.get(AuditHead, 1)
        return (head.seq, head.hash) if head is not None else (0, GENESIS)


def _chain_entries(s: Session) -> Generator[ChainEntry, None, None]:
    cols = (
        AuditEntry.seq,
        AuditEntry.uid,
        AuditEntry.at,
        AuditEntry.user_id,
        AuditEntry.action,
        AuditEntry.entity,
        AuditEntry.entity_id,
        AuditEntry.case_id,
        AuditEntry.changes,
        AuditEntry.detail,
        AuditEntry.prev_hash,
        AuditEntry.hash,
    )
    # Streamed: a trail of millions of entries is checked without holding it in memory.
    result = s.execute(select(*cols).order_by(AuditEntry.seq, AuditEntry.id).execution_options(yield_per=2000))
    with result:  # closed when the check stops early too (PostgreSQL streams through a server-side cursor)
        yield from (
            ChainEntry(
                seq=r.seq,
                uid=r.uid,
                at=r.at,
                user_id=r.user_id,
                action=r.action,
                entity=r.entity,
                entity_id=r.entity_id,
                case_id=r.case_id,
                changes=r.changes or {},
                detail=r.detail or {},
                prev_hash=r.prev_hash,
                hash=r.hash,
            )
            for r in result
        )


def verify_audit(wb: Workbench) -> ChainBreak | None:
    """The first place where the stored chain was edited, cut or added to outside the app, or None."""
    with wb.db.session() as s:
        if has_accounts_in(s):
            wb.permissions.require_any(wb.user, Action.READ_AUDIT)
        head = s.get(AuditHead, 1)
        with closing(_chain_entries(s)) as entries:
            return verify_chain(entries, (head.seq, head.hash) if head is not None else None)


def audit_count(wb: Workbench) -> int:
    with wb.db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def entry_at(wb: Workbench, seq: int, *, last: bool = False) -> AuditRow | None:
    """The stored entry with sequence number ``seq`` to name it: the first, or with ``last`` the last one
    stored should there be several (an entry inserted with a number already taken comes after it)."""
    order = AuditEntry.id.desc() if last else AuditEntry.id
    with wb.db.session() as s:
        if has_accounts_in(s):
            wb.permissions.require_any(wb.user, Action.READ_AUDIT)
        rows = _rows(s, _row_stmt().where(AuditEntry.seq == seq).order_by(order).limit(1))
        return rows[0] if rows else None


# --- listing ------------------------------------------------------------------------------------------


def _row_stmt() -> Any:
    # A login runs before anyone is logged in: its entry names the account as its entity, and that account
    # is who the row shows (the detail says whether the password was right).
    who = case(
        (AuditEntry.user_id.is_not(None), AuditEntry.user_id),
        (AuditEntry.action == LOGIN_ACTION, AuditEntry.entity_id),
        else_=None,
    )
    return (
        select(AuditEntry, Account.login, Person.name, Case.dept_case_no, Case.unit_id)
        .outerjoin(Account, Account.id == who)
        .outerjoin(Person, Person.id == Account.person_id)
        .outerjoin(Case, Case.id == AuditEntry.case_id)
    )


def _rows(s: Session, stmt: Any, wb: Workbench | None = None, hidden: set[int] | None = None) -> list[AuditRow]:
    """Rows of ``stmt``; with ``wb``, only entries of cases inside the user's READ_AUDIT scope. Entries of the
    ``hidden`` reviews (a panel member's review while the panel scores blind, panel.blind) keep who and when
    but not what was written."""
    out = []
    for e, login, name, case_no, unit_id in s.execute(stmt):
        if (
            wb is not None
            and unit_id is not None
            and not wb.permissions.allows(wb.user, Action.READ_AUDIT, unit_id=unit_id)
        ):
            continue
        blind = hidden is not None and e.review_id in hidden
        detail: dict[str, Any] = {"blind": True} if blind else dict(e.detail or {})
        out.append(
            AuditRow(
                seq=e.seq,
                at=e.at,
                login=login,
                user_name=name or detail.get("legacy_actor"),
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id,
                case_id=e.case_id,
                case_no=case_no,
                review_id=e.review_id,
                changes={} if blind else dict(e.changes or {}),
                detail=detail,
            )
        )
    return out


def _review_filter(review_id: int) -> Any:
    findings = select(Finding.id).where(Finding.review_id == review_id)
    return or_(
        AuditEntry.review_id == review_id,
        (AuditEntry.entity == "review") & (AuditEntry.entity_id == review_id),
        (AuditEntry.entity == "finding") & AuditEntry.entity_id.in_(findings),
    )


def _own_review(wb: Workbench, s: Session, review_id: int) -> bool:
    review = s.get(Review, review_id)
    if review is None:
        raise AuditError(translate("Audit", "There is no review {id}.").format(id=review_id))
    return wb.user.person_id is not None and review.reviewer_id == wb.user.person_id


def audit_log(
    wb: Workbench,
    *,
    case_id: int | None = None,
    login: str | None = None,
    review_id: int | None = None,
    limit: int | None = None,
) -> list[AuditRow]:
    """Entries, newest last, filtered by case, acting account and review (all given filters apply); ``limit``
    keeps the newest ones. READ_AUDIT over the case's unit, or the reviewer of the review asked for."""
    with wb.db.session() as s:
        scoped: Workbench | None = wb
        hidden = blind_member_ids(s, wb.user)
        if review_id is not None and review_id in hidden:
            review = s.get(Review, review_id)
            assert review is not None
            refuse_blind(s, wb.user, review)
        if review_id is not None and _own_review(wb, s, review_id):
            scoped = None  # the reviewer reads their own review's history whatever their roles
        elif case_id is not None:
            unit_id = s.scalar(select(Case.unit_id).where(Case.id == case_id))
            wb.permissions.require(wb.user, Action.READ_AUDIT, unit_id=unit_id)
        else:
            wb.permissions.require_any(wb.user, Action.READ_AUDIT)
        stmt = _row_stmt()
        if case_id is not None:
            stmt = stmt.where(AuditEntry.case_id == case_id)
        if review_id is not None:
            stmt = stmt.where(_review_filter(review_id))
        if login is not None:
            account_id = s.scalar(select(Account.id).where(Account.login == login.strip()))
            if account_id is None:
                raise AuditError(translate("Audit", "There is no account {login}.").format(login=login))
            logins = (AuditEntry.action == LOGIN_ACTION) & (AuditEntry.entity_id == account_id)
            stmt = stmt.where(or_(AuditEntry.user_id == account_id, logins & AuditEntry.user_id.is_(None)))
        if limit is not None:
            newest = stmt.order_by(AuditEntry.seq.desc(), AuditEntry.id.desc()).limit(limit)
            return list(reversed(_rows(s, newest, scoped, hidden)))
        return _rows(s, stmt.order_by(AuditEntry.seq, AuditEntry.id), scoped, hidden)


def review_history(wb: Workbench, review_id: int) -> list[AuditRow]:
    """Everything done to one review and its findings, oldest first (the GUI's history view)."""
    return audit_log(wb, review_id=review_id)


def describe(row: AuditRow) -> str:
    """One line naming an entry: sequence number, time, who, what."""
    who = row.user_name or row.login or translate("Audit", "(no account)")
    what = row.action + (f" {row.entity}#{row.entity_id}" if row.entity_id is not None else "")
    number = f" {row.case_no}" if row.case_no else ""
    return translate("Audit", "entry {seq} ({at} UTC, {who}: {what}{case})").format(
        seq=row.seq, at=row.at.isoformat(sep=" ", timespec="seconds"), who=who, what=what, case=number
    )


def break_message(wb: Workbench, found: ChainBreak) -> str:
    """A plain sentence naming the first entry edited, deleted or inserted outside the app."""
    if found.kind == "deleted":
        return translate(
            "Audit", "The audit trail was changed outside the app: entry {seq} was deleted (it is missing)."
        ).format(seq=found.seq)
    stored = entry_at(wb, found.seq, last=found.kind == "inserted")
    named = describe(stored) if stored is not None else translate("Audit", "entry {seq}").format(seq=found.seq)
    if found.kind == "inserted":
        return translate("Audit", "The audit trail was changed outside the app: {entry} was inserted.").format(
            entry=named
        )
    return translate("Audit", "The audit trail was changed outside the app: {entry} was edited.").format(entry=named)
