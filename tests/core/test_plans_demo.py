"""A key-case plan over the demo data: every trigger the card supports has its demo case, and the plan
selects exactly the counts below (the random cases add 捕后不诉 ones of their own)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reviewapp.demo import generate_demo
from reviewapp.demo.key_cases import key_case_cards
from reviewapp.demo.scenarios import UNIT, scenario_cards
from reviewapp.domain.plans import PlanMode, PlanType
from reviewapp.domain.plans_triggers import Trigger
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.plans import selection
from reviewapp.services.plans.commands import PlanSpec, create_plan
from reviewapp.services.reviews.standards_store import ensure_standards, list_standard_versions
from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import sign_in
from tests.db_target import database_at


def test_a_key_case_plan_over_the_demo_selects_each_trigger(tmp_path: Path) -> None:
    extra = [s.card for s in scenario_cards()] + [c for _, c in key_case_cards()]
    out = generate_demo(tmp_path / "demo", cases=200, seed=5, extra_cards=extra, dossiers=False)
    wb = Workbench.open(database_at(tmp_path, "db.sqlite3"))
    try:
        sign_in(wb, "管理员")
        import_cases(wb, out.workbook)
        ensure_standards(wb)
        standard = next(v.id for v in list_standard_versions(wb) if "审查起诉" in v.case_types)
        demo_unit = create_plan(
            wb, PlanSpec("重点评查（演示院）", PlanType.KEY, PlanMode.OWN_UNIT, standard, units=(UNIT,))
        ).id
        picks = selection.commit_selection(wb, demo_unit).picks
        fired = Counter(t for p in picks for t in p.data)
        key = {c.dept_case_no: t for t, c in key_case_cards() if t is not None}
        by_case = {p.dept_case_no: set(p.data) for p in picks}
        for number, trigger in key.items():
            assert trigger.value in by_case[number], f"{number} demonstrates {trigger.value}"
        assert fired == EXPECTED_DEMO_UNIT
        everywhere = create_plan(wb, PlanSpec("重点评查（全部）", PlanType.KEY, PlanMode.OWN_UNIT, standard)).id
        whole = selection.preview_selection(wb, everywhere)
        assert Counter(t for p in whole.picks for t in p.data) == EXPECTED_ALL
        assert whole.not_checkable, "plain 不批准逮捕 cards cannot say whether the refusal was 绝对不捕"
    finally:
        wb.close()


# In the scenario unit only the key-case cards fire (演示-重点-003 is both 捕后撤回 and 撤回起诉).
EXPECTED_DEMO_UNIT = Counter({t.value: 1 for t in Trigger} | {Trigger.WITHDRAWN.value: 2})
# Over the whole demo (seed 5, 200 random cases) two random non-prosecutions follow an arrest.
EXPECTED_ALL = EXPECTED_DEMO_UNIT + Counter({Trigger.NO_PROSECUTION_AFTER_ARREST.value: 2})
