"""Which column of an office's checklist holds which field of an item, from its heading and, where the heading can
mean two fields, from its cells — or a refusal naming the column and what to rename it to. Never a guess: a column
is read as a field only when its heading says so (excel_headings.py) or when its heading allows two fields and its
cells fit one of them only. What was read in other words, or left out, is said in the import result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reviewapp.i18n import translate
from reviewapp.standards.excel_cells import filled
from reviewapp.standards.excel_headings import (
    AMBIGUOUS_HEADINGS,
    FILL_IN_HEADINGS,
    HINTS,
    ITEM_HEADINGS,
    WEAK_HEADINGS,
    heading_forms,
    heading_key,
    is_form_row,
    is_note,
    is_total,
    keyed,
    missing,
)
from reviewapp.standards.excel_sheets import Heading, Row, SheetAccess, Table, doubled

STRONG, WEAK = 2, 1
# Headings of the item text that say the columns under them together are the item (评查内容 over 评查项目 | 评查标准).
_TEXT_PARENTS = keyed(ITEM_HEADINGS["text"]) | keyed(("评查项目", "评查标准"))


@dataclass(frozen=True)
class Placed:
    """Where a field is: its columns (0-based; two for an item text joined from two columns) and the heading a
    message names it by. ``from_text``: a deduction read out of a sentence (扣分标准 written as text); ``ticks``: the
    severity each column stands for, the item's being those ticked (司法瑕疵 | 一般司法错误 | 严重司法错误)."""

    columns: tuple[int, ...]
    name: str
    strength: int = STRONG
    from_text: bool = False
    ticks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fits:
    """Whether a column's cells (non-empty, of the rows that may be items) are what a field holds."""

    dimension: Callable[[Sequence[Any]], bool]
    severities: Callable[[Sequence[Any]], bool]
    points: Callable[[Sequence[Any]], bool]
    points_in_text: Callable[[Sequence[Any]], bool]
    ticks: Callable[[Sequence[Any]], bool]  # every cell a tick (√, 是) or a blank (×, 否)


@dataclass(frozen=True)
class Columns:
    """Where each field is (``placed``); the fields a refused column might have given (``unsure``: not reported
    missing as well); the columns that say a placed field again (``echoes``, column → field: checked per row)."""

    placed: dict[str, Placed]
    unsure: set[str]
    echoes: dict[int, str]


def item_columns(
    access: SheetAccess,
    sheet: str,
    table: Table,
    rows: Sequence[tuple[int, Row]],
    layout: Sequence[tuple[str, str]],
    fits: Fits,
    optional: set[str],
) -> Columns:
    """The fields' places on the items sheet; what cannot be placed is recorded on ``access`` (structural), what is
    read in other words or left out in its ``warnings``."""
    resolver = _Resolver(access, sheet, table, rows, layout, fits)
    placed = resolver.resolve(optional)
    return Columns(placed, resolver.unsure, resolver.echoes)


