"""Make the panel screenshots of the README from demo data (offscreen Qt; nothing on the user's settings).

    .venv/bin/python scripts/screenshots_panel.py [--work DIR]

Three demo reviewers (郑晓东, 王丽娟 and the panel lead 冯建华) score one closed case of the demo prosecutor
blind, then the panel lead reconciles: docs/screenshots/panel_comparison.png is the comparison grid with one
disagreement reconciled, one open and a dissent. The file then goes through the hearing (one objection,
rejected) to the chief's determination: docs/screenshots/panel_timeline.png is its timeline.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
MEMBERS = ("reviewer1", "reviewer2", "panellead")
# login → [(item, severity, reason, page)]
SCORES = {
    "reviewer1": [
        ("E8", "一般司法错误", "第二次讯问笔录系疲劳审讯取得，未依法排除", 3),
        ("D5", "司法瑕疵", "起诉书落款日期缺失", 1),
        ("R3", "司法瑕疵", "对辩护人意见未予回应", 2),
    ],
    "reviewer2": [
        ("E8", "严重司法错误", "非法证据未排除并据以起诉", 3),
        ("D5", "司法瑕疵", "起诉书未加盖院章", 1),
        ("R3", "司法瑕疵", "采纳辩护意见与否未说明理由", 2),
    ],
    "panellead": [
        ("E8", "一般司法错误", "讯问笔录取得方式违法，未予排除", 3),
        ("R3", "司法瑕疵", "说理不充分", 2),
    ],
}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "_work" / "screenshots_panel")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(args.work / "data"))
    args.work.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSettings, QThreadPool
    from sqlalchemy import select

    from reviewapp.demo.accounts import DEMO_PASSWORD, DEMO_REVIEW_ADMIN, load_demo
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.panel.determination import determine_opinion
    from reviewapp.services.panel.feedback import Answer, answer_feedback, feedback_sheet
    from reviewapp.services.panel.objections import rule_objection
    from reviewapp.services.panel.opinion import finalise_opinion
    from reviewapp.services.panel.reconcile import reconcile_item, record_dissent, record_meeting
    from reviewapp.services.results.settings import set_setting
    from reviewapp.services.reviews import commands as reviews
    from reviewapp.services.reviews.findings import record_finding
    from reviewapp.services.workbench import Workbench
    from reviewapp.storage.models import Account, Case, DossierDocument, FeedbackAnswer, Review
    from ui.app import create_application
    from ui.panel.comparison_window import ComparisonWindow
    from ui.panel.timeline_view import TimelineView

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], "zh_CN")
    QSettings().clear()
    db = args.work / "panel.sqlite3"
    if db.exists():
        db.unlink()
    wb = Workbench.open(db)
    load_demo(wb, args.work / "demo", cases=300)
    reviews.ensure_standards(wb)
    log_in(wb, DEMO_REVIEW_ADMIN.login, DEMO_PASSWORD)
    set_setting(wb, "reviews.assignment_required", "否")  # an ad-hoc panel, outside any plan

    with wb.db.session() as s:
        prosecutor = s.scalar(select(Account.person_id).where(Account.login == "prosecutor"))
        case_id, documents = 0, []
        for case in s.scalars(
            select(Case)
            .where(Case.prosecutor_id == prosecutor, Case.case_type == "审查起诉", Case.closed_on.is_not(None))
            .order_by(Case.id)
        ):
            documents = list(s.scalars(select(DossierDocument.id).where(DossierDocument.case_id == case.id)))
            if documents:
                case_id = case.id
                break
    assert case_id, "no closed 审查起诉 case of the demo prosecutor with a dossier"

    def as_user(login: str) -> None:
        log_in(wb, login, DEMO_PASSWORD)

    review_ids = {}
    for login in MEMBERS:
        as_user(login)
        review_ids[login] = reviews.open_review(wb, case_id).id
    for login in MEMBERS:
        as_user(login)
        for item, severity, reason, page in SCORES[login]:
            evidence = [(documents[min(page, len(documents)) - 1], page)]
            record_finding(wb, review_ids[login], item, severity, reason, evidence=evidence)
        reviews.submit_review(wb, review_ids[login])
    with wb.db.session() as s:
        opinion_id = s.scalar(select(Review.file_id).where(Review.id == review_ids["reviewer1"]))
    assert opinion_id is not None

    as_user("panellead")
    reconcile_item(wb, opinion_id, "D5", "司法瑕疵", "两名评查员均认定落款、盖章缺漏，属文书瑕疵")
    as_user("reviewer2")
    record_dissent(wb, opinion_id, "非法证据已据以起诉，应认定严重司法错误", item_code="E8")
    as_user("panellead")

    def settle() -> None:
        for _ in range(10):
            QThreadPool.globalInstance().waitForDone(5000)
            app.processEvents()

    grid = ComparisonWindow(wb, opinion_id)
    grid.resize(1400, 620)
    grid.show()
    settle()
    cell = grid.model.index(0, 2)  # E8 × 王丽娟: her reason and evidence in the detail
    grid.grid.selectionModel().setCurrentIndex(cell, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    grid.reason.setPlainText("三名评查员中两名认定一般司法错误，未见导致错误起诉的后果")
    settle()
    grid.grab().save(str(OUT / "panel_comparison.png"))
    grid.close()

    reconcile_item(wb, opinion_id, "E8", "一般司法错误", "三名评查员中两名认定一般司法错误，未见导致错误起诉的后果")
    record_meeting(
        wb, opinion_id, date.today(), ["郑晓东", "王丽娟", "冯建华"], "就E8项问题性质进行讨论，王丽娟保留意见"
    )
    finalise_opinion(wb, opinion_id)
    as_user("prosecutor")
    sheet = feedback_sheet(wb, opinion_id)
    answers = [
        Answer(f.id, f.item_code != "E8", "第二次讯问全程同步录音录像，不属疲劳审讯" if f.item_code == "E8" else "")
        for f in sheet.findings
    ]
    answer_feedback(wb, opinion_id, answers)
    as_user("panellead")
    with wb.db.session() as s:
        objection = s.scalar(select(FeedbackAnswer.id).where(FeedbackAnswer.answer == "object"))
    assert objection is not None
    rule_objection(wb, objection, False, "录像显示讯问持续十四小时，异议理由不能成立")
    as_user("chief")
    determine_opinion(wb, opinion_id)

    view = TimelineView(wb, opinion_id=opinion_id)
    view.resize(1400, 480)
    view.show()
    settle()
    view.grab().save(str(OUT / "panel_timeline.png"))
    view.close()
    wb.close()
    print(f"written: {OUT / 'panel_comparison.png'}, {OUT / 'panel_timeline.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
