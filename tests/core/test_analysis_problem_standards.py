"""The problem ranking counts an item of one standard apart from the item with the same code in another:
criminal P3 (未在三日内告知诉讼权利) and civil P3 (审查、办理期限超期) are two problems, each in its own cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reviewapp.domain.roles import Role, Scope
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.analysis.stats import StatsFilter, problem_ranking
from reviewapp.services.panel import opinion as opinion_module
from reviewapp.services.results.setting_specs import ASSIGNMENT_REQUIRED
from reviewapp.services.results.settings import set_setting
from reviewapp.services.reviews.commands import open_review, submit_review
from reviewapp.services.reviews.findings import record_finding
from tests.accounts_fixtures import sign_in
from tests.core import analysis_fixtures as af
from tests.core.plans_fixtures import CHAOYANG, CITY, make_plan_db

CRIMINAL, CIVIL = "朝检刑诉受[2026]951号", "朝检民监受[2026]952号"


def test_same_item_code_in_two_standards_is_two_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        af.case_row(
            951, 部门受案号=CRIMINAL, 案件类别="审查起诉", 承办检察官=af.WANG, 承办单位=CHAOYANG,
            承办部门="第一检察部", 受理日期="2026-06-01", 办结日期="2026-07-05", 电子卷宗=None,
        ),
        af.case_row(
            952, 部门受案号=CIVIL, 案件名称="某公司借款合同纠纷监督案", 案件类别="民事诉讼监督", 承办检察官=af.WANG,
            承办单位=CHAOYANG, 承办部门="第一检察部", 受理日期="2026-06-01", 办结日期="2026-07-06", 电子卷宗=None,
            是否羁押=None, 认罪认罚=None, 退回补充侦查次数=None, 涉案金额=None,
        ),
    ]  # fmt: skip
    p = make_plan_db(tmp_path, extra_rows=rows)
    try:
        set_setting(p.wb, ASSIGNMENT_REQUIRED, False)
        province = [RoleSpec(Role.REVIEWER, Scope.PROVINCE)]
        sign_in(p.wb, af.REVIEWER, roles=province, unit=CITY, department="案件管理部")
        reader = [RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.PROVINCE)]
        sign_in(p.wb, af.READER, roles=reader, unit=CITY, department="案件管理部")
        monkeypatch.setattr(opinion_module, "utcnow", lambda: dt.datetime(2026, 8, 10, 12, 0))
        for no in (CRIMINAL, CIVIL):
            p.act_as(af.REVIEWER)
            rid = open_review(p.wb, p.case(no)).id
            record_finding(p.wb, rid, "P3", "瑕", f"{no}：P3")
            submit_review(p.wb, rid)
        p.act_as(af.READER)
        ranking = problem_ranking(p.wb, StatsFilter(parse_period("2026Q3")), common_threshold=2)
    finally:
        p.close()
    p3 = sorted((r for r in ranking.items if r.item == "P3"), key=lambda r: r.standard)
    assert [(r.cases, r.findings, r.common) for r in p3] == [(1, 1, False), (1, 1, False)]
    assert len({r.standard for r in p3}) == 2
    assert len({r.text for r in p3}) == 2  # each under its own standard's wording
    assert any("告知" in r.text for r in p3) and any("期限" in r.text for r in p3)
