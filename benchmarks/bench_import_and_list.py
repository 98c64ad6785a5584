"""Benchmark: importing 100 000 and 500 000 cases — time against calamine, memory of the importing process.

    nice -n 10 .venv/bin/python benchmarks/bench_import_and_list.py [--cases 100000 500000] [--work DIR] [--list]

For each size, all in this run:
- the demo generator writes the export without dossiers (timed; reused when the file exists);
- python-calamine alone reads every sheet into Python lists, in a fresh process: the baseline;
- the import runs as the GUI runs it (services/cases/import_apart.py: the store in an importing child, which
  starts the reading child), asked for by a fresh "application" process holding a new database, after a 50-case
  import (as a day's first small import; its own time is printed): wall time, the application's peak RSS
  (VmHWM) and what it still holds once the import has returned and gc has run (VmRSS after − before), the
  importing child's and the reading child's peaks; then a re-import of the same file (every case unchanged),
  and what is held after it. ``REVIEWAPP_IMPORT=inprocess`` measures the store in the application instead.
Goals: import ÷ calamine ≤ 2.5×, peak RSS of each process ≤ 500 MB, nothing held after the import.
``--list`` also times case-list filter steps at the first size (the case list has its own benchmark too).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARM_UP = 50  # cases in the small export imported first
WORK = Path(os.environ.get("BENCH_WORK", Path(__file__).resolve().parent / "_work"))


def _memory() -> dict[str, int]:
    """VmRSS and VmHWM of this process in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            out[line.split(":")[0]] = int(line.split()[1]) // 1024
    return out


def child_calamine(path: str) -> dict[str, object]:
    from python_calamine import CalamineWorkbook

    started, cpu = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(path)
    rows = sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "rows": rows, "peak_mb": _memory()["VmHWM"]}


def child_import(path: str, db: str) -> dict[str, object]:
    import gc

    from bench_common import open_as_admin

    from reviewapp.intake.guard import ReadStats
    from reviewapp.services.cases.import_apart import ImportStats
    from reviewapp.services.cases.import_apart import import_cases_apart as import_cases

    wb = open_as_admin(Path(db))
    gc.collect()
    opened = _memory()["VmRSS"]
    # A small export first, as a workstation's first import of the day: it loads the import's own code (the
    # reader's start, the profiles, compiled statements) once per process, whatever the size of the file.
    # What the large import then leaves behind is measured from there.
    warm = time.perf_counter()
    import_cases(wb, workbook_for(WARM_UP))
    warm = time.perf_counter() - warm
    gc.collect()
    before = _memory()["VmRSS"]
    started, cpu = time.perf_counter(), time.process_time()
    summary = import_cases(wb, Path(path))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    reader_peak, reader_cpu = ReadStats.peak_kb // 1024, ReadStats.cpu_seconds  # REVIEWAPP_IMPORT=inprocess
    if ImportStats.peak_kb:  # the reader ran under the importing child
        reader_peak, reader_cpu = ImportStats.reader_peak_kb // 1024, ImportStats.reader_cpu_seconds
    child_peak, child_cpu = ImportStats.peak_kb // 1024, ImportStats.cpu_seconds
    gc.collect()
    after, peak = _memory()["VmRSS"], _memory()["VmHWM"]
    # What the application keeps by design: the import's change record (wb.last_changes, read by the views),
    # which names every stored case in 8 bytes.
    from reviewapp.services.changes import Kind

    record_kb = 8 * len(wb.last_changes.ids(Kind.CASE)) // 1024 if wb.last_changes else 0
    started = time.perf_counter()
    again = import_cases(wb, Path(path))
    reimport = time.perf_counter() - started
    gc.collect()
    after_again = _memory()["VmRSS"]
    return {
        "seconds": seconds,
        "cpu": cpu,
        "reader_cpu": reader_cpu,
        "imported": summary.imported,
        "rejected": summary.rejected,
        "opened_mb": opened,
        "warm_up_seconds": warm,
        "before_mb": before,
        "after_mb": after,
        "peak_mb": peak,
        "reader_peak_mb": reader_peak,
        "child_peak_mb": child_peak,
        "child_cpu": child_cpu,
        "reimport_seconds": reimport,
        "after_again_mb": after_again,
        "record_kb": record_kb,
        "unchanged": again.unchanged,
    }


