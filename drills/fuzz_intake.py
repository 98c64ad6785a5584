"""Fuzz harness: hostile variants of real exports through the import service, and a sample through the CLI.

Each input is one mutation (drills/fuzz_mutations.py: byte flips, truncation, splices, hostile and huge
cells, control characters, formula cells, wrong encodings, forged sheet dimensions, zip bombs within reason,
renamed/duplicated/blank headers, .xls renamed .xlsx, encrypted and empty archives) of one of the real
exports. Every input goes through ``import_cases`` in this process (``--parse-only``: through
``read_export``, no database) and is counted as one outcome:

- imported: the import returned (rejects, if any, listed);
- refused: a KnownError with its plain message (the file as a whole cannot be read);
- contained crash: the reading child died (native abort) — refused with a message, this process unharmed;
- uncaught: any other exception (a bug); reader bug: the reading child raised an unexpected exception;
- hang: the input took more than 60 s;
- over memory: the reading child's peak passed its guard.

Every reject must carry its sheet, row, column and reason. Every ``--cli-every``-th input also goes through
``main.py import`` in a fresh process, where an exit by signal or a traceback on stderr is a failure.

    nice .venv/bin/python drills/fuzz_intake.py --count 10000 [--seed 17] [--cli-every 100] [--keep DIR]

Any input can be rebuilt from (seed, index). Exit status 0 when nothing failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for extra in (ROOT, HERE, ROOT / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

HANG_SECONDS = 60.0


@dataclass
class FuzzTotals:
    inputs: int = 0
    imported: int = 0
    refused: int = 0
    contained_crashes: int = 0  # the reading child died; the user got "this file cannot be read"
    reader_bugs: int = 0
    uncaught: int = 0
    hangs: int = 0
    over_memory: int = 0
    rejects: int = 0
    rejects_incomplete: int = 0
    formula_flags: int = 0
    peak_child_mb: float = 0.0
    guard_mb_at_peak: float = 0.0
    peak_harness_mb: float = 0.0
    slowest_s: float = 0.0
    cli_runs: int = 0
    cli_failures: int = 0
    mutations: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def failed(self) -> int:
        return (
            self.uncaught
            + self.reader_bugs
            + self.hangs
            + self.over_memory
            + self.rejects_incomplete
            + self.cli_failures
        )


def complete(r: Any) -> bool:
    """A reject the user can act on: sheet, Excel row, column and reason all present."""
    return bool(r.sheet) and isinstance(r.row, int) and r.row >= 1 and bool(r.column) and bool(r.reason)


def _one(path: Path, wb: Any, totals: FuzzTotals, label: str) -> None:
    from reviewapp.errors import KnownError
    from reviewapp.intake.errors import FileProblem, IntakeFileError
    from reviewapp.intake.guard import ReadStats
    from reviewapp.intake.parse import read_export

    start = time.monotonic()
    try:
        if wb is None:
            rejects = list(read_export(path).rejects)
        else:
            from reviewapp.services.cases.intake import import_cases

            rejects = list(import_cases(wb, path).rejects)
        totals.imported += 1
        totals.rejects += len(rejects)
        bad = [r for r in rejects if not complete(r)]
        totals.rejects_incomplete += len(bad)
        totals.formula_flags += sum("spreadsheet formula" in r.reason or "公式" in r.reason for r in rejects)
        if bad:
            totals.failures.append(f"{label}: incomplete reject {bad[0]!r}")
    except IntakeFileError as exc:
        if exc.problem is FileProblem.READER_FAILED and ReadStats.failure == "bug":
            totals.reader_bugs += 1
            totals.failures.append(f"{label}: reader bug, log {exc.detail}")
        elif ReadStats.failure == "died":  # native abort (or the allocation guard's abort): contained
            totals.contained_crashes += 1
        else:
            totals.refused += 1
    except KnownError:
        totals.refused += 1
    except Exception:
        totals.uncaught += 1
        totals.failures.append(f"{label}: {traceback.format_exc(limit=3)}")
    elapsed = time.monotonic() - start
    totals.slowest_s = max(totals.slowest_s, round(elapsed, 2))
    if elapsed > HANG_SECONDS:
        totals.hangs += 1
        totals.failures.append(f"{label}: took {elapsed:.0f} s")
    peak = ReadStats.peak_kb / 1024
    if peak > totals.peak_child_mb:
        totals.peak_child_mb, totals.guard_mb_at_peak = round(peak, 1), ReadStats.limit / 2**20
    if ReadStats.peak_kb * 1024 > ReadStats.limit > 0:
        totals.over_memory += 1


def _cli(path: Path, db: Path, totals: FuzzTotals, label: str) -> None:
    from bench_common import ADMIN_LOGIN, PASSWORD

    env = dict(os.environ, REVIEWAPP_USER=ADMIN_LOGIN, REVIEWAPP_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, str(ROOT / "main.py"), "import", str(path), "--no-checks", "--db", str(db)]
    totals.cli_runs += 1
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=HANG_SECONDS * 2)
    except subprocess.TimeoutExpired:
        totals.cli_failures += 1
        totals.failures.append(f"{label}: CLI hung")
        return
    if done.returncode < 0 or done.returncode > 2 or "Traceback" in done.stderr:
        totals.cli_failures += 1
        totals.failures.append(f"{label}: CLI exit {done.returncode}: {done.stderr[-400:]}")


def run(
    count: int, seed: int, work: Path, *, parse_only: bool, cli_every: int, progress: bool = False, start: int = 0
) -> FuzzTotals:
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(work / "data"))
    os.environ["REVIEWAPP_READ_TIMEOUT"] = str(HANG_SECONDS)
    # Imported here, not at the top: the reading children import this script as their main module.
    from fuzz_mutations import mutate, seeds

    totals = FuzzTotals()
    bases = seeds(work / "seeds")
    wb = None
    if not parse_only:
        from bench_common import open_as_admin

        wb = open_as_admin(work / "fuzz.sqlite3")
        if cli_every:
            open_as_admin(work / "cli.sqlite3").close()
    inputs = work / "inputs"
    inputs.mkdir(exist_ok=True)
    mutations: Counter[str] = Counter()
    for i in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + i)  # (seed, index) rebuilds any input
        base = rng.choice(bases)
        name, path = mutate(rng, base, inputs / f"in-{i}")
        mutations[name.split("+")[0]] += 1
        label = f"input {i} ({name} of {base.name})"
        before = len(totals.failures)
        _one(path, wb, totals, label)
        if cli_every and i % cli_every == 0:
            _cli(path, work / "cli.sqlite3", totals, label)
        totals.inputs += 1
        if len(totals.failures) == before:
            path.unlink(missing_ok=True)
        if progress and totals.inputs % 500 == 0:
            print(
                f"{totals.inputs}/{count}: imported {totals.imported}, refused {totals.refused}, contained crashes "
                f"{totals.contained_crashes}, failed {totals.failed()}, rejects {totals.rejects} "
                f"(incomplete {totals.rejects_incomplete}), slowest {totals.slowest_s} s, "
                f"child peak {totals.peak_child_mb} MB",
                flush=True,
            )
    if wb is not None:
        wb.close()
    totals.mutations = dict(sorted(mutations.items()))
    totals.peak_harness_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--start", type=int, default=0, help="first input index (to split a run into shards)")
    parser.add_argument("--cli-every", type=int, default=100, help="every Nth input also through the CLI (0: never)")
    parser.add_argument("--parse-only", action="store_true", help="read_export only, no database")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep failing inputs")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="fuzz-intake-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        totals = run(
            args.count,
            args.seed,
            work,
            parse_only=args.parse_only,
            cli_every=args.cli_every,
            progress=True,
            start=args.start,
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    summary = asdict(totals)
    summary["failures"] = totals.failures[:20]
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0 if totals.failed() == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
