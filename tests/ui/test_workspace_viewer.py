"""The dossier viewer (PDF pages rendered in the app, pictures, other files), evidence links that jump to
their page, the checklist tree model, and the shortcuts help."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from reviewapp.demo import generate_demo
from reviewapp.exports import register_fonts
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.query import CaseDetail, DocumentRow, case_detail
from reviewapp.services.reviews.commands import EvidenceRef, FindingRow, ReviewState, start_review
from reviewapp.services.workbench import Workbench
from reviewapp.standards import standard_for_case_type
from reviewapp.standards.model import Standard
from reviewapp.storage.models import Case, DossierDocument
from tests.accounts_fixtures import REVIEWER, sign_in
from tests.ui.test_workspace_scoring import settle
from ui.i18n import install_translators
from ui.workspace import ScoringWorkspace
from ui.workspace.checklist_model import ChecklistModel
from ui.workspace.dossier_viewer import DossierViewer
from ui.workspace.pages import PageSource, kind_of
from ui.workspace.reopen_dialog import ReopenDialog


def dark_pixels(image: QImage, step: int = 4) -> int:
    """How many sampled pixels are clearly not white: text drawn on the page."""
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if QColor(image.pixel(x, y)).lightness() < 128
    )


def two_page_pdf(path: Path) -> Path:
    fonts = register_fonts()
    canvas = Canvas(str(path), pagesize=A4)
    for page in (1, 2):
        canvas.setFont(fonts.body, 28)
        canvas.drawString(72, 700, f"起诉意见书　第{page}页")
        canvas.drawString(72, 640, "犯罪嫌疑人张某涉嫌盗窃罪一案")
        canvas.showPage()
    canvas.save()
    return path


def test_pdf_pages_render_with_their_text(tmp_path: Path) -> None:
    source = PageSource(two_page_pdf(tmp_path / "起诉意见书.pdf"))
    try:
        assert source.kind == "pdf" and source.page_count == 2
        small, large = source.render(1, 0.5), source.render(1, 1.0)
        assert not small.isNull() and large.width() == pytest.approx(2 * small.width(), abs=2)
        assert large.width() == pytest.approx(595 * 96 / 72, abs=2)  # A4 at its real size on a 96 dpi screen
        assert dark_pixels(large) > 50
        assert source.render(3, 1.0).isNull()  # past the last page: nothing, not a crash
    finally:
        source.close()


def test_pictures_and_other_files(qtbot: QtBot, tmp_path: Path) -> None:
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor("black"))
    assert picture.save(str(tmp_path / "现场照片.png"))
    (tmp_path / "审查报告.docx").write_bytes(b"PK\x03\x04 not really a document")
    assert kind_of(tmp_path / "x.PDF") == "pdf" and kind_of(tmp_path / "x.jpg") == "image"
    docs = [
        DocumentRow(1, "现场照片", "现场照片.png", tmp_path / "现场照片.png", 100),
        DocumentRow(2, "审查报告", "审查报告.docx", tmp_path / "审查报告.docx", 30),
    ]
    viewer = DossierViewer()
    qtbot.addWidget(viewer)
    viewer.set_documents(docs)
    assert viewer.current() == (1, 1)
    pixmap = viewer.image.pixmap()
    assert not pixmap.isNull() and pixmap.width() == round(200 * viewer.zoom)
    viewer.doc_combo.setCurrentIndex(1)
    assert viewer.current() is None  # nothing to link: the file opens outside
    assert "审查报告.docx" in viewer.image.text() and viewer.external_button.isEnabled()
    viewer.close_documents()


def test_checklist_model_contract(qtmodeltester: ModelTester) -> None:
    standard = standard_for_case_type("审查逮捕")
    assert standard is not None
    model = ChecklistModel(standard, "审查逮捕")
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "E  证据采信"
    e2 = model.index_of("E2")
    assert model.parent(e2) == model.index(0, 0) and model.item_at(e2) == standard.item("E2")
    item = standard.item("E2")
    model.set_findings(
        [
            FindingRow(
                7,
                "E2",
                item.text,
                "E",
                "证据采信",
                "司法瑕疵",
                None,
                "物证保管记录缺失",
                None,
                None,
                (EvidenceRef(3, 2, "起诉意见书"),),
            )
        ]
    )
    qtmodeltester.check(model)
    assert model.data(e2.siblingAtColumn(1)) == "司法瑕疵"
    assert model.data(model.index(0, 1)) == "问题：1"
    assert "物证保管记录缺失" in model.data(e2, Qt.ItemDataRole.ToolTipRole)
    assert model.item_codes() == [it.code for it in model.groups[0][2]] + model.item_codes()[len(model.groups[0][2]) :]


def test_an_items_basis_is_shown_in_its_tooltip(qtmodeltester: ModelTester) -> None:
    standard = standard_for_case_type("审查逮捕")
    assert standard is not None
    data = standard.to_dict()
    for item in data["items"]:
        if item["code"] == "E2":
            item["basis"] = "《人民检察院刑事诉讼规则》第二百五十六条"
    model = ChecklistModel(Standard.from_dict(data), "审查逮捕")
    qtmodeltester.check(model)
    tip = model.data(model.index_of("E2"), Qt.ItemDataRole.ToolTipRole)
    assert "依据：《人民检察院刑事诉讼规则》第二百五十六条" in tip
    assert "依据" not in model.data(model.index_of("E1"), Qt.ItemDataRole.ToolTipRole)  # none given: no line


@pytest.fixture
def workspace(qtbot: QtBot, wb: Workbench, tmp_path: Path) -> ScoringWorkspace:
    import_cases(wb, generate_demo(tmp_path / "demo", cases=4).workbook)
    sign_in(wb, "李评查", roles=[REVIEWER], unit="演示市人民检察院")
    with wb.db.session() as s:
        case_id = s.scalar(
            select(Case.id)
            .join(DossierDocument, DossierDocument.case_id == Case.id)
            .where(Case.closed_on.is_not(None))
            .group_by(Case.id)
            .having(func.count(DossierDocument.id) >= 2)
            .order_by(Case.id)
        )
    assert case_id is not None
    window = ScoringWorkspace.open_for_case(wb, case_id)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.tree.setFocus()
    return window


def test_link_the_current_page_and_jump_back_to_it(
    qtbot: QtBot, qtmodeltester: ModelTester, workspace: ScoringWorkspace
) -> None:
    viewer = workspace.viewer
    first = viewer.documents[0]
    assert viewer.current() == (first.id, 1)
    assert dark_pixels(viewer.image.pixmap().toImage()) > 50  # a real page of the demo dossier is on screen
    assert viewer.source is not None and viewer.source.page_count >= 2
    qtbot.keyClick(workspace.tree, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert viewer.current() == (first.id, 2) and viewer.page_label.text() == f"2 / {viewer.source.page_count}"
    qtbot.keyClick(workspace.tree, "l")  # nothing to link to yet: no finding on the item
    assert workspace.editor.evidence_model.rowCount() == 0
    qtbot.keyClick(workspace.tree, "1")
    settle(qtbot, workspace)  # the finding is saved on the write runner
    qtbot.keyClick(workspace.tree, "l")
    settle(qtbot, workspace)
    finding = workspace.session.finding("E1")
    assert finding is not None and [(e.document_id, e.page) for e in finding.evidence] == [(first.id, 2)]
    assert (
        workspace.editor.evidence_model.data(workspace.editor.evidence_model.index(0, 0)) == f"{first.title} — 第 2 页"
    )
    qtmodeltester.check(workspace.editor.evidence_model)
    qtmodeltester.check(viewer.doc_model)
    qtmodeltester.check(workspace.editor.phrase_model)

    viewer.doc_combo.setCurrentIndex(1)  # read on in another document …
    assert viewer.current() == (viewer.documents[1].id, 1)
    view = workspace.editor.evidence_view
    rect = view.visualRect(workspace.editor.evidence_model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert viewer.current() == (first.id, 2)  # … and one click on the link brings the page back
    assert viewer.doc_combo.currentIndex() == 0

    zoom = viewer.zoom
    width = viewer.image.pixmap().width()
    viewer.zoom_in()
    assert viewer.zoom > zoom and viewer.image.pixmap().width() > width


def test_the_editor_shows_the_chosen_items_basis(workspace: ScoringWorkspace) -> None:
    item = workspace.model.item_at(workspace.model.index_of("E1"))
    assert item is not None and not item.basis
    workspace.editor.show_item(item)
    assert "依据" not in workspace.editor.facts.text()
    cited = replace(item, basis="《刑事诉讼法》第一百七十二条")
    workspace.editor.show_item(cited)
    lines = workspace.editor.facts.text().splitlines()
    assert lines[-1] == "依据：《刑事诉讼法》第一百七十二条" and "扣" in lines[0]  # its own line, after the points


def test_shortcuts_help_lists_the_keys(qtbot: QtBot, qtmodeltester: ModelTester, workspace: ScoringWorkspace) -> None:
    qtbot.keyClick(workspace.tree, Qt.Key.Key_F1)
    dialog = workspace.help_dialog
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    rows = {r[1]: r[0] for r in dialog.model.rows}
    assert rows["下一评查项"] == "J" and rows["认定为一般司法错误"] == "2"
    assert rows["清除该项问题"] == "0, Del"
    assert rows["下一 / 上一评查项（在评查项列表中）"] == "↓ / ↑"
    assert "Ctrl+Shift+Z" in rows["重做"]
    assert rows["提交评查"] == QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
    dialog.close()


def test_workspace_and_its_dialogs_in_both_languages(qtbot: QtBot, wb: Workbench, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install_translators(app, "en")
        english = ScoringWorkspace(wb, *_state_and_detail(wb, tmp_path))
        qtbot.addWidget(english)
        assert english.navigation_actions[0].text() == "Next item"
        assert english.grade.submit_button.text() == "Submit (Ctrl+Enter)"
        dialog = ReopenDialog.ask(english)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Reopen the review"
        install_translators(app, "zh_CN")
        chinese = ScoringWorkspace(wb, *_state_and_detail(wb, tmp_path))
        qtbot.addWidget(chinese)
        assert chinese.navigation_actions[0].text() == "下一评查项"
        assert chinese.model.headerData(0, Qt.Orientation.Horizontal) == "评查项"
        assert english.model.headerData(0, Qt.Orientation.Horizontal) == "Checklist item"
        help_dialog = chinese.show_shortcuts()
        qtbot.addWidget(help_dialog)
        assert help_dialog.windowTitle() == "快捷键"
    finally:
        install_translators(app, "zh_CN")


def _state_and_detail(wb: Workbench, tmp_path: Path) -> tuple[ReviewState, CaseDetail]:
    if wb.user.name != "赵评查":
        import_cases(wb, generate_demo(tmp_path / "demo", cases=2).workbook)
        sign_in(wb, "赵评查", roles=[REVIEWER], unit="演示市人民检察院")
    with wb.db.session() as s:
        case_id = s.scalar(select(Case.id).where(Case.closed_on.is_not(None)).order_by(Case.id))
    assert case_id is not None
    detail = case_detail(wb, case_id)
    assert detail is not None
    return start_review(wb, case_id), detail
