"""The review timeline window, the queues per role and the Process menu of the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.core.panel_views_fixtures import CHIEF, LEAD, MEMBERS, PROSECUTOR, PanelCase
from tests.ui.panel_fixtures import open_panel, send_to_prosecutor
from ui.main_window import MainWindow
from ui.panel.answer_form import AnswerForm
from ui.panel.comparison_window import ComparisonWindow
from ui.panel.queues_view import QueuesView
from ui.panel.timeline_view import TimelineView


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[PanelCase]:
    yield from open_panel(tmp_path)


def test_timeline_lists_every_step_and_writes_the_routing_sheet(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qtmodeltester, panel: PanelCase, tmp_path: Path
) -> None:
    p = panel
    send_to_prosecutor(p)
    p.act(LEAD)
    view = TimelineView(p.wb, case_id=p.case_id)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.timeline is not None
    assert (
        view.model.rowCount() == len(view.timeline.entries) == 11
    )  # open, 3 starts, 3 submits, all in, 2 reconciled, sent
    whos = {view.model.data(view.model.index(r, 3)) for r in range(view.model.rowCount())}
    assert set(MEMBERS) | {LEAD} <= whos
    steps = [view.model.data(view.model.index(r, 1)) for r in range(view.model.rowCount())]
    assert steps[0] and all(steps)
    assert p.opinion().file_no in view.heading.text()
    written = view.write_routing_sheet(tmp_path / "流转单.pdf")
    assert written is not None and written.stat().st_size > 1000
    # A later step shows without reopening the window (the hub).
    rows = view.model.rowCount()
    p.act(PROSECUTOR)
    from reviewapp.services.panel.feedback import Answer, answer_feedback, feedback_sheet

    sheet = feedback_sheet(p.wb, p.opinion_id)
    answer_feedback(p.wb, p.opinion_id, [Answer(f.id, True) for f in sheet.findings])
    qtbot.waitUntil(lambda: view.model.rowCount() == rows + 1, timeout=10000)


def test_timeline_refused_plainly(qtbot: QtBot, panel: PanelCase) -> None:
    panel.act(PROSECUTOR)  # not yet sent to them
    view = TimelineView(panel.wb, case_id=panel.case_id)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0 and view.heading.text() and not view.sheet_button.isEnabled()


def test_queues_open_the_lead_s_comparison_and_the_prosecutor_s_answer_form(qtbot: QtBot, panel: PanelCase) -> None:
    p = panel
    p.act(LEAD)
    queues = QueuesView(p.wb)
    qtbot.addWidget(queues)
    titles = [queues.tabs.tabText(i) for i in range(queues.tabs.count())]
    assert len(titles) == 3 and titles[0].endswith("(1)")
    window = queues.open_selected()
    assert isinstance(window, ComparisonWindow) and window.opinion_id == p.opinion_id
    window.close()
    send_to_prosecutor(p)
    p.act(PROSECUTOR)
    queues.refresh()
    assert queues.tabs.count() == 1 and queues.tabs.tabText(0).endswith("(1)")
    form = queues.open_selected()
    assert isinstance(form, AnswerForm) and form.model.rowCount() == 3
    form.close()
    p.act(CHIEF)
    queues.refresh()
    assert queues.tabs.count() == 1 and queues.tabs.tabText(0).endswith("(0)")
    assert queues.open_selected() is None


def test_the_process_menu_follows_the_user(qtbot: QtBot, panel: PanelCase) -> None:
    p = panel
    p.act(LEAD)
    window = MainWindow(p.wb)
    qtbot.addWidget(window)
    menu = window.process
    assert menu.queues_action.isEnabled() and menu.compare_action.isEnabled()
    assert window.select_case(p.case_id)
    comparison = menu.show_comparison()
    assert comparison is not None and comparison.model.rowCount() == 3
    timeline = menu.show_timeline()
    assert timeline is not None and timeline.timeline is not None
    queues = menu.show_queues()
    assert queues.tabs.count() == 3
    p.act(PROSECUTOR)
    window.apply_user(p.wb.user)
    assert not comparison.isVisible() and not queues.isVisible()  # the previous user's views close
    assert not menu.compare_action.isEnabled() and menu.answer_action.isEnabled() and menu.queues_action.isEnabled()
