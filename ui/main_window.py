"""The main window: filterable case list, case detail, import, and the first-run demo offer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.i18n import DEFAULT_LANGUAGE
from reviewapp.services.cases.index import CaseFilter
from reviewapp.services.cases.query import case_detail, filter_choices
from reviewapp.services.workbench import Workbench
from ui.case_model import CaseTableModel
from ui.data_quality import DataQualityView  # issue 5: data-quality view
from ui.detail_pane import DetailPane
from ui.errors import show_error
from ui.filter_bar import FilterBar
from ui.import_dialog import ImportDialog
from ui.ledger_export import LedgerExportDialog  # issue 4: documents menu
from ui.notice_dialog import NoticeDialog  # issue 4
from ui.notice_report import CaseReportExport  # issue 4
from ui.notice_settings import NoticeSettingsDialog  # issue 4
from ui.runner import Job

_UNSAFE_IN_NAMES = str.maketrans({c: "_" for c in '\\/:*?"<>|'})  # issue 4: report file names


class MainWindow(QMainWindow):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setWindowTitle(self.tr("Case-Quality Review Workbench"))
        self.resize(1280, 800)
        self.model = CaseTableModel(wb, self)
        self.filters = FilterBar(self)
        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # issue 4: several rows can be selected (notices for a selection); the detail follows the current row.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)  # sort on header click without an initial sort pass
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
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
        for column, width in enumerate((250, 170, 80, 170, 100, 80, 120, 90, 90)):
            self.table.setColumnWidth(column, width)
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel(self)
        self.user_label = QLabel(self)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.import_dialog: ImportDialog | None = None
        self.workspaces: list[QWidget] = []
        self.demo_job: Job | None = None
        self.data_quality: DataQualityView | None = None  # issue 5
        self.notice_dialog: NoticeDialog | None = None  # issue 4
        self.ledger_dialog: LedgerExportDialog | None = None  # issue 4
        self.report_export: CaseReportExport | None = None  # issue 4
        self.notice_settings: NoticeSettingsDialog | None = None  # issue 4
        self._build_actions()
        self.filters.filterChanged.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # issue 4: keyboard moves change the current row after the selection; follow it too.
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_workspace)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, context=Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_workspace)
        # From the search field, Enter or Down goes to the list (first match selected): type, then act.
        self.filters.search.returnPressed.connect(self.focus_list)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filters.search, context=Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.focus_list)  # Enter on a row, as in every list
        self.reload()
        self._restore_state()

    # --- actions --------------------------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: Any, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            self.tr("&Import cases…"), "Ctrl+I", self.import_files, self.tr("Import case exports (.xlsx, .xls, .csv)")
        )
        self.dossier_action = self._action(
            self.tr("Import &dossier folder…"), "Ctrl+Shift+I", self.import_dossier_folder
        )
        self.demo_action = self._action(self.tr("Load &demo data"), None, self.load_demo)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self._action(self.tr("&Find case"), QKeySequence.StandardKey.Find, self.focus_search)
        self.clear_action = self._action(self.tr("&Clear filters"), "Ctrl+Shift+L", self.filters.clear)
        self.refresh_action = self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.reload)
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self.review_action = self._action(
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
        # --- issue 5: data-quality view (数据校验) and running the pre-screening checks ---
        self.data_quality_action = self._action(
            self.tr("Data &quality (数据校验)…"), "Ctrl+Shift+D", self.show_data_quality
        )
        self.run_checks_action = self._action(
            self.tr("Run &checks on the selected case (or all)"), None, self.run_checks_on_selection
        )
        # --- end issue 5 ---
        review_menu = self.menuBar().addMenu(self.tr("&Review"))
        review_menu.addAction(self.review_action)
        review_menu.addSeparator()
        review_menu.addAction(self.data_quality_action)
        review_menu.addAction(self.run_checks_action)
        language_menu = QMenu(self.tr("&Language"), self)
        self.language_actions: dict[str, QAction] = {}
        current = str(QSettings().value("ui/language", DEFAULT_LANGUAGE))
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            language_menu.addAction(action)
            self.language_actions[code] = action
        # --- issue 4: documents (文书): notices for the selection, case report, ledger, settings ---
        self.notice_action = self._action(
            self.tr("Issue &rectification notices…"),
            "Ctrl+Shift+N",
            self.issue_notices_for_selection,
            self.tr("Preview and issue rectification notices for the selected cases"),
        )
        self.report_action = self._action(
            self.tr("Case review &report…"),
            None,
            self.write_case_report,
            self.tr("Write the case review report of the current case"),
        )
        self.ledger_action = self._action(self.tr("Export review &ledger…"), None, self.export_ledger)
        self.notice_settings_action = self._action(self.tr("Notice &settings…"), None, self.edit_notice_settings)
        documents_menu = self.menuBar().addMenu(self.tr("&Documents"))
        for a in (self.notice_action, self.report_action, self.ledger_action):
            documents_menu.addAction(a)
        documents_menu.addSeparator()
        documents_menu.addAction(self.notice_settings_action)
        # --- end issue 4 ---
        self.menuBar().addMenu(language_menu)  # after the work menus: File, View, Review, Documents, Language, Help
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        for a in (self.import_action, self.dossier_action, self.refresh_action, self.review_action):
            toolbar.addAction(a)

    def choose_language(self, code: str) -> None:
        """Remember the UI language; it applies from the next start (every window is built translated)."""
        QSettings().setValue("ui/language", code)
        for c, action in self.language_actions.items():
            action.setChecked(c == code)
        self.statusBar().showMessage(self.tr("The language changes the next time the workbench starts."), 8000)

    # --- list -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.model.reload()
        self.filters.set_choices(filter_choices(self.wb))
        self.model.apply_filter(self.filters.current())
        self._update_status()

    def apply_filter(self, f: CaseFilter) -> None:
        self.model.apply_filter(f)
        self._update_status()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _update_status(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} cases").format(shown=self.model.rowCount(), total=len(self.model.index_data))
        )
        self.user_label.setText(self.tr("Working as: {name}").format(name=self.wb.actor.name))

    def _selection_changed(self, *_: object) -> None:
        case_id = self.current_case_id()  # issue 4: the current row of a multi-row selection
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
            "",
            parent.tr("Case exports (*.xlsx *.xls *.xlsm *.ods *.csv);;All files (*)"),
        )
        return [Path(n) for n in names]

    @staticmethod
    def ask_folder(parent: QWidget) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, parent.tr("Choose the dossier folder"))
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
        self.import_dialog = ImportDialog.start(self.wb, paths, self)
        self.import_dialog.imported.connect(lambda *_: self.reload())
        return self.import_dialog

    # --- demo data ------------------------------------------------------------------------------------
    def offer_demo(self) -> QMessageBox | None:
        """First run with an empty database: offer to load the demo cases."""
        settings = QSettings()
        if len(self.model.index_data) or settings.value("demo/offered", False, type=bool):
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

    def load_demo(self) -> QProgressDialog:
        """Write the demo export (with dossier PDFs) in the background, then import it like any export."""
        from ui.demo_loader import DemoLoader

        loader = DemoLoader(self)
        loader.written.connect(lambda workbook: self.start_import([workbook]))
        self.demo_job = loader.job
        return loader.start()

    # --- issue 5: data-quality view (数据校验) and checks ----------------------------------------------
    def show_data_quality(self) -> DataQualityView:
        """Open (or raise) the data-quality window; a result it opens selects that case here."""
        if self.data_quality is None:
            self.data_quality = DataQualityView(self.wb, self)
            self.data_quality.setWindowFlag(Qt.WindowType.Window)
            self.data_quality.caseRequested.connect(self.select_case)
            self.data_quality.checksFinished.connect(lambda _summary: self.reload())
        else:
            self.data_quality.reload()
        self.data_quality.show()
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

    # --- end issue 5 ---

    # --- issue 4: documents (notices, case review report, ledger) -------------------------------------
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

    def issue_notices_for_selection(self) -> NoticeDialog | None:
        ids = self.selected_case_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select one or more cases first."), 5000)
            return None
        self.notice_dialog = NoticeDialog.start(self.wb, ids, self)
        return self.notice_dialog

    def write_case_report(self) -> CaseReportExport | None:
        case_id = self.current_case_id()
        row = self.model.row_of(case_id) if case_id is not None else None
        case = self.model.row_at(row) if row is not None else None
        if case_id is None or case is None:
            self.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return None
        suggested = self.tr("Case review report {number}.pdf").format(number=case.dept_case_no)
        self.report_export = CaseReportExport.start(self.wb, case_id, suggested.translate(_UNSAFE_IN_NAMES), self)
        if self.report_export is not None:
            self.report_export.written.connect(
                lambda path: self.statusBar().showMessage(
                    self.tr("Case review report written: {path}").format(path=path), 10000
                )
            )
        return self.report_export

    def export_ledger(self) -> LedgerExportDialog:
        self.ledger_dialog = LedgerExportDialog.start(self.wb, self)
        return self.ledger_dialog

    def edit_notice_settings(self) -> NoticeSettingsDialog:
        self.notice_settings = NoticeSettingsDialog.start(self.wb, self)
        return self.notice_settings

    # --- end issue 4 ---

    def open_workspace(self, *_: object) -> QWidget | None:
        """Start or resume the acting reviewer's review of the selected case in the scoring workspace."""
        from reviewapp.services.reviews.commands import ReviewError
        from ui.workspace import ScoringWorkspace

        case_id = self.current_case_id()  # issue 4: the current row of a multi-row selection
        if case_id is None:
            self.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return None
        try:
            window = ScoringWorkspace.open_for_case(self.wb, case_id, self)
        except ReviewError as exc:
            show_error(self, str(exc))
            return None
        self.workspaces.append(window)
        return window

    def show_shortcuts(self) -> QMessageBox:
        rows = [
            (a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in (
                self.import_action,
                self.dossier_action,
                self.review_action,
                self.find_action,
                self.clear_action,
                self.refresh_action,
                self.shortcuts_action,
                self.quit_action,
            )
        ]
        text = "\n".join(f"{k}\t{name}" for name, k in rows if k)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), text, QMessageBox.StandardButton.Ok, self
        )
        box.open()
        return box

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
        dq_job = self.data_quality.job if self.data_quality is not None else None  # issue 5
        for job in (self.demo_job, dq_job):
            if job is not None:
                job.cancel()
                job.done.wait(30)
        super().closeEvent(event)
