"""Stored standard versions (评查标准版本): the shipped standards, administrators' edited workbooks, and
the pinned copy every review grades against.

A StandardVersion row is never changed once written: a review pins one by id, so a new version can never
change a finished review. Public API:

    ensure_standards(wb) -> None                      store shipped standards whose content is new
    ensure_in(session, wb) -> list[int]               the same inside another operation (starting a review)
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

from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.standards import ImportVocabulary, Standard, load_shipped_standards, parse_severity_synonyms
from reviewapp.storage.models import Account, Person, StandardVersion
from reviewapp.storage.models.base import utcnow


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
    created_by: str  # the name of the person whose account stored it ("" for the app at first start)
    created_by_id: int | None = None
    warnings: tuple[str, ...] = ()  # on import: case types or grades the app does not know (standards/known.py)


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


def remember_pinned(session: Session, standard_id: int, code: str, version: int, fingerprint: str) -> None:
    """A stored version's key columns, read by the caller together with what pins it (guard.lock_review), so
    standard_in in this unit of work needs no look-up of its own."""
    memo: dict[int, Standard] = session.info.setdefault("pinned_standards", {})
    if standard_id not in memo:
        memo[standard_id] = _parse(standard_id, code, version, fingerprint, session)


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


def _stored_id(session: Session, standard: Standard, fingerprint: str) -> tuple[int, int] | None:
    found = session.execute(
        select(StandardVersion.id, StandardVersion.version)
        .where(StandardVersion.code == standard.code, StandardVersion.fingerprint == fingerprint)
        .order_by(StandardVersion.version.desc())
    ).first()
    return None if found is None else (found[0], found[1])


def _store_in(
    session: Session, user_id: int | None, standard: Standard, *, always_new: bool
) -> tuple[int, Standard, bool]:
    """Store ``standard`` as the next version of its code; without ``always_new``, content already stored
    (same fingerprint) is returned instead of a duplicate. The flag says whether a row was written."""
    fingerprint = standard.content_fingerprint()
    if not always_new:
        existing = _stored_id(session, standard, fingerprint)
        if existing is not None:
            return existing[0], dataclasses.replace(standard, version=existing[1]), False
    top = session.scalar(select(func.max(StandardVersion.version)).where(StandardVersion.code == standard.code))
    # The first stored copy keeps the file's own number; later ones count up from the highest stored.
    version = standard.version if top is None else max(top + 1, standard.version)
    pinned = dataclasses.replace(standard, version=version)
    now = utcnow()
    row = StandardVersion(
        code=pinned.code,
        version=version,
        name=pinned.name,
        fingerprint=fingerprint,
        content=pinned.to_dict(),
        created_at=now,
        updated_at=now,
        created_by_id=user_id,
        updated_by_id=user_id,
    )
    session.add(row)
    session.flush()
    _PARSED[(pinned.code, version, fingerprint)] = pinned
    return row.id, pinned, True


def ensure_in(session: Session, wb: Workbench, standards: Sequence[Standard] | None = None) -> list[int]:
    """Store the shipped standards not stored yet, inside the caller's operation (e.g. starting a review,
    whose audit entry covers it); returns the ids of the versions written."""
    written = []
    for standard in load_shipped_standards() if standards is None else standards:
        row_id, _, created = _store_in(session, wb.user.account_id, standard, always_new=False)
        if created:
            written.append(row_id)
    return written


def _missing_shipped(session: Session) -> bool:
    return any(_stored_id(session, st, st.content_fingerprint()) is None for st in load_shipped_standards())


def ensure_standards(wb: Workbench) -> None:
    """Store every shipped standard whose content is not stored yet (a new version only when the
    fingerprint is new); the app calls it on start. Writes (and audits) only when one is missing."""
    with wb.db.session() as s:
        if not _missing_shipped(s):
            return
    _ensure_standards(wb)


# Any start may store the shipped standards, logged in or not yet (first run): they are the app's own data.
@mutation("standard.ensure", None)
def _ensure_standards(o: Op) -> list[int]:
    written = ensure_in(o.session, o.wb)
    o.touch(Kind.STANDARD, *written)
    o.audit("standard_version", written[0] if written else None, stored=written)
    return written


def _row(s: Session, sv: StandardVersion, standard: Standard) -> StandardVersionRow:
    who = ""
    if sv.created_by_id is not None:
        who = (
            s.scalar(
                select(Person.name).join(Account, Account.person_id == Person.id).where(Account.id == sv.created_by_id)
            )
            or ""
        )
    return StandardVersionRow(
        sv.id, sv.code, sv.version, sv.name, sv.fingerprint, standard.case_types, sv.created_at, who, sv.created_by_id
    )


@mutation("standard.store", Action.MANAGE_STANDARDS)
def store_standard(o: Op, standard: Standard) -> StandardVersionRow:
    """Store ``standard`` unless the same content is already stored for its code."""
    s = o.session
    row_id, pinned, created = _store_in(s, o.user.account_id, standard, always_new=False)
    if created:
        o.touch(Kind.STANDARD, row_id)
    o.audit("standard_version", row_id, code=pinned.code, version=pinned.version, created=created)
    sv = s.get(StandardVersion, row_id)
    assert sv is not None
    return _row(s, sv, pinned)


def list_standard_versions(wb: Workbench) -> list[StandardVersionRow]:
    with wb.db.session() as s:
        parsed = dict(_all_versions(s))
        rows = s.scalars(select(StandardVersion).order_by(StandardVersion.code, StandardVersion.version))
        return [_row(s, sv, parsed[sv.id]) for sv in rows]


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
    from reviewapp.standards.excel_export import export_standard_xlsx  # openpyxl: loaded when a workbook is written

    export_standard_xlsx(standard, path)
    return standard


def import_standard(wb: Workbench, path: str | Path) -> StandardVersionRow:
    """Read an edited standard workbook and store it as the next version of its code.

    Raises reviewapp.standards.StandardError (sheet/row/column/problem) before anything is stored: the
    workbook is validated as a whole first (outside the operation), so nothing is ever half-loaded.
    """
    wb.permissions.require_any(wb.user, Action.MANAGE_STANDARDS)  # refused before reading the file
    from reviewapp.services.results.setting_specs import SEVERITY_SYNONYMS, setting_in
    from reviewapp.standards.excel_import import read_standard_xlsx

    with wb.db.session() as s:
        synonyms = parse_severity_synonyms(setting_in(s, SEVERITY_SYNONYMS))
    # The number is assigned on storing; 1 only satisfies the schema while validating.
    read = read_standard_xlsx(path, version=1, vocabulary=ImportVocabulary(severity_synonyms=synonyms))
    row = _store_imported(wb, read.standard, str(path))
    return dataclasses.replace(row, warnings=read.warnings)


@mutation("standard.import", Action.MANAGE_STANDARDS)
def _store_imported(o: Op, standard: Standard, path: str) -> StandardVersionRow:
    s = o.session
    row_id, pinned, _ = _store_in(s, o.user.account_id, standard, always_new=True)
    o.touch(Kind.STANDARD, row_id)
    o.audit("standard_version", row_id, code=pinned.code, version=pinned.version, file=path)
    sv = s.get(StandardVersion, row_id)
    assert sv is not None
    return _row(s, sv, pinned)
