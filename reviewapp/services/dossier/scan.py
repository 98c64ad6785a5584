"""Reading the text of every dossier page into the database: text layer first, offline OCR for scans.

    scan_dossiers(wb, case_ids=None, *, progress=None, cancel=None, ocr=True) -> ScanSummary

Runs outside any lock and writes through the write path in small batches ("dossier.text": one transaction
and one audit entry per batch of pages, at least every BATCH_SECONDS), so a cancel or a crash loses at most
the page being read and the next run resumes where this one stopped: pages already stored are skipped, and
a page whose content (its text, or its rendered image) was recognised before is copied, not read again.
Meant for a background thread (the GUI's runner) or the CLI, never the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from sqlalchemy import func, select

from reviewapp.domain.roles import Action
from reviewapp.dossier import ocr
from reviewapp.dossier.pages import EMPTY, OCR, UNREADABLE, PageText, iter_pages, page_count, text_layer
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Case, DossierDocument, DossierPage, DossierText
from reviewapp.storage.models.base import utcnow

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
BATCH_PAGES = 50
BATCH_SECONDS = 2.0


@dataclass
class ScanSummary:
    documents: int = 0  # files with pages still to read when the scan started
    pages_total: int = 0
    pages_done: int = 0
    text_layer: int = 0
    ocr: int = 0
    reused: int = 0  # pages whose content was recognised before (same hash)
    unreadable: int = 0
    cancelled: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    case_ids: set[int] = field(default_factory=set)  # cases with pages stored by this run (to compare again)

    def message(self) -> str:
        if self.cancelled:
            return translate("DossierScan", "Dossier reading cancelled: {done} of {total} pages stored.").format(
                done=self.pages_done, total=self.pages_total
            )
        return translate(
            "DossierScan",
            "{pages} dossier pages read: {text} from the text layer, {ocr} by OCR, {unreadable} unreadable.",
        ).format(pages=self.pages_done, text=self.text_layer, ocr=self.ocr + self.reused, unreadable=self.unreadable)


@dataclass(frozen=True)
class _Pending:
    document_id: int
    case_id: int
    path: Path
    page_count: int
    done: frozenset[int]


def _pending(wb: Workbench, case_ids: Sequence[int] | None) -> list[_Pending]:
    with wb.db.session() as s:
        stmt = (
            select(DossierDocument.id, DossierDocument.case_id, DossierDocument.stored_path, Case.unit_id)
            .join(Case, Case.id == DossierDocument.case_id)
            .outerjoin(DossierText, DossierText.document_id == DossierDocument.id)
            .where(DossierText.finished_at.is_(None))
            .order_by(DossierDocument.case_id, DossierDocument.id)
        )
        if case_ids is not None:
            stmt = stmt.where(DossierDocument.case_id.in_(list(case_ids)))
        rows = list(s.execute(stmt))
        done: dict[int, set[int]] = {}
        ids = [r[0] for r in rows]
        for start in range(0, len(ids), 900):
            part = ids[start : start + 900]
            for doc, page in s.execute(
                select(DossierPage.document_id, DossierPage.page).where(DossierPage.document_id.in_(part))
            ):
                done.setdefault(doc, set()).add(page)
    allowed: dict[int, bool] = {}
    out = []
    for doc_id, case_id, rel, unit_id in rows:
        if unit_id not in allowed:
            allowed[unit_id] = wb.permissions.allows(wb.user, Action.RUN_CHECKS, unit_id=unit_id)
        if not allowed[unit_id]:
            continue
        path = wb.dossiers.path(rel)
        try:
            count = page_count(path) if path.is_file() else 0
        except Exception:  # a damaged file counts as zero pages: nothing to read, marked finished
            count = 0
        out.append(_Pending(doc_id, case_id, path, count, frozenset(done.get(doc_id, ()))))
    return out


def _cached(wb: Workbench, content_hash: str) -> DossierPage | None:
    with wb.db.session() as s:
        return s.scalars(
            select(DossierPage).where(DossierPage.content_hash == content_hash, DossierPage.method == OCR).limit(1)
        ).first()


def _read_page(
    wb: Workbench, page: pdfium.PdfPage | None, picture: Path | None, use_ocr: bool, summary: ScanSummary
) -> PageText | None:
    """One page's text: the text layer, else (a scan) OCR of its image, reusing an earlier identical page."""
    if page is not None:
        layer = text_layer(page)
        if layer is not None:
            summary.text_layer += 1
            return layer
    if not use_ocr:
        return None  # a scan waits for a run with OCR
    if page is not None:
        image = ocr.render(page)
    elif picture is not None:
        image = ocr.load_image(picture)
    else:
        return PageText("", method=EMPTY)
    content_hash = ocr.image_hash(image)
    known = _cached(wb, content_hash)
    if known is not None:
        summary.reused += 1
        return PageText(known.text, [tuple(b) for b in known.boxes], list(known.lines), known.method, content_hash)
    summary.ocr += 1
    return ocr.recognise(image)


