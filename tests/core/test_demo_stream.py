"""The demo generator at scale: a large export without dossiers is streamed card by card with the same content
as the styled workbook; formula-like text is neutralised in both; the standards export neutralises too."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from reviewapp.demo import generate as gen
from reviewapp.demo.full_set import plan_demo


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_the_streamed_export_has_the_styled_exports_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_demo(120)
    styled = gen.generate_demo(tmp_path / "a", cases=plan.random_cases, extra_cards=plan.extra_cards, dossiers=False)
    monkeypatch.setattr(gen, "STYLED_LIMIT", 10)  # now this size goes the streaming way
    steps: list[tuple[int, int]] = []
    streamed = gen.generate_demo(
        tmp_path / "b",
        cases=plan.random_cases,
        extra_cards=plan.extra_cards,
        dossiers=False,
        progress=lambda done, total: steps.append((done, total)),
    )
    assert streamed.cases == styled.cases == 120
    assert _sheets(streamed.workbook) == _sheets(styled.workbook)
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_formula_like_text_is_quoted_in_the_streamed_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_demo(70)
    card = plan.extra_cards[0]
    card.name = '=HYPERLINK("http://x")'
    card.summary = "-5"  # a number-like placeholder is plain text, not a formula
    monkeypatch.setattr(gen, "STYLED_LIMIT", 10)
    out = gen.generate_demo(tmp_path, cases=plan.random_cases, extra_cards=plan.extra_cards, dossiers=False)
    with zipfile.ZipFile(out.workbook) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert 's="3"><is><t>=HYPERLINK' in sheet and 'quotePrefix="1"' in styles
    book = load_workbook(out.workbook)
    cell = next(c for row in book["案件"].iter_rows() for c in row if c.value == card.name)
    assert cell.data_type == "s" and cell.quotePrefix


def test_formula_like_text_is_quoted_in_the_styled_export(tmp_path: Path) -> None:
    plan = plan_demo(66)
    plan.extra_cards[0].name = "@SUM(A1)"
    out = gen.generate_demo(tmp_path, cases=plan.random_cases, extra_cards=plan.extra_cards, dossiers=False)
    book = load_workbook(out.workbook)
    cell = next(c for row in book["案件"].iter_rows() for c in row if c.value == "@SUM(A1)")
    assert cell.data_type == "s" and cell.quotePrefix


def test_the_standards_export_neutralises_formulas(tmp_path: Path) -> None:
    from dataclasses import replace

    from reviewapp.standards.excel_export import export_standard_xlsx
    from reviewapp.standards.loader import load_shipped_standards

    standard = load_shipped_standards()[0]
    risky_item = replace(standard.items[0], text="=1+1 的评查项")
    standard = replace(standard, items=(risky_item, *standard.items[1:]))
    path = tmp_path / "std.xlsx"
    export_standard_xlsx(standard, path)
    book = load_workbook(path)
    risky = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if str(c.value or "").startswith("=")]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
