"""The fast path from a sheet's rows to attribute dicts, one column at a time.

A 100 000-case export is ~3 million cells, and the whole import must stay within 2.5× of calamine's own
read time. A per-cell loop that dispatches on the field kind costs more than calamine itself, so the sheet
is handled in chunks of rows: blank and duplicate rows are dropped, the chunk is transposed (in C, by
``zip``), and each column is converted by a comprehension specialised for its kind, with the common cases
inline (text stripped, datetime cells taken as they are) and per-column caches for the few distinct
spellings of yes/no and counts. Bad values become :class:`Bad` markers and are turned into row problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from reviewapp.domain.case_card import FieldKind, FieldSpec
from reviewapp.i18n import translate
from reviewapp.intake import headers, limits, values
from reviewapp.intake.readers import Cell, MergedFill, Row, Sheet
from reviewapp.intake.ticks import tick_columns, tick_note

CHUNK_ROWS = 1000  # also the progress / cancel interval
ParsedRow = tuple[int, dict[str, Any], dict[str, str]]  # (Excel row, field values, extra columns)
Problem = tuple[int, str | None, str | None, str]  # (Excel row, column header, value, reason)


class Bad:
    """A cell that could not be read, carried through its column until the row is rejected."""

    __slots__ = ("reason", "value")
    # Bumped on every marker, so a column without one is never scanned cell by cell. Another thread's
    # import can only cause a needless scan, never a missed one.
    created = 0

    def __init__(self, value: str, reason: str) -> None:
        self.value, self.reason = value, reason
        Bad.created += 1


def _blank_or_bad(cell: Cell, parse: Callable[[Cell], Any], empty: frozenset[str] = values.PLACEHOLDERS) -> Any:
    """The slow path of every column: None for a blank cell or one of the ``empty`` words, the value, or a
    Bad marker."""
    if cell.__class__ is str:
        cell = cell.strip()
        if not cell:
            return None
    try:
        return parse(cell)
    except values.BadValue as exc:
        if cell.__class__ is str and values.is_placeholder(cell, empty):  # "—", "/", "无": nothing written here
            return None
        return Bad(values.parse_text(cell), exc.reason)


def _cached_column(
    cells: Sequence[Cell], parse: Callable[[Cell], Any], empty: frozenset[str] = values.PLACEHOLDERS
) -> list[Any]:
    # Yes/no and counts come in a handful of spellings; convert each spelling once.
    cache: dict[Cell, Any] = {}
    out: list[Any] = []
    append = out.append
    for cell in cells:
        try:
            append(cache[cell])
        except KeyError:
            append(cache.setdefault(cell, _blank_or_bad(cell, parse, empty)))
    return out


def _date_cell(cell: Cell) -> Any:
    if cell.__class__ is datetime and values.MIN_YEAR <= cell.year <= values.MAX_YEAR:
        return cell.date()
    return _blank_or_bad(cell, values.parse_date)


_LOW, _HIGH = values.MIN_YEAR, values.MAX_YEAR


def _text_cell(cell: Cell) -> str | None:
    return values.parse_text(cell) or None


def _paths(cell: Cell) -> list[str]:
    return values.parse_paths(cell) if not values.is_blank(cell) else []


def convert_column(spec: FieldSpec, cells: Sequence[Cell]) -> list[Any]:
    """Values of one column: None where blank, a Bad marker where unreadable."""
    if spec.attr == headers.KEY_ATTR:
        return [_blank_or_bad(c, values.normalize_case_no) for c in cells]
    kind = spec.kind
    if kind is FieldKind.TEXT:
        return [(c.strip() or None) if c.__class__ is str else _text_cell(c) for c in cells]
    if kind is FieldKind.DATE:
        # Date cells (the usual case) pass straight through; empty cells ("" from calamine) are None.
        return [
            c if c.__class__ is date and _LOW <= c.year <= _HIGH else None if c == "" else _date_cell(c) for c in cells
        ]
    if kind is FieldKind.BOOL:
        attr = spec.attr
        return _cached_column(cells, lambda c: values.parse_bool(c, attr), values.YES_NO_PLACEHOLDERS)
    if kind is FieldKind.INT:
        return _cached_column(cells, values.parse_int)
    if kind is FieldKind.DECIMAL:
        return [None if c == "" else _blank_or_bad(c, values.parse_decimal) for c in cells]
    return [[] if c == "" else _paths(c) for c in cells]


def _in_wan(cell: Cell, value: Decimal) -> Decimal | Bad:
    try:
        return values.in_wan(cell, value)
    except values.BadValue as exc:
        return Bad(values.parse_text(cell), exc.reason)


def _too_long(limit: int) -> str:
    return translate("Intake", "Longer than this field allows: at most {limit} characters").format(limit=limit)


def _formula_reason(char: str) -> str:
    return translate(
        "Intake",
        "Starts with '{char}' like a spreadsheet formula: imported as text, and shown as text (never computed) "
        "in the workbooks this application writes",
    ).format(char=char)


def screen_text(vals: list[Any], limit: int) -> tuple[list[Any], list[tuple[int, str]]]:
    """Remove control characters, mark texts over ``limit`` as Bad, and find formula-like texts.

    The whole column is tested at once (one join, two searches); only a column that hits is walked cell
    by cell. Returns the values and (position, formula character) of each flagged cell."""
    texts = [v for v in vals if v.__class__ is str]
    if not texts:
        return vals, []
    joined = "\n".join(texts)
    control = limits.CONTROL.search(joined) is not None
    if not control and max(map(len, texts)) <= limit and limits.FORMULA_LINE.search(joined) is None:
        return vals, []
    out: list[Any] = []
    flagged: list[tuple[int, str]] = []
    for pos, value in enumerate(vals):
        if value.__class__ is str:
            if control:
                value = limits.CONTROL.sub("", value).strip() or None
            if value is not None and len(value) > limit:
                value = Bad(value, _too_long(limit))
            elif value is not None and (char := limits.formula_char(value)) is not None:
                flagged.append((pos, char))
        out.append(value)
    return out, flagged


# The first words of the rows exports put under the data: totals, who made the table and when, notes.
NOTE_WORDS = (
    "合计", "总计", "小计", "共计", "累计", "制表", "填表", "填报", "导出", "打印", "审核人", "统计时间",
    "统计日期", "数据截止", "截止日期", "备注:", "说明:", "注:",
)  # fmt: skip
_NOTE_FIRST = frozenset(word[0] for word in NOTE_WORDS)


def is_blank_row(row: Row) -> bool:
    return all(cell == "" or (isinstance(cell, str) and cell.isspace()) for cell in row)


class SheetTable:
    """One sheet below its header row: the mapped columns, and the rows read into attribute dicts."""

    def __init__(self, sheet: Sheet, header_index: int, specs: Sequence[FieldSpec]) -> None:
        self.sheet, self.header_index = sheet, header_index
        self.limits = {s.attr: limits.field_limit(specs, s) for s in specs}
        self.columns = headers.map_columns(sheet.rows[header_index], specs)
        self.fields = [c for c in self.columns if c.spec is not None]
        self.extras = [c for c in self.columns if c.spec is None]
        key = next(c for c in self.fields if c.spec and c.spec.attr == headers.KEY_ATTR)
        self.key_header, self.key_col = key.header, key.index
        self.problems: list[Problem] = []
        self.used_extras: set[str] = set()
        self.rows_read = self.blank_rows = self.duplicate_rows = self.rejected_rows = self.note_rows = 0
        self.duplicates: list[int] = []  # Excel rows skipped as exact copies, listed in the summary
        self.rejected_keys: set[str] = set()  # the case numbers of rejected rows, where readable
        # Value words per field (intake/vocabulary.py), set by the reader: spellings mapped before parsing.
        self.vocabulary: dict[str, Any] = {}
        # Fingerprints of the rows kept so far, by key cell: rows are streamed, so exact copies are found by
        # the hash of their cells (equal rows, equal hash; a false match needs two rows with the same case
        # number whose 64-bit hashes collide) instead of by keeping every row.
        self._rows_by_key: dict[Cell, int | list[int]] = {}
        # The kept rows of the last two chunks as (Excel rows, rows): a repeated case number's earlier row
        # is looked up here (conflicts.py); those that are gone by then are read again (``conflicts``).
        self._recent: list[tuple[list[int], list[Row]]] = []
        self.conflicts: list[tuple[int, str, int, Row]] = []  # (row, case number, its first row, row's cells)
        # The suspects read off a cases sheet with one row per suspect (inline_suspects.py): its rows are the
        # cases sheet's, counted there.
        self.inline = False
        # Yes/no columns kept as tick marks (ticks.py): an empty cell there reads 否, said once at the header.
        found = tick_columns(sheet.rows[header_index + 1 :], self.fields, self.key_col)
        self.ticked = {column.index for column, _ in found}
        self.problems += [(header_index + 1, c.header, None, tick_note(c, mark)) for c, mark in found]

    @property
    def data_rows(self) -> int:
        return max(0, self.sheet.total - self.header_index - 1)

    def header_of(self, attr: str) -> str:
        return next(c.header for c in self.fields if c.spec and c.spec.attr == attr)

    def unknown_headers(self) -> list[str]:
        """Unknown columns kept as extra: every named one, and header-less ones that held a value."""
        letters = {headers.column_letter(c.index) for c in self.columns}
        return [c.header for c in self.extras if c.header not in letters or c.header in self.used_extras]

    def row_at(self, row_no: int) -> Row | None:
        """The cells of Excel row ``row_no`` if still at hand: in the last two chunks or the sheet's first rows
        (only for a row being reported: not fast)."""
        for numbers, kept in self._recent:
            if numbers and numbers[0] <= row_no <= numbers[-1] and row_no in numbers:
                return kept[numbers.index(row_no)]
        if self.header_index < row_no <= len(self.sheet.rows):
            return self.sheet.rows[row_no - 1]
        return None

    def _keep(self, first: int, rows: list[Row]) -> tuple[list[int], list[Row]]:
        """Excel row numbers and rows of a chunk, without blank rows and exact duplicates."""
        numbers: list[int] = []
        kept: list[Row] = []
        key_col, by_key = self.key_col, self._rows_by_key
        for offset, row in enumerate(rows):
            raw_key = row[key_col] if key_col < len(row) else ""
            # A blank row has a blank key cell; only then is the whole row inspected.
            if raw_key == "" or (raw_key.__class__ is str and (raw_key.isspace() or raw_key[:1] in _NOTE_FIRST)):
                if is_blank_row(row):
                    self.blank_rows += 1
                    continue
                if self._note_row(first + offset + 1, row):
                    continue
            # Exact duplicates share their key cell, so rows are compared only within the same key.
            print_ = hash(tuple(row))
            same_key = by_key.get(raw_key)
            if same_key is None:
                by_key[raw_key] = print_
            elif same_key == print_ or (isinstance(same_key, list) and print_ in same_key):
                self.duplicate_rows += 1
                self.duplicates.append(first + offset + 1)
                continue
            elif isinstance(same_key, list):
                same_key.append(print_)
            else:
                by_key[raw_key] = [same_key, print_]
            numbers.append(first + offset + 1)
            kept.append(row)
        return numbers, kept

    def note_hidden(self) -> None:
        """Name the data rows hidden in Excel (a filter left on, rows hidden by hand): they are rows of the export
        and are read like the others (nothing is dropped unseen), but the user may not have meant them."""
        rows = sorted(r + 1 for r in self.sheet.hidden if r > self.header_index)
        if not rows:
            return
        spans: list[list[int]] = []
        for row in rows:
            if spans and row == spans[-1][1] + 1:
                spans[-1][1] = row
            else:
                spans.append([row, row])
        shown = "、".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)
        reason = translate(
            "Intake",
            "Row(s) {rows} hidden in Excel (by a filter or by hand) were read like the others; if they are not "
            "meant to be imported, delete them in the workbook and import again",
        ).format(rows=shown)
        self.problems.append((rows[0], self.key_header, None, reason))

    def _note_row(self, row_no: int, row: Row) -> bool:
        """A total or note row under the data (合计 …, 制表人：…, 导出时间：…) without a case number: skipped, and
        said so at its first cell (it would otherwise be refused for every required cell it lacks)."""
        index, cell = next((i, c) for i, c in enumerate(row) if not (c == "" or (c.__class__ is str and c.isspace())))
        key = row[self.key_col] if self.key_col < len(row) else ""
        if index != self.key_col and not (key == "" or (key.__class__ is str and key.isspace())):
            return False  # a case number beside the text: a data row, read as one
        if not (cell.__class__ is str and "".join(values.fold(cell).split()).startswith(NOTE_WORDS)):
            return False
        # A row with most of its required cells filled is a data row whatever its first words (a case number
        # may begin like a note word): it is read, and refused at its cells if it must be.
        required = [c.index for c in self.fields if c.spec is not None and c.spec.required and c.index != index]
        filled = sum(1 for i in required if i < len(row) and not (row[i] == "" or str(row[i]).isspace()))
        if filled * 2 >= len(required):
            return False
        header = self.columns[index].header if index < len(self.columns) else headers.column_letter(index)
        reason = translate("Intake", "A total or note row (合计, 制表人, 导出时间 …), not a data row: skipped")
        self.problems.append((row_no, header, values.parse_text(cell), reason))
        self.note_rows += 1
        return True

    def read_chunk(self, start: int, rows: list[Row]) -> list[ParsedRow]:
        """``rows``, the first at 0-based index ``start``, into attribute dicts; bad rows become problems."""
        numbers, kept = self._keep(start, rows)
        self.rows_read += len(rows)
        if not kept:
            return []
        width = max(len(self.columns), max(len(r) for r in kept))
        if width > len(self.columns):
            # Cells right of the last header (ragged CSV lines) are kept too, named by column letter.
            more = [headers.Column(i, headers.column_letter(i), None) for i in range(len(self.columns), width)]
            self.columns.extend(more)
            self.extras.extend(more)
        if any(len(r) < width for r in kept):  # ragged CSV lines
            kept = [r + [""] * (width - len(r)) if len(r) < width else r for r in kept]
        self._recent = [*self._recent[-1:], (numbers, kept)]
        by_column = list(zip(*kept, strict=True))
        required_missing = translate("Intake", "A value is required here")
        converted: list[list[Any]] = []
        bad_rows: dict[int, list[tuple[str, str | None, str]]] = {}
        flags: list[tuple[int, str, str, str]] = []  # (position, header, value, formula character)
        notes: list[tuple[int, str, str, str]] = []  # (position, header, value, reason): error cells kept empty
        # Excel error cells of this chunk's rows, which read as blank: position → column → error.
        errors = (
            {pos: e for pos, n in enumerate(numbers) if (e := self.sheet.errors.get(n - 1))}
            if self.sheet.errors
            else {}
        )
        for column in self.fields:
            assert column.spec is not None
            before = Bad.created
            words = self.vocabulary.get(column.spec.attr)
            cells = by_column[column.index] if words is None else words.apply(by_column[column.index])
            vals = convert_column(column.spec, cells)
            if column.in_wan:  # 涉案金额（万元）: amounts in 10 000 yuan
                vals = [_in_wan(c, v) if v.__class__ is Decimal else v for c, v in zip(cells, vals, strict=True)]
            if column.index in self.ticked:
                vals = [False if v is None else v for v in vals]
            if words is not None and words.closed:  # a closed vocabulary refuses what it does not know
                vals = [
                    Bad(v, words.refusal(v, column.header)) if v.__class__ is str and not words.allows(v) else v
                    for v in vals
                ]
            if column.spec.kind is FieldKind.TEXT:
                vals, flagged = screen_text(vals, self.limits[column.spec.attr])
                flags.extend((pos, column.header, vals[pos], char) for pos, char in flagged)
            elif column.spec.kind is FieldKind.PATHS:
                vals = self._screen_paths(vals)
            if errors:
                vals = self._error_cells(errors, column.index, column.header, column.spec.required, vals, notes)
            converted.append(vals)
            if Bad.created == before and not (column.spec.required and None in vals):
                continue
            for pos, value in enumerate(vals):
                if value is None:
                    if column.spec.required:
                        bad_rows.setdefault(pos, []).append((column.header, None, required_missing))
                elif value.__class__ is Bad:
                    bad_rows.setdefault(pos, []).append((column.header, value.value, value.reason))
        attrs = [c.spec.attr for c in self.fields if c.spec is not None]
        # Unknown columns as text (None where blank); columns empty throughout the chunk are skipped.
        extra_cols = [
            (c.header, [(x.strip() or None) if x.__class__ is str else _text_cell(x) for x in cells])
            for c in self.extras
            if (cells := by_column[c.index]).count("") != len(cells)
        ]
        for column in self.extras if errors else ():
            self._error_cells(errors, column.index, column.header, False, [], notes)
        for i, (header, texts) in enumerate(extra_cols):
            screened, flagged = screen_text(texts, limits.EXTRA_LIMIT)
            if screened is not texts:
                extra_cols[i] = (header, screened)
                for pos, value in enumerate(screened):
                    if value.__class__ is Bad:
                        bad_rows.setdefault(pos, []).append((header, value.value, value.reason))
            flags.extend((pos, header, screened[pos], char) for pos, char in flagged)
        out: list[ParsedRow] = []
        append = out.append
        key_at = attrs.index(headers.KEY_ATTR)
        for pos, row_vals in enumerate(zip(*converted, strict=False)):
            if bad_rows and pos in bad_rows:
                self.rejected_rows += 1
                if (key := row_vals[key_at]).__class__ is str:
                    self.rejected_keys.add(key)
                for header, value, reason in bad_rows[pos]:
                    self.problems.append((numbers[pos], header, value, reason))
                continue
            extra: dict[str, str] = {}
            if extra_cols:
                extra = {h: v for h, col in extra_cols if (v := col[pos]) is not None}
                self.used_extras.update(extra)
            append((numbers[pos], dict(zip(attrs, row_vals, strict=False)), extra))
        # A formula-like cell or an error cell in an optional column of an imported row is named, not rejected.
        self.problems.extend(
            (numbers[pos], header, value, _formula_reason(char))
            for pos, header, value, char in flags
            if pos not in bad_rows
        )
        self.problems.extend(
            (numbers[pos], header, value, why) for pos, header, value, why in notes if pos not in bad_rows
        )
        return out

    @staticmethod
    def _error_cells(
        errors: dict[int, dict[int, str]],
        index: int,
        header: str,
        required: bool,
        vals: list[Any],
        notes: list[tuple[int, str, str, str]],
    ) -> list[Any]:
        """Excel error cells of column ``index`` (read as blank): Bad in a required column, else a note (the
        row imports with the cell empty)."""
        for pos, columns in errors.items():
            code = columns.get(index)
            if code is None:
                continue
            if required:
                reason = translate("Intake", "Excel formula error {error}: the cell holds no value")
                vals[pos] = Bad(code, reason.format(error=code))
            else:
                reason = translate("Intake", "Excel formula error {error}: imported as empty")
                notes.append((pos, header, code, reason.format(error=code)))
        return vals

    def _screen_paths(self, vals: list[Any]) -> list[Any]:
        """Dossier path lists: control characters removed; a path over the limit makes the cell Bad."""
        if not any(vals):
            return vals
        joined = "\n".join(p for paths in vals if paths.__class__ is list for p in paths)
        if limits.CONTROL.search(joined) is None and max(map(len, joined.split("\n"))) <= limits.PATH_LIMIT:
            return vals
        out: list[Any] = []
        for paths in vals:
            if paths.__class__ is list:
                paths = [q for p in paths if (q := limits.CONTROL.sub("", p).strip())]
                long = next((p for p in paths if len(p) > limits.PATH_LIMIT), None)
                if long is not None:
                    paths = Bad(long, _too_long(limits.PATH_LIMIT))
            out.append(paths)
        return out

    def chunks(self) -> Iterator[tuple[int, list[Row]]]:
        """The data rows in chunks of CHUNK_ROWS as (index of the first, rows), merged cells filled; each row
        is handed out once (a streamed sheet is not kept)."""
        fill = MergedFill(self.sheet.merged, self.header_index) if self.sheet.merged else None
        start = self.header_index + 1
        for chunk in self.sheet.chunks_from(start, CHUNK_ROWS):
            if fill is not None:
                fill(start, chunk)
            yield start, chunk
            start += len(chunk)
