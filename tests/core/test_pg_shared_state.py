"""What two workstations on one server share: settings and standards live in the database; dossier files in the
shared store named by REVIEWAPP_DOSSIER_STORE, and a workstation without them can tell which it lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.services.cases.dossiers import add_document
from reviewapp.services.cases.query import case_detail
from reviewapp.services.results.settings import get_setting, set_setting
from reviewapp.services.reviews.standards_store import list_standard_versions
from reviewapp.services.workbench import Workbench
from reviewapp.storage.dossier_store import STORE_ENV
from tests.accounts_fixtures import sign_in
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import open_workbench

pytestmark = pytest.mark.postgresql_only


def test_two_workstations_share_settings_standards_and_the_dossier_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "share"
    monkeypatch.setenv(STORE_ENV, str(shared))
    first = open_workbench(tmp_path)
    try:
        (case_id,) = seed_reviewed_cases(first, 1)
        set_setting(first, "notice.reply_days", 12)
        pdf = tmp_path / "起诉书.pdf"
        pdf.write_bytes(b"%PDF-1.4 shared")
        add_document(first, case_id, pdf, "起诉书")
        assert first.dossiers.root == shared
        second = Workbench.open(first.db.url)  # another workstation, the same share mounted
        try:
            sign_in(second)
            assert get_setting(second, "notice.reply_days") == 12
            assert [v.id for v in list_standard_versions(second)] == [v.id for v in list_standard_versions(first)]
            detail = case_detail(second, case_id)
            assert detail is not None
            doc = max((d for d in detail.documents if d.original_name == "起诉书.pdf"), key=lambda d: d.id)
            assert doc.path.read_bytes() == b"%PDF-1.4 shared"
        finally:
            second.close()
        monkeypatch.setenv(STORE_ENV, str(tmp_path / "elsewhere"))
        lacking = Workbench.open(first.db.url)  # a workstation without the share
        try:
            sign_in(lacking)
            detail = case_detail(lacking, case_id)
            assert detail is not None
            doc = max((d for d in detail.documents if d.original_name == "起诉书.pdf"), key=lambda d: d.id)
            stored = doc.path.relative_to(lacking.dossiers.root).as_posix()
            assert not lacking.dossiers.available(stored)
            assert first.dossiers.available(stored, doc.path.name.split(".")[0])
        finally:
            lacking.close()
    finally:
        first.close()
