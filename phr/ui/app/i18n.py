"""Load the translation that fits the settings or, by default, the system language."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
SUPPORTED = ("nl", "en")  # English is the source language: it needs no file


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    if setting in SUPPORTED:
        return setting
    name = (system_locale or QLocale.system()).name()
    return "nl" if name.startswith("nl") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our strings and Qt's own (button texts) for `language`; returns them to keep alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
                               QLocale.Country.Netherlands if language == "nl" else QLocale.Country.UnitedKingdom))
    if language == "en":
        return []
    installed = []
    for name, folder in ((f"phr_{language}", TRANSLATIONS),
                         (f"qt_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
