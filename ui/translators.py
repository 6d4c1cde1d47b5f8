"""Qt's own translations (``qtbase_<lang>``), so Qt's buttons speak the UI language.

Its own module: the start-up (``ui.app``) and the language switch
(``ui.language_switch``) both use it, without importing each other.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_translators: list[QTranslator] = []  # kept alive for the app's lifetime


def install_translators(app: QApplication, language: str) -> bool:
    """Load Qt's own ``qtbase_<lang>`` so Qt's buttons speak the UI language."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True
