"""Benchmark: importing a 100 000-case export, and filtering the case list at that size.

    .venv/bin/python benchmarks/bench_import_and_list.py [--cases 100000]

Prints
- the ratio of the whole import (parse + database, one transaction) to python-calamine alone parsing every
  sheet of the same file (goal ≤ 2.5×), both measured in this run;
- the median time of a case-list filter step at that size — CaseIndex filter + model reset + the first screen
  of rows fetched — over typical searches and filters (goal ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORK = Path(__file__).resolve().parent / "_work"


def calamine_parse(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    rows = 0
    for name in book.sheet_names:
        rows += len(book.get_sheet_by_name(name).to_python())
    return rows


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported")
    args = p.parse_args()
    from bench_common import open_as_admin

    from reviewapp.demo import generate_demo
    from reviewapp.services.cases.intake import import_cases

    WORK.mkdir(exist_ok=True)
    out = WORK / f"demo-{args.cases}"
    workbook = out / "演示案件导出.xlsx"
    if not workbook.exists():
        t = time.perf_counter()
        workbook = generate_demo(out, cases=args.cases, dossiers=False).workbook
        print(f"generated {args.cases} cases in {time.perf_counter() - t:.1f} s")
    parse_runs, import_runs = [], []
    rows = 0
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.repeat):
            t = time.perf_counter()
            rows = calamine_parse(workbook)
            parse_runs.append(time.perf_counter() - t)
            wb = open_as_admin(Path(tmp) / f"bench{run}.sqlite3")
            t = time.perf_counter()
            summary = import_cases(wb, workbook)
            import_runs.append(time.perf_counter() - t)
            if run < args.repeat - 1:
                wb.close()
        parse_s, import_s = statistics.median(parse_runs), statistics.median(import_runs)
        print(f"calamine parse only: {parse_s:.2f} s median of {args.repeat} ({rows} rows in all sheets)")
        print(
            f"full import:         {import_s:.2f} s median of {args.repeat} ({summary.imported} cases, "
            f"{summary.rejected} rejected)"
        )
        print(
            f"import / parse ratio: {import_s / parse_s:.2f}x (goal <= 2.5x); "
            f"per run: {', '.join(f'{i / p:.2f}x' for i, p in zip(import_runs, parse_runs, strict=True))}"
        )
        t = time.perf_counter()
        again = import_cases(wb, workbook)
        print(f"re-import (all unchanged: {again.unchanged}): {time.perf_counter() - t:.2f} s")
        filter_times(wb)
        wb.close()
    return 0


def filter_times(wb: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reviewapp.services.cases.index import CaseFilter
    from ui.case_model import CaseTableModel

    app = QApplication.instance() or QApplication([])
    model = CaseTableModel(wb)  # type: ignore[arg-type]
    t = time.perf_counter()
    model.reload()
    print(f"case index load: {(time.perf_counter() - t) * 1000:.0f} ms for {model.rowCount()} cases")
    idx = model.index_data
    some_pros = idx.prosecutor[len(idx.prosecutor) // 2]
    filters = [
        CaseFilter(text="盗"),
        CaseFilter(text="盗窃"),
        CaseFilter(text="张"),
        CaseFilter(text="2025"),
        CaseFilter(text="诈骗罪"),
        CaseFilter(text="不存在的文字"),
        CaseFilter(case_type="审查逮捕"),
        CaseFilter(closed=False),
        CaseFilter(prosecutor_id=some_pros),
        CaseFilter(accepted_from=date(2025, 3, 1), accepted_to=date(2025, 6, 30)),
        CaseFilter(text="危险驾驶", case_type="审查起诉", closed=True),
        CaseFilter(),
    ]
    times = []
    for _ in range(3):
        for f in filters:
            t = time.perf_counter()
            model.apply_filter(f)
            for r in range(min(40, model.rowCount())):  # the first screen of rows, as the view asks
                model.data(model.index(r, 1), Qt.ItemDataRole.DisplayRole)
            times.append((time.perf_counter() - t) * 1000)
    print(
        f"case-list filter: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
        f"over {len(times)} filter steps (goal median <= 50 ms)"
    )
    del app


if __name__ == "__main__":
    sys.exit(main())
