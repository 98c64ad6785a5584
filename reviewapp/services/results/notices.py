"""Rectification notices (整改通知书): numbering, recording, batch export and preview; the case review report.

Numbers "<机关代字>〔<year>〕<n>号" count per issuer code and year without gaps or duplicates, also when two
processes export at once: the serial is taken inside the one transaction that records the notices, after
taking the database write lock (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``SELECT … FOR UPDATE`` on the
serial row). A batch is all or nothing: PDFs are written to temporary files and renamed only after the
commit, so a cancelled or failed batch consumes no number and leaves no file.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from reviewapp.errors import KnownError
from reviewapp.exports import NoticeCase as NoticeCaseData
from reviewapp.exports import (
    NoticeData,
    NoticeProblem,
    RegisteredFonts,
    notice_pdf_bytes,
    register_fonts,
)
from reviewapp.i18n import translate
from reviewapp.services.results.ledger import ReviewedCase, load_reviewed_cases
from reviewapp.services.results.settings import NoticeConfig, load_notice_config, reply_deadline
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import (
    Case,
    DocumentSerial,
    Notice,
    NoticeCase,
)

GroupBy = Literal["case", "prosecutor", "department"]
GROUPINGS: tuple[GroupBy, ...] = ("case", "prosecutor", "department")
Progress = Callable[[int, int], None]  # (notices done, notices in the batch)
Cancel = Callable[[], bool]  # polled between notices; True stops the batch
LOCK_WAIT_SECONDS = 600.0  # another export may hold the write lock for a whole batch
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
    """The results of the cases, in the given order; refuses cases without a submitted review."""
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        raise NoticeError(translate("Notices", "No cases were selected."))
    reviewed = load_reviewed_cases(session, ids, config)
    missing = [i for i in ids if i not in reviewed]
    if missing:
        known = dict(session.execute(select(Case.id, Case.dept_case_no).where(Case.id.in_(missing[:900]))).all())
        names = "、".join(known.get(i, f"#{i}") for i in missing)
        raise NoticeError(
            translate(
                "Notices", "No notice can be made for these cases because they have no submitted review: {cases}"
            ).format(cases=names)
        )
    return [reviewed[i] for i in ids]


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
    )


def _current_versions(session: Session, case_ids: Sequence[int]) -> dict[tuple[str, frozenset[int]], Notice]:
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


def _take_write_lock(session: Session) -> None:
    """SQLite: take the write lock before the first read, so no other process can allocate in between."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("BEGIN IMMEDIATE"))


def next_serial(session: Session, issuer_code: str, year: int) -> int:
    """The next serial for (issuer code, year), counted in the caller's transaction: rolled back, it was
    never used. PostgreSQL locks the serial row (SELECT … FOR UPDATE) until the transaction ends."""
    row: DocumentSerial | None
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            pg_insert(DocumentSerial)
            .values(issuer_code=issuer_code, year=year, last_serial=0)
            .on_conflict_do_nothing(index_elements=["issuer_code", "year"])
        )
        row = session.scalars(
            select(DocumentSerial)
            .where(DocumentSerial.issuer_code == issuer_code, DocumentSerial.year == year)
            .with_for_update()
        ).one()
    else:
        row = session.get(DocumentSerial, (issuer_code, year))
        if row is None:
            row = DocumentSerial(issuer_code=issuer_code, year=year, last_serial=0)
            session.add(row)
    row.last_serial += 1
    return row.last_serial


@contextmanager
def _write_transaction(wb: Workbench, cancel: Cancel | None) -> Iterator[Session]:
    """One transaction holding the write lock; waits for another exporting process, up to a limit."""
    give_up = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        session = wb.db.sessions()
        try:
            session.begin()
            _take_write_lock(session)
            break
        except OperationalError as exc:
            session.rollback()
            session.close()
            if "locked" not in str(exc) or time.monotonic() > give_up:
                raise NoticeError(
                    translate("Notices", "The database is busy with another export; please try again later.")
                ) from exc
            if cancel is not None and cancel():
                raise NoticeBatchCancelled(_cancelled_message()) from exc
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _cancelled_message() -> str:
    return translate("Notices", "The export was cancelled: no notice was issued and no file was written.")


# --- issuing ------------------------------------------------------------------------------------


def _write_temp(out_dir: Path, pdf: bytes) -> Path:
    tmp = out_dir / f".notice-{uuid.uuid4().hex}.pdf.tmp"
    tmp.write_bytes(pdf)
    return tmp


