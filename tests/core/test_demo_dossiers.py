"""Demo dossiers: 2–3 valid PDFs of 2–4 pages per case, with extractable Chinese text, listed in the workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from reviewapp.demo import DemoOutput, build_cards, generate_demo
from reviewapp.demo.dossiers import folder_name, write_document
from reviewapp.exports.fonts import register_fonts


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoOutput:
    return generate_demo(tmp_path_factory.mktemp("demo"), cases=12, seed=31)


def test_every_case_has_two_or_three_valid_pdfs(demo: DemoOutput) -> None:
    assert demo.dossier_dir is not None and demo.dossier_dir.name == "卷宗"
    cards = build_cards(12, 31)
    folders = sorted(p.name for p in demo.dossier_dir.iterdir())
    assert folders == sorted(folder_name(c.dept_case_no) for c in cards)
    for card in cards:
        pdfs = sorted((demo.dossier_dir / folder_name(card.dept_case_no)).glob("*.pdf"))
        assert 2 <= len(pdfs) <= 4  # 判决书 joins older prosecuted cases
        for pdf in pdfs:
            reader = PdfReader(pdf)
            assert 2 <= len(reader.pages) <= 4
            first = reader.pages[0].extract_text()
            assert pdf.stem in first  # the document title
            assert card.dept_case_no in first
            last = reader.pages[-1].extract_text()
            assert f"— {len(reader.pages)} —" in last  # page numbers


def test_documents_carry_the_card_facts(demo: DemoOutput) -> None:
    assert demo.dossier_dir is not None
    card = next(c for c in build_cards(12, 31) if c.case_type == "审查起诉" and c.closed_on and c.suspects)
    folder = demo.dossier_dir / folder_name(card.dept_case_no)
    text = "".join(p.extract_text() for p in PdfReader(folder / "审查报告.pdf").pages).replace("\n", "")
    assert card.suspects[0].name in text
    assert card.transferred_charge is not None and card.transferred_charge in text
    assert card.unit in text


def test_workbook_lists_the_dossier_files(demo: DemoOutput) -> None:
    book = CalamineWorkbook.from_path(str(demo.workbook))
    documents = [[str(v) for v in row] for row in book.get_sheet_by_name("文书").to_python()]
    assert documents[0] == ["部门受案号", "文书名称", "文件路径"]
    root = demo.workbook.parent
    listed = documents[1:]
    assert listed and all((root / path).is_file() for _no, _title, path in listed)
    assert all(Path(path).stem == title for _no, title, path in listed)
    assert len(listed) == sum(1 for _ in root.glob("卷宗/*/*.pdf"))
    cases = book.get_sheet_by_name("案件").to_python()
    header = cases[2]
    column = header.index("电子卷宗")
    for row in cases[3:]:
        paths = str(row[column]).split(";")
        assert sorted(paths) == sorted(p for no, _t, p in listed if no == row[0])


def test_same_card_same_pdf_bytes(tmp_path: Path) -> None:
    card = build_cards(1, 8)[0]
    fonts = register_fonts()
    write_document(tmp_path / "a.pdf", card, "审查报告", fonts)
    write_document(tmp_path / "b.pdf", card, "审查报告", fonts)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_folder_name_replaces_separators() -> None:
    assert folder_name("沪检/刑诉受[2025]1号") == "沪检_刑诉受[2025]1号"


def test_the_app_importer_links_documents_and_dossier_paths(demo: DemoOutput) -> None:
    parse = pytest.importorskip("reviewapp.intake.parse")
    parsed = parse.read_export(demo.workbook)
    assert parsed.rejects == []
    for card in parsed.cases:
        assert 2 <= len(card.documents) <= 4
        assert card.dossier_paths == [d.path for d in card.documents]


def test_a_new_run_replaces_the_earlier_demo(tmp_path: Path) -> None:
    generate_demo(tmp_path, cases=3, seed=1)
    seen: list[tuple[int, int]] = []
    second = generate_demo(tmp_path, cases=4, seed=2, progress=lambda done, total: seen.append((done, total)))
    assert second.dossier_dir is not None
    expected = sorted(folder_name(c.dept_case_no) for c in build_cards(4, 2))
    assert sorted(p.name for p in second.dossier_dir.iterdir()) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["卷宗", second.workbook.name])
    assert seen[-1] == (3 * 4, 3 * 4)  # build, dossiers and workbook rows
