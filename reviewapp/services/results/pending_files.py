"""Files that are renamed into place after a commit, made crash-safe by a journal.

A notice is recorded in the database and its PDF renamed into place after the commit (so a refused batch
takes no number and leaves no file). A crash between the two would leave notice rows without files. So
before the first temporary file is written, a small journal names the folder and the temporary files'
prefix (beside the database, where the next start looks); each temporary file is flushed to disk before
the commit. At the next start :func:`recover_pending_files`

- renames each temporary file whose content (SHA-256) a committed notice row names into that row's place,
  when the row's file is missing — the batch completes as it was committed;
- deletes every other temporary file (a batch that never committed: no number was taken);
- deletes the journal, and returns one sentence saying what it did.

Reads only: no row is written, so recovery needs no lock and no account.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from reviewapp.i18n import translate
from reviewapp.storage.models import Notice

if TYPE_CHECKING:
    from reviewapp.services.workbench import Workbench

log = logging.getLogger(__name__)
TEMP_SUFFIX = ".tmp"


def journal_dir(wb: Workbench) -> Path:
    """Where the journals live: beside the SQLite file (one folder per database), else the data folder."""
    from reviewapp.paths import data_dir

    path = wb.db.sqlite_path
    return path.with_name(path.stem + "-pending") if path else data_dir() / "pending"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class PendingFiles:
    """One batch's temporary files in ``folder``: ``temp()`` hands out new ones, ``close()`` forgets them."""

    def __init__(self, wb: Workbench, folder: Path, kind: str) -> None:
        self.folder = folder.resolve()
        self.id = uuid.uuid4().hex
        self.prefix = f".{kind}-{self.id}-"
        self.temps: list[Path] = []
        journals = journal_dir(wb)
        journals.mkdir(parents=True, exist_ok=True)
        self.journal = journals / f"{self.id}.json"
        with self.journal.open("w", encoding="utf-8") as f:
            json.dump({"folder": str(self.folder), "prefix": self.prefix}, f)
            f.flush()
            os.fsync(f.fileno())
        from reviewapp.exports.cell_safety import sync_folder  # the exporters load when a batch writes

        sync_folder(journals)

    def temp(self, data: bytes) -> Path:
        """A new temporary file holding ``data``, flushed to disk (it must survive a crash after the commit)."""
        path = self.folder / f"{self.prefix}{len(self.temps)}{TEMP_SUFFIX}"
        self.temps.append(path)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        return path

    def close(self) -> None:
        """Delete the temporary files still there, then the journal (in that order: a crash in between
        leaves a journal whose files are gone, which recovery simply forgets)."""
        for tmp in self.temps:
            tmp.unlink(missing_ok=True)
        self.journal.unlink(missing_ok=True)


def recover_pending_files(wb: Workbench) -> list[str]:
    """Complete or clean up the batches a crash interrupted; returns what was done, for the user."""
    folder = journal_dir(wb)
    if not folder.is_dir():
        return []
    placed = removed = 0
    for journal in sorted(folder.glob("*.json")):
        try:
            entry = json.loads(journal.read_text(encoding="utf-8"))
            target, prefix = Path(entry["folder"]), str(entry["prefix"])
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("unreadable journal %s removed", journal)
            journal.unlink(missing_ok=True)
            continue
        temps = sorted(target.glob(f"{prefix}*{TEMP_SUFFIX}")) if target.is_dir() else []
        hashes = {tmp: _sha256(tmp) for tmp in temps}
        with wb.db.session() as s:
            rows = s.execute(
                select(Notice.file_sha256, Notice.file_path).where(Notice.file_sha256.in_(set(hashes.values())))
            ).all()
        wanted = {sha: Path(path) for sha, path in rows}
        for tmp, sha in hashes.items():
            final = wanted.get(sha)
            if final is not None and final.parent == target and not final.exists():
                from reviewapp.exports.cell_safety import place

                place(tmp, final)
                placed += 1
            else:
                tmp.unlink(missing_ok=True)
                removed += 1
        journal.unlink(missing_ok=True)
    messages = []
    if placed:
        text = translate(
            "PendingFiles", "{count} notice file(s) of an interrupted issue were put in place; the issue is complete."
        )
        messages.append(text.format(count=placed))
    if removed:
        text = translate("PendingFiles", "{count} temporary file(s) of an interrupted issue were removed.")
        messages.append(text.format(count=removed))
    for message in messages:
        log.warning("%s", message)
    return messages
