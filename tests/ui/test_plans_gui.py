"""Plans in the GUI, driven through the change records: an administrator creates a plan, previews and commits
the selection and assigns; a reviewer logs in, sees the queue and scores a case from it; the progress view
and the case list's plan columns follow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reviewapp.domain.plans import PlanType
from reviewapp.services.workbench import Workbench
from tests.core.plans_fixtures import HAIDIAN, PlanDb, make_plan_db
from tests.ui.conftest import close_bench
from ui.main_window import MainWindow

pytestmark = pytest.mark.assignment_required  # these tests keep the default: reviews need an assignment


@pytest.fixture
def p(tmp_path: Path) -> Iterator[PlanDb]:
    db = make_plan_db(tmp_path)
    yield db
    close_bench(db.wb)


def _window(qtbot: QtBot, wb: Workbench) -> MainWindow:
    window = MainWindow(wb)
    qtbot.addWidget(window)
    return window


def test_plan_from_the_editor_to_a_scored_case_in_the_queue(
    qtbot: QtBot, qtmodeltester: ModelTester, p: PlanDb
) -> None:
    window = _window(qtbot, p.wb)
    editor = window.plans.show_editor()
    qtbot.addWidget(editor)
    editor.name.setText("海淀专项评查")
    editor.plan_type.setCurrentIndex(editor.plan_type.findData(PlanType.THEMATIC))
    editor.every_case.setChecked(True)
    for i in range(editor.units.count()):
        if editor.units.item(i).text() == HAIDIAN:
            editor.units.item(i).setCheckState(Qt.CheckState.Checked)
    editor.create_plan()
    assert "standard" in editor.summary.text() or "标准" in editor.summary.text()  # chosen explicitly
    editor.standard.setCurrentIndex(editor.standard.findData(p.standard_id()))
    editor.create_plan()
    qtbot.waitUntil(lambda: editor.plans.count() == 1, timeout=10000)

    preview = editor.preview()
    assert preview is not None and len(preview.picks) == 10
    assert editor.preview_model.rowCount() == 10 and "预览" in editor.summary.text()
    qtmodeltester.check(editor.preview_model)
    assert window.filters.plan.count() == 2  # the case list's plan filter knows the plan
    editor.commit_button.click()
    qtbot.waitUntil(lambda: "10" in editor.state_label.text() and "已存储" in editor.summary.text(), timeout=10000)
    editor.open_button.click()
    qtbot.waitUntil(lambda: "进行中" in editor.state_label.text(), timeout=10000)
    editor.assign_button.click()
    qtbot.waitUntil(lambda: editor.assign_model.rowCount() == 10, timeout=10000)

    progress = window.plans.show_progress()
    qtbot.addWidget(progress)
    assert progress.progress is not None and progress.progress.total.assigned == 10

    # The case list shows and filters by plan.
    window.filters.plan.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.model.rowCount() == 10, timeout=10000)
    assert window.model.data(window.model.index(0, 9)) == "海淀专项评查"
    qtmodeltester.check(window.model)

    p.act_as("吴评查")
    window.apply_user()
    queue = window.plans.show_queue()
    qtbot.addWidget(queue)
    assert queue.model.rowCount() > 0 and all(r.plan == "海淀专项评查" for r in queue.rows)
    assert queue.count.text() == f"共 {len(queue.rows)} 件分配的案件"
    assert queue.model.data(queue.model.index(0, 4)) == "已分配"
    assert queue.open_selected()
    qtbot.waitUntil(lambda: len(queue.workspaces) == 1, timeout=15000)
    workspace = queue.workspaces[0]
    qtbot.addWidget(workspace)
    item = workspace.current_item_code()  # type: ignore[attr-defined]
    workspace.session.set_severity(item, "司法瑕疵")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: workspace.session.pending == 0, timeout=15000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: progress.progress is not None and progress.progress.total.in_review == 1, timeout=10000)
    qtbot.waitUntil(lambda: queue.model.data(queue.model.index(0, 4)) == "评查中", timeout=10000)
    workspace.close()


def test_an_empty_queue_says_how_cases_arrive(qtbot, wb) -> None:  # type: ignore[no-untyped-def]
    from ui.plans.queue_view import QueueView

    queue = QueueView(wb)
    qtbot.addWidget(queue)
    assert queue.model.rowCount() == 0 and "评查方案" in queue.count.text() and "0" not in queue.count.text()
