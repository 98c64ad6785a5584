"""The scoring workspace (评查工作台): dossier beside the checklist, the finding editor, the live grade.

Everything is keyboard-driven (F1 lists the keys) and saved at once through the review services, off the GUI
thread (ui/workspace/session.py). Undo and redo are the core's (per user and review), so every path that edits
the review — the editor, accepting a suggestion — is undone the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QItemSelection, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTreeView,
    QWidget,
)

from reviewapp.domain.review_status import EDITABLE, ReviewStatus
from reviewapp.i18n import term
from reviewapp.services.cases.query import CaseDetail, case_detail
from reviewapp.services.dossier.text import documents_found
from reviewapp.services.reviews.commands import ReviewError, ReviewState, open_review
from reviewapp.services.reviews.undo import UndoStatus
from reviewapp.services.workbench import Workbench
from reviewapp.standards import ERROR, FLAW, SERIOUS
from ui.ops import BusyIndicator
from ui.review_history import ReviewHistory
from ui.selfcheck.panel import SelfCheckPanel
from ui.suggestions_panel import SuggestionsPanel
from ui.workspace.checklist_model import ChecklistModel
from ui.workspace.dossier_viewer import DossierViewer
from ui.workspace.finding_editor import FindingEditor
from ui.workspace.grade_panel import GradePanel
from ui.workspace.reopen_dialog import ReopenDialog
from ui.workspace.session import ReviewSession
from ui.workspace.shortcuts_help import ShortcutsHelp

# Open windows by review id: one window per review, and parentless windows must outlive the caller's frame.
_open_windows: dict[int, ScoringWorkspace] = {}


class ScoringWorkspace(QMainWindow):
    def __init__(self, wb: Workbench, state: ReviewState, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.detail = detail
        self.setObjectName("scoringWorkspace")
        self.setWindowTitle(
            self.tr("Scoring — {name} {number}").format(name=detail.row.name, number=detail.row.dept_case_no)
        )
        self.resize(1440, 900)
        self.session = ReviewSession(wb, state, self)
        self.model = ChecklistModel(state.standard, detail.row.case_type, self)
        self.model.set_findings(state.findings)
        self.tree = QTreeView(self)
        self.tree.setObjectName("checklistTree")
        self.tree.setModel(self.model)
        # Long item texts wrap onto more lines instead of being clipped (rows then differ in height).
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(1, 110)
        self.tree.expandAll()
        self.viewer = DossierViewer(self)
        self.viewer.set_documents(detail.documents)
        self.viewer.set_found(documents_found(wb, state.case_id))  # 文书 recognised in the dossier's text
        self.editor = FindingEditor(self.session, self)
        self.grade = GradePanel(self.session, self)
        # The automatic pre-screening results appear beside the editor as suggested findings.
        self.suggestions = SuggestionsPanel(wb, self)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setObjectName("workspaceLowerTabs")
        self.lower_tabs.addTab(self.editor, self.tr("Finding"))
        self.lower_tabs.addTab(self.suggestions, "")
        # The case's submitted 个人自查表 / 部门核查表 (每案必检), read-only beside the checklist.
        self.selfchecks = SelfCheckPanel(wb, self)
        self.lower_tabs.addTab(self.selfchecks, "")
        self.selfchecks.countChanged.connect(self._count_selfchecks)
        self.selfchecks.set_case(state.case_id)
        middle = QSplitter(Qt.Orientation.Vertical, self)
        middle.addWidget(self.tree)
        middle.addWidget(self.lower_tabs)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.viewer)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.grade)
        self.splitter.setSizes([560, 500, 380])
        self.setCentralWidget(self.splitter)
        self.who = QLabel(self)
        self.statusBar().addPermanentWidget(BusyIndicator(self.session.ops, self))
        self.statusBar().addPermanentWidget(self.who)
        self._build_actions()
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.editor.evidenceActivated.connect(self.jump_to)
        self.editor.link_button.clicked.connect(self.link_current_page)
        self.editor.reason.returnPressed.connect(self.tree.setFocus)  # Enter saves and hands keys back
        self.grade.submitRequested.connect(self.submit)
        self.grade.reopenRequested.connect(self.ask_reopen)
        self.grade.itemActivated.connect(self._go_to_finding)
        self.session.changed.connect(self._state_changed)
        self.session.failed.connect(self._failed)
        self.session.undoChanged.connect(self._undo_changed)
        self.suggestions.evidenceRequested.connect(self.viewer.show_quote)  # a quote opens on its page
        self.suggestions.set_review(state.id)
        self.suggestions.model.modelReset.connect(self._count_suggestions)
        self._count_suggestions()
        self.reopen_dialog: ReopenDialog | None = None
        self.submit_confirm: QMessageBox | None = None
        self.help_dialog: ShortcutsHelp | None = None
        self.history: ReviewHistory | None = None
        self._undo_changed(self.session.undo)
        self._state_changed(state)
        self._restore_place()
        self.tree.setFocus()

    @classmethod
    def open_for_case(cls, wb: Workbench, case_id: int, parent: QWidget | None = None) -> ScoringWorkspace:
        """Start or resume the acting person's review of the case and show it (the window already open
        on that review is raised instead of opening a second one).

        Raises ReviewError (a message for the user) when the case cannot be reviewed by this person:
        not closed, a conflict of interest (回避), no standard for its case type, no roster entry.
        (Writes on the calling thread; the main window starts reviews on the write runner and calls
        ``show_review``.)"""
        return cls.show_review(wb, open_review(wb, case_id), parent)

    @classmethod
    def show_review(cls, wb: Workbench, state: ReviewState, parent: QWidget | None = None) -> ScoringWorkspace:
        """Show the window of a started review (raising the one already open on it)."""
        case_id = state.case_id
        window = _open_windows.get(state.id)
        if window is None:
            detail = case_detail(wb, case_id)
            if detail is None:  # start_review already refuses a missing case; this keeps the types honest
                raise ReviewError(
                    QCoreApplication.translate("ScoringWorkspace", "Case {id} does not exist.").format(id=case_id)
                )
            window = cls(wb, state, detail, parent)
            _open_windows[state.id] = window
        elif QGuiApplication.platformName() != "offscreen":  # no stacking order there, and it warns
            window.raise_()
        window.show()
        window.activateWindow()
        return window

    # --- actions ------------------------------------------------------------------------------------
    def _action(self, text: str, keys: Sequence[str | QKeySequence.StandardKey], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        undo = self._action(self.tr("Undo"), [QKeySequence.StandardKey.Undo], self.session.undo_edit)
        redo = self._action(self.tr("Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.session.redo_edit)
        self.undo_action, self.redo_action = undo, redo
        self.scoring_actions = [
            self._action(
                self.tr("Mark as {severity}").format(severity=term(FLAW)), ["1"], lambda: self.editor.mark(FLAW)
            ),
            self._action(
                self.tr("Mark as {severity}").format(severity=term(ERROR)), ["2"], lambda: self.editor.mark(ERROR)
            ),
            self._action(
                self.tr("Mark as {severity}").format(severity=term(SERIOUS)), ["3"], lambda: self.editor.mark(SERIOUS)
            ),
            self._action(self.tr("Clear the finding"), ["0", "Delete"], lambda: self.editor.mark(None)),
            self._action(self.tr("Jump to the reason"), ["R", "Ctrl+R"], self.editor.focus_reason),
            self._action(self.tr("Link the current page as evidence"), ["L"], self.link_current_page),
            undo,
            redo,
        ]
        self.navigation_actions = [
            self._action(self.tr("Next item"), ["J"], lambda: self.step_item(1)),
            self._action(self.tr("Previous item"), ["K"], lambda: self.step_item(-1)),
            self._action(self.tr("Next item with a finding"), ["N"], lambda: self.step_finding(1)),
            self._action(self.tr("Previous item with a finding"), ["P"], lambda: self.step_finding(-1)),
            self._action(self.tr("Back to the checklist"), ["Ctrl+L"], self.tree.setFocus),
            self._action(self.tr("Next page"), ["Ctrl+PgDown"], self.viewer.next_page),
            self._action(self.tr("Previous page"), ["Ctrl+PgUp"], self.viewer.previous_page),
            self._action(self.tr("Zoom in"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], self.viewer.zoom_in),
            self._action(self.tr("Zoom out"), [QKeySequence.StandardKey.ZoomOut], self.viewer.zoom_out),
        ]
        self.submit_action = self._action(self.tr("Submit the review"), ["Ctrl+Return", "Ctrl+Enter"], self.submit)
        self.reopen_action = self._action(self.tr("Reopen the review…"), [], self.ask_reopen)
        self.history_action = self._action(self.tr("Review history…"), ["Ctrl+H"], self.show_history)
        self.help_action = self._action(self.tr("Keyboard shortcuts"), ["F1"], self.show_shortcuts)
        self.close_action = self._action(self.tr("Close"), [QKeySequence.StandardKey.Close], self.close)
        menu = self.menuBar().addMenu(self.tr("&Scoring"))
        menu.addActions(self.scoring_actions)
        menu.addSeparator()
        menu.addActions([self.submit_action, self.reopen_action, self.history_action, self.close_action])
        go = self.menuBar().addMenu(self.tr("&Go"))
        go.addActions(self.navigation_actions)
        self.menuBar().addMenu(self.tr("&Help")).addAction(self.help_action)

    def all_actions(self) -> list[QAction]:
        return [
            *self.scoring_actions,
            *self.navigation_actions,
            self.submit_action,
            self.reopen_action,
            self.history_action,
            self.help_action,
            self.close_action,
        ]

    def show_shortcuts(self) -> ShortcutsHelp:
        native = [
            [self.tr("Down / Up"), self.tr("Next / previous item (in the checklist)")],
            [self.tr("Enter"), self.tr("Save the reason and go back to the checklist")],
        ]
        self.help_dialog = ShortcutsHelp.show_for(self.all_actions(), self, native)
        return self.help_dialog

    # --- the current item ---------------------------------------------------------------------------
    def current_item_code(self) -> str | None:
        item = self.model.item_at(self.tree.currentIndex())
        return None if item is None else item.code

    def select_item(self, item_code: str) -> bool:
        index = self.model.index_of(item_code)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _go_to_finding(self, item_code: str) -> None:
        self.select_item(item_code)
        self.tree.setFocus()  # the reviewer's keys act on the item just picked

    def step_item(self, step: int) -> None:
        codes = self.model.item_codes()
        current = self.current_item_code()
        if not codes:
            return
        if current is None:
            dim_row = self.tree.currentIndex().row() if self.tree.currentIndex().isValid() else -1
            first = self.model.groups[dim_row][2][0].code if dim_row >= 0 else codes[0]
            self.select_item(first)
            return
        at = codes.index(current) + step
        if 0 <= at < len(codes):
            self.select_item(codes[at])

    def step_finding(self, step: int) -> None:
        codes = self.model.item_codes()
        current = self.current_item_code()
        at = codes.index(current) if current is not None else (-1 if step > 0 else len(codes))
        found = {f.item_code for f in self.session.state.findings}
        at += step
        while 0 <= at < len(codes):
            if codes[at] in found:
                self.select_item(codes[at])
                return
            at += step
        self.statusBar().showMessage(self.tr("No further item with a finding."), 4000)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.editor.show_item(self.model.item_at(self.tree.currentIndex()))

    # --- evidence -----------------------------------------------------------------------------------
    def link_current_page(self) -> None:
        place = self.viewer.current()
        if place is None:
            self.statusBar().showMessage(self.tr("Open a dossier page first."), 4000)
        elif self.session.finding(self.current_item_code() or "") is None:
            self.statusBar().showMessage(self.tr("Mark the item with a severity first."), 4000)
        elif self.editor.link_page(*place):
            self.statusBar().showMessage(self.tr("Linked page {page}.").format(page=place[1]), 4000)

    def jump_to(self, document_id: int, page: int) -> None:
        self.viewer.show_page(document_id, page)

    # --- submit and reopen --------------------------------------------------------------------------
    def submit(self, confirmed: bool = False) -> bool:
        """Send the submission (the reason being typed first); the status bar says so when it landed. The
        lowest grade (不合格) sends the case to its prosecutor and to rectification, so it is confirmed first —
        once: while the question is open, asking to submit again raises it instead of asking twice."""
        self.editor.commit_reason()
        if not self.session.editable:
            return False
        state = self.session.state
        grade = state.final_grade or state.proposal.grade
        if not confirmed and grade is not None and self.grade.grades and grade == self.grade.grades[-1]:
            self._confirm_submit(grade)
            return False
        self.session.submit(lambda: self.statusBar().showMessage(self.tr("Submitted."), 6000))
        return True

    def _confirm_submit(self, grade: str) -> QMessageBox:
        if self.submit_confirm is not None and self.submit_confirm.isVisible():
            return self.submit_confirm
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Submit the review"),
            self.tr("Submit this review with the grade {grade}? A submitted review changes only when reopened.").format(
                grade=term(grade)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.submit(confirmed=True))
        self.submit_confirm = box
        box.open()
        return box

    def ask_reopen(self) -> ReopenDialog | None:
        if self.session.editable:
            return None
        self.reopen_dialog = ReopenDialog.ask(self)
        self.reopen_dialog.reasonGiven.connect(self.reopen)
        return self.reopen_dialog

    def reopen(self, reason: str) -> None:
        self.session.reopen(reason)

    def show_history(self) -> ReviewHistory:
        """The review's audit entries: who changed what, when, before → after."""
        if self.history is None:
            self.history = ReviewHistory.open_for(self.wb, self.session.state.id, self)
        else:
            self.history.reload()
            self.history.show()
        return self.history

    # --- state --------------------------------------------------------------------------------------
    def _state_changed(self, state: ReviewState) -> None:
        self.model.set_findings(state.findings)
        self.grade.problems.clear()
        editable = ReviewStatus(state.status) in EDITABLE
        status = self.tr("draft") if editable else self.tr("submitted")
        self.who.setText(self.tr("Reviewer: {name} · {status}").format(name=state.reviewer_name, status=status))
        for action in self.scoring_actions[:6]:
            action.setEnabled(editable)
        self.submit_action.setEnabled(editable)
        self.reopen_action.setEnabled(not editable)
        self.suggestions.set_editable(editable)
        self._undo_changed(self.session.undo)

    def _undo_changed(self, status: UndoStatus) -> None:
        """Undo and redo follow the core's stack of this user on this review (read after every change)."""
        editable = self.session.editable
        self.undo_action.setEnabled(editable and status.undo_label is not None)
        self.redo_action.setEnabled(editable and status.redo_label is not None)
        self.undo_action.setText(
            self.tr("Undo {what}").format(what=status.undo_label) if status.undo_label else self.tr("Undo")
        )
        self.redo_action.setText(
            self.tr("Redo {what}").format(what=status.redo_label) if status.redo_label else self.tr("Redo")
        )

    def _count_suggestions(self) -> None:
        pending = sum(1 for s in self.suggestions.model.items if s.decision is None)
        self.lower_tabs.setTabText(1, self.tr("Suggested findings ({n})").format(n=pending))

    def _count_selfchecks(self, n: int) -> None:
        self.lower_tabs.setTabText(2, self.tr("Self-check ({n})").format(n=n))

    def show_suggestions(self) -> None:
        self.lower_tabs.setCurrentWidget(self.suggestions)

    def _failed(self, message: str) -> None:
        self.grade.show_problems(message)
        self.statusBar().showMessage(message.splitlines()[0], 8000)

    def _settings_key(self) -> str:
        return f"workspace/review-{self.session.state.id}"

    def _restore_place(self) -> None:
        s = QSettings()
        key = self._settings_key()
        item = s.value(f"{key}/item")
        if not (isinstance(item, str) and self.select_item(item)):
            self.step_item(1)
        doc, page = s.value(f"{key}/document"), s.value(f"{key}/page")
        if doc is not None and page is not None:
            self.viewer.show_page(int(str(doc)), int(str(page)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.commit_reason()  # a reason still being typed is saved, never dropped
        s = QSettings()
        key = self._settings_key()
        code = self.current_item_code()
        if code is not None:
            s.setValue(f"{key}/item", code)
        place = self.viewer.current()
        if place is not None:
            s.setValue(f"{key}/document", place[0])
            s.setValue(f"{key}/page", place[1])
        self.viewer.close_documents()
        if _open_windows.get(self.session.state.id) is self:
            del _open_windows[self.session.state.id]
        super().closeEvent(event)
