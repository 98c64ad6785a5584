"""A small, tricky data set for the statistics computed by hand (test_hand_computed_statistics.py), built only
through the real services: case import, plans with selection and assignment, reviews with findings, the
prosecutor's answer, determination, reopening, notices, rectification. Every time below is Beijing time
(the module runs with TZ=Asia/Shanghai); the clocks of forming (panel/opinion.utcnow) and determining
(panel/determination.utcnow) are set to it, everything else is the services' own doing.

Units 朝阳 (CY) and 海淀 (HD); prosecutors 王 (CY 第一检察部, 公诉), 钱 (CY 第二检察部, 侦监, 审查逮捕),
赵 and 周 (HD 第一检察部; 公诉 and 未检); reviewers 李评查 (CY 案件管理部) and 吴评查 (HD 案件管理部).
Reviews started before 2026-02-01 keep the 2018 scheme (瑕疵), later ones the 2026 scheme (review-rules §2).

    case pros line closed      reviewer formed            findings              grade       determined
    K1   王   公诉 2025-03-10  吴       2025-06-10        D5瑕                  瑕疵(2018)  2025-06-20
    K2   赵   公诉 2025-04-01  李       2025-12-20        —                     合格(2018)  2026-01-01 07:30
    K3   钱   侦监 2025-05-05  — not reviewed
    K4   周   未检 2025-09-01  李       2025-11-03, re-formed 2026-02-10 after the chief reopened the
                                        determination of 2025-11-10: P3瑕         瑕疵(2018)  — (awaiting feedback)
    A5   赵   公诉 2026-01-05  李       2026-01-28        D5瑕                  瑕疵(2018)  2026-02-03
    A1   王   公诉 2026-01-15  吴       2026-03-10        P3瑕 D5瑕 D11瑕       基本合格    2026-03-20
    A2   王   公诉 2026-02-10  吴       2026-04-01 07:00  P3瑕 E7错             不合格      2026-04-25
    A3   钱   侦监 2026-03-01  吴       2026-05-20        E10严 (veto)          不合格      2026-05-30  专项评查
    A4   钱   侦监 2026-04-01  吴       2026-06-10        —                     合格        2026-06-15
    A6   赵   公诉 2026-05-10  李       2026-07-01        —, 优质 criteria       优质        2026-07-10  重点评查
    A7   周   未检 2026-06-01  吴       2026-08-01        P3瑕                  基本合格    2026-08-12
    A8   周   未检 2026-07-01  李       started, never submitted
    A9   王   公诉 2026-08-01  — not reviewed

Notices (issued by 案管): A1 2026-03-25 (report 03-30, re-check passed: 已整改), A2 2026-05-11 (no report;
process_due on 2026-06-01: 逾期), A3 2026-06-03 (report 06-08: 整改中), A5 2026-09-01 (待整改).
A6 is selected by its 国家赔偿 trigger; A3 is added to a 专项评查 plan by hand; the others are reviewed ad hoc
(常规抽查).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.domain.plans import PlanMode, PlanType
from reviewapp.domain.review_status import ReviewStatus
from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.panel import determination as determination_module
from reviewapp.services.panel import opinion as opinion_module
from reviewapp.services.panel.determination import determine_opinion, reopen_determined
from reviewapp.services.panel.due import process_due
from reviewapp.services.panel.feedback import Answer, answer_feedback, feedback_sheet
from reviewapp.services.panel.files import opinion_for_case
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.rectification import (
    recheck_rectification,
    rectification_for_notice,
    reply_rectification,
)
from reviewapp.services.plans import assignment as assigning
from reviewapp.services.plans import commands as plans
from reviewapp.services.plans import selection
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.results.setting_specs import ASSIGNMENT_REQUIRED
from reviewapp.services.results.settings import set_setting
from reviewapp.services.reviews.commands import open_review, set_criteria, submit_review
from reviewapp.services.reviews.findings import record_finding
from reviewapp.services.reviews.standards_store import ensure_standards, list_standard_versions
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Assignment, Case, Person, PlanCase, Review, Unit
from tests.accounts_fixtures import ALL_ROLES, login_for, sign_in
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.plans_fixtures import CHAOYANG as CY
from tests.core.plans_fixtures import CITY
from tests.core.plans_fixtures import HAIDIAN as HD
from tests.core.reviews_fixtures import act_as
from tests.core.services_fixtures import set_issuer
from tests.db_target import database_at

WANG, QIAN, ZHAO, ZHOU = "王检察官", "钱检察官", "赵检察官", "周检察官"
LI, WU = "李评查", "吴评查"
ADMIN, READER, CHIEF, DEPUTY, LEAD = "统计管理员", "统计员", "检察长丙", "副检丙", "组长丙"
PROSECUTORS = {WANG: (CY, "第一检察部"), QIAN: (CY, "第二检察部"), ZHAO: (HD, "第一检察部"), ZHOU: (HD, "第一检察部")}
REVIEWERS = {LI: CY, WU: HD}
BEIJING = "Asia/Shanghai"


def at(y: int, m: int, d: int, hour: int = 10, minute: int = 0) -> datetime:
    """A Beijing wall-clock time (naive; made UTC by ``_clock`` once the module runs on Beijing time)."""
    return datetime(y, m, d, hour, minute)


@dataclass(frozen=True)
class Spec:
    code: str
    prosecutor: str
    line: str
    closed: date
    reviewer: str | None = None
    formed: datetime | None = None
    findings: tuple[tuple[str, str], ...] = ()
    determined: datetime | None = None
    scheme: str | None = None  # "2018" for reviews started before 2026-02-01
    excellent: bool = False
    key: bool = False  # 国家赔偿=是: selected by the key-case plan
    started_only: bool = False

    @property
    def case_type(self) -> str:
        return "审查逮捕" if self.line == "侦监" else "审查起诉"


# fmt: off
SPECS: tuple[Spec, ...] = (
    Spec("K1", WANG, "公诉", date(2025, 3, 10), WU, at(2025, 6, 10), (("D5", "瑕"),), at(2025, 6, 20), "2018"),
    Spec("K2", ZHAO, "公诉", date(2025, 4, 1), LI, at(2025, 12, 20), (), at(2026, 1, 1, 7, 30), "2018"),
    Spec("K3", QIAN, "侦监", date(2025, 5, 5)),
    Spec("K4", ZHOU, "未检", date(2025, 9, 1), LI, at(2025, 11, 3), (("P3", "瑕"),), at(2025, 11, 10), "2018"),
    Spec("A5", ZHAO, "公诉", date(2026, 1, 5), LI, at(2026, 1, 28), (("D5", "瑕"),), at(2026, 2, 3), "2018"),
    Spec("A1", WANG, "公诉", date(2026, 1, 15), WU, at(2026, 3, 10), (("P3", "瑕"), ("D5", "瑕"), ("D11", "瑕")),
         at(2026, 3, 20)),
    Spec("A2", WANG, "公诉", date(2026, 2, 10), WU, at(2026, 4, 1, 7, 0), (("P3", "瑕"), ("E7", "错")),
         at(2026, 4, 25)),
    Spec("A3", QIAN, "侦监", date(2026, 3, 1), WU, at(2026, 5, 20), (("E10", "严"),), at(2026, 5, 30)),
    Spec("A4", QIAN, "侦监", date(2026, 4, 1), WU, at(2026, 6, 10), (), at(2026, 6, 15)),
    Spec("A6", ZHAO, "公诉", date(2026, 5, 10), LI, at(2026, 7, 1), (), at(2026, 7, 10), excellent=True, key=True),
    Spec("A7", ZHOU, "未检", date(2026, 6, 1), WU, at(2026, 8, 1), (("P3", "瑕"),), at(2026, 8, 12)),
    Spec("A8", ZHOU, "未检", date(2026, 7, 1), LI, started_only=True),
    Spec("A9", WANG, "公诉", date(2026, 8, 1)),
)
# fmt: on
NOTICES = {"A1": date(2026, 3, 25), "A2": date(2026, 5, 11), "A3": date(2026, 6, 3), "A5": date(2026, 9, 1)}


def case_no(code: str) -> str:
    return f"京检统计受[2026]{code}号"


def case_name(code: str) -> str:
    return f"被告人{code}盗窃案"


@dataclass
class StatsDb:
    wb: Workbench
    folder: Path
    cases: dict[str, int] = field(default_factory=dict)  # code → case id
    opinions: dict[str, int] = field(default_factory=dict)  # code → opinion (review file) id
    notices: dict[str, str] = field(default_factory=dict)  # code → notice number
    plans: dict[str, int] = field(default_factory=dict)  # "key" / "thematic" → plan id

    def act_as(self, name: str) -> None:
        act_as(self.wb, login_for(name))

    def person(self, name: str) -> int:
        with self.wb.db.session() as s:
            return int(s.scalars(select(Person.id).where(Person.name == name).order_by(Person.id)).first() or 0)

    def unit(self, name: str) -> int:
        with self.wb.db.session() as s:
            return int(s.scalar(select(Unit.id).where(Unit.name == name)) or 0)


def _row(n: int, spec: Spec) -> dict[str, object]:
    unit, dept = PROSECUTORS[spec.prosecutor]
    return case_row(
        700 + n,
        部门受案号=case_no(spec.code),
        案件名称=case_name(spec.code),
        案件类别=spec.case_type,
        承办检察官=spec.prosecutor,
        承办单位=unit,
        承办部门=dept,
        受理日期=(spec.closed - timedelta(days=20)).isoformat(),
        办结日期=spec.closed.isoformat(),
        业务条线=spec.line,
        国家赔偿="是" if spec.key else "否",
        电子卷宗=None,
    )


def _clock(module: object, local: datetime) -> pytest.MonkeyPatch:
    """Set the module's clock to a Beijing wall-clock time, as the naive UTC time the services store."""
    moment = local.astimezone(UTC).replace(tzinfo=None)
    mp = pytest.MonkeyPatch()
    mp.setattr(module, "utcnow", lambda: moment)
    return mp


