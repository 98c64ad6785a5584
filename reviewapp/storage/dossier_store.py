"""Content-addressed store for dossier files copied into the data folder.

Files are copied, never referenced in place (USB sticks get unplugged). The same content is stored once; a
copy goes to a temporary name first and is renamed into place, so a crash never leaves a half-written file
under a real name.
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
