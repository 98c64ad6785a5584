"""The suspects and documents sheets, read before the cases sheet and attached to each case as it is built.

Cases are handed out in chunks while the cases sheet is still being read (so the whole export never sits in
memory as case cards), and a card is complete only with its suspects and documents: its fingerprint covers
them. So the rows of the linked sheets are read first and kept per case number as compact tuples; each case
takes its own when it is built, and whatever no case took is rejected at the end as an orphan — the same
rejects, with the same rows, as when the linked sheets were read after the cases.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reviewapp.domain.case_card import CaseCard, DocumentRecord, SuspectRecord
from reviewapp.i18n import translate
from reviewapp.intake.dossier import PathGuard
from reviewapp.intake.table import SheetTable

Locations = dict[tuple[str, str], tuple[str, int, str]]
Ticker = Callable[[int], None]


class LinkedSheet:
    """One linked sheet's rows by case number: (Excel row, field values in column order, extra or None)."""

    def __init__(self, table: SheetTable, make: type[SuspectRecord] | type[DocumentRecord], advance: Ticker) -> None:
        self.table, self.make = table, make
        self.attrs: tuple[str, ...] = ()
        self.by_key: dict[str, list[tuple[int, tuple[Any, ...], dict[str, str] | None]]] = {}
        for start, rows in table.chunks():
            for row_no, record, extra in table.read_chunk(start, rows):
                if not self.attrs:
                    self.attrs = tuple(record)
                self.by_key.setdefault(record["dept_case_no"], []).append(
                    (row_no, tuple(record.values()), extra or None)
                )
            advance(len(rows))

    def attach(self, card: CaseCard, guard: PathGuard, locations: Locations) -> None:
        """Give ``card`` its rows of this sheet (in sheet order); a document with an unsafe path is rejected."""
        rows = self.by_key.pop(card.dept_case_no, None)
        if not rows:
            return
        attrs, table = self.attrs, self.table
        for row_no, values, extra in rows:
            record = dict(zip(attrs, values, strict=True))
            if self.make is SuspectRecord:
                card.suspects.append(SuspectRecord(**record, extra=extra or {}))
            elif (reason := guard.problem(record["path"])) is not None:
                table.rejected_rows += 1
                table.problems.append((row_no, table.header_of("path"), record["path"], reason))
            else:
                card.documents.append(DocumentRecord(**record, extra=extra or {}))
                locations.setdefault(("文书", record["path"]), (table.sheet.name, row_no, table.header_of("path")))

    def reject_orphans(self) -> None:
        """Rows no imported case took: their case row is missing or was rejected."""
        orphan = translate(
            "Intake", "No imported case has the number {number} (its case row is missing or was rejected)"
        )
        table = self.table
        for key, rows in self.by_key.items():
            for row_no, _, _ in rows:
                table.rejected_rows += 1
                table.problems.append((row_no, table.key_header, key, orphan.format(number=key)))
        self.by_key.clear()
