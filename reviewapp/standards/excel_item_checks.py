"""What else an item's row says beside the columns read, checked so that nothing the office meant is lost unseen:
an item marked 一票否决 in its text (超期羁押的（一票否决）) is a veto item; a 一票否决 in a column that is not read
(备注) or a cell listing several numbered entries (a table converted from Word: 1.…；2.…) is refused, not lost; a
deduction the item's text names must be the one its points column gives; a column saying the category or the points
again must say what the column read says."""

from __future__ import annotations

import re
from typing import Any

from reviewapp.i18n import translate
from reviewapp.standards.excel_cells import CellReader, filled, plain_text
from reviewapp.standards.excel_columns import Placed
from reviewapp.standards.excel_headings import dimension_label, heading_key
from reviewapp.standards.excel_sheets import Row, Table

# 一票否决 said of the item (超期羁押的（一票否决）, 实行一票否决, 一票否决项), not denied (不实行一票否决).
_VETO_SAID = re.compile(r"(?<![不非未无])(?<!不实行)(?<!不适用)(?<!不属于)(?<!不纳入)一票否决")
# The number of an entry of an enumeration at the start of a cell or of one of its lines or clauses: 1. 1、 （1） ① 一、
_ENTRY = re.compile(
    r"(?:^|[\n；;。])\s*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
)


def says_veto(value: Any) -> bool:
    return isinstance(value, str) and bool(_VETO_SAID.search(heading_key(value)))


def numbered_entries(value: Any) -> list[str]:
    """The numbers of the entries a cell lists when it begins with the first of two or more (1.…\\n2.…), else none:
    a cell with its own words before the list (有下列情形之一的：（1）…（2）…) is one item naming its cases."""
    if not isinstance(value, str):
        return []
    found = [m.group(0).strip("\n；;。 \t") for m in _ENTRY.finditer(value.strip())]
    return found if len(found) >= 2 and _ENTRY.match(value.strip()) else []


class ItemChecks:
    """The checks of one items sheet's rows (see the module's docstring)."""

    def __init__(
        self, reader: CellReader, sheet: str, table: Table, placed: dict[str, Placed], dims: dict[str, str]
    ) -> None:
        self.reader = reader
        self.dims = dims  # dimension names and codes (as compared) → code
        self.sheet = sheet
        self.table = table
        self.placed = placed
        self.veto_in_text: list[int] = []  # rows whose item the 一票否决 in its text made a veto item

    def check(self, entry: dict[str, Any], row: Row, row_no: int, echoes: dict[int, str], data: dict[str, Any]) -> None:
        self._several_items(row, row_no)
        severities = self.placed.get("severities")
        if severities is not None and severities.ticks and not entry.get("severities"):
            self.reader.bad(
                self.sheet,
                row_no,
                severities.name,
                translate("Standards", "no severity is ticked for the item: tick the one meant ({columns})").format(
                    columns="、".join(severities.ticks)
                ),
            )
        self._veto(entry, row, row_no, echoes)
        self._points_said_twice(entry, row_no)
        self._echoes(entry, row, row_no, echoes, data)

    def _several_items(self, row: Row, row_no: int) -> None:
        placed = self.placed.get("text")
        for col in placed.columns if placed else ():
            entries = numbered_entries(row[col][0] if col < len(row) else None)
            if entries:
                self.reader.bad(
                    self.sheet,
                    row_no,
                    self.table.headings[col].shown(),
                    translate(
                        "Standards",
                        "the cell lists {count} numbered entries ({entries}): if each is an item, put each on a row "
                        "of its own with its code and points; if they are the cases of one item, write the item "
                        "before them (有下列情形之一的：…)",
                    ).format(count=len(entries), entries=" ".join(entries)),
                )

    def _veto(self, entry: dict[str, Any], row: Row, row_no: int, echoes: dict[int, str]) -> None:
        """一票否决 in the item's text makes it a veto item; in a column not read it is refused, never dropped."""
        if says_veto(entry.get("text")):
            if entry.get("veto") is False:
                self.reader.bad(
                    self.sheet,
                    row_no,
                    self.placed["veto"].name,
                    translate(
                        "Standards",
                        "the item's text says 一票否决 but the column {column} says no: write which is meant",
                    ).format(column=self.placed["veto"].name),
                )
            else:
                entry["veto"] = True
                self.veto_in_text.append(row_no)
        read = {c for p in self.placed.values() for c in p.columns} | set(echoes)
        for col, (value, _) in enumerate(row):
            said = says_veto(value) or self.reader.vocabulary.is_veto(value)
            if col in read or entry.get("veto") is True or not said:
                continue
            column = self.table.headings[col].shown() if col < len(self.table.headings) else str(col + 1)
            self.reader.bad(
                self.sheet,
                row_no,
                column,
                translate(
                    "Standards",
                    "the column {column} says {value} of this item, but the app does not read that column: write 是 "
                    "for the item in a column 一票否决 (add one if the sheet has none)",
                ).format(column=column, value=plain_text(value)),
            )

    def _points_said_twice(self, entry: dict[str, Any], row_no: int) -> None:
        """The item's text naming a deduction (未依法告知的，扣2分) other than its points column's: which one a finding
        takes is not guessed."""
        placed = self.placed.get("deduction")
        text = entry.get("text")
        if placed is None or placed.from_text or not isinstance(text, str) or "deduction" not in entry:
            return
        said, named = self.reader.vocabulary.deduction_in_text(text)
        if (said is None and not named) or said == entry["deduction"]:
            return
        self.reader.bad(
            self.sheet,
            row_no,
            placed.name,
            translate(
                "Standards",
                "the item's text says {said} but the column {column} gives {points}: write in {column} the one "
                "deduction a finding takes by default",
            ).format(
                said="、".join(named) if named else f"{said:g}", column=placed.name, points=f"{entry['deduction']:g}"
            ),
        )

    def _echoes(
        self, entry: dict[str, Any], row: Row, row_no: int, echoes: dict[int, str], data: dict[str, Any]
    ) -> None:
        """A column saying the category or the points again must say what the column read says."""
        vocab = self.reader.vocabulary
        for col, field in echoes.items():
            raw = row[col][0] if col < len(row) else None
            if not filled(raw) or vocab.is_empty_mark(raw) or field not in entry:
                continue
            heading = self.table.headings[col].shown()
            if field == "deduction":
                points = vocab.deduction_in_text(raw)[0]
                agrees = points == entry["deduction"] or (vocab.is_veto(raw) and entry.get("veto") is True)
                read = f"{entry['deduction']:g}"
            else:
                agrees = self.dims.get(dimension_label(raw), raw) == entry[field]
                names = {d.get("code"): d.get("name") for d in data.get("dimensions") or ()}
                read = str(names.get(entry[field]) or entry[field])
            if not agrees:
                self.reader.bad(
                    self.sheet,
                    row_no,
                    heading,
                    translate(
                        "Standards",
                        "{value} disagrees with the column {other}, which says {read}: the two columns must say the "
                        "same, or rename this one to 备注 to leave it out",
                    ).format(value=raw, other=self.placed[field].name, read=read),
                )
