"""The card fields of the key-case triggers (复议复核结果, 国家赔偿, per-suspect 量刑建议): read under their aliases,
rejected plainly when unreadable, stored by the import, part of the card hash, and added by migration 0008."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import inspect, select, text

from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS
from reviewapp.intake.headers import alias_table, normalize_header
from reviewapp.intake.parse import read_export
from reviewapp.services.cases.card_rows import card_hash
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import current_revision, head_revision, open_database
from reviewapp.storage.models import Case, Suspect
from tests.accounts_fixtures import sign_in
from tests.core.intake_fixtures import case_row, english_ui  # noqa: F401 - pytest fixture
from tests.db_target import database_at

pytestmark = pytest.mark.usefixtures("english_ui")
FIXTURE_0007 = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0007.sqlite3"


def _export(path: Path, cases: list[dict[str, object]], suspects: list[dict[str, object]]) -> Path:
    book = Workbook()
    for title, rows in (("案件", cases), ("嫌疑人", suspects)):
        ws = book.active if title == "案件" else book.create_sheet(title)
        assert ws is not None
        ws.title = title
        columns = list(dict.fromkeys(c for r in rows for c in r))
        ws.append(columns)
        for r in rows:
            ws.append([r.get(c) for c in columns])
    book.save(path)
    return path


def _cases() -> list[dict[str, object]]:
    return [
        case_row(1, 审结处理结果="不起诉（存疑）", 复议结果="改变原决定", 是否国家赔偿="是"),
        case_row(2, 审结处理结果="起诉", 复议结果="维持原决定", 是否国家赔偿="否"),
        case_row(3, 审结处理结果="起诉", 是否国家赔偿="也许"),
    ]


def _suspects() -> list[dict[str, object]]:
    return [
        {"部门受案号": "朝检刑诉受[2025]2号", "姓名": "张某", "判决刑期": "有期徒刑一年", "建议刑期": "有期徒刑八个月"},
    ]


@pytest.mark.parametrize(
    ("header", "attr"),
    [
        ("复议复核结果", "reconsideration_outcome"),
        ("复议结果", "reconsideration_outcome"),
        ("复核结果", "reconsideration_outcome"),
        ("国家赔偿", "state_compensation"),
        ("是否国家赔偿", "state_compensation"),
    ],
)
def test_case_headers(header: str, attr: str) -> None:
    spec = alias_table(CASE_FIELDS)[normalize_header(header)]
    assert spec.attr == attr


@pytest.mark.parametrize("header", ["量刑建议", "建议刑期"])
def test_suspect_headers(header: str) -> None:
    assert alias_table(SUSPECT_FIELDS)[normalize_header(header)].attr == "recommended_sentence"


def test_aliases_are_read_and_an_unreadable_flag_is_rejected(tmp_path: Path) -> None:
    parsed = read_export(_export(tmp_path / "x.xlsx", _cases(), _suspects()))
    by_no = {c.dept_case_no: c for c in parsed.cases}
    first, second = by_no["朝检刑诉受[2025]1号"], by_no["朝检刑诉受[2025]2号"]
    assert (first.reconsideration_outcome, first.state_compensation) == ("改变原决定", True)
    assert (second.reconsideration_outcome, second.state_compensation) == ("维持原决定", False)
    assert second.suspects[0].recommended_sentence == "有期徒刑八个月"
    assert "朝检刑诉受[2025]3号" not in by_no
    [reject] = parsed.rejects
    assert (reject.column, reject.value) == ("是否国家赔偿", "也许") and "yes/no" in reject.reason


def test_the_import_stores_the_fields(tmp_path: Path) -> None:
    path = _export(tmp_path / "x.xlsx", _cases()[:2], _suspects())
    wb = Workbench.open(database_at(tmp_path, "db.sqlite3"))
    try:
        sign_in(wb, "管理员")
        import_cases(wb, path)
        with wb.db.session() as s:
            stored = {
                c.dept_case_no: (c.reconsideration_outcome, c.state_compensation) for c in s.scalars(select(Case))
            }
            recommended = s.scalars(select(Suspect.recommended_sentence)).all()
        assert stored == {"朝检刑诉受[2025]1号": ("改变原决定", True), "朝检刑诉受[2025]2号": ("维持原决定", False)}
        assert recommended == ["有期徒刑八个月"]
        again = import_cases(wb, path)
        assert (again.unchanged, again.updated) == (2, 0), "an unchanged re-import is a no-op"
        cases = _cases()[:2]
        cases[1]["复议结果"] = "撤销原决定"
        changed = import_cases(wb, _export(tmp_path / "y.xlsx", cases, _suspects()))
        assert (changed.unchanged, changed.updated) == (1, 1)
        with wb.db.session() as s:
            no = "朝检刑诉受[2025]2号"
            assert s.scalar(select(Case.reconsideration_outcome).where(Case.dept_case_no == no)) == "撤销原决定"
    finally:
        wb.close()


def test_the_new_fields_are_part_of_the_card_hash(tmp_path: Path) -> None:
    card = read_export(_export(tmp_path / "x.xlsx", _cases()[:2], _suspects())).cases[1]
    base = card_hash(card)
    assert card_hash(dataclasses.replace(card, reconsideration_outcome="撤销原决定")) != base
    assert card_hash(dataclasses.replace(card, state_compensation=True)) != base
    changed = dataclasses.replace(card.suspects[0], recommended_sentence="有期徒刑一年")
    assert card_hash(dataclasses.replace(card, suspects=[changed])) != base


@pytest.mark.sqlite_only("upgrades a SQLite fixture file; PostgreSQL: test_pg_migrations.py")
def test_migration_0008_adds_the_columns_and_keeps_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_0007, path)
    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
        with db.session() as s:
            cases = {c["name"] for c in inspect(s.connection()).get_columns("cases")}
            suspects = {c["name"] for c in inspect(s.connection()).get_columns("suspects")}
            rows = s.execute(text("SELECT reconsideration_outcome, state_compensation FROM cases")).all()
            kept = s.execute(text("SELECT count(*), count(recommended_sentence) FROM suspects")).one()
        assert {"reconsideration_outcome", "state_compensation"} <= cases
        assert "recommended_sentence" in suspects
        assert rows and all(r == (None, None) for r in rows), "existing cards read as 'not on the card'"
        assert kept[0] >= 1 and kept[1] == 0
    finally:
        db.close()
