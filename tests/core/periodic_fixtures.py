"""A fixed data set for the periodic report tests (review_fixtures.seed_reviewed_cases plus closed dates).

2026Q1: cases 1-12 reviewed (submitted 2026-01-12 + n % 5 days), 20 cases closed in the quarter (1-12 and
8 cases without a review, 23-30). 2025Q1: cases 13-17 reviewed, 10 closed (13-17 and 18-22). 2025Q4: nothing.
Case n has n % 4 of review_fixtures.FINDINGS (P3 瑕疵, D5 瑕疵, E7 一般): grade 合格 / 基本合格 / 基本合格 / 不合格.

By hand, 2026Q1: reviewed 12, closed 20, ratio 60.0%; grades 合格 3 (4, 8, 12), 基本合格 6, 不合格 3 (3, 7, 11);
with problems 9 (75.0%), findings 18 (1.50 a case): P3 in 9 cases, D5 in 6, E7 in 3.
2025Q1: reviewed 5, closed 10, ratio 50.0%; 基本合格 3 (13, 14, 17), 不合格 1 (15), 合格 1 (16); with problems 4
(80.0%). So YoY: ratio +10.0 points, reviewed +7, problem share −5.0 points, 不合格 share 25.0% vs 20.0% +5.0.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases


def seed_periodic(wb: Workbench) -> None:
    seed_reviewed_cases(wb, 12, submitted_on=dt.date(2026, 1, 12))
    seed_reviewed_cases(wb, 5, first=13, submitted_on=dt.date(2025, 1, 12))
    seed_reviewed_cases(wb, 5, first=18, review=False)
    seed_reviewed_cases(wb, 8, first=23, review=False)
    closed = {**{n: dt.date(2026, 1, 5) for n in (*range(1, 13), *range(23, 31))}}
    closed.update({n: dt.date(2025, 1, 5) for n in range(13, 23)})
    with wb.db.unchecked_session() as s:
        for n, day in closed.items():
            s.execute(update(Case).where(Case.dept_case_no == dept_case_no(n)).values(closed_on=day))