def _assigned(db: StatsDb, case_id: int) -> str:
    with db.wb.db.session() as s:
        return str(
            s.scalar(
                select(Person.name)
                .join(Assignment, Assignment.reviewer_id == Person.id)
                .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
                .where(PlanCase.case_id == case_id, Assignment.deleted_at.is_(None), PlanCase.deleted_at.is_(None))
            )
        )


def _plan(db: StatsDb, kind: str, spec: Spec) -> None:
    """A cross-unit plan holding one case, assigned to the spec's reviewer: the 重点评查 plan selects A6 by its
    国家赔偿 trigger, the 专项评查 plan gets A3 added by hand."""
    wb = db.wb
    db.act_as(ADMIN)
    standard = next(v.id for v in list_standard_versions(wb) if spec.case_type in v.case_types)
    key = kind == "key"
    plan = plans.create_plan(
        wb,
        plans.PlanSpec(
            name="2026年国家赔偿案件重点评查" if key else "2026年审查逮捕案件专项评查",
            plan_type=PlanType.KEY if key else PlanType.THEMATIC,
            mode=PlanMode.CROSS,
            standard_id=standard,
            closed_from=date(2026, 5, 1) if key else None,
            closed_to=date(2026, 5, 31) if key else None,
            rule={"triggers": ["国家赔偿"]} if key else {},
        ),
    ).id
    if key:
        selection.commit_selection(wb, plan)
    else:
        selection.add_case(wb, plan, case_no(spec.code), "专项评查：审查逮捕案件证据合法性")
    plans.open_plan(wb, plan)
    assigning.assign_plan(wb, plan, seed=1)
    got = _assigned(db, db.cases[spec.code])
    if got != spec.reviewer:
        assigning.reassign(wb, plan, case_no(spec.code), got, str(spec.reviewer), "交叉评查，由对方院评查员评查")
    db.plans[kind] = plan


