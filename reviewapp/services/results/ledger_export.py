"""Exporting the review ledger (评查台账) with its problem list (问题清单) to a workbook: an audited operation.

The workbook is built and written to a temporary file without any lock; the "ledger.export" operation then
records who exported what (one audit entry) and the file is renamed into place after its commit, so a
refused or cancelled export leaves no file.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.exports.ledger_xlsx import period_text, write_ledger_xlsx
from reviewapp.i18n import translate
from reviewapp.services.results.ledger import ledger_rows, problem_ranking
from reviewapp.services.results.settings import NoticeConfig, load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation


class ExportCancelled(KnownError):
    """The user cancelled an export before anything was written."""


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    cases: int  # reviewed cases listed
    problems: int  # ranked checklist items
    notice_numbers: tuple[str, ...]


def export_ledger(
    wb: Workbench,
    path: Path,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    threshold: int | None = None,
    config: NoticeConfig | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> LedgerExport:
    """Write the ledger and problem list of reviews submitted within the dates (inclusive) to ``path``."""
    wb.permissions.require_any(wb.user, Action.EXPORT_RESULTS)  # refused before anything is read
    cfg = config or load_notice_config(wb)
    if progress:
        progress(0, 3)
    rows = ledger_rows(wb, date_from, date_to, config=cfg)
    if progress:
        progress(1, 3)
    problems = problem_ranking(wb, threshold, date_from=date_from, date_to=date_to, config=cfg)
    if progress:
        progress(2, 3)
    if cancel and cancel():
        raise ExportCancelled(translate("Exports", "The export was cancelled: no file was written."))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex}.xlsx.tmp")
    try:
        write_ledger_xlsx(tmp, rows, problems, subtitle=period_text(date_from, date_to))
        result = LedgerExport(
            path, len(rows), len(problems), tuple(sorted({r.notice_number for r in rows if r.notice_number}))
        )
        _record(wb, result, hashlib.sha256(tmp.read_bytes()).hexdigest(), date_from, date_to)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    if progress:
        progress(3, 3)
    return result


@mutation("ledger.export", Action.EXPORT_RESULTS)
def _record(o: Op, result: LedgerExport, sha256: str, date_from: date | None, date_to: date | None) -> None:
    o.require(Action.EXPORT_RESULTS)
    o.audit(
        "file",
        file=str(result.path.resolve()),
        sha256=sha256,
        cases=result.cases,
        problems=result.problems,
        date_from=date_from,
        date_to=date_to,
    )
