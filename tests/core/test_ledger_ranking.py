"""Properties of the problem ranking (问题清单) over any set of reviewed cases."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from reviewapp.services.results.ledger import COMMON, INDIVIDUAL, ProblemRecord, ReviewedCase, rank_problems

ITEMS = ("E1", "E2", "E10", "P3", "D5")


def _case(n: int, codes: list[str]) -> ReviewedCase:
    problems = tuple(
        ProblemRecord("XS-PCZ", code[0], "维度", code, f"评查项{code}", "司法瑕疵", "", "") for code in codes
    )
    return ReviewedCase(
        case_id=n,
        review_id=n,
        status="determined",
        dept_case_no=f"案{n:03d}",
        case_name="",
        case_type="审查起诉",
        unit="",
        department="",
        department_id=1,
        prosecutor="",
        prosecutor_id=1,
        reviewer="",
        reviewer_unit="",
        review_type="常规抽查",
        review_no="",
        proposed_grade=None,
        final_grade=None,
        started_on=date(2026, 1, 1),
        submitted_on=date(2026, 1, 2),
        determined_on=None,
        standard_id=1,
        problems=problems,
    )


cases_strategy = st.lists(st.lists(st.sampled_from(ITEMS), max_size=6), max_size=12)


@given(cases_strategy, st.integers(1, 6))
def test_ranking_properties(findings: list[list[str]], threshold: int) -> None:
    reviewed = [_case(n, codes) for n, codes in enumerate(findings)]
    ranking = rank_problems(reviewed, threshold)
    assert [p.rank for p in ranking] == list(range(1, len(ranking) + 1))
    assert [p.cases for p in ranking] == sorted((p.cases for p in ranking), reverse=True)
    for p in ranking:
        expected_cases = sum(p.item_code in codes for codes in findings)
        assert p.cases == expected_cases == len(p.dept_case_nos)
        assert p.findings == sum(codes.count(p.item_code) for codes in findings) >= p.cases
        assert p.kind == (COMMON if p.cases >= threshold else INDIVIDUAL)
    assert {p.item_code for p in ranking} == {c for codes in findings for c in codes}


def test_ties_keep_checklist_number_order() -> None:
    ranking = rank_problems([_case(1, ["E10", "E2", "E1"])], 2)
    assert [p.item_code for p in ranking] == ["E1", "E2", "E10"]
    assert {p.kind for p in ranking} == {INDIVIDUAL}
