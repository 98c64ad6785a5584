"""The provincial-checklist tests' helpers: the shipped standard's workbook with an office's own items table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.standards import (
    ImportVocabulary,
    Standard,
    StandardError,
    StandardImport,
    export_standard_xlsx,
    parse_severity_synonyms,
    read_standard_xlsx,
)
from reviewapp.standards.excel_layout import ITEMS_SHEET

Item = tuple[str, str, str, tuple[str, ...], float, bool]  # code, dimension, text, severities, deduction, veto


def provincial(criminal: Standard, path: Path, fill: Callable[[Worksheet], None], *, sheet: str = ITEMS_SHEET) -> Path:
    """The shipped standard's workbook with its items sheet replaced by an office's own table (``fill``)."""
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    at = wb.sheetnames.index(ITEMS_SHEET)
    del wb[ITEMS_SHEET]
    fill(wb.create_sheet(sheet, at))
    wb.save(path)
    wb.close()
    return path


def read(path: Path, synonyms: tuple[str, ...] = ()) -> StandardImport:
    return read_standard_xlsx(
        path, version=2, vocabulary=ImportVocabulary(severity_synonyms=parse_severity_synonyms(synonyms))
    )


def items(standard: Standard) -> list[Item]:
    return [(it.code, it.dimension, it.text, it.severities, it.deduction, it.veto) for it in standard.items]


def refused(path: Path) -> list[StandardError]:
    with pytest.raises(StandardError) as info:
        read(path)
    return list(info.value.problems)


def rows(ws: Worksheet, *values: list[Any]) -> None:
    for row in values:
        ws.append(row)


TABLE = [
    ["序号", "类别", "评查内容", "扣分", "问题等级"],
    [1, "证据采信", "证据收集、调取不规范", 2, "瑕"],
    [2, "证据采信", "证据保管不规范", 2, "瑕"],
    [3, "事实认定", "遗漏犯罪事实", 2, "瑕"],
    [4, "办案程序", "未制作审查报告（已废止）", 5, "错"],
    [5, "事实认定", "遗漏量刑情节", 2, "瑕"],
]
