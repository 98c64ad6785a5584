"""The rows of one items sheet read as an office lays them out: an item per row, the dimension from the item's cell
or from the heading row above it (一、证据采信), sub-headings of numbered items (1.1 over 1.1.1 …), total rows and the
notes under the table left out and said in the import result; a row that may change what the items under it mean
(以下各项每处扣1分, 带★的为…) is refused rather than left out unread."""

from __future__ import annotations

import re
from typing import Any

from reviewapp.domain.case_card import CASE_TYPES
from reviewapp.i18n import translate
from reviewapp.standards.excel_cells import CellReader, code_text, filled, plain_text
from reviewapp.standards.excel_columns import Placed
from reviewapp.standards.excel_headings import dimension_label, is_form_row, is_note, is_total, missing
from reviewapp.standards.excel_item_checks import ItemChecks
from reviewapp.standards.excel_severity_headings import SeverityHeadings, severity_heading
from reviewapp.standards.excel_sheets import Row, Table, spans

# Words of a heading row over items that may change what the items below mean (points, veto, case types): such a
# row is never left out unread.
_RISKY = re.compile(r"否决|扣|\d+分|加分|适用|以下|审查逮捕|审查起诉|诉讼监督|公益诉讼")
_MARKS = "★☆※*▲△●◆◇■□"
# A heading over the 优质 criteria an office keeps under its items (优质案件评定标准): they belong on their own sheet.
_QUALITY = re.compile(r"优质")


