"""The streaming import: cards cross from the reading child in chunks of plain tuples and are stored chunk by
chunk; rows keep their Excel numbers when a sheet is streamed; merged cells span chunks; tuple rows store
exactly what dict rows store."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import cast

import pytest
from openpyxl import Workbook
from sqlalchemy import Table, func, insert, select

from reviewapp.domain.case_card import CaseCard, DocumentRecord, SuspectRecord
from reviewapp.intake import parse, wire
from reviewapp.intake.readers import MergedFill
from reviewapp.services.cases.intake import import_cases, release_memory
from reviewapp.storage.bulk import bulk_insert_tuples
from reviewapp.storage.database import open_database
from reviewapp.storage.dossier_store import INCOMING, DossierStore, _host
from reviewapp.storage.models import Case, Department, Person, Suspect, Unit
from tests.core.intake_fixtures import case_row
from tests.core.services_fixtures import open_workbench


def _card() -> CaseCard:
    return CaseCard(
        "号1",
        "张某盗窃案",
        "审查起诉",
        "院",
        "部",
        "检",
        date(2025, 3, 1),
        closed_on=date(2025, 4, 2),
        detained=True,
        returns_count=1,
        amount=Decimal("1.5E+4"),
        dossier_paths=["卷宗/1.pdf"],
        extra={"备注": "=1+1"},
        suspects=[SuspectRecord("号1", "张某", birth_date=date(1990, 1, 2), plea=False, extra={"x": "y"})],
        documents=[DocumentRecord("号1", "起诉意见书", "卷宗/2.pdf", {"页数": "3"})],
    )


def test_a_card_crosses_as_plain_tuples_and_comes_back_equal() -> None:
    card = _card()
    data = wire.encode_chunk(
        [wire.encode(card)], {("案件", "卷宗/1.pdf"): ("案件", 2, "电子卷宗"), ("案件", "other"): ("s", 9, "c")}
    )
    assert data[:1] == wire.MARK
    [encoded], locations = wire.decode_chunk(data)
    assert locations == {("案件", "卷宗/1.pdf"): ("案件", 2, "电子卷宗")}  # only the chunk's own paths
    assert wire.decode(encoded) == card
    assert encoded[1][wire.CARD_ATTRS.index("accepted_on")] == "2025-03-01"  # dates travel as ISO text


def test_merged_ranges_are_filled_across_chunks() -> None:
    rows = [["k", "v"], ["a", "1"], ["", "2"], ["", "3"], ["b", "4"], ["", "5"]]
    fill = MergedFill([((1, 0), (3, 0)), ((4, 0), (5, 0))], below_row=0)
    fill(1, rows[1:3])  # the first range begins here and goes on into the next chunk
    fill(3, rows[3:6])
    assert [r[0] for r in rows[1:]] == ["a", "a", "a", "b", "b"]


def test_a_sheet_starting_below_and_right_keeps_excel_numbers(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "案件"
    header = list(case_row(1))
    for offset, values in enumerate([header, list(case_row(1).values()), list(case_row(2, 案件类别="未知").values())]):
        for col, value in enumerate(values):
            ws.cell(row=4 + offset, column=3 + col, value=value)  # the used area starts at C4
    path = tmp_path / "a.xlsx"
    book.save(path)
    parsed = parse.read_export(path)
    assert [c.dept_case_no for c in parsed.cases] == [case_row(1)["部门受案号"]]
    [reject] = parsed.rejects
    assert (reject.sheet, reject.row, reject.column) == ("案件", 6, "案件类别")


def test_an_import_of_several_chunks_stores_every_case_with_its_suspects(tmp_path: Path) -> None:
    cases = parse.CHUNK_CARDS + 300  # two chunks
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "案件"
    header = list(case_row(1, 电子卷宗=None))
    ws.append(header)
    for n in range(cases, 0, -1):  # suspects sheet in the other order: matched by number, not position
        ws.append([case_row(n, 电子卷宗=None)[h] for h in header])
    suspects = book.create_sheet("嫌疑人")
    suspects.append(["部门受案号", "姓名", "出生日期"])
    for n in range(1, cases + 1):
        suspects.append([case_row(n)["部门受案号"], f"嫌疑人{n}", date(1990, 1, 1 + n % 28)])
    path = tmp_path / "big.xlsx"
    book.save(path)
    wb = open_workbench(tmp_path / "db")
    summary = import_cases(wb, path)
    assert (summary.imported, summary.rejected) == (cases, 0)
    with wb.db.session() as s:
        pairs = s.execute(select(Case.dept_case_no, Suspect.name).join(Suspect, Suspect.case_id == Case.id)).all()
        assert s.scalar(select(func.count()).select_from(Case)) == cases
    assert {no: name for no, name in pairs} == {case_row(n)["部门受案号"]: f"嫌疑人{n}" for n in range(1, cases + 1)}
    again = import_cases(wb, path)
    assert (again.imported, again.unchanged) == (0, cases)
    wb.close()


@pytest.mark.sqlite_only("SQLite's own bulk path")
def test_tuple_rows_store_what_dict_rows_store(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.sqlite3")
    try:
        with db.unchecked_session() as s:
            s.add(Unit(id=1, name="院"))
            s.flush()
            s.add(Department(id=1, unit_id=1, name="部"))
            s.add(Person(id=1, name="检"))
        table = cast(Table, Case.__table__)
        common = dict(unit_id=1, department_id=1, prosecutor_id=1, card_hash="h", created_by_id=None)
        row = dict(name="案", case_type="审查起诉", detained=True, dossier_paths=["a"], extra={"k": "v"}, **common)
        with db.unchecked_session() as s:
            s.execute(insert(table), [dict(row, dept_case_no="号1", accepted_on=date(2025, 3, 1))])
            names = ("dept_case_no", "accepted_on", *row)
            values = ("号2", "2025-03-01", *row.values())
            bulk_insert_tuples(s, table, names[:-1], [values[:-1]], {"created_by_id": None})
        cols = [c for c in table.columns if c.name not in ("id", "dept_case_no", "created_at", "updated_at")]
        with db.session() as s:
            first, second = (tuple(r) for r in s.execute(select(*cols).order_by(Case.id)))
        assert first == second
    finally:
        db.close()


def test_memory_is_given_back_after_an_import() -> None:
    release_memory()  # gc plus malloc_trim where glibc has it: must not fail anywhere


def test_an_import_closes_the_idle_connections_of_a_sqlite_file_and_the_database_stays_in_use(
    tmp_path: Path,
) -> None:
    wb = open_workbench(tmp_path)
    try:
        with wb.db.session() as s:  # a connection that read, idle in the pool afterwards
            s.scalar(select(func.count()).select_from(Case))
        pool = wb.db.engine.pool
        idle_before = pool.checkedin() if wb.db.is_sqlite else None
        book = Workbook()
        ws = book.active
        assert ws is not None
        header = list(case_row(1, 电子卷宗=None))
        ws.append(header)
        ws.append([case_row(1, 电子卷宗=None)[h] for h in header])
        path = tmp_path / "one.xlsx"
        book.save(path)
        assert import_cases(wb, path).imported == 1
        if wb.db.is_sqlite:  # their page caches went with them; a server keeps its caches itself
            assert idle_before and wb.db.engine.pool is not pool and wb.db.engine.pool.checkedin() == 0
        with wb.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Case)) == 1
        assert import_cases(wb, path).unchanged == 1
    finally:
        wb.close()


def test_copies_left_by_a_crash_are_removed_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "store" / "ab"
    folder.mkdir(parents=True)
    dead = folder / f"{INCOMING}{_host()}-999999999-x"  # this machine, a process that is gone
    live = folder / f"{INCOMING}{_host()}-{os.getpid()}-x"  # this process: still copying
    other = folder / f"{INCOMING}elsewhere-1-x"  # another workstation, recent: left alone
    old = folder / f"{INCOMING}oldname"  # an untouched leftover of any kind
    for path in (dead, live, other, old):
        path.write_bytes(b"part")
    os.utime(old, (0, 0))
    assert DossierStore(tmp_path / "store", clean=False).clean_incoming() == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted([live.name, other.name])
