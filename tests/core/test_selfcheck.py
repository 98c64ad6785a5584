"""Self-check before archiving (每案必检 检查): the form is made from the standard and the case's pre-screening,
filled and submitted by the handling prosecutor, then the 部门核查表 by the department head; who may fill and
read; the Excel round trip with row rejects; the stored items do not follow later setting changes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.domain.roles import Role
from reviewapp.domain.selfcheck import AUTO_MARK, FormKind
from reviewapp.errors import NotPermitted
from reviewapp.exports.selfcheck_form.layout import FORM_COLUMNS, FORM_SHEET
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.checks.run import run_checks
from reviewapp.services.results.settings import set_setting
from reviewapp.services.reviews.commands import start_review
from reviewapp.services.selfcheck.excel import export_selfcheck, import_selfcheck
from reviewapp.services.selfcheck.forms import (
    SelfCheckError,
    case_selfchecks,
    save_selfcheck,
    start_selfcheck,
    submit_selfcheck,
)
from tests.accounts_fixtures import sign_in
from tests.core.intake_fixtures import case_row
from tests.core.plans_fixtures import ADMIN, CHAOYANG, HAIDIAN, PlanDb, make_plan_db
from tests.core.reviews_fixtures import act_as
from tests.core.selfcheck_fixtures import HEAD_LOGIN, PROSECUTOR_LOGIN, prepare_selfcheck_accounts

CASE_NO = case_row(100)["部门受案号"]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[PlanDb]:
    # 钱检察官's closed case: plea without witness or dates, returned three times → violations P17, U1, U4.
    row = case_row(100, 承办检察官="钱检察官", 承办单位=CHAOYANG, 承办部门="第二检察部", 认罪认罚="是", 电子卷宗=None)
    row["退回补充侦查次数"] = "3"
    p = make_plan_db(tmp_path, extra_rows=[row])
    run_checks(p.wb, [p.case(CASE_NO)])
    prepare_selfcheck_accounts(p.wb, CHAOYANG, "第二检察部", prosecutor="钱检察官")
    sign_in(p.wb, "赵检察官", roles=[RoleSpec(Role.PROSECUTOR)], unit=HAIDIAN, department="第一检察部")
    p.admin()
    yield p
    p.close()


def _answer_all(form_items: tuple, **overrides: tuple[str, str]) -> dict[str, tuple[str, str]]:
    out = {i.code: (i.answer or "是", i.note) for i in form_items}
    out.update(overrides)
    return out


def test_the_form_is_generated_from_auto_items_and_prefilled_from_prescreening(db: PlanDb) -> None:
    act_as(db.wb, PROSECUTOR_LOGIN)
    form = start_selfcheck(db.wb, db.case(CASE_NO), FormKind.SELF)
    items = {i.code: i for i in form.items}
    # Items with an automatic check are asked; items the pre-screening flagged too; others not.
    assert {"F11", "F12", "L12", "P17", "U1", "U4"} <= set(items)
    assert "E1" not in items and "R1" not in items
    p17 = items["P17"]
    assert p17.auto and p17.answer == "否" and "退回补充侦查3次" in p17.note and p17.rules == ("DL-RETURN-COUNT",)
    assert not items["F11"].auto and items["F11"].answer == "" and items["F11"].note == ""
    assert form.status == "draft" and form.standard.startswith("XS-PCZ")
    # Asking again returns the same form; a configured item appears only in forms made later.
    assert start_selfcheck(db.wb, db.case(CASE_NO), FormKind.SELF).id == form.id
    db.admin()
    set_setting(db.wb, "selfcheck.items", "E1\nR3")
    act_as(db.wb, PROSECUTOR_LOGIN)
    assert "E1" not in {i.code for i in case_selfchecks(db.wb, db.case(CASE_NO))[0].items}


def test_a_configured_subset_is_added(db: PlanDb) -> None:
    set_setting(db.wb, "selfcheck.items", "E1\nR3")
    act_as(db.wb, PROSECUTOR_LOGIN)
    codes = [i.code for i in start_selfcheck(db.wb, db.case(CASE_NO), FormKind.SELF).items]
    assert "E1" in codes and "R3" in codes
    assert codes.index("E1") < codes.index("F11") < codes.index("R3")  # the standard's order


def test_prosecutor_submits_then_department_head_checks(db: PlanDb) -> None:
    case = db.case(CASE_NO)
    act_as(db.wb, HEAD_LOGIN)
    with pytest.raises(SelfCheckError, match="个人自查表"):
        start_selfcheck(db.wb, case, FormKind.DEPARTMENT)  # the department check follows the self-check
    with pytest.raises(NotPermitted):
        start_selfcheck(db.wb, case, FormKind.SELF)  # the head does not fill the prosecutor's form
    act_as(db.wb, PROSECUTOR_LOGIN)
    form = start_selfcheck(db.wb, case, FormKind.SELF)
    with pytest.raises(SelfCheckError, match="F11"):
        submit_selfcheck(db.wb, form.id)  # unanswered items
    with pytest.raises(SelfCheckError, match="P17"):
        submit_selfcheck(db.wb, form.id, _answer_all(form.items, P17=("否", "")))  # 否 without a note
    saved = save_selfcheck(db.wb, form.id, {"F11": ("不适用", "无未成年人")})
    assert {i.code: i.answer for i in saved.items}["F11"] == "不适用" and saved.filled_by == "钱检察官"
    done = submit_selfcheck(db.wb, form.id, _answer_all(saved.items))
    assert done.submitted and done.submitted_at is not None
    with pytest.raises(SelfCheckError, match=re.escape(CASE_NO)):
        save_selfcheck(db.wb, form.id, {"F11": ("是", "")})
    with pytest.raises(NotPermitted):
        start_selfcheck(db.wb, case, FormKind.DEPARTMENT)  # the prosecutor is not the department head
    act_as(db.wb, HEAD_LOGIN)
    check = start_selfcheck(db.wb, case, FormKind.DEPARTMENT)
    submit_selfcheck(db.wb, check.id, _answer_all(check.items))
    assert [f.kind for f in case_selfchecks(db.wb, case, submitted_only=True)] == ["个人自查", "部门核查"]


def test_who_may_fill_and_read(db: PlanDb, tmp_path: Path) -> None:
    case = db.case(CASE_NO)
    act_as(db.wb, PROSECUTOR_LOGIN)
    form = start_selfcheck(db.wb, case, FormKind.SELF)
    submit_selfcheck(db.wb, form.id, _answer_all(form.items))
    reviewer = db.act_as("周评查")
    assert reviewer.holds(Role.REVIEWER)
    with pytest.raises(NotPermitted):
        start_selfcheck(db.wb, case, FormKind.SELF)  # a reviewer cannot fill the prosecutor's form
    with pytest.raises(NotPermitted):
        save_selfcheck(db.wb, form.id, {"F11": ("否", "改")})
    with pytest.raises(NotPermitted):
        case_selfchecks(db.wb, case)  # not reviewing this case, no right to read reviews
    start_review(db.wb, case)  # once reviewing it, the reviewer sees the forms beside the checklist
    assert [f.id for f in case_selfchecks(db.wb, case)] == [form.id]
    db.act_as("赵检察官")
    with pytest.raises(NotPermitted):
        case_selfchecks(db.wb, case)  # another prosecutor
    with pytest.raises(NotPermitted):
        export_selfcheck(db.wb, case, FormKind.SELF, tmp_path / "x.xlsx")
    db.act_as(ADMIN)  # 评查管理员: reads reviews in scope
    assert len(case_selfchecks(db.wb, case)) == 1
    act_as(db.wb, HEAD_LOGIN)
    assert len(case_selfchecks(db.wb, case)) == 1


def _fill(path: Path, rows: dict[str, tuple[str | None, str | None]], extra: list[list[str]] | None = None) -> None:
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    col = {f: i for i, (f, _) in enumerate(FORM_COLUMNS, start=1)}
    for r in range(2, ws.max_row + 1):
        code = ws.cell(row=r, column=col["code"]).value
        if code in rows:
            answer, note = rows[code]
            ws.cell(row=r, column=col["answer"]).value = answer
            ws.cell(row=r, column=col["note"]).value = note
    for values in extra or []:
        ws.append(values)
    book.save(path)


def test_excel_round_trip(db: PlanDb, tmp_path: Path) -> None:
    case = db.case(CASE_NO)
    act_as(db.wb, PROSECUTOR_LOGIN)
    path = export_selfcheck(db.wb, case, FormKind.SELF, tmp_path / "自查.xlsx")
    form = case_selfchecks(db.wb, case)[0]
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    header = [c.value for c in ws[1]]
    assert header == [h for _, h in FORM_COLUMNS]
    p17 = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == "P17")
    assert p17[3] == AUTO_MARK and p17[4] == "否" and "退回补充侦查3次" in p17[5]
    assert ws.max_row - 1 == len(form.items)
    # Bad rows: an answer that is none of 是/否/不适用, 否 without a note, an item the form does not ask.
    _fill(
        path,
        {"F11": ("也许", None), "F12": ("否", None), "L12": ("不适用", "未认罪认罚部分")},
        [["", "E9", "", "", "是", ""]],
    )
    result = import_selfcheck(db.wb, path, submit=True)
    reasons = {(r.sheet, r.row, r.column): r.reason for r in result.rejects}
    assert len(reasons) == 3 and all(sheet == FORM_SHEET for sheet, _, _ in reasons)
    columns = sorted(c for _, _, c in reasons if c)
    assert columns == sorted(["是否规范（是/否/不适用）", "说明", "代码"])
    assert not result.submitted and result.submit_problem and "3" in result.submit_problem
    stored = {i.code: i for i in case_selfchecks(db.wb, case)[0].items}
    assert stored["L12"].answer == "不适用" and stored["L12"].note == "未认罪认罚部分"  # good rows recorded
    assert stored["F11"].answer == ""
    # Corrected and every item answered: submitted.
    answers: dict[str, tuple[str | None, str | None]] = {i.code: ("是", None) for i in form.items}
    answers["P17"] = ("否", "退查三次，已说明")
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    ws.delete_rows(ws.max_row)
    book.save(path)
    _fill(path, answers)
    again = import_selfcheck(db.wb, path, submit=True)
    assert not again.rejects and again.submitted
    assert {i.code: i.note for i in case_selfchecks(db.wb, case)[0].items}["P17"] == "退查三次，已说明"
    with pytest.raises(SelfCheckError, match=re.escape(CASE_NO)):
        import_selfcheck(db.wb, path)


def test_import_refuses_a_file_of_another_database_or_another_filler(db: PlanDb, tmp_path: Path) -> None:
    from reviewapp.exports.selfcheck_form.read import SelfCheckFileError

    case = db.case(CASE_NO)
    act_as(db.wb, PROSECUTOR_LOGIN)
    path = export_selfcheck(db.wb, case, FormKind.SELF, tmp_path / "自查.xlsx")
    db.act_as("周评查")
    with pytest.raises(NotPermitted):
        import_selfcheck(db.wb, path)
    book = load_workbook(path)
    cover = book["封面"]
    for row in cover.iter_rows(min_row=2):
        if row[2].value == "form_uid":
            row[1].value = "00000000-0000-0000-0000-000000000000"
    book.save(path)
    act_as(db.wb, PROSECUTOR_LOGIN)
    with pytest.raises(SelfCheckFileError, match="00000000-0000"):
        import_selfcheck(db.wb, path)
    (tmp_path / "bad.xlsx").write_text("not a workbook")
    with pytest.raises(SelfCheckFileError, match=re.escape("bad.xlsx")):
        import_selfcheck(db.wb, tmp_path / "bad.xlsx")
