"""Cases worked out by hand from ../shared/domain/review-rules.md §1 Workflow steps 8–12 and the suggested review
states, and §6 (notice numbers), fed through the panel services (feedback, objections, determination) and the
notices service. The database is process_fixtures' (the plan's case 200 of 赵检察官, reviewed by the member the
plan assigned; 赵's other closed cases reviewed ad hoc by the same member); each test works on a copy.

Each case states its inputs, the result computed on paper and the sentence of the rules it rests on.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.panel import feedback, files
from reviewapp.services.panel.determination import determine_opinion, reopen_determined
from reviewapp.services.panel.objections import rule_objection
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.steps import ProcessError
from reviewapp.services.results.notices import NoticeError, issue_notices
from reviewapp.services.reviews.commands import open_review, set_grade_override, submit_review
from reviewapp.services.reviews.findings import record_finding
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account, FeedbackAnswer, Finding, Notice, Review, ReviewEvent
from tests.accounts_fixtures import login_for, sign_in
from tests.core.hand_process_fixtures import cases_of
from tests.core.plans_fixtures import CHAOYANG, PlanDb
from tests.core.process_fixtures import CASE_HEAD, CASE_NO, CHIEF, DEPUTY, HANDLER, LEAD, ProcessDb, make_process_db
from tests.db_target import Target, copy_database

CODE = "京朝检案管整改"  # tests.core.services_fixtures.ISSUER


@dataclass(frozen=True)
class Built:
    target: Target
    case_id: int
    member: str
    documents: dict[str, int]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    with pytest.MonkeyPatch.context() as mp:
        p = make_process_db(tmp_path_factory.mktemp("hand_flow"), mp)
        b = Built(p.target, p.case_id, p.member, dict(p.documents))
        p.close()
    yield b


@pytest.fixture
def p(built: Built, tmp_path: Path) -> Iterator[ProcessDb]:
    wb = Workbench.open(copy_database(built.target, tmp_path, "plans.sqlite3"))
    db = ProcessDb(PlanDb(wb), built.case_id, built.member, built.documents, tmp_path)
    yield db
    db.close()


def others(p: ProcessDb) -> list[int]:
    """赵's closed cases other than the plan's: the member may review them ad hoc."""
    return [p.plans.case(no) for no in cases_of(p.wb, HANDLER) if no != CASE_NO]


def answer(p: ProcessDb, opinion_id: int, objections: dict[str, str]) -> str:
    """The handling prosecutor answers in the app: object to the items in ``objections`` (item → reason)."""
    p.act_as(HANDLER)
    sheet = feedback.feedback_sheet(p.wb, opinion_id)
    given = [
        feedback.Answer(f.id, f.item_code not in objections, objections.get(f.item_code, "")) for f in sheet.findings
    ]
    return feedback.answer_feedback(p.wb, opinion_id, given)


def objection(p: ProcessDb, opinion_id: int, item: str) -> int:
    with p.wb.db.session() as s:
        return s.scalars(
            select(FeedbackAnswer.id)
            .join(Finding, Finding.id == FeedbackAnswer.finding_id)
            .where(
                FeedbackAnswer.opinion_id == opinion_id, Finding.item_code == item, FeedbackAnswer.answer == "object"
            )
        ).one()


def determine_as(p: ProcessDb, who: str, opinion_id: int, **kw: object) -> str:
    p.act_as(who)
    determine_opinion(p.wb, opinion_id, **kw)  # type: ignore[arg-type]
    row = p.opinion(opinion_case(p, opinion_id))
    return f"{row.status}:{row.determination_body}:{row.final_grade}"


def opinion_case(p: ProcessDb, opinion_id: int) -> int:
    with p.wb.db.session() as s:
        row = s.get(Review, opinion_id)
        assert row is not None
        return row.case_id


def events(p: ProcessDb, review_id: int) -> list[tuple[str, str | None, str | None, str]]:
    with p.wb.db.session() as s:
        rows = list(
            s.execute(
                select(ReviewEvent, Account.login)
                .join(Account, Account.id == ReviewEvent.actor_id)
                .where(ReviewEvent.review_id == review_id)
                .order_by(ReviewEvent.id)
            )
        )
    stamps = [e.at for e, _ in rows]
    assert all(stamps) and stamps == sorted(stamps), "every step is dated, in order"
    return [(e.kind, e.from_status, e.to_status, login) for e, login in rows]


# --- §1 step 9 异议 and step 10 审定 --------------------------------------------------------------------


def test_r1_an_upheld_objection_that_withdraws_the_only_problem_leaves_qualified_for_the_deputy(
    p: ProcessDb,
) -> None:
    """One finding E1 瑕 → 基本合格 (§2 "only 瑕疵 problems → 基本合格"), so heard (step 8). The prosecutor
    objects; upheld, the problem withdrawn ("upheld → revise the opinion") → no problem → 合格 (§2). Step 10
    "proposed 合格 → the deputy chief in charge decides": the 评查组长 is refused, the 分管副检察长 determines."""
    op = p.form_opinion({"E1": ("瑕", "扣押清单未附照片")})
    assert (op.status, op.final_grade) == (ReviewStatus.AWAITING_FEEDBACK.value, "基本合格")
    assert answer(p, op.id, {"E1": "照片附于第12页"}) == "objected"
    p.act_as(CASE_HEAD)
    ruling = rule_objection(p.wb, objection(p, op.id, "E1"), True, "照片在卷", withdraw=True)
    assert (ruling.grade_before, ruling.grade_after, ruling.status) == ("基本合格", "合格", "awaiting_determination")
    p.act_as(LEAD)
    with pytest.raises(NotPermitted):
        determine_opinion(p.wb, op.id)
    assert determine_as(p, DEPUTY, op.id) == "determined:分管副检察长:合格"


def test_r2_an_upheld_objection_that_lowers_the_severity_revises_the_grade_and_the_chief_decides(
    p: ProcessDb,
) -> None:
    """E5 错 → 不合格 (§2 "any 一般 error → 不合格"). Upheld, revised to 瑕 → 基本合格; the old finding is kept,
    superseded. Step 10 "基本合格 → 检察长 or 检委会": the deputy is refused, the chief determines."""
    op = p.form_opinion({"E5": ("错", "书证复印件未注明出处")})
    assert op.final_grade == "不合格"
    answer(p, op.id, {"E5": "出处已在第5页注明"})
    p.act_as(CASE_HEAD)
    ruling = rule_objection(p.wb, objection(p, op.id, "E5"), True, "出处已注明，仅格式欠缺", severity="瑕")
    assert (ruling.grade_before, ruling.grade_after) == ("不合格", "基本合格")
    with p.wb.db.session() as s:
        revised = s.get(Finding, ruling.revised_finding_id)
        assert revised is not None and revised.severity == "司法瑕疵" and revised.origin == "revised"
        old = s.get(Finding, revised.supersedes_id)
        assert old is not None and old.severity == "一般司法错误" and old.deleted_at is not None
    p.act_as(DEPUTY)
    with pytest.raises(NotPermitted):
        determine_opinion(p.wb, op.id)
    assert determine_as(p, CHIEF, op.id) == "determined:检察长:基本合格"


def test_r3_a_rejected_objection_goes_to_the_chief_or_the_committee(p: ProcessDb) -> None:
    """E1 瑕 + F3 瑕 → 基本合格; both objected. E1 upheld and withdrawn → F3 瑕 remains → still 基本合格, and
    one objection still open (status stays 异议). F3 rejected with reasons (step 9 "rejected → reasons, and the
    matter goes to the 检察长 (检委会 if needed)"): the deputy is refused; the chief records the committee."""
    op = p.form_opinion({"E1": ("瑕", "扣押清单未附照片"), "F3": ("瑕", "案发时间表述不准确")})
    answer(p, op.id, {"E1": "照片在卷", "F3": "时间无误"})
    p.act_as(CASE_HEAD)
    first = rule_objection(p.wb, objection(p, op.id, "E1"), True, "照片在卷", withdraw=True)
    assert (first.grade_after, first.open_objections, first.status) == ("基本合格", 1, "objections")
    last = rule_objection(p.wb, objection(p, op.id, "F3"), False, "报案记录载明时间为22时")
    assert (last.ruling, last.status) == ("rejected", "awaiting_determination")
    p.act_as(DEPUTY)
    with pytest.raises(NotPermitted):
        determine_opinion(p.wb, op.id)
    meeting = dt.date(2026, 12, 15)
    got = determine_as(p, CHIEF, op.id, meeting_on=meeting, decision="维持基本合格")
    assert got == "determined:检察委员会:基本合格"
    assert p.opinion().committee_meeting_on == meeting


def test_r4_only_a_deputy_whose_scope_reaches_the_case_decides_a_qualified(p: ProcessDb) -> None:
    """A 合格 opinion (no problem) on a 海淀 case. Step 10 "the deputy chief in charge": a 分管副检察长 of 朝阳
    (scope 本院) is not in charge of a 海淀 case → refused; the province-wide 分管副检察长 determines."""
    case = others(p)[0]
    op = p.form_opinion({}, case)
    assert (op.status, op.final_grade) == (ReviewStatus.AWAITING_DETERMINATION.value, "合格")
    sign_in(p.wb, "副检丙", roles=[RoleSpec(Role.DEPUTY_CHIEF, Scope.UNIT)], unit=CHAOYANG, department="案件管理部")
    p.act_as("副检丙")
    with pytest.raises(NotPermitted):
        determine_opinion(p.wb, op.id)
    assert determine_as(p, DEPUTY, op.id) == "determined:分管副检察长:合格"


def test_r5_a_grade_chosen_over_the_proposal_decides_the_route(p: ProcessDb) -> None:
    """Reading: the member finds E5 错 (proposal 不合格) but chooses 合格 with a reason (§2 "always only a
    proposal that a person confirms"). The opinion's grade is the member's choice, 合格: step 8 does not
    require a hearing ("where the proposed grade is not 合格") and step 10 gives it to the deputy."""
    case = others(p)[0]
    p.act_as(p.member)
    rid = open_review(p.wb, case).id
    record_finding(p.wb, rid, "E5", "错", "书证复印件未注明出处")
    set_grade_override(p.wb, rid, "合格", "出处可从卷内其他材料确认，不影响证明")
    submit_review(p.wb, rid)
    op = p.opinion(case)
    assert (op.proposed_grade, op.final_grade, op.status) == ("不合格", "合格", "awaiting_determination")
    assert op.feedback_sent_on is None
    assert determine_as(p, DEPUTY, op.id) == "determined:分管副检察长:合格"


# --- the suggested review states: "Every transition is recorded with who and when" ------------------------


def test_s1_every_step_of_a_heard_review_is_recorded_with_who_and_when(p: ProcessDb) -> None:
    """E1 瑕 → 基本合格: draft → submitted (member); the file: opened, all submitted, sent for feedback (by the
    member's submit), accepted (the prosecutor), determined (the chief) — five steps, each from the state the
    last one reached."""
    op = p.form_opinion({"E1": ("瑕", "扣押清单未附照片")})
    answer(p, op.id, {})
    determine_as(p, CHIEF, op.id)
    m, h, c = login_for(p.member), login_for(HANDLER), login_for(CHIEF)
    assert p.review_id is not None
    assert events(p, p.review_id) == [("start", None, "draft", m), ("submit", "draft", "submitted", m)]
    assert events(p, op.id) == [
        ("open", None, "in_review", m),
        ("all_submitted", "in_review", "reconciling", m),
        ("send_for_feedback", "reconciling", "awaiting_feedback", m),
        ("answer_accept", "awaiting_feedback", "awaiting_determination", h),
        ("determine", "awaiting_determination", "determined", c),
    ]


def test_s2_no_determination_before_the_prosecutor_is_heard(p: ProcessDb) -> None:
    """基本合格 → feedback required (step 8). While it awaits the answer the chief's determination is refused
    (the status is not 审定-ready), the deputy's too (not theirs at all); nothing is recorded."""
    op = p.form_opinion({"E1": ("瑕", "扣押清单未附照片")})
    before = events(p, op.id)
    p.act_as(CHIEF)
    with pytest.raises(ProcessError):
        determine_opinion(p.wb, op.id)
    p.act_as(DEPUTY)
    with pytest.raises(NotPermitted):
        determine_opinion(p.wb, op.id)
    assert p.opinion().status == ReviewStatus.AWAITING_FEEDBACK.value and events(p, op.id) == before


def test_s3_a_qualified_opinion_is_not_sent_to_the_prosecutor(p: ProcessDb) -> None:
    """No problem → 合格: step 8 does not apply, the opinion goes straight to 审定 (send_for_determination), no
    feedback period is set, and the prosecutor has nothing to answer."""
    case = others(p)[0]
    op = p.form_opinion({}, case)
    assert (op.feedback_sent_on, op.feedback_due_on) == (None, None)
    assert [e[0] for e in events(p, op.id)][-1] == "send_for_determination"
    with pytest.raises(ProcessError):
        answer(p, op.id, {})


# --- §6 notice numbers "××检案管整改〔2026〕N号" ---------------------------------------------------------


def determined_qualified(p: ProcessDb, count: int) -> list[int]:
    cases = others(p)[:count]
    for case in cases:
        determine_as(p, DEPUTY, p.form_opinion({}, case).id)
    return cases


def issue(p: ProcessDb, case: int, day: dt.date) -> tuple[str, int]:
    p.act_as(CASE_HEAD)
    n = issue_notices(p.wb, [case], out_dir=p.folder / "notices", issued_on=day)[0]
    return n.number, n.version


def test_n1_serials_run_per_year_and_a_refused_issue_takes_none(p: ProcessDb) -> None:
    """§6 "serial per year, no leading zeros, no 第": 2026-12-30 → 1; an issue refused (a case not determined,
    steps 10–12) takes no number; 2026-12-31 → 2; the first notice of 2027 → 〔2027〕1号; a notice dated
    2026-12-31 recorded after it is still 2026's → 3."""
    a, b, c, d = determined_qualified(p, 4)
    assert issue(p, a, dt.date(2026, 12, 30)) == (f"{CODE}〔2026〕1号", 1)
    with pytest.raises(NoticeError):
        issue_notices(p.wb, [b, others(p)[4]], out_dir=p.folder / "notices", issued_on=dt.date(2026, 12, 31))
    assert issue(p, b, dt.date(2026, 12, 31)) == (f"{CODE}〔2026〕2号", 1)
    assert issue(p, c, dt.date(2027, 1, 4)) == (f"{CODE}〔2027〕1号", 1)
    assert issue(p, d, dt.date(2026, 12, 31)) == (f"{CODE}〔2026〕3号", 1)


def test_n2_a_voided_notice_keeps_its_number_and_no_other_notice_takes_it(p: ProcessDb) -> None:
    """Notice 〔2026〕1号 for case a; the chief reopens a's determination: the notice is voided (superseded).
    The next notice, for b, is 2 — 1 is never given to another notice. Reading: when a is determined again, its
    new notice is version 2 of 〔2026〕1号 (the same notice corrected), even when issued in 2027, and it takes
    no 2027 serial: the next new 2027 notice is 〔2027〕1号."""
    a, b, c = determined_qualified(p, 3)
    assert issue(p, a, dt.date(2026, 12, 30)) == (f"{CODE}〔2026〕1号", 1)
    p.act_as(CHIEF)
    assert reopen_determined(p.wb, p.opinion(a).id, "发现新证据") == [f"{CODE}〔2026〕1号"]
    assert issue(p, b, dt.date(2026, 12, 31)) == (f"{CODE}〔2026〕2号", 1)
    p.act_as(LEAD)
    assert finalise_opinion(p.wb, p.opinion(a).id) == "awaiting_determination"
    determine_as(p, DEPUTY, p.opinion(a).id)
    assert issue(p, a, dt.date(2027, 1, 4)) == (f"{CODE}〔2026〕1号", 2)
    assert issue(p, c, dt.date(2027, 1, 5)) == (f"{CODE}〔2027〕1号", 1)
    with p.wb.db.session() as s:
        numbers = sorted((n.number, n.version, n.status) for n in s.scalars(select(Notice)))
    assert [(n, v) for n, v, _ in numbers] == [
        (f"{CODE}〔2026〕1号", 1),
        (f"{CODE}〔2026〕1号", 2),
        (f"{CODE}〔2026〕2号", 1),
        (f"{CODE}〔2027〕1号", 1),
    ]
    assert numbers[0][2] == "superseded"


def test_n3_the_review_file_number_takes_the_local_year(p: ProcessDb, monkeypatch: pytest.MonkeyPatch) -> None:
    """§1 step 13 "one review file per review, with its own review number", in the §6 form, serial per year.
    Beijing time (UTC+8): a file opened 2026-12-31 23:00 is 〔2026〕1号; one opened 2027-01-01 06:00 — still
    2026-12-31 22:00 in UTC, as the app stores times — is the first of 2027, 〔2027〕1号, not 〔2026〕2号."""
    numbers = []
    opened_utc = (dt.datetime(2026, 12, 31, 15), dt.datetime(2026, 12, 31, 22))
    try:
        with monkeypatch.context() as mp:
            mp.setenv("TZ", "Asia/Shanghai")
            time.tzset()
            for case, utc in zip(others(p)[:2], opened_utc, strict=True):
                mp.setattr(files, "utcnow", lambda at=utc: at)
                numbers.append(p.form_opinion({}, case).file_no)
    finally:
        time.tzset()
    assert numbers == ["京朝检案管评〔2026〕1号", "京朝检案管评〔2027〕1号"]
