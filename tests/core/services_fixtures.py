"""Shared helpers for service tests: a workbench over a fresh database in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from reviewapp.services.results.settings import NoticeConfig, save_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, DossierDocument, ImportReject, Suspect
from tests.accounts_fixtures import sign_in
from tests.db_target import database_at


def open_workbench(folder: Path, user: str = "测试评查员") -> Workbench:
    """A workbench on a new database, logged in as ``user`` holding every working role province-wide."""
    wb = Workbench.open(database_at(folder))
    sign_in(wb, user)
    return wb


def table_counts(wb: Workbench) -> dict[str, int]:
    with wb.db.session() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Case, Suspect, DossierDocument, ImportReject)
        }


def snapshot(wb: Workbench) -> list[tuple]:
    """Every stored case with all its columns, for byte-for-byte "nothing changed" checks."""
    with wb.db.session() as s:
        cols = list(Case.__table__.columns)
        cases = [tuple(r) for r in s.execute(select(*cols).order_by(Case.id))]
        suspects = [tuple(r) for r in s.execute(select(*Suspect.__table__.columns).order_by(Suspect.id))]
    return cases + suspects


ISSUER = NoticeConfig(
    procuratorate="北京市朝阳区人民检察院",
    issuer_code="京朝检案管整改",
    review_code="京朝检案管评",
    issuer="北京市朝阳区人民检察院案件管理部",
)


def set_issuer(wb: Workbench, config: NoticeConfig = ISSUER) -> NoticeConfig:
    """Store real issuer settings (issuing is refused while they hold the ×× placeholders)."""
    return save_notice_config(wb, config)
