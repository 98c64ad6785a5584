"""Match an electronic-dossier folder to cases (import-format.md, "Dossier folder").

Sub-folders are named by 部门受案号 with ``/`` replaced by ``_`` (a file name cannot hold ``/``). The map
back is only trusted when it is unambiguous: a folder that matches no known case number, or matches two
(one with ``/`` and one with ``_`` at the same place), is reported, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reviewapp.intake.values import normalize_case_no

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


def _is_junk(path: Path) -> bool:
    name = path.name
    # ~$ files are Office lock files of documents open elsewhere.
    return name.lower() in _JUNK_NAMES or name.startswith(("~$", "."))


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not _is_junk(p))


def scan_dossier_folder(folder: Path, known_case_nos: Iterable[str]) -> DossierScan:
    """Files of each case found in ``folder``'s sub-folders, keyed by the case number as known."""
    candidates: dict[str, list[str]] = {}
    for number in known_case_nos:
        key = normalize_case_no(folder_name(number))
        if number not in candidates.setdefault(key, []):
            candidates[key].append(number)
    scan = DossierScan()
    for entry in sorted(folder.iterdir()):
        if _is_junk(entry):
            continue
        if entry.is_file():
            scan.loose_files.append(entry)
            continue
        matches = candidates.get(normalize_case_no(entry.name), [])
        if len(matches) == 1:
            scan.files.setdefault(matches[0], []).extend(_files_under(entry))
        elif matches:
            scan.ambiguous[entry.name] = sorted(matches)
        else:
            scan.unmatched.append(entry.name)
    for paths in scan.files.values():
        paths.sort()
    return scan
