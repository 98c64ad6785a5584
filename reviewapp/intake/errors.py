"""Errors of the case intake: a file that cannot be imported at all, and a cancelled import.

A bad *row* is not an error: it becomes a :class:`reviewapp.intake.parse.Reject` and the good rows still
import (import-format.md, "Rules for bad input"). Only a file that cannot be read as a whole raises
:class:`IntakeFileError`, with one plain message naming the file — never a stack trace for the user.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from reviewapp.errors import KnownError
from reviewapp.i18n import translate

KEY_COLUMN = "部门受案号"


class FileProblem(Enum):
    """Why a whole file was refused; lets callers and tests branch without parsing the message."""

    UNREADABLE = "unreadable"
    NOT_A_WORKBOOK = "not_a_workbook"
    ENCRYPTED = "encrypted"
    DAMAGED = "damaged"
    EMPTY = "empty"
    NO_KEY_COLUMN = "no_key_column"
    NO_CASES_SHEET = "no_cases_sheet"  # only a suspects or documents sheet: ``detail`` lists the sheets seen
    UNSUPPORTED_ENCODING = "unsupported_encoding"
    READER_FAILED = "reader_failed"  # the reader process died or failed: a native crash, kept in the log
    TOO_LARGE = "too_large"  # the read needed more memory than the guard allows
    TIMED_OUT = "timed_out"


def _message(problem: FileProblem, file: str, detail: str) -> str:
    # Translated first, formatted after, so the catalog holds the sentence with its placeholders.
    if problem is FileProblem.UNREADABLE:
        text = translate("Intake", "Cannot open {file}: {detail}")
    elif problem is FileProblem.NOT_A_WORKBOOK:
        text = translate("Intake", "{file} is not a spreadsheet (.xlsx, .xls, .ods or .csv) and cannot be imported.")
    elif problem is FileProblem.ENCRYPTED:
        text = translate(
            "Intake",
            "{file} is password-protected. Remove the password (or export it again without one) and import it again.",
        )
    elif problem is FileProblem.DAMAGED:
        text = translate(
            "Intake",
            "{file} is truncated or damaged and cannot be read. Export it again from the case system.",
        )
    elif problem is FileProblem.EMPTY:
        text = translate("Intake", "{file} is empty: it holds no case data.")
    elif problem is FileProblem.READER_FAILED:
        text = translate(
            "Intake",
            "{file} cannot be read: the reader stopped on it. The file is probably damaged; export it again from "
            "the case system. Details were kept in the log.",
        )
    elif problem is FileProblem.TOO_LARGE:
        text = translate(
            "Intake",
            "{file} cannot be read: reading it needs more memory than an export of its size may use. The file is "
            "probably damaged; export it again, or split it into smaller exports.",
        )
    elif problem is FileProblem.TIMED_OUT:
        text = translate(
            "Intake",
            "{file} cannot be read: reading it took far longer than an export of its size should. The file is "
            "probably damaged; export it again from the case system.",
        )
    elif problem is FileProblem.NO_KEY_COLUMN:
        text = translate("Intake", "{file} has no sheet with the key column {column}; no cases can be read.")
    elif problem is FileProblem.NO_CASES_SHEET:
        text = translate(
            "Intake",
            "{file} has no sheet with the case columns, only a suspects or documents sheet; no cases can be read. "
            "Sheets found: {detail}.",
        )
    else:
        text = translate(
            "Intake",
            "{file} is not in a supported text encoding (UTF-8, GB18030, or UTF-16 with its byte-order mark as "
            "Excel saves Unicode text). Save it as UTF-8 CSV.",
        )
    return text.format(file=file, detail=detail, column=KEY_COLUMN)


class IntakeFileError(KnownError):
    """The whole file cannot be imported. ``str(error)`` is the translated, user-facing message."""

    def __init__(self, path: Path, problem: FileProblem, detail: str = "") -> None:
        self.path = path
        self.problem = problem
        self.detail = detail
        self.message = _message(problem, path.name, detail)
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type[IntakeFileError], tuple[Path, FileProblem, str]]:
        # Rebuilt from its parts when it crosses to another process (the importing child's errors).
        return IntakeFileError, (self.path, self.problem, self.detail)


class IntakeCancelled(Exception):
    """The user cancelled the import; nothing parsed so far is returned."""
