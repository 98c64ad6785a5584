"""Reviewer calibration (services/analysis/calibration.py) on a panel of three built through the real services,
against figures worked out by hand from the panel's scores (tests/core/panel_fixtures.SCORES)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import NotPermitted
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.analysis.calibration import calibration
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.reconcile import reconcile_item
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.storage.models import Case
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.core.panel_fixtures import LEAD, SECRET, PanelDb, make_panel_db
from tests.core.plans_fixtures import CITY


@pytest.fixture
def p(tmp_path: Path) -> Iterator[PanelDb]:
    db = make_panel_db(tmp_path)
    yield db
    db.close()


def form(p: PanelDb) -> int:
    """Every member scores (E1 瑕/瑕/瑕, E5 瑕/错/瑕, F3 瑕/—/—); the lead settles E5 at 瑕 and F3 at no
    problem and finalises: the opinion is formed (sent for feedback, grade 基本合格)."""
    for name in p.members:
        p.score(name)
    opinion_id = p.opinion().id
    p.act_as(LEAD)
    reconcile_item(p.wb, opinion_id, "E5", "瑕", "形式瑕疵，不影响采信")
    reconcile_item(p.wb, opinion_id, "F3", None, "经核对无误")
    assert finalise_opinion(p.wb, opinion_id) == ReviewStatus.AWAITING_FEEDBACK
    return opinion_id


def rated_items(p: PanelDb) -> int:
    opinion = p.opinion()
    with p.wb.db.session() as s:
        case_type = s.get(Case, opinion.case_id).case_type  # type: ignore[union-attr]
        return len(standard_in(s, opinion.standard_id).items_for(case_type))


def test_agreement_and_leniency_by_hand(p: PanelDb) -> None:
    form(p)
    n_items = rated_items(p)
    p.act_as(LEAD)  # READ_REVIEWS, province-wide
    report = calibration(p.wb)
    a, b, c = p.members
    # Overall, every rated item (no finding = level 0). Coincidences by hand, all units of 3 values:
    # z = n_items − 3 all-zero units give o_00 += 3 each; F3 (1,0,0): o_00 += 1, o_01 = o_10 = 1;
    # E1 (1,1,1): o_11 += 3; E5 (1,2,1): o_11 += 1, o_12 = o_21 = 1.
    z = n_items - 3
    n0, n1, n2 = 3 * z + 2, 6, 1
    n = n0 + n1 + n2
    disagreeing = 4  # o_01 + o_10 + o_12 + o_21
    expected_nominal = 1 - (n - 1) * disagreeing / (n * n - (n0 * n0 + n1 * n1 + n2 * n2))
    assert report.overall.files == 1 and report.overall.units == n_items and report.overall.flagged == 3
    assert report.overall.alpha_nominal == pytest.approx(expected_nominal)
    # Ordinal δ² with marginals n0, n1, n2: δ²(0,1) = (n0 + n1 − (n0 + n1)/2)² = ((n0 + n1)/2)², δ²(1,2) likewise.
    d01, d12 = ((n0 + n1) / 2) ** 2, ((n1 + n2) / 2) ** 2
    d02 = (n0 + n1 + n2 - (n0 + n2) / 2) ** 2
    observed = 2 * (1 * d01 + 1 * d12)
    expected = 2 * (n0 * n1 * d01 + n1 * n2 * d12 + n0 * n2 * d02)
    assert report.overall.alpha_ordinal == pytest.approx(1 - (n - 1) * observed / expected)
    # Pairwise agreement: 3 pairs per unit; F3 and E5 each have one agreeing pair of three.
    assert report.overall.agreement == pytest.approx((3 * n_items - 4) / (3 * n_items))
    assert report.overall.fleiss_kappa is not None
    # Per item: only the items someone found; E1 unanimous (α undefined, agreement 1), E5 and F3 one of three.
    items = {i.item_code: i for i in report.items}
    assert set(items) == {"E1", "E5", "F3"}
    assert items["E1"].agreement == 1.0 and items["E1"].alpha_nominal is None
    assert items["E5"].agreement == pytest.approx(1 / 3) and items["E5"].alpha_nominal == pytest.approx(0.0)
    assert report.overall_flagged.units == 3
    # Pairs: a–b disagree on E5 and F3, a–c on F3, b–c on E5.
    pairs = {frozenset((x.reviewer_a, x.reviewer_b)): x for x in report.pairs}
    assert pairs[frozenset((a, b))].agreement == pytest.approx((n_items - 2) / n_items)
    assert pairs[frozenset((a, c))].agreement == pytest.approx((n_items - 1) / n_items)
    assert all(x.files == 1 and x.units == n_items for x in report.pairs)
    # Leniency against the reconciled opinion (E1 瑕, E5 瑕, F3 none).
    lean = {r.reviewer: r for r in report.reviewers}
    assert (lean[a].compared, lean[a].stricter, lean[a].same, lean[a].lenient) == (3, 1, 2, 0)
    assert lean[a].mean_difference == pytest.approx(1 / 3)
    assert (lean[b].compared, lean[b].stricter, lean[b].same) == (2, 1, 1)
    assert lean[b].mean_difference == pytest.approx(0.5) and lean[b].share_stricter == pytest.approx(0.5)
    assert (lean[c].compared, lean[c].same, lean[c].mean_difference) == (2, 2, 0.0)
    out = json.dumps(report.to_json(), ensure_ascii=False)
    assert SECRET not in out  # figures only, never a member's reasons


def test_plan_and_period_narrow_and_blind_panels_are_not_read(p: PanelDb) -> None:
    a, b, _ = p.members
    p.score(a)
    p.score(b)
    p.act_as(LEAD)
    report = calibration(p.wb)  # the panel is still blind: nothing of it is read
    assert report.overall.files == 0 and report.reviewers == [] and report.pairs == []
    form_rest(p)
    p.act_as(LEAD)
    assert calibration(p.wb).overall.files == 1
    assert calibration(p.wb, plan_id=p.opinion().plan_id).overall.files == 1
    assert calibration(p.wb, plan_id=-1).overall.files == 0
    assert calibration(p.wb, period=parse_period("2001")).overall.files == 0
    formed_year = p.opinion().submitted_at.year  # type: ignore[union-attr]
    assert calibration(p.wb, period=parse_period(str(formed_year))).overall.files == 1


def form_rest(p: PanelDb) -> None:
    p.score(p.members[2])
    opinion_id = p.opinion().id
    p.act_as(LEAD)
    reconcile_item(p.wb, opinion_id, "E5", "瑕", "形式瑕疵")
    reconcile_item(p.wb, opinion_id, "F3", None, "无误")
    finalise_opinion(p.wb, opinion_id)


def test_readers_need_the_permission_and_see_only_their_units(p: PanelDb) -> None:
    form(p)
    p.act_as(p.members[0])  # a plain reviewer: neither READ_REVIEWS nor EXPORT_RESULTS
    with pytest.raises(NotPermitted):
        calibration(p.wb)
    # A department head of the city procuratorate reads reviews of that unit only; the case is in 海淀.
    sign_in(
        p.wb, "市院部门负责人", roles=[RoleSpec(Role.DEPARTMENT_HEAD, Scope.UNIT)], unit=CITY, department="第二检察部"
    )
    assert calibration(p.wb).overall.files == 0
    sign_in(p.wb, "培训员", roles=[REVIEWER], unit=CITY, department="案件管理部")
    with pytest.raises(NotPermitted):
        calibration(p.wb)
