"""回头看 (looking back): a handling prosecutor whose new opinion shows a problem of a checklist item that was
already noticed to them within ``rectification.lookback_months`` months is flagged — the rectification of
the earlier notice did not hold (review-rules.md §1 step 12, §6 rectification ledger).

    lookback_flags(wb, opinion_id, today=None) -> list[LookbackFlag]     a read
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action
from reviewapp.legal import add_months
from reviewapp.services.accounts.permissions import refusal
from reviewapp.services.panel.steps import case_of, load_opinion, person_name
from reviewapp.services.results.setting_specs import LOOKBACK_MONTHS, setting_in
from reviewapp.services.reviews.state import review_findings
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Notice, NoticeCase, Review

DEAD_NOTICE = ("superseded", "withdrawn")


@dataclass(frozen=True)
class LookbackFlag:
    prosecutor: str
    item_code: str
    case: str  # the case of the new opinion (部门受案号)
    earlier_case: str
    earlier_notice: str  # its notice number
    earlier_issued_on: date


def lookback_in(s: Session, opinion: Review, today: date, months: int) -> list[LookbackFlag]:
    """Items of the opinion already noticed to the same prosecutor on another case since ``months`` before
    ``today``."""
    case = case_of(s, opinion)
    items = {f.item_code for f in review_findings(s, opinion.id)}
    if not items:
        return []
    since = add_months(today, -months)
    earlier = s.execute(
        select(Notice.number, Notice.issued_on, NoticeCase.review_id, Case.dept_case_no)
        .join(NoticeCase, NoticeCase.notice_id == Notice.id)
        .join(Case, Case.id == NoticeCase.case_id)
        .where(
            Case.prosecutor_id == case.prosecutor_id,
            Case.id != case.id,
            Notice.issued_on >= since,
            Notice.issued_on <= today,
            Notice.superseded_by_id.is_(None),
            Notice.status.not_in(DEAD_NOTICE),
        )
        .order_by(Notice.issued_on, Notice.id)
    )
    prosecutor = person_name(s, case.prosecutor_id)
    out: list[LookbackFlag] = []
    seen: set[tuple[str, str]] = set()
    for number, issued_on, review_id, earlier_case in earlier:
        if review_id is None:
            continue
        for f in review_findings(s, review_id):
            if f.item_code in items and (f.item_code, number) not in seen:
                seen.add((f.item_code, number))
                out.append(LookbackFlag(prosecutor, f.item_code, case.dept_case_no, earlier_case, number, issued_on))
    return sorted(out, key=lambda x: (x.item_code, x.earlier_issued_on))


def lookback_flags(wb: Workbench, opinion_id: int, today: date | None = None) -> list[LookbackFlag]:
    """The 回头看 flags of one opinion, for readers of reviews or issuers of notices in the case's unit."""
    with wb.db.session() as s:
        opinion = load_opinion(s, opinion_id)
        unit_id = case_of(s, opinion).unit_id
        if not any(
            wb.permissions.allows(wb.user, a, unit_id=unit_id) for a in (Action.READ_REVIEWS, Action.ISSUE_NOTICES)
        ):
            raise refusal(wb.user, Action.READ_REVIEWS)
        return lookback_in(s, opinion, today or date.today(), int(setting_in(s, LOOKBACK_MONTHS)))
