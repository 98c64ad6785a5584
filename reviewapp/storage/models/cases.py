"""Cases (案卡 fields), their suspects and dossier documents."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base, utcnow


class Case(Attributed, Base):
    """One case card. Indexes are kept to what queries use: the number, and every column the case list filters
    or sorts by (migration 0013; each costs ~0.3 s of a 100 000-case import). ``search_text`` is the folded
    text its substring search indexes (services/cases/search_index.py)."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    dept_case_no: Mapped[str] = mapped_column(String(100), unique=True)  # 部门受案号, the natural key
    # 统一受案号: the same matter at its other stages (回避 in assignment, arrest triggers, the CLI lookup).
    unified_case_no: Mapped[str | None] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    case_type: Mapped[str] = mapped_column(String(50), index=True)
    business_line: Mapped[str | None] = mapped_column(String(50))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"), index=True)
    prosecutor_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    transferring_agency: Mapped[str | None] = mapped_column(String(200))
    transferred_charge: Mapped[str | None] = mapped_column(String(200), index=True)
    found_charge: Mapped[str | None] = mapped_column(String(200))
    accepted_on: Mapped[date] = mapped_column(Date, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    disposition: Mapped[str | None] = mapped_column(String(100))
    reconsideration_outcome: Mapped[str | None] = mapped_column(String(100))  # 复议复核结果
    state_compensation: Mapped[bool | None] = mapped_column(Boolean)  # 国家赔偿
    detained: Mapped[bool | None] = mapped_column(Boolean)
    plea: Mapped[bool | None] = mapped_column(Boolean)
    plea_signed_on: Mapped[date | None] = mapped_column(Date)
    plea_witness: Mapped[str | None] = mapped_column(String(50))
    sentencing_recommendation: Mapped[str | None] = mapped_column(String(50))
    procedure: Mapped[str | None] = mapped_column(String(50))
    extension_approved: Mapped[bool | None] = mapped_column(Boolean)
    extension_approved_on: Mapped[date | None] = mapped_column(Date)  # 延长审查期限批准日期
    returns_count: Mapped[int | None] = mapped_column(Integer)
    return1_on: Mapped[date | None] = mapped_column(Date)
    resubmit1_on: Mapped[date | None] = mapped_column(Date)
    return2_on: Mapped[date | None] = mapped_column(Date)
    resubmit2_on: Mapped[date | None] = mapped_column(Date)
    suspect_notified_on: Mapped[date | None] = mapped_column(Date)
    victim_notified_on: Mapped[date | None] = mapped_column(Date)
    has_victim: Mapped[bool | None] = mapped_column(Boolean)  # 有无被害人
    # Amounts in fen (分): exact, and SQLite has no decimal type.
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    summary: Mapped[str | None] = mapped_column(Text)
    dossier_paths: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Unknown export columns, kept verbatim and shown read-only (import-format.md).
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Hash of the card as imported (fields + suspects + documents list): an unchanged re-import is a no-op.
    card_hash: Mapped[str] = mapped_column(String(64))
    last_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    search_text: Mapped[str | None] = mapped_column(Text)


class Suspect(Base):
    __tablename__ = "suspects"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date | None] = mapped_column(Date)
    age_at_offence: Mapped[int | None] = mapped_column(Integer)
    detained: Mapped[bool | None] = mapped_column(Boolean)
    measure: Mapped[str | None] = mapped_column(String(50))
    measure_started_on: Mapped[date | None] = mapped_column(Date)
    detained_on: Mapped[date | None] = mapped_column(Date)  # 拘留日期
    arrested_on: Mapped[date | None] = mapped_column(Date)  # 逮捕日期
    bail_on: Mapped[date | None] = mapped_column(Date)  # 取保候审日期
    surveillance_on: Mapped[date | None] = mapped_column(Date)  # 监视居住日期
    measure_ended_on: Mapped[date | None] = mapped_column(Date)  # 强制措施解除日期
    plea: Mapped[bool | None] = mapped_column(Boolean)
    transferred_charge: Mapped[str | None] = mapped_column(String(200))
    found_charge: Mapped[str | None] = mapped_column(String(200))
    prosecuted_charge: Mapped[str | None] = mapped_column(String(200))
    judged_charge: Mapped[str | None] = mapped_column(String(200))
    sentence: Mapped[str | None] = mapped_column(String(100))
    recommended_sentence: Mapped[str | None] = mapped_column(String(100))  # 量刑建议
    judged_on: Mapped[date | None] = mapped_column(Date)  # 判决日期
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # unknown columns of the suspects sheet


class DossierDocument(Base):
    """A dossier file copied into the data folder (never referenced in place: USB sticks get unplugged)."""

    __tablename__ = "dossier_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # unknown columns of the documents sheet
    original_name: Mapped[str] = mapped_column(String(500))
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to the dossier store
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))


class ImportProfile(Attributed, Base):
    """A saved column mapping for one export layout (import-format.md): which header fills which field, which
    sheet holds the suspects or documents, and the layout's own value words. ``header_key`` identifies the
    layout by its set of headers, so the profile applies itself the next time the same export comes in."""

    __tablename__ = "import_profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    header_key: Mapped[str] = mapped_column(String(64), index=True)
    # The profile as plain data (reviewapp/intake/profiles.py, Profile.to_json): the same form as its file.
    body: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
