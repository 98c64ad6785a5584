"""Time the demo generator and the first-hour demo load.

Goals: 1 000 000 cases without dossiers in ≤ 2 min (``demo --cases 1000000 --no-dossiers``), with memory that
does not grow with the count; the 300-case demo with dossiers loaded (generate, import, demo accounts,
pre-screening — what the GUI's demo data does) in ≤ 5 s.

    nice -n 10 .venv/bin/python benchmarks/bench_demo.py [--cases 1000000] [--dossier-cases 300] [--out DIR]

Prints wall and CPU seconds and the peak RSS per phase; on a busy machine the CPU time is the fairer number.
``--out DIR`` keeps the large workbook there (the import and pre-screening benchmarks reuse it).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewapp.demo import generate_demo
from reviewapp.demo.full_set import plan_demo


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


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


def first_hour(folder: Path, cases: int) -> object:
    """The GUI's demo data: generate with dossiers, import, demo accounts, pre-screening (load_demo)."""
    from reviewapp.demo.accounts import load_demo
    from reviewapp.services.workbench import Workbench

    wb = Workbench.open(folder / "demo.sqlite3")
    steps: list[str] = []
    load_demo(wb, folder / "data", cases=cases, progress=lambda done, total: steps.append(f"{done}/{total}"))
    wb.close()
    return f"{len(steps)} progress steps"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--dossier-cases", type=int, default=300)
    parser.add_argument("--out", type=Path, help="write the large workbook here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _timed(f"demo --cases {args.dossier_cases} (dossiers), loaded", lambda: first_hour(root, args.dossier_cases))
        _timed(f"demo --cases {args.cases} --no-dossiers", lambda: big(args.out or root / "big", args.cases))


if __name__ == "__main__":
    main()
