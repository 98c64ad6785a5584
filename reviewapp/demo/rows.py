"""Card records as export rows: the columns of the three sheets and the cell value of each field."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from reviewapp.domain.case_card import (
    CASE_FIELDS,
    DOCUMENT_FIELDS,
    SUSPECT_FIELDS,
    CaseCard,
    DocumentRecord,
    FieldKind,
    FieldSpec,
    SuspectRecord,
)

CaseValue = str | int | Decimal | date | None

# Real exports differ in a few column names; the demo uses some accepted aliases (import-format.md).
CASE_COLUMN_ALIASES = {
    "case_type": "案件类型",
    "prosecutor": "承办人",
    "closed_on": "结案日期",
    "returns_count": "退查次数",
    "amount": "涉案金额（元）",
}
SUSPECT_COLUMN_ALIASES = {"name": "犯罪嫌疑人姓名"}


@dataclass(frozen=True)
class Column:
    header: str
    spec: FieldSpec


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    # Columns the app does not know (card.extra keys, e.g. 罪名变更理由), written after the known ones.
    extras: tuple[str, ...] = ()

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns] + list(self.extras)

    @property
    def date_columns(self) -> frozenset[int]:
        return frozenset(i for i, c in enumerate(self.columns) if c.spec.kind is FieldKind.DATE)


def _columns(specs: tuple[FieldSpec, ...], aliases: dict[str, str]) -> tuple[Column, ...]:
    return tuple(Column(aliases.get(s.attr, s.column), s) for s in specs)


CASE_SHEET = SheetSpec("案件", _columns(CASE_FIELDS, CASE_COLUMN_ALIASES))
SUSPECT_SHEET = SheetSpec("嫌疑人", _columns(SUSPECT_FIELDS, SUSPECT_COLUMN_ALIASES))
DOCUMENT_SHEET = SheetSpec("文书", _columns(DOCUMENT_FIELDS, {}))


def cell_value(spec: FieldSpec, value: object) -> CaseValue:
    """Dates stay dates (real date cells), booleans become 是/否 as in the case system's exports."""
    if value is None:
        return None
    if spec.kind is FieldKind.BOOL:
        return "是" if value else "否"
    if spec.kind is FieldKind.PATHS:
        return ";".join(str(p) for p in value) if isinstance(value, list | tuple) and value else None
    if isinstance(value, str | int | Decimal | date):
        return value
    return str(value)


def row_values(sheet: SheetSpec, record: object) -> list[CaseValue]:
    """The cell values of ``record``'s row on ``sheet`` (the styled workbook's path)."""
    return _row(sheet, record)


def _row(sheet: SheetSpec, record: object) -> list[CaseValue]:
    out: list[CaseValue] = []
    for column in sheet.columns:
        value = getattr(record, column.spec.attr)
        # Fast path for the common plain values; cell_value handles booleans and path lists.
        out.append(value if value is None or type(value) in _PLAIN else cell_value(column.spec, value))
    if sheet.extras:
        extra: dict[str, str] = getattr(record, "extra", {})
        out.extend(extra.get(key) for key in sheet.extras)
    return out


_PLAIN = frozenset({str, int, Decimal, date})


def with_extras(sheet: SheetSpec, records: Iterable[object]) -> SheetSpec:
    """``sheet`` plus one column per extra attribute found on ``records``, in order of first appearance."""
    keys: dict[str, None] = {}
    for record in records:
        keys.update(dict.fromkeys(getattr(record, "extra", None) or {}))
    return replace(sheet, extras=tuple(keys))


def case_row(card: CaseCard, sheet: SheetSpec = CASE_SHEET) -> list[CaseValue]:
    return _row(sheet, card)


def suspect_row(suspect: SuspectRecord, sheet: SheetSpec = SUSPECT_SHEET) -> list[CaseValue]:
    return _row(sheet, suspect)


def document_row(document: DocumentRecord) -> list[CaseValue]:
    return _row(DOCUMENT_SHEET, document)


# Cell templates of the compiled renderer: REF is the cell reference, GET the expression reading the value.
_CELLS = {
    FieldKind.DATE: "(f'<c r=\"REF\" s=\"DATE\"><v>{v.toordinal() - _E}</v></c>' if (v := GET) else '')",
    FieldKind.BOOL: "(f'<c r=\"REF\" t=\"inlineStr\"><is><t>{_b(v)}</t></is></c>' if (v := GET) is not None else '')",
    FieldKind.INT: "(f'<c r=\"REF\"><v>{v}</v></c>' if (v := GET) is not None else '')",
    FieldKind.PATHS: "(f'<c r=\"REF\" t=\"inlineStr\"><is><t>{_e(_j(v))}</t></is></c>' if (v := GET) else '')",
    FieldKind.TEXT: "(f'<c r=\"REF\" t=\"inlineStr\"{_q(v)}><is><t>{_e(v)}</t></is></c>' if (v := _s(GET)) else '')",
}
_CELLS[FieldKind.DECIMAL] = _CELLS[FieldKind.INT]


def renderer(sheet: SheetSpec) -> Callable[[object, int], str]:
    """One compiled function per sheet turning a record straight into its worksheet row XML (xlsx_stream).

    The general path (``_row`` then a per-cell loop over the values) cost ~250 µs a case; the generated
    function reads each attribute once and formats its cell inline by the field's kind — the same cells,
    values and styles. Attribute and header names come from the field specs, embedded with repr(); the cell
    text is escaped and formula-like text gets the quote-prefix style, as in ``xlsx_stream._row_xml``.
    """
    from openpyxl.utils import get_column_letter

    from reviewapp.demo import xlsx_stream as x

    scope: dict[str, object] = {
        "_e": x._escape,
        "_q": x._quoted,
        "_s": _text,
        "_E": x._EXCEL_EPOCH,
        "_j": lambda paths: ";".join(map(str, paths)),
        "_b": lambda value: "是" if value else "否",
    }
    reads = [(c.spec.kind, f"r.{c.spec.attr}") for c in sheet.columns]
    reads += [(FieldKind.TEXT, f"r.extra.get({key!r})") for key in sheet.extras]
    cells = [
        _CELLS[kind]
        .replace("DATE", str(x._DATE_STYLE))
        .replace("REF", f"{get_column_letter(i + 1)}{{n}}")
        .replace("GET", get)
        for i, (kind, get) in enumerate(reads)
    ]
    body = " + ".join(cells) if cells else "''"
    fn: Callable[[object, int], str] = eval(f"lambda r, n: f'<row r=\"{{n}}\">' + {body} + '</row>'", scope)
    return fn


def _text(value: object) -> str | None:
    """A text cell's value: text as it is, anything else (a number in a text column) as its text."""
    return value if value is None or isinstance(value, str) else str(value)
