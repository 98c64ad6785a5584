"""Rectification notices (整改通知书): planning the numbers, issuing (numbering, recording, writing) and preview.

Numbers "<机关代字>〔<year>〕<n>号" count per issuer code and year without gaps or duplicates, also when two
processes export at once: the serial is taken inside the one operation that records the notices, under the
write lock (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``SELECT … FOR UPDATE`` on the serial row). The PDFs are
rendered before that operation, so the lock is not held while rendering (see issue_notices). A batch is all
or nothing: PDFs are written to temporary files and renamed only after the commit, so a cancelled or failed
batch consumes no number and leaves no file. Each notice stores and prints the audit chain head.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.audit_chain import GENESIS
from reviewapp.domain.roles import Action
from reviewapp.exports import (
    NoticeData,
    RegisteredFonts,
    notice_pdf_bytes,
    register_fonts,
)
from reviewapp.exports.cell_safety import place
from reviewapp.exports.documents import audit_mark
from reviewapp.services.cancel_wait import cancel_while_waiting
from reviewapp.services.changes import Kind
from reviewapp.services.panel.rectification import open_for_notice
from reviewapp.services.results.ledger import ReviewedCase
from reviewapp.services.results.notice_content import (
    GROUPINGS,
    PREVIEW_MARK,
    Cancel,
    GroupBy,
    IssuedNotice,
    NoticeBatchCancelled,
    NoticeError,
    Progress,
    build_notice,
    cancelled_message,
    current_versions,
    earliest_notice_day,
    format_number,
    group_cases,
    last_serial,
    next_serial,
    notice_file_name,
    require_dated_after_determination,
    reviewed_cases,
)
from reviewapp.services.results.pending_files import PendingFiles
from reviewapp.services.results.settings import NoticeConfig, load_notice_config, require_issuer_set
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import (
    AuditHead,
    Case,
    Notice,
    NoticeCase,
)

__all__ = [
    "GROUPINGS",
    "PREVIEW_MARK",
    "GroupBy",
    "IssuedNotice",
    "NoticeBatchCancelled",
    "NoticeError",
    "build_notice",
    "format_number",
    "group_cases",
    "issue_notices",
    "next_serial",
    "notice_file_name",
    "notice_preview",
    "plan_notice_numbers",
    "reviewed_cases",
]


# --- planning: what an issue would record ---------------------------------------------------------


@dataclass(frozen=True)
class _Planned:
    cases: tuple[ReviewedCase, ...]
    old_id: int | None
    code: str
    year: int
    serial: int
    version: int
    data: NoticeData  # without the audit mark


@dataclass(frozen=True)
class _Plan:
    notices: tuple[_Planned, ...]
    audit_seq: int
    audit_hash: str

    def mark(self) -> str:
        return audit_mark(self.audit_seq, self.audit_hash)


def _plan(s: Session, case_ids: Sequence[int], group_by: GroupBy, day: date, cfg: NoticeConfig) -> _Plan:
    """Groups, numbers and content of the notices an issue would record now, and the audit chain head."""
    reviewed = reviewed_cases(s, case_ids, cfg)
    require_dated_after_determination(reviewed, day)
    groups = group_cases(reviewed, group_by)
    previous = current_versions(s, case_ids)
    serials: dict[tuple[str, int], int] = {}
    out = []
    for addressee, cases in groups:
        old = previous.get((group_by, frozenset(c.case_id for c in cases)))
        if old is not None:
            code, year, serial, version = old.issuer_code, old.year, old.serial, old.version + 1
        else:
            code, year, version = cfg.issuer_code, day.year, 1
            if (code, year) not in serials:
                serials[(code, year)] = last_serial(s, code, year)
            serials[(code, year)] += 1
            serial = serials[(code, year)]
        data = build_notice(cases, addressee, format_number(code, year, serial), day, cfg)
        out.append(_Planned(tuple(cases), old.id if old is not None else None, code, year, serial, version, data))
    head = s.get(AuditHead, 1)
    return _Plan(tuple(out), head.seq if head else 0, head.hash if head else GENESIS)


def plan_notice_numbers(
    wb: Workbench,
    case_ids: Sequence[int],
    group_by: GroupBy = "case",
    *,
    issued_on: date | None = None,
    config: NoticeConfig | None = None,
) -> list[str]:
    """The numbers an issue of these cases would take next, in notice order (a re-issue keeps its number),
    so the GUI and the CLI can show them and ask once. A read: nothing is taken."""
    cfg = config or load_notice_config(wb)
    with wb.db.session() as s:
        plan = _plan(s, case_ids, group_by, issued_on or date.today(), cfg)
    return [p.data.doc_number for p in plan.notices]


# --- issuing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rendered:
    temp: Path
    final: Path
    sha256: str


class _PlanChanged(Exception):
    """Someone wrote between planning and recording: the rendered PDFs may not match; render again."""


def _render(
    plan: _Plan,
    out_dir: Path,
    fonts: RegisteredFonts,
    temps: PendingFiles,
    progress: Progress | None,
    cancel: Cancel | None,
) -> list[_Rendered]:
    out = []
    for done, p in enumerate(plan.notices):
        if cancel is not None and cancel():
            raise NoticeBatchCancelled(cancelled_message())
        pdf = notice_pdf_bytes(dataclasses.replace(p.data, audit_mark=plan.mark()), fonts)
        tmp = temps.temp(pdf)  # flushed to disk: it must survive a crash after the commit
        final = out_dir / notice_file_name(p.data.doc_number, p.version)
        out.append(_Rendered(tmp, final, hashlib.sha256(pdf).hexdigest()))
        if progress is not None:
            progress(done + 1, len(plan.notices))
    return out


# Rendering outside the lock is retried this often when another write lands in between; the last attempt
# renders inside the operation (holding the lock for one batch's rendering).
RENDER_ATTEMPTS = 3


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
    the old row superseded, the old file kept. The PDFs are rendered before the operation opens, with the
    numbers and audit chain head read just before; the operation ("notice.issue") re-reads the notices under
    the lock and records only if they did not change (else it renders again, the last time inside the lock).
    The printed and stored chain head is the one read when planning (an entry before the issue's own). Files
    are renamed into place after the commit, so a cancelled or refused batch takes no number and leaves no
    file. Raises NotPermitted, NoticeConfigError while an issuer setting is a placeholder (××),
    NoticeBatchCancelled on cancel, NoticeError for cases without a submitted review.
    """
    wb.permissions.require_any(wb.user, Action.ISSUE_NOTICES)
    cfg = config or load_notice_config(wb)
    require_issuer_set(cfg)
    fonts = fonts or register_fonts()  # a font problem fails before anything is rendered
    day = issued_on or date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    # Journalled before the first temporary file: a crash after the commit is completed at the next start
    # (pending_files.py), one before it leaves nothing behind.
    temps = PendingFiles(wb, out_dir, "notice")
    try:
        for attempt in range(1, RENDER_ATTEMPTS + 1):
            with wb.db.session() as s:
                plan = _plan(s, case_ids, group_by, day, cfg)
            rendered = _render(plan, out_dir, fonts, temps, progress, cancel)
            try:
                with cancel_while_waiting(wb, cancel, lambda: NoticeBatchCancelled(cancelled_message())):
                    issued, rendered = _record(
                        wb,
                        case_ids,
                        group_by,
                        day,
                        cfg,
                        plan,
                        rendered,
                        attempt == RENDER_ATTEMPTS,
                        out_dir,
                        fonts,
                        temps,
                        cancel,
                    )
            except _PlanChanged:
                continue
            for r in rendered:
                place(r.temp, r.final)
            return issued
        raise AssertionError("the last attempt records or raises")  # pragma: no cover
    finally:
        temps.close()


