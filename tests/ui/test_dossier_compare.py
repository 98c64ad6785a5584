"""A comparison rule's suggested finding in the scoring workspace: selecting it opens the dossier page with
the quoted text highlighted, and accepting it makes a finding whose evidence is that page."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.demo import generate_demo
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.dossier.compare import compare_cases, dossier_results
from reviewapp.services.dossier.scan import scan_dossiers
from reviewapp.services.reviews.commands import review_state, start_review, undo_review_edit
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, FindingEvidence
from tests.accounts_fixtures import REVIEWER, sign_in
from ui.workspace.window import ScoringWorkspace


@pytest.fixture
def disagreement(wb: Workbench, tmp_path: Path) -> tuple[int, str]:
    """(review id, rule id) of a closed demo case whose card and documents disagree."""
    out = generate_demo(tmp_path / "demo", cases=24)
    import_cases(wb, out.workbook)
    scan_dossiers(wb, use_ocr=False)  # the text layer is enough here; OCR has its own tests
    compare_cases(wb)
    with wb.db.session() as s:
        cases = list(s.execute(select(Case.id, Case.unit_id, Case.closed_on)).all())
    for case_id, _unit, closed in cases:
        found = [r for r in dossier_results(wb, case_id) if r.status == "violation" and r.item_code == "U4"]
        if closed is not None and found:
            with wb.db.session() as s:
                unit = s.scalar(select(Case).where(Case.id == case_id))
                assert unit is not None
                from reviewapp.storage.models import Unit

                unit_name = s.scalar(select(Unit.name).where(Unit.id == unit.unit_id))
            sign_in(wb, "界面评查员", roles=[REVIEWER], unit=unit_name or "")
            return start_review(wb, case_id).id, found[0].rule_id
    raise AssertionError("the demo plants card/document disagreements")


def test_the_suggestion_opens_its_page_highlighted_and_accepting_links_the_page(
    qtbot, wb: Workbench, disagreement: tuple[int, str], tmp_path: Path
) -> None:
    review_id, rule_id = disagreement
    window = ScoringWorkspace.show_review(wb, review_state(wb, review_id))
    qtbot.addWidget(window)
    panel = window.suggestions
    panel.select_rule(rule_id)
    current = panel.current()
    assert current is not None and current.rule_id == rule_id
    quote = current.facts[0]["evidence"][0]
    assert window.viewer.current() == (quote["document_id"], quote["page"])
    assert window.viewer.highlight_place == (quote["document_id"], quote["page"]) and window.viewer.highlights
    assert window.viewer.found_model.rowCount() >= 2  # the documents recognised in the dossier
    window.grab().save(str(tmp_path / "workspace.png"))
    with qtbot.waitSignal(panel.decided, timeout=20000):
        assert panel.accept_current()
    with wb.db.session() as s:
        pages = s.execute(select(FindingEvidence.document_id, FindingEvidence.page)
                          .where(FindingEvidence.deleted_at.is_(None))).all()  # fmt: skip
    assert (quote["document_id"], quote["page"]) in [tuple(p) for p in pages]
    state = review_state(wb, review_id)
    finding = next(f for f in state.findings if f.source_check == rule_id)
    assert finding.item_code == "U4"
    window.close()
    undo_review_edit(wb, review_id)  # one undo step: the finding and its evidence go together
    assert not any(f.source_check == rule_id for f in review_state(wb, review_id).findings)
    with wb.db.session() as s:
        live = s.execute(select(FindingEvidence.id).where(FindingEvidence.deleted_at.is_(None))).all()
    assert live == []
