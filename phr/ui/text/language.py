"""The app's language, for the words the app shares with the exports (phr.words) rather than Qt's translation."""

from PySide6.QtCore import QLocale

from phr.words.catalogue import Words


def app_language() -> str:
    """'nl' or 'en': the language the app was started in (i18n.install_translators sets the default locale)."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def app_words() -> Words:
    """The shared words (phr.words) in the app's language."""
    return Words(app_language())
