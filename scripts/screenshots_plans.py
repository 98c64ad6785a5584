"""Make the plan screenshots of the README from demo data (offscreen Qt; nothing on the user's settings).

    .venv/bin/python scripts/screenshots_plans.py [--work DIR]

Writes docs/screenshots/plan_editor.png (a key-case plan over the demo data, its selection previewed with the
reason of each case) and docs/screenshots/review_queue.png (a demo reviewer's 我的评查任务 after assignment).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "_work" / "screenshots_plans")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(args.work / "data"))
    args.work.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool

    from reviewapp.demo.accounts import DEMO_PASSWORD, DEMO_REVIEW_ADMIN, load_demo
    from reviewapp.domain.plans import PlanType
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.plans.commands import list_plans
    from reviewapp.services.reviews import commands as reviews
    from reviewapp.services.reviews.standards_store import list_standard_versions
    from reviewapp.services.workbench import Workbench
    from ui.app import create_application
    from ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], "zh_CN")
    QSettings().clear()
    db = args.work / "plans.sqlite3"
    if db.exists():
        db.unlink()
    wb = Workbench.open(db)
    load_demo(wb, args.work / "demo", cases=300, dossiers=False)
    reviews.ensure_standards(wb)
    log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)

    window = MainWindow(wb)

    def settle() -> None:
        for _ in range(20):
            window.ops.wait(60000)
            QThreadPool.globalInstance().waitForDone(5000)
            app.processEvents()

    editor = window.plans.show_editor()
    editor.resize(1400, 760)
    editor.name.setText("2025年重点案件评查")
    editor.plan_type.setCurrentIndex(editor.plan_type.findData(PlanType.KEY))
    criminal = next(v.id for v in list_standard_versions(wb) if "审查起诉" in v.case_types)
    editor.standard.setCurrentIndex(editor.standard.findData(criminal))
    editor.create_plan()
    settle()
    editor.preview()
    settle()
    editor.grab().save(str(OUT / "plan_editor.png"))
    editor.commit()
    settle()
    plan_id = list_plans(wb)[0].id
    editor.open_button.click()
    settle()
    editor.assign()
    settle()
    assert list_plans(wb)[0].assigned, f"plan {plan_id} has no assignments"

    log_in(wb, "reviewer1", DEMO_PASSWORD)
    window.apply_user()
    queue = window.plans.show_queue()
    queue.resize(1000, 420)
    settle()
    queue.grab().save(str(OUT / "review_queue.png"))
    window.close()
    wb.close()
    print(f"written: {OUT / 'plan_editor.png'}, {OUT / 'review_queue.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
