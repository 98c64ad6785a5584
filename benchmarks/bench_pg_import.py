"""Benchmark: the same 100 000-case import on SQLite and on PostgreSQL, side by side in one run.

    scripts/pg_cluster.sh start            # or any server: --pg postgresql+psycopg://user:pw@host/postgres
    .venv/bin/python benchmarks/bench_pg_import.py [--cases 100000] [--repeat 3] [--pg URL]

Each run imports the export into a new database (a new SQLite file; a new PostgreSQL database, created and dropped
here) as the benchmark administrator. Prints the median of each and PostgreSQL ÷ SQLite (goal ≤ 1.5×).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORK = Path(__file__).resolve().parent / "_work"
DEFAULT_PG = "postgresql+psycopg://postgres:reviewapp-test@127.0.0.1:54329/postgres"  # scripts/pg_cluster.sh


def _server_database(server: str, name: str, *, drop: bool = False) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if not drop:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _import_once(target: str | Path, workbook: Path) -> tuple[float, int]:
    from bench_common import open_as_admin

    from reviewapp.services.cases.intake import import_cases

    wb = open_as_admin(target)
    try:
        t = time.perf_counter()
        summary = import_cases(wb, workbook)
        return time.perf_counter() - t, summary.imported
    finally:
        wb.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3, help="runs on each database; the median is reported")
    p.add_argument("--pg", default=os.environ.get("REVIEWAPP_TEST_DB") or DEFAULT_PG, help="a server URL")
    args = p.parse_args()
    from reviewapp.demo import generate_demo

    WORK.mkdir(exist_ok=True)
    out = WORK / f"demo-{args.cases}"
    workbook = out / "演示案件导出.xlsx"
    if not workbook.exists():
        workbook = generate_demo(out, cases=args.cases, dossiers=False).workbook
    sqlite_runs: list[float] = []
    pg_runs: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.repeat):  # alternating, so both see the same machine load
            seconds, n = _import_once(Path(tmp) / f"bench{run}.sqlite3", workbook)
            sqlite_runs.append(seconds)
            print(f"run {run + 1}: SQLite     {seconds:6.2f} s ({n} cases)", flush=True)
            name = f"bench_import_{os.getpid()}_{run}"
            seconds, n = _import_once(_server_database(args.pg, name), workbook)
            pg_runs.append(seconds)
            print(f"run {run + 1}: PostgreSQL {seconds:6.2f} s ({n} cases)", flush=True)
            _server_database(args.pg, name, drop=True)
    lite, pg = statistics.median(sqlite_runs), statistics.median(pg_runs)
    print(f"SQLite import:     {lite:.2f} s median of {args.repeat}")
    print(f"PostgreSQL import: {pg:.2f} s median of {args.repeat}")
    print(f"PostgreSQL / SQLite: {pg / lite:.2f}x (goal <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
