"""A dossier document this workstation's store lacks (a shared database whose dossier folder is not mounted here, or
not complete): the case shows it as not on this workstation, opening it explains why, and no broken link is handed
to the system or shown as a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewapp.services.cases.dossiers import add_document
from reviewapp.services.cases.query import case_detail
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import open_workbench
from tests.ui.test_workspace_viewer import two_page_pdf
from ui.detail_pane import DetailPane, missing_file_message
from ui.workspace.dossier_viewer import DossierViewer


def test_a_document_this_workstation_lacks_is_said_so_and_never_opened(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = open_workbench(tmp_path / "wb")
    try:
        (case_id,) = seed_reviewed_cases(wb, 1)
        add_document(wb, case_id, two_page_pdf(tmp_path / "起诉书.pdf"), "起诉书")
        before = case_detail(wb, case_id)
        assert before is not None
        doc = max((d for d in before.documents if d.original_name == "起诉书.pdf"), key=lambda d: d.id)
        assert doc.available
        doc.path.unlink()  # what a second workstation without the shared folder sees
        detail = case_detail(wb, case_id)
    finally:
        wb.close()
    assert detail is not None
    missing = next(d for d in detail.documents if d.id == doc.id)
    assert not missing.available
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_case(detail)
    row = detail.documents.index(missing)
    size_cell = pane.documents.index(row, 2)
    assert pane.documents.data(size_cell) == pane.tr("Not on this workstation")
    pane.documents_view.doubleClicked.emit(pane.documents.index(row, 0))
    assert opened == []
    (box,) = pane.findChildren(QMessageBox)
    assert box.text() == missing_file_message("起诉书.pdf") and "起诉书.pdf" in box.text()
    box.close()

    viewer = DossierViewer()
    qtbot.addWidget(viewer)
    viewer.set_documents(detail.documents)
    assert viewer.show_page(missing.id, 1)
    assert viewer.image.text() == missing_file_message("起诉书.pdf")
    assert not viewer.external_button.isEnabled()
    viewer.open_externally()
    assert opened == []
    viewer.close_documents()
