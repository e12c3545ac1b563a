"""Load the translation that fits the settings or, by default, the system language."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
SUPPORTED = ("nl", "en")  # English is the source language: it needs no file
translate = QCoreApplication.translate


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    if setting in SUPPORTED:
        return setting
    name = (system_locale or QLocale.system()).name()
    return "nl" if name.startswith("nl") else "en"


def qt_translations() -> Path:
    """Where the PySide6 wheel keeps Qt's own catalogues (qtbase_nl.qm: buttons, file dialog, menus)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_gaps() -> dict[tuple[str, str], str]:
    """Qt's own texts that qtbase_nl.qm leaves in English (it predates their Qt 6 wording or context) or gives a
    letter twice (Back and Finish share Alt+T): (context, English) -> the text as the app shows it.

    Written as translate calls, so lupdate keeps them in phr_nl.ts under Qt's own contexts, where Qt looks them
    up; tests/ui/test_dutch_everywhere.py checks each one is still a gap.
    """
    return {
        ("QFileDialog", "&Look in:"): translate("QFileDialog", "&Look in:"),
        ("QFileDialog", "Files of &type:"): translate("QFileDialog", "Files of &type:"),
        ("QAbstractFileIconProvider", "Drive"): translate("QAbstractFileIconProvider", "Drive"),
        ("QAbstractFileIconProvider", "Folder"): translate("QAbstractFileIconProvider", "Folder",
                                                           "All other platforms"),
        ("QWizard", "&Finish"): translate("QWizard", "&Finish"),
    }


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
