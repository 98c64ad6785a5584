"""The panel commands (`panel compare|reconcile|dissent|meeting|finalise`) and blindness on the command line:
every command, as every role, while the panel scores blind — no member's work is printed or written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.cli.common import EXIT_AUTH, EXIT_BUG, EXIT_OK
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.cli_fixtures import CliRunner, Result
from tests.core.intake_fixtures import english_ui
from tests.core.panel_fixtures import CASE_NO, HANDLER, LEAD, ROLE_ACCOUNTS, SECRET, PanelDb, make_panel_db
from tests.core.pdf_probe import page_texts
from tests.core.plans_fixtures import ADMIN
from tests.db_target import database_at

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture
def p(tmp_path: Path) -> PanelDb:
    db = make_panel_db(tmp_path)
    yield db  # type: ignore[misc]
    db.close()


def _runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    return CliRunner(database_at(tmp_path, "plans.sqlite3"), monkeypatch, capsys)


def _as(cli: CliRunner, name: str, *argv: str) -> Result:
    return cli(*argv, user=login_for(name), password=PASSWORD)


def test_forming_the_opinion_on_the_command_line(
    p: PanelDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = p.members
    p.start_all()
    p.score(a)
    cli = _runner(tmp_path, monkeypatch, capsys)
    r = _as(cli, LEAD, "panel", "compare", CASE_NO)
    assert r.code == EXIT_AUTH and "blind" in r.err and SECRET not in r.out + r.err
    p.score(b)
    p.score(c)
    r = _as(cli, LEAD, "panel", "compare", CASE_NO, "--json")
    assert r.code == EXIT_OK, r.err
    data = r.json()
    assert data["open_items"] == ["E5", "F3"] and [m["reviewer"] for m in data["members"]] == [a, b, c]
    e5 = next(i for i in data["items"] if i["item_code"] == "E5")
    assert [m["severity"] for m in e5["members"]] == ["司法瑕疵", "一般司法错误", "司法瑕疵"]
    assert e5["members"][1]["reason"] == f"{SECRET}-{b}-E5" and e5["members"][1]["evidence"][0]["page"] == 2
    text = _as(cli, LEAD, "panel", "compare", CASE_NO).out
    assert "E5" in text and "DISAGREE" in text and f"{SECRET}-{b}-E5" in text
    # A member may not reconcile; an unknown severity and a missing reason are refused plainly.
    r = _as(cli, a, "panel", "reconcile", CASE_NO, "E5", "--severity", "瑕", "--reason", "x")
    assert r.code == EXIT_AUTH and r.err.startswith("Error:")
    r = _as(cli, LEAD, "panel", "reconcile", CASE_NO, "E5", "--severity", "严", "--reason", "x")
    assert r.code == 1 and "严" in r.err
    assert _as(cli, LEAD, "panel", "reconcile", CASE_NO, "E5", "--severity", "错").code == 1  # --reason required
    r = _as(cli, LEAD, "panel", "reconcile", CASE_NO, "E5", "--severity", "错", "--reason", "影响证据采信")
    assert r.code == EXIT_OK and "F3" in r.out, r.err
    r = _as(cli, LEAD, "panel", "finalise", CASE_NO)
    assert r.code == 1 and "F3" in r.err
    r = _as(cli, LEAD, "--json", "panel", "reconcile", CASE_NO, "F3", "--no-problem", "--reason", "表述无误")
    assert r.code == EXIT_OK and r.json()["open_items"] == [] and r.json()["changes"], r.err
    r = _as(cli, b, "panel", "dissent", CASE_NO, "--text", "E5应为瑕疵", "--item", "E5")
    assert r.code == EXIT_OK and b in r.out, r.err
    assert _as(cli, LEAD, "panel", "dissent", CASE_NO, "--text", "x").code == EXIT_AUTH  # not a member
    minutes = tmp_path / "纪要.docx"
    minutes.write_bytes(b"minutes")
    today = date.today().isoformat()
    r = _as(cli, LEAD, "panel", "meeting", CASE_NO, "--date", today, "--attendee", LEAD, "--attendee", a,
            "--minutes", "讨论分歧", "--attach", str(minutes))  # fmt: skip
    assert r.code == EXIT_OK and "1" in r.out, r.err
    assert _as(cli, LEAD, "panel", "meeting", CASE_NO, "--date", "2026-13-01", "--attendee", a, "--minutes", "m").code
    r = _as(cli, LEAD, "panel", "finalise", CASE_NO)
    assert r.code == EXIT_OK, r.err
    assert p.opinion().status == "awaiting_feedback"
    text = _as(cli, a, "panel", "compare", CASE_NO).out
    assert "E5应为瑕疵" in text and "讨论分歧" in text
    r = _as(cli, HANDLER, "panel", "compare", CASE_NO)
    assert r.code == EXIT_AUTH and SECRET not in r.out + r.err


def _contents(path: Path) -> str:
    """The text of a written file (a PDF's pages, a workbook's cells), or "" when none was written."""
    if not path.exists():
        return ""
    if path.suffix == ".pdf":
        return "".join(page_texts(path))
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return " ".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row)
    return "".join(f.read_text(errors="replace") for f in path.rglob("*") if f.is_file()) if path.is_dir() else ""


def test_no_command_shows_a_members_review_while_the_panel_is_blind(
    p: PanelDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, _ = p.members
    p.start_all()
    p.score(a, override="不合格")
    p.score(b, submit=False)
    review_id = p.reviews[a]
    secret = f"{SECRET}-{a}"
    cli = _runner(tmp_path, monkeypatch, capsys)
    out = tmp_path / "out"
    out.mkdir()
    # Commands that read a member's review directly: refused, with a plain message, for everyone but a.
    reads = [
        ("panel", "compare", CASE_NO, "--json"),
        ("review-form", "export", CASE_NO, "--out", str(out / "form.xlsx"), "--reviewer", a),
        ("audit", "log", "--review", str(review_id)),
    ]
    # Everything else a user might try: nothing of the review may come out (stdout, stderr or the file).
    others = [
        ("review", "show", CASE_NO, "--json"),
        ("audit", "log", "--case", CASE_NO, "--json"),
        ("audit", "log", "--json"),
        ("panel", "reconcile", CASE_NO, "E5", "--severity", "瑕", "--reason", "x"),
        ("panel", "dissent", CASE_NO, "--text", "x"),
        ("panel", "meeting", CASE_NO, "--date", date.today().isoformat(), "--attendee", "x", "--minutes", "m"),
        ("panel", "finalise", CASE_NO),
        ("report", CASE_NO, "--out", str(out / "report.pdf")),
        ("ledger", "--out", str(out / "ledger.xlsx")),
        ("notice", CASE_NO, "--out", str(out / "notices"), "--yes"),
        ("timeline", CASE_NO, "--json"),
        ("routing-sheet", CASE_NO, "--out", str(out / "routing.pdf")),
        ("queue", "--json"),
        ("inbox", "--json"),
    ]
    for name in [*p.members[1:], *ROLE_ACCOUNTS, ADMIN, HANDLER]:
        for argv in reads:
            r = _as(cli, name, *argv)
            assert r.code not in (EXIT_OK, EXIT_BUG), (name, argv, r.out)
            assert r.err.startswith("Error:") and "Traceback" not in r.err, (name, argv, r.err)
            assert secret not in r.out + r.err + _contents(out / "form.xlsx"), (name, argv)
        for argv in others:
            r = _as(cli, name, *argv)
            assert r.code != EXIT_BUG, (name, argv, r.err)
            written = "".join(_contents(out / f) for f in ("report.pdf", "ledger.xlsx", "notices", "routing.pdf"))
            assert secret not in r.out + r.err + written, (name, argv)
        for f in out.iterdir():
            f.unlink() if f.is_file() else None
    # The member's own `review show` lists their review; another member's lists their own and says why the
    # rest is missing; someone with no review of the case is refused with the reason.
    r = _as(cli, a, "review", "show", CASE_NO)
    assert r.code == EXIT_OK and f"{secret}-E5" in r.out
    r = _as(cli, b, "review", "show", CASE_NO)
    assert r.code == EXIT_OK and f"{SECRET}-{b}-E5" in r.out and "blind" in r.out and secret not in r.out
    r = _as(cli, LEAD, "review", "show", CASE_NO)
    assert r.code == EXIT_AUTH and "blind" in r.err
