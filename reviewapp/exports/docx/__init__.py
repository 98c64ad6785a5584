"""Word (DOCX) versions of the official documents, for offices that edit them in Word or WPS before printing.

The content is that of the PDFs — the same layout blocks from exports/notice.py and exports/report.py — on
the GB/T 9704 page (page.py) with the official font names, so a document prints right on an office machine
that has the 公文 fonts.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document as DocumentObject

from reviewapp.exports.documents import NoticeData, ReportData
from reviewapp.exports.docx.writer import build_docx, plain_text, save_docx
from reviewapp.exports.fonts import RegisteredFonts
from reviewapp.exports.notice import NOTICE_TITLE, notice_blocks
from reviewapp.exports.report import report_blocks

DOCX_SUFFIX = ".docx"


def is_docx(path: Path) -> bool:
    """Whether a chosen file name asks for the Word version."""
    return path.suffix.lower() == DOCX_SUFFIX


def _notice(data: NoticeData) -> DocumentObject:
    return build_docx(
        notice_blocks(data),
        title=f"{data.procuratorate}{NOTICE_TITLE}（{data.doc_number}）",
        author=data.issuer,
        subject=NOTICE_TITLE,
        mark=data.audit_mark,
    )


def _report(data: ReportData) -> DocumentObject:
    return build_docx(
        report_blocks(data),
        title=f"{data.case_name}{data.title}（{data.review_no}）",
        author=data.reviewer,
        subject=data.title,
        mark=data.audit_mark,
    )


def write_notice_docx(data: NoticeData, path: Path, fonts: RegisteredFonts | None = None) -> int:
    """Write the notice as DOCX; returns 1 (one document; Word paginates it). ``fonts`` is accepted for the
    PDF writer's signature and not needed: the document names the official fonts."""
    del fonts
    save_docx(_notice(data), path)
    return 1


def notice_docx_bytes(data: NoticeData) -> bytes:
    buf = io.BytesIO()
    save_docx(_notice(data), buf)
    return buf.getvalue()


def write_report_docx(data: ReportData, path: Path, fonts: RegisteredFonts | None = None) -> int:
    """Write the case review report as DOCX (see write_notice_docx)."""
    del fonts
    save_docx(_report(data), path)
    return 1


def report_docx_bytes(data: ReportData) -> bytes:
    buf = io.BytesIO()
    save_docx(_report(data), buf)
    return buf.getvalue()


__all__ = [
    "DOCX_SUFFIX",
    "is_docx",
    "notice_docx_bytes",
    "plain_text",
    "report_docx_bytes",
    "write_notice_docx",
    "write_report_docx",
]
