"""Read a whole export into plain CaseCard records, rejecting each bad row precisely (the import streams the
cases as wire tuples built straight from the rows instead: wire.build).

import-format.md, "Rules for bad input": a row that cannot be read is rejected with its sheet, row number,
column and reason, and the good rows still import. Nothing here touches the database: the result is plain
data the storage layer writes in one transaction.

Cell conversion is column-wise and chunked for speed (see table.py); this module holds the rules that
span a row or the file: case types, the returns count, repeated case numbers, and linking suspects and
documents to their case.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewapp.collector import collector_paused
from reviewapp.domain.case_card import (
    CASE_FIELDS,
    CASE_TYPES,
    DOCUMENT_FIELDS,
    SUSPECT_FIELDS,
    CaseCard,
    DocumentRecord,
    FieldSpec,
    SuspectRecord,
)
from reviewapp.i18n import translate
from reviewapp.intake import conflicts, headers, inline_suspects, limits, values, wire
from reviewapp.intake import profiles as import_profiles
from reviewapp.intake.coverage import Coverage
from reviewapp.intake.dossier import PathGuard
from reviewapp.intake.errors import FileProblem, IntakeCancelled, IntakeFileError
from reviewapp.intake.linked import LinkedSheet, take_suspects
from reviewapp.intake.readers import Sheet, Workbook, read_bytes
from reviewapp.intake.renamed import renamed_notes
from reviewapp.intake.table import CHUNK_ROWS, SheetTable, is_blank_row

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

PROGRESS_EVERY = CHUNK_ROWS
CHUNK_CARDS = 2000  # cards handed on at a time while the cases sheet is read
# Cases of one chunk as wire tuples (wire.py), and where their dossier paths were written (the whole file's
# map so far).
CardSink = Callable[[list[Any], dict[tuple[str, str], tuple[str, int, str]]], None]
_CASE_TYPES = {t: t for t in CASE_TYPES}
MAX_RETURNS = 9  # 退回补充侦查次数 is one digit on the card (CPL art. 175 allows two returns; 9 catches typos)


@dataclass(frozen=True)
class Reject:
    """One problem that kept a row (or a whole sheet) out of the import."""

    file: Path
    sheet: str
    row: int  # Excel row number, 1-based
    column: str | None  # header as written in the file (for a whole-sheet problem: the columns it concerns)
    value: str | None  # the cell as text; None when missing or for a whole-row problem
    reason: str  # translated, user-facing


def _reject(path: Path, sheet: str, row: int, column: str | None, value: str | None, reason: str) -> Reject:
    """A reject as stored: a hostile cell's value is clipped for display (the row is out anyway)."""
    return Reject(
        path,
        sheet,
        row,
        column,
        limits.clip(value, limits.REJECT_VALUE_LIMIT),
        limits.clip(reason, limits.REJECT_REASON_LIMIT) or reason,
    )


@dataclass
class IntakeCounts:
    rows_read: int = 0  # data rows below the header rows, blank and duplicate ones included
    blank_rows: int = 0
    duplicate_rows: int = 0  # exact copies of an earlier row of the same sheet, skipped
    rejected_rows: int = 0


@dataclass
class ParsedExport:
    source: Path
    sha256: str
    cases: list[CaseCard]
    rejects: list[Reject]
    counts: IntakeCounts
    unknown_columns: dict[str, list[str]] = field(default_factory=dict)  # sheet → headers kept as extra
    sheets: dict[str, str] = field(default_factory=dict)  # "cases" / "suspects" / "documents" → sheet name
    # Where each dossier path was written: ("案件" | "文书", path) → (sheet, Excel row, column header), so a
    # file found missing while storing is reported at its cell like every other reject.
    locations: dict[tuple[str, str], tuple[str, int, str]] = field(default_factory=dict)
    profile: str | None = None  # the import profile applied, if any
    skipped_sheets: list[tuple[str, str]] = field(default_factory=list)  # (sheet, why it was not read)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (sheet, Excel row) skipped as exact copies
    coverage: Coverage = field(default_factory=Coverage)  # what a newer export leaves as stored

    def locate(self, reject: Any) -> Any:
        """``reject`` (a row-less dossier problem of the store phase) with its sheet, row and column."""
        if reject.row is not None:
            return reject
        kind = "文书" if reject.sheet == "文书" else "案件"
        where = self.locations.get((kind, reject.value or ""))
        if where is None:
            return reject
        sheet, row, column = where
        return dataclasses.replace(reject, sheet=sheet, row=row, column=column)


class _Progress:
    def __init__(self, progress: ProgressFn | None, cancel: CancelFn | None) -> None:
        self.total, self.done, self._progress, self._cancel = 0, 0, progress, cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise IntakeCancelled()

    def advance(self, rows: int) -> None:
        self.done += rows
        if self._progress is not None and self.done < self.total:
            self._progress(self.done, self.total)
        self.check()

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total)


