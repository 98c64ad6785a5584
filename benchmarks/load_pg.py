"""Load: 20 simulated workstations (processes) for 60 s against one PostgreSQL server doing the daily mix.

    scripts/pg_cluster.sh start            # or any server: --pg postgresql+psycopg://user:pw@host/postgres
    .venv/bin/python benchmarks/load_pg.py [--clients 20] [--seconds 60] [--cases 2000] [--pg URL]

Setup (not timed): a new database on the server, the demo administrator, ``--cases`` imported cases, the issuer
settings, one 评查员 + 案管负责人 + 评查管理员 account per client, 40 determined cases per client. Each client logs
in and (unless ``--cold``) issues one notice and imports one small file, untimed, as a workstation in use since the
morning has (its first notice loads the PDF fonts, its first import starts the reading process). It then
loops until the time is up, pausing ``--think`` seconds on average (0.5–1.5×) as a person reading does, then
choosing by weight: list and search cases (the case index and a search), open a case (its detail), record a finding and
undo it or keep it, submit a review, issue a notice for a determined case, import a small file. Each client
works on its own cases (a reviewer of another unit, so no recusal), as reviewers do.

Reports, per operation, how many ran and p50/p95/p99 latency; how long each waited for the write lock, held
it, and held the audit chain's head (the one step every writer serialises on, even the operations that hold
the lock in shared mode); errors by kind (a known error is a message the user sees, e.g. the busy
message; anything else would be the bug apology); lost writes (a finding a client kept, or a notice it issued,
that the database does not hold); and whether the notice numbers are gap-free.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from load_report import merge, print_cpu, print_latency, server_cpu, verify

DEFAULT_PG = "postgresql+psycopg://postgres:reviewapp-test@127.0.0.1:54329/postgres"  # scripts/pg_cluster.sh
PASSWORD = "load-password-1"
WEIGHTS = {"list_cases": 25, "open_case": 25, "record_finding": 25, "undo": 8, "submit": 6, "notice": 6, "import": 5}


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


def _small_export(folder: Path, client: int, round_: int) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "案件"
    ws.append(["部门受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受理日期", "办结日期"])
    for n in range(1, 11):
        ws.append([f"负载受[2026]{client}-{round_}-{n}号", f"负载{n}案", "审查起诉", f"第{n % 5}区检察院",
                   "第一检察部", f"检察官{n % 9}", "2025-03-01", "2025-04-10"])  # fmt: skip
    path = folder / f"small-{client}-{round_}.xlsx"
    book.save(path)
    return path


def setup(url: str, clients: int, cases: int, work: Path) -> dict[int, tuple[list[int], list[int]]]:
    """The shared database; returns each client's cases to review and its determined cases to notify."""
    from bench_common import open_as_admin
    from sqlalchemy import select

    from reviewapp.demo import generate_demo
    from reviewapp.domain.roles import Role, Scope
    from reviewapp.services.accounts.users import RoleSpec, add_account
    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.results.settings import NoticeConfig, save_notice_config
    from reviewapp.services.reviews.commands import ensure_standards
    from reviewapp.storage.models import Case

    wb = open_as_admin(url)
    export = generate_demo(work / "demo", cases=cases, dossiers=False).workbook
    import_cases(wb, export)
    ensure_standards(wb)
    save_notice_config(
        wb,
        NoticeConfig(
            procuratorate="负载测试人民检察院",
            issuer_code="负载检案管整改",
            review_code="负载检案管评",
            issuer="负载测试人民检察院案件管理部",
        ),
    )
    roles = [
        RoleSpec(Role.REVIEWER, Scope.PROVINCE),
        RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.PROVINCE),  # issues notices
        RoleSpec(Role.REVIEW_ADMIN, Scope.PROVINCE),  # imports
    ]
    for c in range(clients):
        add_account(wb, f"负载评查员{c}", f"load{c}", PASSWORD, roles, unit="负载复查院", department="案件管理部")
    # Cases whose opinion is determined (审定), ready for a notice: the tests' own seeding, 40 per client.
    from tests.core.review_fixtures import seed_reviewed_cases

    determined = seed_reviewed_cases(wb, 40 * clients, first=900_001)
    with wb.db.session() as s:
        closed = select(Case.id).where(Case.closed_on.is_not(None), Case.case_type == "审查起诉").order_by(Case.id)
        ids = list(s.scalars(closed))
    wb.close()
    return {c: (ids[c::clients], determined[c::clients]) for c in range(clients)}


