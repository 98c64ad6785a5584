"""Install the translators: our catalog (the same .ts files the core reads) and Qt's own catalogs (qtbase_zh_CN
…), so Qt's dialogs and buttons speak the user's language too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewapp import i18n


class CatalogTranslator(QTranslator):
    """A QTranslator answering from reviewapp.i18n, so `self.tr` and the core read one catalog."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        del disambiguation
        # None becomes a null QString, which tells Qt "not mine" so it asks the next translator or keeps
        # the source text; an empty string would blank the label. Qt puts the number in place of %n after.
        if n >= 0 and "%n" in source:
            return i18n.lookup_n(context, source, n)
        return i18n.lookup(context, source)

    def isEmpty(self) -> bool:
        return False


# Qt's own catalogs for the Qt modules the app uses: qtbase covers QtCore, QtGui and QtWidgets (file and
# message dialogs, buttons, date widgets); the others are loaded when present, for modules added later.
QT_CATALOGS = ("qtbase", "qtmultimedia", "qtdeclarative", "qtwebengine")

_installed: list[QTranslator] = []  # keep references: a collected translator silently stops translating


def qt_translation_dirs() -> list[Path]:
    """Where Qt's .qm catalogs are: Qt's configured folder, then PySide6's own translations folder (a bundled
    build may move Qt's library path but keeps PySide6's package layout)."""
    import PySide6

    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    dirs.append(Path(PySide6.__file__).resolve().parent / "translations")
    return [d for d in dict.fromkeys(dirs) if d.is_dir()]


def install_translators(app: QCoreApplication, language: str) -> None:
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    i18n.set_language(language)
    if language == i18n.SOURCE_LANGUAGE:
        # English is the source language: only its plural forms ("%n notice(s)") come from a catalog.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        english = CatalogTranslator()
        app.installTranslator(english)
        _installed.append(english)
        return
    QLocale.setDefault(QLocale(language))
    for module in QT_CATALOGS:
        qt = QTranslator()
        if any(qt.load(f"{module}_{language}", str(folder)) for folder in qt_translation_dirs()):
            app.installTranslator(qt)
            _installed.append(qt)
    ours = CatalogTranslator()
    app.installTranslator(ours)
    _installed.append(ours)
