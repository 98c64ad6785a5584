"""The case list's count, read after its first page is on screen when counting would hold up typing.

At a million cases the count of a search costs 5–100 ms (every match of the search index is read, a long
phrase merges several lists), while the page itself is read from the order's index in a millisecond or two.
So on a large list the page comes first: the model shows it as soon as it is read, and the count follows on
a thread of its own, which SQLite runs beside the GUI (the sqlite3 module releases the GIL while a statement
runs). A count made stale by the next key is never started, and its answer, should it arrive, is dropped.

The counts read are remembered while the data stay the same: a search that contains an earlier one matches
no more than it did, which tells the page whether to walk the order (many matches) or read the index (few);
going back to an earlier search (a deleted character) finds its count at once.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import SORT_COLUMNS, CaseFilter
from reviewapp.services.cases.list_columns import COMPUTED
from reviewapp.services.cases.search_index import fold
from reviewapp.services.workbench import Workbench
from ui.after_paint import AfterPaint
from ui.runner import Job

# Below this many cases a count costs a few milliseconds and is read with the page, as before.
COUNT_LATER_FROM = 50_000
KEPT = 64  # counts remembered (the searches typed since the data last changed)


class LaterCount(QObject):
    """Counts of text searches, read on a worker after the page; and the counts read so far."""

    def __init__(self, wb: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one count at a time: a newer search supersedes, it never queues up
        self.token = 0
        self._jobs: dict[int, Job] = {}
        self._known: OrderedDict[str, int] = OrderedDict()  # folded search text → its matches
        self._generation = -1
        # The view showing the page: a count starts once it has painted, so the two do not share the machine.
        self.view: QWidget | None = None

    def needle(self, f: CaseFilter, sort: tuple[int, bool] | None, total: int) -> str | None:
        """The search text whose count is read later: a text alone on a large list, in an order of the
        cases' own (a computed order counts its parts as it reads the page); None: count with the page."""
        needle = fold(f.text.strip())
        if total < COUNT_LATER_FROM or not needle or f != CaseFilter(text=f.text):
            return None
        if sort is not None and SORT_COLUMNS[sort[0]] in COMPUTED:
            return None
        return needle

    def known(self, needle: str) -> int | None:
        self._current()
        return self._known.get(needle)

    def bound(self, needle: str, total: int) -> int:
        """What ``needle`` can match at most: the least count of a search it contains, else every case."""
        self._current()
        return min((n for text, n in self._known.items() if text in needle), default=total)

    def remember(self, needle: str, count: int) -> None:
        self._current()
        self._known[needle] = count
        self._known.move_to_end(needle)
        while len(self._known) > KEPT:
            self._known.popitem(last=False)

    def start(
        self, f: CaseFilter, needle: str, total: int, counted: Callable[[int], None], failed: Callable[[], None]
    ) -> None:
        """Count ``f`` on the worker; ``counted`` gets the answer on the GUI thread, unless superseded;
        ``failed`` is called when the count could not be read there (the caller counts itself)."""
        self.token += 1
        token, generation = self.token, self.wb.generation

        def work(_progress: object, _cancel: object) -> int | None:
            if token != self.token:  # the next key came first
                return None
            with self.wb.db.session() as s:
                return CaseList(s, total=total).count(f)

        def done(count: int | None) -> None:
            if count is None or not isValid(self):
                return
            if generation == self.wb.generation:
                self.remember(needle, count)
            if token == self.token:
                counted(count)

        def not_counted(exc: BaseException) -> None:
            logging.getLogger("reviewapp").warning("case list not counted on the worker: %s", exc)
            if token == self.token and isValid(self):
                failed()

        self._jobs = {t: j for t, j in self._jobs.items() if not j.done.is_set()}  # let go once its thread left

        def submit() -> None:
            if token != self.token:  # the next key came before the paint
                return
            job = Job(work)
            job.signals.succeeded.connect(done)
            job.signals.failed.connect(not_counted)
            self._jobs[token] = job
            job.start(self.pool)

        if self.view is not None and self.view.isVisible():
            AfterPaint(self.view, submit, fallback_ms=100)
        else:
            submit()

    def forget(self) -> None:
        """A list read with its count: any count still on its way is for an older search."""
        self.token += 1

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)

    def _current(self) -> None:
        if self._generation != self.wb.generation:  # cases changed: the counts no longer hold
            self._known.clear()
            self._generation = self.wb.generation
