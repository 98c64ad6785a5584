"""What a Chinese reader sees first: argparse's own words and every option's help in Chinese, legal citations
in a Chinese and an English form, no rule ids on a reader's page, local times in exports, and `demo` writing
the number of cases asked for."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.checks.registry import RULES
from reviewapp.cli.main import main
from reviewapp.demo.full_set import plan_demo
from reviewapp.domain.grading_explain import without_rule_ids
from reviewapp.exports.data_quality_xlsx import write_data_quality_xlsx
from reviewapp.i18n import current_language, set_language
from reviewapp.legal.citations import chinese_number, cite, cite_en, cite_zh, page_reference, parse
from reviewapp.legal.local_time import local_date, local_datetime


@pytest.fixture
def chinese() -> object:
    before = current_language()
    set_language("zh_CN")
    yield None
    set_language(before)


def test_cli_help_is_chinese_with_help_for_every_option(chinese: None, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from reviewapp.cli.argparse_text import argparse_in_language
    from reviewapp.cli.main import build_parser

    assert main(["demo", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "选项:" in out and "显示帮助信息并退出" in out
    assert "usage:" not in out and "show this help" not in out
    missing: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    with argparse_in_language():
        walk(build_parser(), "main.py")
    # Commands of the review process (cli/process.py) are still being written; their help comes with them.
    pending = ("main.py feedback", "main.py objection", "main.py determine", "main.py rectification")
    assert [m for m in missing if not m.startswith(pending)] == []
    # argparse's own words are put back for other users of argparse in the process
    assert argparse._("usage: ") == "usage: "


def test_cli_usage_error_is_chinese(chinese: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--cases", "many"]) == 1
    err = capsys.readouterr().err
    assert "用法：" in err and "无效的 int 值" in err


def test_every_rule_basis_has_a_chinese_and_an_english_citation() -> None:
    for rule in RULES:
        assert parse(rule.basis), rule.basis
        zh, en = cite_zh(rule.basis), cite_en(rule.basis)
        assert "art." not in zh and "CPL" not in zh and "《" in zh and "条" in zh, zh
        assert "规则" not in en and "CPL" not in en and "art" in en, en
    assert (
        cite_zh("CPL art. 91; 规则 art. 282")
        == "《中华人民共和国刑事诉讼法》第九十一条；《人民检察院刑事诉讼规则》第二百八十二条"
    )
    assert cite_en("CPL art. 91; 规则 art. 282") == (
        "Criminal Procedure Law art. 91; People's Procuratorate Rules of Criminal Procedure art. 282"
    )
    assert (
        cite_zh("规则 arts. 664–670 (案管 monitoring)")
        == "《人民检察院刑事诉讼规则》第六百六十四条至第六百七十条（案件管理监督）"
    )
    assert cite_zh("CPL art. 175 para. 4") == "《中华人民共和国刑事诉讼法》第一百七十五条第四款"
    assert cite("CPL arts. 172, 175", "en") == "Criminal Procedure Law arts. 172, 175"
    assert cite("not a citation") == "not a citation"
    assert [chinese_number(n) for n in (10, 17, 105, 110, 282, 1000)] == [
        "十",
        "十七",
        "一百零五",
        "一百一十",
        "二百八十二",
        "一千",
    ]


def test_page_reference_and_stored_rule_ids(chinese: None) -> None:
    assert page_reference("提请批准逮捕书", 1) == "提请批准逮捕书第1页"
    stored = "不合格：E9 关键证据存在矛盾 为一般司法错误（规则 R-ERROR：存在一般或严重司法错误）"
    assert "R-ERROR" not in without_rule_ids(stored) and "（规则：存在一般或严重司法错误）" in without_rule_ids(stored)


def test_times_in_exports_are_local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        stored = dt.datetime(2026, 3, 1, 16, 30)  # UTC, as storage keeps it: 00:30 on 2 March in Beijing
        assert local_datetime(stored) == dt.datetime(2026, 3, 2, 0, 30)
        assert local_date(stored) == dt.date(2026, 3, 2)

        class Row:
            dept_case_no, case_name, unit, department, prosecutor = "A-1", "某案", "院", "部", "人"
            accepted_on, closed_on = dt.date(2026, 1, 1), None
            rule_id, rule_title, item_code, severity, status = "CK-AMOUNT", "涉案金额", "F12", "司法瑕疵", "violation"
            explanation, computed_at = "说明", stored

        target = tmp_path / "dq.xlsx"
        write_data_quality_xlsx(target, [Row()], [], {"unit": [], "department": [], "prosecutor": []})
        rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
        assert dt.datetime(2026, 3, 2, 0, 30) in rows[1]
        assert "CK-AMOUNT" not in rows[1] and not any("UTC" in str(h) for h in rows[0])
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_demo_writes_the_number_of_cases_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    builtin = len(plan_demo(0).extra_cards)
    asked = builtin + 7
    assert main(["demo", "--cases", str(asked), "--out", str(tmp_path / "d"), "--no-dossiers", "--json"]) == 0
    captured = capsys.readouterr()
    assert f'"cases": {asked}' in captured.out
    assert "100%" in captured.err  # progress on standard error
    assert main(["demo", "--cases", "3", "--out", str(tmp_path / "e"), "--no-dossiers", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert f"3 cases were asked for, but the demo always holds its {builtin} built-in scenario cases" in err


def test_a_dossier_folder_matching_no_case_says_which_names_it_looked_for(tmp_path: Path, chinese: None) -> None:
    from reviewapp.cli.cases import unmatched_dossier_hint
    from reviewapp.demo import generate_demo
    from reviewapp.services.cases.dossiers import import_dossier_folder
    from reviewapp.services.cases.intake import import_cases
    from reviewapp.services.workbench import Workbench
    from tests.accounts_fixtures import sign_in
    from tests.db_target import database_at

    wb = Workbench.open(database_at(tmp_path, "hint.sqlite3"))
    try:
        sign_in(wb)
        assert "请先导入案件导出表" in unmatched_dossier_hint(wb, tmp_path, [])
        out = generate_demo(tmp_path / "demo", cases=3, dossiers=False)
        import_cases(wb, out.workbook)
        wrong = tmp_path / "wrong"
        (wrong / "某个文件夹").mkdir(parents=True)
        (wrong / "起诉书.pdf").write_text("x")
        summary = import_dossier_folder(wb, wrong)
        hint = unmatched_dossier_hint(wb, wrong, summary.unmatched_folders)
        assert summary.cases_matched == 0
        assert "部门受案号" in hint and "某个文件夹" in hint and "起诉书.pdf" in hint
        assert "例如" in hint and "[" in hint  # example folder names from the imported case numbers
    finally:
        wb.close()
