"""A small fixed set of case cards, imported and pre-screened through the real services, for the data-quality
bulletin tests. What the rules find on each card (run_checks, today = 2025-03-31):

- every closed card: DL-NOTICE-SUSPECT and DL-NOTICE-VICTIM not checkable (no notice dates) and
  CK-REQUIRED-FIELDS violated → 3 × 漏填; the open card 8 only the two not-checkable ones → 2 × 漏填;
- card 4 closed before it was accepted: CK-DATE-ORDER → + 1 × 错填;
- card 5 in custody and closed 82 days after acceptance: DL-PROSECUTION → + 1 × 迟填.

    card  prosecutor (unit · department)   belongs to (closed, else accepted)  problems
    1     王检察官 (朝阳 · 第一检察部)       2025-01                             漏3
    2     王检察官                          2025-02                             漏3
    3     王检察官                          2025-03                             漏3
    4     王检察官                          2025-03                             漏3 错1
    5     李检察官 (朝阳 · 第二检察部)       2025-03                             漏3 迟1
    6     李检察官                          2025-01                             漏3
    7     赵检察官 (海淀 · 第一检察部)       2025-02                             漏3
    8     王检察官 (open)                   2025-03                             漏2
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reviewapp.services.cases.intake import import_cases
from reviewapp.services.checks.run import run_checks
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_simple_xlsx

CHAOYANG = "北京市朝阳区人民检察院"
HAIDIAN = "北京市海淀区人民检察院"


def bulletin_rows() -> list[dict[str, object]]:
    second = {"承办检察官": "李检察官", "承办部门": "第二检察部"}
    rows = [
        case_row(1, 受理日期="2025-01-02", 办结日期="2025-01-20"),
        case_row(2, 受理日期="2025-02-01", 办结日期="2025-02-15"),
        case_row(3, 受理日期="2025-03-01", 办结日期="2025-03-10"),
        case_row(4, 受理日期="2025-03-05", 办结日期="2025-03-01"),
        case_row(5, 受理日期="2025-01-02", 办结日期="2025-03-25", **second),
        case_row(6, 受理日期="2025-01-05", 办结日期="2025-01-25", **second),
        case_row(7, 承办检察官="赵检察官", 承办单位=HAIDIAN, 受理日期="2025-02-02", 办结日期="2025-02-20"),
        case_row(8, 受理日期="2025-03-15", 办结日期=""),
    ]
    for row in rows:
        row["电子卷宗"] = ""
    return rows


def seed_bulletin_cases(wb: Workbench, folder: Path) -> None:
    path = folder / "案卡.xlsx"
    write_simple_xlsx(path, bulletin_rows())
    summary = import_cases(wb, path)
    assert summary.imported == 8 and not summary.rejects, summary.rejects
    run_checks(wb, today=dt.date(2025, 3, 31), workers=1)
