"""Letting a long job's own Cancel also stop its wait for the write lock.

The write path waits for another connection's lock with the workbench's busy hooks (Database.write); a batch
that the user cancels while it waits must stop waiting too, and say "cancelled", not "busy".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import DatabaseBusy


@contextmanager
def cancel_while_waiting(
    wb: Workbench, cancel: Callable[[], bool] | None, cancelled: Callable[[], BaseException]
) -> Iterator[None]:
    """Inside the block a wait for the write lock also ends when ``cancel()``; it then raises ``cancelled()``."""
    if cancel is None:
        yield
        return
    before = wb.busy_cancelled

    def either() -> bool:
        return cancel() or (before is not None and before())

    wb.busy_cancelled = either
    try:
        yield
    except DatabaseBusy as exc:
        if cancel():
            raise cancelled() from exc
        raise
    finally:
        wb.busy_cancelled = before
