"""Screenshots of the user guide (docs/guide/img/) and of the README's About and guide pages
(docs/screenshots/), taken offscreen from demo data. Nothing touches the user's settings.

    .venv/bin/python scripts/screenshots_guide.py [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GUIDE_IMG = ROOT / "docs" / "guide" / "img"
README_IMG = ROOT / "docs" / "screenshots"
GUIDE_WIDTH = 940


def settle(app: object, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "_work" / "screenshots")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(args.work / "data"))
    args.work.mkdir(parents=True, exist_ok=True)
    from screenshots import build_database  # the README screenshots' demo database (scripts/screenshots.py)

    db = build_database(args.work)

    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QWidget

    from reviewapp.demo.accounts import DEMO_PASSWORD
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.cases.query import case_id_by_number
    from reviewapp.services.workbench import Workbench
    from ui.app import create_application
    from ui.login import FirstRunDialog, LoginDialog
    from ui.main_window import MainWindow
    from ui.workspace import ScoringWorkspace

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], "zh_CN")
    QSettings().clear()
    GUIDE_IMG.mkdir(parents=True, exist_ok=True)

    def shot(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> None:
        if size:
            widget.resize(*size)
        widget.show()
        settle(app)
        image = widget.grab()
        if path.parent == GUIDE_IMG and image.width() > GUIDE_WIDTH:  # fits the guide's page, in the app too
            image = image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        image.save(str(path))
        print(path.relative_to(ROOT))

    wb = Workbench.open(db)
    empty = Workbench.open(args.work / "empty.sqlite3")
    shot(FirstRunDialog(empty), GUIDE_IMG / "first_run.png")
    empty.close()
    shot(LoginDialog(wb, "reviewer1"), GUIDE_IMG / "login.png")

    # The administrator's hour.
    log_in(wb, "admin", DEMO_PASSWORD)
    admin = MainWindow(wb)
    shot(admin, GUIDE_IMG / "admin_main.png", (1440, 860))
    shot(admin.account.manage_accounts(), GUIDE_IMG / "accounts.png", (1000, 640))
    admin.close()
    log_in(wb, "pcadmin", DEMO_PASSWORD)
    pcadmin = MainWindow(wb)
    pcadmin.resize(1440, 860)
    shot(pcadmin.show_data_quality(), GUIDE_IMG / "data_quality.png", (1300, 760))
    shot(pcadmin.plans.show_editor(), GUIDE_IMG / "plan_editor.png", (1300, 800))
    shot(pcadmin.documents.edit_notice_settings(), GUIDE_IMG / "notice_settings.png")
    pcadmin.close()

    # The reviewer's hour.
    log_in(wb, "reviewer1", DEMO_PASSWORD)
    window = MainWindow(wb)
    window.table.selectRow(2)
    shot(window, GUIDE_IMG / "reviewer_main.png", (1440, 860))
    shot(window.plans.show_queue(), GUIDE_IMG / "review_tasks.png", (1100, 600))
    case_id = case_id_by_number(wb, "演示-规则-011")
    assert case_id is not None
    workspace = ScoringWorkspace.open_for_case(wb, case_id)
    shot(workspace, GUIDE_IMG / "workspace.png", (1440, 900))
    workspace.show_suggestions()
    shot(workspace, GUIDE_IMG / "workspace_suggestions.png", (1440, 900))
    shot(workspace.show_shortcuts(), GUIDE_IMG / "shortcuts.png", (560, 620))
    workspace.close()
    shot(window.help.show_about(), README_IMG / "about.png", (760, 660))
    guide = window.help.show_guide()
    shot(guide, README_IMG / "guide.png", (1000, 820))
    guide.close()
    window.close()

    wb.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.exit(main())