@mutation("dossier.text", Action.RUN_CHECKS)
def store_pages(
    o: Op, pages: list[tuple[int, int, PageText]], finished: list[tuple[int, int]], case_ids: list[int]
) -> int:
    """Store read pages (document id, page, text) and mark finished files (document id, page count)."""
    s = o.session
    for case_id in case_ids:
        o.require(Action.RUN_CHECKS, case_id=case_id)
    now = utcnow()
    for document_id, number, text in pages:
        s.add(
            DossierPage(
                document_id=document_id, page=number, method=text.method, content_hash=text.content_hash,
                text=text.text, boxes=[list(b) for b in text.boxes], lines=list(text.lines), extracted_at=now,
            )
        )  # fmt: skip
    for document_id, count in finished:
        row = s.get(DossierText, document_id)
        if row is None:
            s.add(DossierText(document_id=document_id, page_count=count, finished_at=now))
        else:
            row.page_count, row.finished_at = count, now
    o.touch(Kind.DOSSIER, *case_ids)
    o.audit("dossier_text", case_id=case_ids[0] if len(case_ids) == 1 else None, pages=len(pages),
            files_finished=len(finished), cases=case_ids)  # fmt: skip
    return len(pages)


class _Batch:
    def __init__(self, wb: Workbench) -> None:
        self.wb = wb
        self.pages: list[tuple[int, int, PageText]] = []
        self.finished: list[tuple[int, int]] = []
        self.cases: dict[int, None] = {}
        self.started = time.monotonic()

    def add(self, case_id: int, document_id: int, number: int, text: PageText) -> None:
        self.pages.append((document_id, number, text))
        self.cases[case_id] = None

    def finish(self, case_id: int, document_id: int, count: int) -> None:
        self.finished.append((document_id, count))
        self.cases[case_id] = None

    def due(self) -> bool:
        return len(self.pages) >= BATCH_PAGES or time.monotonic() - self.started >= BATCH_SECONDS

    def flush(self) -> None:
        if self.pages or self.finished:
            store_pages(self.wb, self.pages, self.finished, list(self.cases))
        self.pages, self.finished, self.cases = [], [], {}
        self.started = time.monotonic()


def scan_dossiers(
    wb: Workbench,
    case_ids: Sequence[int] | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    use_ocr: bool = True,
) -> ScanSummary:
    """Read every page not read yet of the cases' dossier files (None = every case the user may check)."""
    wb.permissions.require_any(wb.user, Action.RUN_CHECKS)
    started = time.perf_counter()
    todo = _pending(wb, case_ids)
    summary = ScanSummary(documents=len(todo), pages_total=sum(p.page_count - len(p.done) for p in todo))
    batch = _Batch(wb)
    skipped: set[int] = set()
    if progress is not None:
        progress(0, summary.pages_total)
    try:
        for item in todo:
            if item.page_count:
                try:
                    pages = iter_pages(item.path)
                    for number, page, picture in pages:
                        if number in item.done:
                            continue
                        if cancel is not None and cancel():
                            summary.cancelled = True
                            pages.close()  # closes the PDF now, not when the generator is collected
                            return summary
                        text = _read_page(wb, page, picture, use_ocr, summary)
                        if text is None:
                            skipped.add(item.document_id)
                            continue
                        batch.add(item.case_id, item.document_id, number, text)
                        summary.case_ids.add(item.case_id)
                        summary.pages_done += 1
                        if progress is not None:
                            progress(summary.pages_done, summary.pages_total)
                        if batch.due():
                            batch.flush()
                except (pdfium.PdfiumError, OSError):  # a damaged file: its remaining pages are stored unreadable
                    stored = item.done | {n for d, n, _ in batch.pages if d == item.document_id}
                    for number in range(1, item.page_count + 1):
                        if number not in stored:
                            batch.add(item.case_id, item.document_id, number, PageText("", method=UNREADABLE))
                            summary.unreadable += 1
            if item.document_id in skipped:
                continue  # its scanned pages wait for a run with OCR
            batch.finish(item.case_id, item.document_id, item.page_count)
            summary.case_ids.add(item.case_id)
    finally:
        batch.flush()  # whatever was read is kept, cancelled or not
        summary.seconds["total"] = time.perf_counter() - started
    return summary


def pages_without_text(wb: Workbench) -> int:
    """Files whose text is not read completely yet (for a status line)."""
    with wb.db.session() as s:
        finished = select(DossierText.document_id).where(DossierText.finished_at.isnot(None))
        return int(s.scalar(select(func.count(DossierDocument.id)).where(DossierDocument.id.not_in(finished))) or 0)
