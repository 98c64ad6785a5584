"""A checklist kept in another case system: its vocabulary is read, every problem is reported in one run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewapp import i18n
from reviewapp.errors import KnownError
from reviewapp.services.results.settings import SettingError, set_setting
from reviewapp.services.reviews.standards_store import import_standard
from reviewapp.standards import (
    ERROR,
    FLAW,
    SERIOUS,
    ImportVocabulary,
    Standard,
    StandardError,
    StandardErrors,
    export_standard_xlsx,
    parse_severity_synonyms,
    read_standard_xlsx,
)
from reviewapp.standards.excel_layout import CRITERIA_SHEET, ITEMS_SHEET, META_SHEET, RULES_SHEET, SCHEMES_SHEET
from tests.core.services_fixtures import open_workbench

OTHER_WORDS = {FLAW: "瑕疵", ERROR: "错误", SERIOUS: "严重错误"}
SYNONYMS = ["瑕疵=司法瑕疵", "错误=一般司法错误", "问题=一般司法错误", "严重错误=严"]


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _columns(ws: Worksheet) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def other_system_workbook(criminal: Standard, path: Path) -> Path:
    """The shipped criminal standard rewritten the way another system keeps it: severities 瑕疵/错误/严重错误
    (and 问题), flags Y/N and √/×, points "2分", grades with 案件, case types with 案件, item codes stored by
    Excel as numbers."""
    export_standard_xlsx(criminal, path)
    wb = load_workbook(path)
    meta = wb[META_SHEET]
    meta.cell(row=5, column=2, value="审查起诉案件；审查逮捕案件")
    items = wb[ITEMS_SHEET]
    col = _columns(items)
    for row in range(2, items.max_row + 1):
        words = str(items.cell(row=row, column=col["问题等级"]).value).split("；")
        other = [OTHER_WORDS[w] for w in words]
        if row == 3:
            other = ["问题"]  # E2: the fourth word of that system, 一般司法错误 by its manual
        items.cell(row=row, column=col["问题等级"], value="；".join(other))
        points = items.cell(row=row, column=col["默认扣分"]).value
        items.cell(row=row, column=col["默认扣分"], value=f"{points:g}分")
        veto = items.cell(row=row, column=col["一票否决"]).value
        items.cell(row=row, column=col["一票否决"], value="Y" if veto == "是" else "N")
        items.cell(row=row, column=col["代码"], value=row - 1)  # a number, as Excel stores 1, 2, 3 …
    schemes = wb[SCHEMES_SHEET]
    scol = _columns(schemes)
    for row in range(2, schemes.max_row + 1):
        grades = schemes.cell(row=row, column=scol["等次（由高到低）"]).value
        if grades:
            schemes.cell(
                row=row, column=scol["等次（由高到低）"], value="；".join(g + "案件" for g in grades.split("；"))
            )
    criteria = wb[CRITERIA_SHEET]
    for row in range(2, criteria.max_row + 1):
        criteria.cell(row=row, column=3, value="优质案件")
    rules = wb[RULES_SHEET]
    rcol = _columns(rules)
    for row in range(2, rules.max_row + 1):
        for header in ("启用", "一票否决项", "未发现问题", "优质标准全部满足", "已书面说明理由"):
            cell = rules.cell(row=row, column=rcol[header])
            if cell.value is not None:
                cell.value = "√" if cell.value == "是" else "×"
        for header in ("存在以下等级问题", "仅有以下等级问题"):
            cell = rules.cell(row=row, column=rcol[header])
            if cell.value:
                cell.value = "；".join(OTHER_WORDS[w] for w in cell.value.split("；"))
        grade = rules.cell(row=row, column=rcol["建议等次"])
        grade.value = f"{grade.value}案件"
    wb.save(path)
    wb.close()
    return path


def test_other_system_vocabulary_loads_once_the_severity_words_are_configured(
    tmp_path: Path, criminal: Standard
) -> None:
    path = other_system_workbook(criminal, tmp_path / "other.xlsx")
    vocabulary = ImportVocabulary(severity_synonyms=parse_severity_synonyms(SYNONYMS))
    read = read_standard_xlsx(path, version=2, vocabulary=vocabulary)
    standard = read.standard
    assert read.warnings == ()
    assert standard.case_types == criminal.case_types  # 审查起诉案件 → 审查起诉
    assert [it.code for it in standard.items][:3] == ["1", "2", "3"]  # numbers kept as the text shown
    for mine, theirs in zip(criminal.items, standard.items, strict=True):
        assert theirs.deduction == mine.deduction  # "2分"
        assert theirs.veto == mine.veto  # Y / N
        expected = (ERROR,) if mine.code == "E2" else mine.severities
        assert theirs.severities == expected, mine.code
    assert standard.schemes == criminal.schemes  # 优质案件 → 优质, the 2018 mapping included
    assert standard.rules == criminal.rules  # √ / ×, 合格案件, severity words in clauses
    assert standard.criteria == criminal.criteria


def test_unconfigured_severity_words_are_all_reported_at_once(
    tmp_path: Path, criminal: Standard, english: None
) -> None:
    path = other_system_workbook(criminal, tmp_path / "other.xlsx")
    with pytest.raises(StandardErrors) as info:
        read_standard_xlsx(path, version=2)
    problems = info.value.problems
    # 瑕疵 and 严重错误 can mean one tier only and are read; 错误 (一般 or 严重?) and 问题 (any tier) are not guessed.
    # Every cell holding one is reported in one run — not one round of edits per cell.
    expected = [it for it in criminal.items if ERROR in it.severities or it.code == "E2"]
    assert len({(p.sheet, p.row, p.column) for p in problems}) == len(expected) + 1  # and the rule R-ERROR
    assert {p.sheet for p in problems} == {ITEMS_SHEET, RULES_SHEET}
    assert all(p.problem.startswith(("the severity 错误 could mean", "the severity 问题 could mean")) for p in problems)
    first = next(p.problem for p in problems if p.problem.startswith("the severity 错误"))
    assert first.startswith("the severity 错误 could mean 一般司法错误 or 严重司法错误, so it is not guessed")
    assert "teach the word to the app with the setting standards.severity_synonyms" in first
    assert "the command settings set standards.severity_synonyms 错误=X, X being 一般司法错误 or 严重司法错误" in first
    assert {"司法瑕疵", "一般司法错误", "严重司法错误", "瑕疵", "严重错误"} <= set(problems[0].allowed)
    assert str(info.value).count("\n") == len(problems)  # a head line and one line per problem


def test_five_kinds_of_problem_in_one_run_each_with_its_allowed_values(
    tmp_path: Path, criminal: Standard, english: None
) -> None:
    path = other_system_workbook(criminal, tmp_path / "other.xlsx")
    wb = load_workbook(path)
    items, rules = wb[ITEMS_SHEET], wb[RULES_SHEET]
    col, rcol = _columns(items), _columns(rules)
    items.cell(row=2, column=col["代码"], value=1.1)  # typed 1.1 …
    items.cell(row=11, column=col["代码"], value=1.10)  # … and 1.10: Excel keeps one number for both
    items.cell(row=4, column=col["一票否决"], value="有")  # not a yes/no word
    items.cell(row=5, column=col["默认扣分"], value="若干分")  # not a number
    rules.cell(row=2, column=rcol["建议等次"], value="很差案件")  # no grade of the scheme
    wb.save(path)
    wb.close()
    vocabulary = ImportVocabulary(severity_synonyms=parse_severity_synonyms(SYNONYMS[:2]))  # 问题 missing
    with pytest.raises(StandardErrors) as info:
        read_standard_xlsx(path, version=2, vocabulary=vocabulary)
    by_kind: dict[str, StandardError] = {}
    for p in info.value.problems:
        kind = (
            "collision"
            if "stored these codes as numbers" in p.problem
            else "severity"
            if p.problem.startswith("the severity")
            else p.problem.split(" ")[0]
            if p.problem.startswith("unknown")
            else p.problem.split(" ", 1)[1]
        )
        by_kind.setdefault(kind, p)
    assert set(by_kind) == {"collision", "unknown", "severity", "is neither yes nor no", "is not a number"}
    unknown = [p for p in info.value.problems if p.problem.startswith("unknown")]
    assert {p.problem.split(" ")[1] for p in unknown} == {"grade"}
    collision = by_kind["collision"]
    assert (collision.sheet, collision.row, collision.column) == (ITEMS_SHEET, 11, "代码")
    assert "code 1.1 is also on row 2" in collision.problem
    flag = by_kind["is neither yes nor no"]
    assert (flag.row, flag.column) == (4, "一票否决") and {"Y", "N", "√", "×", "是", "否"} <= set(flag.allowed)
    number = by_kind["is not a number"]
    assert (number.row, number.column) == (5, "默认扣分") and "2分" in number.allowed
    severity = by_kind["severity"]  # 问题 (on E2) is not configured here: it could mean any tier
    assert (severity.sheet, severity.row, severity.column) == (ITEMS_SHEET, 3, "问题等级")
    assert severity.problem.startswith("the severity 问题 could mean 司法瑕疵 or 一般司法错误 or 严重司法错误")
    assert "错误" in severity.allowed  # the configured word is listed with the built-in ones
    grade = next(p for p in unknown if "grade" in p.problem)
    assert (grade.sheet, grade.row, grade.column) == (RULES_SHEET, 2, "建议等次")
    assert grade.problem == "unknown grade 很差" and grade.allowed == ("优质", "合格", "基本合格", "不合格")


def test_code_formatted_with_decimals_stays_as_shown(tmp_path: Path, criminal: Standard) -> None:
    path = other_system_workbook(criminal, tmp_path / "other.xlsx")
    wb = load_workbook(path)
    items = wb[ITEMS_SHEET]
    for row, value in ((2, 1.1), (11, 1.1)):
        cell = items.cell(row=row, column=1, value=value)
        cell.number_format = "0.0" if row == 2 else "0.00"  # shown as 1.1 and 1.10
    wb.save(path)
    wb.close()
    vocabulary = ImportVocabulary(severity_synonyms=parse_severity_synonyms(SYNONYMS))
    standard = read_standard_xlsx(path, version=2, vocabulary=vocabulary).standard
    assert standard.items[0].code == "1.1" and standard.items[9].code == "1.10"


def test_unknown_case_types_and_grades_are_warned_about(tmp_path: Path, criminal: Standard, english: None) -> None:
    path = other_system_workbook(criminal, tmp_path / "other.xlsx")
    wb = load_workbook(path)
    wb[META_SHEET].cell(row=5, column=2, value="刑事申诉案件；审查起诉；审查逮捕")
    wb[ITEMS_SHEET].cell(row=2, column=4, value=None)
    wb.save(path)
    wb.close()
    vocabulary = ImportVocabulary(severity_synonyms=parse_severity_synonyms(SYNONYMS))
    read = read_standard_xlsx(path, version=2, vocabulary=vocabulary)
    assert len(read.warnings) == 1
    assert "The case type 刑事申诉案件 matches no case type the app knows" in read.warnings[0]


def test_bad_synonym_lines_are_refused_with_the_severities() -> None:
    with pytest.raises(KnownError) as info:
        parse_severity_synonyms(["错误=很严重"])
    assert "一般司法错误" in str(info.value)


def test_the_store_reads_the_configured_synonyms(tmp_path: Path, criminal: Standard, english: None) -> None:
    wb = open_workbench(tmp_path / "db")
    try:
        path = other_system_workbook(criminal, tmp_path / "other.xlsx")
        with pytest.raises(StandardErrors):
            import_standard(wb, path)
        with pytest.raises(SettingError, match="word=severity"):
            set_setting(wb, "standards.severity_synonyms", "错误=很严重")
        set_setting(wb, "standards.severity_synonyms", "\n".join(SYNONYMS))
        row = import_standard(wb, path)
        assert row.code == "XS-PCZ" and row.warnings == ()
    finally:
        wb.close()
