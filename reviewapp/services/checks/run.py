"""Running the automatic pre-screening (自动预检) on stored cases and keeping the results.

    run_checks(wb, case_ids=None, *, today=None, progress=None, cancel=None, config=None, workers=None)
        -> CheckRunSummary
    stale_case_ids(wb) -> list[int]          cases never checked, or checked from another card_hash
    finish_prescreening(wb, progress=, cancel=) -> CheckRunSummary | None    check those the user may
    case_results(wb, case_id) -> list[StoredResult]

Each checked case's stored results are replaced in one go (violations, warnings and not-checkable results;
passed rules are not stored, only a marker row saying which card was checked). Each chunk is stored by its
own "checks.run" operation (one transaction, one audit entry) while the rules run outside any lock: a
cancel keeps the chunks already stored and the summary says how many cases that was.

Reading the results for the data-quality view: services/checks_query.py; suggested findings for a review:
services/checks_suggestions.py (both re-exported here).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

from sqlalchemy import and_, delete, exists, insert, select

from reviewapp.checks import RULES, RULES_BY_ID, CheckConfig, Status, default_config
from reviewapp.collector import collector_paused
from reviewapp.domain.roles import Action, grants_action
from reviewapp.i18n import current_language, translate
from reviewapp.legal.calendar import default_calendar
from reviewapp.services.cases.cards import CHUNK, all_case_ids
from reviewapp.services.changes import Kind
from reviewapp.services.checks.results import (
    DataQualitySummary,
    GroupCount,
    ResultFilter,
    ResultRow,
    RuleCount,
    data_quality_summary,
    export_data_quality,
    result_ids,
    result_rows,
)
from reviewapp.services.checks.suggestions import (
    EarlierDecision,
    Suggestion,
    accept_suggestion,
    dismiss_suggestion,
    suggestions,
)
from reviewapp.services.checks.worker import (
    CHECKED_MARKER,
    STORED_STATUSES,
    ChunkOutcome,
    check_chunk_in,
    check_chunk_worker,
    init_worker,
    worker_count,
)
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, CheckResult
from reviewapp.storage.models.base import utcnow
from reviewapp.storage.pg import lock_rows

__all__ = [
    "CHECKED_MARKER",
    "CheckRunSummary",
    "DataQualitySummary",
    "EarlierDecision",
    "GroupCount",
    "ResultFilter",
    "ResultRow",
    "RuleCount",
    "StoredResult",
    "Suggestion",
    "accept_suggestion",
    "case_results",
    "data_quality_summary",
    "dismiss_suggestion",
    "export_data_quality",
    "finish_prescreening",
    "pending_prescreening",
    "result_ids",
    "result_rows",
    "run_checks",
    "stale_case_ids",
    "suggestions",
]

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
# Below this many cases the start-up of worker processes (~1 s each) costs more than it saves.
PARALLEL_FROM = 4 * CHUNK
_IN_LIMIT = 900


@dataclass
class CheckRunSummary:
    cases_total: int  # cases asked for
    cases_checked: int = 0  # cases whose results were stored (all of them unless cancelled)
    cancelled: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # status value → results (passed included)
    by_rule: dict[str, dict[str, int]] = field(default_factory=dict)  # rule → status → results (not passed)
    cases_with_violations: int = 0
    today: dt.date | None = None
    workers: int = 0  # checking processes (0: checked in this process)
    # Wall-clock split for the benchmark: reading cards, the pure rules (summed over workers), storing.
    seconds: dict[str, float] = field(default_factory=dict)

    def count(self, status: Status) -> int:
        return self.counts.get(status.value, 0)

    def message(self) -> str:
        """One line for a status bar or the CLI."""
        if self.cancelled:
            text = translate("CheckService", "Checks cancelled: {done} of {total} cases checked and stored.")
            return text.format(done=self.cases_checked, total=self.cases_total)
        text = translate(
            "CheckService",
            "{cases} cases checked: {violations} violations, {warnings} warnings, {unchecked} not checkable.",
        )
        return text.format(
            cases=self.cases_checked,
            violations=self.count(Status.VIOLATION),
            warnings=self.count(Status.WARNING),
            unchecked=self.count(Status.NOT_CHECKABLE),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "cases_total": self.cases_total,
            "cases_checked": self.cases_checked,
            "cancelled": self.cancelled,
            "counts": dict(self.counts),
            "by_rule": {k: dict(v) for k, v in self.by_rule.items()},
            "cases_with_violations": self.cases_with_violations,
            "today": self.today.isoformat() if self.today else None,
        }


@dataclass(frozen=True)
class StoredResult:
    id: int
    case_id: int
    rule_id: str
    title: str  # translated rule title
    basis: str
    item_code: str
    severity: str
    status: str  # violation | warning | not_checkable
    explanation: str
    facts: dict[str, Any]
    missing_fields: tuple[str, ...]
    card_hash: str
    computed_at: dt.datetime


def _slices(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _IN_LIMIT):
        yield list(ids[start : start + _IN_LIMIT])


@mutation("checks.run", Action.RUN_CHECKS)
def _store(o: Op, outcome: ChunkOutcome) -> None:
    """Replace the stored results of the chunk's cases: one operation (one transaction, one audit entry) per
    chunk, so a long run commits as it goes and a cancel leaves whole chunks only."""
    s = o.session
    for part in _slices(outcome.case_ids):
        for unit_id in set(s.scalars(select(Case.unit_id).where(Case.id.in_(part)).distinct())):
            o.require(Action.RUN_CHECKS, unit_id=unit_id)
    now = utcnow()
    for part in _slices(outcome.case_ids):
        # The cases' rows are locked first, so a replacement by another client (PostgreSQL, READ COMMITTED)
        # waits and then deletes what that one inserted: one result set per case, never two.
        lock_rows(s, select(Case.id).where(Case.id.in_(part)))
        s.execute(delete(CheckResult).where(CheckResult.case_id.in_(part)))
    if outcome.rows:
        s.execute(insert(CheckResult), [dict(r, computed_at=now) for r in outcome.rows])
    o.touch(Kind.CHECK_RESULT, *outcome.case_ids)
    o.open_checks_changed(*outcome.case_ids)
    o.audit(
        "check_results",
        case_id=outcome.case_ids[0] if len(outcome.case_ids) == 1 else None,
        cases=len(outcome.case_ids),
        first_case=min(outcome.case_ids, default=None),
        last_case=max(outcome.case_ids, default=None),
        counts=dict(outcome.counts),
    )


def _in_scope(wb: Workbench, ids: list[int]) -> list[int]:
    """The cases of units where the user may run checks ("check every case" means every case they may).

    Decided per unit (a few hundred), not per case: with every unit allowed — the usual case — the ids pass
    as they are, so a start with a million unchecked cases does not build a million-entry map first."""
    with wb.db.session() as s:
        units = list(s.scalars(select(Case.unit_id).distinct()))
        refused = [u for u in units if not wb.permissions.allows(wb.user, Action.RUN_CHECKS, unit_id=u)]
        if not refused:
            return list(ids)
        out_of_scope: set[int] = set()
        for part in _slices(refused):
            out_of_scope.update(s.scalars(select(Case.id).where(Case.unit_id.in_(part))))
    return [cid for cid in ids if cid not in out_of_scope]


def _merge(summary: CheckRunSummary, outcome: ChunkOutcome) -> None:
    summary.cases_checked += len(outcome.case_ids)
    for status, n in outcome.counts.items():
        summary.counts[status] = summary.counts.get(status, 0) + n
    for rule, per in outcome.by_rule.items():
        target = summary.by_rule.setdefault(rule, {})
        for status, n in per.items():
            target[status] = target.get(status, 0) + n
    summary.cases_with_violations += len({r["case_id"] for r in outcome.rows if r["status"] == Status.VIOLATION.value})
    summary.seconds["load"] = summary.seconds.get("load", 0.0) + outcome.load_seconds
    summary.seconds["rules"] = summary.seconds.get("rules", 0.0) + outcome.rule_seconds


def _auto_workers(wb: Workbench, cases: int) -> int:
    """Worker processes for a run of ``cases`` (0: check in this process), following the free cores."""
    if wb.db.sqlite_path is None and wb.db.url.startswith("sqlite"):
        return 0  # an in-memory database cannot be shared with another process
    return worker_count(cases, PARALLEL_FROM)


def run_checks(
    wb: Workbench,
    case_ids: Sequence[int] | None = None,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    config: CheckConfig | None = None,
    workers: int | None = None,
) -> CheckRunSummary:
    """Check ``case_ids`` (None = every case) and store the results per case.

    ``today`` (default: the current date) drives the open-case checks: warnings before a deadline expires
    and "still open, N days over". ``workers``: checking processes (0 or 1: in this process; None: for a
    large run as many as cores are free, worker.worker_count).
    """
    wb.permissions.require_any(wb.user, Action.RUN_CHECKS)  # refused before any card is read
    started = time.perf_counter()
    ids = _in_scope(wb, all_case_ids(wb)) if case_ids is None else list(dict.fromkeys(case_ids))
    day = today or dt.date.today()
    summary = CheckRunSummary(cases_total=len(ids), today=day)
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    # Asked for: 1 (or 0) checks in this process, as it always did.
    n = _auto_workers(wb, len(ids)) if workers is None else workers if workers > 1 else 0
    summary.workers = max(0, min(n, len(chunks)))
    cfg = config or default_config()
    store_seconds = 0.0

    def stored(outcome: ChunkOutcome) -> None:
        nonlocal store_seconds
        t = time.perf_counter()
        if outcome.case_ids:
            _store(wb, outcome)
        store_seconds += time.perf_counter() - t
        _merge(summary, outcome)
        if progress is not None:
            progress(summary.cases_checked, summary.cases_total)

    if progress is not None:
        progress(0, summary.cases_total)
    # The cyclic collector is paused for the run: a full collection runs in whichever thread allocates and
    # holds the interpreter lock meanwhile, so in the GUI's process the window froze for ~0.5 s whenever
    # the checking thread's allocations triggered one (measured with bench_gui_stall.py --prescreen).
    # Chunk results hold no reference cycles; the collector is restored when the run ends.
    with collector_paused():
        _run(wb, chunks, day, cfg, summary, stored, cancel)
    summary.seconds["store"] = store_seconds
    summary.seconds["total"] = time.perf_counter() - started
    return summary


def _run(
    wb: Workbench,
    chunks: list[list[int]],
    day: dt.date,
    cfg: CheckConfig,
    summary: CheckRunSummary,
    stored: Callable[[ChunkOutcome], None],
    cancel: Cancel | None,
) -> None:
    if summary.workers == 0:
        calendar = default_calendar()
        for chunk in chunks:
            if cancel is not None and cancel():
                summary.cancelled = True
                break
            with wb.db.session() as s:
                outcome = check_chunk_in(s, chunk, day, cfg, calendar)
            stored(outcome)
    else:
        _run_parallel(wb, chunks, day, cfg, summary, stored, cancel)


def _run_parallel(
    wb: Workbench,
    chunks: list[list[int]],
    day: dt.date,
    cfg: CheckConfig,
    summary: CheckRunSummary,
    stored: Callable[[ChunkOutcome], None],
    cancel: Cancel | None,
) -> None:
    """Workers read and check chunks; this process stores them in order (the one writer)."""
    # spawn, not fork: the GUI calls this from a worker thread, and forking a threaded Qt process is unsafe.
    context = get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=summary.workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(wb.db.url, current_language(), cfg, os.getpid()),
    ) as pool:
        pending: deque[Future[ChunkOutcome]] = deque()
        queue = deque(chunks)
        window = 2 * summary.workers  # bounded: results wait in memory only a little ahead of the writer
        while queue or pending:
            while queue and len(pending) < window:
                pending.append(pool.submit(check_chunk_worker, queue.popleft(), day))
            if cancel is not None and cancel():
                summary.cancelled = True
                pool.shutdown(wait=True, cancel_futures=True)
                return
            stored(pending.popleft().result())


def pending_prescreening(wb: Workbench) -> list[int]:
    """Cases whose pre-screening did not complete — never checked (e.g. the import that stored them was
    killed while checking) or checked from an older card — among those the user may check."""
    if not grants_action(wb.user.grants, Action.RUN_CHECKS):
        return []
    # A million ids pass through row tuples: the cyclic collector, left on, ran full collections of the
    # whole process (the window's objects included) several times meanwhile, each holding the interpreter
    # lock for ~0.1 s (bench_gui_stall.py --prescreen, gc callbacks). Nothing here makes reference cycles.
    with collector_paused():
        return _in_scope(wb, stale_case_ids(wb))


def finish_prescreening(
    wb: Workbench, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> CheckRunSummary | None:
    """Check the cases whose pre-screening did not complete (run at start and after every import, so an
    interrupted pre-screening always finishes); None when there were none."""
    ids = pending_prescreening(wb)
    if not ids:
        return None
    return run_checks(wb, ids, progress=progress, cancel=cancel)


_FETCH = 5000  # rows per fetch of a long id list: a few milliseconds of the interpreter lock each


def stale_case_ids(wb: Workbench) -> list[int]:
    """Cases whose stored results were computed from another card (or never): the ones to (re)check."""
    current = exists().where(and_(CheckResult.case_id == Case.id, CheckResult.card_hash == Case.card_hash))
    ids: list[int] = []
    with wb.db.session() as s:
        # Fetched in slices: one fetch of a million rows is a single C call that holds the interpreter lock
        # for the whole of it, and the GUI (which calls this on a worker at start) froze for as long.
        rows = s.execute(select(Case.id).where(~current).order_by(Case.id).execution_options(yield_per=_FETCH))
        for part in rows.scalars().partitions():
            ids.extend(part)
    return ids


def _rule_order() -> dict[str, int]:
    return {spec.rule_id: i for i, spec in enumerate(RULES)}


def case_results(wb: Workbench, case_id: int) -> list[StoredResult]:
    """The stored violations, warnings and not-checkable results of a case, in rule order."""
    with wb.db.session() as s:
        rows = list(
            s.scalars(
                select(CheckResult).where(CheckResult.case_id == case_id, CheckResult.status.in_(STORED_STATUSES))
            )
        )
        order = _rule_order()
        rows.sort(key=lambda r: (order.get(r.rule_id, len(order)), r.id))
        out: list[StoredResult] = []
        for r in rows:
            spec = RULES_BY_ID.get(r.rule_id)
            out.append(
                StoredResult(
                    r.id,
                    r.case_id,
                    r.rule_id,
                    translate("CheckRules", spec.title) if spec else r.rule_id,
                    spec.basis if spec else "",
                    r.item_code,
                    r.severity,
                    r.status,
                    r.explanation,
                    dict(r.facts or {}),
                    tuple(r.missing_fields or ()),
                    r.card_hash,
                    r.computed_at,
                )
            )
        return out
