"""What a rectification notice (整改通知书) says: the reviewed cases it covers, grouped per addressee, its
number, and the current version of each notice; and taking the next serial of a number."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import NOTICEABLE
from reviewapp.errors import KnownError
from reviewapp.exports import NoticeCase as NoticeCaseData
from reviewapp.exports import NoticeData, NoticeProblem
from reviewapp.i18n import translate
from reviewapp.services.results.ledger import ReviewedCase, latest_opinions, load_reviewed_cases, local_day
from reviewapp.services.results.settings import NoticeConfig, reply_deadline
from reviewapp.storage.models import Case, DocumentSerial, Notice, NoticeCase
from reviewapp.storage.pg import lock_rows

GroupBy = Literal["case", "prosecutor", "department"]
GROUPINGS: tuple[GroupBy, ...] = ("case", "prosecutor", "department")
Progress = Callable[[int, int], None]  # (notices done, notices in the batch)
Cancel = Callable[[], bool]  # polled between notices; True stops the batch
PREVIEW_MARK = "（预览）"
_UNSAFE_IN_FILE_NAMES = str.maketrans({c: "_" for c in '\\/:*?"<>|'})


class NoticeError(KnownError, ValueError):
    """A notice or report cannot be made (message for the user)."""


class NoticeBatchCancelled(NoticeError):
    """The user cancelled a batch: nothing was recorded, no number consumed, no file left."""


@dataclass(frozen=True)
class IssuedNotice:
    notice_id: int
    number: str
    version: int
    addressee_kind: str
    addressee: str
    issued_on: date
    reply_deadline: date
    path: Path
    sha256: str
    case_ids: tuple[int, ...]
    dept_case_nos: tuple[str, ...]
    superseded_id: int | None  # the previous version this one replaces


def format_number(issuer_code: str, year: int, serial: int) -> str:
    """The printed number, e.g. 京朝检案管整改〔2026〕7号: per year, no leading zeros, no 第 (review-rules §6)."""
    return f"{issuer_code}〔{year}〕{serial}号"


def notice_file_name(number: str, version: int) -> str:
    name = number.translate(_UNSAFE_IN_FILE_NAMES)
    return f"{name}.pdf" if version == 1 else f"{name}-v{version}.pdf"


# --- reading and grouping -------------------------------------------------------------------------


def reviewed_cases(session: Session, case_ids: Sequence[int], config: NoticeConfig) -> list[ReviewedCase]:
    """The results of the cases, in the given order; refuses cases whose opinion is not determined
    (review-rules.md §1 steps 10–12: the notice follows the determination)."""
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        raise NoticeError(translate("Notices", "No cases were selected."))
    reviewed = load_reviewed_cases(session, ids, config, statuses=NOTICEABLE)
    missing = [i for i in ids if i not in reviewed]
    if missing:
        known = dict(session.execute(select(Case.id, Case.dept_case_no).where(Case.id.in_(missing[:900]))).all())
        names = "、".join(known.get(i, f"#{i}") for i in missing)
        raise NoticeError(
            translate(
                "Notices",
                "No notice can be made for these cases because their review is not determined (审定): {cases}",
            ).format(cases=names)
        )
    return [reviewed[i] for i in ids]


def latest_determination(days: Iterable[date | None]) -> date | None:
    """The latest of the determination days given (None when no case is determined)."""
    return max((d for d in days if d is not None), default=None)


def earliest_notice_day(session: Session, case_ids: Sequence[int]) -> date | None:
    """The first day a notice of these cases may carry: the latest determination day among those determined
    (None when none is), so a date picker can start there. Reads the opinions alone, not their findings."""
    opinions = latest_opinions(session, list(dict.fromkeys(case_ids)), NOTICEABLE)
    return latest_determination(local_day(r.determined_on) for r in opinions.values())


def require_dated_after_determination(reviewed: Sequence[ReviewedCase], day: date) -> None:
    """Refuses a notice dated before a case's determination: the notice states the grade and its determination
    date and follows the determination (review-rules.md §1 steps 10–12)."""
    late = [c for c in reviewed if c.determined_on is not None and c.determined_on > day]
    latest = latest_determination(c.determined_on for c in late)
    if latest is not None:
        raise NoticeError(
            translate(
                "Notices",
                "The notice date {day} is before the determination (审定) of {cases}. Date the notice {latest} "
                "or later.",
            ).format(
                day=day.isoformat(),
                cases="、".join(f"{c.dept_case_no}（{c.determined_on}）" for c in late),
                latest=latest.isoformat(),
            )
        )


def group_cases(reviewed: Sequence[ReviewedCase], group_by: GroupBy) -> list[tuple[str, list[ReviewedCase]]]:
    """(addressee, cases) per notice, in order of first appearance: one per case (to its prosecutor),
    per prosecutor, or per department."""
    if group_by not in GROUPINGS:
        raise NoticeError(translate("Notices", "Unknown grouping {group}.").format(group=group_by))
    groups: dict[object, tuple[str, list[ReviewedCase]]] = {}
    for rc in reviewed:
        key: object
        if group_by == "case":
            key, addressee = rc.case_id, rc.prosecutor
        elif group_by == "prosecutor":
            key, addressee = rc.prosecutor_id, rc.prosecutor
        else:
            key, addressee = rc.department_id, rc.department
        groups.setdefault(key, (addressee, []))[1].append(rc)
    return list(groups.values())


def build_notice(
    cases: Sequence[ReviewedCase], addressee: str, number: str, issued_on: date, config: NoticeConfig
) -> NoticeData:
    departments = "、".join(dict.fromkeys(c.department for c in cases))
    return NoticeData(
        procuratorate=config.procuratorate,
        doc_number=number,
        addressee=addressee,
        cases=[
            NoticeCaseData(
                case_name=c.case_name,
                dept_case_no=c.dept_case_no,
                review_type=c.review_type,
                review_no=c.review_no,
                grade=c.grade,
                determined_on=c.determined_on,
                problems=[
                    NoticeProblem(p.dimension, p.item_code, p.item_text, p.severity, p.reason, p.citation)
                    for p in c.problems
                ],
            )
            for c in cases
        ],
        requirements=list(config.requirements),
        reply_deadline=reply_deadline(issued_on, config),
        how_to_reply=config.how_to_reply,
        how_to_object=config.how_to_object,
        issuer=config.issuer,
        issued_on=issued_on,
        cc=[line.replace("{department}", departments) for line in config.cc],
        letterhead=config.red_letterhead,
    )


def current_versions(session: Session, case_ids: Sequence[int]) -> dict[tuple[str, frozenset[int]], Notice]:
    """(addressee kind, exact case set) → the current (not superseded) notice covering exactly those cases."""
    ids = list(dict.fromkeys(case_ids))
    touching: set[int] = set()
    for start in range(0, len(ids), 900):
        stmt = (
            select(NoticeCase.notice_id)
            .join(Notice, Notice.id == NoticeCase.notice_id)
            .where(NoticeCase.case_id.in_(ids[start : start + 900]), Notice.superseded_by_id.is_(None))
        )
        touching.update(session.scalars(stmt))
    members: dict[int, set[int]] = {}
    notice_ids = sorted(touching)
    for start in range(0, len(notice_ids), 900):
        chunk = notice_ids[start : start + 900]
        for nid, cid in session.execute(
            select(NoticeCase.notice_id, NoticeCase.case_id).where(NoticeCase.notice_id.in_(chunk))
        ):
            members.setdefault(nid, set()).add(cid)
    out: dict[tuple[str, frozenset[int]], Notice] = {}
    for start in range(0, len(notice_ids), 900):
        rows = select(Notice).where(Notice.id.in_(notice_ids[start : start + 900])).order_by(Notice.id)
        for n in session.scalars(rows):
            out[(n.addressee_kind, frozenset(members[n.id]))] = n
    return out


# --- numbering ----------------------------------------------------------------------------------


def last_serial(session: Session, issuer_code: str, year: int) -> int:
    return (
        session.scalar(
            select(DocumentSerial.last_serial).where(
                DocumentSerial.issuer_code == issuer_code, DocumentSerial.year == year
            )
        )
        or 0
    )


def next_serial(session: Session, issuer_code: str, year: int) -> int:
    """The next serial for (issuer code, year), counted in the caller's transaction: rolled back, it was
    never used. PostgreSQL locks the serial row (SELECT … FOR UPDATE) until the transaction ends."""
    row: DocumentSerial | None
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert  # (not loaded for SQLite)

        session.execute(
            pg_insert(DocumentSerial)
            .values(issuer_code=issuer_code, year=year, last_serial=0)
            .on_conflict_do_nothing(index_elements=["issuer_code", "year"])
        )
        # Waits for a serial another program holds like the write lock is waited for: busy message, cancel.
        (row,) = lock_rows(
            session,
            select(DocumentSerial).where(DocumentSerial.issuer_code == issuer_code, DocumentSerial.year == year),
        )
    else:
        row = session.get(DocumentSerial, (issuer_code, year))
        if row is None:
            row = DocumentSerial(issuer_code=issuer_code, year=year, last_serial=0)
            session.add(row)
    row.last_serial += 1
    return row.last_serial


def cancelled_message() -> str:
    return translate("Notices", "The export was cancelled: no notice was issued and no file was written.")
