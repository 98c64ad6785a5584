"""Read a filled self-check workbook: every row checked, each bad one rejected with its sheet, row, column and
reason in plain words; the good rows come back as answers."""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from reviewapp.domain.selfcheck import Answer, parse_answer
from reviewapp.errors import KnownError
from reviewapp.exports.selfcheck_form.layout import COVER_SHEET, FORM_COLUMNS, FORM_REQUIRED, FORM_SHEET
from reviewapp.i18n import translate
from reviewapp.intake.headers import normalize_header
from reviewapp.intake.values import fold, parse_text


class SelfCheckFileError(KnownError, ValueError):
    """The whole file cannot be used (not a workbook, not a self-check form, unknown form …)."""


@dataclass(frozen=True)
class RowReject:
    sheet: str
    row: int | None
    column: str | None
    value: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class FileAnswers:
    cover: dict[str, str]
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (answer, note)
    rejects: list[RowReject] = field(default_factory=list)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    return "" if _blank(value) else parse_text(value)


def open_book(path: str | Path) -> Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # extensions Excel/WPS add; the cells read are unaffected
            return load_workbook(path, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SelfCheckFileError(
            translate("SelfCheckFile", "{file} is not a readable self-check form: {error}").format(file=path, error=exc)
        ) from exc


def _missing_sheet(file: str, sheet: str) -> SelfCheckFileError:
    return SelfCheckFileError(
        translate("SelfCheckFile", "{file}: the sheet {sheet} is missing; is this a self-check form?").format(
            file=file, sheet=sheet
        )
    )


def read_cover(book: Workbook, file: str) -> dict[str, str]:
    if COVER_SHEET not in book.sheetnames:
        raise _missing_sheet(file, COVER_SHEET)
    out: dict[str, str] = {}
    for row in book[COVER_SHEET].iter_rows(min_row=2, values_only=True):
        if len(row) >= 3 and row[2] is not None:
            out[str(row[2]).strip()] = _text(row[1])
    return out


def read_answers(book: Workbook, file: str, asked: set[str]) -> FileAnswers:
    """Answers of the rows whose 代码 is one of ``asked`` (the stored form's items)."""
    out = FileAnswers(cover=read_cover(book, file))
    if FORM_SHEET not in book.sheetnames:
        raise _missing_sheet(file, FORM_SHEET)
    first = next(book[FORM_SHEET].iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = {normalize_header(v): i for i, v in enumerate(first) if not _blank(v)}
    cols = {f: found[normalize_header(h)] for f, h in FORM_COLUMNS if normalize_header(h) in found}
    missing = [h for f, h in FORM_COLUMNS if f in FORM_REQUIRED and f not in cols]
    if missing:
        raise SelfCheckFileError(
            translate("SelfCheckFile", "{file}: sheet {sheet} has no column {columns}.").format(
                file=file, sheet=FORM_SHEET, columns="、".join(missing)
            )
        )
    headers = dict(FORM_COLUMNS)
    seen: dict[str, int] = {}
    for row_no, row in enumerate(book[FORM_SHEET].iter_rows(min_row=2, values_only=True), start=2):

        def cell(name: str, row: tuple[Any, ...] = tuple(row)) -> str:
            idx = cols.get(name)
            return _text(row[idx]) if idx is not None and idx < len(row) else ""

        def reject(name: str, reason: str, row_no: int = row_no) -> None:
            out.rejects.append(RowReject(FORM_SHEET, row_no, headers[name], cell(name) or None, reason))

        code, answer_text, note = fold(cell("code")), cell("answer"), cell("note")
        if not code and not answer_text and not note:
            continue  # an empty line
        if code not in asked:
            reject("code", translate("SelfCheckFile", "This form does not ask item {code}.").format(code=code or "-"))
            continue
        if code in seen:
            reject(
                "code",
                translate("SelfCheckFile", "Item {code} is already answered in row {row}.").format(
                    code=code, row=seen[code]
                ),
            )
            continue
        seen[code] = row_no
        if not answer_text:
            out.answers[code] = ("", note)  # still unanswered (a pre-filled note may stand)
            continue
        answer = parse_answer(answer_text)
        if answer is None:
            reject("answer", translate("SelfCheckFile", "Answer 是, 否 or 不适用."))
            continue
        if answer is Answer.NO and not note:
            reject("note", translate("SelfCheckFile", "An item answered 否 needs a note saying what is wrong."))
            continue
        out.answers[code] = (answer.value, note)
    return out
