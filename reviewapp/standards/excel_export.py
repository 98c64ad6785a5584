"""Write a standard to an Excel workbook an administrator can edit and import back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.exports.cell_safety import save_workbook
from reviewapp.standards.excel_layout import (
    BOOL_FIELDS,
    FALSE_TEXT,
    LIST_SEPARATOR,
    META_HEADERS,
    META_ROWS,
    META_SHEET,
    PAIR_SEPARATOR,
    PRACTICE_FIELDS,
    RULE_FIELDS,
    TABLES,
    TRUE_TEXT,
)
from reviewapp.standards.model import Standard

# Column widths in characters, by header, so the long Chinese texts stay readable.
_WIDE = {"评查项内容": 48, "常见问题": 60, "标准名称": 40, "方案名称": 44, "内容": 40, "规则名称": 30}


def cell_value(field: str, value: Any) -> Any:
    """A plain-form value as the text/number put in a cell."""
    if value is None:
        return None
    if field in BOOL_FIELDS and isinstance(value, bool):
        return TRUE_TEXT if value else FALSE_TEXT
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return LIST_SEPARATOR.join(f"{k}{PAIR_SEPARATOR}{v}" for k, v in value.items())
    return value


def export_standard_xlsx(standard: Standard, path: str | Path) -> None:
    data = standard.to_dict()
    wb = Workbook()
    meta = wb.active
    assert meta is not None  # a new Workbook always has one sheet
    meta.title = META_SHEET
    _header(meta, META_HEADERS)
    for field, label in META_ROWS:
        value = data["practice"][field] if field in PRACTICE_FIELDS else data[field]
        meta.append([label, cell_value(field, value), field])
    for section, sheet_name, columns in TABLES:
        ws = wb.create_sheet(sheet_name)
        _header(ws, tuple(header for _, header in columns))
        for entry in data[section]:
            if section == "rules":
                # A rule row spreads its condition over one column per clause.
                entry = {**{k: entry[k] for k in RULE_FIELDS}, **entry["when"]}
            ws.append([cell_value(field, entry.get(field)) for field, _ in columns])
    # Item texts and rule names are typed by administrators: formula-like text is neutralised (OWASP).
    save_workbook(wb, Path(path))


def _header(ws: Worksheet, headers: tuple[str, ...]) -> None:
    ws.append(list(headers))
    for col, cell in enumerate(ws[1], start=1):
        cell.font = Font(bold=True)
        letter = cell.column_letter
        ws.column_dimensions[letter].width = _WIDE.get(headers[col - 1], 14)
    ws.freeze_panes = "A2"
    for cell in ws[1]:
        cell.alignment = Alignment(vertical="center")
