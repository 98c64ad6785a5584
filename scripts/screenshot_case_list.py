"""Make docs/screenshots/main_window.png (and main_window_en.png, in English): the case list with its review
status, grade, plan and open-check columns, from demo data (offscreen Qt; nothing on the user's settings).

    .venv/bin/python scripts/screenshot_case_list.py [--work DIR]

The demo's 300 cases; a 重点案件 plan assigned to the demo reviewers; reviewer1 scores and submits two of
its cases (the opinions form) and starts a third; the pre-screening runs; the list is then shown to the
评查管理员 sorted by review status, newest status first.
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
    p.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "_work" / "screenshot_case_list")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(args.work / "data"))
    args.work.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool

    from reviewapp.demo import DEMO_AS_OF
    from reviewapp.demo.accounts import DEMO_PASSWORD, DEMO_REVIEW_ADMIN, load_demo
    from reviewapp.domain.plans import PlanType
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.checks.run import run_checks
    from reviewapp.services.plans.queue import my_queue
    from reviewapp.services.reviews import commands as reviews
    from reviewapp.services.reviews.standards_store import list_standard_versions
    from reviewapp.services.workbench import Workbench
    from ui.app import create_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], "zh_CN")
    QSettings().clear()
    db = args.work / "cases.sqlite3"
    if db.exists():
        db.unlink()
    wb = Workbench.open(db)
    load_demo(wb, args.work / "demo", cases=300, dossiers=False)
    reviews.ensure_standards(wb)
    log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)
    window = MainWindow(wb)

    def settle() -> None:
        for _ in range(10):
            window.ops.wait(60000)
            QThreadPool.globalInstance().waitForDone(5000)
            app.processEvents()

    editor = window.plans.show_editor()
    editor.name.setText("2025年重点案件评查")
    editor.plan_type.setCurrentIndex(editor.plan_type.findData(PlanType.KEY))
    criminal = next(v.id for v in list_standard_versions(wb) if "审查起诉" in v.case_types)
    editor.standard.setCurrentIndex(editor.standard.findData(criminal))
    editor.create_plan()
    settle()
    editor.preview()
    settle()
    editor.commit()
    settle()
    editor.open_button.click()
    settle()
    editor.assign()
    settle()
    editor.close()

    run_checks(wb, today=DEMO_AS_OF, workers=1)
    from sqlalchemy import select

    from reviewapp.storage.models import CheckResult

    with wb.db.session() as s:
        flagged = set(s.scalars(select(CheckResult.case_id).where(CheckResult.status == "violation")))
    from reviewapp.errors import KnownError
    from reviewapp.services.results.settings import set_setting

    set_setting(wb, "reviews.assignment_required", "否")  # reviews outside the plan too
    log_in(wb, "reviewer1", DEMO_PASSWORD)
    queue = [q.case_id for q in my_queue(wb)]
    findings = [[("E1", "司法瑕疵", "证据目录缺页")], [], [("D5", "司法瑕疵", "起诉书落款日期缺失")]]
    done = 0
    for case_id in queue[:2] + sorted(flagged):  # two of the plan, then cases the pre-screening flagged
        if done == 4:
            break
        try:
            review_id = reviews.open_review(wb, case_id).id
        except KnownError:  # 回避 and the like: another case
            continue
        for item, severity, reason in findings[done % 3]:
            reviews.record_finding(wb, review_id, item, severity, reason)
        if done != 2:  # submitted (the opinion forms), one left in review
            reviews.submit_review(wb, review_id)
        done += 1
    log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)
    window.apply_user()
    settle()
    window.resize(1920, 820)
    window.splitter.setSizes([1620, 300])
    window.show()
    header = window.table.horizontalHeader()
    header.setSortIndicator(10, Qt.SortOrder.DescendingOrder)  # by review status: the reviewed cases first
    settle()
    window.table.selectRow(0)
    window.table.scrollToTop()
    settle()
    window.grab().save(str(OUT / "main_window.png"))
    window.close()
    print(f"written: {OUT / 'main_window.png'}")

    # The same list in English (README): the status columns and domain terms in the reader's language.
    install_translators(app, "en")
    english = MainWindow(wb)
    english.resize(1920, 820)
    english.splitter.setSizes([1620, 300])
    english.show()
    english.table.horizontalHeader().setSortIndicator(10, Qt.SortOrder.DescendingOrder)
    settle()
    english.table.selectRow(0)
    english.table.scrollToTop()
    settle()
    english.grab().save(str(OUT / "main_window_en.png"))
    english.close()
    install_translators(app, "zh_CN")
    wb.close()
    print(f"written: {OUT / 'main_window_en.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
