"""Cases worked out by hand from ../shared/domain/review-rules.md §1 (Review types and modes; Workflow steps 2–4):
常规抽查 quotas, 重点评查 triggers, 回避 and 交叉评查 assignment, fed through the plan services (selection,
assignment) and, for one split, the pure assignment rule. The later steps (审定, the state machine, notice
numbers) are in test_hand_computed_process_flow.py.

Each case states its inputs, the result computed on paper and the sentence of the rules it rests on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.demo import generate_demo
from reviewapp.domain.plans import PlanMode, PlanType
from reviewapp.domain.plans_assign import CaseToAssign, Identity, Refusal, Reviewer, assign
from reviewapp.i18n import translate
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.plans import assignment as assigning
from reviewapp.services.plans import selection
from reviewapp.services.plans.commands import PlanError
from reviewapp.services.plans.roster import set_leader
from reviewapp.services.reviews.standards_store import ensure_standards
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Assignment, Person, PlanCase
from tests.accounts_fixtures import sign_in
from tests.core.hand_process_fixtures import (
    CITY_CHIEF_CASE,
    DEPUTY_CASE,
    KEY_TRIGGERS,
    SAME_DEPARTMENT,
    SAMPLING_UNIT,
    cases_of,
    key_case_cards,
    open_copy,
    plans_template,
)
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.plans_fixtures import ADMIN, CHAOYANG, PlanDb
from tests.db_target import Target, database_at


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Target:
    return plans_template(tmp_path_factory.mktemp("hand_process"))


@pytest.fixture
def p(template: Target, tmp_path: Path) -> Iterator[PlanDb]:
    db = open_copy(template, tmp_path)
    yield db
    db.close()


# --- §1 常规抽查: "≥5% of each prosecutor's closed cases, ≥2 per leading prosecutor" ---------------------


def test_p1_quota_at_the_rounding_boundaries(p: PlanDb) -> None:
    """≥5 % means 5 % rounded up: 19 × 5 % = 0.95 → 1; 20 → 1.00 → 1; 21 → 1.05 → 2; 39 → 1.95 → 2;
    41 → 2.05 → 3. One closed case → 1 (the code's floor of one per prosecutor, README). "≥2 per leading
    prosecutor": 辛 (部门负责人, 19) → max(1, 2) = 2; 庚 (院领导) has only 1 closed case → 1 (there is no
    second). 9 prosecutors, 180 closed cases in 东城, 1+1+2+2+3+1+1+2+2 = 15 picked."""
    plan = p.plan(units=(SAMPLING_UNIT,))
    sel = selection.preview_selection(p.wb, plan, seed=11)
    assert sel.in_scope == 180
    assert Counter(pick.prosecutor for pick in sel.picks) == {
        "甲检察官": 1,
        "乙检察官": 1,
        "丙检察官": 2,
        "丁检察官": 2,
        "戊检察官": 3,
        "己检察官": 1,
        "庚检察官": 1,
        "辛检察官": 2,
        "壬检察官": 2,  # see p3
    }
    assert {(x.data["closed"], x.data["quota"]) for x in sel.picks if x.prosecutor == "戊检察官"} == {(41, 3)}


def test_p2_the_seed_fixes_the_sample_and_is_stored(p: PlanDb) -> None:
    """§1 Workflow step 2 (筛选) + the plan's reproducibility: the same seed previews the same 15 cases
    twice, the commit stores exactly those and the seed, and selecting again adds none (each is in once)."""
    plan = p.plan(units=(SAMPLING_UNIT,))
    first = [x.case_id for x in selection.preview_selection(p.wb, plan, seed=11).picks]
    assert first == [x.case_id for x in selection.preview_selection(p.wb, plan, seed=11).picks]
    committed = selection.commit_selection(p.wb, plan, seed=11)
    assert [x.case_id for x in committed.picks] == first and len(first) == 15
    again = selection.preview_selection(p.wb, plan)  # no seed given: the stored one
    assert (again.seed, again.picks, again.already) == (11, [], 15)


def test_p3_a_chief_known_by_their_account_is_a_leading_prosecutor(p: PlanDb) -> None:
    """壬 holds a 检察长 account but carries no roster mark; 19 closed cases. "≥2 per leading prosecutor":
    the 检察长 leads, so max(⌈0.95⌉, 2) = 2 — as the 提级评查 rule already reads the account role. Then
    marking 壬 on the roster changes nothing."""
    plan = p.plan(units=(SAMPLING_UNIT,))
    taken = Counter(x.prosecutor for x in selection.preview_selection(p.wb, plan, seed=3).picks)
    assert taken["壬检察官"] == 2
    set_leader(p.wb, "壬检察官", "院领导")
    assert Counter(x.prosecutor for x in selection.preview_selection(p.wb, plan, seed=3).picks) == taken


# --- §1 重点评查 triggers on hand-built cards ------------------------------------------------------------


@pytest.fixture(scope="module")
def key_selection(tmp_path_factory: pytest.TempPathFactory) -> selection.Selection:
    folder = tmp_path_factory.mktemp("key_cards")
    out = generate_demo(folder / "cards", cases=0, extra_cards=[c for c, _ in key_case_cards()], dossiers=False)
    wb = Workbench.open(database_at(folder, "keys.sqlite3"))
    try:
        sign_in(wb, "管理员")
        import_cases(wb, out.workbook)
        ensure_standards(wb)
        db = PlanDb(wb)
        plan = db.plan(plan_type=PlanType.KEY, rule={"triggers": KEY_TRIGGERS})
        return selection.preview_selection(wb, plan)
    finally:
        wb.close()


@pytest.mark.parametrize("n", range(1, 14))
def test_t_key_case_triggers_on_hand_built_cards(key_selection: selection.Selection, n: int) -> None:
    """§1 重点评查, the template's triggers 绝对不捕 / 捕后不诉 / 不捕后不诉 / 撤回起诉 / 无罪 / 诉判不一, each card
    against each of them, by hand:
    t1 不批准逮捕（绝对不捕） → 绝对不捕. t2 存疑不捕 is not 绝对 → nothing. t3 批准逮捕 → nothing.
    t4 不起诉 with the suspect 逮捕 → 捕后不诉. t5 不起诉 whose 统一受案号 is t2's refused arrest → 不捕后不诉.
    t6 不起诉, 逮捕日期 on the card though now on bail → arrested, so 捕后不诉. t7 不起诉, bail only → nothing.
    t8 撤回起诉 → 撤回起诉 (never arrested: not 捕后撤回, not asked). t9 judged 无罪 → 无罪, and not 诉判不一
    (an acquittal is no other offence). t10 起诉 盗窃罪, judged 盗窃 → the same offence → nothing.
    t11 起诉 盗窃罪, judged 诈骗罪 → 诉判不一. t12 附条件不起诉 after arrest → nothing: the code reads 不起诉 as the
    decisions starting 不起诉 (法定/酌定/存疑); 附条件不起诉 is the minors' conditional decision, not final.
    t13 起诉 with no judgment on the card → nothing fired, 无罪 and 诉判不一 listed as not checkable."""
    number = f"演示-规则-{n:03d}"
    fired = {x.dept_case_no: set(x.data) for x in key_selection.picks}
    expected = key_case_cards()[n - 1][1]
    assert fired.get(number, set()) == expected
    unchecked = {u.trigger for u in key_selection.not_checkable if u.dept_case_no == number}
    assert unchecked == ({"无罪", "诉判不一（罪名）"} if n == 13 else set())


# --- §1 step 4 回避 and step 3 交叉评查, through assignment and reassignment -----------------------------

POOL = (ADMIN, "李评查", "周评查", "吴评查", "王检察官", SAME_DEPARTMENT)  # every account holding 评查员


def eligibility(p: PlanDb, plan: int, case_no: str) -> dict[str, str | None]:
    """Each pool reviewer tried on the case by reassigning it to them: name → None (accepted) or the refusal
    message. The case must hold one assignment to start from."""
    with p.wb.db.session() as s:
        current = s.scalars(
            select(Person.name)
            .join(Assignment, Assignment.reviewer_id == Person.id)
            .join(PlanCase, PlanCase.id == Assignment.plan_case_id)
            .where(PlanCase.plan_id == plan, PlanCase.case_id == p.case(case_no), Assignment.deleted_at.is_(None))
        ).one()
    out: dict[str, str | None] = {current: None}
    for name in POOL:
        if name == current:
            continue
        try:
            assigning.reassign(p.wb, plan, case_no, current, name, "逐一试派")
        except PlanError as exc:
            out[name] = str(exc)
        else:
            out[name], current = None, name
    return out


def refused_by(result: dict[str, str | None], expected: dict[str, str | None]) -> None:
    assert set(result) == set(expected)
    for name, code in expected.items():
        if code is None:
            assert result[name] is None, (name, result[name])
        else:
            assert result[name] is not None and assigning.refusal_text(code) in result[name], (name, result[name])


def _plan_with(p: PlanDb, mode: PlanMode, *cases: str) -> int:
    plan = p.plan(name=f"{mode.value}{len(cases)}", plan_type=PlanType.KEY, mode=mode)
    for no in cases:
        selection.add_case(p.wb, plan, no, "检察长指定评查")
    return plan


def test_c1_own_unit_the_handler_and_the_handling_department_are_refused(p: PlanDb) -> None:
    """Case 1 of 王检察官 (朝阳 第一检察部), 本院 plan. Step 4: "a reviewer may never review a case they handled"
    → 王 refused; "exclude reviewers who … sit in the handling department" → 孙 (朝阳 第一检察部) refused.
    周 (朝阳 案件管理部), 吴 (海淀), 李 and the administrator (city) may."""
    case = cases_of(p.wb, "王检察官")[0]
    plan = _plan_with(p, PlanMode.OWN_UNIT, case)
    assigning.assign_plan(p.wb, plan, seed=5)
    refused_by(
        eligibility(p, plan, case),
        {ADMIN: None, "李评查": None, "周评查": None, "吴评查": None}
        | {"王检察官": Refusal.HANDLED, SAME_DEPARTMENT: Refusal.DEPARTMENT},
    )


def test_c2_cross_review_never_gives_a_unit_its_own_cases(p: PlanDb) -> None:
    """The same case in a 交叉评查 plan: "procuratorates … review each other's cases" → on top of c1, 周 (朝阳)
    is refused for the unit; only 吴 (海淀), 李 and the administrator (city) remain."""
    case = cases_of(p.wb, "王检察官")[0]
    plan = _plan_with(p, PlanMode.CROSS, case)
    assigning.assign_plan(p.wb, plan, seed=5)
    refused_by(
        eligibility(p, plan, case),
        {ADMIN: None, "李评查": None, "吴评查": None}
        | {"王检察官": Refusal.HANDLED, SAME_DEPARTMENT: Refusal.DEPARTMENT, "周评查": Refusal.UNIT},
    )


@pytest.mark.parametrize("who", ["钱检察官", "冯副检察长"])
def test_c3_a_chiefs_or_deputys_case_goes_to_the_level_above(p: PlanDb, who: str) -> None:
    """Step 4: "cases handled by the 检察长 / deputies are reviewed by the next level up". 钱 (朝阳) marked
    院领导 on the roster; 冯 (海淀) known by his 分管副检察长 account. Their district's level up is the city
    procuratorate: only 李 and the administrator may; the four district reviewers are refused, and the
    本院 plan lists the case as needing the level above."""
    set_leader(p.wb, "钱检察官", "院领导")
    case = cases_of(p.wb, who)[0] if who == "钱检察官" else DEPUTY_CASE
    plan = _plan_with(p, PlanMode.OWN_UNIT, case)
    assert assigning.assign_plan(p.wb, plan, seed=5).needs_higher == [case]
    district = {n: Refusal.NOT_HIGHER for n in ("周评查", "吴评查", "王检察官", SAME_DEPARTMENT)}
    refused_by(eligibility(p, plan, case), {ADMIN: None, "李评查": None} | district)


def test_c4_the_top_units_chief_has_no_level_above_and_is_reported(p: PlanDb) -> None:
    """蒋, 检察长 of the city procuratorate (no unit above it in the roster): all 6 reviewers of the pool are
    "not at the level above" → the case is reported 1 reviewer short, never assigned to anyone."""
    plan = _plan_with(p, PlanMode.OWN_UNIT, CITY_CHIEF_CASE)
    result = assigning.assign_plan(p.wb, plan, seed=5)
    why = "{missing} reviewer(s) short; of {pool} in the pool: {reasons}"
    reasons = f"{assigning.refusal_text(Refusal.NOT_HIGHER)} 6"
    assert result.assigned == {} and result.needs_higher == [CITY_CHIEF_CASE]
    text = translate("Plans", why).format(missing=1, pool=6, reasons=reasons)
    assert result.unassignable == [(CITY_CHIEF_CASE, text)]


def test_x1_cross_review_splits_a_units_cases_evenly_over_the_other_units(p: PlanDb) -> None:
    """交叉评查 of every closed 朝阳 case (王 25 + 钱 3 = 28), two reviewers each. Eligible: 吴 (海淀), 李 and the
    administrator (city); 周, 王, 孙 sit in 朝阳. 28 × 2 = 56 slots over 3 reviewers = 18 r 2 → 19, 19, 18;
    every case gets 2 different reviewers."""
    plan = p.plan(mode=PlanMode.CROSS, units=(CHAOYANG,), reviewers_per_case=2, rule={"method": "all"})
    selection.commit_selection(p.wb, plan)
    result = assigning.assign_plan(p.wb, plan, seed=9)
    assert len(result.assigned) == 28 and not result.unassignable
    assert all(len(set(rs)) == 2 for rs in result.assigned.values())
    load = Counter(result.names[r] for rs in result.assigned.values() for r in rs)
    assert set(load) == {ADMIN, "李评查", "吴评查"}
    assert sorted(load.values()) == [18, 19, 19]


def test_x2_two_units_review_each_other_with_balanced_counts() -> None:
    """Pure rule, 交叉评查 between units A (6 cases; reviewers a1, a2) and B (3 cases; b1, b2, b3), one
    reviewer a case: A's 6 go to B only, 6 / 3 = 2 each; B's 3 go to A only, 3 / 2 → 2 and 1. With a1 already
    holding 1 case of another open plan the least loaded goes first: a1 + 1, a2 + 2, both end at 2."""
    a, b = 1, 2
    reviewers = [Reviewer(10 + i, a, 100 + i, Identity(a, None, f"a{i}")) for i in (1, 2)]
    reviewers += [Reviewer(20 + i, b, 200 + i, Identity(b, None, f"b{i}")) for i in (1, 2, 3)]
    cases = [CaseToAssign(i, a, None, 150, 1, Identity(a, None, "甲"), False) for i in range(1, 7)]
    cases += [CaseToAssign(i, b, None, 250, 2, Identity(b, None, "乙"), False) for i in range(7, 10)]
    for seed in (1, 2, 3):
        result = assign(cases, reviewers, mode=PlanMode.CROSS, per_case=1, seed=seed)
        load = Counter(rs[0] for rs in result.assigned.values())
        assert {r: load[r] for r in (21, 22, 23)} == {21: 2, 22: 2, 23: 2}
        assert sorted(load[r] for r in (11, 12)) == [1, 2]
        assert all(rs[0] >= 20 for c, rs in result.assigned.items() if c <= 6)
        before = assign(cases, reviewers, mode=PlanMode.CROSS, per_case=1, seed=seed, load={11: 1})
        new = Counter(rs[0] for c, rs in before.assigned.items() if c >= 7)
        assert (new[11], new[12]) == (1, 2)


def test_c5_whoever_handled_another_stage_of_the_matter_is_refused(p: PlanDb, tmp_path: Path) -> None:
    """Step 4 [design]: "also exclude reviewers who took part in the case at any stage". 周 (朝阳 案件管理部)
    handled the arrest review (审查逮捕) of a matter whose prosecution review 王 handled; both carry the
    统一受案号 110105202500777. In the 本院 plan of the prosecution review, 周 is refused as in c1 王 and 孙
    are; an ad hoc review by 周 is refused too, naming the other stage's case."""
    from reviewapp.services.reviews.commands import ReviewError, start_review

    unified = "110105202500777"
    arrest = case_row(
        777, 统一受案号=unified, 案件类别="审查逮捕", 承办检察官="周评查", 承办部门="案件管理部", 电子卷宗=None
    )
    prosecution = case_row(778, 统一受案号=unified, 电子卷宗=None)
    summary = import_cases(p.wb, write_simple_xlsx(tmp_path / "stages.xlsx", [arrest, prosecution]))
    assert summary.imported == 2, summary.rejects
    case = prosecution["部门受案号"]
    plan = _plan_with(p, PlanMode.OWN_UNIT, case)
    assigning.assign_plan(p.wb, plan, seed=5)
    refused_by(
        eligibility(p, plan, case),
        {ADMIN: None, "李评查": None, "吴评查": None}
        | {"王检察官": Refusal.HANDLED, SAME_DEPARTMENT: Refusal.DEPARTMENT, "周评查": Refusal.STAGE},
    )
    p.act_as("周评查")
    with pytest.raises(ReviewError, match="统一受案号 110105202500777"):
        start_review(p.wb, p.case(case))
