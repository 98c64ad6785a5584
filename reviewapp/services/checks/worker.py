"""Checking one chunk of stored cases: read the cards, run the rules, return rows ready to store.

Runs in the calling process or in a worker process (run_checks spreads chunks over the cores). A worker
opens its own engine on the same database file: SQLite in WAL mode lets it read while the parent writes.
Only plain data crosses the process boundary.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from reviewapp.checks import CheckConfig, Status, check_case, default_config
from reviewapp.i18n import current_language, set_language
from reviewapp.legal.calendar import LegalCalendar, default_calendar
from reviewapp.services.cases.cards import load_cards_in
from reviewapp.storage.database import Database, open_database

# One row per checked case records which card it was checked from (card_hash) and when, even when every
# rule passed: stale detection needs to tell "checked, clean" from "never checked". Status "passed" keeps
# it out of every list and count (only violation / warning / not_checkable are shown).
CHECKED_MARKER = "__checked__"
STORED_STATUSES = (Status.VIOLATION.value, Status.WARNING.value, Status.NOT_CHECKABLE.value)


@dataclass
class ChunkOutcome:
    case_ids: list[int]
    rows: list[dict[str, Any]] = field(default_factory=list)  # check_results rows without computed_at
    counts: dict[str, int] = field(default_factory=dict)  # status value → results (passed included)
    by_rule: dict[str, dict[str, int]] = field(default_factory=dict)  # rule → status → results (not passed)
    load_seconds: float = 0.0
    rule_seconds: float = 0.0


def check_chunk_in(
    s: Session,
    case_ids: list[int],
    today: dt.date | None,
    config: CheckConfig,
    calendar: LegalCalendar,
) -> ChunkOutcome:
    started = time.perf_counter()
    cards = load_cards_in(s, case_ids)
    out = ChunkOutcome(case_ids=[c.case_id for c in cards])
    out.load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    counts = out.counts
    for stored in cards:
        results = check_case(stored.card, today=today, config=config, calendar=calendar)
        marker: dict[str, Any] = {"today": today.isoformat() if today else None}
        for r in results:
            status = r.status.value
            counts[status] = counts.get(status, 0) + 1
            if r.status is Status.PASSED:
                continue
            marker[status] = marker.get(status, 0) + 1
            per = out.by_rule.setdefault(r.rule_id, {})
            per[status] = per.get(status, 0) + 1
            out.rows.append(
                {
                    "case_id": stored.case_id,
                    "rule_id": r.rule_id,
                    "item_code": r.item_code,
                    "severity": r.severity,
                    "status": status,
                    "explanation": r.explanation,
                    "facts": r.facts,
                    "missing_fields": list(r.missing_fields),
                    "card_hash": stored.card_hash,
                }
            )
        out.rows.append(
            {
                "case_id": stored.case_id,
                "rule_id": CHECKED_MARKER,
                "item_code": "",
                "severity": "",
                "status": Status.PASSED.value,
                "explanation": "",
                "facts": marker,
                "missing_fields": [],
                "card_hash": stored.card_hash,
            }
        )
    out.rule_seconds = time.perf_counter() - started
    return out


# --- worker processes ----------------------------------------------------------------------------------

MAX_WORKERS = 4  # more processes than this only add SQLite readers and start-up time


def usable_cores() -> int:
    """Cores this process may run on: its CPU affinity (taskset, containers, Windows job limits seen by
    Python 3.13's process_cpu_count) where the platform says, else every core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # Windows and macOS have no sched_getaffinity
        return max(1, os.cpu_count() or 1)


def free_cores() -> int:
    """Cores not busy with other work right now: the usable cores less the one-minute load average
    (the runnable processes the kernel averaged). Without a load average (Windows) one core is left
    for the rest of the desktop."""
    usable = usable_cores()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return max(1, usable - 1)
    return max(1, min(usable, int(usable - load + 0.5)))


def worker_count(cases: int, parallel_from: int) -> int:
    """Checking processes for ``cases``: as many as cores are free, up to MAX_WORKERS, at least one.

    Every large run checks in worker processes even when only one core is free (this process, which may be
    the GUI's, then only stores the results); more workers than free cores were measured slower, not faster
    (two workers on a loaded machine: 33.3 s against 30.1 s for 100 000 cases). Small runs stay in this
    process (0): starting a worker (~1 s) costs more than it saves."""
    if cases < parallel_from:
        return 0
    return max(1, min(free_cores(), MAX_WORKERS))


_worker_db: Database | None = None
_worker_config: CheckConfig | None = None
_worker_calendar: LegalCalendar | None = None


# How often a worker looks whether its parent is still there.
PARENT_WATCH_SECONDS = 0.5


def end_with_parent(parent_pid: int) -> None:
    """A worker whose parent died (killed, crashed, power button) ends within PARENT_WATCH_SECONDS instead of
    finishing its chunk for nobody while holding the database file open. Its parent then is another process
    (init, or a subreaper), so a changed parent pid is the sign; it works the same wherever getppid does,
    unlike Linux's PR_SET_PDEATHSIG, which fires when the spawning *thread* ends."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_WATCH_SECONDS)
        os._exit(3)  # no clean-up to run: the worker holds only a read transaction

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def init_worker(url: str, language: str, config: CheckConfig | None, parent_pid: int | None = None) -> None:
    """Process-pool initializer: one engine, the parent's language (explanations are stored translated)."""
    global _worker_db, _worker_config, _worker_calendar
    if parent_pid is not None:
        end_with_parent(parent_pid)
    if current_language() != language:
        set_language(language)
    _worker_db = open_database(url, migrate=False)
    _worker_config = config or default_config()
    _worker_calendar = default_calendar()


def check_chunk_worker(case_ids: list[int], today: dt.date | None) -> ChunkOutcome:
    assert _worker_db is not None and _worker_config is not None and _worker_calendar is not None
    with _worker_db.session() as s:
        return check_chunk_in(s, case_ids, today, _worker_config, _worker_calendar)
