"""An export in a second system's layout, built by the tests (import-format.md lists what real ones vary in).

Other header names (案件编码, 案件类别名称, 收案时间 …), case types with the 案件 suffix, the suspects on a sheet
named 涉案人员, the return and resubmission dates in separate columns under their own names, a notes sheet
the import does not read, two columns no field fits (kept as extras), and one row twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

UNIT = "北京市朝阳区人民检察院"
CASE_HEADERS = [
    "案件编码",
    "案件名称",
    "案件类别名称",
    "承办检察院",
    "所属部门",
    "主办检察官",
    "收案时间",
    "审结时间",
    "审查结论",
    "退回补充侦查日期1",
    "重新移送日期1",
    "延期批准日期",
    "有无被害人",
    "内部流水号",  # no field fits: kept as an unmapped extra
    "备注说明",  # no field fits: kept as an unmapped extra
]
SUSPECT_HEADERS = ["案件编码", "当事人姓名", "现强制措施", "刑事拘留日期", "逮捕日期", "审查认定罪名", "判处刑罚"]
NOTES_SHEET = "导出说明"
SUSPECTS_SHEET = "涉案人员"
CASES_SHEET = "案件列表"


@dataclass(frozen=True)
class OtherExport:
    path: Path
    numbers: list[str]  # the distinct case numbers (all must import)
    duplicate_row: int  # Excel row of the exact copy


def case_number(n: int) -> str:
    return f"朝检刑诉受[2025]{700 + n}号"


def write_other_system_export(path: Path, cases: int = 4) -> OtherExport:
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = NOTES_SHEET
    notes.append(["本文件由某省检察业务应用系统导出"])
    notes.append(["导出人", "系统管理员"])
    sheet = wb.create_sheet(CASES_SHEET)
    sheet.append([f"案件信息列表（共{cases}件）"])  # a title row above the header
    sheet.append(CASE_HEADERS)
    numbers: list[str] = []
    for n in range(1, cases + 1):
        no = case_number(n)
        numbers.append(no)
        returned = n % 2 == 0
        sheet.append(
            [
                no,
                f"赵某{n}盗窃案",
                "审查起诉案件" if n != 3 else "审查逮捕案件",
                UNIT,
                "第一检察部",
                "王检察官",
                "2025-03-01",
                "2025-04-25" if returned else ("2025-03-06" if n == 3 else "2025-03-20"),
                "提起公诉" if n != 3 else "批捕",
                "2025-03-10" if returned else None,
                "2025-03-30" if returned else None,
                None,
                "有",
                f"LS-{n:04d}",
                "无",
            ]
        )
    sheet.append(list(next(sheet.iter_rows(min_row=3, max_row=3, values_only=True))))  # row 1 again
    duplicate_row = sheet.max_row
    people = wb.create_sheet(SUSPECTS_SHEET)
    people.append(SUSPECT_HEADERS)
    for n in range(1, cases + 1):
        people.append(
            [case_number(n), f"赵某{n}", "刑事拘留" if n == 3 else "取保候审", "2025-02-27", None, "盗窃罪", None]
        )
    wb.save(path)
    return OtherExport(path, numbers, duplicate_row)
