"""The one error a standard file, workbook or pinned copy raises when it does not validate."""

from __future__ import annotations

from reviewapp.errors import KnownError
from reviewapp.i18n import translate


class StandardError(KnownError):
    """A standard failed validation.

    ``file`` names the source (a path, or ``<dict>`` for a pinned copy), ``item`` the offending entry
    (e.g. ``item E5``, ``rule R-VETO``; empty for the standard as a whole), ``problem`` what is wrong.
    ``path`` is the position in the plain form (e.g. ``("items", 4, "severities")``) so the Excel
    importer can turn it into ``sheet``, ``row`` and ``column``.
    """

    def __init__(
        self,
        file: str,
        item: str,
        problem: str,
        *,
        path: tuple[str | int, ...] = (),
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.item = item
        self.problem = problem
        self.path = path
        self.sheet = sheet
        self.row = row
        self.column = column
        super().__init__(self.message())

    def message(self) -> str:
        where = self.file
        if self.sheet is not None:
            where += translate("Standards", ", sheet {sheet}").format(sheet=self.sheet)
        if self.row is not None:
            where += translate("Standards", ", row {row}").format(row=self.row)
        if self.column is not None:
            where += translate("Standards", ", column {column}").format(column=self.column)
        if self.item:
            return translate("Standards", "{where}: {item}: {problem}").format(
                where=where, item=self.item, problem=self.problem
            )
        return translate("Standards", "{where}: {problem}").format(where=where, problem=self.problem)
