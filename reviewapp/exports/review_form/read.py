"""Read a filled offline review form into checked rows, row by row like case intake: a bad row is rejected
with its sheet, row, column and reason; the good rows go on (see review_form.py)."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from reviewapp.domain.grading import normalise_severity
from reviewapp.errors import KnownError
from reviewapp.exports.review_form.layout import (
    COVER_SHEET,
    CRITERIA_COLUMNS,
    CRITERIA_SHEET,
    FORM_COLUMNS,
    FORM_REQUIRED,
    FORM_SHEET,
    GROUP_SEPARATORS,
    PAGE_SEPARATORS,
)
from reviewapp.i18n import translate
from reviewapp.intake.headers import normalize_header
from reviewapp.intake.values import BadValue, fold, parse_bool, parse_decimal, parse_int, parse_text
from reviewapp.standards import Standard


class ReviewFormError(KnownError, ValueError):
    """The whole form cannot be used (not a workbook, wrong case, unknown reviewer …); for the user."""


@dataclass(frozen=True)
class FormReject:
    sheet: str
    row: int | None
    column: str | None
    value: str | None
    reason: str


@dataclass(frozen=True)
class FormFinding:
    """A good row of the form, ready to record."""

    row: int
    item_code: str
    severity: str  # full name
    reason: str
    deduction: float | None
    phrase: str | None
    evidence: tuple[tuple[int, int], ...]  # (document_id, page)


@dataclass
class FormContents:
    findings: list[FormFinding] = field(default_factory=list)
    ticked: list[str] | None = None  # None: the criteria sheet was left blank (criteria unchanged)
    rejects: list[FormReject] = field(default_factory=list)


def open_form(path: str | Path) -> Workbook:
    try:
        with warnings.catch_warnings():
            # Excel/WPS add extensions openpyxl warns about and skips; they do not affect the cells read.
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(path, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReviewFormError(
            translate("ReviewForm", "{file} is not a readable review form: {error}").format(file=path, error=exc)
        ) from exc


def read_cover(book: Workbook, file: str) -> dict[str, str]:
    """Cover values by their code (column C); labels may have been reworded."""
    if COVER_SHEET not in book.sheetnames:
        raise ReviewFormError(
            translate("ReviewForm", "{file}: the sheet {sheet} is missing; is this a review form?").format(
                file=file, sheet=COVER_SHEET
            )
        )
    out: dict[str, str] = {}
    for row in book[COVER_SHEET].iter_rows(min_row=2, values_only=True):
        if len(row) >= 3 and row[2] is not None:
            out[str(row[2]).strip()] = "" if row[1] is None else parse_text(row[1])
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _headers(book: Workbook, sheet: str, columns: tuple[tuple[str, str], ...], file: str) -> dict[str, int]:
    if sheet not in book.sheetnames:
        raise ReviewFormError(
            translate("ReviewForm", "{file}: the sheet {sheet} is missing; is this a review form?").format(
                file=file, sheet=sheet
            )
        )
    first = next(book[sheet].iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = {normalize_header(v): i for i, v in enumerate(first) if not _blank(v)}
    return {f: found[normalize_header(h)] for f, h in columns if normalize_header(h) in found}


def _split(text: str, separators: tuple[str, ...]) -> list[str]:
    for sep in separators[1:]:
        text = text.replace(sep, separators[0])
    return [p.strip() for p in text.split(separators[0]) if p.strip()]


class _RowReader:
    """One form row: cell access by field, and rejects that name the column as the form writes it."""

    def __init__(self, row: tuple[Any, ...], row_no: int, cols: dict[str, int], reject: Callable[..., None]) -> None:
        self.row, self.row_no, self.cols, self._reject = row, row_no, cols, reject

    def cell(self, name: str) -> Any:
        idx = self.cols.get(name)
        return self.row[idx] if idx is not None and idx < len(self.row) else None

    def text(self, name: str) -> str:
        value = self.cell(name)
        return "" if _blank(value) else parse_text(value)

    def reject(self, name: str, reason: str) -> None:
        header = dict(FORM_COLUMNS)[name]
        value = self.text(name)
        self._reject(FORM_SHEET, self.row_no, header, value or None, reason)


def read_form(book: Workbook, file: str, standard: Standard, case_type: str, documents: dict[str, int]) -> FormContents:
    """Checked rows of the form and criteria sheets. ``documents`` maps folded document titles to ids."""
    out = FormContents()

    def reject(sheet: str, row: int | None, column: str | None, value: str | None, reason: str) -> None:
        out.rejects.append(FormReject(sheet, row, column, value, reason))

    cols = _headers(book, FORM_SHEET, FORM_COLUMNS, file)
    missing = [h for f, h in FORM_COLUMNS if f in FORM_REQUIRED and f not in cols]
    if missing:
        raise ReviewFormError(
            translate("ReviewForm", "{file}: sheet {sheet} has no column {columns}.").format(
                file=file, sheet=FORM_SHEET, columns="、".join(missing)
            )
        )
    seen: dict[str, int] = {}
    for row_no, row in enumerate(book[FORM_SHEET].iter_rows(min_row=2, values_only=True), start=2):
        r = _RowReader(tuple(row), row_no, cols, reject)
        finding = _read_row(r, standard, case_type, documents, seen)
        if finding is not None:
            out.findings.append(finding)
    out.ticked = _read_criteria(book, file, standard, reject)
    return out


def _read_row(
    r: _RowReader, standard: Standard, case_type: str, documents: dict[str, int], seen: dict[str, int]
) -> FormFinding | None:
    code, severity, reason = r.text("code"), r.text("severity"), r.text("reason")
    filled = [f for f in ("severity", "deduction", "reason", "documents", "pages") if r.text(f)]
    if not filled:
        return None  # an item with no problem found
    if not severity:
        r.reject("severity", translate("ReviewForm", "A reason or evidence is written but no severity is chosen."))
        return None
    try:
        item = standard.item(fold(code))
    except KeyError:
        r.reject("code", translate("ReviewForm", "Unknown item code {code}.").format(code=code or "-"))
        return None
    if case_type not in item.case_types:
        r.reject(
            "code",
            translate("ReviewForm", "Item {code} does not apply to {case_type} cases.").format(
                code=item.code, case_type=case_type
            ),
        )
        return None
    if item.code in seen:
        r.reject(
            "code",
            translate("ReviewForm", "Item {code} is already filled in row {row}.").format(
                code=item.code, row=seen[item.code]
            ),
        )
        return None
    try:
        full = normalise_severity(fold(severity))
    except ValueError:
        full = ""
    if full not in item.severities:
        r.reject(
            "severity",
            translate("ReviewForm", "Severity {severity} is not allowed for item {code}; allowed: {allowed}.").format(
                severity=severity, code=item.code, allowed="、".join(item.severities)
            ),
        )
        return None
    if not reason:
        r.reject("reason", translate("ReviewForm", "A finding needs a reason."))
        return None
    deduction: float | None = None
    if r.text("deduction"):
        try:
            deduction = float(parse_decimal(r.cell("deduction")))
        except BadValue as exc:
            r.reject("deduction", exc.reason)
            return None
        if deduction < 0:
            r.reject("deduction", translate("ReviewForm", "A deduction cannot be negative."))
            return None
    evidence = _evidence(r, documents)
    if evidence is None:
        return None
    seen[item.code] = r.row_no
    phrase = reason if reason in item.phrases else None
    return FormFinding(r.row_no, item.code, full, reason, deduction, phrase, evidence)


def _evidence(r: _RowReader, documents: dict[str, int]) -> tuple[tuple[int, int], ...] | None:
    """(document, page) pairs from the 卷宗文书 and 页码 cells; None after a reject."""
    titles = _split(r.text("documents"), GROUP_SEPARATORS)
    pages_cell = r.cell("pages")
    groups = [] if _blank(pages_cell) else _split(parse_text(pages_cell), GROUP_SEPARATORS)
    if groups and not titles:
        r.reject("documents", translate("ReviewForm", "Pages are given but no dossier document."))
        return None
    if titles and len(groups) != len(titles):
        r.reject(
            "pages",
            translate(
                "ReviewForm", "Give the pages of each document, '；'-separated in the same order ({n} documents)."
            ).format(n=len(titles)),
        )
        return None
    pairs: list[tuple[int, int]] = []
    for title, group in zip(titles, groups, strict=True):
        doc_id = documents.get(fold(title))
        if doc_id is None:
            r.reject(
                "documents",
                translate("ReviewForm", "No document titled {title} in this case's dossier.").format(title=title),
            )
            return None
        for part in _split(group, (",", *PAGE_SEPARATORS)):
            try:
                page = parse_int(part)
            except BadValue as exc:
                r.reject("pages", exc.reason)
                return None
            if page < 1:
                r.reject("pages", translate("ReviewForm", "Page numbers start at 1."))
                return None
            pairs.append((doc_id, page))
    return tuple(dict.fromkeys(pairs))


def _read_criteria(book: Workbook, file: str, standard: Standard, reject: Callable[..., None]) -> list[str] | None:
    if CRITERIA_SHEET not in book.sheetnames:
        return None
    cols = _headers(book, CRITERIA_SHEET, CRITERIA_COLUMNS, file)
    if "code" not in cols or "met" not in cols:
        return None
    met_header = dict(CRITERIA_COLUMNS)["met"]
    known = {c.code for c in standard.criteria}
    ticked: list[str] = []
    answered = False
    for row_no, row in enumerate(book[CRITERIA_SHEET].iter_rows(min_row=2, values_only=True), start=2):
        code_cell: Any = row[cols["code"]] if cols["code"] < len(row) else None
        met: Any = row[cols["met"]] if cols["met"] < len(row) else None
        if _blank(met):
            continue
        answered = True
        code = fold(parse_text(code_cell)) if not _blank(code_cell) else ""
        if code not in known:
            reject(
                CRITERIA_SHEET,
                row_no,
                dict(CRITERIA_COLUMNS)["code"],
                code or None,
                translate("ReviewForm", "Unknown criterion {code}.").format(code=code or "-"),
            )
            continue
        try:
            if parse_bool(met):
                ticked.append(code)
        except BadValue as exc:
            reject(CRITERIA_SHEET, row_no, met_header, parse_text(met), exc.reason)
    return ticked if answered else None
