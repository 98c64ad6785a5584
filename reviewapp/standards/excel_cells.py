"""A cell of a standard workbook as a plain-form value: flags, numbers, lists, codes and grades read in the
vocabulary of the system the workbook comes from (vocabulary.py), codes kept as the text Excel shows."""

from __future__ import annotations

import re
from typing import Any

from reviewapp.domain.case_card import CASE_TYPES
from reviewapp.i18n import translate
from reviewapp.standards.excel_headings import heading_key
from reviewapp.standards.excel_layout import BOOL_FIELDS, LIST_FIELDS, LIST_SEPARATOR, NUMBER_FIELDS, PAIR_SEPARATOR
from reviewapp.standards.excel_sheets import SheetAccess
from reviewapp.standards.vocabulary import ImportVocabulary

# Where each plain-form entry came from: path prefix → (sheet, row, {field: header}).
Origin = dict[tuple[str | int, ...], tuple[str, int, dict[str, str]]]
# Fields holding codes: kept as the text the user sees even when Excel stored a number.
CODE_FIELDS = {"code", "id", "dimension", "maps_to", "scheme"}
GRADE_FIELDS = {"grades", "grade", "justification_required_for"}
SEVERITY_FIELDS = {"severities", "severity_any", "severity_only"}
_PHRASE_SEPARATORS = re.compile(f"[{LIST_SEPARATOR};\r\n]")
_NAME_SEPARATORS = re.compile(f"[{LIST_SEPARATOR};\r\n、,，/／]")
_LISTED = re.compile(f"[{LIST_SEPARATOR};、,，/／]")  # separators of a list other than line breaks
_ZEROS = re.compile(r"^(0+)(?:\.(0+))?$")  # 0, 0.00, 000: the digits Excel shows


class CellReader(SheetAccess):
    """Reads cells into the plain form, recording every cell it cannot read (``errors``) and where each entry came
    from (``origin``) so schema errors point back at their cell."""

    def __init__(self, source: str, vocabulary: ImportVocabulary) -> None:
        super().__init__(source)
        self.vocabulary = vocabulary
        self.origin: Origin = {}

    def convert(self, field: str, raw: Any, fmt: str, sheet: str, row: int, column: str) -> Any:
        """A cell as a plain-form value; None for an empty cell or one that could not be read (recorded)."""
        vocab = self.vocabulary
        if raw is None or (isinstance(raw, str) and not raw.strip()) or vocab.is_empty_mark(raw):
            return None
        if isinstance(raw, str) and raw.lstrip().upper().startswith(("=DISPIMG(", "=_XLFN.DISPIMG(")):
            # WPS keeps a picture placed in a cell as this formula's text: there is nothing to read.
            self.bad(sheet, row, column, translate("Standards", "the cell holds a picture, not text: type the value"))
            return None
        if field in BOOL_FIELDS:
            flag = vocab.flag(raw, veto=field == "veto")
            if flag is None:
                self.bad(
                    sheet,
                    row,
                    column,
                    translate("Standards", "{value} is neither yes nor no").format(value=raw),
                    vocab.flag_words(veto=field == "veto"),
                )
            return flag
        if field in NUMBER_FIELDS:
            number = vocab.number(raw, deduction=field == "deduction")
            if number is None and field == "deduction" and vocab.is_range(raw):
                self.bad(
                    sheet,
                    row,
                    column,
                    translate(
                        "Standards",
                        "{value} is a range: write the one deduction a finding takes by default — the reviewer "
                        "can change it for each finding",
                    ).format(value=raw),
                    ("2", "2分", "扣2分", "每处扣2分"),
                )
            elif number is None:
                examples = ("2", "2.5", *(f"2{u}" for u in vocab.units))
                if field == "deduction":
                    examples += ("扣2分", "每处扣2分")
                self.bad(
                    sheet, row, column, translate("Standards", "{value} is not a number").format(value=raw), examples
                )
            return number
        if field in LIST_FIELDS:
            parts = split(code_text(raw, fmt), enumeration=field != "phrases")
            if field in SEVERITY_FIELDS:
                parts = [heading_key(p) for p in parts]  # 一般 瑕疵, 严重　错误: words wrapped or spaced
                # 司法\n瑕疵: one word wrapped onto two lines (a table converted from Word), unless its lines are words
                whole = heading_key(raw)
                wrapped = vocab.is_severity_word(whole) or not _LISTED.search(str(raw))
                if len(parts) > 1 and not all(map(vocab.is_severity_word, parts)) and wrapped:
                    parts = [whole]
            if field in GRADE_FIELDS:
                return [vocab.grade(p) for p in parts]
            if field == "case_types":
                return [vocab.case_type(p, CASE_TYPES) for p in parts]
            return parts
        if field == "mapping":
            pairs: dict[str, str] = {}
            for part in split(str(raw)):
                left, sep, right = part.partition(PAIR_SEPARATOR)
                if not sep or not left.strip() or not right.strip():
                    self.bad(sheet, row, column, translate("Standards", "write each pair as 瑕疵=基本合格"))
                    return None
                pairs[vocab.grade(left.strip())] = vocab.grade(right.strip())
            return pairs
        text = code_text(raw, fmt) if field in CODE_FIELDS else plain_text(raw)
        return vocab.grade(text) if field in GRADE_FIELDS else text


def filled(value: Any) -> bool:
    return value is not None and bool(str(value).strip())


def plain_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def code_text(raw: Any, fmt: str) -> str:
    """A code as the user sees it in Excel: a number formatted ``0.00`` shows (and stays) 1.10, one formatted
    ``000`` shows (and stays) 001."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return str(raw).strip()
    found = _ZEROS.match(fmt or "")
    if found:
        places = len(found.group(2) or "")
        width = len(found.group(1)) + (places + 1 if places else 0)
        return f"{raw:0{width}.{places}f}"
    return plain_text(raw)


def split(text: str, *, enumeration: bool = False) -> list[str]:
    """A list cell's entries: split at ；, the ASCII ; and line breaks (an office puts each entry on its own
    line); an enumeration of names (case types, grades, severities) at 、 and commas too — no name holds one,
    while a phrase may (询问人、记录人)."""
    separators = _NAME_SEPARATORS if enumeration else _PHRASE_SEPARATORS
    return [p.strip() for p in separators.split(text) if p.strip()]
