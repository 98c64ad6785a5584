"""Column names and sheets of an export: normalise, match aliases, find the header row.

Exports differ between courts and system versions in spacing, width and wording of column names
(import-format.md): names are compared after NFKC (full-width → half-width, including （） and digits) with
all whitespace removed, against the canonical column and aliases of the FieldSpec tables — which stay the
single place a column is declared (reviewapp/domain/case_card.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reviewapp.domain.case_card import (
    CASE_SHEET_NAMES,
    DOCUMENT_SHEET_NAMES,
    SUSPECT_SHEET_NAMES,
    FieldKind,
    FieldSpec,
)
from reviewapp.intake.readers import Cell

# Exports put a title, the export date and notes above the header; 30 rows is far more than any seen.
HEADER_SEARCH_ROWS = 30
KEY_ATTR = "dept_case_no"


def normalize_header(text: object) -> str:
    """Comparable form of a column name: NFKC, no whitespace anywhere, no required-field asterisks."""
    folded = unicodedata.normalize("NFKC", str(text))
    # Some templates mark required columns with '*' (before or after the name).
    return "".join(folded.split()).strip("*")


def alias_table(specs: Sequence[FieldSpec]) -> dict[str, FieldSpec]:
    """Normalised canonical column and every alias → its FieldSpec (canonical names win over aliases)."""
    table: dict[str, FieldSpec] = {}
    for spec in specs:
        for alias in spec.aliases:
            table.setdefault(normalize_header(alias), spec)
    for spec in specs:
        table[normalize_header(spec.column)] = spec
    return table


def key_spec(specs: Sequence[FieldSpec]) -> FieldSpec:
    return next(s for s in specs if s.attr == KEY_ATTR)


def find_header_row(rows: Sequence[Sequence[Cell]], specs: Sequence[FieldSpec]) -> int | None:
    """0-based index of the first row (within the first HEADER_SEARCH_ROWS) holding the key column."""
    key = key_spec(specs)
    names = {normalize_header(key.column), *(normalize_header(a) for a in key.aliases)}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(isinstance(cell, str) and cell and normalize_header(cell) in names for cell in row):
            return index
    return None


def join_sub_header(rows: list[list[Cell]], index: int, specs: Sequence[FieldSpec]) -> int:
    """The header row index once a second header row under ``index`` is joined in: exports with a two-row
    header merge a single column's name down over both rows (部门受案号 in A1:A2) and put a group name above
    several columns (办案日期 over 受理日期 and 办结日期), whose own names are in the row below. When the row
    below holds column names only — text, at least one a known field the first row lacks, nothing under the
    key column (a data row has its case number there) — its names replace the cells above them, that row
    becomes the header row, and the index of that row is returned; otherwise ``index`` unchanged."""
    if index + 1 >= len(rows):
        return index
    top, below = rows[index], rows[index + 1]
    table = alias_table(specs)
    key = next((c.index for c in map_columns(top, specs) if c.spec is not None and c.spec.attr == KEY_ATTR), None)
    if key is None:
        return index
    named = [i for i, c in enumerate(below) if c != "" and not (isinstance(c, str) and c.isspace())]
    if key in named:
        return index
    if not named or any(not isinstance(below[i], str) for i in named):
        return index
    above = {spec.attr for c in top if c != "" and (spec := table.get(normalize_header(c))) is not None}
    new = {spec.attr for i in named if (spec := table.get(normalize_header(below[i]))) is not None}
    if not new - above:
        return index
    joined = list(top) + [""] * max(0, len(below) - len(top))
    for i in named:
        joined[i] = below[i]
    rows[index + 1] = joined
    return index + 1


def grouped_names(top: Sequence[Cell], below: Sequence[Cell]) -> list[Cell] | None:
    """The names of a two-row header in a layout not yet known (no field names to go by, as for an export
    mapped in the mapping dialog): ``top`` with ``below``'s names put in, when ``below`` reads as the second
    header row — text only, and only under groups: a group (办案时间) is a name of ``top`` followed by the
    blank cells it is merged over, with a name under each of its columns; at least one name of ``top`` has
    nothing under it (merged down over both rows). A data row has a value in its first column, which starts
    no group, and under columns that are no group. None when ``below`` is not such a row."""
    named = {i for i, c in enumerate(below) if c != "" and not (isinstance(c, str) and c.isspace())}
    if not named or any(not isinstance(below[i], str) for i in named):
        return None

    def blank(i: int) -> bool:
        return i >= len(top) or top[i] == "" or (isinstance(top[i], str) and not str(top[i]).strip())

    def in_a_group(i: int) -> bool:
        if not blank(i):  # a group's first column: the group goes on to the right
            return blank(i + 1) and i + 1 in named
        start = i - 1
        while start >= 0 and blank(start):
            start -= 1
        return start >= 0 and start in named

    merged_down = any(not blank(i) and i not in named for i in range(len(top)))
    if not merged_down or not all(in_a_group(i) for i in named):
        return None
    joined = list(top) + [""] * max(0, len(below) - len(top))
    for i in named:
        joined[i] = below[i]
    return joined


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its position, its header as written, and the field it fills (None: extra)."""

    index: int
    header: str
    spec: FieldSpec | None
    in_wan: bool = False  # an amount column whose header gives its unit as 万元: 1.2 there is 12 000 yuan