def _sheet_reject(table: SheetTable, specs: Sequence[FieldSpec]) -> bool:
    """Reject the whole sheet once if a required column is absent (every row would fail the same way) or a
    field comes twice (either column could be the right one)."""
    missing = [s.column for s in headers.missing_required(table.columns, specs)]
    if missing:
        reason = translate("Intake", "Required column {columns} is missing; no row of this sheet was imported")
        columns = "、".join(missing)
        table.problems.append((table.header_index + 1, columns, None, reason.format(columns=columns)))
    duplicates = headers.duplicate_columns(table.columns, specs)
    for first, second in duplicates:
        reason = translate(
            "Intake",
            "Columns {first} ({first_letter}) and {second} ({second_letter}) hold the same field; it cannot be told "
            "which is right, so no row of this sheet was imported. Remove or rename one of them.",
        ).format(
            first=first.header,
            first_letter=headers.column_letter(first.index),
            second=second.header,
            second_letter=headers.column_letter(second.index),
        )
        table.problems.append((table.header_index + 1, second.header, None, reason))
    if missing or duplicates:  # every row of the sheet is one not imported
        table.rejected_rows += sum(not is_blank_row(r) for r in table.sheet.rows_from(table.header_index + 1))
    return bool(missing or duplicates)


def _case_problems(
    table: SheetTable, record: dict[str, Any], row_no: int, first_row: dict[str, int]
) -> list[tuple[str, str, str]] | None:
    """Row-level rules of the cases sheet; normalises 案件类别 in ``record`` when it is acceptable. None for a
    row to skip: a copy of an earlier row but for spaces (conflicts.trimmed_copy, which notes it)."""
    problems: list[tuple[str, str, str]] = []
    raw_type = record["case_type"]
    case_type = _CASE_TYPES.get("".join(values.fold(raw_type).split()))
    if case_type is None:
        reason = translate("Intake", "Unknown case type '{value}'; allowed: {allowed}")
        allowed = "、".join(CASE_TYPES)
        problems.append((table.header_of("case_type"), raw_type, reason.format(value=raw_type, allowed=allowed)))
    else:
        record["case_type"] = case_type
    returns = record.get("returns_count")
    if returns is not None and not 0 <= returns <= MAX_RETURNS:
        reason = translate("Intake", "{value} is outside the allowed range 0–{high}")
        problems.append(
            (table.header_of("returns_count"), str(returns), reason.format(value=returns, high=MAX_RETURNS))
        )
    key = record["dept_case_no"]
    if key in first_row and conflicts.trimmed_copy(table, first_row[key], row_no):
        return None
    if key in first_row:
        # Same number, different content (exact copies were skipped already): keep the first row and
        # name it and the first column that differs; never guess which one is right.
        problems.append((table.key_header, key, conflicts.conflict(table, key, first_row[key], row_no)))
    else:
        first_row[key] = row_no
    return problems


def _safe_paths(
    table: SheetTable, guard: PathGuard, row_no: int, paths: list[str], locations: dict[Any, Any]
) -> list[str]:
    """The dossier paths of a case row that may be read; each other one is a problem of that row and column."""
    kept = []
    for written in paths:
        reason = guard.problem(written)
        if reason is None:
            kept.append(written)
            locations.setdefault(("案件", written), (table.sheet.name, row_no, table.header_of("dossier_paths")))
        else:
            table.problems.append((row_no, table.header_of("dossier_paths"), written, reason))
    return kept