def _form(db: StatsDb, spec: Spec) -> None:
    assert spec.reviewer is not None
    db.act_as(spec.reviewer)
    options = {"scheme_id": spec.scheme} if spec.scheme else {}
    review = open_review(db.wb, db.cases[spec.code], **options).id
    for item, severity in spec.findings:
        record_finding(db.wb, review, item, severity, f"{spec.code}案{item}项存在问题")
    if spec.excellent:
        set_criteria(db.wb, review, [f"Q{k}" for k in range(1, 8)], "证据扎实，释法说理充分，办案效果良好")
    if spec.started_only:
        return
    assert spec.formed is not None
    mp = _clock(opinion_module, spec.formed)
    try:
        submit_review(db.wb, review)
    finally:
        mp.undo()
    with db.wb.db.session() as s:
        opinion = opinion_for_case(s, db.cases[spec.code])
        assert opinion is not None
        db.opinions[spec.code] = opinion.id


def _determine(db: StatsDb, code: str, moment: datetime) -> None:
    """The prosecutor's answer (on paper, entered by 案管) where the grade is not 合格, then 审定."""
    wb, opinion = db.wb, db.opinions[code]
    db.act_as(READER)
    with wb.db.session() as s:
        sent = s.scalar(select(Review.status).where(Review.id == opinion)) == ReviewStatus.AWAITING_FEEDBACK.value
    if sent:  # §1 step 8: every grade but 合格 is heard; 合格 goes straight to the deputy chief
        findings = feedback_sheet(wb, opinion).findings
        answer_feedback(wb, opinion, [Answer(f.id, True) for f in findings], channel="form", answered_on=date.today())
    db.act_as(CHIEF if sent else DEPUTY)
    mp = _clock(determination_module, moment)
    try:
        determine_opinion(wb, opinion)
    finally:
        mp.undo()


