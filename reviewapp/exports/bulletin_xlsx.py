"""The 案卡 data-quality bulletin as an Excel workbook: one sheet per table of the PDF.

Sheets 各单位 / 各部门 / 承办人 (迟填, 错填, 漏填, 合计, 涉及案件, 上期合计, 增减), 屡错屡犯 (one column per period of
the window), 问题类型 (per rule) and 总体 (the period's totals). One header row per sheet, no merged cells,
cells through cell_safety (names come from imported cards).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp.exports.cell_safety import save_workbook

if TYPE_CHECKING:
    from reviewapp.services.analysis.bulletin import Bulletin, BulletinRow

GROUP_HEADERS = ("序号", "名称", "所属单位", "迟填", "错填", "漏填", "合计", "涉及案件", "上期合计", "增减")


def _sheet(ws: Worksheet, title: str, headers: Sequence[str], rows: list[list[object]], widths: Sequence[int]) -> None:
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(headers))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A3"


def _group_rows(rows: Sequence[BulletinRow]) -> list[list[object]]:
    return [
        [i, r.name, r.unit, r.late, r.wrong, r.missing, r.total, r.cases, r.previous, r.change]
        for i, r in enumerate(rows, start=1)
    ]


def write_bulletin_xlsx(path: Path, b: Bulletin, procuratorate: str) -> Path:
    period, prev = b.period.code(), b.previous_period.code()
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "总体"
    _sheet(
        ws,
        f"{procuratorate}案卡数据质量通报（{period}）",
        ("项目", period, prev, "增减"),
        [
            ["案件数", b.cases, "", ""],
            ["问题案件数", b.cases_flagged, "", ""],
            *[[c, b.totals[c], b.previous_totals[c], b.totals[c] - b.previous_totals[c]] for c in b.totals],
            ["合计", b.total, b.previous_total, b.total - b.previous_total],
        ],
        (14, 10, 10, 8),
    )
    widths = (6, 28, 28, 8, 8, 8, 8, 10, 10, 8)
    for name, rows in (("各单位", b.by_unit), ("各部门", b.by_department), ("承办人", b.by_prosecutor)):
        _sheet(
            book.create_sheet(name), f"{name}案卡问题（{period}，上期{prev}）", GROUP_HEADERS, _group_rows(rows), widths
        )
    window = [p.code() for p in b.repeat_window]
    _sheet(
        book.create_sheet("屡错屡犯"),
        f"连续{len(window)}个统计期间均被发现案卡问题的承办人",
        ("序号", "承办人", "所属单位", "承办部门", *window),
        [[i, o.prosecutor, o.unit, o.department, *o.counts] for i, o in enumerate(b.repeat_offenders, start=1)],
        (6, 12, 28, 14, *([10] * len(window))),
    )
    _sheet(
        book.create_sheet("问题类型"),
        f"问题类型（{period}）",
        ("序号", "规则", "校验内容", "类别", "问题数", "涉及案件"),
        [[i, r.rule_id, r.title, r.category, r.problems, r.cases] for i, r in enumerate(b.by_rule, start=1)],
        (6, 26, 50, 8, 8, 10),
    )
    return save_workbook(book, path)
