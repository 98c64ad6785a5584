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
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20


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


class DossierStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def add(self, source: Path) -> StoredFile:
        sha = file_sha256(source)
        rel = f"{sha[:2]}/{sha}{source.suffix.lower()}"
        target = self.root / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
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