def issue_notices(
    wb: Workbench,
    case_ids: Sequence[int],
    *,
    group_by: GroupBy = "case",
    out_dir: Path,
    issued_on: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    config: NoticeConfig | None = None,
    fonts: RegisteredFonts | None = None,
) -> list[IssuedNotice]:
    """Number, record and write the notices for the cases (one PDF per notice into ``out_dir``).

    A group of cases that already has a current notice gets a new version of it: same number, version + 1,
    the old row superseded, the old file kept. Raises NoticeBatchCancelled when ``cancel`` says so (nothing
    recorded, no file), NoticeError for cases without a submitted review.
    """
    cfg = config or load_notice_config(wb)
    fonts = fonts or register_fonts()  # a font problem fails before the lock is taken
    day = issued_on or date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[Path, Path]] = []  # (temporary file, final path)
    issued: list[IssuedNotice] = []
    try:
        with _write_transaction(wb, cancel) as s:
            groups = group_cases(reviewed_cases(s, case_ids, cfg), group_by)
            previous = _current_versions(s, case_ids)
            for done, (addressee, cases) in enumerate(groups):
                if cancel is not None and cancel():
                    raise NoticeBatchCancelled(_cancelled_message())
                ids = tuple(c.case_id for c in cases)
                old = previous.get((group_by, frozenset(ids)))
                if old is not None:
                    code, year, serial, version = old.issuer_code, old.year, old.serial, old.version + 1
                else:
                    code, year, version = cfg.issuer_code, day.year, 1
                    serial = next_serial(s, code, year)
                number = format_number(code, year, serial)
                data = build_notice(cases, addressee, number, day, cfg)
                pdf = notice_pdf_bytes(data, fonts)
                final = out_dir / notice_file_name(number, version)
                temps.append((_write_temp(out_dir, pdf), final))
                digest = hashlib.sha256(pdf).hexdigest()
                row = Notice(
                    issuer_code=code,
                    year=year,
                    serial=serial,
                    version=version,
                    number=number,
                    addressee_kind=group_by,
                    addressee=addressee,
                    issued_on=day,
                    reply_deadline=data.reply_deadline,
                    file_path=str(final.resolve()),
                    file_sha256=digest,
                    created_by=wb.actor.name,
                    updated_by=wb.actor.name,
                )
                s.add(row)
                s.flush()
                s.add_all(NoticeCase(notice_id=row.id, case_id=c.case_id, review_id=c.review_id) for c in cases)
                if old is not None:
                    old.superseded_by_id = row.id
                    old.updated_by = wb.actor.name
                nos = tuple(c.dept_case_no for c in cases)
                wb.log(
                    s,
                    "issue",
                    "notice",
                    row.id,
                    number=number,
                    version=version,
                    cases=list(nos),
                    sha256=digest,
                    supersedes=old.id if old is not None else None,
                )
                issued.append(
                    IssuedNotice(
                        row.id,
                        number,
                        version,
                        group_by,
                        addressee,
                        day,
                        data.reply_deadline,
                        final,
                        digest,
                        ids,
                        nos,
                        old.id if old is not None else None,
                    )
                )
                if progress is not None:
                    progress(done + 1, len(groups))
            if cancel is not None and cancel():  # the last chance: after the commit the batch stands
                raise NoticeBatchCancelled(_cancelled_message())
    except BaseException:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, final in temps:
        os.replace(tmp, final)
    wb.generation += 1
    return issued


def notice_preview(
    wb: Workbench,
    case_ids: Sequence[int],
    group_by: GroupBy = "case",
    *,
    issued_on: date | None = None,
    config: NoticeConfig | None = None,
    fonts: RegisteredFonts | None = None,
) -> list[bytes]:
    """The notices as PDF bytes, exactly as they would be issued but numbered "（预览）": nothing is
    recorded and no number is consumed."""
    cfg = config or load_notice_config(wb)
    fonts = fonts or register_fonts()
    day = issued_on or date.today()
    with wb.db.session() as s:
        groups = group_cases(reviewed_cases(s, case_ids, cfg), group_by)
        previous = _current_versions(s, case_ids)
    out: list[bytes] = []
    for addressee, cases in groups:
        old = previous.get((group_by, frozenset(c.case_id for c in cases)))
        number = (old.number if old is not None else f"{cfg.issuer_code}〔{day.year}〕") + PREVIEW_MARK
        out.append(notice_pdf_bytes(build_notice(cases, addressee, number, day, cfg), fonts))
    return out
