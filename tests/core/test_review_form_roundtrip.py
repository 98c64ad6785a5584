"""The offline review form through the headless commands: export, fill in as a reviewer would, import —
the same findings and grade as entering them through the service API; bad rows rejected like intake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from reviewapp.exports.review_form.layout import COVER_SHEET, CRITERIA_SHEET, FORM_SHEET
from reviewapp.services.reviews.commands import record_finding, set_criteria, start_review
from reviewapp.services.reviews.summary import review_json
from reviewapp.standards import ERROR, FLAW, SERIOUS
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import CLOSED, REVIEWER, ReviewDb, make_review_db, run_cli

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]

# (item, severity as a reviewer writes it in Excel, full severity, reason, deduction, evidence by title)
ENTRIES: list[tuple[str, str, str, str, float | None, list[tuple[str, int]]]] = [
    ("E1", FLAW, FLAW, "调取证据未出具调取证据通知书", None, [("审查报告", 4)]),
    ("E5", "错", ERROR, "扣押清单无见证人签名且未补正", 6.0, [("起诉书", 2), ("起诉书", 3), ("审查报告", 9)]),
    ("D4", FLAW, FLAW, "起诉书错别字五处", None, []),
    ("P12", SERIOUS, SERIOUS, "羁押案件审查起诉超期", 30.0, [("审查报告", 1)]),
]


def _fill(path: Path, entries: list[Any], extra_rows: list[list[Any]] = ()) -> dict[str, int]:  # type: ignore[assignment]
    """Fill the form like a reviewer in Excel; returns item code → Excel row."""
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    header = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(header)}
    rows = {ws.cell(row=r, column=col["代码"]).value: r for r in range(2, ws.max_row + 1)}
    for code, written, _full, reason, deduction, evidence in entries:
        r = rows[code]
        ws.cell(row=r, column=col["问题等级"], value=written)
        ws.cell(row=r, column=col["理由"], value=reason)
        if deduction is not None:
            ws.cell(row=r, column=col["扣分"], value=deduction)
        titles: dict[str, list[str]] = {}
        for title, page in evidence:
            titles.setdefault(title, []).append(str(page))
        if titles:
            ws.cell(row=r, column=col["卷宗文书"], value="；".join(titles))
            ws.cell(row=r, column=col["页码"], value="；".join("、".join(p) for p in titles.values()))
    for values in extra_rows:
        ws.append(values)
        rows[str(values[1])] = ws.max_row
    book.save(path)
    return {str(k): v for k, v in rows.items()}


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "findings": [
            (f["item_code"], f["severity"], f["deduction"], f["reason"], f["phrase"],
             [(e["title"], e["page"]) for e in f["evidence"]])
            for f in data["findings"]
        ],
        "grade": data["proposal"]["grade"],
        "explanation": data["proposal"]["explanation"],
        "score": data["proposal"]["score"],
        "criteria": data["ticked_criteria"],
        "status": data["status"],
        "final": data["final_grade"],
    }  # fmt: skip


def _through_the_api(db: ReviewDb) -> dict[str, Any]:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    # Entered in another order than the form lists them: the result must not depend on it.
    for code, _written, full, reason, deduction, evidence in reversed(ENTRIES):
        phrase = reason if reason in {"调取证据未出具调取证据通知书", "羁押案件审查起诉超期"} else None
        pairs = [(db.documents[t], p) for t, p in evidence]
        record_finding(db.wb, rid, code, full, reason, deduction=deduction, phrase=phrase, evidence=pairs)
    return review_json(set_criteria(db.wb, rid, [], ""))


def test_form_round_trip_gives_the_same_findings_and_grade_as_the_api(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "form").mkdir()
    api_db = make_review_db(tmp_path / "api")
    expected = _through_the_api(api_db)
    api_db.close()

    form_db = make_review_db(tmp_path / "form")
    form_db.close()
    db = str(form_db.path)
    out = tmp_path / "评查表.xlsx"
    assert run_cli(["review-form", "export", CLOSED, "--out", str(out), "--reviewer", REVIEWER, "--db", db]) == 0
    capsys.readouterr()
    book = load_workbook(out)
    cover = {r[2]: r[1] for r in book[COVER_SHEET].iter_rows(min_row=2, values_only=True)}
    assert (cover["dept_case_no"], cover["standard_code"], cover["reviewer"]) == (CLOSED, "XS-PCZ", REVIEWER)
    assert book[FORM_SHEET].max_row - 1 == len(expected_items := _items_for_closed_case())
    assert [r[1] for r in book[FORM_SHEET].iter_rows(min_row=2, values_only=True)] == expected_items
    book.close()
    _fill(out, ENTRIES)

    code = run_cli(["review-form", "import", str(out), "--reviewer", REVIEWER, "--db", db, "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0, result
    assert (result["recorded"], result["rejected"]) == (len(ENTRIES), 0)
    assert run_cli(["review", "show", CLOSED, "--db", db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    (review,) = shown["reviews"]
    assert _comparable(review) == _comparable(expected)
    assert review["proposal"]["grade"] == "不合格" and "P12" in review["proposal"]["explanation"]

    # Importing the same form again changes nothing.
    run_cli(["review-form", "import", str(out), "--reviewer", REVIEWER, "--db", db, "--json"])
    again = json.loads(capsys.readouterr().out)
    assert (again["recorded"], again["updated"], again["unchanged"]) == (0, 0, len(ENTRIES))

    # The text form names findings, grade and the deciding rule.
    assert run_cli(["review", "show", CLOSED, "--db", db]) == 0
    text = capsys.readouterr().out
    assert "P12" in text and "不合格" in text and "R-VETO" not in text  # rule codes stay in --json


def _items_for_closed_case() -> list[str]:
    from reviewapp.standards import load_shipped_standards

    standard = next(s for s in load_shipped_standards() if s.code == "XS-PCZ")
    return [it.code for it in standard.items_for("审查起诉")]


def test_submit_through_the_form_and_criteria_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = make_review_db(tmp_path)
    made.close()
    db = str(made.path)
    out = tmp_path / "form.xlsx"
    run_cli(["review-form", "export", CLOSED, "--out", str(out), "--db", db])
    book = load_workbook(out)
    for row in book[CRITERIA_SHEET].iter_rows(min_row=2):
        row[2].value = "是"
    cover = book[COVER_SHEET]
    for row in cover.iter_rows(min_row=2):
        if row[2].value == "excellence_justification":
            row[1].value = "证据扎实，说理充分"
    book.save(out)
    capsys.readouterr()
    code = run_cli(["review-form", "import", str(out), "--reviewer", REVIEWER, "--submit", "--db", db, "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["submitted"] and result["proposed_grade"] == "优质"
    run_cli(["review", "show", CLOSED, "--db", db, "--json"])
    (review,) = json.loads(capsys.readouterr().out)["reviews"]
    assert (review["status"], review["final_grade"]) == ("submitted", "优质")
    assert len(review["ticked_criteria"]) == 7
    # A submitted review takes no more forms.
    assert run_cli(["review-form", "import", str(out), "--reviewer", REVIEWER, "--db", db]) == 1
    assert "reopen" in capsys.readouterr().err


def test_bad_rows_are_rejected_with_sheet_row_column_and_the_good_rows_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = make_review_db(tmp_path)
    made.close()
    db = str(made.path)
    out = tmp_path / "form.xlsx"
    run_cli(["review-form", "export", CLOSED, "--out", str(out), "--db", db])
    bad = [
        ("E2", FLAW, FLAW, "", None, []),  # severity but no reason
        ("E1", SERIOUS, SERIOUS, "E1 allows only 司法瑕疵", None, []),  # severity not allowed
        ("E3", FLAW, FLAW, "移送不规范", None, [("不存在的文书", 1)]),  # document not in the dossier
        ("E4", FLAW, FLAW, "使用不规范", None, [("起诉书", 0)]),  # page 0
        ("D4", FLAW, FLAW, "起诉书错别字五处", None, []),  # good
    ]
    rows = _fill(out, bad, extra_rows=[["证据采信", "Z9", "不存在的评查项", FLAW, None, None, "理由"]])
    book = load_workbook(out)
    ws = book[FORM_SHEET]
    ws.cell(row=rows["E6"], column=7, value="只写了理由")  # reason without severity
    book.save(out)
    capsys.readouterr()
    code = run_cli(["review-form", "import", str(out), "--reviewer", REVIEWER, "--submit", "--db", db, "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and not result["submitted"] and "rejected" in result["submit_problem"]
    assert {(r["sheet"], r["row"], r["column"]) for r in result["rejects"]} == {
        (FORM_SHEET, rows["E2"], "理由"),
        (FORM_SHEET, rows["E1"], "问题等级"),
        (FORM_SHEET, rows["E3"], "卷宗文书"),
        (FORM_SHEET, rows["E4"], "页码"),
        (FORM_SHEET, rows["Z9"], "代码"),
        (FORM_SHEET, rows["E6"], "问题等级"),
    }
    assert all(r["reason"] for r in result["rejects"])
    assert result["recorded"] == 1
    run_cli(["review", "show", CLOSED, "--db", db, "--json"])
    (review,) = json.loads(capsys.readouterr().out)["reviews"]
    assert [f["item_code"] for f in review["findings"]] == ["D4"] and review["status"] == "draft"


def test_unknown_reviewer_and_unreadable_files_are_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = make_review_db(tmp_path)
    made.close()
    db = str(made.path)
    out = tmp_path / "form.xlsx"
    run_cli(["review-form", "export", CLOSED, "--out", str(out), "--reviewer", REVIEWER, "--db", db])
    capsys.readouterr()
    assert run_cli(["review-form", "import", str(out), "--reviewer", "不存在的人", "--db", db]) == 1
    assert "不存在的人" in capsys.readouterr().err
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    assert run_cli(["review-form", "import", str(junk), "--reviewer", REVIEWER, "--db", db]) == 1
    err = capsys.readouterr().err
    assert "junk.xlsx" in err and "Traceback" not in err
    assert run_cli(["review-form", "export", "朝检刑诉受[2025]99号", "--out", str(out), "--db", db]) == 1
    assert "99" in capsys.readouterr().err
