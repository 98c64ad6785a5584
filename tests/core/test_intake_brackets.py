"""The same 部门受案号 written with other year brackets (〔2025〕 / [2025] / 【2025】 / (2025)) is the same case:
across the sheets of one workbook, against the database on a later import, and for a dossier folder. The
stored form of the first import is kept, the user is told where the numbers met, and a number that differs
in anything else is never merged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from reviewapp.intake.dossier import scan_dossier_folder
from reviewapp.intake.parse import read_export
from reviewapp.intake.values import bracket_key, bracket_variants
from reviewapp.services.cases.dossiers import import_dossier_folder
from reviewapp.services.cases.intake import import_cases
from reviewapp.storage.models import Case, DossierDocument, Suspect
from tests.core.intake_fixtures import case_row, english_ui  # noqa: F401 - pytest fixture
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.usefixtures("english_ui")

COLUMNS = ["部门受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受理日期", "办结日期"]
NO = "朝检刑诉受[2025]{}号"


def _write(path: Path, cases: list[dict[str, Any]], **sheets: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "案件信息"
    ws.append(COLUMNS)
    for row in cases:
        ws.append([row[c] for c in COLUMNS])
    for title, rows in sheets.items():
        sheet = wb.create_sheet(title)
        for row in rows:
            sheet.append(row)
    wb.save(path)
    return path


def test_bracket_key_and_variants() -> None:
    assert bracket_key("朝检刑诉受〔2025〕1号") == bracket_key("朝检刑诉受(2025)1号") == NO.format(1)
    assert bracket_key("朝检刑诉受〔2025〕11号") != bracket_key("朝检刑诉受[2025]1号")
    variants = bracket_variants("A〔2025〕1")
    assert variants[0] == "A〔2025〕1" and {"A[2025]1", "A(2025)1", "A【2025】1"} <= set(variants)


def test_suspects_and_documents_with_other_brackets_link_to_their_case(tmp_path: Path) -> None:
    suspects = [
        ["部门受案号", "姓名"],
        ["朝检刑诉受〔2025〕1号", "张三"],
        ["朝检刑诉受【2025】1号", "李四"],
        [NO.format(1), "赵六"],
        ["朝检刑诉受〔2025〕11号", "王五"],  # another number: never merged
    ]
    documents = [["部门受案号", "文书名称", "文件路径"], ["朝检刑诉受(2025)2号", "起诉书", "a.pdf"]]
    path = _write(tmp_path / "e.xlsx", [case_row(1), case_row(2)], 嫌疑人=suspects, 文书=documents)
    parsed = read_export(path)
    one, two = parsed.cases
    assert [s.name for s in one.suspects] == ["张三", "李四", "赵六"]
    assert {s.dept_case_no for s in one.suspects} == {NO.format(1)}
    assert [(d.dept_case_no, d.title) for d in two.documents] == [(NO.format(2), "起诉书")]
    found = {(r.sheet, r.row, r.column, r.value): r.reason for r in parsed.rejects}
    assert set(found) == {
        ("嫌疑人", 2, "部门受案号", "朝检刑诉受〔2025〕1号"),
        ("嫌疑人", 3, "部门受案号", "朝检刑诉受【2025】1号"),
        ("嫌疑人", 5, "部门受案号", "朝检刑诉受〔2025〕11号"),
        ("文书", 2, "部门受案号", "朝检刑诉受(2025)2号"),
    }
    assert "only in its brackets" in found["嫌疑人", 2, "部门受案号", "朝检刑诉受〔2025〕1号"]
    assert "No imported case" in found["嫌疑人", 5, "部门受案号", "朝检刑诉受〔2025〕11号"]


def test_a_case_row_repeated_with_other_brackets_is_not_a_second_case(tmp_path: Path) -> None:
    rows = [case_row(1), case_row(2), case_row(1, 部门受案号="朝检刑诉受〔2025〕1号")]
    parsed = read_export(_write(tmp_path / "e.xlsx", rows))
    assert [c.dept_case_no for c in parsed.cases] == [NO.format(1), NO.format(2)]
    [reject] = parsed.rejects
    assert (reject.sheet, reject.row, reject.column) == ("案件信息", 4, "部门受案号")
    assert "朝检刑诉受〔2025〕1号" in reject.reason and "row 2" in reject.reason


def test_reimport_with_other_brackets_updates_the_stored_case(tmp_path: Path) -> None:
    bench = open_workbench(tmp_path)
    try:
        import_cases(bench, _write(tmp_path / "first.xlsx", [case_row(1), case_row(2)]))
        later = [
            case_row(1, 部门受案号="朝检刑诉受〔2025〕1号"),
            case_row(2, 部门受案号="朝检刑诉受【2025】2号", 案件名称="张某2盗窃、诈骗案"),
            case_row(12, 部门受案号="朝检刑诉受〔2025〕12号"),
        ]
        suspects = [["部门受案号", "姓名"], ["朝检刑诉受〔2025〕1号", "张三"]]
        path = _write(tmp_path / "later.xlsx", later, 嫌疑人=suspects)
        summary = import_cases(bench, path)
        assert (summary.imported, summary.updated, summary.unchanged) == (1, 2, 0)
        notes = {(r.file, r.sheet, r.row, r.column, r.value) for r in summary.rejects}
        assert notes == {
            ("later.xlsx", "案件信息", 2, "部门受案号", "朝检刑诉受〔2025〕1号"),
            ("later.xlsx", "案件信息", 3, "部门受案号", "朝检刑诉受【2025】2号"),
        }
        assert all(NO.format(1) in r.reason or NO.format(2) in r.reason for r in summary.rejects)
        with bench.db.session() as s:
            stored = dict(s.execute(select(Case.dept_case_no, Case.name)).all())
            names = [tuple(r) for r in s.execute(select(Case.dept_case_no, Suspect.name).join(Case))]
        assert stored == {
            NO.format(1): "张某1盗窃案",
            NO.format(2): "张某2盗窃、诈骗案",
            "朝检刑诉受〔2025〕12号": "张某12盗窃案",
        }
        assert names == [(NO.format(1), "张三")]
        assert import_cases(bench, path).unchanged == 3  # re-importing changes nothing
    finally:
        bench.close()


def test_dossier_folder_named_with_other_brackets(tmp_path: Path) -> None:
    folder = tmp_path / "卷宗"
    for name in ("朝检刑诉受〔2025〕1号", "朝检刑诉受〔2025〕11号"):
        (folder / name).mkdir(parents=True)
        (folder / name / "起诉书.pdf").write_bytes(b"%PDF-1.4\n" + name.encode())
    scan = scan_dossier_folder(folder, [NO.format(1), NO.format(2)])
    assert list(scan.files) == [NO.format(1)]
    assert scan.bracketed == {"朝检刑诉受〔2025〕1号": NO.format(1)}
    assert scan.unmatched == ["朝检刑诉受〔2025〕11号"]
    exact = scan_dossier_folder(folder, [NO.format(1), "朝检刑诉受〔2025〕1号"])
    assert exact.bracketed == {} and list(exact.files) == ["朝检刑诉受〔2025〕1号"]  # an exact name wins
    bench = open_workbench(tmp_path / "db")
    try:
        import_cases(bench, _write(tmp_path / "e.xlsx", [case_row(1), case_row(2)]))
        summary = import_dossier_folder(bench, folder)
        assert (summary.cases_matched, summary.documents_added) == (1, 1)
        assert summary.bracket_matches == [("朝检刑诉受〔2025〕1号", NO.format(1))]
        with bench.db.session() as s:
            attached = s.execute(select(Case.dept_case_no).join(DossierDocument)).scalars().all()
        assert attached == [NO.format(1)]
    finally:
        bench.close()


def test_a_number_matching_two_stored_cases_across_brackets_is_refused(tmp_path: Path) -> None:
    bench = open_workbench(tmp_path)
    try:
        # Stored twice before numbers were matched across brackets (one spelling each).
        import_cases(bench, _write(tmp_path / "a.xlsx", [case_row(1), case_row(2)]))
        with bench.db.engine.connect().execution_options(write_path=True) as conn, conn.begin():
            table = Case.__table__
            renamed = {"dept_case_no": "朝检刑诉受〔2025〕1号"}
            conn.execute(table.update().where(table.c.dept_case_no == NO.format(2)), renamed)
        summary = import_cases(bench, _write(tmp_path / "c.xlsx", [case_row(1, 部门受案号="朝检刑诉受【2025】1号")]))
        assert (summary.imported, summary.updated, summary.rows_rejected) == (0, 0, 1)
        [reject] = summary.rejects
        assert (reject.sheet, reject.row, reject.column) == ("案件信息", 2, "部门受案号")
        assert "cannot be told" in reject.reason and "朝检刑诉受〔2025〕1号" in reject.reason
        with bench.db.session() as s:
            assert len(s.scalars(select(Case.id)).all()) == 2
    finally:
        bench.close()


def test_the_cli_tells_which_dossier_folders_met_their_case_across_brackets(
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.core.cli_fixtures import ADMIN, with_admin

    cli = with_admin(tmp_path_factory, tmp_path / "cli.sqlite3", monkeypatch, capsys)
    assert cli("import", str(_write(tmp_path / "e.xlsx", [case_row(1)])), user=ADMIN).code == 0
    folder = tmp_path / "卷宗"
    (folder / "朝检刑诉受〔2025〕1号").mkdir(parents=True)
    (folder / "朝检刑诉受〔2025〕1号" / "起诉书.pdf").write_bytes(b"%PDF-1.4\n")
    result = cli("import", str(folder), "--json", user=ADMIN).json()
    assert result["bracket_matches"] == [{"folder": "朝检刑诉受〔2025〕1号", "case": NO.format(1)}]
    text = cli("import", str(folder), user=ADMIN).out
    assert "朝检刑诉受〔2025〕1号" in text and NO.format(1) in text
