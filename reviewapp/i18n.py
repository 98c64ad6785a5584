"""Translation catalog shared by the core, the CLI and the GUI.

Source strings are English; Chinese (zh_CN) is the default language. Translations live in Qt Linguist
``.ts`` files under ``resources/translations/<lang>/`` — one file per source module, so that work on one
module never edits another's file. The GUI installs a ``QTranslator`` over this same catalog (ui/i18n.py),
so ``self.tr`` in widgets and :func:`translate` in the core read the same entries; the core itself stays
free of Qt.

Mark strings with ``translate("Context", "text")`` (or ``QT_TRANSLATE_NOOP`` for constants that are
translated later); ``scripts/i18n.py`` extracts them and checks every zh_CN entry is finished.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
DEFAULT_LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("zh_CN", "en")

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_catalog: dict[tuple[str, str], str] | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's conventional marker name
    """Mark a constant for extraction; translate it later with :func:`translate`."""
    del context
    return text


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Finished translations of one .ts file: (context, source) → translation."""
    entries: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name", default="")
        for msg in ctx.iter("message"):
            source = msg.findtext("source", default="")
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                entries[(name, source)] = tr.text
    return entries


def load_catalog(language: str) -> dict[tuple[str, str], str]:
    catalog: dict[tuple[str, str], str] = {}
    folder = TRANSLATIONS_DIR / language
    if language == SOURCE_LANGUAGE or not folder.is_dir():
        return catalog
    for ts in sorted(folder.glob("*.ts")):
        catalog.update(read_ts(ts))
    return catalog


def set_language(language: str) -> None:
    """Switch the catalog; 'en' is the source language and needs no catalog."""
    global _language, _catalog
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    with _lock:
        _language = language
        _catalog = load_catalog(language)


def current_language() -> str:
    return _language


def lookup(context: str, text: str) -> str | None:
    """The translation if the catalog has one, else None (the GUI's translator falls back to Qt)."""
    global _catalog
    if _catalog is None:
        with _lock:
            if _catalog is None:
                _catalog = load_catalog(_language)
    return _catalog.get((context, text))


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` into the current language (source text if untranslated)."""
    return lookup(context, text) or text
