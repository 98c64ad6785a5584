"""The hub: change records reach the views that show their kinds — on the GUI thread, whichever thread wrote —
and only those views refresh."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from reviewapp.demo import DEMO_AS_OF
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.checks.run import run_checks
from reviewapp.services.checks.suggestions import accept_suggestion
from reviewapp.services.reviews.commands import review_state
from reviewapp.services.workbench import Workbench
from tests.ui.test_suggestions_panel import review_id  # noqa: F401 - the fixture
from ui.hub import hub_for
from ui.main_window import MainWindow
from ui.workspace import ScoringWorkspace


def _count(counts: Counter[str], name: str, target: Any, method: str) -> None:
    """Count the calls of ``target.method`` (an instance attribute wrapping the real one)."""
    real: Callable[..., Any] = getattr(target, method)

    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return real(*args, **kwargs)

    setattr(target, method, counted)


def test_views_refresh_only_for_the_kinds_they_show(qtbot: QtBot, wb: Workbench, review_id: int) -> None:  # noqa: F811
    state = review_state(wb, review_id)
    window = MainWindow(wb)
    qtbot.addWidget(window)
    window.show()
    quality = window.show_data_quality()
    workspace = ScoringWorkspace.open_for_case(wb, state.case_id)
    qtbot.addWidget(workspace)
    qtbot.wait(20)  # anything queued by opening has been delivered
    counts: Counter[str] = Counter()
    _count(counts, "case list", window.model, "reload")
    _count(counts, "detail", window.detail, "show_case")
    _count(counts, "data quality", quality, "refresh")
    _count(counts, "workspace", workspace.session, "reload")
    _count(counts, "suggestions", workspace.suggestions, "reload")

    # A suggestion accepted through the service (not the panel): the review's views follow, nothing else.
    accept_suggestion(wb, review_id, "DL-PROSECUTION")
    assert counts["workspace"] == 0  # delivered through the event loop, never inside the writer's call
    qtbot.waitUntil(lambda: counts["workspace"] >= 1 and counts["suggestions"] >= 1)
    assert [f.source_check for f in workspace.session.state.findings] == ["DL-PROSECUTION"]
    assert workspace.suggestions.model.items[0].decision == "accepted"
    assert counts["case list"] == counts["detail"] == counts["data quality"] == 0

    # New check results: the data-quality view and the suggestions follow; the case list does not.
    counts.clear()
    run_checks(wb, [state.case_id], today=DEMO_AS_OF, workers=1)
    qtbot.waitUntil(lambda: counts["data quality"] >= 1)
    assert counts["case list"] == counts["detail"] == 0
    workspace.close()


def test_a_record_written_on_a_worker_thread_arrives_on_the_gui_thread(qtbot: QtBot, wb: Workbench) -> None:
    heard: list[tuple[ChangeRecord, bool]] = []
    hub = hub_for(wb)
    gui = threading.current_thread()
    owner = MainWindow(wb)
    qtbot.addWidget(owner)
    hub.subscribe({Kind.ACCOUNT}, lambda r: heard.append((r, threading.current_thread() is gui)), owner)
    hub.subscribe({Kind.CASE}, lambda r: heard.append((r, False)), owner)  # not touched: never called

    from tests.accounts_fixtures import REVIEWER, sign_in

    worker = threading.Thread(target=lambda: sign_in(wb, "线程评查员", roles=[REVIEWER]))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(heard) >= 1)
    assert all(on_gui for _r, on_gui in heard)
    assert all(r.touches(Kind.ACCOUNT) for r, _ in heard)
