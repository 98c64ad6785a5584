"""The offline review form, filled in Excel and imported through the headless commands, gives the same
findings and grade as a reviewer entering them by keyboard in the scoring workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewapp.cli.main import main as cli_main
from reviewapp.services.cases.query import case_detail
from reviewapp.services.reviews.commands import find_review
from reviewapp.services.workbench import Workbench
from reviewapp.standards import ERROR, FLAW
from tests.accounts_fixtures import PASSWORD, REVIEWER, login_for, sign_in
from tests.core.test_review_form_roundtrip import _fill
from tests.ui.test_workspace_scoring import demo_workbook, key, open_window, reviewable_case, write_reason

__all__ = ["demo_workbook"]  # the module-scoped fixture

ENTRIES = [
    ("E5", "1", FLAW, "扣押清单无见证人签名未补正"),
    ("P10", "2", ERROR, "审查起诉期限届满后第9日才作出起诉决定"),
]


def test_offline_form_matches_the_workspace(
    qtbot: QtBot, wb: Workbench, demo_workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = reviewable_case(wb, demo_workbook)
    window = open_window(qtbot, wb, case_id)
    for code, severity_key, _severity, reason in ENTRIES:
        assert window.select_item(code)
        key(qtbot, window, severity_key)
        write_reason(qtbot, window, reason)
    in_ui = window.session.state
    window.close()

    other = sign_in(wb, "李评查", roles=[REVIEWER], unit="演示市人民检察院", department="案件管理部")
    monkeypatch.setenv("REVIEWAPP_PASSWORD", PASSWORD)  # the headless commands log in as 李评查
    user = ["--user", login_for("李评查")]
    detail = case_detail(wb, case_id)
    assert detail is not None
    form = tmp_path / "评查表.xlsx"
    db = wb.db.url
    number = detail.row.dept_case_no
    assert cli_main(["review-form", "export", number, "--out", str(form), "--db", db, *user]) == 0
    _fill(form, [(code, sev, sev, reason, None, []) for code, _k, sev, reason in ENTRIES])
    assert cli_main(["review-form", "import", str(form), "--db", db, *user]) == 0

    assert other.person_id is not None
    from_form = find_review(wb, case_id, other.person_id)
    assert from_form is not None
    assert [(f.item_code, f.severity, f.reason) for f in from_form.findings] == [
        (f.item_code, f.severity, f.reason) for f in in_ui.findings
    ]
    assert from_form.proposal.grade == in_ui.proposal.grade == "不合格"
    assert from_form.proposal.explanation == in_ui.proposal.explanation