# An amount column headed with its unit 万元 (涉案金额（万元）), as statistical ledgers write it; （元） is an alias.
_WAN = re.compile(r"(.+)\(万元?\)")


def wan_field(name: str, table: dict[str, FieldSpec]) -> FieldSpec | None:
    """The amount field of a normalised header naming it with the unit 万元 (涉案金额(万元)), else None."""
    found = _WAN.fullmatch(name)
    spec = table.get(found.group(1)) if found is not None else None
    return spec if spec is not None and spec.kind is FieldKind.DECIMAL else None


def column_letter(index: int) -> str:
    """Excel column letters for a 0-based index (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def map_columns(header_row: Sequence[Cell], specs: Sequence[FieldSpec]) -> list[Column]:
    """Map each header cell to its field. A second column for an already-mapped field, and any unknown
    column, is kept as an extra column under its own header — never dropped. A column without a header
    is named by its letter so values under it are still kept."""
    table = alias_table(specs)
    canonical = _canonical_columns(header_row, specs)
    taken: set[str] = set()
    columns: list[Column] = []
    for index, cell in enumerate(header_row):
        header = str(cell).strip() if cell != "" else ""
        spec = table.get(normalize_header(header)) if header else None
        in_wan = spec is None and bool(header) and (spec := wan_field(normalize_header(header), table)) is not None
        if spec is not None and (spec.attr in taken or canonical.get(spec.attr, index) != index):
            spec, in_wan = None, False
        if spec is not None:
            taken.add(spec.attr)
        columns.append(Column(index, header or column_letter(index), spec, in_wan))
    return columns


def _canonical_columns(header_row: Sequence[Cell], specs: Sequence[FieldSpec]) -> dict[str, int]:
    """Field → the one column headed by the field's own name (移送案由), where exactly one is: that column is
    the field and a column headed by an alias (移送罪名) beside it is kept as an extra column."""
    names = {normalize_header(s.column): s.attr for s in specs}
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(header_row):
        attr = names.get(normalize_header(str(cell).strip())) if cell != "" else None
        if attr is not None:
            found.setdefault(attr, []).append(index)
    return {attr: at[0] for attr, at in found.items() if len(at) == 1}


def duplicate_columns(columns: Sequence[Column], specs: Sequence[FieldSpec]) -> list[tuple[Column, Column]]:
    """Pairs (first, second) of columns that name the same field (one header twice, or two aliases without
    the field's own name) or carry the same unknown header. Which one holds the truth cannot be known, so
    the caller rejects the sheet rather than keep either silently."""
    table = alias_table(specs)
    canonical = _canonical_columns([c.header for c in columns], specs)
    first: dict[str, Column] = {}
    pairs: list[tuple[Column, Column]] = []
    for column in columns:
        if column.header == column_letter(column.index):
            continue  # no header written: kept under its letter, nothing to confuse it with
        norm = normalize_header(column.header)
        spec = table.get(norm)
        if spec is not None and canonical.get(spec.attr, column.index) != column.index:
            spec = None  # an alias beside the field's own column: kept as an extra column
        key = f"field:{spec.attr}" if spec is not None else f"extra:{norm}"
        if key in first:
            pairs.append((first[key], column))
        else:
            first[key] = column
    return pairs


def missing_required(columns: Sequence[Column], specs: Sequence[FieldSpec]) -> list[FieldSpec]:
    present = {c.spec.attr for c in columns if c.spec is not None}
    return [s for s in specs if s.required and s.attr not in present]


def _find(names: Sequence[str], wanted: Sequence[str]) -> str | None:
    by_norm = {normalize_header(n): n for n in reversed(names)}
    for w in wanted:
        found = by_norm.get(normalize_header(w))
        if found is not None:
            return found
    return None


# Words a suspects or documents sheet is named with when its name is none of the known ones (犯罪嫌疑人信息表,
# 嫌疑人名单, 法律文书目录, 卷宗清单).
SUSPECT_SHEET_WORDS = ("嫌疑人",)
DOCUMENT_SHEET_WORDS = ("文书", "卷宗")


def _named_with(names: Sequence[str], words: Sequence[str], other: str | None = None) -> str | None:
    """The first sheet whose name holds one of ``words`` — never one that names 案件 (案件及嫌疑人 may hold the
    cases), ``other`` (the sheet of the other role), nor the only sheet left for the cases."""
    found = [
        n for n in names if n != other and "案件" not in (norm := normalize_header(n)) and any(w in norm for w in words)
    ]
    return found[0] if found and len(names) > 1 + (other is not None) else None


def suspect_sheet(names: Sequence[str], preferred: str | None = None) -> str | None:
    """The suspects sheet: the one an import profile names, else 嫌疑人 / 犯罪嫌疑人 (…信息), else the first whose
    name holds 嫌疑人."""
    found = _find(names, ((preferred,) if preferred else ()) + SUSPECT_SHEET_NAMES)
    return found or _named_with(names, SUSPECT_SHEET_WORDS, _find(names, DOCUMENT_SHEET_NAMES))


def document_sheet(names: Sequence[str], preferred: str | None = None) -> str | None:
    """The documents sheet: the one a profile names, else 文书 / 卷宗, else the first whose name holds one of them."""
    found = _find(names, ((preferred,) if preferred else ()) + DOCUMENT_SHEET_NAMES)
    return found or _named_with(names, DOCUMENT_SHEET_WORDS, suspect_sheet(names))


def case_sheet(names: Sequence[str]) -> str | None:
    return _find(names, CASE_SHEET_NAMES)


def case_sheet_candidates(
    names: Sequence[str],
    suspects: str | None = None,
    documents: str | None = None,
    preferred: str | None = None,
    *,
    hidden: Collection[str] = (),
) -> list[str]:
    """Sheets to try for the cases table, best first: the one a profile names, 案件 / 案件信息, then the other
    sheets in workbook order (the first sheet is the default) — hidden sheets (an old copy, a template) after
    the visible ones — never the suspects or documents sheet."""
    named = _find(names, ((preferred,) if preferred else ()) + CASE_SHEET_NAMES)
    others = {suspect_sheet(names, suspects), document_sheet(names, documents), named}
    rest = [n for n in names if n not in others]
    return ([named] if named else []) + [n for n in rest if n not in hidden] + [n for n in rest if n in hidden]
