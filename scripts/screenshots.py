"""Make the README screenshots from demo data (offscreen Qt; nothing on the user's settings).

    .venv/bin/python scripts/screenshots.py [--work DIR]

Writes docs/screenshots/main_window.png and docs/screenshots/workspace_suggestions.png.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def build_database(work: Path) -> Path:
    from reviewapp.demo import DEMO_AS_OF, generate_demo
    from reviewapp.demo.accounts import DEMO_ADMIN, DEMO_PASSWORD, DEMO_REVIEW_ADMIN, add_demo_accounts
    from reviewapp.demo.scenarios import scenario_cards
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.checks.run import run_checks
    from reviewapp.services.workbench import Workbench

    db = work / "screenshots.sqlite3"
    if db.exists():
        return db
    out = generate_demo(work / "demo", cases=300, extra_cards=[s.card for s in scenario_cards()])
    wb = Workbench.open(db)
    add_demo_accounts(wb)
    log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)
    # The workspace screenshots show an ad-hoc review (scripts/screenshots_plans.py shows plans and the queue).
    from reviewapp.services.results.settings import set_setting

    set_setting(wb, "reviews.assignment_required", "否")
    import_cases(wb, out.workbook)
    log_in(wb, DEMO_ADMIN.login, DEMO_PASSWORD)
    add_demo_accounts(wb)  # the prosecutor's account, once the demo cases are in
    log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)
    run_checks(wb, today=DEMO_AS_OF, workers=1)
    wb.close()
    return db


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "_work" / "screenshots")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(args.work / "data"))
    args.work.mkdir(parents=True, exist_ok=True)
    db = build_database(args.work)

    from PySide6.QtCore import QCoreApplication, QSettings

    from reviewapp.demo.accounts import DEMO_PASSWORD
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.cases.query import case_id_by_number
    from reviewapp.services.reviews import commands as reviews
    from reviewapp.services.workbench import Workbench
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.workspace import ScoringWorkspace

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], "zh_CN")
    QSettings().clear()
    wb = Workbench.open(db)
    reviews.ensure_standards(wb)
    log_in(wb, "reviewer1", DEMO_PASSWORD)  # a demo 评查员 outside every demo case's department

    window = MainWindow(wb)
    window.resize(1440, 860)
    window.show()
    window.table.selectRow(2)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / "main_window.png"))

    case_id = case_id_by_number(wb, "演示-规则-011")  # a prosecution review past its limit while in custody
    assert case_id is not None
    workspace = ScoringWorkspace.open_for_case(wb, case_id)
    state = workspace.session.state
    if not state.findings and workspace.viewer.documents:
        doc = workspace.viewer.documents[0].id
        reviews.record_finding(
            wb, state.id, "F3", "司法瑕疵", "起诉书对作案时间的表述与证人证言不一致", evidence=[(doc, 1)]
        )
        workspace.session.reload()
    workspace.resize(1440, 900)
    workspace.show()
    workspace.show_suggestions()
    for _ in range(10):
        app.processEvents()
    workspace.grab().save(str(OUT / "workspace_suggestions.png"))
    workspace.close()
    window.close()
    wb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
