"""The demo export workbook, re-read with python-calamine: title rows, header, columns, counts, date cells."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

import reviewapp.demo.generate as generate_module
from reviewapp.demo import WORKBOOK_NAME, GenerationCancelled, build_cards, generate_demo
from reviewapp.demo.rows import CASE_COLUMN_ALIASES
from reviewapp.domain.case_card import CASE_FIELDS, DOCUMENT_FIELDS, SUSPECT_FIELDS, CaseCard, SuspectRecord

SCENARIO_NO = "演示-规则-900"


def scenario_card() -> CaseCard:
    """A deliberately wrong card (rights notice 9 days late), standing in for a scenario card."""
    card = CaseCard(
        dept_case_no=SCENARIO_NO,
        name="赵某某盗窃案",
        case_type="审查起诉",
        unit="临江市东湖区人民检察院",
        department="第一检察部",
        prosecutor="赵敏",
        accepted_on=date(2025, 3, 3),
        closed_on=date(2025, 3, 20),
        transferred_charge="盗窃罪",
        found_charge="盗窃罪",
        suspect_notified_on=date(2025, 3, 12),
        amount=None,
    )
    card.suspects = [SuspectRecord(SCENARIO_NO, "赵小明", transferred_charge="盗窃罪", age_at_offence=30)]
    return card


def read(path: Path) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def header_index(rows: list[list[Any]]) -> int:
    return next(i for i, row in enumerate(rows) if "部门受案号" in row)


@pytest.fixture(params=["styled", "streamed"])
def written(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    if request.param == "streamed":
        monkeypatch.setattr(generate_module, "STYLED_LIMIT", 0)
    out = generate_demo(tmp_path / "demo", cases=60, seed=11, extra_cards=[scenario_card()], dossiers=False)
    assert out.workbook == tmp_path / "demo" / WORKBOOK_NAME and out.dossier_dir is None
    assert out.cases == 61
    return out.workbook, out.cases


def test_sheets_titles_header_and_counts(written: tuple[Path, int]) -> None:
    path, count = written
    sheets = read(path)
    assert list(sheets) == ["案件", "嫌疑人", "文书"]
    cases = sheets["案件"]
    start = header_index(cases)
    assert start == 2  # a title row and an export-note row above the header
    assert "案件信息导出" in cases[0][0] and "共61件" in cases[1][0]
    header = cases[start]
    expected = [CASE_COLUMN_ALIASES.get(s.attr, s.column) for s in CASE_FIELDS]
    assert header == [*expected, "归档日期"]  # an unknown column, kept by the import as an extra attribute
    assert {"案件类型", "承办人", "结案日期"} <= set(header)  # accepted aliases, as real exports vary
    body = [r for r in cases[start + 1 :] if any(v not in ("", None) for v in r)]
    assert len(body) == count
    numbers = [r[0] for r in body]
    assert numbers[0] == SCENARIO_NO  # scenario cards come first
    assert len(set(numbers)) == count
    suspects = sheets["嫌疑人"]
    assert suspects[0][0] == "部门受案号" and len(suspects[0]) == len(SUSPECT_FIELDS)
    expected_suspects = 1 + sum(len(c.suspects) for c in build_cards(60, 11, reserved={SCENARIO_NO}))
    assert len(suspects) - 1 == expected_suspects
    assert {r[0] for r in suspects[1:]} <= set(numbers)
    documents = sheets["文书"]
    assert documents == [[s.column for s in DOCUMENT_FIELDS]]  # no dossiers asked for


def test_dates_are_real_date_cells_and_values_match_the_cards(written: tuple[Path, int]) -> None:
    path, _ = written
    cases = read(path)["案件"]
    start = header_index(cases)
    header = cases[start]
    by_no = {r[0]: dict(zip(header, r, strict=True)) for r in cases[start + 1 :]}
    cards = build_cards(60, 11, reserved={SCENARIO_NO})
    for card in cards:
        row = by_no[card.dept_case_no]
        assert row["受理日期"] == card.accepted_on and isinstance(row["受理日期"], date)
        assert row["结案日期"] == (card.closed_on if card.closed_on else "")
        assert row["案件名称"] == card.name
        if card.detained is not None:
            assert row["是否羁押"] == ("是" if card.detained else "否")
        if card.amount is not None:
            assert row["涉案金额（元）"] == pytest.approx(float(card.amount))
    suspects = read(path)["嫌疑人"]
    births = [r[3] for r in suspects[1:] if r[3] != ""]
    assert births and all(isinstance(b, date) for b in births)


def test_openpyxl_reads_the_workbook_too(written: tuple[Path, int]) -> None:
    path, count = written
    book = load_workbook(path, read_only=True)
    ws = book["案件"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2][0] == "部门受案号"
    assert sum(1 for r in rows[3:] if r[0]) == count
    book.close()


def test_deterministic_output(tmp_path: Path) -> None:
    first = generate_demo(tmp_path / "a", cases=30, seed=5, dossiers=False)
    second = generate_demo(tmp_path / "b", cases=30, seed=5, dossiers=False)
    assert read(first.workbook) == read(second.workbook)


def test_progress_reaches_the_total_and_leaves_no_staging(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    generate_demo(tmp_path, cases=250, dossiers=False, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] == 2 * 250
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == [WORKBOOK_NAME]


def test_cancel_leaves_the_earlier_output_untouched(tmp_path: Path) -> None:
    first = generate_demo(tmp_path, cases=20, seed=1, dossiers=False)
    before = first.workbook.read_bytes()
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(GenerationCancelled):
        generate_demo(tmp_path, cases=400, seed=2, dossiers=False, cancel=cancel)
    assert first.workbook.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [WORKBOOK_NAME]


def test_scenario_cards_are_not_modified(tmp_path: Path) -> None:
    card = scenario_card()
    generate_demo(tmp_path, cases=5, extra_cards=[card], dossiers=False)
    assert card == scenario_card()


def test_the_app_importer_reads_back_exactly_the_cards(written: tuple[Path, int]) -> None:
    parse = pytest.importorskip("reviewapp.intake.parse")
    path, count = written
    parsed = parse.read_export(path)
    assert parsed.rejects == [] and len(parsed.cases) == count
    imported = {c.dept_case_no: c for c in parsed.cases}
    for card in build_cards(60, 11, reserved={SCENARIO_NO}):
        assert imported[card.dept_case_no] == card
