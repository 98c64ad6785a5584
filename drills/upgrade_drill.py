"""Upgrade drill: SIGKILL a schema upgrade at random moments and check that nothing is ever half-done.

For every earlier schema (the fixture databases in tests/fixtures/db) a large database of that schema is built
once: the fixture's case, its suspect and its organisation are cloned with plain SQL in the old schema (no
application code of the new version touches it), so the data is what that version stored. Each trial copies it,
starts a process that opens it (which backs it up and upgrades it), kills that process with SIGKILL at a random
moment of the upgrade, and then checks:

- the file passes ``PRAGMA integrity_check``;
- it holds exactly one version row, either the old revision or the current one, and its schema (every table,
  index and view as stored in sqlite_master) is exactly that revision's schema: never half-applied;
- every file under a backup name (``<db>.backup-*``) is a complete, verified copy: it opens, passes
  integrity_check, holds the old revision and the same number of rows in every table as the original;
- the application opens it again (finishing the upgrade when it was killed before the commit), all the cases
  are there, and no partial backup is left behind.

Usage (the full run; a few trials on a small database run in the test suite):

    .venv/bin/python drills/upgrade_drill.py --cases 100000 --trials 100 [--schemas 0002,0006] [--seed 1]

``--schemas`` is comma-separated and defaults to every fixture schema (0001 … 0007 with head 0008); a missing
fixture is built from the previous one with the real migrations by drills/schema_fixture.py.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reviewapp.storage.database import DatabaseError, head_revision, open_database  # noqa: E402
from reviewapp.storage.db_files import BACKUP_MARK, COUNTED_TABLES, partial_backups, verify_backup  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "db"

# The process under test: says when it starts opening, so the kill lands in the upgrade, not in start-up.
OPENER = (
    "import sys\n"
    "from reviewapp.storage.database import open_database\n"
    "print('opening', flush=True)\n"
    "open_database(sys.argv[1]).close()\n"
    "print('done', flush=True)\n"
)


# --- building the old databases -----------------------------------------------------------------------


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]


def build_database(fixture: Path, cases: int, out: Path) -> Path:
    """A copy of ``fixture`` (one case) grown to ``cases`` cases, each with a suspect, in the fixture's schema."""
    if out.exists():
        return out
    tmp = out.with_name(out.name + ".building")
    shutil.copy(fixture, tmp)
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        first = con.execute("SELECT min(id) FROM cases").fetchone()[0]
        cols = _columns(con, "cases")
        made = {
            "id": "n.i",
            "dept_case_no": "'朝检刑诉受[2024]' || n.i || '号'",
            "unified_case_no": "'110105202400' || n.i",
            "name": "c.name || n.i",
        }
        exprs = [made.get(c, f'c."{c}"') for c in cols]
        quoted = ", ".join(f'"{c}"' for c in cols)
        con.execute(
            f"WITH RECURSIVE n(i) AS (SELECT {first} + 1 UNION ALL SELECT i + 1 FROM n WHERE i < {first} + ?) "
            f"INSERT INTO cases ({quoted}) SELECT {', '.join(exprs)} FROM n, (SELECT * FROM cases WHERE id = ?) AS c",
            (cases - 1, first),
        )
        scols = [c for c in _columns(con, "suspects") if c != "id"]
        sexprs = ["k.id" if c == "case_id" else f's."{c}"' for c in scols]
        squoted = ", ".join(f'"{c}"' for c in scols)
        con.execute(
            f"INSERT INTO suspects ({squoted}) "
            f"SELECT {', '.join(sexprs)} FROM suspects s, cases k WHERE s.case_id = ? AND k.id <> ?",
            (first, first),
        )
        con.commit()
    finally:
        con.close()
    tmp.rename(out)
    return out


# --- looking at a database after a kill ---------------------------------------------------------------


def _clauses(sql: str) -> str:
    """A CREATE statement with its column and constraint clauses sorted: a table rebuilt by a migration lists
    its constraints in no fixed order (they come from a set), which is not a difference of schema."""
    sql = " ".join(sql.split())
    start, end = sql.find("("), sql.rfind(")")
    if not sql.startswith("CREATE TABLE") or start < 0:
        return sql
    parts, depth, current = [], 0, ""
    for ch in sql[start + 1 : end]:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return sql[:start] + "(" + ", ".join(sorted(parts)) + ")"


def schema_of(path: Path) -> list[tuple[str, str, str, str]]:
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        return [(t, n, tb, _clauses(sql)) for t, n, tb, sql in rows]
    finally:
        con.close()


