"""Reading stored dossier text: a page with its boxes, the documents recognised in a case, their facts.

page_text(wb, document_id, page) -> StoredPage | None
documents_found(wb, case_id) -> list[FoundDocument]
case_dossier(wb, case_id) -> Dossier                      facts of every recognised document, for the rules
quote_boxes(page, start, end) -> list[Box]                one rectangle per printed line of a quote
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.dossier.documents import PageLines, Recognised, recognise
from reviewapp.dossier.facts import document_facts
from reviewapp.dossier.pages import EMPTY, UNREADABLE, Box
from reviewapp.dossier.rules_base import Dossier
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import DossierDocument, DossierPage, DossierText

TITLE_LINES = 4


@dataclass(frozen=True)
class StoredPage:
    document_id: int
    page: int
    method: str
    text: str
    boxes: list[Box] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class FoundDocument:
    """A recognised document: its kind, the file holding it and its page range."""

    document_id: int
    file_title: str
    kind: str  # "" when unrecognised
    first_page: int
    last_page: int
    title: str


def _stored(row: DossierPage) -> StoredPage:
    return StoredPage(row.document_id, row.page, row.method, row.text, [tuple(b) for b in row.boxes], list(row.lines))


def page_text(wb: Workbench, document_id: int, page: int) -> StoredPage | None:
    with wb.db.session() as s:
        row = s.scalars(
            select(DossierPage).where(DossierPage.document_id == document_id, DossierPage.page == page)
        ).first()
        return _stored(row) if row is not None else None


def _page_lines(p: StoredPage) -> PageLines:
    ends = [*p.lines[1:], len(p.text)]
    lines, spans = [], []
    for start, end in list(zip(p.lines, ends, strict=False))[:TITLE_LINES]:
        lines.append(p.text[start:end])
        boxes = p.boxes[start:end]
        spans.append((min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else (0, 1000))
    return PageLines(p.document_id, p.page, tuple(lines), tuple(spans))


def _case_pages(s: Session, case_id: int) -> tuple[dict[int, str], list[StoredPage], list[str]]:
    files = dict(
        s.execute(
            select(DossierDocument.id, DossierDocument.title)
            .where(DossierDocument.case_id == case_id)
            .order_by(DossierDocument.id)
        ).all()
    )
    rows = s.scalars(
        select(DossierPage)
        .where(DossierPage.document_id.in_(list(files)))
        .order_by(DossierPage.document_id, DossierPage.page)
    )
    pages = [_stored(r) for r in rows]
    finished = set(s.scalars(select(DossierText.document_id).where(DossierText.document_id.in_(list(files)))))
    unreadable = []
    for doc_id, title in files.items():
        own = [p for p in pages if p.document_id == doc_id]
        if doc_id in finished and own and all(p.method in (EMPTY, UNREADABLE) for p in own):
            unreadable.append(title)
    return files, pages, unreadable


def _found(files: dict[int, str], pages: Sequence[StoredPage]) -> list[Recognised]:
    return recognise([_page_lines(p) for p in pages], files)


def documents_found(wb: Workbench, case_id: int) -> list[FoundDocument]:
    with wb.db.session() as s:
        files, pages, _unreadable = _case_pages(s, case_id)
    return [
        FoundDocument(r.document_id, files.get(r.document_id, ""), r.kind, r.first_page, r.last_page, r.title)
        for r in _found(files, pages)
    ]


def dossier_of(files: dict[int, str], pages: Sequence[StoredPage], unreadable: list[str]) -> Dossier:
    by_place = {(p.document_id, p.page): p for p in pages}
    dossier = Dossier(unreadable=list(unreadable))
    for r in _found(files, pages):
        own = [
            by_place[(r.document_id, n)] for n in range(r.first_page, r.last_page + 1) if (r.document_id, n) in by_place
        ]
        dossier.documents.append(
            document_facts(r.document_id, r.kind, r.first_page, [(p.page, p.text, p.lines) for p in own])
        )
    return dossier


def case_dossier(wb: Workbench, case_id: int) -> Dossier:
    with wb.db.session() as s:
        files, pages, unreadable = _case_pages(s, case_id)
    return dossier_of(files, pages, unreadable)


def quote_boxes(page: StoredPage, start: int, end: int) -> list[Box]:
    """The quote's characters merged into one rectangle per printed line (what the viewer highlights)."""
    out: list[Box] = []
    line_starts = set(page.lines)
    for i in range(max(0, start), min(end, len(page.boxes))):
        x0, y0, x1, y1 = page.boxes[i]
        if out and i not in line_starts:
            a0, b0, a1, b1 = out[-1]
            out[-1] = (min(a0, x0), min(b0, y0), max(a1, x1), max(b1, y1))
        else:
            out.append((x0, y0, x1, y1))
    return out


def find_in_page(page: StoredPage, needle: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``needle`` (whitespace ignored) in the page's text."""
    clean = "".join(needle.split())
    if not clean:
        return []
    out, pos = [], page.text.find(clean)
    while pos >= 0:
        out.append((pos, pos + len(clean)))
        pos = page.text.find(clean, pos + 1)
    return out
