"""A finding recorded while another process imports a large export: it lands after the import or gets the
plain busy message — never another error.

The child process imports a 20 000-case demo export (no dossiers); its store phase holds the write lock for a
few seconds, which is all the overlap needs (benchmarks/bench_gui_stall.py runs the 100 000-case version).
The parent records its finding once the child is storing and the lock is seen to be held.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.demo import generate_demo
from reviewapp.errors import KnownError
from reviewapp.services.reviews.commands import record_finding, start_review
from reviewapp.storage.database import DatabaseBusy, busy_message
from reviewapp.storage.models import AuditEntry, Finding
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.reviews_fixtures import ADMIN, CLOSED, ReviewDb, make_review_db
from tests.db_target import write_lock_held

ROOT = Path(__file__).resolve().parents[2]
CASES = 20_000

IMPORTER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.workbench import Workbench

    db, export, marker, login, password = sys.argv[1:6]
    wb = Workbench.open(db)
    log_in(wb, login, password)
    marks = {}

    import reviewapp.services.cases.intake as intake

    stored_chunk = intake._Phase.store

    def store(phase, done):
        # The first chunk is stored: the store phase holds the write lock (inside the write path's transaction)
        # and most of the file is still to be stored.
        if "store" not in marks:
            marks["store"] = time.time()
            Path(marker).touch()
        stored_chunk(phase, done)

    intake._Phase.store = store
    summary = import_cases(wb, Path(export))
    print(json.dumps({"imported": summary.imported, "store": marks["store"], "done": time.time()}))
    wb.close()
    """
)


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_demo(tmp_path_factory.mktemp("big"), cases=CASES, dossiers=False).workbook


@pytest.fixture
def review_db(tmp_path: Path) -> Iterator[ReviewDb]:
    db = make_review_db(tmp_path)
    yield db
    db.close()


def _start_import(db: ReviewDb, export: Path) -> tuple[subprocess.Popen[str], Path]:
    marker = Path(tempfile.mkdtemp(prefix="import-")) / "storing"
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(db.path), str(export), str(marker), login_for(ADMIN), PASSWORD],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert child.poll() is None, child.communicate()[1]
        assert time.monotonic() < deadline, "the import never reached its store phase"
        time.sleep(0.01)
    assert write_lock_held(db.path), "the import's store phase should hold the write lock"
    return child, marker


def _finish(child: subprocess.Popen[str]) -> dict[str, float]:
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    result: dict[str, float] = json.loads(out)
    assert result["imported"] == CASES
    return result


def _first_item(db: ReviewDb) -> tuple[int, str, str]:
    state = start_review(db.wb, db.case_ids[CLOSED])
    item = state.standard.items_for("审查起诉")[0]
    return state.id, item.code, item.severities[0]


def _audit_seq(db: ReviewDb, action: str) -> list[int]:
    with db.wb.db.session() as s:
        return list(s.scalars(select(AuditEntry.seq).where(AuditEntry.action == action).order_by(AuditEntry.seq)))


@pytest.mark.slow
def test_a_finding_recorded_during_a_large_import_waits_and_lands_after_it(
    review_db: ReviewDb, big_export: Path
) -> None:
    db = review_db
    review_id, item, severity = _first_item(db)
    waits: list[float] = []
    db.wb.busy_listener = waits.append
    child, _ = _start_import(db, big_export)
    try:
        state = record_finding(db.wb, review_id, item, severity, "导入期间记录的问题")
    finally:
        result = _finish(child)
    assert [f.item_code for f in state.findings] == [item]
    assert waits, "the finding should have waited for the import's lock"
    # It landed after the import: its audit entry follows the import's in the chain.
    (imported,), (finding,) = _audit_seq(db, "cases.import")[-1:], _audit_seq(db, "finding.record")
    assert finding > imported
    assert result["store"] < result["done"]


@pytest.mark.slow
def test_a_finding_that_waits_past_the_limit_gets_the_plain_busy_message(
    tmp_path: Path, big_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWAPP_LOCK_WAIT", "0.5")
    db = make_review_db(tmp_path)
    try:
        assert db.wb.db.lock_wait == 0.5
        review_id, item, severity = _first_item(db)
        child, _ = _start_import(db, big_export)
        try:
            with pytest.raises(DatabaseBusy) as err:
                record_finding(db.wb, review_id, item, severity, "导入期间记录的问题")
        finally:
            _finish(child)
        assert isinstance(err.value, KnownError) and str(err.value) == busy_message()
        with db.wb.db.session() as s:  # nothing of the refused finding was written
            assert s.scalars(select(Finding).where(Finding.review_id == review_id)).all() == []
        assert _audit_seq(db, "finding.record") == []
        # Once the import is done the same finding lands.
        state = record_finding(db.wb, review_id, item, severity, "导入期间记录的问题")
        assert [f.item_code for f in state.findings] == [item]
    finally:
        db.close()
