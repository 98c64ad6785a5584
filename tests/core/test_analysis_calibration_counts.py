"""The calibration counted in arrays (calibration_counts.count_panels) gives exactly the report of the plain
Python reference (calibration.reference_counts over calibration_data.load_panels): on the hand-checked panel
and on synthetic panels of two to four members with a member's item found twice."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.bench_calibration import LOGIN, PASSWORD, build
from reviewapp.services.accounts.login import log_in
from reviewapp.services.analysis.calibration import calibration, reference_counts, report_of
from reviewapp.services.analysis.calibration_counts import count_panels
from reviewapp.services.analysis.calibration_data import load_panels
from reviewapp.services.analysis.filters import reader_scope
from reviewapp.services.analysis.periods import Period, parse_period
from reviewapp.services.workbench import Workbench
from tests.core.panel_fixtures import LEAD, PanelDb, make_panel_db
from tests.core.test_analysis_calibration import form


def _both(wb: Workbench, period: Period | None = None) -> tuple[object, object]:
    scope = reader_scope(wb)
    span = {} if period is None else {"start": period.start, "end": period.end}
    fast = report_of(count_panels(wb, scope, **span), None, period)  # type: ignore[arg-type]
    reference = report_of(reference_counts(load_panels(wb, scope, **span)), None, period)  # type: ignore[arg-type]
    return fast, reference


@pytest.fixture
def p(tmp_path: Path) -> Iterator[PanelDb]:
    db = make_panel_db(tmp_path)
    yield db
    db.close()


def test_the_hand_checked_panel(p: PanelDb) -> None:
    form(p)
    p.act_as(LEAD)
    fast, reference = _both(p.wb)
    assert fast == reference
    assert calibration(p.wb) == fast


def test_an_item_counted_twice_stands_at_its_most_severe_level() -> None:
    # The write path keeps one live finding per item and review (recording an item again changes it); should
    # a store hold two, the level is the most severe, whatever order the database returns them in.
    import numpy as np

    from reviewapp.services.analysis.calibration_counts import _most_severe_per_key

    keys = np.array([7, 3, 7, 3, 9], dtype=np.int64)
    levels = np.array([2, 1, 3, 0, 1], dtype=np.int64)
    at = _most_severe_per_key(keys, levels)
    assert keys[at].tolist() == [3, 7, 9] and levels[at].tolist() == [1, 3, 1]


def test_nothing_formed(p: PanelDb) -> None:
    p.act_as(LEAD)
    fast, reference = _both(p.wb)
    assert fast == reference
    assert calibration(p.wb).overall.files == 0


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    path = tmp_path_factory.mktemp("calibration") / "panels.sqlite3"
    build(path, 240)
    con = sqlite3.connect(path)
    # Panels of two (a member dropped) and of four (a member added), and an item one member found twice.
    con.execute(
        "DELETE FROM reviews WHERE id IN "
        "(SELECT MAX(id) FROM reviews WHERE kind = 'member' AND file_id % 7 = 0 GROUP BY file_id)"
    )
    con.execute(
        "INSERT INTO reviews (kind, file_id, case_id, reviewer_id, round, review_type, standard_id, scheme_id, status, "
        "ticked_criteria, excellence_justification, proposed_grade, proposal_explanation, override_reason, "
        "submitted_at, uid, created_at, updated_at, panel_size) "
        "SELECT 'member', r.id, r.case_id, (SELECT MAX(id) FROM people WHERE is_reviewer = 1), 1, r.review_type, "
        "r.standard_id, r.scheme_id, 'submitted', '[]', '', '基本合格', '', '', r.submitted_at, 'u' || r.id, "
        "r.created_at, r.updated_at, 4 FROM reviews r WHERE r.kind = 'opinion' AND r.id % 5 = 1"
    )
    con.execute(
        "INSERT INTO findings (review_id, item_code, severity, reason, uid, created_at, updated_at, origin) "
        "SELECT r.id, f.item_code, '严重司法错误', '', 'x' || f.id, f.created_at, f.updated_at, '' "
        "FROM reviews r JOIN findings f ON f.review_id = r.file_id "
        "WHERE r.kind = 'member' AND r.panel_size = 4"
    )
    con.execute(
        "INSERT INTO findings (review_id, item_code, severity, reason, uid, created_at, updated_at, origin) "
        "SELECT review_id, item_code, '司法瑕疵', '', 'd' || id, created_at, updated_at, '' FROM findings "
        "WHERE id % 11 = 0 AND review_id IN (SELECT id FROM reviews WHERE kind = 'member')"
    )
    con.commit()
    con.close()
    wb = Workbench.open(path)
    log_in(wb, LOGIN, PASSWORD)
    yield wb
    wb.close()


@pytest.mark.parametrize("period", [None, "2026Q3", "2026-03"])
def test_synthetic_panels_of_two_to_four(synthetic: Workbench, period: str | None) -> None:
    fast, reference = _both(synthetic, parse_period(period) if period else None)
    assert fast == reference
    assert fast.overall.files > 0 and fast.pairs  # type: ignore[attr-defined]


def test_the_synthetic_panels_differ_in_size(synthetic: Workbench) -> None:
    counted = count_panels(synthetic, reader_scope(synthetic))
    assert {m for _, m in counted.counts.rated} == {2, 3, 4}
    assert counted.counts.found and counted.counts.lean