def _build_cases(
    table: SheetTable,
    ticker: _Progress,
    guard: PathGuard,
    locations: dict[Any, Any],
    linked: Sequence[LinkedSheet],
    sink: CardSink,
) -> None:
    """Build the cases of the cases sheet chunk by chunk, each with its suspects and documents, and hand them
    to ``sink`` CHUNK_CARDS at a time — as wire tuples built straight from the rows (no CaseCard per case)."""
    cases: list[wire.Wire] = []
    first_row: dict[str, int] = {}
    # A number written again with other year brackets is the same case (values.bracket_key): it meets the
    # first one's row as a repeated number, never a second case.
    by_brackets: dict[str, str] = {}
    bracket_key = values.bracket_key
    sheet_name, placed = table.sheet.name, []
    suspects = [s for s in linked if not s.documents]  # the suspects sheet, the cases sheet's own, or both
    documents = next((s for s in linked if s.documents), None)
    build = wire.build
    for start, rows in table.chunks():
        for row_no, record, extra in table.read_chunk(start, rows):
            if record.get("dossier_paths"):
                record["dossier_paths"] = _safe_paths(table, guard, row_no, record["dossier_paths"], locations)
            key = record["dept_case_no"]
            if key not in first_row and (first := by_brackets.setdefault(bracket_key(key), key)) != key:
                record["dept_case_no"] = key = first
            returns = record.get("returns_count")
            # Fast path for the usual row: known case type as written, new number, plausible returns count.
            if not (
                record["case_type"] in _CASE_TYPES
                and key not in first_row
                and (returns is None or 0 <= returns <= MAX_RETURNS)
            ):
                problems = _case_problems(table, record, row_no, first_row)
                if problems is None:  # the earlier row again but for spaces around a value: noted, skipped
                    continue
                if problems:
                    table.rejected_rows += 1
                    table.problems.extend((row_no, column, value, reason) for column, value, reason in problems)
                    continue
            first_row[key] = row_no
            # Where the case was read, for the store's note on a number matched across brackets (wire.CASE_ROW);
            # only while its chunk is handed on.
            locations[wire.CASE_ROW, key] = (sheet_name, row_no, table.key_header)
            placed.append(key)
            # Suspects first, then documents: a document's rejects are recorded in the same order as before.
            its_suspects = take_suspects(suspects, key, guard, locations) if suspects else []
            its_documents = documents.take(key, guard, locations) if documents is not None else []
            cases.append(build(record, extra, its_suspects, its_documents))
        ticker.advance(len(rows))
        if len(cases) >= CHUNK_CARDS:
            sink(cases, locations)
            wire.forget_rows(locations, placed)
            cases = []
    if cases:
        sink(cases, locations)
        wire.forget_rows(locations, placed)


def _table(sheet: Sheet, specs: Sequence[FieldSpec]) -> SheetTable | None:
    import_profiles.prepare_sheet(sheet.rows, specs)  # an import profile's header mapping, if one applies
    header_index = headers.find_header_row(sheet.rows, specs)
    if header_index is None:
        return None
    header_index = headers.join_sub_header(sheet.rows, header_index, specs)  # a two-row header
    table = SheetTable(sheet, header_index, specs)
    table.vocabulary = import_profiles.vocabulary_of(specs)
    return table


def _case_table(path: Path, book: Workbook, ticker: _Progress, passed: list[str]) -> SheetTable:
    """The cases table: the first candidate sheet whose header has every required column and rows below
    it — not a field description sheet listing 部门受案号 in a column, nor a hidden template holding only
    the header. Failing that, the first sheet with the key column (its missing columns are then named).
    ``passed`` gets the sheets with the key column that were passed over."""
    any_data = False
    incomplete: list[SheetTable] = []
    plan = import_profiles.active()
    names = (plan.sheet_name("suspects"), plan.sheet_name("documents"), plan.sheet_name("cases"))
    candidates = headers.case_sheet_candidates(book.sheet_names, *names, hidden=book.hidden)
    for name in candidates:
        sheet = book.sheet(name)
        table = _table(sheet, CASE_FIELDS)
        if table is not None:
            if not headers.missing_required(table.columns, CASE_FIELDS) and table.data_rows:
                passed.extend(t.sheet.name for t in incomplete)
                return table
            incomplete.append(table)
        any_data = any_data or not all(is_blank_row(r) for r in sheet.rows_from(0))
        ticker.check()
    if incomplete:
        passed.extend(t.sheet.name for t in incomplete[1:])
        return incomplete[0]
    if any_data:
        raise IntakeFileError(path, FileProblem.NO_KEY_COLUMN)
    others = [n for n in book.sheet_names if n not in candidates]  # the suspects and documents sheets
    if any(not all(is_blank_row(r) for r in book.sheet(n).rows_from(0)) for n in others):
        # Suspects or documents without the cases they belong to: not an empty file.
        raise IntakeFileError(path, FileProblem.NO_CASES_SHEET, "、".join(book.sheet_names))
    raise IntakeFileError(path, FileProblem.EMPTY)


def read_export(
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    options: import_profiles.ReadOptions | None = None,
) -> ParsedExport:
    """Parse one export file (.xlsx/.xls/.ods/.csv) into cases with their suspects and documents.

    The file is read in a child process (guard.py): a reader that crashes, exhausts its memory limit or
    hangs on a hostile file becomes an IntakeFileError, never a dead application. Raises IntakeFileError
    when the file as a whole cannot be read, IntakeCancelled when ``cancel()`` returns True (checked while
    the child reads). ``progress(done, total)`` counts data rows.
    """
    from reviewapp.intake.guard import read_in_child

    parsed: ParsedExport = read_in_child(Path(path), progress, cancel, options)
    return parsed


def read_export_here(
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    options: import_profiles.ReadOptions | None = None,
) -> ParsedExport:
    """:func:`read_export` in this process, without the guard."""
    cases: list[CaseCard] = []
    parsed = stream_export_here(
        path, lambda wires, _: cases.extend(map(wire.decode, wires)), progress=progress, cancel=cancel, options=options
    )
    parsed.cases = cases
    return parsed


