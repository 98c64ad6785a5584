"""Severity given by heading rows: an office that groups its items under 一、严重司法错误 /
二、一般司法错误 / 三、司法瑕疵 instead of writing each item's severity in a column.

Each item takes the severity of the heading above it. The grouping may be the outer one (severity, then
dimensions inside) or the inner one (dimension, then severities inside each), told apart by which heading comes
first. An item under no severity heading, in a sheet without a severity column, is refused rather than guessed;
an item whose own cell names another severity than its heading is refused too. Only words that name one tier
are read as such a heading (review-rules.md §2); 严重问题 could mean two."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reviewapp.i18n import translate
from reviewapp.standards.excel_headings import dimension_label
from reviewapp.standards.model import SEVERITIES
from reviewapp.standards.vocabulary import ImportVocabulary

# What an office writes after the tier in such a heading: 严重司法错误类, 司法瑕疵问题, 一般司法错误情形.
_SUFFIX = re.compile(r"(?:类问题|类情形|类|问题|情形|事项)$")
_NUMBER_LENGTH = 4  # a heading's number in a cell of its own: 一, （一）, 1.


def severity_heading(label: Any, vocabulary: ImportVocabulary) -> str | None:
    """The one severity tier a heading row names (一、严重司法错误类 → 严重司法错误), else None."""
    text = dimension_label(label).rstrip(":：")
    for form in dict.fromkeys((text, _SUFFIX.sub("", text))):
        if form in SEVERITIES:
            return form
        tier = vocabulary.severity_words().get(form)
        if tier is not None:
            return tier
    return None


def has_severity_headings(rows: Iterable[tuple[int, Any]], vocabulary: ImportVocabulary) -> bool:
    """Whether some row of a sheet holds only a heading naming a severity (then no severity column is needed)."""
    for _, row in rows:
        values = [str(v).strip() for v, _ in row if v is not None and str(v).strip()]
        named = [v for v in values if severity_heading(v, vocabulary) is not None]
        # The heading alone, or beside its number in the code column (一 | 严重司法错误).
        if len(named) == 1 and all(v in named or len(v) <= _NUMBER_LENGTH for v in values):
            return True
    return False


class SeverityHeadings:
    """The severity heading over each item, read row by row (see the module's docstring)."""

    def __init__(self) -> None:
        self.current: str | None = None
        self.label = ""  # the heading that gave it, as written
        self.outer: bool | None = None  # None until the first severity heading
        self.seen_section = False
        self.rows: list[str] = []  # "row (heading)" of each severity heading, for the import result
        self.uncovered: list[int] = []  # items under none, in a sheet without a severity column

    def heading(self, row_no: int, tier: str, label: str) -> None:
        if self.outer is None:
            self.outer = not self.seen_section  # a dimension heading came first: severities group inside it
        self.current, self.label = tier, label
        self.rows.append(f"{row_no} ({label})")

    def section(self) -> None:
        """A dimension heading: when severities group inside dimensions, each dimension starts without one."""
        self.seen_section = True
        if self.outer is False:
            self.current, self.label = None, ""

    def apply(self, entry: dict[str, Any], row_no: int, column: str | None) -> str | None:
        """Give ``entry`` the severity of its heading; the problem with the row when there is one (``column``:
        the severity column's heading, None when the sheet has none)."""
        if not self.rows:
            return None  # no severity headings: the column says it all
        own = entry.get("severities")
        if own:
            if self.current is None or self.current in own:
                return None
            return translate(
                "Standards",
                "the item is under the heading {heading} but its column {column} says {own}: write which is meant",
            ).format(heading=self.label, column=column, own="、".join(own))
        if self.current is not None:
            entry["severities"] = [self.current]
            return None
        if column is None:
            self.uncovered.append(row_no)
        return None

    def problems(self) -> list[tuple[int, str]]:
        """(row, problem) of the items that no severity heading covers, in a sheet without a severity column."""
        problem = translate(
            "Standards",
            "the item has no severity: it is under no heading row naming one (一、严重司法错误) and the sheet has no "
            "column 问题等级 — add a heading row above it, or the column",
        )
        return [(row_no, problem) for row_no in self.uncovered]

    def said(self, sheet: str) -> str | None:
        if not self.rows:
            return None
        return translate(
            "Standards", "Sheet {sheet}: severity of the items taken from the heading rows above them: {rows}."
        ).format(sheet=sheet, rows="、".join(self.rows))
