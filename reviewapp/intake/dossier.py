"""Match an electronic-dossier folder to cases (import-format.md, "Dossier folder").

Sub-folders are named by 部门受案号 with ``/`` replaced by ``_`` (a file name cannot hold ``/``). The map
back is only trusted when it is unambiguous: a folder that matches no known case number, or matches two
(one with ``/`` and one with ``_`` at the same place), is reported, never guessed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from reviewapp.i18n import translate
from reviewapp.intake.values import bracket_key, normalize_case_no

# A folder that dossier paths may lead into besides the export's own folder (e.g. a shared dossier drive).
DOSSIER_ROOT_ENV = "REVIEWAPP_DOSSIER_ROOT"

# Files the OS or Office leave behind; never part of a dossier.
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


def folder_name(case_no: str) -> str:
    """The sub-folder name a case number is exported under."""
    return case_no.replace("/", "_")


@dataclass
class DossierScan:
    files: dict[str, list[Path]] = field(default_factory=dict)  # case number → its files, sorted
    unmatched: list[str] = field(default_factory=list)  # sub-folders matching no known case number
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # sub-folder → the numbers it could be
    loose_files: list[Path] = field(default_factory=list)  # files directly in the folder, not in a case
    # Sub-folders matched to a case whose number differs only in its year brackets: sub-folder → the number.
    bracketed: dict[str, str] = field(default_factory=dict)


def _is_junk(path: Path) -> bool:
    name = path.name
    # ~$ files are Office lock files of documents open elsewhere.
    return name.lower() in _JUNK_NAMES or name.startswith(("~$", "."))


def _files_under(folder: Path, root: Path) -> list[Path]:
    # A link leading out of the dossier folder is never followed (see PathGuard).
    return sorted(p for p in folder.rglob("*") if p.is_file() and not _is_junk(p) and p.resolve().is_relative_to(root))


def scan_dossier_folder(folder: Path, known_case_nos: Iterable[str]) -> DossierScan:
    """Files of each case found in ``folder``'s sub-folders, keyed by the case number as known."""
    candidates: dict[str, list[str]] = {}
    # Failing an exact match, the numbers that differ only in their year brackets (〔2025〕 / [2025] …):
    # the same case, folders being typed by hand (values.bracket_key).
    by_brackets: dict[str, list[str]] = {}
    for number in known_case_nos:
        key = normalize_case_no(folder_name(number))
        if number not in candidates.setdefault(key, []):
            candidates[key].append(number)
            by_brackets.setdefault(bracket_key(key), []).append(number)
    scan = DossierScan()
    root = dossier_root(folder)
    for entry in sorted(folder.iterdir()):
        if _is_junk(entry):
            continue
        if not entry.resolve().is_relative_to(root):
            scan.unmatched.append(entry.name)  # a link leading out of the folder: never read
            continue
        if entry.is_file():
            scan.loose_files.append(entry)
            continue
        name = normalize_case_no(entry.name)
        matches = candidates.get(name) or by_brackets.get(bracket_key(name), [])
        if len(matches) == 1 and name not in candidates:
            scan.bracketed[entry.name] = matches[0]
        if len(matches) == 1:
            scan.files.setdefault(matches[0], []).extend(_files_under(entry, root))
        elif matches:
            scan.ambiguous[entry.name] = sorted(matches)
        else:
            scan.unmatched.append(entry.name)
    for paths in scan.files.values():
        paths.sort()
    return scan


def dossier_root(base: Path) -> Path:
    """Where files named by an export may live: the configured dossier root, else the export's folder."""
    configured = os.environ.get(DOSSIER_ROOT_ENV)
    return Path(configured).resolve() if configured else base.resolve()


def local_path(written: str) -> str:
    """A relative path as an export wrote it, in a form every system reads: a backslash is a separator
    (an export made on Windows, read on a Linux workstation), never part of a file name."""
    return written.replace("\\", "/")


class PathGuard:
    """Decides whether a path written in an export may be read: only files inside the export's folder (or the
    configured dossier root). An export comes from another system or person, and a path it names is copied
    into the dossier store and shown as part of a case, so a path that leads anywhere else — written as an
    absolute path, climbing out with "..", or through a symbolic link — and a device or other special file
    are refused with the reason, never opened."""

    def __init__(self, base: Path, root: Path | None = None) -> None:
        self.base = base
        self.root = root.resolve() if root is not None else dossier_root(base)

    def problem(self, written: str) -> str | None:
        """None when ``written`` may be read (or does not exist: reported as missing elsewhere); else why not."""
        win, posix = PureWindowsPath(written), PurePosixPath(written)
        if win.is_absolute() or posix.is_absolute() or win.drive or written.startswith(("/", "\\")):
            return translate(
                "Intake", "'{path}' is an absolute path; dossier paths must be relative to the export's folder"
            ).format(path=written)
        if ".." in win.parts or ".." in posix.parts:
            return translate("Intake", "'{path}' leads out of the export's folder (..)").format(path=written)
        candidate = self.base / local_path(written)
        if not os.path.lexists(candidate):
            return None
        return self._inside(candidate, written)

    def _inside(self, candidate: Path, written: str) -> str | None:
        resolved = candidate.resolve()
        if not resolved.is_relative_to(self.root):
            return translate("Intake", "'{path}' is a link leading out of the export's folder").format(path=written)
        try:
            mode = resolved.stat().st_mode
        except OSError:
            return None  # a dangling link: reported as not found
        if stat.S_ISDIR(mode):
            for entry in candidate.rglob("*"):
                inner = self._inside_entry(entry)
                if inner is not None:
                    return inner.format(path=written, entry=entry.relative_to(candidate))
            return None
        if not stat.S_ISREG(mode):
            return translate("Intake", "'{path}' is not a regular file (a device or other special file)").format(
                path=written
            )
        return None

    def _inside_entry(self, entry: Path) -> str | None:
        resolved = entry.resolve()
        if not resolved.is_relative_to(self.root):
            return translate("Intake", "'{path}' holds {entry}, a link leading out of the export's folder")
        try:
            mode = resolved.stat().st_mode
        except OSError:
            return None
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            return translate("Intake", "'{path}' holds {entry}, which is not a regular file")
        return None
