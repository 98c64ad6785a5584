"""`calibration` and `training` on the command line: the same figures as the service, the whole training
round (mark, start, record, submit, compare), and the refusals with their exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewapp.cli.common import EXIT_AUTH, EXIT_KNOWN, EXIT_OK
from reviewapp.services.analysis.calibration import calibration
from tests.accounts_fixtures import PASSWORD, REVIEWER, login_for, sign_in
from tests.core.cli_fixtures import CliRunner, Result
from tests.core.intake_fixtures import english_ui
from tests.core.panel_fixtures import CASE_NO, LEAD, PanelDb, make_panel_db
from tests.core.plans_fixtures import ADMIN, CITY
from tests.core.test_analysis_calibration import form
from tests.db_target import database_at

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]
TRAINEE = "培训评查员"


@pytest.fixture
def p(tmp_path: Path) -> Iterator[PanelDb]:
    db = make_panel_db(tmp_path)
    yield db
    db.close()


def _as(cli: CliRunner, name: str, *argv: str) -> Result:
    return cli(*argv, user=login_for(name), password=PASSWORD)


def test_calibration_and_a_training_round_on_the_command_line(
    p: PanelDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    form(p)
    sign_in(p.wb, TRAINEE, roles=[REVIEWER], unit=CITY, department="案件管理部")
    p.act_as(LEAD)
    expected = calibration(p.wb).to_json()
    cli = CliRunner(database_at(tmp_path, "plans.sqlite3"), monkeypatch, capsys)
    r = _as(cli, LEAD, "calibration", "--json")
    assert r.code == EXIT_OK, r.err
    assert r.json()["overall"] == pytest.approx(expected["overall"])
    assert [x["reviewer"] for x in r.json()["reviewers"]] == sorted(p.members)
    text = _as(cli, LEAD, "calibration").out
    assert "Leniency" in text and "E5" in text
    assert _as(cli, LEAD, "calibration", "--period", "2001", "--json").json()["overall"]["files"] == 0
    assert _as(cli, LEAD, "calibration", "--period", "soon").code == EXIT_KNOWN
    assert _as(cli, p.members[0], "calibration").code == EXIT_AUTH  # a reviewer reads no calibration
    # Training: marked by the administrator, practised by a reviewer who was not on the panel.
    assert _as(cli, TRAINEE, "training", "mark-gold", CASE_NO).code == EXIT_AUTH
    assert _as(cli, ADMIN, "training", "mark-gold", CASE_NO, "--note", "证据审查").code == EXIT_OK
    assert CASE_NO in _as(cli, TRAINEE, "training", "list").out
    assert _as(cli, p.members[0], "training", "start", CASE_NO).code == EXIT_KNOWN  # sat on the panel
    assert _as(cli, TRAINEE, "training", "record", CASE_NO, "E1", "--severity", "瑕").code == EXIT_KNOWN  # not started
    assert _as(cli, TRAINEE, "training", "start", CASE_NO).code == EXIT_OK
    assert (
        _as(cli, TRAINEE, "training", "record", CASE_NO, "E1", "--severity", "瑕", "--reason", "未告知").code == EXIT_OK
    )
    assert _as(cli, TRAINEE, "training", "record", CASE_NO, "E5", "--severity", "严").code == EXIT_KNOWN  # not allowed
    assert _as(cli, TRAINEE, "training", "compare", CASE_NO).code == EXIT_KNOWN  # nothing submitted yet
    r = _as(cli, TRAINEE, "training", "submit", CASE_NO, "--json")
    assert r.code == EXIT_OK, r.err
    verdicts = {row["item_code"]: row["verdict"] for row in r.json()["rows"]}
    assert verdicts == {"E1": "same", "E5": "missed"}
    text = _as(cli, TRAINEE, "training", "compare", CASE_NO).out
    assert "missed" in text and "E5" in text
    attempts = _as(cli, LEAD, "training", "attempts", CASE_NO, "--json").json()
    assert [(a["reviewer"], a["status"]) for a in attempts] == [(TRAINEE, "submitted")]
    r = _as(cli, LEAD, "training", "compare", CASE_NO, "--review", str(attempts[0]["review_id"]), "--json")
    assert r.code == EXIT_OK and r.json()["same"] == 1
    # The attempt changed no figure.
    assert _as(cli, LEAD, "calibration", "--json").json()["overall"] == pytest.approx(expected["overall"])
    assert _as(cli, ADMIN, "training", "unmark-gold", CASE_NO, "--reason", "过时").code == EXIT_OK
    assert "No gold cases" in _as(cli, TRAINEE, "training", "list").out
