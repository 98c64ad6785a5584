"""Every window and dialog of the app, by name, and how to open it over a small demo database.

The language tests (tests/ui/test_language_windows.py) open each of them in English and in Chinese and read
every text a user sees. A new window joins by one function here:

    @window("statistics")
    def _statistics(scene: Scene) -> QWidget | None:
        return scene.main.statistics.show()        # however the main window opens it

A factory returns the window (or None when the window is opened as a side effect, e.g. a message box); every
top-level widget visible afterwards is read too, so a box a factory causes is checked as well.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewapp.services.workbench import Workbench

Factory = Callable[["Scene"], QWidget | None]
REGISTRY: dict[str, Factory] = {}


def window(name: str) -> Callable[[Factory], Factory]:
    def register(factory: Factory) -> Factory:
        REGISTRY[name] = factory
        return factory

    return register


@dataclass
class Scene:
    """A logged-in user with every role, demo cases, the main window with a closed case selected, and the
    reviewer's started review of it (for the workspace and the review-file windows)."""

    qtbot: QtBot
    wb: Workbench
    work: Path
    main: QWidget = field(init=False)
    case_id: int = field(init=False)
    opened: list[QWidget] = field(default_factory=list)
    _workspace: QWidget | None = None

    def setup(self) -> Scene:
        from reviewapp.demo import generate_demo
        from reviewapp.services.cases.intake import import_cases
        from reviewapp.storage.models import Case
        from tests.accounts_fixtures import ALL_ROLES, sign_in
        from ui.main_window import MainWindow

        import_cases(self.wb, generate_demo(self.work / "demo", cases=3).workbook)
        sign_in(self.wb, "赵评查", roles=ALL_ROLES, unit="演示市人民检察院")
        with self.wb.db.session() as s:
            case_id = s.scalar(select(Case.id).where(Case.closed_on.is_not(None)).order_by(Case.id))
        assert case_id is not None
        self.case_id = case_id
        main = MainWindow(self.wb)
        self.qtbot.addWidget(main)
        main.show()
        row = main.model.row_of(case_id)
        assert row is not None
        main.table.selectRow(row)
        self.main = main
        return self

    def workspace(self) -> QWidget:
        """The scoring workspace of the selected case (the review started on this thread)."""
        if self._workspace is None:
            from reviewapp.services.cases.query import case_detail
            from reviewapp.services.reviews.commands import open_review
            from ui.workspace import ScoringWorkspace

            detail = case_detail(self.wb, self.case_id)
            assert detail is not None
            self._workspace = ScoringWorkspace(self.wb, open_review(self.wb, self.case_id), detail, self.main)
            self._workspace.show()
        return self._workspace


def optional(module: str, attribute: str) -> object | None:
    """A class other work adds later (None while it does not exist yet)."""
    try:
        return getattr(importlib.import_module(module), attribute, None)
    except ImportError:
        return None


# --- the main window and what its menus open -------------------------------------------------------------
@window("main window")
def _main(scene: Scene) -> QWidget | None:
    return scene.main


@window("keyboard shortcuts (main window)")
def _main_shortcuts(scene: Scene) -> QWidget | None:
    return scene.main.show_shortcuts()  # type: ignore[attr-defined]


@window("data quality")
def _data_quality(scene: Scene) -> QWidget | None:
    return scene.main.show_data_quality()  # type: ignore[attr-defined]


@window("ledger export")
def _ledger(scene: Scene) -> QWidget | None:
    return scene.main.documents.export_ledger()  # type: ignore[attr-defined]


@window("notice settings")
def _notice_settings(scene: Scene) -> QWidget | None:
    return scene.main.documents.edit_notice_settings()  # type: ignore[attr-defined]


@window("shared settings")
def _shared_settings(scene: Scene) -> QWidget | None:
    return scene.main.documents.edit_shared_settings()  # type: ignore[attr-defined]


@window("analysis outputs")
def _analysis_outputs(scene: Scene) -> QWidget | None:  # ReportsDialog (ui/analysis/reports_dialog.py)
    return scene.main.reports.open("report")  # type: ignore[attr-defined]


@window("notices")
def _notices(scene: Scene) -> QWidget | None:
    from ui.notice_dialog import NoticeDialog

    return NoticeDialog(scene.wb, [scene.case_id], scene.main)


@window("import")
def _import(scene: Scene) -> QWidget | None:
    """The demo export imported again (nothing new to add): the dialog with its finished report."""
    from ui.import_dialog import ImportDialog

    workbook = next((scene.work / "demo").glob("*.xlsx"))
    dialog = ImportDialog.start(scene.wb, [workbook], scene.main)
    scene.qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=60000)
    return dialog


@window("accounts")
def _accounts(scene: Scene) -> QWidget | None:
    return scene.main.account.manage_accounts()  # type: ignore[attr-defined]


@window("roster")
def _roster(scene: Scene) -> QWidget | None:
    return scene.main.account.manage_roster()  # type: ignore[attr-defined]  # ui/roster_window.py RosterWindow


@window("change password")
def _password(scene: Scene) -> QWidget | None:
    return scene.main.account.change_password()  # type: ignore[attr-defined]


