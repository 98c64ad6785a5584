"""Time the demo generator and the first-hour demo load.

Goals: 1 000 000 cases without dossiers in ≤ 2 min (``demo --cases 1000000 --no-dossiers``), with memory that
does not grow with the count; the 300-case demo with dossiers loaded (generate, demo accounts, import — what
the GUI's demo data does, ``load_demo``) in ≤ 5 s.

    nice -n 10 .venv/bin/python benchmarks/bench_demo.py [--cases 1000000] [--dossier-cases 300] [--out DIR]
        [--only first-hour|big] [--writers N] [--runs K]

The first-hour load runs on a database opened (and migrated) beforehand, as in the GUI, where the database
is open when the user asks for demo data; opening it is printed on its own line. Printed per load: wall
seconds, CPU seconds of this process, CPU seconds of its child processes (the PDF writers and the import's
reader, with the forkserver that starts them — stopped after each load so that its CPU is counted; in the
GUI it is started once and kept), the wall time at which each phase ended (PDFs written, accounts, import),
and the load average before and after. On a busy machine the CPU figures are the fairer numbers.
``--writers N`` forces the number of PDF writer processes (0: the PDFs are written in this process).
``--out DIR`` keeps the large workbook there (the import and pre-screening benchmarks reuse it).
"""

from __future__ import annotations

import argparse
import multiprocessing.forkserver
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewapp.demo import generate_demo
from reviewapp.demo.full_set import plan_demo


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return "/".join(f"{v:.1f}" for v in os.getloadavg())


def _stop_forkserver() -> None:
    """Stop the forkserver and wait for it, so its CPU and that of the children it reaped count as ours."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)
    if stop is not None:
        stop()


def _timed(label: str, run: object) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run() if callable(run) else None
    print(
        f"{label:<44} wall {time.perf_counter() - wall:6.1f} s   cpu {time.process_time() - cpu:6.1f} s   "
        f"peak {_peak_mb()} MB   {result}",
        flush=True,
    )


def big(out: Path, cases: int) -> object:
    plan = plan_demo(cases)
    made = generate_demo(out, cases=plan.random_cases, extra_cards=plan.extra_cards, dossiers=False)
    return f"{made.cases} cases, {made.workbook.stat().st_size / 1e6:.0f} MB"


def first_hour(folder: Path, cases: int, writers: int | None) -> None:
    """The GUI's demo data on an open database: generate with dossiers, demo accounts, import (load_demo)."""
    from sqlalchemy import func, select

    from reviewapp.demo.accounts import load_demo
    from reviewapp.services.workbench import Workbench
    from reviewapp.storage.models import Case, DossierDocument

    wall, cpu = time.perf_counter(), time.process_time()
    wb = Workbench.open(folder / "demo.sqlite3")
    print(
        f"  open a new database (before the load)   wall {time.perf_counter() - wall:5.2f} s  "
        f"cpu {time.process_time() - cpu:5.2f} s",
        flush=True,
    )
    _stop_forkserver()
    load_before, children = _load(), _children_cpu()
    ends: dict[int, float] = {}
    steps: list[int] = []
    wall, cpu = time.perf_counter(), time.process_time()

    def progress(done: int, total: int) -> None:
        steps.append(done)
        for mark in (650, 700, 950, 1000):
            if done >= mark and mark not in ends:
                ends[mark] = time.perf_counter() - wall

    chosen: dict[str, Any] = {} if writers is None else {"writers": writers}  # older load_demo: no writers
    load_demo(wb, folder / "data", cases=cases, progress=progress, **chosen)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    _stop_forkserver()
    children = _children_cpu() - children
    with wb.db.session() as s:
        stored = s.scalar(select(func.count(Case.id)))
        with_files = s.scalar(select(func.count(func.distinct(DossierDocument.case_id))))
        documents = s.scalar(select(func.count(DossierDocument.id)))
    wb.close()
    assert steps == sorted(steps) and steps[-1] == 1000, "progress must advance to the end without going back"
    print(
        f"  load_demo {cases} cases (writers {'auto' if writers is None else writers})   wall {wall:5.2f} s   "
        f"cpu here {cpu:5.2f} s + children {children:5.2f} s   "
        f"phases at {ends[650]:.2f} (written) / {ends[700]:.2f} (accounts) / {ends[950]:.2f} (imported) s   "
        f"{stored} cases, {with_files} with dossiers, {documents} documents   load {load_before} → {_load()}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--dossier-cases", type=int, default=300)
    parser.add_argument("--out", type=Path, help="write the large workbook here and keep it")
    parser.add_argument("--only", choices=("first-hour", "big"))
    parser.add_argument("--writers", type=int, help="PDF writer processes (default: as the GUI chooses)")
    parser.add_argument("--runs", type=int, default=1, help="first-hour loads, each in a new folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.only != "big":
            for run in range(args.runs):
                first_hour(root / f"load-{run}", args.dossier_cases, args.writers)
        if args.only != "first-hour":
            _timed(f"demo --cases {args.cases} --no-dossiers", lambda: big(args.out or root / "big", args.cases))


if __name__ == "__main__":
    main()