_LOCK: dict[str, list[float]] = defaultdict(list)  # "<op> wait" / "<op> hold" / "<op> chain" → seconds
_CURRENT_OP = ["setup"]
_CHAIN_AT: list[float] = []  # when the running transaction locked the audit chain's head


def _profile_write_lock() -> None:
    """Times every write-path transaction of this process: how long it waited for the write lock, how long it
    held it (until its commit) and how long it held the audit chain's head (the part every writer, even one
    holding the lock in shared mode, waits for), by the operation that ran it, so the report says who holds what."""
    from contextlib import contextmanager

    from reviewapp.services.write_path import Op
    from reviewapp.storage.database import Database

    original = Database.write
    chain_head = Op.chain_head

    def timed_head(self: Any) -> tuple[int, str]:
        found = chain_head(self)
        if not _CHAIN_AT:
            _CHAIN_AT.append(time.perf_counter())
        return found

    @contextmanager
    def timed(self: Any, on_wait: Any = None, cancel: Any = None, *, shared: bool = False) -> Any:
        started = time.perf_counter()
        acquired = started
        _CHAIN_AT.clear()
        try:
            with original(self, on_wait, cancel, shared=shared) as session:
                acquired = time.perf_counter()
                _LOCK[f"{_CURRENT_OP[0]} wait"].append(acquired - started)
                yield session
        finally:
            if acquired > started:
                ended = time.perf_counter()
                _LOCK[f"{_CURRENT_OP[0]} hold"].append(ended - acquired)
                if _CHAIN_AT:
                    _LOCK[f"{_CURRENT_OP[0]} chain"].append(ended - _CHAIN_AT[0])

    Database.write = timed  # type: ignore[method-assign]
    Op.chain_head = timed_head  # type: ignore[method-assign]


