"""App settings on this computer: which record folders it knows, the language, text size and window place.

Only paths and preferences live here, never names or health data: this file is
not encrypted. Still, which records this computer knows is nobody else's business: the file is 0600
and its folder 0700, whatever the umask, also for a file an older version left readable.
"""

import contextlib
import os
from collections.abc import Container
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("system", "nl", "en")
MAX_LABEL_LENGTH = 60
AUTO_LOCK_CHOICES = (0, 1, 2, 5, 10, 15, 30, 60)
DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_BACKUPS_KEPT = 7
# Text sizes in percent of the desktop's own: larger steps first, as people who need them need them much larger.
TEXT_SIZES = (100, 115, 130, 150, 175, 200)


PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700


class AppSettings:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        _private_place(self.path)  # before QSettings writes: it keeps the mode of the file it replaces
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def _sync(self) -> None:
        self._settings.sync()
        _private_place(self.path)  # the file was removed meanwhile: QSettings made it with the umask's mode

    def known_records(self) -> list[str]:
        value = self._settings.value("records/paths", [])
        if isinstance(value, str):  # QSettings returns a lone item as a plain string
            value = [value]
        return [str(item) for item in value or []] if isinstance(value, list) else []

    def remember_record(self, folder: Path) -> None:
        path = str(Path(folder).absolute())
        paths = [p for p in self.known_records() if p != path]
        self._write_records([path] + paths)  # most recent first

    def forget_record(self, folder: str) -> None:
        self._write_records([p for p in self.known_records() if p != folder])

    def _write_records(self, paths: list[str]) -> None:
        self._settings.setValue("records/paths", paths)
        self._sync()

    # --- where a record is: what was said about it once (a synced folder) is not said again ---

    def place_noted(self, folder: Path) -> bool:
        """Whether the person was told that this record is in a synchronised folder."""
        return str(Path(folder).absolute()) in self._noted_places()

    def note_place(self, folder: Path) -> None:
        path = str(Path(folder).absolute())
        self._settings.setValue("records/places_noted", [path] + [p for p in self._noted_places() if p != path])
        self._sync()

    def _noted_places(self) -> list[str]:
        value = self._settings.value("records/places_noted", [])
        value = [value] if isinstance(value, str) else value
        return [str(item) for item in value] if isinstance(value, list) else []

    def sample_record(self) -> str:
        """The folder of the sample record made on this computer ('' if none): its passphrase is public."""
        return str(self._settings.value("records/sample", ""))

    def set_sample_record(self, folder: Path) -> None:
        self._settings.setValue("records/sample", str(Path(folder).absolute()))
        self._sync()

    def language(self) -> str:
        value = str(self._settings.value("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        self._settings.setValue("ui/language", language)
        self._sync()

    # --- how the windows look ---

    def text_size(self) -> int:
        """The text size in percent of the desktop's normal size (100: as the desktop sets it)."""
        return _int_choice(self._settings.value("ui/text_size", 100), TEXT_SIZES, 100)

    def set_text_size(self, percent: int) -> None:
        if percent not in TEXT_SIZES:
            raise ValueError(percent)
        self._settings.setValue("ui/text_size", int(percent))
        self._sync()

    def main_window_geometry(self) -> QByteArray | None:
        """The main window's last size and place (QWidget.saveGeometry), or None before it was first closed."""
        value = self._settings.value("ui/main_window_geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_main_window_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("ui/main_window_geometry", geometry)
        self._sync()

    # --- labels the user gave to record folders (shown in the start window instead of the path) ---

    def record_label(self, folder: str) -> str:
        labels = self._settings.value("records/labels", {}) or {}
        return str(labels.get(folder, "")) if isinstance(labels, dict) else ""

    def set_record_label(self, folder: str, label: str) -> None:
        """An empty label removes it. The user is told not to type health details (this file is plain)."""
        labels = self._settings.value("records/labels", {}) or {}
        labels = dict(labels) if isinstance(labels, dict) else {}
        label = " ".join(label.split())[:MAX_LABEL_LENGTH]
        if label:
            labels[folder] = label
        else:
            labels.pop(folder, None)
        self._settings.setValue("records/labels", labels)
        self._sync()

    # --- auto-lock ---

    def auto_lock_minutes(self) -> int:
        """Minutes without input before the record locks itself (0: never)."""
        return _int_choice(self._settings.value("security/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES),
                           AUTO_LOCK_CHOICES, DEFAULT_AUTO_LOCK_MINUTES)

    def set_auto_lock_minutes(self, minutes: int) -> None:
        if minutes not in AUTO_LOCK_CHOICES:
            raise ValueError(minutes)
        self._settings.setValue("security/auto_lock_minutes", int(minutes))
        self._sync()

    # --- automatic backups ---

    def auto_backup_enabled(self) -> bool:
        return str(self._settings.value("backups/enabled", "true")).lower() not in ("false", "0")

    def set_auto_backup_enabled(self, enabled: bool) -> None:
        self._settings.setValue("backups/enabled", "true" if enabled else "false")
        self._sync()

    def backup_folder(self) -> Path:
        """Where automatic backups go; until the user chooses (a USB stick, a synchronised folder),
        a folder in the user's own data directory."""
        chosen = str(self._settings.value("backups/folder", ""))
        return Path(chosen) if chosen else platformdirs.user_data_path("Regie", appauthor=False) / "backups"

    def set_backup_folder(self, folder: Path) -> None:
        self._settings.setValue("backups/folder", str(Path(folder).absolute()))
        self._sync()

    def backups_kept(self) -> int:
        """How many automatic backups are kept per record: at least 7."""
        return _int_choice(self._settings.value("backups/keep", MIN_BACKUPS_KEPT), range(MIN_BACKUPS_KEPT, 101),
                           MIN_BACKUPS_KEPT)

    def set_backups_kept(self, count: int) -> None:
        if not MIN_BACKUPS_KEPT <= count <= 100:
            raise ValueError(count)
        self._settings.setValue("backups/keep", int(count))
        self._sync()


def _int_choice(value: object, allowed: Container[int], default: int) -> int:
    if not isinstance(value, (str, int, float)):
        return default  # QSettings read back something that cannot be a number
    try:
        number = int(value)
    except ValueError:
        return default
    return number if number in allowed else default


def _private_place(path: Path) -> None:
    """The settings file 0600 and its folder 0700 (the folders made for it too). A folder that cannot be
    changed (read-only, someone else's) is left as it is: QSettings then says it cannot write."""
    with contextlib.suppress(OSError):
        missing = [folder for folder in path.parents if not folder.exists()]
        for folder in reversed(missing):
            with contextlib.suppress(FileExistsError):
                folder.mkdir(mode=PRIVATE_DIR)
            os.chmod(folder, PRIVATE_DIR)  # mkdir's mode passes through the umask
        os.chmod(path.parent, PRIVATE_DIR)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE))
        os.chmod(path, PRIVATE_FILE)
