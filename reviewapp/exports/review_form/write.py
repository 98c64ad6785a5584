"""Write the offline review form of one case (see review_form.py for the public API)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.exports.cell_safety import save_workbook
from reviewapp.exports.review_form.layout import (
    COVER_HEADERS,
    COVER_ROWS,
    COVER_SHEET,
    CRITERIA_COLUMNS,
    CRITERIA_SHEET,
    DOCUMENTS_SHEET,
    FORM_COLUMNS,
    FORM_SHEET,
    GROUP_SEPARATORS,
    NO,
    PHRASES_SHEET,
    YES,
)
from reviewapp.services.reviews.state import FindingRow
from reviewapp.standards import Standard

_WIDTHS = {"评查项内容": 46, "理由": 46, "卷宗文书": 22, "内容": 50, "值": 44, "字段": 22, "维度": 14}
_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells the reviewer fills in


@dataclass(frozen=True)
class FormContent:
    """Everything the form shows, gathered by the service in one session."""

    cover: dict[str, str]
    standard: Standard
    case_type: str
    document_titles: tuple[str, ...]
    findings: tuple[FindingRow, ...]  # prefilled from the reviewer's draft, if any
    ticked: tuple[str, ...]


def write_form(content: FormContent, path: str | Path) -> None:
    wb = Workbook()
    cover = wb.active
    assert cover is not None  # a new Workbook always has one sheet
    cover.title = COVER_SHEET
    _cover(cover, content.cover)
    form = wb.create_sheet(FORM_SHEET)
    phrases = wb.create_sheet(PHRASES_SHEET)
    docs = wb.create_sheet(DOCUMENTS_SHEET)
    _form(form, phrases, docs, content)
    _criteria(wb.create_sheet(CRITERIA_SHEET), content)
    phrases.sheet_state = "hidden"
    docs.sheet_state = "hidden"
    wb.active = 1  # open on the form
    save_workbook(wb, Path(path))  # case and finding texts neutralised against formula injection


def _header(ws: Worksheet, headers: tuple[str, ...]) -> None:
    ws.append(list(headers))
    for col, cell in enumerate(ws[1], start=1):
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(headers[col - 1], 12)
    ws.freeze_panes = "A2"


def _cover(ws: Worksheet, values: dict[str, str]) -> None:
    _header(ws, COVER_HEADERS)
    for code, label in COVER_ROWS:
        ws.append([label, values.get(code, ""), code])
        if code in ("reviewer", "excellence_justification"):
            ws.cell(row=ws.max_row, column=2).fill = _FILL
    ws.column_dimensions["C"].hidden = True


def _form(form: Worksheet, phrases: Worksheet, docs: Worksheet, content: FormContent) -> None:
    standard = content.standard
    _header(form, tuple(h for _, h in FORM_COLUMNS))
    col = {field: i for i, (field, _) in enumerate(FORM_COLUMNS, start=1)}
    for title in content.document_titles:
        docs.append([title])
    by_item = {f.item_code: f for f in content.findings}
    severity_lists: dict[tuple[str, ...], DataValidation] = {}
    if content.document_titles:
        doc_range = f"{quote_sheetname(DOCUMENTS_SHEET)}!$A$1:$A${len(content.document_titles)}"
        # Not strict: several documents may be written into one cell, '；'-separated; the import checks.
        doc_dv = DataValidation(type="list", formula1=doc_range, allow_blank=True, showErrorMessage=False)
        form.add_data_validation(doc_dv)
    for row_no, item in enumerate(standard.items_for(content.case_type), start=2):
        finding = by_item.get(item.code)
        values: dict[str, object] = {
            "dimension": standard.dimension(item.dimension).name,
            "code": item.code,
            "text": item.text,
            "default_deduction": item.deduction,
        }
        if finding is not None:
            values.update(severity=finding.severity, deduction=finding.deduction, reason=finding.reason)
            values.update(_evidence_cells(finding))
        form.append([values.get(field) for field, _ in FORM_COLUMNS])
        for field in ("severity", "deduction", "reason", "documents", "pages"):
            form.cell(row=row_no, column=col[field]).fill = _FILL
        form.cell(row=row_no, column=col["text"]).alignment = Alignment(wrap_text=True, vertical="top")
        dv = severity_lists.get(item.severities)
        if dv is None:
            dv = DataValidation(
                type="list", formula1='"' + ",".join(item.severities) + '"', allow_blank=True, showErrorMessage=True
            )
            dv.errorTitle = "问题等级"
            dv.error = "可选：" + "、".join(item.severities)
            form.add_data_validation(dv)
            severity_lists[item.severities] = dv
        dv.add(form.cell(row=row_no, column=col["severity"]))
        if item.phrases:
            phrases.append([item.code, *item.phrases])
            last = get_column_letter(len(item.phrases) + 1)
            ref = f"{quote_sheetname(PHRASES_SHEET)}!$B${phrases.max_row}:${last}${phrases.max_row}"
            # A suggestion, not a restriction: the reviewer may type any reason.
            phrase_dv = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=False)
            form.add_data_validation(phrase_dv)
            phrase_dv.add(form.cell(row=row_no, column=col["reason"]))
            form.cell(row=row_no, column=col["text"]).comment = Comment(
                "常见问题：\n" + "\n".join(f"· {p}" for p in item.phrases), "评查工作台", width=320, height=160
            )
        if content.document_titles:
            doc_dv.add(form.cell(row=row_no, column=col["documents"]))


def _evidence_cells(finding: FindingRow) -> dict[str, str]:
    """Evidence as 卷宗文书 / 页码 cells: documents in first-use order, their pages grouped alike."""
    pages: dict[str, list[str]] = {}
    for ev in finding.evidence:
        pages.setdefault(ev.title, []).append(str(ev.page))
    sep = GROUP_SEPARATORS[0]
    return {"documents": sep.join(pages), "pages": sep.join(",".join(p) for p in pages.values())}


def _criteria(ws: Worksheet, content: FormContent) -> None:
    _header(ws, tuple(h for _, h in CRITERIA_COLUMNS))
    dv = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True, showErrorMessage=True)
    ws.add_data_validation(dv)
    for row_no, criterion in enumerate(content.standard.criteria, start=2):
        ws.append([criterion.code, criterion.text, YES if criterion.code in content.ticked else None])
        ws.cell(row=row_no, column=3).fill = _FILL
        dv.add(ws.cell(row=row_no, column=3))


def cover_values(**values: object) -> dict[str, str]:
    """Cover cells as text (dates ISO, None empty)."""
    out: dict[str, str] = {}
    for key, value in values.items():
        if value is None:
            out[key] = ""
        elif isinstance(value, datetime):
            out[key] = value.strftime("%Y-%m-%d %H:%M")
        elif hasattr(value, "isoformat"):
            out[key] = value.isoformat()
        else:
            out[key] = str(value)
    return out
