"""Install the translators: our catalog (the same .ts files the core reads) and Qt's own qtbase_zh_CN."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewapp import i18n


class CatalogTranslator(QTranslator):
    """A QTranslator answering from reviewapp.i18n, so `self.tr` and the core read one catalog."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        del disambiguation, n
        # None becomes a null QString, which tells Qt "not mine" so it asks the next translator or keeps
        # the source text; an empty string would blank the label.
        return i18n.lookup(context, source)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []  # keep references: a collected translator silently stops translating


def install_translators(app: QCoreApplication, language: str) -> None:
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    i18n.set_language(language)
    if language == i18n.SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(language))
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = CatalogTranslator()
    app.installTranslator(ours)
    _installed.append(ours)