def _in_child(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True, env=os.environ
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def workbook_for(cases: int) -> Path:
    from reviewapp.demo import generate_demo

    out = WORK / f"demo-{cases}"
    workbook = out / "演示案件导出.xlsx"
    if not workbook.exists():
        started = time.perf_counter()
        workbook = generate_demo(out, cases=cases, dossiers=False).workbook
        size = workbook.stat().st_size / 1e6
        print(f"generated {cases} cases in {time.perf_counter() - started:.1f} s ({size:.0f} MB)", flush=True)
    return workbook


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, nargs="+", default=[100_000, 500_000])
    p.add_argument("--list", action="store_true", help="also time case-list filter steps at the first size")
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        kind, *rest = args.child
        print(json.dumps(child_calamine(*rest) if kind == "calamine" else child_import(*rest)))
        return 0
    WORK.mkdir(parents=True, exist_ok=True)
    for cases in args.cases:
        workbook = workbook_for(cases)
        base = _in_child("calamine", str(workbook))
        with tempfile.TemporaryDirectory(dir=WORK) as tmp:
            run = _in_child("import", str(workbook), str(Path(tmp) / "bench.sqlite3"))
        ratio = float(run["seconds"]) / float(base["seconds"])  # type: ignore[arg-type]
        held = int(run["after_mb"]) - int(run["before_mb"])  # type: ignore[call-overload]
        print(f"{cases} cases ({run['imported']} imported, {run['rejected']} rejected):")
        busier = max(float(run["child_cpu"]), float(run["reader_cpu"]))  # type: ignore[arg-type]
        cpu = busier / float(base["cpu"])  # type: ignore[arg-type]
        print(f"  calamine alone      {base['seconds']:.2f} s, CPU {base['cpu']:.2f} s (its peak {base['peak_mb']} MB)")
        print(f"  import              {run['seconds']:.2f} s   ratio {ratio:.2f}x (goal <= 2.5x)")
        print(
            f"  CPU                 importing child {run['child_cpu']:.2f} s, reading child {run['reader_cpu']:.2f} s, "
            f"the application {run['cpu']:.2f} s; "
            f"the busier of the two ÷ calamine's CPU {cpu:.2f}x (the ratio on two free cores)"
        )
        print(
            f"  application         peak {run['peak_mb']} MB (goal <= 500 MB); database open {run['opened_mb']} MB, "
            f"after a {WARM_UP}-case import first ({run['warm_up_seconds']:.2f} s) {run['before_mb']} MB "
            f"(the import's code, once per process); "
            f"after the large import {run['after_mb']} MB: held {held:+d} MB, of which its change record "
            f"{run['record_kb']} KB (the stored cases' ids, kept until the next change)"
        )
        print(f"  importing child     peak {run['child_peak_mb']} MB (goal <= 500 MB)")
        print(f"  reading child       peak {run['reader_peak_mb']} MB (calamine's copy of the sheets included)")
        print(
            f"  re-import           {run['reimport_seconds']:.2f} s ({run['unchanged']} unchanged); "
            f"after it {run['after_again_mb']} MB (held since before the first import "
            f"{int(run['after_again_mb']) - int(run['before_mb']):+d} MB)",  # type: ignore[call-overload]
            flush=True,
        )
    if args.list:
        from bench_common import open_as_admin

        from reviewapp.services.cases.intake import import_cases

        with tempfile.TemporaryDirectory(dir=WORK) as tmp:
            wb = open_as_admin(Path(tmp) / "list.sqlite3")
            import_cases(wb, workbook_for(args.cases[0]))
            filter_times(wb)
            wb.close()
    return 0


def filter_times(wb: object) -> None:
    import statistics
    from datetime import date

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reviewapp.services.cases.index import CaseFilter
    from ui.case_model import CaseTableModel

    app = QApplication.instance() or QApplication([])
    model = CaseTableModel(wb)  # type: ignore[arg-type]
    model.reload()
    filters = [
        CaseFilter(text="盗"),
        CaseFilter(text="盗窃"),
        CaseFilter(text="2025"),
        CaseFilter(text="不存在的文字"),
        CaseFilter(case_type="审查逮捕"),
        CaseFilter(closed=False),
        CaseFilter(accepted_from=date(2025, 3, 1), accepted_to=date(2025, 6, 30)),
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
    print(f"case-list filter: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms over {len(times)}")
    del app


if __name__ == "__main__":
    sys.exit(main())