def counts_of(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        names = [n for (n,) in con.execute(COUNTED_TABLES)]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


@dataclass
class Reference:
    schema: str  # fixture name
    revision: str
    cases: int
    old_schema: list[tuple[str, str, str, str]]
    new_schema: list[tuple[str, str, str, str]]
    counts: dict[str, int]
    upgrade_seconds: float


@dataclass
class Trial:
    schema: str
    delay: float
    state: str = ""  # "old" | "new" | "half" | "unopenable"
    problems: list[str] = field(default_factory=list)
    backups: int = 0
    partial_backups: int = 0


def _spawn(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", OPENER, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_opening(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "opening":
        raise RuntimeError(f"the opener did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")


def _close(proc: subprocess.Popen[str]) -> None:
    proc.wait(timeout=120)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def calibrate(source: Path, work: Path, name: str) -> Reference:
    """One uninterrupted upgrade: how long it takes and the schema it ends with."""
    path = work / f"calibrate-{name}.sqlite3"
    shutil.copy(source, path)
    con = sqlite3.connect(path)
    revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    old_schema, counts = schema_of(path), counts_of(path)
    proc = _spawn(path)
    _wait_opening(proc)
    started = time.monotonic()
    _close(proc)
    seconds = time.monotonic() - started
    if proc.returncode != 0:
        raise RuntimeError(f"calibration upgrade failed for {name}")
    ref = Reference(name, revision, counts["cases"], old_schema, schema_of(path), counts, seconds)
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    return ref


def run_trial(source: Path, work: Path, ref: Reference, rng: random.Random) -> Trial:
    path = work / "trial.sqlite3"
    for leftover in work.glob("trial.sqlite3*"):
        leftover.unlink()
    shutil.copy(source, path)
    trial = Trial(ref.schema, delay=rng.uniform(0, ref.upgrade_seconds * 1.1))
    proc = _spawn(path)
    _wait_opening(proc)
    time.sleep(trial.delay)
    proc.send_signal(signal.SIGKILL)
    _close(proc)
    check_after_kill(path, ref, trial)
    return trial


def _check_backups(path: Path, ref: Reference, trial: Trial) -> None:
    backups = sorted(path.parent.glob(f"{path.name}{BACKUP_MARK}*"))
    trial.backups = len(backups)
    for backup in backups:
        if backup.stat().st_size == 0:
            trial.problems.append(f"empty backup {backup.name}")
            continue
        problem = verify_backup(backup, ref.revision, ref.counts)
        if problem is not None:
            trial.problems.append(f"unverified backup {backup.name}: {problem}")


def check_after_kill(path: Path, ref: Reference, trial: Trial) -> None:
    head = head_revision()
    trial.partial_backups = len(partial_backups(path))
    try:
        con = sqlite3.connect(path)
        try:
            check = con.execute("PRAGMA integrity_check").fetchall()
            versions = con.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        trial.state = "unopenable"
        trial.problems.append(f"cannot read after the kill: {exc}")
        return
    if check != [("ok",)]:
        trial.problems.append(f"integrity check: {check[:3]}")
    schema = schema_of(path)
    if versions == [(ref.revision,)] and schema == ref.old_schema:
        trial.state = "old"
    elif versions == [(head,)] and schema == ref.new_schema:
        trial.state = "new"
    else:
        trial.state = "half"
        trial.problems.append(f"half-applied: version rows {versions}")
    _check_backups(path, ref, trial)
    try:
        db = open_database(path)  # what the next start does: finishes the upgrade if it was killed before it
    except DatabaseError as exc:
        trial.state = "unopenable"
        trial.problems.append(f"the next start failed: {exc}")
        return
    try:
        with db.engine.connect() as conn:
            cases = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        db.close()
    if cases != ref.cases or version != head:
        trial.problems.append(f"after the next start: {cases} cases at {version}")
    if partial_backups(path):
        trial.problems.append("a partial backup was left after the next start")
    _check_backups(path, ref, trial)


@dataclass
class Figures:
    schema: str
    revision: str
    cases: int
    upgrade_seconds: float
    trials: int = 0
    killed_old: int = 0
    killed_new: int = 0
    half_applied: int = 0
    unopenable: int = 0
    bad_backups: int = 0
    backups_checked: int = 0
    partial_backups_seen: int = 0
    problems: list[str] = field(default_factory=list)


def drill(cases: int, trials: int, schemas: list[str], seed: int, work: Path, log: bool = True) -> list[Figures]:
    rng = random.Random(seed)
    out: list[Figures] = []
    for name in schemas:
        fixture = FIXTURES / f"schema_{name}.sqlite3"
        source = build_database(fixture, cases, work / f"big-{name}-{cases}.sqlite3")
        ref = calibrate(source, work, name)
        fig = Figures(name, ref.revision, ref.cases, round(ref.upgrade_seconds, 2))
        for n in range(trials):
            t = run_trial(source, work, ref, rng)
            fig.trials += 1
            fig.killed_old += t.state == "old"
            fig.killed_new += t.state == "new"
            fig.half_applied += t.state == "half"
            fig.unopenable += t.state == "unopenable"
            fig.bad_backups += sum("backup" in p and "partial" not in p for p in t.problems)
            fig.backups_checked += t.backups
            fig.partial_backups_seen += t.partial_backups
            fig.problems.extend(t.problems)
            if log:
                print(
                    f"{name} trial {n + 1}/{trials}: kill at {t.delay:.2f}s → {t.state} {t.problems or ''}", flush=True
                )
        out.append(fig)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--trials", type=int, default=100, help="kills per schema")
    p.add_argument("--schemas", default=",".join(sorted(f.stem.split("_")[1] for f in FIXTURES.glob("schema_*"))))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", type=Path, help="folder for the databases (kept, so later runs reuse the big ones)")
    args = p.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="upgrade-drill-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    figures = drill(args.cases, args.trials, args.schemas.split(","), args.seed, work)
    result = {"seconds": round(time.monotonic() - started), "figures": [asdict(f) for f in figures]}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    bad = any(f.half_applied or f.unopenable or f.bad_backups or f.problems for f in figures)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
