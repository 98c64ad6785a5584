"""The font files shipped with the application (resources/fonts), found without loading the PDF exporters.

The GUI loads one into Qt before its first window when the system has no Chinese font; the exporters
(reviewapp/exports/fonts.py, which imports reportlab) resolve the same files for documents. Kept apart so the
first window does not wait for reportlab and the export package (~190 ms measured at start).
"""

from __future__ import annotations

from pathlib import Path

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT_SUFFIXES = (".ttf", ".ttc")


def shipped_font_files(shipped_dir: Path | None = None) -> list[Path]:
    """The font files shipped with the app, so the GUI can load the same family into Qt."""
    folder = shipped_dir or SHIPPED_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
