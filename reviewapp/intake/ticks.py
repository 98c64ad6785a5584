"""Yes/no columns kept as tick marks: a ledger kept by hand marks √ where a case is, say, 认罪认罚 and leaves the
cell empty where it is not. Read cell by cell, every empty cell would be "not filled in" (unknown), and the
deadline checks would test both readings of 是否羁押 instead of the one the ledger meant.

A yes/no column whose filled cells in the sheet's first rows are all tick marks, with at least one data row left
empty, is read as a tick column for the whole sheet: an empty cell there is 否, and the import says so once,
at the header, so a user who meant "unknown" sees it. A column that writes 是/否, Y/N or ×, or has no empty
cell among those rows, is read as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewapp.domain.case_card import FieldKind
from reviewapp.i18n import translate
from reviewapp.intake import headers, values
from reviewapp.intake.readers import Row

TICK_MARKS = frozenset({"√", "✓", "✔", "☑", "✅"})


def tick_columns(
    rows: Sequence[Row], columns: Sequence[headers.Column], key_col: int
) -> list[tuple[headers.Column, str]]:
    """The yes/no columns of ``columns`` kept as tick marks in ``rows`` (the data rows at hand, below the
    header), each with the mark it uses. Only rows with a case number count: a total or note row under the
    data is empty everywhere."""
    data = [row for row in rows if key_col < len(row) and not values.is_blank(row[key_col])]
    out = []
    for column in columns:
        if column.spec is None or column.spec.kind is not FieldKind.BOOL:
            continue
        cells = [row[column.index] if column.index < len(row) else "" for row in data]
        filled = {values.fold(str(c)).strip() for c in cells if not values.is_blank(c)}
        if filled and filled <= TICK_MARKS and any(values.is_blank(c) for c in cells):
            out.append((column, "、".join(sorted(filled))))
    return out


def tick_note(column: headers.Column, mark: str) -> str:
    return translate(
        "Intake",
        "Column {column} marks yes with {mark} and leaves the other cells empty: an empty cell there is read as "
        "否 (no). If empty means 'not known' in this file, write 否 or × where it is no and import again",
    ).format(column=column.header, mark=mark)
