"""The import's search index: new cases carry their search text from the insert and are indexed by id range;
the result is exactly what the general indexing path gives, and the new cases are found right away."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from reviewapp.services.cases.case_list import CaseList
from reviewapp.services.cases.index import CaseFilter
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.search_index import index_cases_in, search_text
from reviewapp.storage.models import Case
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench
from tests.db_target import ON_POSTGRES


def _found(wb: object, needle: str) -> list[str]:
    with wb.db.session() as s:  # type: ignore[attr-defined]
        q = CaseList(s)
        ids = q.page_ids(CaseFilter(text=needle), None, 0, 1000)
        return sorted(r.name for r in q.rows(ids).values())


def test_imported_cases_are_indexed_as_the_general_path_indexes_them(tmp_path: Path) -> None:
    wb = open_workbench(tmp_path)
    try:
        rows = [case_row(n, 案件名称=f"ＡＢ某{n}盗窃案", 移送案由="盗窃罪") for n in range(1, 41)]
        import_cases(wb, write_simple_xlsx(tmp_path / "a.xlsx", rows))
        with wb.db.session() as s:
            stored = s.execute(select(Case.dept_case_no, Case.name, Case.transferred_charge, Case.search_text)).all()
            assert len(stored) == 40
            for number, name, charge, folded in stored:
                assert folded == search_text(number, name, "王检察官", charge)  # full width folded: "ab某…"
            # The general path finds nothing to change: the import stored the very same text.
            assert index_cases_in(s.connection(), None) == 0
            if not ON_POSTGRES:  # the trigram table agrees with its content table
                raw = s.connection().connection.driver_connection  # a check, through the driver: no write
                raw.execute("INSERT INTO case_search(case_search) VALUES ('integrity-check')")
                assert s.scalar(text("SELECT count(*) FROM case_search")) == 40
        assert len(_found(wb, "ab某1")) == 11  # 1, 10-19: three characters and more through trigrams
        assert len(_found(wb, "某")) == 40 and len(_found(wb, "窃罪")) == 40  # one and two through short tokens
        assert _found(wb, "王检") and _found(wb, "检察官")  # the prosecutor's name
    finally:
        wb.close()


@pytest.mark.parametrize("second_name", ["李明明"])
def test_a_prosecutor_found_by_staff_number_is_indexed_under_the_roster_name(tmp_path: Path, second_name: str) -> None:
    wb = open_workbench(tmp_path)
    try:
        first = [case_row(1, 承办检察官="李明", 承办人工号="0071")]
        import_cases(wb, write_simple_xlsx(tmp_path / "a.xlsx", first))
        # A later export spells the name differently; the staff number finds the same person.
        second = [case_row(2, 承办检察官=second_name, 承办人工号="0071")]
        import_cases(wb, write_simple_xlsx(tmp_path / "b.xlsx", second))
        assert _found(wb, "李明") == ["张某1盗窃案", "张某2盗窃案"]
        assert _found(wb, "明明") == []  # what the list shows as prosecutor is what is searched
        with wb.db.session() as s:
            assert index_cases_in(s.connection(), None) == 0
    finally:
        wb.close()
