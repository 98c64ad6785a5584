"""Dossier page text (PDF text layer or OCR, with character boxes), scan progress and comparison results."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Base, utcnow


class DossierPage(Base):
    """The text of one page of a dossier file. ``content_hash`` is the page's own content (its text, or the
    rendered image for OCR), so the same scan in another file is not recognised twice. Full-text search:
    FTS5 table dossier_pages_fts (trigram) on SQLite, a pg_trgm GIN index on PostgreSQL (migration 0012)."""

    __tablename__ = "dossier_pages"
    __table_args__ = (UniqueConstraint("document_id", "page", name="uq_dossier_pages_document_page"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("dossier_documents.id", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(12))  # text | ocr | empty | unreadable
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    boxes: Mapped[list[Any]] = mapped_column(JSON, default=list)  # per character: [x0, y0, x1, y1] in ‰ of page
    lines: Mapped[list[int]] = mapped_column(JSON, default=list)  # offsets where printed lines start
    extracted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DossierText(Base):
    """Scan progress of a dossier file: its page count, and when every page had its text."""

    __tablename__ = "dossier_texts"
    document_id: Mapped[int] = mapped_column(ForeignKey("dossier_documents.id", ondelete="CASCADE"), primary_key=True)
    page_count: Mapped[int] = mapped_column(Integer)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class DossierCheckResult(Base):
    """A comparison rule's result for a case (violations, warnings, not checkable); replaced per case on every
    comparison run. ``facts['evidence']`` holds the quoted text: document, page and character offsets."""

    __tablename__ = "dossier_check_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(50))
    item_code: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    explanation: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    missing_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    card_hash: Mapped[str] = mapped_column(String(64))
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
