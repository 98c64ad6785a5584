"""The Documents menu (文书) of the main window: notices for the selection, the case review report, the
ledger, the shared notice settings and the other shared settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reviewapp.domain.roles import Action

if TYPE_CHECKING:
    from ui.ledger_export import LedgerExportDialog
    from ui.main_window import MainWindow
    from ui.notice_dialog import NoticeDialog
    from ui.notice_report import CaseReportExport
    from ui.notice_settings import NoticeSettingsDialog
    from ui.shared_settings import SharedSettingsDialog

_UNSAFE_IN_NAMES = str.maketrans({c: "_" for c in '\\/:*?"<>|'})  # characters no file name may hold


class DocumentsMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wb = window.wb
        self.notice_dialog: NoticeDialog | None = None
        self.ledger_dialog: LedgerExportDialog | None = None
        self.report_export: CaseReportExport | None = None
        self.notice_settings: NoticeSettingsDialog | None = None
        self.shared_settings: SharedSettingsDialog | None = None
        self.notice_action = window.make_action(
            self.tr("Issue &rectification notices…"),
            "Ctrl+Shift+N",
            self.issue_notices_for_selection,
            self.tr("Preview and issue rectification notices for the selected cases"),
        )
        self.report_action = window.make_action(
            self.tr("Case review rep&ort…"),
            None,
            self.write_case_report,
            self.tr("Write the case review report of the current case"),
        )
        self.ledger_action = window.make_action(self.tr("Export review &ledger…"), None, self.export_ledger)
        self.settings_action = window.make_action(self.tr("Notice &settings…"), None, self.edit_notice_settings)
        self.shared_settings_action = window.make_action(
            self.tr("Sh&ared settings…"),
            None,
            self.edit_shared_settings,
            self.tr("Feedback period, assignment, severity words, appraisal points and the other shared settings"),
        )
        menu = window.menuBar().addMenu(self.tr("&Documents"))
        for a in (self.notice_action, self.report_action, self.ledger_action):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addAction(self.shared_settings_action)

    def update_user(self) -> None:
        allowed = self.window.user_may
        self.notice_action.setEnabled(allowed(Action.ISSUE_NOTICES))
        self.report_action.setEnabled(allowed(Action.EXPORT_RESULTS))
        self.ledger_action.setEnabled(allowed(Action.EXPORT_RESULTS))
        for dialog in (self.notice_dialog, self.ledger_dialog, self.notice_settings, self.shared_settings):
            if dialog is not None and dialog.isVisible():
                dialog.close()  # the previous user's work is not the new user's

    def issue_notices_for_selection(self) -> NoticeDialog | None:
        from ui.notice_dialog import NoticeDialog  # loaded when first opened: not at start

        ids = self.window.selected_case_ids()
        if not ids:
            self.window.statusBar().showMessage(self.tr("Select one or more cases first."), 5000)
            return None
        self.notice_dialog = NoticeDialog.start(self.wb, ids, self.window)
        return self.notice_dialog

    def write_case_report(self) -> CaseReportExport | None:
        from ui.notice_report import CaseReportExport  # loaded when first opened: not at start

        window = self.window
        case_id = window.current_case_id()
        row = window.model.row_of(case_id) if case_id is not None else None
        case = window.model.row_at(row) if row is not None else None
        if case_id is None or case is None:
            window.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return None
        suggested = self.tr("Case review report {number}.pdf").format(number=case.dept_case_no)
        self.report_export = CaseReportExport.start(self.wb, case_id, suggested.translate(_UNSAFE_IN_NAMES), window)
        if self.report_export is not None:
            self.report_export.written.connect(
                lambda path: window.statusBar().showMessage(
                    self.tr("Case review report written: {path}").format(path=path), 10000
                )
            )
        return self.report_export

    def export_ledger(self) -> LedgerExportDialog:
        from ui.ledger_export import LedgerExportDialog  # loaded when first opened: not at start

        self.ledger_dialog = LedgerExportDialog.start(self.wb, self.window)
        return self.ledger_dialog

    def edit_notice_settings(self) -> NoticeSettingsDialog:
        from ui.notice_settings import NoticeSettingsDialog  # loaded when first opened: not at start

        self.notice_settings = NoticeSettingsDialog.start(self.wb, self.window)
        return self.notice_settings

    def edit_shared_settings(self) -> SharedSettingsDialog:
        from ui.shared_settings import SharedSettingsDialog  # loaded when first opened: not at start

        self.shared_settings = SharedSettingsDialog.start(self.wb, self.window)
        return self.shared_settings
