"""A cases sheet with one row per suspect: the case's cells (merged over its rows, repeated on each, or left
blank below the first) and each suspect's own columns (姓名, 性别, 出生日期, 强制措施 …) per row.

Some provinces' exports are laid out this way instead of a separate suspects sheet (import-format.md lists
the suspect columns). Read as one row per case, every suspect after the first would be a second row of the
same case number with other content (refused) and the first suspect's columns would land on the case as
unknown extra columns — a wrong import. So such a sheet is split in two before it is read:

- the cases: the first row of each case number keeps the case's cells; a later row of the same number
  whose case cells are the same (or blank: the continuation rows of a merged or hand-tidied case) only
  carries a suspect and is taken off the cases sheet; a later row whose case cells differ stays, and is
  refused naming the column that differs (never guess which row is right);
- the suspects: a sheet of the same rows (same Excel row numbers, so a bad cell is reported where the user
  sees it) holding the case number and the suspect columns, read like a suspects sheet.

A column of both kinds (是否羁押, 认罪认罚, 认定罪名 …) belongs to the suspects when it stands right of
姓名 — the suspect's own block of columns — and to the case otherwise.
"""

from __future__ import annotations

from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS
from reviewapp.intake import headers, profiles, values
from reviewapp.intake.readers import Cell, Row, Sheet, fill_merged
from reviewapp.intake.table import NOTE_WORDS, SheetTable

_NAME_ATTR = "name"
_COUNTERS = frozenset({"序号", "行号", "序"})


def _blank(cell: Cell) -> bool:
    return cell == "" or (isinstance(cell, str) and not cell.strip())


def _note(own: list[Cell]) -> bool:
    """Whether the first filled suspect cell of a row begins like a total or note row (table.NOTE_WORDS)."""
    text = next((c for c in own if not _blank(c)), "")
    return isinstance(text, str) and "".join(values.fold(text).split()).startswith(NOTE_WORDS)


def _same(a: Cell, b: Cell) -> bool:
    """Two case cells of one case: equal as written, or equal once trimmed (a stray space typed in one)."""
    return a == b or (isinstance(a, str) and isinstance(b, str) and a.strip() == b.strip())


def suspect_columns(header: Row) -> list[int]:
    """The columns of the cases sheet's header ``header`` that belong to suspects, or [] when it has no 姓名
    column of its own (the usual one-row-per-case sheet)."""
    cases = headers.map_columns(header, CASE_FIELDS)
    suspects = headers.map_columns(header, SUSPECT_FIELDS)
    name = next(
        (c.index for c in suspects if c.spec is not None and c.spec.attr == _NAME_ATTR and cases[c.index].spec is None),
        None,
    )
    if name is None:
        return []
    return [
        c.index
        for c in suspects
        if c.spec is not None and c.spec.attr != headers.KEY_ATTR and (cases[c.index].spec is None or c.index > name)
    ]


def _several_rows_a_case(rows: list[Row], header_index: int, key: int, moved: list[int]) -> bool:
    """Whether some case spans several rows (its number again, or a row without one carrying a suspect): only
    then is the sheet one row per suspect. A sheet with one row per case and a 嫌疑人姓名 column may list
    several people in one cell (张三、李四): those stay the case's own columns, as before."""
    seen: set[str] = set()
    for row in rows[header_index + 1 :]:
        key_cell = row[key] if key < len(row) else ""
        if _blank(key_cell):
            if seen and any(i < len(row) and not _blank(row[i]) for i in moved):
                return True
            continue
        number = values.bracket_key(values.normalize_case_no(key_cell))  # any brackets: one case
        if number in seen:
            return True
        seen.add(number)
    return False


