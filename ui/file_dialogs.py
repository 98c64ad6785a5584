"""Where file dialogs start: the user's documents folder (or the folder last chosen), never the program's
working folder; a relative suggested name is placed there. The dialogs themselves are the platform's native
ones (Qt's static QFileDialog functions, never DontUseNativeDialog), so they speak the system's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

LAST_FOLDER_SETTING = "files/last_folder"


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def start_folder() -> Path:
    """The folder a dialog opens in: the one last chosen if it still exists, else the documents folder."""
    last = str(QSettings().value(LAST_FOLDER_SETTING, "") or "")
    return Path(last) if last and Path(last).is_dir() else documents_dir()


def suggested_path(name: str) -> str:
    """``name`` as the dialog's suggestion: unchanged when it names a folder already, else in start_folder()."""
    return name if Path(name).is_absolute() else str(start_folder() / name)


def remember(path: Path | str | None) -> None:
    """Remember the folder of a chosen file (or a chosen folder) for the next dialog."""
    if not path:
        return
    p = Path(path)
    QSettings().setValue(LAST_FOLDER_SETTING, str(p if p.is_dir() else p.parent))
