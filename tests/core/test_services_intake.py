"""Case intake into the database: rejects recorded, re-import a no-op, updates vs differences, cancel, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.intake.errors import IntakeCancelled, IntakeFileError
from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.models import (
    AuditEntry,
    Case,
    ImportBatch,
    ImportDifference,
    ImportReject,
    Person,
    Review,
    StandardVersion,
    Suspect,
)
from tests.core.intake_fixtures import (
    case_row,
    write_broken_files,
    write_csv_twins,
    write_messy_xlsx,
    write_simple_xlsx,
)
from tests.core.services_fixtures import open_workbench, snapshot, table_counts


@pytest.fixture
def wb(tmp_path: Path):  # type: ignore[no-untyped-def]
    bench = open_workbench(tmp_path)
    yield bench
    bench.close()


def test_messy_export_imports_good_rows_and_records_each_reject(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = write_messy_xlsx(tmp_path)
    summary = import_cases(wb, export.path)
    assert summary.imported == len(export.good_case_nos)
    # Rows not imported, not messages: a row with two bad cells, a missing dossier file are one and none.
    assert summary.rows_rejected == len({(sheet, row) for sheet, row, _ in export.rejects})
    assert summary.rows_rejected < summary.rejected
    with wb.db.session() as s:
        stored = set(s.scalars(select(Case.dept_case_no)))
        assert stored == set(export.good_case_nos)
        stored_rejects = list(s.scalars(select(ImportReject)))
        assert all(r.sheet and r.row and r.column and r.reason for r in stored_rejects)  # each at its cell
        missing = {
            (r.sheet, r.row, r.column) for r in stored_rejects if "找不到" in r.reason or "not found" in r.reason
        }
        assert missing == {("文书", 2, "文件路径"), ("文书", 3, "文件路径"), ("案件信息", 5, "电子卷宗")}
        assert {(r.sheet, r.row, r.column) for r in stored_rejects} - missing == export.rejects
        names = {(c.dept_case_no, sp.name) for sp, c in s.execute(select(Suspect, Case).join(Case))}
        assert names == {(no, n) for no, ns in export.suspects.items() for n in ns}
        k1 = s.scalars(select(Case).where(Case.dept_case_no == export.good_case_nos[0])).one()
        assert k1.extra == {"备注": "重点案件"}
        assert k1.amount_fen == 1234550
        assert k1.created_by_id == wb.user.account_id is not None
        assert k1.updated_by_id == wb.user.account_id
        prosecutor = s.get(Person, k1.prosecutor_id)
        assert prosecutor is not None and prosecutor.name == "李检察官" and prosecutor.is_prosecutor
        assert prosecutor.created_by_id == wb.user.account_id
        batch = s.scalars(select(ImportBatch)).one()
        assert batch.user_id == wb.user.account_id
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "cases.import")).all()
        assert [(e.user_id, e.entity_id) for e in entries] == [(wb.user.account_id, batch.id)]


def test_second_import_of_the_same_file_changes_nothing(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = write_messy_xlsx(tmp_path)
    import_cases(wb, export.path)
    before = snapshot(wb)
    again = import_cases(wb, export.path)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, len(export.good_case_nos))
    assert snapshot(wb) == before


def test_newer_export_updates_free_cases_and_reports_differences_for_cases_under_review(
    wb,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    first = write_simple_xlsx(tmp_path / "v1.xlsx", [case_row(1), case_row(2), case_row(3)])
    import_cases(wb, first)
    with wb.db.unchecked_session() as s:  # a review by hand: only the import is under test
        case2 = s.scalars(select(Case).where(Case.dept_case_no == case_row(2)["部门受案号"])).one()
        std = StandardVersion(code="test", version=1, name="t", fingerprint="x", content={})
        s.add(std)
        s.flush()
        s.add(Review(case_id=case2.id, reviewer_id=case2.prosecutor_id, standard_id=std.id, scheme_id="2026"))
    newer = write_simple_xlsx(
        tmp_path / "v2.xlsx",
        [
            case_row(1, 案件名称="张某1盗窃案（更正）"),
            case_row(2, 办结日期="2025-05-30"),
            case_row(3),
            case_row(4),
        ],
    )
    summary = import_cases(wb, newer)
    assert (summary.imported, summary.updated, summary.unchanged) == (1, 1, 1)
    assert [(d.dept_case_no, d.field) for d in summary.differences] == [(case_row(2)["部门受案号"], "办结日期")]
    with wb.db.session() as s:
        names = {no: n for no, n in s.execute(select(Case.dept_case_no, Case.name))}
        assert names[case_row(1)["部门受案号"]] == "张某1盗窃案（更正）"
        closed = s.scalar(select(Case.closed_on).where(Case.dept_case_no == case_row(2)["部门受案号"]))
        assert closed is not None and closed.isoformat() != "2025-05-30"  # under review: not applied
        assert s.scalar(select(ImportDifference.new_value)) == "2025-05-30"


def test_cancel_leaves_the_database_as_before(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, write_simple_xlsx(tmp_path / "base.xlsx", [case_row(1)]))
    before, counts = snapshot(wb), table_counts(wb)
    big = write_simple_xlsx(tmp_path / "big.xlsx", [case_row(n) for n in range(2, 6000)])
    calls = {"n": 0}

    def cancel_during_store() -> bool:
        calls["n"] += 1
        return calls["n"] > 8  # past parsing (a few checks), inside the database phase

    with pytest.raises(IntakeCancelled):
        import_cases(wb, big, cancel=cancel_during_store)
    assert snapshot(wb) == before
    assert table_counts(wb) == counts
    with wb.db.session() as s:
        assert len(s.scalars(select(ImportBatch)).all()) == 1


@pytest.mark.parametrize(
    "problem", ["not_a_workbook", "damaged", "empty", "empty:workbook", "no_key_column", "encrypted"]
)
def test_broken_files_get_one_message_and_leave_the_database_untouched(
    wb,
    tmp_path: Path,
    problem: str,  # type: ignore[no-untyped-def]
) -> None:
    import_cases(wb, write_simple_xlsx(tmp_path / "base.xlsx", [case_row(1)]))
    before = snapshot(wb)
    path = write_broken_files(tmp_path / "broken" if (tmp_path / "broken").mkdir() is None else tmp_path)[problem]
    with pytest.raises(IntakeFileError) as err:
        import_cases(wb, path)
    assert path.name in str(err.value)
    assert "\n" not in str(err.value).strip()
    assert snapshot(wb) == before


def test_gb18030_csv_imports_exactly_like_its_utf8_twin(tmp_path: Path) -> None:
    utf8, gb = write_csv_twins(tmp_path)
    stored = []
    for i, path in enumerate((utf8, gb)):
        bench = open_workbench(tmp_path / f"db{i}" if (tmp_path / f"db{i}").mkdir() is None else tmp_path)
        try:
            summary = import_cases(bench, path)
            assert summary.imported == 2 and summary.rejected == 1
            with bench.db.session() as s:
                cols = [
                    c for c in Case.__table__.columns if c.name not in ("created_at", "updated_at", "last_batch_id")
                ]
                stored.append([tuple(r) for r in s.execute(select(*cols).order_by(Case.dept_case_no))])
        finally:
            bench.close()
    assert stored[0] == stored[1]


def test_differences_name_the_prosecutor_not_a_row_id(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, write_simple_xlsx(tmp_path / "v1.xlsx", [case_row(1)]))
    with wb.db.unchecked_session() as s:
        case = s.scalars(select(Case)).one()
        std = StandardVersion(code="test", version=1, name="t", fingerprint="x", content={})
        s.add(std)
        s.flush()
        s.add(Review(case_id=case.id, reviewer_id=case.prosecutor_id, standard_id=std.id, scheme_id="2026"))
    summary = import_cases(wb, write_simple_xlsx(tmp_path / "v2.xlsx", [case_row(1, 承办检察官="周检察官")]))
    changed = {d.field: (d.old, d.new) for d in summary.differences}
    assert changed["承办检察官"] == (case_row(1)["承办检察官"], "周检察官")


def test_card_hash_is_stable_across_equal_amount_forms() -> None:
    from dataclasses import replace
    from datetime import date
    from decimal import Decimal

    from reviewapp.domain.case_card import CaseCard
    from reviewapp.services.cases.card_rows import card_hash, fen_to_amount

    card = CaseCard("号1", "案", "审查起诉", "院", "部", "检", date(2025, 3, 1), amount=Decimal("15000.0"))
    assert card_hash(card) == card_hash(replace(card, amount=fen_to_amount(1500000)))
    assert card_hash(card) != card_hash(replace(card, amount=Decimal("15000.01")))
    assert card_hash(card) != card_hash(replace(card, name="另一案"))
