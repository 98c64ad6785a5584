"""Make the calibration screenshots of the README (offscreen Qt; nothing on the user's settings).

    .venv/bin/python scripts/screenshots_calibration.py [--work DIR] [--files 400]

The panels are the benchmark's synthetic ones (benchmarks/bench_calibration.py, bulk SQL); one of their cases
is then marked as a gold case and a reviewer who was not on its panel practises on it through the services.
docs/screenshots/calibration.png is the leniency table; calibration_gold.png the comparison of the attempt.
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
    p.add_argument("--work", type=Path, default=Path("/tmp/calibration/screenshots"))
    p.add_argument("--files", type=int, default=400)
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(args.work / "data"))
    args.work.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool
    from sqlalchemy import select

    from benchmarks.bench_calibration import LOGIN, PASSWORD, build
    from reviewapp.domain.roles import Role, Scope
    from reviewapp.services.accounts.users import RoleSpec, add_account, add_role, log_in
    from reviewapp.services.analysis import training
    from reviewapp.services.workbench import Workbench
    from reviewapp.storage.models import Person, Review, Unit
    from ui.analysis.calibration_view import make_calibration_view
    from ui.app import create_application

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], "zh_CN")
    QSettings().clear()
    db = args.work / "calibration.sqlite3"
    build(db, args.files)
    wb = Workbench.open(db)
    log_in(wb, LOGIN, PASSWORD)
    add_role(wb, LOGIN, RoleSpec(Role.REVIEW_ADMIN, Scope.PROVINCE))  # marks gold cases
    log_in(wb, LOGIN, PASSWORD)
    trainee = "评查员59"
    with wb.db.session() as s:
        person, unit = s.execute(
            select(Person.id, Unit.name).join(Unit, Unit.id == Person.unit_id).where(Person.name == trainee)
        ).one()
        sat = set(s.scalars(select(Review.case_id).where(Review.reviewer_id == person, Review.kind == "member")))
        case_id = next(c for c in s.scalars(select(Review.case_id).where(Review.kind == "opinion")) if c not in sat)
    add_account(wb, trainee, "trainee", PASSWORD, [RoleSpec(Role.REVIEWER, Scope.PROVINCE)], unit=unit)
    training.mark_gold(wb, case_id, "证据审查与文书制作")
    log_in(wb, "trainee", PASSWORD)
    attempt = training.start_training(wb, case_id)
    with wb.db.session() as s:
        gold = s.scalar(select(training.GoldCase).where(training.GoldCase.case_id == case_id))
        reference = dict(gold.reference["findings"]) if gold is not None else {}
    codes = sorted(reference)
    for n, code in enumerate(codes[:-1]):  # finds all but the last, one of them more severely
        severity = reference[code]["severity"]
        if n == 0 and severity == "司法瑕疵":
            try:
                training.record_training_finding(wb, attempt, code, "一般司法错误", "认定为一般错误")
                continue
            except Exception:
                pass
        training.record_training_finding(wb, attempt, code, severity, "与参考意见一致")
    training.record_training_finding(wb, attempt, "D5", "司法瑕疵", "起诉书落款日期缺失")
    training.submit_training(wb, attempt)

    def settle() -> None:
        for _ in range(10):
            QThreadPool.globalInstance().waitForDone(5000)
            app.processEvents()

    log_in(wb, LOGIN, PASSWORD)
    view = make_calibration_view(wb, None)
    view.resize(1400, 700)
    view.show()
    settle()
    view.tabs.setCurrentIndex(2)  # leniency by reviewer
    view.reviewers_view.sortByColumn(8, Qt.SortOrder.DescendingOrder)  # the strictest first
    settle()
    view.grab().save(str(OUT / "calibration.png"))
    view.close()
    log_in(wb, "trainee", PASSWORD)
    view = make_calibration_view(wb, None)
    view.resize(1400, 760)
    view.show()
    view.tabs.setCurrentWidget(view.gold)
    settle()
    view.grab().save(str(OUT / "calibration_gold.png"))
    view.close()
    wb.close()
    print("wrote", OUT / "calibration.png", OUT / "calibration_gold.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
