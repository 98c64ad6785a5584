"""The main window: filterable case list, case detail, import, the Review, Documents and Account menus.

The list and the detail pane refresh when the hub reports a change of the kinds they show, whoever made it
(this window, a workspace, an import on a worker, a command in another window).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.roles import Action, grants_action
from reviewapp.errors import KnownError
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.cases.index import CaseFilter
from reviewapp.services.cases.query import case_detail, filter_choices
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.plans.commands import list_plans
from reviewapp.services.workbench import Workbench
from ui.account_menu import AccountMenu, roles_text
from ui.analysis.reports_dialog import ReportActions
from ui.analysis.stats_menu import AnalysisMenu
from ui.case_model import CaseTableModel, EmptyNote, case_table
from ui.detail_pane import DetailPane
from ui.documents_menu import DocumentsMenu
from ui.dossier_menu import DossierActions
from ui.errors import show_error
from ui.file_dialogs import remember, start_folder
from ui.filter_bar import FilterBar
from ui.help import HelpMenu
from ui.hub import hub_for
from ui.language_menu import LanguageMenu
from ui.ops import BusyIndicator, ops_for
from ui.panel.menu import PanelMenu
from ui.plans.menu import PlansMenu
from ui.runner import Job
from ui.selfcheck.menu import SelfCheckMenu
from ui.workspace.shortcuts_help import ShortcutsHelp, plain_text

if TYPE_CHECKING:  # loaded when first opened, not at start (the checks and openpyxl behind them)
    from ui.data_quality import DataQualityView
    from ui.import_dialog import ImportDialog

# The views of this window and the kinds of change they show (the hub calls them only for those).
LIST_KINDS = frozenset({Kind.CASE, Kind.IMPORT})
DETAIL_KINDS = frozenset({Kind.CASE, Kind.DOSSIER})
# ... and the review status, grade, plan and open-check columns.
PLAN_COLUMN_KINDS = frozenset({Kind.PLAN, Kind.PLAN_CASE, Kind.REVIEW, Kind.CHECK_RESULT, Kind.SUGGESTION})


class MainWindow(QMainWindow):
    def __init__(self, wb: Workbench, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setWindowTitle(self.tr("Case-Quality Review Workbench"))
        self.resize(1280, 800)
        self.model = CaseTableModel(wb, self)
        self.filters = FilterBar(self)
        self.table = case_table(self.model, self)
        self.empty_note = EmptyNote(self.table)
        self.detail = DetailPane(self)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(6, 6, 6, 6)
        lv.addWidget(self.filters)
        lv.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([860, 520])
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel(self)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.ops = ops_for(wb)
        self.hub = hub_for(wb)
        self.statusBar().addWidget(self.count_label, 1)
        self.model.counted.connect(self._update_status)
        self.model.later.view = self.table.viewport()
        self.statusBar().addPermanentWidget(BusyIndicator(self.ops, self))
        self.statusBar().addPermanentWidget(self.user_label)
        self.import_dialog: ImportDialog | None = None
        self.workspaces: list[QWidget] = []
        self.demo_job: Job | None = None
        self.data_quality: DataQualityView | None = None
        self._build_actions()
        self.documents = DocumentsMenu(self)
        self.plans = PlansMenu(self)
        self.selfcheck = SelfCheckMenu(self)
        self.process = PanelMenu(self)  # the queues per role, the comparison, the answer form, the timeline
        self.analysis = AnalysisMenu(self)  # the statistics window (统计分析)
        self.account = AccountMenu(self)
        self.menuBar().addMenu(self.language_menu)  # after the work menus
        self.menuBar().addMenu(self.help_menu)
        self.help = HelpMenu(self)  # keyboard shortcuts (F1), the user guide, About
        self.hub.subscribe(LIST_KINDS, self.refresh_list, self)
        self.hub.subscribe(DETAIL_KINDS, self.refresh_detail, self.detail)
        self.hub.subscribe(PLAN_COLUMN_KINDS, self.plans_changed, self)
        self.filters.filterChanged.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Keyboard moves change the current row after the selection; follow it too.
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_workspace)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, context=Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_workspace)
        # From the search field, Enter or Down goes to the list (first match selected): type, then act.
        self.filters.search.returnPressed.connect(self.focus_list)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filters.search, context=Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.focus_list)  # Enter on a row, as in every list
        self.apply_user(wb.user, load=load)
        self._restore_state()

    # --- actions --------------------------------------------------------------------------------------
    def make_action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: Any, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or plain_text(text))  # "评查方案(&P)…" reads "评查方案…"
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self.make_action(
            self.tr("&Import cases…"), "Ctrl+I", self.import_files, self.tr("Import case exports (.xlsx, .xls, .csv)")
        )
        self.dossier_action = self.make_action(
            self.tr("Import &dossier folder…"), "Ctrl+Shift+I", self.import_dossier_folder
        )
        self.demo_action = self.make_action(self.tr("Load de&mo data"), None, self.load_demo)
        self.quit_action = self.make_action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self.make_action(self.tr("&Find case"), QKeySequence.StandardKey.Find, self.focus_search)
        self.clear_action = self.make_action(self.tr("&Clear filters"), "Ctrl+Shift+L", self.filters.clear)
        self.refresh_action = self.make_action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.reload)
        self.shortcuts_action = self.make_action(self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self.review_action = self.make_action(
            self.tr("&Review the selected case…"),
            "Ctrl+E",
            self.open_workspace,
            self.tr("Open the scoring workspace for the selected case"),
        )
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for a in (self.import_action, self.dossier_action, self.demo_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for a in (self.find_action, self.clear_action, self.refresh_action):
            view_menu.addAction(a)
        self.data_quality_action = self.make_action(
            self.tr("Data &quality (数据校验)…"), "Ctrl+Shift+D", self.show_data_quality
        )
        self.run_checks_action = self.make_action(
            self.tr("Run &checks on the selected case (or all)"), None, self.run_checks_on_selection
        )
        review_menu = self.menuBar().addMenu(self.tr("&Review"))
        review_menu.addAction(self.review_action)
        review_menu.addSeparator()
        review_menu.addAction(self.data_quality_action)
        review_menu.addAction(self.run_checks_action)
        self.reports = ReportActions(self, review_menu)  # periodic report, appraisal, bulletin
        self.dossier_tools = DossierActions(self, review_menu)  # dossier text search and background reading
        self.language_menu = LanguageMenu(self)  # a choice applies at once (ui/language_menu.switch_language)
        self.language_actions = self.language_menu.by_code
        self.help_menu = QMenu(self.tr("&Help"), self)  # its entries: ui/help/menu.py
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        for a in (self.import_action, self.dossier_action, self.refresh_action, self.review_action):
            toolbar.addAction(a)

    # --- list -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.filters.set_choices(filter_choices(self.wb))
        self.filters.set_plans([(p.id, p.name) for p in list_plans(self.wb)])
        self.model.filter = self.filters.current()
        self.model.reload()
        self._update_status()

    def apply_filter(self, f: CaseFilter) -> None:
        self.model.apply_filter(f)
        self.table.scrollToTop()
        self._update_status()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _update_status(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        counting = self.model.provisional  # the first page is shown, its count is on its way
        text = self.tr("{shown}+ of {total} cases (counting…)") if counting else self.tr("{shown} of {total} cases")
        self.count_label.setText(text.format(shown=f"{shown:,}", total=f"{total:,}"))  # 1,000,000
        self.empty_note.update_for(self.model)

    def refresh_list(self, _record: ChangeRecord | None = None) -> None:
        """Cases were imported or changed: re-read the list, keeping the filter and the selected case."""
        keep, was = self.current_case_id(), self.table.currentIndex().row()
        self.reload()
        if keep is not None:
            row = self.model.row_of(keep, near=was)
            if row is not None:
                self.table.selectRow(row)

    def plans_changed(self, record: ChangeRecord) -> None:
        """Plans, reviews or checks changed: the plan filter's choices and the review columns."""
        if record.touches(Kind.PLAN):
            self.filters.set_plans([(p.id, p.name) for p in list_plans(self.wb)])
        f = self.filters.current()
        if (f.plan_id, f.review, f.grade, f.open_checks) != (None, None, None, None):  # may match others now
            self.apply_filter(f)
        self.model.plan_columns_changed()

    def refresh_detail(self, _record: ChangeRecord | None = None) -> None:
        self._selection_changed()

    # --- who is working -------------------------------------------------------------------------------
    def user_may(self, action: Action) -> bool:
        """Whether a role of the logged-in user grants ``action`` somewhere (the core checks the scope)."""
        return grants_action(self.wb.user.grants, action)

    def apply_user(self, user: CurrentUser | None = None, *, load: bool = True) -> None:
        """Show who is logged in, and re-read everything for them (after log-in or switching user)."""
        user = user or self.wb.user
        who = self.tr("{name} ({login}) · {roles}").format(
            name=user.name, login=user.login, roles=roles_text(user) or self.tr("no role")
        )
        self.setWindowTitle(self.tr("Case-Quality Review Workbench — {who}").format(who=who))
        self.user_label.setText(self.tr("Logged in: {who}").format(who=who))
        for window in self.workspaces:  # a workspace is its reviewer's: it closes when someone else logs in
            window.close()
        self.workspaces.clear()
        self.import_action.setEnabled(self.user_may(Action.IMPORT_CASES))
        self.dossier_action.setEnabled(self.user_may(Action.IMPORT_CASES))
        self.demo_action.setEnabled(self.user_may(Action.IMPORT_CASES))
        self.review_action.setEnabled(self.user_may(Action.SCORE))
        self.run_checks_action.setEnabled(self.user_may(Action.RUN_CHECKS))
        self.documents.update_user()
        self.plans.update_user()
        self.selfcheck.update_user()
        self.process.update_user()
        self.analysis.update_user()
        self.account.update_user()
        if self.data_quality is not None:
            self.data_quality.reload()
        if load:
            self.refresh_list()
            self.refresh_detail()

    def _selection_changed(self, *_: object) -> None:
        case_id = self.current_case_id()  # the current row of a multi-row selection
        self.detail.show_case(case_detail(self.wb, case_id) if case_id is not None else None)

    def focus_list(self) -> None:
        if self.model.rowCount() and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self.table.setFocus()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # --- import ---------------------------------------------------------------------------------------
    @staticmethod
    def ask_open_paths(parent: QWidget) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            parent.tr("Import case exports"),
            str(start_folder()),
            parent.tr("Case exports (*.xlsx *.xls *.xlsm *.ods *.csv);;All files (*)"),
        )
        if names:
            remember(names[0])
        return [Path(n) for n in names]

    @staticmethod
    def ask_folder(parent: QWidget) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, parent.tr("Choose the dossier folder"), str(start_folder()))
        remember(name)
        return Path(name) if name else None

    def import_files(self) -> None:
        paths = self.ask_open_paths(self)
        if paths:
            self.start_import(paths)

    def import_dossier_folder(self) -> None:
        folder = self.ask_folder(self)
        if folder is not None:
            self.start_import([folder])

    def start_import(self, paths: list[Path]) -> ImportDialog:
        from ui.import_dialog import ImportDialog

        self.import_dialog = ImportDialog.start(self.wb, paths, self)  # the hub refreshes the list
        return self.import_dialog

    # --- demo data ------------------------------------------------------------------------------------
    def offer_demo(self) -> QMessageBox | None:
        """First run with an empty database: offer to load the demo cases."""
        settings = QSettings()
        if not self.user_may(Action.IMPORT_CASES):
            return None
        if self.model.total or settings.value("demo/offered", False, type=bool):
            return None
        settings.setValue("demo/offered", True)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Welcome"),
            self.tr("The database has no cases yet. Load a few hundred realistic demo cases to try the workbench?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.accepted.connect(self.load_demo)
        box.open()
        return box

    def load_demo(self, with_accounts: bool = False) -> QProgressDialog:
        """Write the demo export (with dossier PDFs) in the background, then import it like any export; with
        ``with_accounts`` (first run) the same job adds the demo accounts and imports the cases."""
        from ui.demo_loader import DemoLoader

        loader = DemoLoader(self, self.wb if with_accounts else None)
        loader.written.connect(lambda workbook: self.start_import([workbook]))
        loader.loaded.connect(lambda _load: self.apply_user())
        self.demo_job = loader.job
        return loader.start()

    # --- data-quality view (数据校验) and checks --------------------------------------------------------
    def show_data_quality(self) -> DataQualityView:
        """Open (or raise) the data-quality window; a result it opens selects that case here."""
        from ui.data_quality import DataQualityView

        if self.data_quality is None:
            self.data_quality = DataQualityView(self.wb, self)
            self.data_quality.setWindowFlag(Qt.WindowType.Window)
            self.data_quality.caseRequested.connect(self.select_case)
        else:
            self.data_quality.reload()
        self.data_quality.show()
        if QGuiApplication.platformName() != "offscreen":  # no stacking order there, and it warns
            self.data_quality.raise_()
        return self.data_quality

    def run_checks_on_selection(self) -> Job:
        """Check the selected case, or every case when none is selected, with progress in the view."""
        rows = self.table.selectionModel().selectedRows()
        ids = [cid for cid in (self.model.case_id(r.row()) for r in rows) if cid is not None]
        return self.show_data_quality().start_checks(ids or None)

    def select_case(self, case_id: int) -> bool:
        """Select ``case_id`` in the list (clearing filters that hide it); False if it does not exist."""
        row = self.model.row_of(case_id)
        if row is None and not self.filters.current().is_empty():
            self.filters.clear()
            row = self.model.row_of(case_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self.raise_()
        self.activateWindow()
        return True

    def selected_case_ids(self) -> list[int]:
        """The selected cases in list order."""
        rows = sorted(r.row() for r in self.table.selectionModel().selectedRows())
        return [cid for cid in (self.model.case_id(r) for r in rows) if cid is not None]

    def current_case_id(self) -> int | None:
        """The current row's case when it is selected, else the first selected case."""
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            return self.model.case_id(current.row())
        ids = self.selected_case_ids()
        return ids[0] if ids else None

    def open_workspace(self, *_: object) -> bool:
        """Start or resume the logged-in reviewer's review of the selected case (on the write runner: starting
        a review is a write) and show it in the scoring workspace; a refusal (not closed, 回避 …) is shown in
        plain words. False when no case is selected."""
        from reviewapp.services.reviews.commands import ReviewState, open_review
        from ui.workspace import ScoringWorkspace

        case_id = self.current_case_id()  # the current row of a multi-row selection
        if case_id is None:
            self.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return False
        wb = self.wb

        def started(state: ReviewState) -> None:
            try:
                window = ScoringWorkspace.show_review(wb, state, self)
            except KnownError as exc:
                show_error(self, str(exc))
                return
            if window not in self.workspaces:
                self.workspaces.append(window)

        self.ops.run(lambda: open_review(wb, case_id), started, owner=self)
        return True

    def show_shortcuts(self) -> ShortcutsHelp:
        """F1: the keys of this window's actions, read from the actions themselves."""
        return ShortcutsHelp.show_for([a for a in self.findChildren(QAction) if a.shortcuts()], self)

    # --- state ----------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = QSettings()
        for key, restore in (
            ("main/geometry", self.restoreGeometry),
            ("main/state", self.restoreState),
            ("main/splitter", self.splitter.restoreState),
            ("main/header", self.table.horizontalHeader().restoreState),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def save_state(self) -> None:
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/header", self.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        dq_job = self.data_quality.job if self.data_quality is not None else None
        for job in (self.demo_job, dq_job, self.account.audit_job):
            if job is not None:
                job.cancel()
                job.done.wait(30)
        super().closeEvent(event)
