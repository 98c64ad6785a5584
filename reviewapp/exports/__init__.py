"""Official PDFs (GB/T 9704-2012): fonts, layout, the rectification notice and the case review report."""

from reviewapp.exports.documents import (
    NoticeCase,
    NoticeData,
    NoticeProblem,
    ReportData,
    ReportDimension,
    cn_date,
)
from reviewapp.exports.fonts import (
    FontNotFoundError,
    FontSource,
    RegisteredFonts,
    register_fonts,
)
from reviewapp.exports.notice import notice_pdf_bytes, write_notice_pdf, write_notices_pdf
from reviewapp.exports.report import report_pdf_bytes, write_report_pdf
from reviewapp.font_files import shipped_font_files

__all__ = [
    "FontNotFoundError",
    "FontSource",
    "NoticeCase",
    "NoticeData",
    "NoticeProblem",
    "RegisteredFonts",
    "ReportData",
    "ReportDimension",
    "cn_date",
    "notice_pdf_bytes",
    "register_fonts",
    "report_pdf_bytes",
    "shipped_font_files",
    "write_notice_pdf",
    "write_notices_pdf",
    "write_report_pdf",
]
