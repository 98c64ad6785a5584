"""The errors a standard file, workbook or pinned copy raises when it does not validate."""

from __future__ import annotations

from collections.abc import Sequence

from reviewapp.errors import KnownError
from reviewapp.i18n import translate, translate_n


class StandardError(KnownError):
    """A standard failed validation.

    ``file`` names the source (a path, or ``<dict>`` for a pinned copy), ``item`` the offending entry
    (e.g. ``item E5``, ``rule R-VETO``; empty for the standard as a whole), ``problem`` what is wrong and
    ``allowed`` the values that would have been accepted (shown with the message, so the user can fix
    the cell without looking anything up). ``path`` is the position in the plain form (e.g.
    ``("items", 4, "severities")``) so the Excel importer can turn it into ``sheet``, ``row`` and ``column``.
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
        allowed: Sequence[str] = (),
    ) -> None:
        self.file = file
        self.item = item
        self.problem = problem
        self.path = path
        self.sheet = sheet
        self.row = row
        self.column = column
        self.allowed = tuple(allowed)
        super().__init__(self.message())

    @property
    def problems(self) -> tuple[StandardError, ...]:
        """Every problem this error stands for (one here; all of a workbook for StandardErrors)."""
        return (self,)

    def located(self, *, sheet: str | None, row: int | None, column: str | None) -> StandardError:
        return StandardError(
            self.file,
            self.item,
            self.problem,
            path=self.path,
            sheet=sheet,
            row=row,
            column=column,
            allowed=self.allowed,
        )

    def message(self) -> str:
        where = self.file
        if self.sheet is not None:
            where += translate("Standards", ", sheet {sheet}").format(sheet=self.sheet)
        if self.row is not None:
            where += translate("Standards", ", row {row}").format(row=self.row)
        if self.column is not None:
            where += translate("Standards", ", column {column}").format(column=self.column)
        problem = self.problem
        if self.allowed:
            problem = translate("Standards", "{problem} (allowed: {values})").format(
                problem=problem, values="、".join(self.allowed)
            )
        if self.item:
            return translate("Standards", "{where}: {item}: {problem}").format(
                where=where, item=self.item, problem=problem
            )
        return translate("Standards", "{where}: {problem}").format(where=where, problem=problem)


class StandardErrors(StandardError):
    """Several problems of one source, reported together so one round of edits fixes them all.

    It reads as its first problem for callers that look at one (``sheet``, ``row``, ``problem`` …);
    ``problems`` lists them all and the message shows every one, one per line.
    """

    def __init__(self, errors: Sequence[StandardError]) -> None:
        if not errors:
            raise ValueError("StandardErrors needs at least one error")
        self._all = tuple(errors)
        first = errors[0]
        super().__init__(
            first.file,
            first.item,
            first.problem,
            path=first.path,
            sheet=first.sheet,
            row=first.row,
            column=first.column,
            allowed=first.allowed,
        )

    @property
    def problems(self) -> tuple[StandardError, ...]:
        return self._all

    def message(self) -> str:
        head = translate_n("Standards", "%n problem(s) found; fix them all and import again:", len(self._all))
        return "\n".join([head, *(f"  {i}. {e.message()}" for i, e in enumerate(self._all, start=1))])


def raise_all(errors: Sequence[StandardError]) -> None:
    """Raise the one error, or all of them together; nothing when the list is empty."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise StandardErrors(errors)
