"""Which file and page range is which 文书: recognised from a page's title line and its layout.

A document starts on a page whose first lines hold a short, centred line ending with a known document name
(the title of a Chinese legal document stands alone at the top, often after the issuing body:
"临江市人民检察院 起诉书"); it runs until the next such page or the end of the file. Pages of a file before
any title belong to the document the file's own title names, else to an unrecognised one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

# Longest first: "不起诉决定书" must not be read as "起诉书", nor "不批准逮捕决定书" as "批准逮捕决定书".
KINDS: tuple[str, ...] = tuple(
    sorted(
        (
            "起诉意见书",
            "起诉书",
            "审查报告",
            "审查逮捕意见书",
            "提请批准逮捕书",
            "批准逮捕决定书",
            "不批准逮捕决定书",
            "不起诉决定书",
            "附条件不起诉决定书",
            "权利义务告知书",
            "认罪认罚具结书",
            "量刑建议书",
            "判决书",
            "检察建议书",
            "审查终结报告",
            "受案登记表",
        ),
        key=len,
        reverse=True,
    )
)
PROSECUTION_OPINION = "起诉意见书"
INDICTMENT = "起诉书"
JUDGMENT = "判决书"
PLEA_AGREEMENT = "认罪认罚具结书"
RECOMMENDATION = "量刑建议书"
UNKNOWN = ""
TITLE_LINES = 4  # a title stands among the first lines of its page
TITLE_MAX_CHARS = 24
_PUNCT = re.compile(r"[\s　:：（）()《》〈〉\[\]【】·—\-]")


@dataclass(frozen=True)
class PageLines:
    """What recognition needs of a page: its first lines and their horizontal extent (thousandths)."""

    document_id: int
    page: int
    lines: tuple[str, ...]
    spans: tuple[tuple[int, int], ...] = ()  # (left, right) of each line; () when unknown


@dataclass(frozen=True)
class Recognised:
    document_id: int
    first_page: int
    last_page: int
    kind: str  # one of KINDS, or UNKNOWN
    title: str  # the title line as printed ("" when taken from the file name)


def kind_of_title(text: str) -> str:
    """The document kind a title line names: '临江市人民检察院起诉书' → '起诉书'; '' when none."""
    clean = _PUNCT.sub("", text)
    if not clean or len(clean) > TITLE_MAX_CHARS:
        return UNKNOWN
    for kind in KINDS:
        if clean.endswith(kind):
            # "刑事判决书", "起诉书（副本）" and the issuing body before the name are all fine.
            return kind
    return UNKNOWN


def _centred(span: tuple[int, int]) -> bool:
    left, right = span
    return abs((left + right) / 2 - 500) < 120 and left > 80


def title_on(page: PageLines) -> tuple[str, str]:
    """(kind, title line) when the page starts a document, else ('', '')."""
    for i, line in enumerate(page.lines[:TITLE_LINES]):
        kind = kind_of_title(line)
        if not kind:
            continue
        if page.spans and i < len(page.spans) and not _centred(page.spans[i]):
            continue  # a body line that happens to end with a document name ("…送达起诉书")
        return kind, line
    return UNKNOWN, ""


def recognise(pages: Sequence[PageLines], file_titles: dict[int, str] | None = None) -> list[Recognised]:
    """Documents in reading order over the pages of one or more files (pages sorted by file, then page)."""
    titles = file_titles or {}
    out: list[Recognised] = []
    current: Recognised | None = None
    for page in pages:
        kind, line = title_on(page)
        same_file = current is not None and current.document_id == page.document_id
        if kind or not same_file:
            if current is not None:
                out.append(current)
            if not kind:
                kind, line = kind_of_title(titles.get(page.document_id, "")), ""
            current = Recognised(page.document_id, page.page, page.page, kind, line)
        elif current is not None:
            current = replace(current, last_page=page.page)
    if current is not None:
        out.append(current)
    return out
