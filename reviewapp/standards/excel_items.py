"""The items of a standard workbook: the sheet 评查项 (or the name an office gives it, 评查标准 / 评查表), or one
sheet per case type named by it (评查项（审查起诉）, 审查逮捕案件评查表) — its columns placed by excel_columns.py, its
rows read by excel_item_rows.py. One code on two sheets of case types is one item of both when the rows agree."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from openpyxl.workbook.workbook import Workbook

from reviewapp.i18n import translate
from reviewapp.standards.excel_cells import CellReader, split
from reviewapp.standards.excel_columns import Fits, item_columns
from reviewapp.standards.excel_headings import (
    AMBIGUOUS_HEADINGS,
    ITEM_HEADINGS,
    WEAK_HEADINGS,
    dimension_label,
    dimension_names,
    heading_key,
)
from reviewapp.standards.excel_item_rows import ItemRows
from reviewapp.standards.excel_layout import META_SHEET, TABLES
from reviewapp.standards.excel_severity_headings import has_severity_headings
from reviewapp.standards.excel_sheets import headed_like
from reviewapp.standards.model import SEVERITIES, SEVERITY_ALIASES
from reviewapp.standards.vocabulary import AMBIGUOUS_SEVERITY_WORDS

# Other names offices give the items sheet; read when the workbook has no sheet 评查项.
ITEMS_SHEET_NAMES = ("评查项目", "评查标准", "评查表", "评查项目表", "评查标准表", "评查内容", "评查细则")
# Items' columns the checklist may leave out: every case type of the standard, no veto, no phrases, no check, no
# basis. The dimension may come from heading rows instead, the points are needed only when the standard is scored.
OPTIONAL_ITEM_FIELDS = {"case_types", "veto", "phrases", "check", "basis"}
# What a sheet per case type is named besides its case type: 评查项（审查起诉）, 审查逮捕案件评查表, 评查标准-审查起诉.
_SHEET_WORDS = re.compile(r"评查项目表|评查标准表|评查项目|评查标准|评查项|评查表|质量|[()\-_—·]")


class ItemSheets(CellReader):
    """Reads the items of a workbook (see the module's docstring)."""

    def read_items(
        self, wb: Workbook, data: dict[str, Any], sheet: str, columns: tuple[tuple[str, str], ...]
    ) -> list[dict[str, Any]]:
        words = [header for _, header in columns]
        words += [w for found in (ITEM_HEADINGS, WEAK_HEADINGS) for ws in found.values() for w in ws]
        words += list(AMBIGUOUS_HEADINGS)
        self.origin[("items",)] = (sheet, 0, {})
        per_type, other = self._sheets_of_items(wb, data, words)
        names = {heading_key(n) for n in (sheet, *ITEMS_SHEET_NAMES)}
        if per_type and not any(heading_key(t) in names for t in wb.sheetnames):
            # 评查项（审查逮捕）, 审查起诉案件评查表 …: each sheet's rows are items of its case type.
            for title in other:
                self.refuse(
                    title,
                    None,
                    None,
                    translate(
                        "Standards",
                        "the sheet looks like a sheet of items but names no case type of the standard ({types}): "
                        "name it by the case type of its items (评查项（{example}）), or delete it",
                    ).format(types="、".join(data.get("case_types") or ()), example=per_type[0][1]),
                )
            found = [(t, c, self._read_item_sheet(wb, data, t, columns, words, c)) for t, c in per_type]
            return self._none_empty(self._merged(found, columns), "、".join(t for t, _ in per_type))
        table = self.locate(wb, sheet, words, other_names=ITEMS_SHEET_NAMES)
        if table is not None and per_type:
            self.refuse(
                sheet,
                None,
                None,
                translate(
                    "Standards",
                    "the workbook has the sheet {sheet} and sheets per case type ({sheets}), either of which could "
                    "hold the items: delete the ones not meant",
                ).format(sheet=table.title, sheets="、".join(t for t, _ in per_type)),
            )
            return []
        for title in other:
            self.warnings.append(
                translate("Standards", "Sheet {sheet} looks like a sheet of items and was not read.").format(
                    sheet=title
                )
            )
        found_rows = self._read_item_sheet(wb, data, sheet, columns, words, None)
        entries = self._merged([(sheet, None, found_rows)], columns)
        return self._none_empty(entries, table.title) if table is not None else entries

    def _none_empty(self, entries: list[dict[str, Any]], sheets: str) -> list[dict[str, Any]]:
        """``sheets``: the sheet (or sheets) the items were read from, as the message names them."""
        """A checklist without one item is no checklist: refused rather than stored (every row hidden, or none)."""
        if not entries and not self.structural and not self.errors:
            self.refuse(
                sheets,
                None,
                None,
                translate(
                    "Standards",
                    "no item was found: the rows under the headings hold none (rows hidden in Excel are not imported)",
                ),
            )
        return entries

    def _read_item_sheet(
        self,
        wb: Workbook,
        data: dict[str, Any],
        sheet: str,
        columns: tuple[tuple[str, str], ...],
        words: list[str],
        case_type: str | None,
    ) -> list[tuple[int, dict[str, Any], dict[str, str]]]:
        table = self.locate(wb, sheet, words, other_names=ITEMS_SHEET_NAMES if case_type is None else ())
        if table is None:
            return []
        rows = self.rows(wb, sheet, words)
        optional = OPTIONAL_ITEM_FIELDS | {"dimension"}
        if data.get("score_base") is None:
            optional = optional | {"deduction"}  # a standard without a score needs no points
        if has_severity_headings(rows, self.vocabulary):
            optional = optional | {"severities"}  # 一、严重司法错误 over the items gives theirs
        dims = dimension_names(data)
        found = item_columns(self, sheet, table, rows, columns, self._fits(dims), optional)
        if found.unsure or any(field not in found.placed for field, _ in columns if field not in optional):
            return []  # the sheet's columns are refused: its cells are not read
        return ItemRows(self, sheet, table, rows, found.placed, dims, data, found.echoes, case_type).read(columns)

    def _sheets_of_items(
        self, wb: Workbook, data: dict[str, Any], words: list[str]
    ) -> tuple[list[tuple[str, str]], list[str]]:
        """The sheets besides the layout's own that are headed like an items sheet: (sheet, case type) of those named
        by one of the standard's case types (审查逮捕, 评查项（审查起诉）, 审查起诉案件评查表), and the others."""
        own = {heading_key(t): t for t in data.get("case_types") or ()}
        layout = {heading_key(n) for n in (META_SHEET, *(name for _, name, _ in TABLES), *ITEMS_SHEET_NAMES)}
        wanted = {heading_key(w) for w in words}
        named: list[tuple[str, str]] = []
        other: list[str] = []
        for title in wb.sheetnames:
            if heading_key(title) in layout:
                continue
            if not headed_like(wb[title], wanted, 3):
                continue
            bare = _SHEET_WORDS.sub("", heading_key(title))
            case_type = own.get(bare) or own.get(self.vocabulary.case_type(bare, own))
            if case_type is None or any(c == case_type for _, c in named):
                other.append(title)
            else:
                named.append((title, case_type))
        return named, other

    def _merged(
        self,
        sheets: Sequence[tuple[str, str | None, list[tuple[int, dict[str, Any], dict[str, str]]]]],
        columns: tuple[tuple[str, str], ...],
    ) -> list[dict[str, Any]]:
        """The items of every sheet, in order. One code on two sheets of case types is one item of both when the
        rows say the same; rows saying otherwise under one code are refused (codes name an item everywhere)."""
        entries: list[dict[str, Any]] = []
        first: dict[str, tuple[int, str, int]] = {}  # code → (index, sheet, row)
        for title, case_type, found in sheets:
            for row_no, entry, headers in found:
                code = entry.get("code")
                seen = first.get(code) if isinstance(code, str) else None
                if seen is None or case_type is None:
                    if isinstance(code, str):
                        first.setdefault(code, (len(entries), title, row_no))
                    self.origin[("items", len(entries))] = (title, row_no, headers)
                    entries.append(entry)
                    continue
                earlier = entries[seen[0]]
                if {k: v for k, v in earlier.items() if k != "case_types"} == {
                    k: v for k, v in entry.items() if k != "case_types"
                }:
                    both = [*earlier.get("case_types", []), *entry.get("case_types", [])]
                    earlier["case_types"] = list(dict.fromkeys(both))
                    continue
                self.bad(
                    title,
                    row_no,
                    headers.get("code"),
                    translate(
                        "Standards",
                        "code {code} is also on the sheet {sheet}, row {row}, for another item: a code names one item "
                        "in every case type — give the items of each sheet codes of their own (捕1, 诉1 …)",
                    ).format(code=code, sheet=seen[1], row=seen[2]),
                )
        return entries

    def _fits(self, dims: dict[str, str]) -> Fits:
        vocab = self.vocabulary
        words = {*SEVERITIES, *SEVERITY_ALIASES, *vocab.severity_words(), *AMBIGUOUS_SEVERITY_WORDS}

        def severities(values: Sequence[Any]) -> bool:
            return all(heading_key(part) in words for v in values for part in split(str(v), enumeration=True)) and bool(
                values
            )

        def points(values: Sequence[Any]) -> bool:
            return bool(values) and all(
                vocab.is_empty_mark(v)
                or vocab.number(v, deduction=True) is not None
                or vocab.is_range(v)
                or vocab.is_veto(v)
                for v in values
            )

        def says_points(value: Any) -> bool:
            found, named = vocab.deduction_in_text(value)
            return found is not None or bool(named) or vocab.is_veto(value)

        def points_in_text(values: Sequence[Any]) -> bool:
            said = sum(1 for v in values if says_points(v))
            return said > 0 and said * 2 > len(values)

        return Fits(
            dimension=lambda values: bool(values) and all(dimension_label(v) in dims for v in values),
            severities=severities,
            points=points,
            points_in_text=points_in_text,
            ticks=lambda values: all(vocab.flag(v) is not None or vocab.is_empty_mark(v) for v in values),
        )
