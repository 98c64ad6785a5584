"""Benchmark: rows → CaseCards against python-calamine's own read time.

Goal: a whole 100 000-case import (parse + database) within 2.5× of the time calamine alone
needs to parse the file, so the intake's share (read_export) should cost well under 2× calamine.

    .venv/bin/python benchmarks/bench_intake_parse.py [--rows 100000] [--repeat 3] [--fresh]

The workbook is generated once with openpyxl's write-only mode into benchmarks/_work/ (about the real
columns: every case-card column, typed dates mixed with written ones, a suspects sheet) and reused.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from reviewapp.domain.case_card import CASE_FIELDS, CASE_TYPES, SUSPECT_FIELDS  # noqa: E402
from reviewapp.intake.parse import read_export  # noqa: E402

WORK = Path(__file__).resolve().parent / "_work"


def _case(rnd: random.Random, n: int) -> list[object]:
    accepted = date(2023, 1, 1) + timedelta(days=rnd.randrange(900))
    closed = accepted + timedelta(days=rnd.randrange(10, 60))
    # Most dates are typed cells; some exports write them as text in various forms.
    form = n % 4
    acc: object = (
        datetime.combine(accepted, datetime.min.time())
        if form < 2
        else (accepted.strftime("%Y/%-m/%-d") if form == 2 else f"{accepted.year}年{accepted.month}月{accepted.day}日")
    )
    values = {
        "dept_case_no": f"京朝检刑诉受[{accepted.year}]{n}号",
        "unified_case_no": f"110105{accepted.year}{n:08d}",
        "name": f"张某{n}盗窃案",
        "case_type": CASE_TYPES[n % 2],
        "business_line": "公诉",
        "unit": f"北京市第{n % 17}区人民检察院",
        "department": f"第{n % 5 + 1}检察部",
        "prosecutor": f"检察官{n % 300}",
        "prosecutor_staff_no": f"{n % 300:06d}",
        "transferring_agency": "北京市公安局朝阳分局",
        "transferred_charge": "盗窃罪",
        "found_charge": "盗窃罪",
        "accepted_on": acc,
        "closed_on": datetime.combine(closed, datetime.min.time()),
        "disposition": "起诉",
        "detained": "是" if n % 3 else "否",
        "plea": "是" if n % 2 else "否",
        "plea_signed_on": datetime.combine(closed, datetime.min.time()) if n % 2 else None,
        "plea_witness": "值班律师" if n % 2 else None,
        "sentencing_recommendation": "确定刑" if n % 2 else None,
        "procedure": "简易",
        "extension_approved": "否",
        "returns_count": n % 3,
        "return1_on": None,
        "resubmit1_on": None,
        "return2_on": None,
        "resubmit2_on": None,
        "suspect_notified_on": datetime.combine(accepted + timedelta(days=1), datetime.min.time()),
        "victim_notified_on": None,
        "amount": round(rnd.random() * 100000, 2),
        "summary": "犯罪嫌疑人张某于某日在某商场盗窃手机一部，价值人民币若干元。",
        "dossier_paths": f"卷宗/{n}/起诉意见书.pdf",
    }
    return [values.get(f.attr) for f in CASE_FIELDS] + ["备注"]  # a field not given here is left empty


def generate(path: Path, rows: int) -> None:
    rnd = random.Random(7)
    wb = Workbook(write_only=True)
    cases = wb.create_sheet("案件信息")
    cases.append(["案件信息导出"])
    cases.append([f.column for f in CASE_FIELDS] + ["备注"])
    suspects = wb.create_sheet("犯罪嫌疑人")
    suspects.append([f.column for f in SUSPECT_FIELDS])
    for n in range(rows):
        row = _case(rnd, n)
        cases.append(row)
        born, measured = datetime(1990, 1, 1), datetime(2024, 1, 2)
        charges = ["盗窃罪", "盗窃罪", "盗窃罪"]
        suspects.append([row[0], f"张某{n}", "男", born, 30 + n % 20, "是", "逮捕", measured, "是", *charges, "", ""])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def calamine_only(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for calamine to read every sheet into Python lists."""
    wall, cpu = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
    return time.perf_counter() - wall, time.process_time() - cpu


def intake(path: Path) -> tuple[float, float, int, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    parsed = read_export(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, len(parsed.cases), sum(len(c.suspects) for c in parsed.cases)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="regenerate the workbook")
    args = parser.parse_args()
    path = WORK / f"cases_{args.rows}.xlsx"
    if args.fresh or not path.exists():
        print(f"generating {path} …", flush=True)
        start = time.perf_counter()
        generate(path, args.rows)
        print(f"  written in {time.perf_counter() - start:.1f} s ({path.stat().st_size / 1e6:.1f} MB)")
    # Interleaved, best of N: other processes on the machine disturb wall time, so CPU time is shown too.
    bases, runs = [], []
    for _ in range(args.repeat):
        bases.append(calamine_only(path))
        runs.append(intake(path))
    print(f"cases: {runs[0][2]}, suspects: {runs[0][3]}")
    for label, i in (("wall", 0), ("CPU", 1)):
        base = min(b[i] for b in bases)
        best = min(r[i] for r in runs)
        print(
            f"{label:4s}: calamine to_python alone {base:.2f} s, read_export {best:.2f} s, "
            f"ratio {best / base:.2f}x (intake's own share {(best - base) / base:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
