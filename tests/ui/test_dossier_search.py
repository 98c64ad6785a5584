"""Dossier text search window and the background reader: results by case, document and page with a snippet,
the page shown with the match highlighted; reading runs off the GUI thread with progress and can be stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.demo import generate_demo
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.dossier.compare import dossier_results
from reviewapp.services.dossier.scan import scan_dossiers
from reviewapp.services.workbench import Workbench
from ui.dossier_scan import DossierScanner, ScanIndicator
from ui.dossier_search import DossierSearchDialog


@pytest.fixture
def imported(wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workbench:
    monkeypatch.setenv("REVIEWAPP_OCR_THREADS", "1")
    out = generate_demo(tmp_path / "demo", cases=6)
    import_cases(wb, out.workbook)
    return wb


def test_search_lists_pages_and_shows_the_match(qtbot, qtmodeltester, imported: Workbench) -> None:
    scan_dossiers(imported, use_ocr=False)
    dialog = DossierSearchDialog(imported)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.query.setText("犯罪嫌疑人")
    hits = dialog.search()
    assert hits and dialog.model.rowCount() == len(hits)
    qtmodeltester.check(dialog.model)
    first = hits[0]
    assert dialog.model.rows[0][:4] == [first.dept_case_no, first.case_name, first.document_title, first.page]
    assert "犯罪嫌疑人" in dialog.model.rows[0][4]
    assert dialog.viewer.current() == (first.document_id, first.page)
    assert dialog.viewer.highlight_place == (first.document_id, first.page) and dialog.viewer.highlights
    dialog.query.setText("并无此文字的查询")
    assert dialog.search() == [] and dialog.model.rowCount() == 0
    dialog.close()


def test_the_reader_runs_in_the_background_and_compares(qtbot, imported: Workbench) -> None:
    scanner = DossierScanner(imported, automatic=False)
    indicator = ScanIndicator(scanner)
    qtbot.addWidget(indicator)
    seen: list[tuple[int, int]] = []
    scanner.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(scanner.finished, timeout=600_000) as finished:
        assert scanner.start()
        assert scanner.running and not scanner.start()  # a second request waits for the first
    assert seen and seen[-1][0] == seen[-1][1]
    assert "比对" in finished.args[0] or "compared" in finished.args[0]
    scanner.wait()
    qtbot.waitUntil(lambda: not scanner.running, timeout=600_000)
    with imported.db.session() as s:
        from sqlalchemy import select

        from reviewapp.storage.models import Case

        ids = list(s.scalars(select(Case.id)))
    assert any(dossier_results(imported, i) for i in ids)


def test_stop_keeps_what_was_read(qtbot, imported: Workbench) -> None:
    scanner = DossierScanner(imported, automatic=False)
    with qtbot.waitSignal(scanner.finished, timeout=600_000):
        scanner.start()
        scanner.cancel()
    scanner.wait()
    qtbot.waitUntil(lambda: not scanner.running, timeout=600_000)
    rest = scan_dossiers(imported, use_ocr=False)
    assert not rest.cancelled  # the next run continues with what is left


def test_an_import_with_dossier_files_starts_the_reader(qtbot, wb: Workbench, tmp_path: Path) -> None:
    scanner = DossierScanner(wb)  # listens to the hub, as the main window's does
    out = generate_demo(tmp_path / "demo", cases=3)
    with qtbot.waitSignal(scanner.finished, timeout=600_000):
        import_cases(wb, out.workbook)
    scanner.wait()
    qtbot.waitUntil(lambda: not scanner.running, timeout=600_000)
    with wb.db.session() as s:
        from sqlalchemy import func, select

        from reviewapp.storage.models import DossierPage

        assert (s.scalar(select(func.count(DossierPage.id))) or 0) > 0
