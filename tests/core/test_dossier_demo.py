"""The demo dossiers plant card/document and three-document disagreements and hold image-only scanned pages:
read (OCR included) and compared, every comparison rule fires, and the counts stay what they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.checks.results import Status
from reviewapp.demo import generate_demo
from reviewapp.dossier import ocr
from reviewapp.dossier.rules import DOSSIER_RULES
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.dossier.compare import compare_cases
from reviewapp.services.dossier.scan import scan_dossiers
from tests.core.services_fixtures import open_workbench

# Disagreements per rule on the 50-case demo (DEFAULT_SEED): the planted ones (reviewapp/demo/dossier_plants.py).
EXPECTED: dict[str, int] = {
    "DOC-CARD-DATE": 1,
    "DOC-CARD-CHARGE": 1,
    "DOC-CARD-NAME": 4,
    "DOC-CARD-AMOUNT": 1,
    "DOC-THREE-BOOKS": 2,
    "DOC-CHARGE-ARTICLE": 2,
    "DOC-NAME-ROLE": 3,
    "DOC-DATE-ORDER": 6,
    "DOC-RECOMMENDATION": 5,
}


@pytest.mark.slow
@pytest.mark.timeout(1800)  # OCR of the scanned pages: ~1 min on an idle PC, far more on a shared one
def test_every_rule_fires_on_the_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ocr.THREADS_ENV, "1")
    out = generate_demo(tmp_path / "demo", cases=50)
    wb = open_workbench(tmp_path)
    try:
        import_cases(wb, out.workbook)
        scan = scan_dossiers(wb)
        assert scan.ocr >= 1 and scan.unreadable == 0  # the scanned pages were read offline
        summary = compare_cases(wb)
    finally:
        wb.close()
    fired = {spec.rule_id: summary.count(spec.rule_id, Status.VIOLATION) for spec in DOSSIER_RULES}
    assert all(fired.values()), fired
    assert fired == EXPECTED