def stream_export_here(
    path: Path,
    sink: CardSink,
    *,
    ready: Callable[[str, Coverage], None] | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    options: import_profiles.ReadOptions | None = None,
) -> ParsedExport:
    """Parse ``path`` in this process (the reading child's body), handing the cases to ``sink`` in chunks (as
    wire tuples) as the cases sheet is read; returns the rest (rejects, counts, …) with no cases.
    ``ready(sha256, coverage)`` is called once every sheet is loaded and the linked sheets are read, right
    before the first cards are built."""
    path = Path(path)
    data = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    with collector_paused(), import_profiles.reading(options):
        return _parse(path, data, digest, _Progress(progress, cancel), sink, ready)


def _parse(
    path: Path,
    data: bytes,
    digest: str,
    ticker: _Progress,
    sink: CardSink,
    ready: Callable[[str, Coverage], None] | None,
) -> ParsedExport:
    book = Workbook(path, data)
    ticker.check()
    plan = import_profiles.start_plan(book)
    suspects_name = headers.suspect_sheet(book.sheet_names, plan.sheet_name("suspects"))
    documents_name = headers.document_sheet(book.sheet_names, plan.sheet_name("documents"))
    book.prefetch([suspects_name, documents_name])
    passed: list[str] = []
    cases_table = _case_table(path, book, ticker, passed)
    sheets = {"cases": cases_table.sheet.name}
    rejects: list[Reject] = []

    linked: list[tuple[SheetTable, Sequence[FieldSpec], type[SuspectRecord] | type[DocumentRecord]]] = []
    roles: list[tuple[str, str | None, Sequence[FieldSpec], type[SuspectRecord] | type[DocumentRecord]]] = [
        ("suspects", suspects_name, SUSPECT_FIELDS, SuspectRecord),
        ("documents", documents_name, DOCUMENT_FIELDS, DocumentRecord),
    ]
    for role, name, specs, make in roles:
        if name is None:
            continue
        ticker.check()
        table = _table(book.sheet(name), specs)
        if table is None:
            reason = translate("Intake", "No header row with the key column {column}; sheet not imported")
            key = headers.key_spec(specs).column
            rejects.append(Reject(path, name, 1, key, None, reason.format(column=key)))
            continue
        sheets[role] = name
        linked.append((table, specs, make))
    if (split := inline_suspects.tables(cases_table)) is not None:
        cases_table = split[0]  # one row per suspect: the suspects are read off the cases sheet's rows too
        sheets.setdefault("suspects", cases_table.sheet.name)
        linked.append((split[1], SUSPECT_FIELDS, SuspectRecord))

    tables = [cases_table] + [t for t, _, _ in linked]
    ticker.total = sum(t.data_rows for t in tables)
    guard = PathGuard(path.parent)
    for table, specs in [(cases_table, CASE_FIELDS)] + [(t, sp) for t, sp, _ in linked]:
        renamed_notes(table, specs)
    locations: dict[tuple[str, str], tuple[str, int, str]] = {}
    cases_refused = _sheet_reject(cases_table, CASE_FIELDS)
    read = [LinkedSheet(t, make, ticker.advance) for t, specs, make in linked if not _sheet_reject(t, specs)]
    suspects = [sheet.table for sheet in read if not sheet.documents]
    present = {c.spec.attr for c in cases_table.fields if c.spec is not None}
    coverage = Coverage.of(
        (spec.attr for spec in CASE_FIELDS if spec.attr not in present),
        bool(suspects),
        (key for table in suspects for key in table.rejected_keys),
        (c.header for c in cases_table.extras),
    )
    if ready is not None:
        ready(digest, coverage)
    if not cases_refused:
        _build_cases(cases_table, ticker, guard, locations, read, sink)
    if cases_table.conflicts:
        conflicts.resolve(book, cases_table)
    for sheet in read:
        sheet.reject_orphans()
    ticker.finish()

    counts = IntakeCounts()
    unknown: dict[str, list[str]] = {}
    for table in tables:
        table.note_hidden()
        if not table.inline:  # the cases sheet's own rows, counted with it
            counts.rows_read += table.rows_read
            counts.blank_rows += table.blank_rows
        counts.duplicate_rows += table.duplicate_rows
        counts.rejected_rows += table.rejected_rows
        name = table.sheet.name
        rejects.extend(_reject(path, name, *p) for p in sorted(table.problems, key=lambda p: p[0]))
        if table.unknown_headers():
            unknown[name] = table.unknown_headers()
    parsed = ParsedExport(path, digest, [], rejects, counts, unknown, sheets, locations, coverage=coverage)
    return import_profiles.annotate(parsed, book.sheet_names, tables, hidden=book.hidden, passed=passed)
