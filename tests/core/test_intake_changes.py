"""An import's change record keeps the stored case ids as one compact array (services/changes.py), and still
behaves as the set of ids every reader of a change record expects."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.services import changes
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.changes import ChangeCollector, CompactIds, Kind
from reviewapp.storage.models import Case
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.services_fixtures import open_workbench


def test_ids_handed_over_as_arrays_make_a_compact_set_with_set_behaviour() -> None:
    collector = ChangeCollector()
    collector.add(Kind.IMPORT, (5,))
    collector.add(Kind.CASE, array("q", range(3000, 0, -1)))
    collector.add(Kind.CASE, [7, 4000, None])
    collector.add(Kind.CASE, array("q", [2, 3]))  # an id given twice counts once
    record = collector.record("cases.import")
    ids = record.ids(Kind.CASE)
    expected = frozenset(range(1, 3001)) | {4000}
    assert isinstance(ids, CompactIds)
    assert ids == expected and expected == ids and len(ids) == 3001
    assert 4000 in ids and 0 not in ids and 3001 not in ids and "1" not in ids
    assert list(ids) == sorted(expected)
    assert hash(ids) == hash(expected)
    assert frozenset({0}) | ids == expected | {0} and ids & {1, 99999} == {1} and ids - set(range(2, 4001)) == {1}
    assert record.ids(Kind.IMPORT) == frozenset({5}) and record.ids(Kind.REVIEW) == frozenset()
    assert record.touches(Kind.CASE) and not record.touches(Kind.REVIEW)
    assert record.to_json() == {"action": "cases.import", "changed": {"import": [5], "case": sorted(expected)}}


def test_a_few_ids_stay_a_frozenset() -> None:
    collector = ChangeCollector()
    collector.add(Kind.CASE, array("q", [3, 1, 2]))
    collector.add(Kind.CASE, (9,))
    assert collector.record("x").ids(Kind.CASE) == frozenset({1, 2, 3, 9})
    assert type(collector.record("x").ids(Kind.CASE)) is frozenset


def test_an_imports_change_record_names_every_stored_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes, "COMPACT_FROM", 10)  # an import this small is compact too
    wb = open_workbench(tmp_path / "db")
    try:
        path = write_simple_xlsx(tmp_path / "export.xlsx", [case_row(i) for i in range(1, 26)])
        import_cases(wb, path)
        record = wb.last_changes
        assert record is not None
        with wb.db.session() as s:
            stored = set(s.scalars(select(Case.id)))
        ids = record.ids(Kind.CASE)
        assert isinstance(ids, CompactIds) and ids == stored and len(stored) == 25
        assert record.to_json()["changed"]["case"] == sorted(stored)
        assert record.touches(Kind.IMPORT, Kind.CASE)
    finally:
        wb.close()
