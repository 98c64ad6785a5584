"""A plan's 专项评查报告, on review files formed through the real services (plan, assignment, scoring,
opinion): the plan's case is in its report, a case reviewed outside the plan only in the period's report."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.legal.local_time import local_date
from reviewapp.services.analysis.periodic import export_periodic_report, periodic_report
from reviewapp.services.analysis.periodic_text import report_document
from reviewapp.services.analysis.periods import PeriodKind, current_period
from reviewapp.storage.models import Case, Plan
from reviewapp.storage.models.base import utcnow
from tests.core.process_fixtures import CASE_HEAD, CASE_NO, make_process_db


def test_the_special_review_report_of_a_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = make_process_db(tmp_path, monkeypatch)
    try:
        p.form_opinion({"E1": ("瑕", "证据目录缺页")})
        other = p.other_case()
        p.form_opinion({}, case_id=other)  # reviewed outside the plan: 合格
        with p.wb.db.session() as s:
            plan_name = s.scalars(select(Plan.name)).one()
            other_name = s.scalar(select(Case.name).where(Case.id == other))
            plan_case = s.scalar(select(Case.name).where(Case.dept_case_no == CASE_NO))
        period = current_period(PeriodKind.QUARTER, local_date(utcnow()))
        p.act_as(CASE_HEAD)
        whole = periodic_report(p.wb, period)
        assert whole.comparison.current.reviewed == 2
        special = periodic_report(p.wb, period, plan=plan_name)
        assert special.is_plan and special.comparison.current.reviewed == 1
        assert [a.case_name for a in special.appendix] == [plan_case]
        assert "E1" in special.appendix[0].problems
        doc = report_document(special)
        assert doc.title == f"{plan_name}专项评查报告"
        first = next(it.text for it in doc.items if hasattr(it, "text") and it.text.startswith("本次专项评查"))
        assert first.startswith("本次专项评查共评查案件1件")
        assert other_name not in str(doc)
        out = tmp_path / "专项.pdf"
        export_periodic_report(p.wb, period, out, plan=plan_name)
        assert out.exists()
    finally:
        p.close()
