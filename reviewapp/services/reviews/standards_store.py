"""Stored standard versions (评查标准版本): the shipped standards, administrators' edited workbooks, and
the pinned copy every review grades against.

A StandardVersion row is never changed once written: a review pins one by id, so a new version can never
change a finished review (issue 3). Public API:

    ensure_standards(wb) -> None                      store shipped standards whose content is new
    store_standard(wb, standard) -> StandardVersionRow  store content as a new version unless already stored
    list_standard_versions(wb) -> list[StandardVersionRow]
    load_standard_version(wb, standard_id) -> Standard
    latest_standard(wb, code) -> Standard | None      newest stored version of a code
    export_standard(wb, code, path, *, version=None) -> Standard
    import_standard(wb, path) -> StandardVersionRow   always a new version (all or nothing)
    StandardStoreError(ValueError)                    a message for the user
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench
from reviewapp.standards import Standard, export_standard_xlsx, import_standard_xlsx, load_shipped_standards
from reviewapp.storage.models import StandardVersion


class StandardStoreError(KnownError, ValueError):
    """A standard operation the user asked for cannot be done (message is for the user)."""


@dataclass(frozen=True)
class StandardVersionRow:
    id: int
    code: str
    version: int
    name: str
    fingerprint: str
    case_types: tuple[str, ...]
    created_at: datetime
    created_by: str


# Parsed standards by (code, version, fingerprint): stored versions never change, so parsing the JSON
# copy once per process is enough (recording a finding must stay fast — benchmarks/bench_findings.py).
_PARSED: dict[tuple[str, int, str], Standard] = {}


def _parse(row_id: int, code: str, version: int, fingerprint: str, session: Session) -> Standard:
    key = (code, version, fingerprint)
    found = _PARSED.get(key)
    if found is None:
        content = session.scalar(select(StandardVersion.content).where(StandardVersion.id == row_id))
        found = Standard.from_dict(dict(content or {}), source=f"{code} v{version}")
        _PARSED[key] = found
    return found


def standard_in(session: Session, standard_id: int) -> Standard:
    """The pinned standard of a stored version (inside an open session)."""
    # One look-up per unit of work: recording a finding asks for the pinned standard several times.
    memo: dict[int, Standard] = session.info.setdefault("pinned_standards", {})
    if standard_id in memo:
        return memo[standard_id]
    row = session.execute(
        select(StandardVersion.code, StandardVersion.version, StandardVersion.fingerprint).where(
            StandardVersion.id == standard_id
        )
    ).first()
    if row is None:
        raise StandardStoreError(translate("StandardStore", "No stored standard has id {id}.").format(id=standard_id))
    memo[standard_id] = _parse(standard_id, row[0], row[1], row[2], session)
    return memo[standard_id]


def _all_versions(session: Session) -> list[tuple[int, Standard]]:
    rows = session.execute(
        select(StandardVersion.id, StandardVersion.code, StandardVersion.version, StandardVersion.fingerprint)
    ).all()
    return [(r[0], _parse(r[0], r[1], r[2], r[3], session)) for r in rows]


def newest_for_case_type(session: Session, case_type: str) -> tuple[int, Standard] | None:
    """The most recently stored version covering ``case_type`` (versions are only ever added, so the
    highest id is the newest)."""
    matching = [(i, s) for i, s in _all_versions(session) if case_type in s.case_types]
    return max(matching, key=lambda pair: pair[0]) if matching else None


def _store_in(session: Session, wb: Workbench, standard: Standard, *, always_new: bool) -> tuple[int, Standard]:
    """Store ``standard`` as the next version of its code; without ``always_new``, content already stored
    (same fingerprint) is returned instead of a duplicate."""
    fingerprint = standard.content_fingerprint()
    if not always_new:
        existing = session.execute(
            select(StandardVersion.id, StandardVersion.version)
            .where(StandardVersion.code == standard.code, StandardVersion.fingerprint == fingerprint)
            .order_by(StandardVersion.version.desc())
        ).first()
        if existing is not None:
            return existing[0], dataclasses.replace(standard, version=existing[1])
    top = session.scalar(select(func.max(StandardVersion.version)).where(StandardVersion.code == standard.code))
    # The first stored copy keeps the file's own number; later ones count up from the highest stored.
    version = standard.version if top is None else max(top + 1, standard.version)
    pinned = dataclasses.replace(standard, version=version)
    row = StandardVersion(
        code=pinned.code,
        version=version,
        name=pinned.name,
        fingerprint=fingerprint,
        content=pinned.to_dict(),
        created_by=wb.actor.name,
        updated_by=wb.actor.name,
    )
    session.add(row)
    session.flush()
    _PARSED[(pinned.code, version, fingerprint)] = pinned
    wb.log(session, "standard.store", "standard_version", row.id, code=pinned.code, version=version)
    return row.id, pinned


def ensure_in(session: Session, wb: Workbench, standards: Sequence[Standard] | None = None) -> None:
    for standard in load_shipped_standards() if standards is None else standards:
        _store_in(session, wb, standard, always_new=False)


def ensure_standards(wb: Workbench) -> None:
    """Store every shipped standard whose content is not stored yet (a new version only when the
    fingerprint is new); the app calls it on start."""
    with wb.db.session() as s:
        ensure_in(s, wb)


def _row(sv: StandardVersion, standard: Standard) -> StandardVersionRow:
    return StandardVersionRow(
        sv.id, sv.code, sv.version, sv.name, sv.fingerprint, standard.case_types, sv.created_at, sv.created_by
    )


def store_standard(wb: Workbench, standard: Standard) -> StandardVersionRow:
    """Store ``standard`` unless the same content is already stored for its code."""
    with wb.db.session() as s:
        row_id, pinned = _store_in(s, wb, standard, always_new=False)
        sv = s.get(StandardVersion, row_id)
        assert sv is not None
        return _row(sv, pinned)


def list_standard_versions(wb: Workbench) -> list[StandardVersionRow]:
    with wb.db.session() as s:
        parsed = dict(_all_versions(s))
        rows = s.scalars(select(StandardVersion).order_by(StandardVersion.code, StandardVersion.version))
        return [_row(sv, parsed[sv.id]) for sv in rows]


def load_standard_version(wb: Workbench, standard_id: int) -> Standard:
    with wb.db.session() as s:
        return standard_in(s, standard_id)


def latest_standard(wb: Workbench, code: str) -> Standard | None:
    with wb.db.session() as s:
        row_id = s.scalar(
            select(StandardVersion.id).where(StandardVersion.code == code).order_by(StandardVersion.version.desc())
        )
        return None if row_id is None else standard_in(s, row_id)


def export_standard(wb: Workbench, code: str, path: str | Path, *, version: int | None = None) -> Standard:
    """Write a stored standard (the newest version unless ``version``) to an Excel workbook to edit."""
    ensure_standards(wb)
    with wb.db.session() as s:
        stmt = select(StandardVersion.id).where(StandardVersion.code == code)
        if version is not None:
            stmt = stmt.where(StandardVersion.version == version)
        row_id = s.scalar(stmt.order_by(StandardVersion.version.desc()))
        if row_id is None:
            raise StandardStoreError(
                translate("StandardStore", "No stored standard {code} (version {version}).").format(
                    code=code, version=version if version is not None else "-"
                )
            )
        standard = standard_in(s, row_id)
    export_standard_xlsx(standard, path)
    return standard


def import_standard(wb: Workbench, path: str | Path) -> StandardVersionRow:
    """Read an edited standard workbook and store it as the next version of its code.

    Raises reviewapp.standards.StandardError (sheet/row/column/problem) before anything is stored: the
    workbook is validated as a whole first, so nothing is ever half-loaded.
    """
    # The number is assigned on storing; 1 only satisfies the schema while validating.
    standard = import_standard_xlsx(path, version=1)
    with wb.db.session() as s:
        row_id, pinned = _store_in(s, wb, standard, always_new=True)
        wb.log(s, "standard.import", "standard_version", row_id, code=pinned.code, file=str(path))
        sv = s.get(StandardVersion, row_id)
        assert sv is not None
        return _row(sv, pinned)
