"""Two workstations writing at once: pausing one inside its operation, running the other on a thread; the
review database they share (fixture ``db``) and the audit chain they leave."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from reviewapp.services.accounts.audit import verify_audit
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op
from reviewapp.storage.models import AuditEntry
from tests.core.reviews_fixtures import ReviewDb, make_review_db

OTHER_REVIEWER = "赵评查"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ReviewDb]:
    made = make_review_db(tmp_path)
    yield made
    made.close()


def workstation(db: ReviewDb) -> Workbench:
    """Another workstation on the same database (its own connections), acting as nobody yet."""
    wb = Workbench.open(db.path)
    wb.db.lock_wait = 20
    return wb


def audit_chain(db: ReviewDb) -> list[tuple[int, str, int | None]]:
    """The audit entries (sequence, action, review), after checking the chain verifies and is gap-free."""
    with db.as_admin():
        assert verify_audit(db.wb) is None
    with db.wb.db.session() as s:
        rows = list(s.execute(select(AuditEntry.seq, AuditEntry.action, AuditEntry.review_id).order_by(AuditEntry.seq)))
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))  # gap-free, each once
    return [(r[0], r[1], r[2]) for r in rows]


class Paused:
    """Stops the first workstation's write just before it locks the audit chain's head — having written all
    its rows and holding its review — until ``go()``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, wb: Workbench) -> None:
        self.reached = threading.Event()
        self.released = threading.Event()
        original = Op.chain_head

        def chain_head(op: Op) -> tuple[int, str]:
            if op.wb is wb and not self.released.is_set():
                self.reached.set()
                self.released.wait(20)
            return original(op)

        monkeypatch.setattr(Op, "chain_head", chain_head)

    def go(self) -> None:
        self.released.set()


class Run(threading.Thread):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as exc:  # handed to the test
            self.error = exc

    def outcome(self) -> Any:
        self.join(30)
        assert not self.is_alive()
        if self.error is not None:
            raise self.error
        return self.result


def waits_for(
    monkeypatch: pytest.MonkeyPatch, wb: Workbench, first: Callable[[], Any], then: Callable[[], Any]
) -> tuple[Any, Any]:
    """Runs ``first`` (on ``wb``) until it is about to lock the audit chain's head — its rows written, its locks
    held — then ``then``, which must still be waiting 0.6 s later; lets ``first`` finish and returns both
    results, ``first``'s first."""
    paused = Paused(monkeypatch, wb)
    running = Run(first)
    assert paused.reached.wait(20)
    try:
        waiting = Run(then)
        time.sleep(0.6)
        assert waiting.is_alive()
    finally:
        paused.go()
    return running.outcome(), waiting.outcome()
