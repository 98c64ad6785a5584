"""The Word (DOCX) copy of an issued rectification notice, for offices that edit notices in Word or WPS.

The issued PDF stays the record (its SHA-256 is stored with the notice); the Word copy is built from the
same records — the notice's number, addressee, issue date, reply deadline and audit chain head as stored,
its cases' results as they are — so it says what the PDF says. It is a read: nothing is numbered or stored.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import select

from reviewapp.domain.roles import Action
from reviewapp.exports.documents import audit_mark
from reviewapp.exports.docx import write_notice_docx
from reviewapp.i18n import translate
from reviewapp.services.results.notice_content import NoticeError, build_notice, reviewed_cases
from reviewapp.services.results.settings import NoticeConfig, load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Notice, NoticeCase


def notice_docx(wb: Workbench, notice_id: int, path: Path, *, config: NoticeConfig | None = None) -> Path:
    """Write the Word copy of notice ``notice_id`` to ``path``; returns the path."""
    wb.permissions.require_any(wb.user, Action.ISSUE_NOTICES)
    cfg = config or load_notice_config(wb)
    with wb.db.session() as s:
        notice = s.get(Notice, notice_id)
        if notice is None:
            raise NoticeError(translate("Notices", "There is no notice #{id}.").format(id=notice_id))
        case_ids = list(
            s.scalars(select(NoticeCase.case_id).where(NoticeCase.notice_id == notice_id).order_by(NoticeCase.id))
        )
        data = build_notice(reviewed_cases(s, case_ids, cfg), notice.addressee, notice.number, notice.issued_on, cfg)
        mark = audit_mark(notice.audit_seq, notice.audit_hash) if notice.audit_seq is not None else ""
        data = dataclasses.replace(data, reply_deadline=notice.reply_deadline, audit_mark=mark)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_notice_docx(data, path)
    return path


def docx_beside(pdf: Path) -> Path:
    """Where the Word copy of an issued PDF goes: the same name, .docx."""
    return pdf.with_suffix(".docx")