def _varying_extras(rows: list[Row], header_index: int, key: int, moved: list[int]) -> set[int]:
    """Unknown columns in or right of the suspects' block (年龄, 身份证号, 户籍地 …) whose cell on a later row of a
    case is filled and differs from the case's first row: a value of each suspect, not of the case — kept with
    the suspects as extra columns, where left with the case they would make every suspect row a conflict."""
    header = rows[header_index]
    cases, suspects = headers.map_columns(header, CASE_FIELDS), headers.map_columns(header, SUSPECT_FIELDS)
    candidates = [
        i
        for i in range(min(moved) + 1, len(header))
        if cases[i].spec is None
        and suspects[i].spec is None
        and not _blank(header[i])
        and headers.normalize_header(header[i]) not in _COUNTERS
    ]
    first: dict[str, Row] = {}
    last: Row | None = None
    found: set[int] = set()
    for row in rows[header_index + 1 :] if candidates else ():
        key_cell = row[key] if key < len(row) else ""
        if _blank(key_cell):
            earlier = last
        else:
            number = values.bracket_key(values.normalize_case_no(key_cell))
            earlier = first.get(number)
            if earlier is None:
                first[number] = last = row
                continue
        if earlier is None:
            continue
        for i in candidates:
            cell = row[i] if i < len(row) else ""
            if not _blank(cell) and not _same(cell, earlier[i] if i < len(earlier) else ""):
                found.add(i)
    return found


def split(sheet: Sheet, header_index: int) -> Sheet | None:
    """If the cases sheet ``sheet`` has suspect columns and some case spans several rows, rewrite it in place to
    one row per case (merged cells filled, suspect cells and continuation rows blanked) and return the
    suspects sheet of its rows; else None (the sheet is read as one row per case; merged cells filled)."""
    header = sheet.rows[header_index]
    moved = suspect_columns(header)
    if not moved:
        return None
    key = next(c.index for c in headers.map_columns(header, CASE_FIELDS) if c.spec and c.spec.attr == headers.KEY_ATTR)
    rows = sheet.all_rows()
    fill_merged(sheet, header_index)  # every row of a merged case carries its cells from here on
    if not _several_rows_a_case(rows, header_index, key, moved):
        return None
    moved = sorted({*moved, *_varying_extras(rows, header_index, key, moved)})
    sheet.merged = []
    width = max(len(r) for r in rows[header_index:])
    taken = set(moved) | {key}
    # A row counter (序号) numbers each suspect's row: not a case cell that differs between them.
    named = [headers.normalize_header(c) for c in header] + [""] * (width - len(header))
    kept = [i for i in range(width) if i not in taken and named[i] not in _COUNTERS]
    suspect_rows: list[Row] = [[] for _ in rows]
    suspect_rows[header_index] = [header[key], *(header[i] for i in moved)]
    first: dict[str, list[Cell]] = {}  # case number → the case cells of its first row
    last: tuple[Cell, list[Cell]] | None = None  # the key cell and case cells of the case above
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if len(row) < width:
            row = rows[index] = row + [""] * (width - len(row))
        own = [row[i] for i in moved]
        case = [row[i] for i in kept]
        key_cell = row[key]
        if _blank(key_cell):
            earlier = last
        else:
            number = values.bracket_key(values.normalize_case_no(key_cell))  # any brackets: one case
            earlier = (key_cell, first[number]) if number in first else None
            if earlier is None:
                first[number] = case
        same = earlier is not None and all(_blank(c) or _same(c, f) for c, f in zip(case, earlier[1], strict=True))
        if earlier is not None and same and not all(map(_blank, own)) and not _note(own):
            rows[index] = [""] * width  # only a suspect of the case above: not a case row
            suspect_rows[index] = [earlier[0], *own]
            continue
        if _blank(key_cell) and _note(own):
            continue  # 合计：3人 under the names: a note row, left for the cases sheet to skip and name
        for i in moved:
            row[i] = ""
        if not _blank(key_cell) and earlier is None:
            last = (key_cell, case)
            if not all(map(_blank, own)):
                suspect_rows[index] = [key_cell, *own]
    for i in moved:
        header[i] = ""
    return Sheet(sheet.name, suspect_rows)


def tables(cases: SheetTable) -> tuple[SheetTable, SheetTable] | None:
    """The cases table read again as one row per case and the suspects table of its rows, when the cases sheet
    has suspect columns (:func:`split`); else None."""
    inline = split(cases.sheet, cases.header_index)
    if inline is None:
        return None
    case_table = SheetTable(cases.sheet, cases.header_index, CASE_FIELDS)
    case_table.vocabulary = cases.vocabulary
    suspect_table = SheetTable(inline, cases.header_index, SUSPECT_FIELDS)
    suspect_table.vocabulary = profiles.vocabulary_of(SUSPECT_FIELDS)
    suspect_table.inline = True
    return case_table, suspect_table
