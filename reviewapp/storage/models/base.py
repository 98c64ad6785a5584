"""Declarative base and the who/when columns every stored row carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Stable constraint names so Alembic batch migrations on SQLite can find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_uid() -> str:
    return str(uuid.uuid4())


class Attributed:
    """Who created / last changed a row (an account id, stamped by the write path), and when."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("accounts.id", ondelete="SET NULL", use_alter=True))

    @declared_attr
    def updated_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("accounts.id", ondelete="SET NULL", use_alter=True))


class Travelling:
    """Rows that will travel between offline workstations: a globally unique id beside the integer key, and
    a tombstone instead of a delete, so packages can be merged later."""

    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