def client(
    url: str,
    me: int,
    share: tuple[list[int], list[int]],
    seconds: float,
    start_at: float,
    out: str,
    weights_in_force: dict[str, int],
    think: float,
    everyone_in: Any = None,
    warm_up: bool = False,
    passed: Any = None,
) -> dict[str, Any]:
    """One workstation: the daily mix until the time is up. Returns timings, errors and what it wrote.
    ``everyone_in`` (a barrier): the mix starts when every client has started and logged in, so the measured
    minute is the day's work, not 20 interpreters starting and 20 Argon2 checks at once on a small machine.
    ``warm_up``: before that, one notice and one import, untimed — a workstation's first of each loads the PDF
    fonts and starts the reading process (~0.5 s of CPU each, once a day), which 20 clients would otherwise all
    do in the measured minute's first seconds — and then the start's objects are frozen out of the collector,
    as the GUI does once started."""
    from reviewapp.collector import keep_start_up_objects
    from reviewapp.errors import KnownError
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.cases.case_list import CaseList
    from reviewapp.services.cases.index import CaseFilter
    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.cases.query import case_detail
    from reviewapp.services.results.notices import issue_notices
    from reviewapp.services.reviews.commands import start_review, submit_review
    from reviewapp.services.reviews.findings import record_finding
    from reviewapp.services.reviews.undo import undo_review_edit
    from reviewapp.services.workbench import Workbench

    rng = random.Random(me)
    case_ids, to_notify = share
    _profile_write_lock()
    _CURRENT_OP[0] = "log_in"
    wb = Workbench.open(url)
    errors: Counter[str] = Counter()
    timings: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)  # the client's CPU per operation (not the reading process)
    while True:  # the morning login, all at once: Argon2 runs inside the write lock, so logins queue
        t = time.perf_counter()
        try:
            log_in(wb, f"load{me}", PASSWORD)
            timings["log_in"].append(time.perf_counter() - t)
            break
        except KnownError as exc:
            errors[f"known: {type(exc).__name__} (log_in)"] += 1
    folder = Path(out) / f"client{me}"
    folder.mkdir(parents=True, exist_ok=True)
    drafts: dict[int, Any] = {}  # review id → state
    noticed: set[int] = set()
    kept: list[int] = []  # every finding this client recorded and did not undo
    notices: list[str] = []
    fresh = list(case_ids)
    rng.shuffle(fresh)
    imports = 0
    if warm_up:  # the workstation has been in use: its first notice and import loaded their code (untimed)
        _CURRENT_OP[0] = "warm_up"
        try:
            waiting = [cid for cid in to_notify if cid not in noticed]
            if waiting:
                issued = issue_notices(wb, waiting[:1], out_dir=folder / "notices", issued_on=date(2026, 3, 2))
                notices += [n.number for n in issued]
                noticed.add(waiting[0])
            imports += 1
            import_cases(wb, _small_export(folder, me, imports))
        except KnownError as exc:
            errors[f"known: {type(exc).__name__} (warm-up)"] += 1
        keep_start_up_objects()  # as the workstation's GUI does once started (ui/app.py)
    if everyone_in is not None:
        everyone_in.wait(timeout=600)
    if passed is not None:  # tells the main process the measured minute can start
        with passed.get_lock():
            passed.value += 1
    while time.time() < start_at:
        time.sleep(0.005)
    deadline = time.monotonic() + seconds
    names, weights = list(weights_in_force), list(weights_in_force.values())
    while time.monotonic() < deadline:
        if think:
            time.sleep(rng.uniform(0.5 * think, 1.5 * think))  # a person reading between two clicks
        op = rng.choices(names, weights)[0]
        _CURRENT_OP[0] = op
        t = time.perf_counter()
        used = _cpu_now()
        try:
            if op == "list_cases":  # as the case list does it: the count and the first page of rows
                wanted = CaseFilter(text=rng.choice(["盗窃", "张", "2025", "诈骗", "驾驶"]))
                with wb.db.session() as s:
                    listed = CaseList(s)
                    count = listed.count(wanted)
                    listed.rows(listed.page_ids(wanted, None, 0, 200, count=count))
            elif op == "open_case":
                case_detail(wb, rng.choice(case_ids))
            elif op == "record_finding":
                if not drafts or (len(drafts) < 3 and fresh):  # opening a review is timed on its own
                    _CURRENT_OP[0] = "start_review"
                    state = start_review(wb, fresh.pop())
                    timings["start_review"].append(time.perf_counter() - t)
                    cpu["start_review"].append(_cpu_now() - used)
                    _CURRENT_OP[0] = op
                    t, used = time.perf_counter(), _cpu_now()
                else:
                    state = drafts[rng.choice(list(drafts))]
                item = rng.choice(state.standard.items_for("审查起诉"))
                before = {f.id for f in state.findings}
                state = record_finding(wb, state.id, item.code, rng.choice(item.severities), f"负载问题{me}")
                drafts[state.id] = state
                kept += [f.id for f in state.findings if f.id not in before]
            elif op == "undo":
                with_findings = [rid for rid, st in drafts.items() if st.findings]
                if not with_findings:
                    continue
                rid = rng.choice(with_findings)
                before = {f.id for f in drafts[rid].findings}
                drafts[rid] = undo_review_edit(wb, rid)
                gone = before - {f.id for f in drafts[rid].findings}
                kept = [u for u in kept if u not in gone]
            elif op == "submit":
                ready = [rid for rid, st in drafts.items() if st.findings]
                if not ready:
                    continue
                rid = rng.choice(ready)
                submit_review(wb, rid)
                del drafts[rid]
            elif op == "notice":
                waiting = [cid for cid in to_notify if cid not in noticed]
                if not waiting:
                    continue
                cid = waiting[0]
                issued = issue_notices(wb, [cid], out_dir=folder / "notices", issued_on=date(2026, 3, 2))
                notices += [n.number for n in issued]
                noticed.add(cid)
            elif op == "import":
                imports += 1
                import_cases(wb, _small_export(folder, me, imports))
        except KnownError as exc:
            errors[f"known: {type(exc).__name__}"] += 1
        except Exception as exc:  # would be the bug apology in the GUI
            errors[f"BUG: {type(exc).__name__}: {exc}"[:160]] += 1
            traceback.print_exc()
        else:
            timings[op].append(time.perf_counter() - t)
            cpu[op].append(_cpu_now() - used)
    wb.close()
    return {"timings": timings, "errors": errors, "kept": kept, "notices": notices, "lock": dict(_LOCK), "cpu": cpu}


