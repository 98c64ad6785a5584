"""What the analysis outputs (periodic report, appraisal sheet, data-quality bulletin) share: the units the
user may report on, and writing a file as one audited export.

Every output is a read of results: the user needs EXPORT_RESULTS somewhere (refused before anything is
read), and only cases of units their roles reach with EXPORT_RESULTS are counted. The file is written to a
temporary name beside the target without any lock; the "analysis.export" operation records who exported
what (one audit entry) and the file is renamed into place after its commit, so a refused export leaves no
file (like ledger.export).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.exports.cell_safety import place, temp_beside
from reviewapp.i18n import translate
from reviewapp.services.analysis.periods import Period
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Unit


class OutputError(KnownError):
    """An analysis output cannot be written as asked (message for the user)."""


def units_in_scope(wb: Workbench) -> frozenset[int] | None:
    """Ids of the units whose cases the user may report on; None when every unit is in reach."""
    wb.permissions.require_any(wb.user, Action.EXPORT_RESULTS)
    with wb.db.session() as s:
        ids = list(s.scalars(select(Unit.id)))
    allowed = frozenset(u for u in ids if wb.permissions.allows(wb.user, Action.EXPORT_RESULTS, unit_id=u))
    return None if len(allowed) == len(ids) else allowed


def file_kind(path: Path, allowed: tuple[str, ...]) -> str:
    """The output format asked for by the file name's suffix ("pdf", "docx", "xlsx"), or a plain error."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in allowed:
        raise OutputError(
            translate("Analysis", "Cannot write {file}: the file name must end in {suffixes}.").format(
                file=path.name, suffixes=" / ".join("." + a for a in allowed)
            )
        )
    return kind


def write_audited(
    wb: Workbench, path: Path, what: str, period: Period | None, write: Callable[[Path], Any], **detail: Any
) -> Path:
    """Write ``path`` through ``write(tmp)``, record the export, then put the file in place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(path, suffix=path.suffix + ".tmp")
    try:
        write(tmp)
        digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
        record_export(wb, what, str(path.resolve()), digest, period.code() if period else "", detail)
        place(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


@mutation("analysis.export", Action.EXPORT_RESULTS)
def record_export(o: Op, what: str, file: str, sha256: str, period: str, detail: dict[str, Any]) -> None:
    o.require(Action.EXPORT_RESULTS)
    o.audit("file", output=what, file=file, sha256=sha256, period=period, **detail)