def _rectification(db: StatsDb) -> None:
    wb = db.wb
    db.act_as(READER)
    for code, day in NOTICES.items():
        [notice] = issue_notices(wb, [db.cases[code]], out_dir=db.folder / "notices", issued_on=day)
        db.notices[code] = notice.number
    reply_rectification(
        wb, rectification_for_notice(wb, db.notices["A1"]), "已补正签名并组织学习", received_on=date(2026, 3, 30)
    )
    reply_rectification(
        wb, rectification_for_notice(wb, db.notices["A3"]), "已启动非法证据排除程序", received_on=date(2026, 6, 8)
    )
    process_due(wb, date(2026, 6, 1))  # A2's deadline 2026-05-21 passed without a report
    db.act_as(WU)  # a reviewer of A1's panel re-checks
    recheck_rectification(wb, rectification_for_notice(wb, db.notices["A1"]), True)


def make_stats_db(folder: Path) -> StatsDb:
    """Build the data set (the caller has set TZ to Beijing time)."""
    assert time.localtime().tm_gmtoff == 8 * 3600, "run under TZ=Asia/Shanghai"
    wb = Workbench.open(database_at(folder, "stats.sqlite3"))
    sign_in(wb, ADMIN, roles=ALL_ROLES, unit=CITY, department="案件管理部")
    summary = import_cases(wb, write_simple_xlsx(folder / "cases.xlsx", [_row(n, s) for n, s in enumerate(SPECS)]))
    assert not summary.rejects, summary.rejects
    ensure_standards(wb)
    set_setting(wb, ASSIGNMENT_REQUIRED, False)
    set_issuer(wb)
    province = Scope.PROVINCE
    for name, unit in REVIEWERS.items():
        sign_in(wb, name, roles=[RoleSpec(Role.REVIEWER, province)], unit=unit, department="案件管理部")
    for name, role in (
        (READER, Role.CASE_MANAGEMENT_HEAD),
        (CHIEF, Role.CHIEF),
        (DEPUTY, Role.DEPUTY_CHIEF),
        (LEAD, Role.PANEL_LEAD),
    ):
        sign_in(wb, name, roles=[RoleSpec(role, province)], unit=CITY, department="案件管理部")
    db = StatsDb(wb, folder)
    with wb.db.session() as s:
        db.cases = {
            c: int(s.scalar(select(Case.id).where(Case.dept_case_no == case_no(c))) or 0)
            for c in (sp.code for sp in SPECS)
        }
    by_code = {s.code: s for s in SPECS}
    _plan(db, "key", by_code["A6"])
    _plan(db, "thematic", by_code["A3"])
    for spec in SPECS:
        if spec.reviewer is not None:
            _form(db, spec)
        if spec.determined is not None:
            _determine(db, spec.code, spec.determined)
    # K4: the chief voids its determination; the panel lead forms the opinion again on 2026-02-10 and it goes
    # back to the prosecutor (undetermined since).
    db.act_as(CHIEF)
    reopen_determined(wb, db.opinions["K4"], "承办人提出新的书证，需重新评定")
    db.act_as(LEAD)
    mp = _clock(opinion_module, at(2026, 2, 10))
    try:
        finalise_opinion(wb, db.opinions["K4"])
    finally:
        mp.undo()
    _rectification(db)
    db.act_as(READER)
    return db
