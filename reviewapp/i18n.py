"""Translation catalog shared by the core, the CLI and the GUI.

Source strings are English; Chinese (zh_CN) is the default language. Translations live in Qt Linguist
``.ts`` files under ``resources/translations/<lang>/`` — one file per source module, so that work on one
module never edits another's file. The GUI installs a ``QTranslator`` over this same catalog (ui/i18n.py),
so ``self.tr`` in widgets and :func:`translate` in the core read the same entries; the core itself stays
free of Qt.

Mark strings with ``translate("Context", "text")`` (or ``QT_TRANSLATE_NOOP`` for constants that are
translated later); ``scripts/i18n.py`` extracts them and checks every zh_CN entry is finished.

Counts use Qt's ``%n`` convention: ``translate_n("Ctx", "%n notice(s) issued", n)`` (``self.tr(text, "", n)`` in
widgets) picks the language's plural form — English keeps its forms in ``resources/translations/en/`` (the
only entries English needs, being the source language) — and puts the number in place of ``%n``.

Domain data is stored in Chinese (severities, grades, dimensions, checklist items, card fields …): :func:`term`
gives its English rendering in English mode, from ``resources/translations/en/terms.ts``.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
DEFAULT_LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("zh_CN", "en")

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_catalog: dict[tuple[str, str], str] | None = None
_plurals: dict[tuple[str, str], list[str]] = {}
_terms: dict[str, str] | None = None
# A language for this thread only (``speaking``): records written in the domain's language whatever the reader's.
_thread = threading.local()
_others: dict[str, tuple[dict[tuple[str, str], str], dict[tuple[str, str], list[str]]]] = {}
TERMS_FILE = TRANSLATIONS_DIR / SOURCE_LANGUAGE / "terms.ts"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's conventional marker name
    """Mark a constant for extraction; translate it later with :func:`translate`."""
    del context
    return text


def read_ts(path: Path, plurals: dict[tuple[str, str], list[str]] | None = None) -> dict[tuple[str, str], str]:
    """Finished translations of one .ts file: (context, source) → translation. A numerus message's forms go
    into ``plurals`` (its first form into the result, for readers that know no plurals)."""
    entries: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name", default="")
        for msg in ctx.iter("message"):
            source = msg.findtext("source", default="")
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]
            if forms and all(forms):
                entries[(name, source)] = forms[0]
                if plurals is not None:
                    plurals[(name, source)] = forms
            elif tr.text and tr.text.strip():
                entries[(name, source)] = tr.text
    return entries


def load_catalog(language: str, plurals: dict[tuple[str, str], list[str]] | None = None) -> dict[tuple[str, str], str]:
    """The language's translations; for the source language (English) only its plural forms. Parsed once per
    content of the catalog's files (resource_cache: the start reads it before the first window shows)."""
    folder = TRANSLATIONS_DIR / language
    if not folder.is_dir():
        return {}
    files = [ts for ts in sorted(folder.glob("*.ts")) if ts != TERMS_FILE]

    def parse() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], list[str]]]:
        catalog: dict[tuple[str, str], str] = {}
        forms: dict[tuple[str, str], list[str]] = {}
        for ts in files:
            entries = read_ts(ts, forms)
            if language != SOURCE_LANGUAGE:
                catalog.update(entries)
        return catalog, forms

    try:
        from reviewapp.resource_cache import cached_files

        catalog, forms = cached_files(files, f"catalog-{language}", parse, (Path(__file__),))
    except OSError:  # a catalog file unreadable while hashing: parsing reports it as before
        catalog, forms = parse()
    if plurals is not None:
        plurals.update(forms)
    return catalog


def set_language(language: str) -> None:
    """Switch the catalog; 'en' is the source language and needs no catalog."""
    global _language, _catalog
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    with _lock:
        _language = language
        _plurals.clear()
        _catalog = load_catalog(language, _plurals)


def current_language() -> str:
    return getattr(_thread, "language", None) or _language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Translate in ``language`` on this thread only, e.g. a grade explanation stored in the record's language
    (Chinese) while the reader's screen is English; other threads keep the process's language."""
    previous = getattr(_thread, "language", None)
    _thread.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    try:
        yield
    finally:
        _thread.language = previous


def _tables() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], list[str]]]:
    """The catalog and plural forms of this thread's language."""
    global _catalog
    language = getattr(_thread, "language", None)
    if language is None or language == _language:
        if _catalog is None:
            with _lock:
                if _catalog is None:
                    _catalog = load_catalog(_language, _plurals)
        return _catalog, _plurals
    with _lock:
        found = _others.get(language)
        if found is None:
            plurals: dict[tuple[str, str], list[str]] = {}
            found = _others[language] = (load_catalog(language, plurals), plurals)
    return found


def lookup(context: str, text: str) -> str | None:
    """The translation if the catalog has one, else None (the GUI's translator falls back to Qt)."""
    return _tables()[0].get((context, text))


def plural_index(language: str, n: int) -> int:
    """Which plural form: Chinese has one, English two (1 → singular)."""
    return 0 if language != SOURCE_LANGUAGE or abs(n) == 1 else 1


def lookup_n(context: str, text: str, n: int) -> str | None:
    """The plural form of ``text`` for ``n`` (``%n`` not yet replaced), or None without a translation."""
    catalog, plurals = _tables()
    forms = plurals.get((context, text))
    if not forms:
        return catalog.get((context, text))
    return forms[min(plural_index(current_language(), n), len(forms) - 1)]


def translate_n(context: str, text: str, n: int) -> str:
    """Translate a count message marked with Qt's ``%n`` and put ``n`` in its place."""
    return (lookup_n(context, text, n) or text).replace("%n", str(n))


def term(text: str) -> str:
    """Chinese domain data (a severity, grade, dimension, item text, card field …) in the current language:
    unchanged in Chinese, its English rendering in English (the text itself when none is shipped)."""
    global _terms
    if current_language() != SOURCE_LANGUAGE or not text:
        return text
    if _terms is None:
        with _lock:
            if _terms is None:
                found = read_ts(TERMS_FILE) if TERMS_FILE.exists() else {}
                _terms = {source: english for (_ctx, source), english in found.items()}
    return _terms.get(text, text)


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` into the current language (source text if untranslated)."""
    return lookup(context, text) or text
