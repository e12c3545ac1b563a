"""App settings on this computer: which record folders it knows, and the language.

Only paths and preferences live here, never names or health data: this file is
not encrypted.
"""

from pathlib import Path

from PySide6.QtCore import QSettings

LANGUAGES = ("system", "nl", "en")


class AppSettings:
    def __init__(self, path: Path):
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def known_records(self) -> list[str]:
        value = self._settings.value("records/paths", [])
        if isinstance(value, str):  # QSettings returns a lone item as a plain string
            value = [value]
        return [str(item) for item in value or []]

    def remember_record(self, folder: Path) -> None:
        path = str(Path(folder).absolute())
        paths = [p for p in self.known_records() if p != path]
        self._write_records([path] + paths)  # most recent first

    def forget_record(self, folder: str) -> None:
        self._write_records([p for p in self.known_records() if p != folder])

    def _write_records(self, paths: list[str]) -> None:
        self._settings.setValue("records/paths", paths)
        self._settings.sync()

    def sample_record(self) -> str:
        """The folder of the sample record made on this computer ('' if none): its passphrase is public."""
        return str(self._settings.value("records/sample", ""))

    def set_sample_record(self, folder: Path) -> None:
        self._settings.setValue("records/sample", str(Path(folder).absolute()))
        self._settings.sync()

    def language(self) -> str:
        value = str(self._settings.value("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        self._settings.setValue("ui/language", language)
        self._settings.sync()
