"""Load the translation that fits the settings or, by default, the system language."""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
SUPPORTED = ("nl", "en")  # English is the source language: it needs no file

# Qt's own texts that qtbase_nl.qm leaves in English (it predates their Qt 6 wording) or gives a letter
# twice (Back and Finish share Alt+T). Listed here, lupdate keeps them in phr_nl.ts under Qt's contexts,
# where Qt looks them up. tests/ui/test_dutch_everywhere.py fails once the wheel covers one of them.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Drive"),
    QT_TRANSLATE_NOOP("QWizard", "&Finish"),
)


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    if setting in SUPPORTED:
        return setting
    name = (system_locale or QLocale.system()).name()
    return "nl" if name.startswith("nl") else "en"


def qt_translations() -> Path:
    """Where the PySide6 wheel keeps Qt's own catalogues (qtbase_nl.qm: buttons, file dialog, menus)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own strings and ours for `language`; returns them to keep alive.

    Qt's catalogue is qtbase_<lang>.qm itself: the wheel's qt_<lang>.qm only points to the catalogues of
    every Qt module, several of which the wheel leaves out, so it fails to load. Ours goes in last, so
    it is asked first.
    """
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
                               QLocale.Country.Netherlands if language == "nl" else QLocale.Country.UnitedKingdom))
    if language == "en":
        return []
    installed = []
    for name, folder in ((f"qtbase_{language}", qt_translations()), (f"phr_{language}", TRANSLATIONS)):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
