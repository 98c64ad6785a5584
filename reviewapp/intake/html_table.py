"""An "Excel" export that is a web page: the table a web system writes and names .xls (导出Excel).

Many web case systems export by sending an HTML table with an Excel file name. Excel and WPS open it as a
workbook, after a warning about the extension the user has long learnt to click away, so to the user it is an
Excel file. It is read here the way Excel shows it: every table row (``<tr>``) of the page is one sheet row,
in order (a title table above the data table included), ``<th>`` and ``<td>`` are cells, ``<br>`` is a line
break inside a cell, and a cell spanning rows or columns (``rowspan`` / ``colspan``) is a merged range whose
value fills it, as for a merged workbook cell. Cells are text: the value parsers read dates and numbers.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from reviewapp.intake.readers import Merged, Row, Sheet, decode_text, is_utf16

_CELL_TAG = re.compile(rb"<\s*t[dh]\b", re.IGNORECASE)  # SpreadsheetML (<Table><Row><Cell>) has none
_SPACES = re.compile(r"\s+")
MAX_SPAN = 1000  # a rowspan or colspan beyond this is a damaged or hostile page, not a merged case


def is_html_table(data: bytes) -> bool:
    """Whether ``data`` (a file that is no zip or OLE workbook) is a web page with a table."""
    head = _head(data, 1 << 20)
    return looks_like_markup(head) and _CELL_TAG.search(head, 0, 1 << 20) is not None


def looks_like_markup(data: bytes) -> bool:
    """Whether ``data`` begins like a web page or an XML file (a single-file web page .mht too)."""
    return _head(data, 4096).lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<", b"mime-version"))


def _head(data: bytes, size: int) -> bytes:
    """The start of ``data`` as bytes the tag patterns read: UTF-16 text (with its mark) re-encoded as UTF-8."""
    if is_utf16(data):
        return data[: size * 2].decode("utf-16", "ignore").encode("utf-8")
    return data[:size]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[Row] = []
        self.merged: Merged = []
        self._row: Row | None = None  # the cells of the open row
        self._cell: list[str] | None = None  # the text of the open cell, in pieces
        self._span = (1, 1)
        self._down: list[tuple[int, int, int]] = []  # (first column, last column, last row) of rowspans above
        self._skip = 0  # inside <script> / <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "tr":
            self._close_row()
            self._row = []
        elif tag in ("td", "th"):
            self._close_cell()
            if self._row is None:
                self._row = []
            spans = dict(attrs)
            self._span = (_span(spans.get("rowspan")), _span(spans.get("colspan")))
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag in ("tr", "table"):
            self._close_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip:
            self._cell.append(_SPACES.sub(" ", data))  # a line break in the page's source is a space, as shown

    def _close_cell(self) -> None:
        if self._cell is None or self._row is None:
            return
        text = "\n".join(filter(None, (line.strip() for line in "".join(self._cell).split("\n"))))
        r, (down, across) = len(self.rows), self._span
        c = len(self._row)
        while (covered := next((s for s in self._down if s[0] <= c <= s[1] and s[2] >= r), None)) is not None:
            c = covered[1] + 1  # a cell of a row above reaches down here: this cell stands right of it
        self._row += [""] * (c - len(self._row)) + [text] + [""] * (across - 1)
        if down > 1:
            self._down.append((c, c + across - 1, r + down - 1))
        if down > 1 or across > 1:
            self.merged.append(((r, c), (r + down - 1, c + across - 1)))
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is None:
            return
        r = len(self.rows)
        width = max([len(self._row)] + [s[1] + 1 for s in self._down if s[2] >= r])
        self.rows.append(self._row + [""] * (width - len(self._row)))
        self._row = None
        self._down = [s for s in self._down if s[2] > r]


def _span(value: str | None) -> int:
    try:
        return min(MAX_SPAN, max(1, int(str(value).strip())))
    except ValueError:
        return 1


def read_html(path: Path, data: bytes) -> list[Sheet]:
    """The page's table rows as one sheet named after the file (as a CSV is), merged ranges kept."""
    parser = _Tables()
    parser.feed(decode_text(path, data))
    parser.close()
    parser._close_row()
    return [Sheet(path.stem, parser.rows, parser.merged)]
