"""Kill drill: SIGKILL the application at random moments of an import, of scoring, of a notice batch and of a
standard import, and check after every kill that nothing is ever half-done or lost.

Each trial copies a base folder (built once per scenario, drills/kill_scenarios.py), starts a process doing
the scenario's writes one after another (it prints a line after each write that returned), kills it with
SIGKILL at a moment drawn uniformly over the scenario's whole duration (measured by one uncut run first),
and then checks:

- ``PRAGMA integrity_check`` of the database file is ``ok`` (read with plain sqlite3, before the app opens it);
- the application starts again on it (finishing or cleaning up what the kill interrupted, and saying so);
- the audit chain verifies; every write that returned is there;
- import: every export file is in whole or not at all (cases and batch); notices: every notice row has its
  file with its hash; standards: every stored version loads;
- no temporary file is left anywhere in the folder after that start.

Usage (the full run; the test suite runs two trials of each):

    nice .venv/bin/python drills/kill_drill.py [--scenario import|scoring|notices|standards|all]
        [--trials 100] [--seed 1] [--keep DIR] [--json]

Exit status 0 when every trial passed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import kill_scenarios as sc  # noqa: E402


@dataclass
class Totals:
    scenario: str
    trials: int = 0
    killed_mid_work: int = 0  # the kill landed after "ready" and before "done"
    corrupt: int = 0
    failed: int = 0  # trials with any problem (half import, lost write, notice without file, temp file …)
    returned_writes: int = 0
    repaired_starts: int = 0  # starts that said they completed or cleaned an interrupted batch
    full_run_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def _victim(folder: Path, scenario: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(sc.ROOT), REVIEWAPP_DATA_DIR=str(folder / "data"))
    return subprocess.Popen(
        [sys.executable, str(HERE / "kill_scenarios.py"), scenario, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,  # the kill takes the reader child too
    )


def _read_lines(proc: subprocess.Popen[str], lines: list[str], ready: threading.Event) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith("ready"):
            ready.set()
    ready.set()


def run_once(folder: Path, scenario: str, kill_after: float | None) -> tuple[list[str], float]:
    """Run the victim; kill it ``kill_after`` seconds after it said ready (None: let it finish)."""
    proc = _victim(folder, scenario)
    lines: list[str] = []
    ready = threading.Event()
    reader = threading.Thread(target=_read_lines, args=(proc, lines, ready), daemon=True)
    reader.start()
    ready.wait(300)
    start = time.monotonic()
    if kill_after is None:
        proc.wait(1800)
    else:
        try:
            proc.wait(kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    elapsed = time.monotonic() - start
    reader.join(10)
    if proc.stdout is not None:
        proc.stdout.close()
    return lines, elapsed


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def drill(scenario: str, trials: int, rng: random.Random, work: Path) -> Totals:
    totals = Totals(scenario)
    base = work / f"base-{scenario}"
    sc.prepare(scenario, base)
    full = work / f"full-{scenario}"
    shutil.copytree(base, full)
    lines, duration = run_once(full, scenario, None)
    if "done" not in lines:
        raise SystemExit(f"{scenario}: the uncut run did not finish: {lines[-3:]}")
    totals.full_run_seconds = round(duration, 2)
    shutil.rmtree(full)
    for trial in range(trials):
        folder = work / f"trial-{scenario}-{trial}"
        shutil.copytree(base, folder)
        lines, _ = run_once(folder, scenario, rng.uniform(0, duration))
        oks = [json.loads(line[3:]) for line in lines if line.startswith("ok ")]
        totals.trials += 1
        totals.returned_writes += len(oks)
        totals.killed_mid_work += "done" not in lines
        check = integrity(folder / sc.DB)
        problems = [] if check == "ok" else [f"integrity_check: {check}"]
        totals.corrupt += bool(problems)
        if not problems:
            found, said = sc.verify(scenario, folder, oks)
            problems += found
            totals.repaired_starts += bool(said)
        if problems:
            totals.failed += 1
            totals.problems += [f"trial {trial}: {p}" for p in problems[:5]]
            print(f"{scenario} trial {trial}: FAILED {problems[:3]}", flush=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)
        if (trial + 1) % 10 == 0:
            print(f"{scenario}: {trial + 1}/{trials} trials, {totals.failed} failed", flush=True)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scenario", choices=[*sc.SCENARIOS, "all"], default="all")
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep failed trials")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--small", action="store_true", help="small scenarios (the test suite's run)")
    args = parser.parse_args(argv)
    if args.small:
        os.environ[sc.SMALL_ENV] = "1"
        sc.shrink()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kill-drill-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    results: list[dict[str, Any]] = []
    try:
        for scenario in sc.SCENARIOS if args.scenario == "all" else (args.scenario,):
            totals = drill(scenario, args.trials, rng, work)
            results.append(asdict(totals))
            print(
                f"{scenario}: {totals.trials} trials ({totals.killed_mid_work} killed mid-work, full run "
                f"{totals.full_run_seconds} s), {totals.corrupt} corrupt, {totals.failed} failed, "
                f"{totals.returned_writes} returned writes checked, {totals.repaired_starts} starts repaired",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    return 0 if all(r["failed"] == 0 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