class _Resolver:
    def __init__(
        self,
        access: SheetAccess,
        sheet: str,
        table: Table,
        rows: Sequence[tuple[int, Row]],
        layout: Sequence[tuple[str, str]],
        fits: Fits,
    ) -> None:
        self.access = access
        self.sheet = sheet
        self.table = table
        self.fits = fits
        self.canonical = dict(layout)
        self.strong: dict[str, str] = {}
        for field, header in layout:
            self.strong[heading_key(header)] = field
        for field, words in ITEM_HEADINGS.items():
            for word in words:
                self.strong.setdefault(heading_key(word), field)
        self.weak = {heading_key(w): f for f, words in WEAK_HEADINGS.items() for w in words}
        self.ambiguous = {heading_key(w): fields for w, fields in AMBIGUOUS_HEADINGS.items()}
        self.fill_in = keyed(FILL_IN_HEADINGS)
        # The rows that may be items: not a heading across the table (one value), a total or a note row.
        self.content = [
            row
            for _, row in rows
            if sum(1 for v, _ in row if filled(v)) >= 2
            and not any(is_total(v) or is_note(v) for v, _ in row[:3])
            and not is_form_row(v for v, _ in row)
        ]
        self.placed: dict[str, Placed] = {}
        self.unsure: set[str] = set()  # fields a refused column might have given
        self.echoes: dict[int, str] = {}  # column → the field it says again (checked row by row, not read)
        self.not_read: list[tuple[int, str]] = []  # (column, what) of the columns left out
        self.read_as: dict[str, tuple[int, str]] = {}  # field → (column, how) of those read in other words

    def values(self, col: int) -> list[Any]:
        return [row[col][0] for row in self.content if col < len(row) and filled(row[col][0])]

    def refuse(self, heading: Heading | None, problem: str, fields: Sequence[str] = ()) -> None:
        """A column that cannot be placed; ``fields`` it might have given are then not reported missing too."""
        self.access.refuse(self.sheet, self.table.last, heading.shown() if heading else None, problem)
        self.unsure.update(fields)

    def resolve(self, optional: set[str]) -> dict[str, Placed]:
        strong: dict[str, list[Heading]] = {}
        weak: dict[str, list[Heading]] = {}
        ambiguous: list[tuple[Heading, tuple[str, ...]]] = []
        unknown: list[Heading] = []
        for h in self.table.headings:
            if not h.text:
                if self.values(h.index):
                    self.not_read.append(
                        (h.index, translate("Standards", "{letter} (no heading)").format(letter=h.letter))
                    )
                continue
            forms = heading_forms(h.text)
            field = next((self.strong[f] for f in forms if f in self.strong), None)
            if field is not None:
                strong.setdefault(field, []).append(h)
                continue
            field = next((self.weak[f] for f in forms if f in self.weak), None)
            if field is not None:
                weak.setdefault(field, []).append(h)
                continue
            fields = next((self.ambiguous[f] for f in forms if f in self.ambiguous), None)
            if fields is not None:
                ambiguous.append((h, fields))
            elif not any(f in self.fill_in for f in forms):
                unknown.append(h)
            else:
                self.not_read.append((h.index, _named(h)))
        for field, found in strong.items():
            self._strong(field, found)
        for field, found in weak.items():
            self._weak(field, found)
        for h, fields in ambiguous:
            self._ambiguous(h, fields)
        self._unknown(self._ticks(unknown))
        for field, header in self.canonical.items():
            if field not in self.placed and field not in optional and field not in self.unsure:
                self._missing(field, header)
        self._say()
        return self.placed

    # --- one kind of heading at a time ----------------------------------------------------------------------

    def _strong(self, field: str, found: list[Heading]) -> None:
        first = found[0]
        if len(found) > 1 and field == "text" and len(found) == 2 and _same_group(found[0], found[1]):
            self._place(field, Placed((found[0].index, found[1].index), _joined(found[0], found[1])), found)
            return
        for other in found[1:]:
            if heading_key(other.text) == heading_key(first.text):
                self.refuse(other, doubled(first.index, other.index))
            else:
                self.refuse(other, self._both(field, first, other))
        self._place(field, Placed((first.index,), first.shown()), [first])

    def _weak(self, field: str, found: list[Heading]) -> None:
        if field in self.placed:
            # 分值 (an item's full points) beside 扣分 (what a finding takes), 序号 beside 编号.
            for h in found:
                self.not_read.append(
                    (
                        h.index,
                        translate("Standards", "{column} ({letter}), as {other} gives the {field}").format(
                            column=h.shown(),
                            letter=h.letter,
                            other=self.placed[field].name,
                            field=self.canonical[field],
                        ),
                    )
                )
            return
        for other in found[1:]:
            self.refuse(other, self._both(field, found[0], other))
        self._place(field, Placed((found[0].index,), found[0].shown(), WEAK), found[:1])

    def _ambiguous(self, h: Heading, fields: tuple[str, ...]) -> None:
        values = self.values(h.index)
        if not values:
            self.not_read.append((h.index, _named(h)))
            return
        if len(fields) == 1:  # 等级: the severity, when no column is headed more precisely
            if self._open(fields[0]):
                self._take(fields[0], h)
            else:
                self.not_read.append((h.index, _named(h)))
            return
        open_fields = [f for f in fields if self._open(f)]
        fitting = [f for f in open_fields if f != "text" and self._fits(f, values)]
        if len(fitting) == 1:
            self._take(fitting[0], h)
            return
        if len(fitting) > 1:
            self.refuse(h, self._which(h, fitting), fitting)
            return
        if "text" not in fields:
            self.refuse(h, self._which(h, list(fields)), fields)
            return
        taken = [f for f in fields if f != "text" and not self._open(f) and self._says(f, values)]
        if taken and "text" in self.placed:
            # The category or the points again (类别 beside 评查项目 holding the same names, 扣分 beside 扣分标准):
            # not read, but checked row by row against the column read, so that two columns never disagree unseen.
            self.echoes[h.index] = taken[0]
            self.not_read.append(
                (
                    h.index,
                    translate("Standards", "{column} ({letter}), checked against {other}").format(
                        column=h.shown(), letter=h.letter, other=self.placed[taken[0]].name
                    ),
                )
            )
            return
        if (
            "deduction" in fields
            and self._open("deduction")
            and "text" in self.placed
            and self.fits.points_in_text(values)
        ):
            # A sentence saying what a finding takes (未依法告知的，扣2分), beside the item's own column.
            self._take("deduction", h, from_text=True)
            return
        grouping = len(set(map(str, values))) < len(values)
        if "dimension" in fields and grouping and "dimension" not in self.placed and not self.fits.dimension(values):
            # One value over several items, so a category — but not one of the dimensions.
            self.refuse(h, self._no_dimension(h, values), ("dimension",))
            return
        if "text" not in self.placed and not self.fits.points(values):
            self._take("text", h)
            return
        text = self.placed.get("text")
        if text is not None and len(text.columns) == 1 and not text.from_text:
            other = self.table.headings[text.columns[0]]
            other_values = self.values(other.index)
            if _same_group(other, h) or grouping or len(set(map(str, other_values))) < len(other_values):
                # 评查内容 over 评查项目 | 评查标准, or a sub-heading merged over its items: both are the item's text.
                first, second = sorted((other, h), key=lambda x: x.index)
                self.placed["text"] = Placed((first.index, second.index), _joined(first, second))
                self.read_as["text"] = (
                    first.index,
                    translate("Standards", "{columns} together as {field}").format(
                        columns=_joined(first, second), field=self.canonical["text"]
                    ),
                )
                return
            self.refuse(h, self._both("text", other, h))
            return
        self.refuse(h, self._which(h, list(fields)), fields)

    def _ticks(self, unknown: list[Heading]) -> list[Heading]:
        """Columns headed by a severity whose cells tick the item's (问题性质 over 司法瑕疵 | 一般司法错误 |
        严重司法错误): together the severities, when no column gives them; the other unknown columns."""
        ticks = [h for h in unknown if self.fits.severities([h.text]) and self.fits.ticks(self.values(h.index))]
        if not self._open("severities") or not any(self.values(h.index) for h in ticks):
            return unknown
        parent = ticks[0].parent if all(h.parent and h.parent == ticks[0].parent for h in ticks) else ""
        names = "、".join(_named(h) for h in ticks)
        name = parent or "、".join(h.shown() for h in ticks)
        words = tuple(h.shown() for h in ticks)
        self._place("severities", Placed(tuple(h.index for h in ticks), name, ticks=words), [])
        how = translate("Standards", "{columns} as {field}, the ticked ones").format(
            columns=names, field=self.canonical["severities"]
        )
        self.read_as["severities"] = (ticks[0].index, how)
        return [h for h in unknown if h not in ticks]

    def _unknown(self, unknown: list[Heading]) -> None:
        for h in unknown:
            forms = heading_forms(h.text)
            hinted = next(
                (f for f, pattern in HINTS if f in self.canonical and any(pattern.search(x) for x in forms)), None
            )
            if hinted is not None and hinted not in self.placed and self.values(h.index):
                self.refuse(
                    h,
                    translate(
                        "Standards",
                        "the column {column} ({letter}) may be the column {field}, which the sheet has not: rename it "
                        "to {field} if it is, or to 备注 to leave it out",
                    ).format(column=h.shown(), letter=h.letter, field=self.canonical[hinted]),
                )
            else:
                self.not_read.append((h.index, _named(h)))

    def _missing(self, field: str, header: str) -> None:
        missing(self.access, self.sheet, self.table, field, header)

    # --- helpers ---------------------------------------------------------------------------------------------

    def _open(self, field: str) -> bool:
        placed = self.placed.get(field)
        return field in self.canonical and (placed is None or placed.strength == WEAK)

    def _says(self, field: str, values: Sequence[Any]) -> bool:
        """The cells hold what ``field`` holds, a deduction also written in a sentence."""
        return self._fits(field, values) or (field == "deduction" and self.fits.points_in_text(values))

    def _fits(self, field: str, values: Sequence[Any]) -> bool:
        check = {
            "dimension": self.fits.dimension,
            "severities": self.fits.severities,
            "deduction": self.fits.points,
        }.get(field)
        return check is not None and check(values)

    def _take(self, field: str, h: Heading, *, from_text: bool = False) -> None:
        displaced = self.placed.get(field)
        if displaced is not None:  # a weak column gives way to one whose cells say it precisely
            self.not_read.append(
                (
                    displaced.columns[0],
                    translate("Standards", "{column} ({letter}), as {other} gives the {field}").format(
                        column=displaced.name,
                        letter=self.table.headings[displaced.columns[0]].letter,
                        other=h.shown(),
                        field=self.canonical[field],
                    ),
                )
            )
        self._place(field, Placed((h.index,), h.shown(), STRONG, from_text), [h])

    def _place(self, field: str, placed: Placed, headings: list[Heading]) -> None:
        self.placed[field] = placed
        header = self.canonical[field]
        self.read_as.pop(field, None)
        if len(placed.columns) > 1:
            self.read_as[field] = (
                placed.columns[0],
                translate("Standards", "{columns} together as {field}").format(columns=placed.name, field=header),
            )
            return
        for h in headings:
            if heading_key(h.text) != heading_key(header):
                self.read_as[field] = (
                    h.index,
                    translate("Standards", "{column} ({letter}) as {field}").format(
                        column=h.shown(), letter=h.letter, field=header
                    )
                    + (translate("Standards", ", the one deduction each sentence names") if placed.from_text else ""),
                )

    def _both(self, field: str, first: Heading, second: Heading) -> str:
        problem = translate(
            "Standards",
            "the columns {first} ({first_letter}) and {second} ({second_letter}) could both be the column {field}: "
            "rename the one that is meant to {field} and the other to 备注 (a column of that name is left out), or "
            "delete it",
        ).format(
            first=first.shown(),
            first_letter=first.letter,
            second=second.shown(),
            second_letter=second.letter,
            field=self.canonical[field],
        )
        if field == "text":
            problem += translate(
                "Standards", "; to keep both as the item's text, head them together with one cell 评查内容 merged above"
            )
        hidden = [h.letter for h in (first, second) if h.index in self.table.hidden]
        if hidden:
            problem += translate("Standards", " (column {columns} is hidden in Excel)").format(
                columns="、".join(hidden)
            )
        return problem

    def _which(self, h: Heading, fields: Sequence[str]) -> str:
        return translate(
            "Standards",
            "the column {column} ({letter}) could be the column {fields} and its cells do not tell which: rename it "
            "to the one meant, or to 备注 to leave it out",
        ).format(
            column=h.shown(),
            letter=h.letter,
            fields=translate("Standards", " or ").join(self.canonical[f] for f in fields if f in self.canonical),
        )

    def _no_dimension(self, h: Heading, values: Sequence[Any]) -> str:
        unknown = next(v for v in values if not self.fits.dimension([v]))
        return translate(
            "Standards",
            "the column {column} ({letter}) groups the items like a dimension, but {value} is no dimension of the "
            "sheet 评查维度: add the dimensions there and rename the column to {field}, or rename it to 备注 to leave "
            "it out",
        ).format(column=h.shown(), letter=h.letter, value=unknown, field=self.canonical["dimension"])

    def _say(self) -> None:
        comma = translate("Standards", ", ")
        if self.read_as:
            self.access.warnings.append(
                translate("Standards", "Sheet {sheet}: read {columns}.").format(
                    sheet=self.table.title, columns=comma.join(how for _, how in sorted(self.read_as.values()))
                )
            )
        if self.not_read:
            self.access.warnings.append(
                translate("Standards", "Sheet {sheet}: not read: {columns}.").format(
                    sheet=self.table.title, columns=comma.join(what for _, what in sorted(self.not_read))
                )
            )


def _same_group(a: Heading, b: Heading) -> bool:
    """Two columns under one heading merged over them that names the item text (评查内容 over 评查项目 | 评查标准)."""
    return (
        bool(a.parent)
        and a.parent == b.parent
        and a.group == b.group
        and any(f in _TEXT_PARENTS for f in heading_forms(a.parent))
    )


def _named(h: Heading) -> str:
    return translate("Standards", "{column} ({letter})").format(column=h.shown(), letter=h.letter)


def _joined(a: Heading, b: Heading) -> str:
    return f"{_named(a)} + {_named(b)}"
