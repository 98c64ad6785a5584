"""Dossier documents: copying files named by an export or a dossier folder into the store."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from reviewapp.domain.case_card import CaseCard
from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.intake.dossier import PathGuard, local_path
from reviewapp.intake.errors import IntakeCancelled
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.dossier_store import StoredFile
from reviewapp.storage.models import Case, DossierDocument, ImportBatch
from reviewapp.storage.models.base import utcnow

# (sheet, row, column, value, reason) of a document that could not be attached.
MissingDocument = tuple[str, int | None, str | None, str | None, str]


class DossierError(KnownError, ValueError):
    """A document cannot be attached (message for the user)."""


def _files(path: Path, root: Path) -> list[Path]:
    if path.is_dir():
        # Links leading out of the root are never followed (PathGuard refused such a folder already).
        return sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not p.name.startswith(".") and p.resolve().is_relative_to(root)
        )
    return [path]


def _record(
    o: Op,
    case_id: int,
    stored: StoredFile,
    source: Path,
    title: str,
    known: set[tuple[int, str]],
    extra: dict[str, str],
) -> bool:
    """Link a stored file to the case; False if the case already has that content."""
    if (case_id, stored.sha256) in known:
        return False
    known.add((case_id, stored.sha256))
    o.session.add(
        DossierDocument(
            case_id=case_id,
            title=title,
            extra=extra,
            original_name=source.name,
            stored_path=stored.relative_path,
            sha256=stored.sha256,
            size=stored.size,
            added_by_id=o.user.account_id,
            added_at=utcnow(),
        )
    )
    return True


@mutation("dossier.add", Action.IMPORT_CASES)
def add_document(o: Op, case_id: int, source: Path, title: str = "", extra: dict[str, str] | None = None) -> bool:
    """Copy one file into the store and link it to the case; False if the case already has that content."""
    o.require(Action.IMPORT_CASES, case_id=case_id)
    if o.session.get(Case, case_id) is None:
        raise DossierError(translate("Intake", "There is no case with id {id}.").format(id=case_id))
    stored = o.wb.dossiers.add(source)
    known = {
        (case_id, sha)
        for sha in o.session.scalars(select(DossierDocument.sha256).where(DossierDocument.case_id == case_id))
    }
    added = _record(o, case_id, stored, source, title or source.stem, known, extra or {})
    if added:
        o.touch(Kind.DOSSIER, case_id)
    o.audit("case", case_id, case_id=case_id, file=source.name, sha256=stored.sha256, added=added)
    return added


def attach_documents_in(o: Op, pairs: Iterable[tuple[int, CaseCard]], base: Path) -> tuple[int, list[MissingDocument]]:
    """Attach the files a card names (电子卷宗 column and 文书 sheet), relative to the workbook folder, inside
    the import's operation (whose one audit entry counts them)."""
    # Only cases that name files matter: a 100 000-case export without a dossier costs no query at all.
    pairs = [(cid, card) for cid, card in pairs if card.dossier_paths or card.documents]
    case_ids = [cid for cid, _ in pairs]
    s = o.session
    known: set[tuple[int, str]] = set()
    for chunk_start in range(0, len(case_ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = case_ids[chunk_start : chunk_start + 900]
        rows = s.execute(
            select(DossierDocument.case_id, DossierDocument.sha256).where(DossierDocument.case_id.in_(chunk))
        )
        known.update((cid, sha) for cid, sha in rows)
    added = 0
    missing: list[MissingDocument] = []
    guard = PathGuard(base)  # parsing refused escaping paths already; checked again right before reading
    copied: dict[Path, StoredFile] = {}
    for case_id, card in pairs:
        wanted: list[tuple[str, str, str, str, dict[str, str]]] = [
            (p, Path(local_path(p)).stem, "案件", "电子卷宗", {}) for p in card.dossier_paths
        ]
        wanted += [(d.path, d.title, "文书", "文件路径", d.extra) for d in card.documents]
        for rel, title, sheet, column, extra in wanted:
            problem = guard.problem(rel)
            if problem is not None:
                missing.append((sheet, None, column, rel, problem))
                continue
            source = (base / local_path(rel)).resolve()
            if not source.exists():
                reason = translate("Intake", "Case {case}: dossier file not found: {path}").format(
                    case=card.dept_case_no, path=rel
                )
                missing.append((sheet, None, column, rel, reason))
                continue
            for f in _files(source, guard.root):
                # A file named twice (电子卷宗 column and 文书 sheet) is hashed and copied once.
                stored = copied.get(f)
                if stored is None:
                    stored = copied[f] = o.wb.dossiers.add(f)
                added += _record(o, case_id, stored, f, title if f == source else f.stem, known, extra)
    return added, missing


@dataclass
class DossierImportSummary:
    folder: str
    documents_added: int = 0
    cases_matched: int = 0
    unmatched_folders: list[str] = field(default_factory=list)
    # Sub-folders whose name differs from their case's number only in its year brackets, as (sub-folder, the
    # number as stored): attached to that case, and said so.
    bracket_matches: list[tuple[str, str]] = field(default_factory=list)


def import_dossier_folder(
    wb: Workbench,
    folder: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> DossierImportSummary:
    """Attach a dossier folder whose sub-folders are named by 部门受案号 ('/' written as '_').

    The files are copied into the content-addressed store before the operation opens (copying needs no lock;
    a cancelled import leaves only unreferenced copies), then one operation links them all or none."""
    from reviewapp.intake.dossier import scan_dossier_folder

    wb.permissions.require_any(wb.user, Action.IMPORT_CASES)  # refuse before copying anything
    with wb.db.session() as s:
        numbers = {no: cid for no, cid in s.execute(select(Case.dept_case_no, Case.id))}
    scan = scan_dossier_folder(folder, numbers)
    summary = DossierImportSummary(folder=str(folder), unmatched_folders=list(scan.unmatched))
    summary.unmatched_folders += [f"{name} ({'/'.join(nos)})" for name, nos in scan.ambiguous.items()]
    summary.bracket_matches = sorted(scan.bracketed.items())
    copied: list[tuple[int, Path, StoredFile]] = []
    items = list(scan.files.items())
    for i, (case_no, files) in enumerate(items):
        if cancel and cancel():
            raise IntakeCancelled()
        if progress:
            progress(i, len(items))
        case_id = numbers.get(case_no)
        if case_id is None:
            summary.unmatched_folders.append(case_no)
            continue
        summary.cases_matched += 1
        copied.extend((case_id, f, wb.dossiers.add(f)) for f in files)
    if cancel and cancel():
        raise IntakeCancelled()
    return _record_folder(wb, folder, copied, summary)


@mutation("dossier.import", Action.IMPORT_CASES)
def _record_folder(
    o: Op, folder: Path, copied: list[tuple[int, Path, StoredFile]], summary: DossierImportSummary
) -> DossierImportSummary:
    s = o.session
    for case_id in dict.fromkeys(cid for cid, _, _ in copied):
        o.require(Action.IMPORT_CASES, case_id=case_id)
    known = {(cid, sha) for cid, sha in s.execute(select(DossierDocument.case_id, DossierDocument.sha256))}
    changed: set[int] = set()
    for case_id, source, stored in copied:
        if _record(o, case_id, stored, source, source.stem, known, {}):
            summary.documents_added += 1
            changed.add(case_id)
    batch = ImportBatch(
        kind="dossier",
        source_path=str(folder.resolve()),
        source_name=folder.name,
        sha256="",
        user_id=o.user.account_id,
        documents=summary.documents_added,
        finished_at=utcnow(),
    )
    s.add(batch)
    s.flush()
    o.touch(Kind.IMPORT, batch.id)
    o.touch(Kind.DOSSIER, *changed)
    o.audit(
        "import_batch", batch.id, folder=str(folder), documents=summary.documents_added, cases=summary.cases_matched
    )
    return summary