def _cpu_now() -> float:
    """CPU seconds of this client process. An import's reading process is not in it: on Linux it is forked
    by the intake's forkserver (reviewapp/intake/guard.py), whose children are not this process's."""
    return time.process_time()


def _run_client(queue: Any, *args: Any) -> None:
    queue.put(client(*args))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--cases", type=int, default=2000)
    p.add_argument("--pg", default=os.environ.get("REVIEWAPP_TEST_DB") or DEFAULT_PG, help="a server URL")
    p.add_argument("--think", type=float, default=1.0, help="mean seconds a user pauses between operations")
    p.add_argument("--weights", default="", help='JSON replacing some weights, e.g. {"notice": 0, "import": 0}')
    p.add_argument(
        "--cold",
        action="store_true",
        help="no warm-up: each client's first notice and import (fonts, reading process) fall in the measured minute",
    )
    p.add_argument(
        "--start-at", type=float, default=0, help="clients start at this Unix time (two runs side by side, same load)"
    )
    args = p.parse_args()
    if args.weights:
        WEIGHTS.update(json.loads(args.weights))
    name = f"load_{os.getpid()}"
    url = _server_database(args.pg, name)
    work = Path(tempfile.mkdtemp(prefix="load-pg-"))
    try:
        t0 = time.perf_counter()
        shares = setup(url, args.clients, args.cases, work)
        print(f"setup: {args.cases} cases, {args.clients} accounts in {time.perf_counter() - t0:.1f} s", flush=True)
        ctx = multiprocessing.get_context("spawn")
        start_at = max(args.start_at, time.time() + 8)  # every process imported and connected by then
        queue = ctx.Queue()
        everyone_in = ctx.Barrier(args.clients)
        passed = ctx.Value("i", 0)  # clients past the barrier
        # Plain processes, not a pool: an import reads its file in a child process of its own.
        procs = [
            ctx.Process(
                target=_run_client,
                args=(
                    queue,
                    url,
                    c,
                    shares[c],
                    args.seconds,
                    start_at,
                    str(work),
                    dict(WEIGHTS),
                    args.think,
                    everyone_in,
                    not args.cold,
                    passed,
                ),
            )
            for c in range(args.clients)
        ]
        for proc in procs:
            proc.start()
        # The server's CPU over the measured minute: from when every client is past the barrier (and the start
        # time) until their time is up.
        while passed.value < args.clients:
            time.sleep(0.01)
        begin = max(start_at, time.time())
        time.sleep(max(0.0, begin - time.time()))
        server_before, wall = server_cpu(args.pg), time.perf_counter()
        time.sleep(max(0.0, begin + args.seconds - time.time()))
        server_used, wall = server_cpu(args.pg) - server_before, time.perf_counter() - wall
        results = [queue.get(timeout=args.seconds + 300) for _ in procs]
        for proc in procs:
            proc.join()
        merged = merge(results)
        warmth = "cold (no warm-up)" if args.cold else "each client warmed up by one notice and one import"
        print(f"{args.clients} clients × {args.seconds:.0f} s on PostgreSQL ({os.cpu_count()} cores), ", end="")
        print(f"think time {args.think:.1f} s, mix {json.dumps(WEIGHTS)}, {warmth}")
        ops = ["log_in", "start_review", *WEIGHTS]
        print_latency(merged, ops)
        print_cpu(merged, ops[1:], wall, server_used)
        errors, kept, notices = merged["errors"], merged["kept"], merged["notices"]
        print("errors by kind:", json.dumps(dict(errors), ensure_ascii=False) if errors else "none")
        bugs = sum(n for kind, n in errors.items() if kind.startswith("BUG"))
        lost_findings, lost_notices, gap_free = verify(url, kept, notices)
        print(f"errors shown as bugs: {bugs}")
        print(f"lost writes: {lost_findings} findings of {len(kept)} kept, {lost_notices} notices of {len(notices)}")
        print(f"notice numbers gap-free: {'yes' if gap_free else 'NO'} ({len(notices)} issued)")
        print("(times include waiting for the write lock: one writer at a time, as on SQLite, except that edits")
        print(" of different reviews — findings, undo — and the opening and submitting of reviews of different cases")
        print(" run side by side and queue only on the audit chain's head)")
        return 0 if bugs == 0 and lost_findings == 0 and lost_notices == 0 and gap_free else 1
    finally:
        _server_database(args.pg, name, drop=True)
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
