"""Dossier text services on an imported demo: scanning with boxes, cancel and resume, documents found,
full-text search (three characters and more through the index, one or two by scanning) and the commands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewapp.demo import generate_demo
from reviewapp.dossier.pages import page_count
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.dossier.compare import compare_cases, dossier_results
from reviewapp.services.dossier.scan import scan_dossiers
from reviewapp.services.dossier.search import search_dossiers
from reviewapp.services.dossier.text import documents_found, page_text
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import DossierDocument, DossierPage
from tests.accounts_fixtures import PASSWORD, sign_in
from tests.core.cli_fixtures import CliRunner
from tests.db_target import database_at


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workbench, Path]]:
    folder = tmp_path_factory.mktemp("dossier")
    wb = Workbench.open(database_at(folder, "dossier.sqlite3"))
    sign_in(wb, "卷宗测试员", login="dossier")
    out = generate_demo(folder / "demo", cases=12)
    import_cases(wb, out.workbook)
    yield wb, folder
    wb.close()


def _pages_in_files(wb: Workbench) -> int:
    with wb.db.session() as s:
        paths = list(s.scalars(select(DossierDocument.stored_path)))
    return sum(page_count(wb.dossiers.path(p)) for p in paths)


def _stored(wb: Workbench) -> int:
    with wb.db.session() as s:
        return int(s.scalar(select(func.count(DossierPage.id))) or 0)


def test_a_cancelled_scan_keeps_its_pages_and_the_next_one_resumes(demo: tuple[Workbench, Path]) -> None:
    wb, _folder = demo
    seen: list[int] = []
    first = scan_dossiers(wb, progress=lambda done, _t: seen.append(done), cancel=lambda: len(seen) > 8,
                          use_ocr=False)  # fmt: skip
    assert first.cancelled and 0 < _stored(wb) == first.pages_done < first.pages_total
    second = scan_dossiers(wb, use_ocr=False)
    assert not second.cancelled and second.pages_total == first.pages_total - first.pages_done
    with wb.db.session() as s:
        rows = s.execute(select(DossierPage.document_id, DossierPage.page)).all()
        sample = s.scalars(select(DossierPage).where(DossierPage.method == "text").limit(5)).all()
        assert len(rows) == len(set(rows))  # no page stored twice
        assert all(len(p.boxes) == len(p.text) and p.lines[0] == 0 for p in sample)
        assert all(0 <= b[0] < b[2] <= 1000 and 0 <= b[1] < b[3] <= 1000 for p in sample for b in p.boxes)
    # Scanned pages wait for OCR; everything else is read.
    assert _stored(wb) + second.pages_total - second.pages_done >= _pages_in_files(wb) - 20


def test_documents_are_found_by_their_titles(demo: tuple[Workbench, Path]) -> None:
    wb, _folder = demo
    scan_dossiers(wb, use_ocr=False)
    with wb.db.session() as s:
        case_id = s.scalar(select(DossierDocument.case_id).limit(1))
    assert case_id is not None
    found = documents_found(wb, case_id)
    assert found and all(f.kind for f in found)
    assert all(f.kind == f.file_title for f in found)  # the demo names each file by its document


def test_search_finds_exactly_the_pages_holding_the_text(demo: tuple[Workbench, Path]) -> None:
    wb, _folder = demo
    scan_dossiers(wb, use_ocr=False)
    with wb.db.session() as s:
        texts = {
            (d, p): t for d, p, t in s.execute(select(DossierPage.document_id, DossierPage.page, DossierPage.text))
        }
    for query in ("犯罪嫌疑人", "审查", "罪"):  # the index, then the short-query path
        hits = search_dossiers(wb, query, limit=10_000)
        assert {(h.document_id, h.page) for h in hits} == {k for k, t in texts.items() if query in t}
        hit = hits[0]
        assert query in hit.snippet and hit.dept_case_no and hit.document_title
        page = page_text(wb, hit.document_id, hit.page)
        assert page is not None and page.text[hit.start : hit.end] == query
    assert search_dossiers(wb, "并无此文字的查询") == [] and search_dossiers(wb, "  ") == []


def test_commands_scan_compare_search_and_print_text(demo: tuple[Workbench, Path], monkeypatch, capsys) -> None:
    wb, folder = demo
    cli = CliRunner(database_at(folder, "dossier.sqlite3"), monkeypatch, capsys)
    r = cli("dossier", "scan", "--json", user="dossier", password=PASSWORD)
    assert r.code == 0, r.err
    r = cli("dossier", "compare", "--json", user="dossier", password=PASSWORD)
    assert r.code == 0, r.err
    data = r.json()
    assert data["summary"]["cases_compared"] == 12 and data["results"]
    assert all(x["status"] in ("violation", "not_checkable") for x in data["results"])
    r = cli("search", "犯罪嫌疑人", "--dossiers", "--json", user="dossier", password=PASSWORD)
    assert r.code == 0 and r.json()["pages"]
    number = r.json()["pages"][0]["case"]
    r = cli("dossier", "text", number, "--page", "1", user="dossier", password=PASSWORD)
    assert r.code == 0 and number in r.out
    with wb.db.session() as s:
        case_id = s.scalar(select(DossierDocument.case_id).limit(1))
    compare_cases(wb, [case_id])
    assert all(x.case_id == case_id for x in dossier_results(wb, case_id))


@pytest.mark.postgresql_only
def test_postgresql_searches_through_the_trigram_index(demo: tuple[Workbench, Path]) -> None:
    from sqlalchemy import text

    wb, _folder = demo
    scan_dossiers(wb, use_ocr=False)
    with wb.db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_dossier_pages_text_trgm'")) == 1
        s.execute(text("SET LOCAL enable_seqscan = off"))  # a dozen cases would otherwise be read sequentially
        plan = "\n".join(r[0] for r in s.execute(text("EXPLAIN SELECT id FROM dossier_pages WHERE text LIKE :q"),
                                                 {"q": "%犯罪嫌疑人%"}))  # fmt: skip
    assert "ix_dossier_pages_text_trgm" in plan
