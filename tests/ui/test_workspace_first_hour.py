"""What a new reviewer trips over in the workspace: a 不合格 submission is confirmed once; after submitting, no
suggestion can be dismissed or accepted; long reasons and item texts wrap; F1 lists the real keys of the window
asking, without mnemonic markers; no menu has two entries with the same mnemonic (in either language)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reviewapp.services.reviews.commands import review_state
from reviewapp.services.workbench import Workbench
from tests.ui.test_suggestions_panel import review_id  # noqa: F401 - the fixture
from tests.ui.test_workspace_scoring import settle
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.workspace import ScoringWorkspace
from ui.workspace.reason_edit import ReasonEdit
from ui.workspace.shortcuts_help import plain_text

LONG_REASON = "审查起诉阶段超期二日且未报请延长审查期限，" * 6


@pytest.fixture
def workspace(qtbot: QtBot, wb: Workbench, review_id: int) -> Iterator[ScoringWorkspace]:  # noqa: F811
    window = ScoringWorkspace.open_for_case(wb, review_state(wb, review_id).case_id)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def _accept_the_suggestion(qtbot: QtBot, window: ScoringWorkspace) -> None:
    window.show_suggestions()
    assert window.suggestions.accept_current()
    settle(qtbot, window)
    assert window.session.state.proposal.grade == "不合格"


def test_unacceptable_is_confirmed_once_then_nothing_is_decided_after_submit(
    qtbot: QtBot, workspace: ScoringWorkspace
) -> None:
    _accept_the_suggestion(qtbot, workspace)
    assert not workspace.submit()  # asks first
    box = workspace.submit_confirm
    assert box is not None and box.isVisible() and "不合格" in box.text()
    assert not workspace.submit()  # Ctrl+Enter again while the question is open: the same question, once
    assert workspace.submit_confirm is box
    # One question of this workspace open (a box another test left open elsewhere is not this window's).
    asked = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.parentWidget() is workspace
    ]
    assert asked == [box]
    box.button(QMessageBox.StandardButton.No).click()
    assert workspace.session.state.status == "draft"  # No keeps the draft

    assert not workspace.submit()
    workspace.submit_confirm.button(QMessageBox.StandardButton.Yes).click()
    settle(qtbot, workspace)
    assert workspace.session.state.status == "submitted"

    # After submitting, the suggestions take no decision: buttons off, and the calls refuse.
    panel = workspace.suggestions
    panel.view.selectRow(0)
    assert not panel.dismiss_button.isEnabled() and not panel.accept_button.isEnabled()
    assert panel.dismiss_current() is None and not panel.accept_current()


def test_a_grade_above_the_lowest_is_submitted_without_asking(qtbot: QtBot, workspace: ScoringWorkspace) -> None:
    assert workspace.session.state.proposal.grade == "合格"
    assert workspace.submit()
    settle(qtbot, workspace)
    assert workspace.submit_confirm is None and workspace.session.state.status == "submitted"


def test_long_reasons_and_item_texts_wrap(qtbot: QtBot, workspace: ScoringWorkspace) -> None:
    _accept_the_suggestion(qtbot, workspace)
    code = workspace.session.state.findings[0].item_code
    workspace.select_item(code)
    workspace.editor.reason.setText(LONG_REASON)
    workspace.editor.commit_reason()
    settle(qtbot, workspace)
    # The reason field wraps its text over several lines (no horizontal scrolling, nothing hidden).
    reason = workspace.editor.reason
    assert isinstance(reason, ReasonEdit) and reason.lineWrapMode() == ReasonEdit.LineWrapMode.WidgetWidth
    assert reason.text() == LONG_REASON.strip()
    assert reason.document().size().height() > 1 or reason.document().lineCount() >= 1
    # In the findings list the long reason's row grows instead of clipping the text.
    view = workspace.grade.findings_view
    view.setColumnWidth(2, 160)
    view.resizeRowsToContents()
    assert view.wordWrap() and view.textElideMode() == Qt.TextElideMode.ElideNone
    assert view.rowHeight(0) > view.fontMetrics().height() * 2
    # The checklist wraps long item texts onto more lines.
    tree = workspace.tree
    assert tree.wordWrap() and not tree.uniformRowHeights()
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone


def test_f1_lists_the_real_keys_of_the_window_asking(qtbot: QtBot, wb: Workbench, review_id: int) -> None:  # noqa: F811
    main = MainWindow(wb)
    qtbot.addWidget(main)
    main.show()
    workspace = ScoringWorkspace.open_for_case(wb, review_state(wb, review_id).case_id, main)  # a child window
    qtbot.addWidget(workspace)
    dialog = main.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = {what: keys for keys, what in dialog.model.rows}
    mine = [a for a in main.findChildren(QAction) if a.shortcuts() and _owned_by(a, main)]
    assert mine, "the main window has actions with keys"
    for action in mine:  # every action of the main window with a key is listed, by its text without "&"
        assert plain_text(action.text()) in rows
    assert "导入案件…" in rows and rows["导入案件…"] == "Ctrl+I"
    for what, keys in rows.items():
        assert "&" not in what and not re.search(r"[(（]&?[A-Z][)）]", what)  # no mnemonic marker
        assert keys and all(QKeySequence(k.strip()).count() for k in keys.split(", "))  # real keys only
    workspace_texts = {plain_text(a.text()) for a in workspace.all_actions()}
    assert not (workspace_texts - {plain_text(a.text()) for a in mine}) & set(rows)  # not the workspace's keys
    workspace.close()


def _owned_by(action: QAction, window: QMainWindow) -> bool:
    owner = action.parent()
    while owner is not None and not hasattr(owner, "window"):
        owner = owner.parent()
    return owner is not None and owner.window() is window


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _duplicates(menu_owner: QMainWindow) -> list[str]:
    found = []
    bar = menu_owner.menuBar()
    titles = Counter(_mnemonic(a.text()) for a in bar.actions() if a.isVisible() and _mnemonic(a.text()))
    found += [f"menu bar: &{k} ×{n}" for k, n in titles.items() if n > 1]
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        keys = Counter(_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator() and _mnemonic(a.text()))
        found += [f"{plain_text(menu.title())}: &{k} ×{n}" for k, n in keys.items() if n > 1]
        menus += [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_menu_repeats_a_mnemonic(qtbot: QtBot, wb: Workbench, review_id: int, language: str) -> None:  # noqa: F811
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, language)
    try:
        main = MainWindow(wb)
        qtbot.addWidget(main)
        workspace = ScoringWorkspace.open_for_case(wb, review_state(wb, review_id).case_id)
        qtbot.addWidget(workspace)
        dups = [*_duplicates(main), *_duplicates(workspace)]
        assert not dups, "\n".join(dups)
        workspace.close()
    finally:
        install_translators(app, "zh_CN")
