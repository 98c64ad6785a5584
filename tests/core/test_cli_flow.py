"""The whole headless flow from a fresh database, as the README documents it: first administrator → import →
a reviewer's account → review form export, fill, import and submit → shared settings → notice (asked once)
→ report → ledger → audit log and verify. Case numbers are typed the sloppy way (full-width, spaces, other
brackets): every command finds the case through the one lookup."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.exports.review_form.layout import FORM_SHEET
from reviewapp.standards import FLAW
from tests.core.cli_fixtures import ADMIN, CliRunner
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.db_target import database_at

CASE = "朝检刑诉受[2025]1号"
SLOPPY = " 朝检刑诉受［２０２５］１号 "  # full-width brackets and digits, spaces around
OTHER_BRACKETS = "朝检刑诉受〔2025〕1号"
ISSUER = {
    "notice.issuer_name": "北京市朝阳区人民检察院",
    "notice.issuer_code": "京朝检案管整改",
    "notice.review_code": "京朝检案管评",
    "notice.department": "北京市朝阳区人民检察院案件管理部",
}


def _fill(form: Path) -> None:
    """A reviewer fills one row in Excel: a 瑕疵 on D4 with its reason."""
    book = load_workbook(form)
    ws = book[FORM_SHEET]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=col["代码"]).value == "D4")
    ws.cell(row=row, column=col["问题等级"], value=FLAW)
    ws.cell(row=row, column=col["理由"], value="起诉书错别字五处")
    book.save(form)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    return CliRunner(database_at(tmp_path, "flow.sqlite3"), monkeypatch, capsys)


def test_the_headless_flow_from_a_fresh_database(cli: CliRunner, tmp_path: Path) -> None:
    # 1. The first administrator, on a database without accounts: no --user.
    cli.first_admin("系统管理员", "评查管理员", "案管负责人")
    # 2. Import (the administrator also holds 评查管理员).
    export = write_simple_xlsx(tmp_path / "export.xlsx", [case_row(n, 电子卷宗="") for n in (1, 2, 3)])
    r = cli("import", str(export), "--json", user=ADMIN)
    assert r.code == 0, r.err
    assert r.json()["imported"] == 3
    # 3. A reviewer's account (another unit than the cases': no recusal).
    cli.add_account("李评查", "li", "评查员")
    # 4. The reviewer exports the form, fills it and imports it with --submit.
    form = tmp_path / "评查表.xlsx"
    r = cli("review-form", "export", SLOPPY, "--out", str(form), user="li")
    assert r.code == 0, r.err
    _fill(form)
    r = cli("review-form", "import", str(form), "--submit", "--json", user="li")
    assert r.code == 0, r.err
    imported = r.json()
    assert imported["recorded"] == 1 and imported["submitted"] is True
    assert imported["changes"]["changed"]["finding"]
    r = cli("review", "show", OTHER_BRACKETS, "--json", user=ADMIN)
    assert r.code == 0, r.err
    (review,) = r.json()["reviews"]
    assert r.json()["case"] == CASE and review["status"] == "submitted"
    # 5. The opinion is not 合格, so the prosecutor is heard first; with no answer by the end of the period,
    #    process-due records 无异议（无反馈意见）, and the chief prosecutor determines (审定).
    r = cli("process-due", "--today", (date.today() + timedelta(days=40)).isoformat(), user=ADMIN)
    assert r.code == 0, r.err
    cli.add_account("赵检察长", "zhao", "检察长")
    r = cli("determine", SLOPPY, user="zhao")
    assert r.code == 0, r.err
    # 6. Shared settings: the issuer replaces the ×× placeholders.
    refused = cli("notice", SLOPPY, "--out", str(tmp_path / "n"), "--yes", user=ADMIN)
    assert refused.code == 1 and "××" in refused.err
    for key, value in ISSUER.items():
        assert cli("settings", "set", key, value, user=ADMIN).code == 0
    # 7. Notice: shows the numbers and asks; nobody can answer here, so without --yes nothing is issued.
    asked = cli("notice", SLOPPY, "--out", str(tmp_path / "n"), user=ADMIN)
    assert asked.code == 1 and "京朝检案管整改〔" in asked.err and "--yes" in asked.err
    assert not list((tmp_path / "n").glob("*.pdf"))
    r = cli("notice", SLOPPY, "--out", str(tmp_path / "n"), "--yes", "--json", user=ADMIN)
    assert r.code == 0, r.err
    (notice,) = r.json()["notices"]
    assert notice["number"].startswith("京朝检案管整改〔") and Path(notice["file"]).exists()
    assert notice["cases"] == [CASE] and r.json()["changes"]["changed"]["notice"]
    # 8. Report and ledger.
    r = cli("report", SLOPPY, "--out", str(tmp_path / "report.pdf"), user=ADMIN)
    assert r.code == 0, r.err
    assert (tmp_path / "report.pdf").exists()
    r = cli("ledger", "--out", str(tmp_path / "ledger.xlsx"), "--json", user=ADMIN)
    assert r.code == 0, r.err
    assert r.json()["notice_numbers"] == [notice["number"]] and (tmp_path / "ledger.xlsx").exists()
    # 9. The audit trail: the case's history, the reviewer's own review, and the chain intact.
    r = cli("audit", "log", "--case", SLOPPY, "--json", user=ADMIN)
    assert r.code == 0, r.err
    actions = {e["action"] for e in r.json()}
    assert {"review_form.import", "review.submit", "notice.issue", "report.export"} <= actions
    assert {e["case"] for e in r.json()} == {CASE}
    review_id = next(e["review_id"] for e in r.json() if e["review_id"] is not None)
    own = cli("audit", "log", "--review", str(review_id), "--json", user="li")
    assert own.code == 0, own.err
    assert {e["login"] for e in own.json()} == {"li"}
    cli.add_account("王评查", "wang", "评查员")
    assert cli("audit", "log", "--review", str(review_id), user="wang").code == 2  # not their review
    assert cli("audit", "log", user="li").code == 2  # the whole trail is not theirs to read
    r = cli("audit", "verify", user=ADMIN)
    assert r.code == 0, r.err
    assert "审计链完整" in r.out


def test_check_report_and_review_show_find_a_sloppily_typed_case(cli: CliRunner, tmp_path: Path) -> None:
    cli.first_admin("系统管理员", "评查管理员", "案管负责人")
    export = write_simple_xlsx(tmp_path / "export.xlsx", [case_row(n, 电子卷宗="") for n in (1, 2)])
    assert cli("import", str(export), "--no-checks", user=ADMIN).code == 0
    r = cli("check", SLOPPY, "--json", user=ADMIN)
    assert r.code == 0, r.err
    assert r.json()["summary"]["cases_checked"] == 1 and {x["case"] for x in r.json()["results"]} <= {CASE}
    r = cli("review", "show", SLOPPY, "--json", user=ADMIN)
    assert r.code == 0 and r.json() == {"case": CASE, "reviews": []}
    # The report of a case without a submitted review is refused for that reason, not for the number.
    r = cli("--lang", "en", "report", SLOPPY, "--out", str(tmp_path / "r.pdf"), user=ADMIN, db_first=True)
    assert "No case has the number" not in r.err
    # By 统一受案号 too; an unknown number is named; a wrong one gives exit code 1.
    assert cli("review", "show", " 1101052025000002 ", "--json", user=ADMIN).json()["case"] == "朝检刑诉受[2025]2号"
    for words, options in ((["check"], []), (["review", "show"], []), (["report"], ["--out", str(tmp_path / "x.pdf")])):
        r = cli("--lang", "en", *words, "朝检刑诉受[2025]99号", *options, user=ADMIN, db_first=True)
        assert r.code == 1 and "No case has the number 朝检刑诉受[2025]99号." in r.err, (words, r.err)
