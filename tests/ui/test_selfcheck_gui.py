"""Self-check in the GUI: the handling prosecutor opens the 个人自查表 from the case list, fills it in and
submits; the reviewer then sees it, 否 first, in the scoring workspace's self-check tab (driven by the change
records)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from reviewapp.domain.roles import Role
from reviewapp.domain.selfcheck import AUTO_MARK, FormKind
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.checks.run import run_checks
from reviewapp.services.reviews.commands import open_review
from reviewapp.services.selfcheck.forms import start_selfcheck, submit_selfcheck
from tests.accounts_fixtures import sign_in
from tests.core.intake_fixtures import case_row
from tests.core.plans_fixtures import CHAOYANG, HAIDIAN, PlanDb, make_plan_db
from tests.core.reviews_fixtures import act_as
from tests.core.selfcheck_fixtures import HEAD_LOGIN, PROSECUTOR_LOGIN, prepare_selfcheck_accounts
from tests.ui.conftest import close_bench
from ui.main_window import MainWindow
from ui.workspace import ScoringWorkspace

CASE_NO = case_row(100)["部门受案号"]


@pytest.fixture
def p(tmp_path: Path) -> Iterator[PlanDb]:
    row = case_row(100, 承办检察官="钱检察官", 承办单位=CHAOYANG, 承办部门="第二检察部", 认罪认罚="是", 电子卷宗=None)
    row["退回补充侦查次数"] = "3"
    db = make_plan_db(tmp_path, extra_rows=[row])
    run_checks(db.wb, [db.case(CASE_NO)])
    prepare_selfcheck_accounts(db.wb, CHAOYANG, "第二检察部", prosecutor="钱检察官")
    sign_in(db.wb, "赵检察官", roles=[RoleSpec(Role.PROSECUTOR)], unit=HAIDIAN, department="第一检察部")
    yield db
    close_bench(db.wb)


def test_prosecutor_fills_and_submits_then_the_reviewer_sees_it(qtbot: QtBot, p: PlanDb) -> None:
    act_as(p.wb, PROSECUTOR_LOGIN)
    window = MainWindow(p.wb)
    qtbot.addWidget(window)
    assert window.selfcheck.self_action.isEnabled() and not window.selfcheck.department_action.isEnabled()
    row = window.model.row_of(p.case(CASE_NO))
    assert row is not None
    # Through the selection model: QTableView.selectRow toggles when a test before left a modifier "held".
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.table.selectionModel().setCurrentIndex(window.model.index(row, 0), flags)
    assert window.current_case_id() == p.case(CASE_NO)
    dialog = window.selfcheck.open_form(FormKind.SELF)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.table.rowCount() > 0, timeout=10000)
    codes = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    p17 = codes.index("P17")
    assert dialog.table.item(p17, 2).text() == AUTO_MARK and "退回补充侦查3次" in dialog.table.item(p17, 4).text()
    # Submitting with unanswered items is refused in plain words, nothing submitted.
    dialog.submit_button.click()
    qtbot.waitUntil(lambda: "F11" in dialog.status.text(), timeout=10000)
    assert dialog.submit_button.isEnabled()
    for code in codes:
        if code not in ("P17", "U1", "U4"):
            dialog.set_answer(code, "是")
    dialog.set_answer("F11", "不适用", "成年人")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == dialog.tr("Draft saved."), timeout=10000)
    dialog.submit_button.click()
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.submitted, timeout=10000)
    assert not dialog.submit_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.close()

    # The reviewer of the case sees it beside the checklist.
    reviewer = p.act_as("周评查")
    window.apply_user(reviewer)
    assert not window.selfcheck.self_action.isEnabled()
    state = open_review(p.wb, p.case(CASE_NO))
    workspace = ScoringWorkspace.show_review(p.wb, state, window)
    qtbot.addWidget(workspace)
    tab = workspace.lower_tabs.tabText(2)
    assert "1" in tab
    text = workspace.selfchecks.view.toPlainText()
    assert "个人自查表" in text and "钱检察官" in text
    first_rows = [line for line in text.splitlines() if line.strip().startswith(("P17", "U1", "U4", "F11"))]
    assert first_rows and first_rows[0].startswith("P17")  # 否 first
    assert text.index("P17") < text.index("F11")
    # The department check submitted meanwhile reaches the open workspace through the change records.
    act_as(p.wb, HEAD_LOGIN)
    form = start_selfcheck(p.wb, p.case(CASE_NO), FormKind.DEPARTMENT)
    submit_selfcheck(p.wb, form.id, {i.code: ("是", "") for i in form.items})
    p.act_as("周评查")  # the workspace reloads as its reviewer: a draft is theirs alone (panel.blind)
    qtbot.waitUntil(lambda: "2" in workspace.lower_tabs.tabText(2), timeout=10000)
    assert "部门核查表" in workspace.selfchecks.view.toPlainText()
    workspace.close()


def test_a_reviewer_without_the_case_sees_why_not(qtbot: QtBot, p: PlanDb) -> None:
    from ui.selfcheck.panel import SelfCheckPanel

    p.act_as("赵检察官")
    panel = SelfCheckPanel(p.wb)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.countChanged):
        panel.set_case(p.case(CASE_NO))
    assert panel.forms == [] and "赵检察官" in panel.view.toPlainText()