@window("log in")
def _login(scene: Scene) -> QWidget | None:
    from ui.login import LoginDialog

    return LoginDialog(scene.wb, "", scene.main)


@window("first administrator")
def _first_run(scene: Scene) -> QWidget | None:
    from ui.login import FirstRunDialog

    return FirstRunDialog(scene.wb, scene.main)


@window("plan editor")
def _plan_editor(scene: Scene) -> QWidget | None:
    return scene.main.plans.show_editor()  # type: ignore[attr-defined]


@window("review tasks")
def _plan_queue(scene: Scene) -> QWidget | None:
    return scene.main.plans.show_queue()  # type: ignore[attr-defined]


@window("plan progress")
def _plan_progress(scene: Scene) -> QWidget | None:
    return scene.main.plans.show_progress()  # type: ignore[attr-defined]


@window("self-check form")
def _selfcheck(scene: Scene) -> QWidget | None:
    from reviewapp.domain.selfcheck import FormKind
    from ui.selfcheck.dialog import SelfCheckDialog

    return SelfCheckDialog(scene.wb, scene.case_id, FormKind.SELF, scene.main)


@window("queues")
def _queues(scene: Scene) -> QWidget | None:
    return scene.main.process.show_queues()  # type: ignore[attr-defined]


@window("panel comparison")
def _comparison(scene: Scene) -> QWidget | None:
    scene.workspace()  # the review file exists once a reviewer has started
    return scene.main.process.show_comparison()  # type: ignore[attr-defined]


@window("answer form")
def _answer(scene: Scene) -> QWidget | None:
    scene.workspace()
    return scene.main.process.show_answer()  # type: ignore[attr-defined]


@window("review timeline")
def _timeline(scene: Scene) -> QWidget | None:
    scene.workspace()
    return scene.main.process.show_timeline()  # type: ignore[attr-defined]


# --- the scoring workspace and its dialogs ----------------------------------------------------------------
@window("scoring workspace")
def _workspace(scene: Scene) -> QWidget | None:
    return scene.workspace()


@window("keyboard shortcuts (workspace)")
def _workspace_shortcuts(scene: Scene) -> QWidget | None:
    return scene.workspace().show_shortcuts()  # type: ignore[attr-defined]


@window("reopen the review")
def _reopen(scene: Scene) -> QWidget | None:
    from ui.workspace.reopen_dialog import ReopenDialog

    return ReopenDialog.ask(scene.workspace())


@window("dismiss a suggestion")
def _dismiss(scene: Scene) -> QWidget | None:
    from ui.suggestions_panel import DismissDialog

    workspace = scene.workspace()
    return DismissDialog.ask(workspace.tr("Finding"), workspace, lambda _reason: None)


@window("review history")
def _history(scene: Scene) -> QWidget | None:
    return scene.workspace().show_history()  # type: ignore[attr-defined]


# --- the Help menu ---------------------------------------------------------------------------------------------
@window("about")
def _about(scene: Scene) -> QWidget | None:
    return scene.main.help.show_about()  # type: ignore[attr-defined]


@window("user guide")
def _guide(scene: Scene) -> QWidget | None:
    return scene.main.help.show_guide()  # type: ignore[attr-defined]


# --- analysis (statistics, calibration, periodic outputs): added while that work lands ------------------------
@window("periodic outputs (report, appraisal, bulletin)")
def _reports(scene: Scene) -> QWidget | None:
    dialog = optional("ui.analysis.reports_dialog", "ReportsDialog")
    if dialog is None:
        return None
    return dialog(scene.wb, "report", scene.main)  # type: ignore[operator]


@window("statistics")
def _statistics(scene: Scene) -> QWidget | None:
    menu = getattr(scene.main, "analysis", None)
    if menu is None:
        return None
    w = menu.show_statistics()
    scene.qtbot.waitUntil(lambda: not w.loading and not w.jobs, timeout=30000)
    w.drill(w.overview.figure(0, 1))  # the list of the cases behind a figure is read too
    return w  # type: ignore[no-any-return]


@window("calibration")
def _calibration(scene: Scene) -> QWidget | None:
    view = optional("ui.analysis.calibration_view", "CalibrationView")
    if view is None:
        return None
    widget = view(scene.wb, scene.main)  # type: ignore[operator]
    widget.setWindowFlag(Qt.WindowType.Window)
    widget.show()
    return widget


@window("column mapping")
def _column_mapping(scene: Scene) -> QWidget | None:
    from reviewapp.services.cases.profiles import mapping_needed
    from tests.core.other_system_export import write_other_system_export
    from ui.mapping_dialog import MappingDialog

    need = mapping_needed(scene.wb, write_other_system_export(scene.work / "他院导出.xlsx").path)
    assert need is not None
    dialog = MappingDialog(scene.wb, need, scene.main)
    dialog.open()
    return dialog


@window("dossier search")
def _dossier_search(scene: Scene) -> QWidget | None:
    dialog = optional("ui.dossier_search", "DossierSearchDialog")
    if dialog is None:
        return None
    return dialog(scene.wb, scene.main)  # type: ignore[operator]
