"""Headless self-checks: selfcheck export CASE --kind … --out F.xlsx, selfcheck import F.xlsx [--submit],
selfcheck show CASE [--json]; refusals give exit codes 1 (known) and 2 (permission)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.domain.roles import Role
from reviewapp.exports.selfcheck_form.layout import FORM_COLUMNS, FORM_SHEET
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.checks.run import run_checks
from tests.accounts_fixtures import PASSWORD, login_for, sign_in
from tests.core.cli_fixtures import CliRunner
from tests.core.intake_fixtures import case_row
from tests.core.plans_fixtures import CHAOYANG, HAIDIAN, make_plan_db
from tests.core.selfcheck_fixtures import HEAD_LOGIN, PROSECUTOR_LOGIN, prepare_selfcheck_accounts
from tests.db_target import database_at

CASE_NO = case_row(100)["部门受案号"]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    row = case_row(100, 承办检察官="钱检察官", 承办单位=CHAOYANG, 承办部门="第二检察部", 认罪认罚="是", 电子卷宗=None)
    row["退回补充侦查次数"] = "3"
    db = make_plan_db(tmp_path, extra_rows=[row])
    run_checks(db.wb, [db.case(CASE_NO)])
    prepare_selfcheck_accounts(db.wb, CHAOYANG, "第二检察部", prosecutor="钱检察官")
    sign_in(db.wb, "赵检察官", roles=[RoleSpec(Role.PROSECUTOR)], unit=HAIDIAN, department="第一检察部")
    db.close()
    return CliRunner(database_at(tmp_path, "plans.sqlite3"), monkeypatch, capsys)


def _answer(path: Path) -> None:
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    col = {f: i for i, (f, _) in enumerate(FORM_COLUMNS, start=1)}
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(row=r, column=col["answer"])
        if not cell.value:
            cell.value = "是"
    book.save(path)


def test_export_fill_import_submit_show(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "自查.xlsx"
    r = cli("selfcheck", "export", "朝检刑诉受[2025]100号", "--kind", "个人自查", "--out", str(out),
            user=PROSECUTOR_LOGIN, password=PASSWORD)  # fmt: skip
    assert r.code == 0, r.err
    assert out.exists() and str(out) in r.out
    shown = cli("selfcheck", "show", CASE_NO, "--json", user=PROSECUTOR_LOGIN, password=PASSWORD)
    assert shown.code == 0 and shown.json()[0]["status"] == "draft"
    p17 = next(i for i in shown.json()[0]["items"] if i["code"] == "P17")
    assert p17["auto"] and p17["answer"] == "否"
    # Unanswered rows: imported, not submitted, and the reason is said.
    partial = cli("selfcheck", "import", str(out), "--submit", user=PROSECUTOR_LOGIN, password=PASSWORD)
    assert partial.code == 0 and "F11" in partial.out
    _answer(out)
    done = cli("selfcheck", "import", str(out), "--submit", "--json", user=PROSECUTOR_LOGIN, password=PASSWORD)
    assert done.code == 0 and done.json()["submitted"] and done.json()["rejected"] == 0
    text = cli("selfcheck", "show", CASE_NO, user=PROSECUTOR_LOGIN, password=PASSWORD).out
    lines = text.splitlines()
    assert "个人自查表" in lines[0]
    assert lines[1].split("\t")[:2] == ["  P17", "否"]  # items answered 否 first
    again = cli("selfcheck", "import", str(out), user=PROSECUTOR_LOGIN, password=PASSWORD)
    assert again.code == 1 and CASE_NO in again.err  # a submitted form is final
    # The department head's form follows.
    dept = tmp_path / "核查.xlsx"
    assert cli("selfcheck", "export", CASE_NO, "--kind", "部门核查", "--out", str(dept),
               user=HEAD_LOGIN, password=PASSWORD).code == 0  # fmt: skip
    _answer(dept)
    assert cli("selfcheck", "import", str(dept), "--submit", user=HEAD_LOGIN, password=PASSWORD).code == 0
    kinds = [f["kind"] for f in cli("selfcheck", "show", CASE_NO, "--json", user=HEAD_LOGIN, password=PASSWORD).json()]
    assert kinds == ["个人自查", "部门核查"]


def test_refusals(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    other = login_for("赵检察官")
    r = cli("selfcheck", "export", CASE_NO, "--kind", "个人自查", "--out", str(out), user=other, password=PASSWORD)
    assert r.code == 2 and not out.exists()  # another prosecutor
    reviewer = login_for("周评查")
    assert cli("selfcheck", "show", CASE_NO, user=reviewer, password=PASSWORD).code == 2
    unknown = cli("selfcheck", "show", "没有这个案号", user=PROSECUTOR_LOGIN, password=PASSWORD)
    assert unknown.code == 1 and "没有这个案号" in unknown.err
    early = cli("selfcheck", "export", CASE_NO, "--kind", "部门核查", "--out", str(out), user=HEAD_LOGIN,
                password=PASSWORD)  # fmt: skip
    assert early.code == 1 and not out.exists()
    (tmp_path / "bad.xlsx").write_text("no")
    assert cli("selfcheck", "import", str(tmp_path / "bad.xlsx"), user=PROSECUTOR_LOGIN, password=PASSWORD).code == 1