class ItemRows:
    """The rows of the items sheet read as an office lays them out: an item per row, the dimension from the item's
    cell or from the heading row above it (一、证据采信), sub-headings of numbered items (1.1 over 1.1.1 …), total
    rows and the notes under the table left out and said; any other row without what makes an item is refused."""

    def __init__(
        self,
        reader: CellReader,
        sheet: str,
        table: Table,
        rows: list[tuple[int, Row]],
        placed: dict[str, Placed],
        dims: dict[str, str],
        data: dict[str, Any],
        echoes: dict[int, str],
        case_type: str | None = None,
    ) -> None:
        self.reader = reader
        self.echoes = echoes
        self.case_type = case_type  # the one case type of a sheet per case type
        self.sheet = sheet
        self.table = table
        self.title = table.title
        self.rows = rows
        self.placed = placed
        self.dims = dims
        self.data = data
        self.checks = ItemChecks(reader, sheet, table, placed, dims)

    def cell(self, row: Row, field: str) -> tuple[Any, str]:
        placed = self.placed.get(field)
        if placed is None:
            return None, "General"
        if placed.ticks:  # 司法瑕疵 | 一般司法错误 | 严重司法错误, the item's ticked: the severities ticked
            flag = self.reader.vocabulary.flag
            at = zip(placed.columns, placed.ticks, strict=True)
            ticked = [w for i, w in at if i < len(row) and _ticked(row[i][0], flag)]
            return ("；".join(ticked) or None), "General"
        cells = [row[i] if i < len(row) else (None, "General") for i in placed.columns]
        if len(cells) == 1:
            return cells[0]
        parts = list(dict.fromkeys(plain_text(v) for v, _ in cells if filled(v)))
        return ("：".join(parts) if parts else None), "General"

    def kind(self, row: Row) -> tuple[str, Any]:
        """What a row is: ("item", None), ("total", label), ("note", text), ("section", dimension code) or
        ("heading", label)."""
        vocab = self.reader.vocabulary

        def given(field: str) -> bool:
            raw = self.cell(row, field)[0]
            return filled(raw) and not vocab.is_empty_mark(raw)

        cells = [(i, v) for i, (v, _) in enumerate(row) if filled(v) and not vocab.is_empty_mark(v)]
        if not cells:
            return "blank", None
        severity, points, veto = given("severities"), given("deduction"), given("veto")
        if not severity and not veto and any(is_total(v) for _, v in cells[:3]):
            return "total", next(plain_text(v) for _, v in cells[:3] if is_total(v))
        if not severity and not veto and ((not points and is_note(cells[0][1])) or is_form_row(v for _, v in cells)):
            return "note", " ".join(plain_text(v) for _, v in cells)
        code_col = self.placed["code"].columns[0]
        points_cols = set(self.placed["deduction"].columns) if "deduction" in self.placed else set()
        others = [v for i, v in cells if i != code_col and i not in points_cols]
        if not severity and not veto and len(others) <= 1:
            # A heading over items (一、证据采信, 1.1 权利告知), perhaps with the points of its items in total.
            label = others[0] if others else cells[0][1]
            tier = severity_heading(label, vocab)
            if tier is not None:  # 一、严重司法错误: the severity of the items under it
                return "severity", (tier, plain_text(label))
            if dimension_label(label) in self.dims:
                return "section", (self.dims[dimension_label(label)], plain_text(label))
            return "heading", plain_text(label)
        return "item", None

    def read(self, columns: tuple[tuple[str, str], ...]) -> list[tuple[int, dict[str, Any], dict[str, str]]]:
        """(row, entry, field → heading) of every item of the sheet."""
        reader, sheet = self.reader, self.sheet
        kinds = [self.kind(row) for _, row in self.rows]
        items_at = [i for i, (k, _) in enumerate(kinds) if k == "item"]
        last_item = items_at[-1] if items_at else -1
        codes_after = {i: self._next_code(i, kinds) for i, (k, _) in enumerate(kinds) if k == "heading"}
        entries: list[dict[str, Any]] = []
        found: list[tuple[int, dict[str, Any], dict[str, str]]] = []
        numeric: dict[str, list[int]] = {}
        codes: dict[str, list[int]] = {}
        section: str | None = None
        totals: list[str] = []
        notes: list[tuple[int, str]] = []
        sub_headings: list[str] = []
        sections: list[str] = []
        no_dimension: list[int] = []
        dims_of: dict[str, set[str]] = {}  # code → the dimensions of its items
        criteria: set[int] = set()  # the rows of 优质 criteria under the items
        code_name = self.placed["code"].name
        severity_column = self.placed["severities"].name if "severities" in self.placed else None
        severities = SeverityHeadings()
        for i, ((row_no, row), (kind, what)) in enumerate(zip(self.rows, kinds, strict=True)):
            if kind == "blank" or row_no in criteria:
                continue
            if kind == "heading" and _QUALITY.search(str(what)):
                criteria.update(self._criteria(i, kinds))
                reader.bad(
                    sheet,
                    row_no,
                    code_name,
                    translate(
                        "Standards",
                        "the rows {rows} are 优质 criteria ({value}), not items: put them on the sheet 优质标准 "
                        "(代码 | 内容 | 适用等次), then delete them here",
                    ).format(rows=spans(sorted(criteria)), value=what),
                )
                continue
            if kind == "total":
                totals.append(f"{row_no} ({what})")
                continue
            if kind == "note" and i > last_item:
                notes.append((row_no, what))
                continue
            if kind == "severity":
                severities.heading(row_no, *what)
                continue
            if kind == "section":
                section = what[0]
                sections.append(f"{row_no} ({what[1]})")
                severities.section()
                continue
            if kind == "heading":
                code = self._code(row)
                if code and _parent(code, codes_after.get(i)) and not _RISKY.search(str(what)):
                    sub_headings.append(f"{row_no} ({code} {what})")
                    continue
                reader.bad(sheet, row_no, code_name, self._heading_problem(str(what)))
                continue
            if kind == "note":
                reader.bad(
                    sheet,
                    row_no,
                    code_name,
                    translate(
                        "Standards",
                        "the note {value} stands among the items and may change what the items under it mean, which "
                        "the app does not read from a note: write that in the items' own columns, then delete the note "
                        "(a note under the table is left out)",
                    ).format(value=what),
                )
                continue
            entry = self._entry(row_no, row, columns)
            problem = severities.apply(entry, row_no, severity_column)
            if problem is not None:
                reader.bad(sheet, row_no, severity_column, problem)
            self.checks.check(entry, row, row_no, self.echoes, self.data)
            if "dimension" not in entry and section is not None:
                entry["dimension"] = section  # the item's own cell, when it has one, wins over the heading's
            elif "dimension" not in entry and "dimension" not in self.placed:
                no_dimension.append(row_no)
            code_cell = self.cell(row, "code")[0]
            if "code" in entry:
                codes.setdefault(entry["code"], []).append(row_no)
                if isinstance(code_cell, int | float) and not isinstance(code_cell, bool):
                    numeric.setdefault(entry["code"], []).append(row_no)
                dims_of.setdefault(entry["code"], set()).add(str(entry.get("dimension")))
            if self.case_type is not None:
                self._sheets_case_type(entry, row_no)
            entries.append(entry)
            found.append((row_no, entry, {f: p.name for f, p in self.placed.items()}))
        self._collisions(codes, numeric, code_name, bool(sections), {c for c, d in dims_of.items() if len(d) > 1})
        self._check_notes(notes, entries)
        self._no_dimension(no_dimension, sections)
        for row_no, problem in severities.problems():
            reader.bad(sheet, row_no, None, problem)
        self._say(totals, notes, sub_headings, sections)
        said = severities.said(self.title)
        if said is not None:
            reader.warnings.append(said)
        if self.checks.veto_in_text:
            reader.warnings.append(
                translate("Standards", "Sheet {sheet}: veto items by the 一票否决 in their text: rows {rows}.").format(
                    sheet=self.title, rows=spans(self.checks.veto_in_text)
                )
            )
        return found

    def _criteria(self, at: int, kinds: list[tuple[str, Any]]) -> list[int]:
        """The rows of the 优质 criteria headed at ``at``: the heading and the rows under it up to the next item."""
        out = []
        for (row_no, _), (kind, _) in zip(self.rows[at:], kinds[at:], strict=True):
            if kind in ("item", "section", "total"):
                break
            out.append(row_no)
        return out

    def _sheets_case_type(self, entry: dict[str, Any], row_no: int) -> None:
        """An item of a sheet per case type is of that case type (and of others only when its row names them); a
        row naming other case types only is not guessed at."""
        own = entry.get("case_types")
        if own is None:
            entry["case_types"] = [self.case_type]
            return
        if self.case_type in own:
            return
        self.reader.bad(
            self.sheet,
            row_no,
            self.placed["case_types"].name,
            translate(
                "Standards",
                "the sheet holds the items of {case_type}, but the row names {types}: put the row on the sheet of "
                "its case type, or leave the cell empty",
            ).format(case_type=self.case_type, types="、".join(own)),
        )

    def _entry(self, row_no: int, row: Row, columns: tuple[tuple[str, str], ...]) -> dict[str, Any]:
        reader, vocab = self.reader, self.reader.vocabulary
        entry: dict[str, Any] = {}
        veto_in_points = False
        for field, _ in columns:
            placed = self.placed.get(field)
            if placed is None:
                continue
            raw, fmt = self.cell(row, field)
            if field == "deduction" and vocab.is_veto(raw):
                veto_in_points = True  # 一票否决 where the points would be
                continue
            if field == "deduction" and placed.from_text and filled(raw) and not vocab.is_empty_mark(raw):
                value = self._points_in_text(raw, row_no, placed.name)
            else:
                value = reader.convert(field, raw, fmt, self.sheet, row_no, placed.name)
            if field == "dimension" and isinstance(value, str):
                label = dimension_label(value)
                value = self.dims.get(label, value) if label in self.dims else value
            if value is not None:
                entry[field] = value
        if veto_in_points:
            if entry.get("veto") is False:
                reader.bad(
                    self.sheet,
                    row_no,
                    self.placed["deduction"].name,
                    translate(
                        "Standards",
                        "the points say 一票否决 but the column {column} says no: write which is meant",
                    ).format(column=self.placed["veto"].name),
                )
            entry["veto"] = True
        return entry

    def _heading_problem(self, label: str) -> str:
        if _RISKY.search(label):
            return translate(
                "Standards",
                "the row holds only {value}, a heading that may say something of the items under it (points, veto, "
                "case types) which the app does not read from a heading: write it in the items' own columns "
                "(默认扣分, 一票否决, 适用案件类别), then delete the row",
            ).format(value=label)
        names = "、".join(dict.fromkeys(d.get("name", "") for d in self.data.get("dimensions") or () if d.get("name")))
        return translate(
            "Standards",
            "the row holds only {value}, which is no item: a heading row is read only when it names a dimension of "
            "the sheet 评查维度 ({names}) or heads numbered items (1.1 over 1.1.1) — delete the row, or fill it in as "
            "an item",
        ).format(value=label, names=names)

    def _points_in_text(self, raw: Any, row_no: int, column: str) -> float | None:
        vocab = self.reader.vocabulary
        value, named = vocab.deduction_in_text(raw)
        if value is not None:
            return value
        if (named and vocab.is_range(named[0])) or any(vocab.is_range(n) for n in named):
            problem = translate(
                "Standards",
                "{value} names a range of points ({named}): write the one deduction a finding takes by default in a "
                "column 默认扣分 — the reviewer can change it for each finding",
            )
        elif named:
            problem = translate(
                "Standards",
                "{value} names several deductions ({named}): write the one a finding takes by default in a column "
                "默认扣分 — the reviewer can change it for each finding",
            )
        else:
            problem = translate(
                "Standards",
                "{value} names no deduction: write the one a finding takes by default (扣2分, 每处扣2分) in this cell "
                "or in a column 默认扣分",
            )
        self.reader.bad(self.sheet, row_no, column, problem.format(value=raw, named="、".join(named)))
        return None

    def _code(self, row: Row) -> str:
        raw, fmt = self.cell(row, "code")
        return code_text(raw, fmt) if filled(raw) else ""

    def _next_code(self, at: int, kinds: list[tuple[str, Any]]) -> str | None:
        for (_, row), (kind, _) in zip(self.rows[at + 1 :], kinds[at + 1 :], strict=True):
            if kind in ("item", "heading"):
                return self._code(row) or None
        return None

    def _collisions(
        self, codes: dict[str, list[int]], numeric: dict[str, list[int]], header: str, sections: bool, spread: set[str]
    ) -> None:
        for code, at in codes.items():
            if len(at) < 2:
                continue
            if code in numeric and "." in code:
                problem = translate(
                    "Standards",
                    "code {code} is also on row {row}: Excel stored these codes as numbers, so 1.10 reads as 1.1 — "
                    "set the column's format to text and type the codes again",
                )
            elif sections or code in spread:
                # 一、证据采信 1 2 3, 二、事实认定 1 2 3: numbered afresh under each heading or in each category.
                problem = translate(
                    "Standards",
                    "code {code} is also on row {row}: each item needs a code of its own, in the whole sheet — number "
                    "the items through, or put the dimension's letter before the number (E1, F1)",
                )
            else:
                continue  # a plain duplicate: the schema names it
            for row_no in at[1:]:
                self.reader.bad(self.sheet, row_no, header, problem.format(code=code, row=at[0]))

    def _check_notes(self, notes: list[tuple[int, str]], entries: list[dict[str, Any]]) -> None:
        """A note under the table is left out — unless it names a deduction or veto items (每处扣1分, 第3项为一票
        否决项), explains a mark the items carry (带★的为必查项) or narrows them to some of the standard's case types:
        that changes the items' points, veto or case types, and the app does not read it from a note."""
        vocab = self.reader.vocabulary
        texts = [f"{e.get('code', '')} {e.get('text', '')}" for e in entries]
        own_types = {self.case_type} if self.case_type else set(self.data.get("case_types") or ())
        for row_no, note in list(notes):
            marks = [m for m in _MARKS if m in note and any(m in t for t in texts)]
            named = [t for t in CASE_TYPES if t in note and t in own_types]
            said, points = vocab.deduction_in_text(note)
            if said is not None or points or "否决" in note:
                problem = translate(
                    "Standards",
                    "the note {note} says something of the items' points or veto, which the app does not read from a "
                    "note: write it in the items' own columns (默认扣分, 一票否决), then delete the note",
                ).format(note=note)
            elif marks:
                problem = translate(
                    "Standards",
                    "the note {note} explains the mark {mark} that items carry, which the app does not read: write "
                    "what it means in the items' own columns (一票否决, 问题等级, 默认扣分 …), then delete the note",
                ).format(note=note, mark=marks[0])
            elif named and set(named) != own_types:
                problem = translate(
                    "Standards",
                    "the note {note} names the case types {types}, which the app does not read from a note: give the "
                    "items their case types in a column 适用案件类别 (or in the sheet 基本信息), then delete the note",
                ).format(note=note, types="、".join(named))
            else:
                continue
            self.reader.bad(self.sheet, row_no, self.placed["code"].name, problem)
            notes.remove((row_no, note))

    def _no_dimension(self, rows: list[int], sections: list[str]) -> None:
        if not rows:
            return
        if not sections:
            missing(self.reader, self.sheet, self.table, "dimension", "维度")
            return
        for row_no in rows:
            self.reader.bad(
                self.sheet,
                row_no,
                None,
                translate(
                    "Standards",
                    "the item has no dimension: it is under no heading row naming one (一、证据采信) and the sheet "
                    "has no column 维度 — add a heading row above it, or the column",
                ),
            )

    def _say(self, totals: list[str], notes: list[tuple[int, str]], subs: list[str], sections: list[str]) -> None:
        out, title = self.reader.warnings, self.title
        if sections:
            out.append(
                translate(
                    "Standards", "Sheet {sheet}: dimension of the items taken from the heading rows above them: {rows}."
                ).format(sheet=title, rows="、".join(sections))
            )
        if subs:
            out.append(
                translate("Standards", "Sheet {sheet}: headings of numbered items, not read as items: {rows}.").format(
                    sheet=title, rows="、".join(subs)
                )
            )
        if totals:
            out.append(
                translate("Standards", "Sheet {sheet}: total rows not read: {rows}.").format(
                    sheet=title, rows="、".join(totals)
                )
            )
        for row_no, note in notes:
            out.append(
                translate("Standards", "Sheet {sheet}: note under the table not read (row {row}): {note}").format(
                    sheet=title, row=row_no, note=note
                )
            )


def _ticked(value: Any, flag: Any) -> bool:
    return filled(value) and flag(value) is True


def _parent(code: str, child: str | None) -> bool:
    """1 over 1.1, 1.1 over 1.1.1, 二 over 二.1: a heading of the numbered items under it."""
    return bool(child) and child is not None and child.startswith(code) and child[len(code) : len(code) + 1] in ".．-、"
