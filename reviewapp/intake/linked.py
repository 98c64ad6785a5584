"""The suspects and documents sheets, read before the cases sheet and attached to each case as it is built.

Cases are handed out in chunks while the cases sheet is still being read (so the whole export never sits in
memory as case cards), and a case is complete only with its suspects and documents: its fingerprint covers
them. So the rows of the linked sheets are read first and kept per case number as compact tuples; each case
takes its own when it is built, and whatever no case took is rejected at the end as an orphan — the same
rejects, with the same rows, as when the linked sheets were read after the cases.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from operator import itemgetter
from typing import Any

from reviewapp.domain.case_card import DocumentRecord, SuspectRecord
from reviewapp.i18n import translate
from reviewapp.intake.dossier import PathGuard
from reviewapp.intake.table import SheetTable
from reviewapp.intake.values import bracket_key

Locations = dict[tuple[str, str], tuple[str, int, str]]
Ticker = Callable[[int], None]
# One linked row as a case takes it: the record's field values in its dataclass field order (without extra),
# and its unknown columns (a fresh dict, empty when there are none) — exactly what the record would hold.
Taken = tuple[tuple[Any, ...], dict[str, str]]
Row = tuple[int, tuple[Any, ...], dict[str, str] | None]  # (Excel row, field values in record order, extra)


def _defaults(make: type[SuspectRecord] | type[DocumentRecord]) -> dict[str, Any]:
    """Field name → default, in the record's field order (extra left out; required fields None until read)."""
    return {f.name: None if f.default is MISSING else f.default for f in fields(make) if f.name != "extra"}


class LinkedSheet:
    """One linked sheet's rows by case number: (Excel row, field values in record order, extra or None)."""

    def __init__(self, table: SheetTable, make: type[SuspectRecord] | type[DocumentRecord], advance: Ticker) -> None:
        self.table, self.make = table, make
        self.documents = make is DocumentRecord
        defaults = _defaults(make)
        in_order = itemgetter(*defaults)
        self.by_key: dict[str, list[Row]] = {}
        for start, rows in table.chunks():
            for row_no, record, extra in table.read_chunk(start, rows):
                # The values in the record's field order, a column the sheet lacks as its default — what
                # SuspectRecord(**record) / DocumentRecord(**record) holds (every column present: no merge).
                full = len(record) == len(defaults)
                values = in_order(record) if full else tuple({**defaults, **record}.values())
                self.by_key.setdefault(record["dept_case_no"], []).append((row_no, values, extra or None))
            advance(len(rows))
        # The numbers of this sheet by bracket_key, where several meet or one is written with other brackets
        # than its case may be: a case takes the rows of every spelling of its number (values.bracket_key).
        self.spellings: dict[str, list[str]] = {}
        for number in self.by_key:
            self.spellings.setdefault(bracket_key(number), []).append(number)

    def take(self, key: str, guard: PathGuard, locations: Locations) -> list[Taken]:
        """The rows of case ``key`` on this sheet (in sheet order); a document with an unsafe path is rejected."""
        spellings = self.spellings.pop(bracket_key(key), None)
        rows = self.by_key.pop(key, None)
        if spellings is not None and (len(spellings) > 1 or spellings[0] != key):
            rows = sorted((rows or []) + self._other_spellings(key, spellings))
        if not rows:
            return []
        if not self.documents:
            return [(values, extra or {}) for _, values, extra in rows]
        table, out = self.table, []
        for row_no, values, extra in rows:
            path = values[2]  # DocumentRecord: dept_case_no, title, path
            if (reason := guard.problem(path)) is not None:
                table.rejected_rows += 1
                table.problems.append((row_no, table.header_of("path"), path, reason))
            else:
                out.append((values, extra or {}))
                locations.setdefault(("文书", path), (table.sheet.name, row_no, table.header_of("path")))
        return out

    def _other_spellings(self, key: str, spellings: list[str]) -> list[Row]:
        """The rows of the numbers that differ from ``key`` only in their brackets, each noted at its cell (the
        user learns the two spellings met; nothing is changed silently)."""
        note = translate(
            "Intake",
            "Case number {written} differs from {number} on the cases sheet only in its brackets; taken as that case",
        )
        table, out = self.table, []
        for written in spellings:
            if written == key:
                continue
            for row_no, values, extra in self.by_key.pop(written, []):
                table.problems.append((row_no, table.key_header, written, note.format(written=written, number=key)))
                out.append((row_no, (key, *values[1:]), extra))  # dept_case_no comes first in both records
        return out

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


def take_suspects(sheets: list[LinkedSheet], key: str, guard: PathGuard, locations: Locations) -> list[Taken]:
    """The suspects of case ``key``: the suspects sheet's, then those of the cases sheet's own suspect columns
    (inline_suspects.py) when the export has both. A person both give — same name, no value given differently
    — is one suspect with the values of both; one they give differently is listed twice, for the reviewer to
    see, never merged by guess."""
    taken = sheets[0].take(key, guard, locations)
    for sheet in sheets[1:]:
        for values, extra in sheet.take(key, guard, locations):
            at = next((i for i, (known, _) in enumerate(taken) if _same_person(values, known)), None)
            if at is None:
                taken.append((values, extra))
            else:
                known, known_extra = taken[at]
                merged = tuple(k if k is not None else v for k, v in zip(known, values, strict=True))
                taken[at] = (merged, {**extra, **known_extra})
    return taken


def _same_person(inline: tuple[Any, ...], known: tuple[Any, ...]) -> bool:
    """Same name, and no value that both give differs (SuspectRecord field order)."""
    return inline[1] == known[1] and all(v is None or k is None or v == k for v, k in zip(inline, known, strict=True))
