"""Time recording a finding through the write path — goal: ≤ 20 ms median.

    .venv/bin/python benchmarks/bench_findings.py [--cases 3000] [--findings 200] [--reviews 20] [--profile]

Builds a database with ``--cases`` closed cases (imported through the normal intake by the benchmark
administrator, not timed), logs in as a 评查员, starts ``--reviews`` reviews and records ``--findings``
findings spread over them through ``reviewapp.services.reviews.commands.record_finding``, timing each call:
BEGIN IMMEDIATE, the permission check, the change, the chained audit entry, the undo step, the new grade
proposal, the commit. Baseline: a bare ``propose_grade`` over the same findings, to show what the storage
adds on top of the pure rule evaluation. ``--profile`` prints where the time of the timed calls goes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench_common import log_in_as_reviewer, open_as_admin
from openpyxl import Workbook

from reviewapp.domain.grading import FindingInput, propose_grade
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.reviews.commands import ensure_standards, record_finding, start_review

HEADER = [
    "部门受案号",
    "案件名称",
    "案件类别",
    "承办单位",
    "承办部门",
    "承办检察官",
    "受理日期",
    "办结日期",
    "电子卷宗",
]


def write_export(folder: Path, cases: int, with_dossier: int) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "案件"
    ws.append(HEADER)
    for n in range(1, cases + 1):
        dossier = ""
        if n <= with_dossier:
            paths = []
            for title in ("起诉书", "审查报告"):
                f = folder / "卷宗" / str(n) / f"{title}.pdf"
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_bytes(f"%PDF-1.4 case {n} {title}\n".encode())
                paths.append(f"卷宗/{n}/{title}.pdf")
            dossier = "；".join(paths)
        case_type = "审查逮捕" if n % 4 == 0 and n > with_dossier else "审查起诉"
        ws.append([f"基准受[2025]{n}号", f"某{n}案", case_type, f"第{n % 7}区检察院", "第一检察部", f"检察官{n % 90}",
                   "2025-03-01", "2025-04-10", dossier])  # fmt: skip
    path = folder / "export.xlsx"
    book.save(path)
    return path


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--findings", type=int, default=200)
    parser.add_argument("--reviews", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="profile the timed calls (cProfile, top 30)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-findings-"))
    try:
        t0 = time.perf_counter()
        export = write_export(work, args.cases, args.reviews)
        wb = open_as_admin(work / "bench.sqlite3")
        summary = import_cases(wb, export)
        ensure_standards(wb)
        log_in_as_reviewer(wb, "基准评查员", unit="市院", department="案件管理部")
        print(f"setup: {summary.imported} cases imported in {time.perf_counter() - t0:.1f} s")

        from sqlalchemy import select

        from reviewapp.storage.models import Case, DossierDocument

        with wb.db.session() as s:
            case_ids = list(s.scalars(select(Case.id).order_by(Case.id).limit(args.reviews)))
            docs = {cid: list(s.scalars(select(DossierDocument.id).where(DossierDocument.case_id == cid)))
                    for cid in case_ids}  # fmt: skip
        states = [start_review(wb, cid) for cid in case_ids]
        rng = random.Random(20260201)
        timings: list[float] = []
        baseline: list[float] = []
        profiler = cProfile.Profile() if args.profile else None
        for n in range(args.findings):
            state = states[n % len(states)]
            items = state.standard.items_for("审查起诉")
            item = rng.choice(items)
            severity = rng.choice(item.severities)
            evidence = [(rng.choice(docs[state.case_id]), rng.randint(1, 40))] if docs[state.case_id] else []
            if profiler is not None:
                profiler.enable()
            start = time.perf_counter()
            state = record_finding(wb, state.id, item.code, severity, f"基准问题{n}", evidence=evidence)
            timings.append(time.perf_counter() - start)
            if profiler is not None:
                profiler.disable()
            states[n % len(states)] = state
            findings = [FindingInput(f.item_code, f.severity, f.deduction, f.reason) for f in state.findings]
            start = time.perf_counter()
            propose_grade(state.standard, findings, state.ticked_criteria)
            baseline.append(time.perf_counter() - start)
        wb.close()
        median, p90 = statistics.median(timings) * 1000, percentile(timings, 0.9) * 1000
        base = statistics.median(baseline) * 1000
        print(f"record_finding over {len(timings)} findings on {summary.imported} cases:")
        print(f"  median {median:.2f} ms   p90 {p90:.2f} ms   (goal: median ≤ 20 ms)")
        print(f"  bare propose_grade median {base:.3f} ms; ratio {median / base:.0f}×")
        print("  PASS" if median <= 20 else "  OVER GOAL")
        if profiler is not None:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
