"""A newer export updates what it changed and keeps what it says nothing about (import-format.md: nothing
already in the database is lost): a column the file lacks, the suspects of a file without a suspects sheet or
with a rejected suspect row of the case; placeholders in optional columns read as empty; amounts in the
difference report in yuan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.models import Case, Review, StandardVersion, Suspect
from tests.core.intake_fixtures import case_row
from tests.core.services_fixtures import open_workbench

NO = case_row(1)["部门受案号"]


def row(**changes: Any) -> dict[str, Any]:
    return case_row(1, 电子卷宗=None, **changes)  # no dossier: only the card is under test


SUSPECT_HEADER = ["部门受案号", "姓名", "性别", "出生日期", "强制措施"]


@pytest.fixture
def wb(tmp_path: Path):  # type: ignore[no-untyped-def]
    bench = open_workbench(tmp_path)
    yield bench
    bench.close()


def export(path: Path, cases: list[dict[str, Any]], suspects: list[list[Any]] | None = None) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "案件"
    columns = list(dict.fromkeys(c for r in cases for c in r))
    ws.append(columns)
    for r in cases:
        ws.append([r.get(c) for c in columns])
    if suspects is not None:
        sheet = book.create_sheet("嫌疑人")
        sheet.append(SUSPECT_HEADER)
        for row in suspects:
            sheet.append(row)
    book.save(path)
    return path


def stored(wb: Any) -> tuple[Any, ...]:
    with wb.db.session() as s:
        case = s.scalars(select(Case).where(Case.dept_case_no == NO)).one()
        names = list(s.scalars(select(Suspect.name).where(Suspect.case_id == case.id).order_by(Suspect.ordinal)))
        return case.name, case.plea, case.amount_fen, case.closed_on, names


TWO = [[NO, "甲", "男", "1990-05-01", "逮捕"], [NO, "乙", "女", "1991-06-01", "取保候审"]]


def test_a_column_the_newer_export_lacks_keeps_its_stored_value(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, export(tmp_path / "v1.xlsx", [row(认罪认罚="是", 涉案金额="52000")], TWO))
    narrow = {k: v for k, v in row(案件名称="张某1盗窃案（更正）").items() if k not in ("认罪认罚", "涉案金额")}
    summary = import_cases(wb, export(tmp_path / "v2.xlsx", [narrow], TWO))
    assert summary.updated == 1
    assert stored(wb)[:3] == ("张某1盗窃案（更正）", True, 5_200_000)
    # A column that is there but blank is what the export says: the value is cleared.
    import_cases(wb, export(tmp_path / "v3.xlsx", [row(认罪认罚="是", 涉案金额=None)], TWO))
    assert stored(wb)[2] is None


def test_an_unknown_column_the_newer_export_lacks_keeps_its_stored_text(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, export(tmp_path / "v1.xlsx", [row(备注="重点案件", 督办="是")]))
    import_cases(wb, export(tmp_path / "v2.xlsx", [row(案件名称="张某1盗窃案（更正）", 督办=None)]))
    with wb.db.session() as s:
        assert s.scalars(select(Case.extra)).one() == {"备注": "重点案件"}  # 督办 is in the file, blank: cleared


def test_an_export_without_a_suspects_sheet_keeps_the_stored_suspects(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, export(tmp_path / "v1.xlsx", [row()], TWO))
    assert stored(wb)[4] == ["甲", "乙"]
    import_cases(wb, export(tmp_path / "v2.xlsx", [row(办结日期="2025-04-15")]))
    assert stored(wb)[3].isoformat() == "2025-04-15" and stored(wb)[4] == ["甲", "乙"]
    # With a suspects sheet, the export's suspects replace the stored ones.
    import_cases(wb, export(tmp_path / "v3.xlsx", [row()], TWO[:1]))
    assert stored(wb)[4] == ["甲"]


def test_the_same_cases_without_a_suspects_sheet_are_unchanged(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, export(tmp_path / "v1.xlsx", [row()], TWO))
    summary = import_cases(wb, export(tmp_path / "v2.xlsx", [row()]))
    assert (summary.imported, summary.updated, summary.unchanged) == (0, 0, 1)
    # A change is an update that keeps the stored suspects; the full export of that state is then unchanged.
    summary = import_cases(wb, export(tmp_path / "v3.xlsx", [row(办结日期="2025-04-15")]))
    assert (summary.updated, summary.unchanged) == (1, 0) and stored(wb)[4] == ["甲", "乙"]
    summary = import_cases(wb, export(tmp_path / "v4.xlsx", [row(办结日期="2025-04-15")], TWO))
    assert (summary.updated, summary.unchanged) == (0, 1)


def test_a_rejected_suspect_row_keeps_the_stored_suspects_of_its_case(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, export(tmp_path / "v1.xlsx", [row()], TWO))
    bad = [TWO[0], [NO, "乙", "女", "1991年6月", "取保候审"]]
    summary = import_cases(wb, export(tmp_path / "v2.xlsx", [row(办结日期="2025-04-15")], bad))
    assert [(r.sheet, r.row, r.column) for r in summary.rejects] == [("嫌疑人", 3, "出生日期")]
    assert stored(wb)[3].isoformat() == "2025-04-15"  # the case's own fields are updated
    assert stored(wb)[4] == ["甲", "乙"]  # 乙 is not lost for a row the reader refused


@pytest.mark.parametrize("placeholder", ["—", "/", "无", "NULL", "／"])
def test_a_placeholder_in_an_optional_column_reads_as_empty(wb, tmp_path: Path, placeholder: str) -> None:  # type: ignore[no-untyped-def]
    placeholders = row(办结日期=placeholder, 涉案金额=placeholder, 退回补充侦查次数=placeholder)
    summary = import_cases(wb, export(tmp_path / "v1.xlsx", [placeholders]))
    assert (summary.imported, summary.rejects) == (1, [])
    assert stored(wb)[2:4] == (None, None)


def test_a_placeholder_in_a_required_column_is_a_missing_value(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    summary = import_cases(wb, export(tmp_path / "v1.xlsx", [row(受理日期="—")]))
    assert summary.imported == 0
    assert [(r.row, r.column) for r in summary.rejects] == [(2, "受理日期")]


def test_an_amount_difference_is_reported_in_yuan(wb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_cases(wb, export(tmp_path / "v1.xlsx", [row(涉案金额="1000元")]))
    with wb.db.unchecked_session() as s:  # a review by hand: only the import is under test
        case = s.scalars(select(Case)).one()
        std = StandardVersion(code="test", version=1, name="t", fingerprint="x", content={})
        s.add(std)
        s.flush()
        s.add(Review(case_id=case.id, reviewer_id=case.prosecutor_id, standard_id=std.id, scheme_id="2026"))
    summary = import_cases(wb, export(tmp_path / "v2.xlsx", [row(涉案金额="3.5万元")]))
    assert [(d.field, d.old, d.new) for d in summary.differences] == [("涉案金额", "1000", "35000")]
