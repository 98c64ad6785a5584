"""The 评查流转单 (routing sheet) of a case's review file: built from its timeline and the rectification of its
notices, written as a PDF (exports/routing_sheet.py). Whoever reads the file's timeline may print it."""

from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.audit_chain import GENESIS
from reviewapp.exports.documents import audit_mark
from reviewapp.exports.fonts import RegisteredFonts
from reviewapp.exports.routing_sheet import (
    RoutingRectification,
    RoutingSheetData,
    RoutingStep,
    write_routing_sheet_pdf,
)
from reviewapp.services.panel.labels import CN_RECTIFICATION, cn_event, cn_status
from reviewapp.services.panel.timeline import Timeline, file_timeline, load_file, require_file_reader
from reviewapp.services.results.settings import load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import AuditHead, Case, Department, Notice, NoticeCase, Person, Review, Unit
from reviewapp.storage.models.panel import Rectification


def _change(frm: str | None, to: str | None) -> str:
    if to is None or frm == to:
        return ""
    return f"{cn_status(frm) or '—'} → {cn_status(to)}"


def _steps(t: Timeline) -> list[RoutingStep]:
    steps = []
    for e in t.entries:
        if e.event == "notice":
            steps.append(RoutingStep(e.at, cn_event("notice"), e.actor, note=f"文号{e.subject_name}"))
            continue
        if e.event == "overdue":
            steps.append(RoutingStep(e.at, cn_event("overdue"), "", note=f"整改通知书{e.subject_name}期限届满未回复"))
            continue
        subject = f"评查员{e.subject_name}" if e.subject == "member" and e.subject_name else ""
        steps.append(
            RoutingStep(e.at, cn_event(e.event), e.actor, subject, _change(e.from_status, e.to_status), e.reason)
        )
    return steps


def _rectifications(s: Session, opinion: Review, review_ids: set[int]) -> list[RoutingRectification]:
    stmt = (
        select(Rectification, Notice)
        .join(Notice, Notice.id == Rectification.notice_id)
        .join(NoticeCase, NoticeCase.notice_id == Notice.id)
        .where(
            NoticeCase.case_id == opinion.case_id,
            NoticeCase.review_id.in_(review_ids) | NoticeCase.review_id.is_(None),
            Rectification.deleted_at.is_(None),
        )
        .order_by(Notice.id)
    )
    out = []
    for rect, notice in dict.fromkeys(s.execute(stmt)):
        status = "已作废" if notice.status == "superseded" else CN_RECTIFICATION.get(rect.status, rect.status)
        out.append(
            RoutingRectification(
                notice_no=notice.number,
                issued_on=notice.issued_on,
                due_on=rect.due_on,
                status=status,
                report_received_on=rect.report_received_on,
                rechecked_on=rect.rechecked_on,
                recheck_passed=rect.recheck_passed,
                recheck_note=rect.recheck_note,
                overdue_on=rect.overdue_on,
            )
        )
    return out


def routing_sheet_data(wb: Workbench, case_id: int, *, made_on: date | None = None) -> RoutingSheetData:
    """The routing sheet of the case's review file (latest round); refused to whoever may not read the file."""
    procuratorate = load_notice_config(wb).procuratorate
    with wb.db.session() as s:
        opinion = load_file(s, case_id)
        members = list(
            s.scalars(
                select(Review).where(Review.file_id == opinion.id, Review.deleted_at.is_(None)).order_by(Review.id)
            )
        )
        require_file_reader(wb, s, opinion, members)
        t = file_timeline(s, wb, opinion)
        case = s.get(Case, case_id)
        assert case is not None
        unit = s.scalar(select(Unit.name).where(Unit.id == case.unit_id)) or ""
        department = s.scalar(select(Department.name).where(Department.id == case.department_id)) or ""
        prosecutor = s.scalar(select(Person.name).where(Person.id == case.prosecutor_id)) or ""
        rects = _rectifications(s, opinion, {opinion.id} | {m.id for m in members})
        head = s.get(AuditHead, 1)
        mark = audit_mark(head.seq, head.hash) if head is not None else audit_mark(0, GENESIS)
        return RoutingSheetData(
            procuratorate=procuratorate,
            file_no=t.file_no,
            case_name=t.case_name,
            dept_case_no=t.dept_case_no,
            handling_unit=unit,
            handling_department=department,
            prosecutor=prosecutor,
            review_type=opinion.review_type,
            members=[f"{name}（主评查员）" if i == 0 else name for i, name in enumerate(t.members)],
            status=cn_status(opinion.status),
            steps=_steps(t),
            rectifications=rects,
            made_on=made_on or date.today(),
            audit_mark=mark,
        )


def write_routing_sheet(
    wb: Workbench, case_id: int, path: Path, *, fonts: RegisteredFonts | None = None, made_on: date | None = None
) -> Path:
    """Write the routing sheet PDF to ``path`` (renamed into place once complete)."""
    data = routing_sheet_data(wb, case_id, made_on=made_on)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write_routing_sheet_pdf(data, tmp, fonts)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
