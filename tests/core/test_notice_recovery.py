"""A crash between recording notices and renaming their PDFs into place is completed at the next start; one
before the commit leaves nothing behind."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.cli.auth import open_workbench as open_cli_workbench
from reviewapp.services.results import notices, pending_files
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Notice
from tests.core.intake_fixtures import english_ui  # noqa: F401
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import open_workbench, set_issuer

ISSUED = date(2026, 3, 20)
pytestmark = pytest.mark.usefixtures("english_ui")


class Crash(BaseException):
    """Stands in for SIGKILL: nothing after it runs (finally blocks are disabled below)."""


def _crash_after_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(tmp: Path, final: Path) -> None:
        raise Crash()

    monkeypatch.setattr(notices, "place", crash)  # the commit happened; the renames never do
    monkeypatch.setattr(pending_files.PendingFiles, "close", lambda self: None)  # a killed process cleans nothing


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_crash_after_the_commit_is_completed_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = open_workbench(tmp_path)
    set_issuer(wb)
    ids = seed_reviewed_cases(wb, 3)
    out = tmp_path / "notices"
    _crash_after_commit(monkeypatch)
    with pytest.raises(Crash):
        issue_notices(wb, ids, out_dir=out, issued_on=ISSUED)
    target = wb.db.url  # a file path on SQLite, the server URL on PostgreSQL
    wb.close()
    assert all(name.endswith(".tmp") for name in _files(out)) and len(_files(out)) == 3
    monkeypatch.undo()

    again = open_cli_workbench(str(target))  # the next start, here of a command
    try:
        assert again.recovered and "3 notice file(s)" in again.recovered[0]
        assert again.recovered[0] in capsys.readouterr().err  # said to the user, not only logged
        with again.db.session() as s:
            rows = list(s.scalars(select(Notice)))
        assert len(rows) == 3
        for row in rows:
            assert hashlib.sha256(Path(row.file_path).read_bytes()).hexdigest() == row.file_sha256
        assert not [n for n in _files(out) if n.endswith(".tmp")]
        assert _files(pending_files.journal_dir(again)) == []
    finally:
        again.close()
    assert Workbench.open(target).recovered == []  # nothing left to do the time after


# The simulated kill (a BaseException inside the write transaction) leaves the driver's connection for the
# garbage collector, as a real kill leaves it to the server; psycopg warns about that, sqlite3 does not.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_crash_before_the_commit_leaves_no_file_and_no_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = open_workbench(tmp_path)
    set_issuer(wb)
    ids = seed_reviewed_cases(wb, 2)
    out = tmp_path / "notices"

    def crash(*args: object, **kwargs: object) -> None:
        raise Crash()

    monkeypatch.setattr(notices, "_record", crash)
    monkeypatch.setattr(pending_files.PendingFiles, "close", lambda self: None)
    with pytest.raises(Crash):
        issue_notices(wb, ids, out_dir=out, issued_on=ISSUED)
    target = wb.db.url  # a file path on SQLite, the server URL on PostgreSQL
    wb.close()
    monkeypatch.undo()
    assert len(_files(out)) == 2  # the rendered temporary files

    again = Workbench.open(target)
    try:
        assert again.recovered and "2 temporary file(s)" in again.recovered[0]
        assert _files(out) == []
        with again.db.session() as s:
            assert list(s.scalars(select(Notice))) == []
    finally:
        again.close()


def test_an_issue_that_completes_leaves_no_journal(tmp_path: Path) -> None:
    wb = open_workbench(tmp_path)
    set_issuer(wb)
    issued = issue_notices(wb, seed_reviewed_cases(wb, 2), out_dir=tmp_path / "n", issued_on=ISSUED)
    assert sorted(p.name for p in (tmp_path / "n").iterdir()) == sorted(n.path.name for n in issued)
    assert _files(pending_files.journal_dir(wb)) == []
    wb.close()