@mutation("notice.issue", Action.ISSUE_NOTICES)
def _record(
    o: Op,
    case_ids: Sequence[int],
    group_by: GroupBy,
    day: date,
    cfg: NoticeConfig,
    plan: _Plan,
    rendered: list[_Rendered],
    last: bool,
    out_dir: Path,
    fonts: RegisteredFonts,
    temps: PendingFiles,
    cancel: Cancel | None,
) -> tuple[list[IssuedNotice], list[_Rendered]]:
    s = o.session
    for unit_id in _units(s, case_ids):  # notices go to a case's unit: the issuer's scope must cover it
        o.require(Action.ISSUE_NOTICES, unit_id=unit_id)
    fresh = _plan(s, case_ids, group_by, day, cfg)
    # Only the notices themselves (numbers, cases, content) decide whether the PDFs must be rendered again.
    # The printed chain head stays the one read when planning: an entry that precedes this operation's own,
    # so it still proves the chain up to it existed when the notice was issued, and the lock is not held
    # for rendering just because another workstation wrote something meanwhile (nearly always, under load).
    if fresh.notices != plan.notices:
        if not last:
            raise _PlanChanged()
        plan = dataclasses.replace(fresh, audit_seq=plan.audit_seq, audit_hash=plan.audit_hash)
        rendered = _render(plan, out_dir, fonts, temps, None, cancel)
    if cancel is not None and cancel():  # the last chance: after the commit the batch stands
        raise NoticeBatchCancelled(cancelled_message())
    issued: list[IssuedNotice] = []
    for p, r in zip(plan.notices, rendered, strict=True):
        if p.old_id is None:
            taken = next_serial(s, p.code, p.year)
            assert taken == p.serial, "the plan was checked under the lock"
        number = p.data.doc_number
        row = Notice(
            issuer_code=p.code,
            year=p.year,
            serial=p.serial,
            version=p.version,
            number=number,
            addressee_kind=group_by,
            addressee=p.data.addressee,
            issued_on=day,
            reply_deadline=p.data.reply_deadline,
            file_path=str(r.final.resolve()),
            file_sha256=r.sha256,
            audit_seq=plan.audit_seq,
            audit_hash=plan.audit_hash,
        )
        s.add(o.stamp(row, new=True))
        s.flush()
        s.add_all(NoticeCase(notice_id=row.id, case_id=c.case_id, review_id=c.review_id) for c in p.cases)
        open_for_notice(o, row)  # review-rules.md §1 step 12: each notice is followed until its re-check
        if p.old_id is not None:
            old = s.get(Notice, p.old_id)
            assert old is not None
            old.superseded_by_id = row.id
            o.stamp(old)
        o.touch(Kind.NOTICE, row.id, p.old_id)
        ids = tuple(c.case_id for c in p.cases)
        nos = tuple(c.dept_case_no for c in p.cases)
        issued.append(
            IssuedNotice(
                row.id,
                number,
                p.version,
                group_by,
                p.data.addressee,
                day,
                p.data.reply_deadline,
                r.final,
                r.sha256,
                ids,
                nos,
                p.old_id,
            )
        )
    o.audit(
        "notice",
        issued[0].notice_id if len(issued) == 1 else None,
        case_id=issued[0].case_ids[0] if len(issued) == 1 and len(issued[0].case_ids) == 1 else None,
        audit_seq=plan.audit_seq,
        audit_hash=plan.audit_hash,
        notices=[
            {
                "id": n.notice_id,
                "number": n.number,
                "version": n.version,
                "cases": list(n.dept_case_nos),
                "sha256": n.sha256,
                "supersedes": n.superseded_id,
            }
            for n in issued
        ],
    )
    return issued, rendered


def _units(s: Session, case_ids: Sequence[int]) -> set[int]:
    ids = list(dict.fromkeys(case_ids))
    out: set[int] = set()
    for start in range(0, len(ids), 900):
        out.update(s.scalars(select(Case.unit_id).where(Case.id.in_(ids[start : start + 900])).distinct()))
    return out


def earliest_issue_date(wb: Workbench, case_ids: Sequence[int]) -> date | None:
    """The earliest issue date the notices of these cases may carry (their latest determination day)."""
    wb.permissions.require_any(wb.user, Action.ISSUE_NOTICES)
    with wb.db.session() as s:
        return earliest_notice_day(s, case_ids)


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
        reviewed = reviewed_cases(s, case_ids, cfg)
        require_dated_after_determination(reviewed, day)
        groups = group_cases(reviewed, group_by)
        previous = current_versions(s, case_ids)
    out: list[bytes] = []
    for addressee, cases in groups:
        old = previous.get((group_by, frozenset(c.case_id for c in cases)))
        number = (old.number if old is not None else f"{cfg.issuer_code}〔{day.year}〕") + PREVIEW_MARK
        out.append(notice_pdf_bytes(build_notice(cases, addressee, number, day, cfg), fonts))
    return out
