"""Benchmark: checking every stored case (goal: 100 000 cases in < 30 s on 2 cores, database included).

    .venv/bin/python benchmarks/bench_check_service.py [--cases 100000] [--workers N]

Generates the demo export (no dossiers; cached under benchmarks/_work/), imports it into a temporary SQLite
file through the real intake, then times ``run_checks`` over every case and prints the wall-clock figure and
how it splits: reading cards from the database, the pure rules (CPU seconds summed over the workers) and
storing results. A second pass with one process shows what the worker processes buy.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORK = Path(__file__).resolve().parent / "_work"
GOAL_SECONDS = 30.0


def _report(label: str, summary: object) -> float:
    from reviewapp.services.checks.run import CheckRunSummary

    assert isinstance(summary, CheckRunSummary)
    sec = summary.seconds
    total = sec["total"]
    work = sec.get("load", 0.0) + sec.get("rules", 0.0)
    print(
        f"{label}: {summary.cases_checked} cases in {total:.1f} s with {summary.workers} process(es) "
        f"({summary.cases_checked / total:,.0f} cases/s)"
    )
    print(
        f"  reading cards (in workers):  {sec.get('load', 0.0):6.1f} s CPU "
        f"({sec.get('load', 0.0) / max(work, 1e-9):.0%} of the worker time)"
    )
    print(
        f"  pure rules (in workers):     {sec.get('rules', 0.0):6.1f} s CPU "
        f"({sec.get('rules', 0.0) / max(work, 1e-9):.0%} of the worker time)"
    )
    print(f"  storing results (writer):    {sec.get('store', 0.0):6.1f} s wall ({sec.get('store', 0.0) / total:.0%})")
    print(f"  {summary.message()}")
    return total


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--workers", type=int, default=None, help="default: one per core")
    p.add_argument("--skip-serial", action="store_true", help="skip the one-process comparison run")
    p.add_argument(
        "--keep-db",
        type=Path,
        default=None,
        help="import into this file and keep it; a later run reuses it (skips the import)",
    )
    args = p.parse_args()
    from bench_common import open_as_admin

    from reviewapp.demo import DEMO_AS_OF, generate_demo
    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.checks.run import run_checks

    print(f"cores: {os.cpu_count()}")
    WORK.mkdir(exist_ok=True)
    out = WORK / f"check-service-demo-{args.cases}"
    workbook = out / "演示案件导出.xlsx"
    if not workbook.exists():
        t = time.perf_counter()
        workbook = generate_demo(out, cases=args.cases, dossiers=False).workbook
        print(f"generated {args.cases} demo cases in {time.perf_counter() - t:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        target = args.keep_db or Path(tmp) / "bench.sqlite3"
        reuse = target.exists()
        wb = open_as_admin(target)
        try:
            if reuse:
                print(f"reusing the imported database {target}")
            else:
                t = time.perf_counter()
                imported = import_cases(wb, workbook)
                print(f"imported {imported.imported} cases in {time.perf_counter() - t:.1f} s")
            total = _report("run_checks", run_checks(wb, today=DEMO_AS_OF, workers=args.workers))
            from reviewapp.services.checks.results import ResultFilter, data_quality_summary, result_ids

            for label, f in (("all results", ResultFilter()), ("violations", ResultFilter(status="violation"))):
                t = time.perf_counter()
                summary = data_quality_summary(wb, f)
                ids = result_ids(wb, f)
                print(
                    f"data-quality view refresh ({label}: {len(ids)} results, {summary.cases_checked} cases): "
                    f"{(time.perf_counter() - t) * 1000:.0f} ms"
                )
            if not args.skip_serial:
                _report("run_checks, one process", run_checks(wb, today=DEMO_AS_OF, workers=1))
        finally:
            wb.close()
    verdict = "meets" if total < GOAL_SECONDS else "MISSES"
    print(f"{verdict} the goal of {GOAL_SECONDS:.0f} s for {args.cases} cases: {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
