"""A three-member panel on the CLOSED case of make_review_db, for the timeline, queue, routing-sheet, report
and GUI tests: the members disagree on E8 (一般司法错误 / 严重司法错误 / 一般司法错误) and on D5 (two found a 司法瑕疵,
one nothing), and agree on R3.

    p = make_panel(tmp_path)             # every member submitted: the opinion is reconciling
    p.act("钱组长")                       # the panel lead (评查组长) …
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts.current import CurrentUser
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.results.settings import set_setting
from reviewapp.services.reviews.commands import open_review, submit_review
from reviewapp.services.reviews.findings import record_finding
from reviewapp.storage.models import Review
from tests.accounts_fixtures import login_for
from tests.core.reviews_fixtures import (
    CLOSED,
    PROSECUTOR,
    PROSECUTOR_UNIT,
    REVIEWER_UNIT,
    ReviewDb,
    make_review_db,
)
from tests.core.services_fixtures import set_issuer

MEMBERS = ("李评查", "赵评查", "孙评查")
LEAD = "钱组长"
CHIEF = "检察长甲"
DEPUTY = "副检察长乙"
ERR, FLAW, SERIOUS = "一般司法错误", "司法瑕疵", "严重司法错误"
# member → [(item, severity, reason, document title, page)]
SCORES: dict[str, list[tuple[str, str, str, str, int]]] = {
    "李评查": [
        ("E8", ERR, "讯问笔录系刑讯取得，未予排除", "审查报告", 2),
        ("D5", FLAW, "起诉书落款日期缺失", "起诉书", 3),
        ("R3", FLAW, "说理不充分", "审查报告", 4),
    ],
    "赵评查": [
        ("E8", SERIOUS, "非法证据未排除，导致错误起诉", "审查报告", 2),
        ("D5", FLAW, "起诉书未加盖院章", "起诉书", 3),
        ("R3", FLAW, "不起诉理由阐述简单", "审查报告", 5),
    ],
    "孙评查": [
        ("E8", ERR, "非法证据未排除", "审查报告", 2),
        ("R3", FLAW, "说理不足", "审查报告", 4),
    ],
}


@dataclass
class PanelCase:
    db: ReviewDb
    case_id: int
    members: dict[str, int]  # member name → member review id
    opinion_id: int

    @property
    def wb(self):  # type: ignore[no-untyped-def]
        return self.db.wb

    def act(self, name: str) -> CurrentUser:
        return self.db.act_as(name)

    def opinion(self) -> Review:
        with self.wb.db.session() as s:
            row = s.get(Review, self.opinion_id)
            assert row is not None
            s.expunge(row)
            return row

    def close(self) -> None:
        self.db.close()


def make_panel(folder: Path, *, submit: bool = True) -> PanelCase:
    db = make_review_db(folder)
    wb = db.wb
    case_id = db.case_ids[CLOSED]
    with db.as_admin():
        set_setting(wb, "reviews.assignment_required", "否")
        set_issuer(wb)
    db.sign_in_as(LEAD, roles=[RoleSpec(Role.PANEL_LEAD, Scope.PROVINCE)])
    db.sign_in_as(CHIEF, roles=[RoleSpec(Role.CHIEF, Scope.PROVINCE)])
    db.sign_in_as(DEPUTY, roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.PROVINCE)])
    db.sign_in_as(PROSECUTOR, roles=[RoleSpec(Role.PROSECUTOR, Scope.UNIT)], unit=PROSECUTOR_UNIT)
    members: dict[str, int] = {}
    for name in MEMBERS:  # everyone starts before anyone submits: outside a plan the panel is who started
        db.sign_in_as(name, unit=REVIEWER_UNIT)
        members[name] = open_review(wb, case_id).id
    for name in MEMBERS:
        db.act_as(name)
        for item, severity, reason, title, page in SCORES[name]:
            record_finding(wb, members[name], item, severity, reason, evidence=[(db.documents[title], page)])
        if submit:
            submit_review(wb, members[name])
    with wb.db.session() as s:
        opinion_id = s.scalar(select(Review.file_id).where(Review.id == members[MEMBERS[0]]))
    assert opinion_id is not None
    return PanelCase(db, case_id, members, opinion_id)


__all__ = ["CHIEF", "DEPUTY", "LEAD", "MEMBERS", "PROSECUTOR", "PanelCase", "login_for", "make_panel"]
