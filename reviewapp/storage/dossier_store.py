"""Content-addressed store for dossier files copied into the data folder.

Files are copied, never referenced in place (USB sticks get unplugged). The same content is stored once; a
copy goes to a temporary name first and is renamed into place, so a crash never leaves a half-written file
under a real name.

With a shared PostgreSQL server the rows are shared but the files are not in the database: they live in one
shared folder (a network share every workstation mounts) named by REVIEWAPP_DOSSIER_STORE, under their SHA-256,
which the database row also holds. Why not in the database: dossiers are the bulk of the data (scanned PDFs,
gigabytes per unit), and kept as files they stay out of every pg_dump, every query's buffer cache and the
pre-upgrade backup; the content hash makes any copy verifiable, so a store can be rsynced or restored and
checked. A workstation without the share falls back to its own data folder and ``available`` tells it which
files it lacks, so it reports "not on this workstation" instead of following a broken link.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
INCOMING = ".incoming-"
# A copy left by another workstation (shared store) is removed only when untouched this long: a copy still
# being written has its modification time renewed by every write.
STALE_SECONDS = 24 * 3600


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    relative_path: str
    size: int


def _alive(pid: int) -> bool:
    """Whether process ``pid`` of this machine still runs (POSIX; elsewhere assumed, so age decides)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _host() -> str:
    return "".join(c for c in socket.gethostname() if c.isalnum())[:32] or "host"


class DossierStore:
    def __init__(self, root: Path, *, clean: bool = True) -> None:
        self.root = root
        if clean and root.is_dir():
            # Leftover copies of a crash are removed at start, off the start's critical path: listing a
            # large (or network) store takes longer than the window needs to appear.
            threading.Thread(target=self.clean_incoming, name="dossier-clean", daemon=True).start()

    def clean_incoming(self) -> int:
        """Remove the temporary copies a crash left behind (``.incoming-<host>-<pid>-…``): those of this
        machine whose process is gone, and any untouched for STALE_SECONDS (other workstations, older
        names). Returns how many were removed."""
        removed, host, now = 0, _host(), time.time()
        try:
            folders = [e.path for e in os.scandir(self.root) if e.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        for folder in folders:
            try:
                entries = [e for e in os.scandir(folder) if e.name.startswith(INCOMING)]
            except OSError:
                continue
            for entry in entries:
                parts = entry.name[len(INCOMING) :].split("-")
                mine = len(parts) >= 3 and parts[0] == host and parts[1].isdigit()
                try:
                    stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
                    if stale or (mine and int(parts[1]) != os.getpid() and not _alive(int(parts[1]))):
                        os.unlink(entry.path)
                        removed += 1
                except OSError:  # gone meanwhile, or not ours to remove
                    continue
        return removed

    def add(self, source: Path) -> StoredFile:
        sha = file_sha256(source)
        rel = f"{sha[:2]}/{sha}{source.suffix.lower()}"
        target = self.root / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Named by machine and process, so a later start can tell a crash's leftover from a live copy.
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f"{INCOMING}{_host()}-{os.getpid()}-")
            os.close(fd)
            try:
                shutil.copyfile(source, tmp)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return StoredFile(sha256=sha, relative_path=rel, size=target.stat().st_size)

    def path(self, relative_path: str) -> Path:
        return self.root / relative_path

    def available(self, relative_path: str, sha256: str | None = None) -> bool:
        """Whether this workstation holds the file (and, given its hash, the same content)."""
        path = self.path(relative_path)
        if not path.is_file():
            return False
        return sha256 is None or file_sha256(path) == sha256


STORE_ENV = "REVIEWAPP_DOSSIER_STORE"


def server_store_root(data_dir: Path) -> Path:
    """The dossier store of a server database: the shared folder named by REVIEWAPP_DOSSIER_STORE, else this
    workstation's data folder (a single workstation on a server, or one that reports what it lacks)."""
    shared = os.environ.get(STORE_ENV, "").strip()
    return Path(shared).expanduser() if shared else data_dir / "dossiers"
