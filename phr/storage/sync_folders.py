"""Folders a sync service keeps in step between computers, and the conflict copies such a service leaves.

A record in a folder that OneDrive, Dropbox, Google Drive, iCloud Drive, Nextcloud or Syncthing
synchronises (Windows 11 often moves Documents into OneDrive) can be opened on two computers at once;
each then writes its own record.db, and the service keeps one and renames the other into a conflict
copy. The safe way is a record kept on one computer, with its automatic backups in the synced folder.

How a synced folder is recognised, nearest folder first, and only by what is certain enough to say:
  marks    files a service keeps in the folder it synchronises: `.dropbox` (Dropbox), `.stfolder`
           (Syncthing), `._sync_*.db` or `.sync_*.db` (the Nextcloud and ownCloud client's journal),
           `.tmp.drivedownload` or `.tmp.driveupload` (Google Drive for desktop), a `desktop.ini`
           naming OneDrive (Windows marks the OneDrive folder so);
  settings the services' own records of where their folder is: the OneDrive variables Windows
           sets, Dropbox's info.json, the Nextcloud client's nextcloud.cfg, Syncthing's config.xml;
  names    the names the services give their folders: OneDrive (also "OneDrive - Company" and
           macOS's "OneDrive-Personal"), Dropbox (also "Dropbox (Team)"), Google Drive and
           "My Drive", iCloud Drive (macOS: com~apple~CloudDocs), Nextcloud. A folder named so may
           not be synchronised at all: the words say "seems".
Nothing is sent anywhere, and the services are not asked: only files on this computer are read.
"""

import json
import os
import re
import socket
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

MARKER_READ_LIMIT = 64 * 1024  # desktop.ini and the services' settings are small


class SyncService(StrEnum):
    ONEDRIVE = "OneDrive"
    DROPBOX = "Dropbox"
    GOOGLE_DRIVE = "Google Drive"
    ICLOUD = "iCloud Drive"
    NEXTCLOUD = "Nextcloud"
    SYNCTHING = "Syncthing"


class Sign(StrEnum):
    """What gave the synced folder away."""

    MARK = "mark"  # a file the service keeps in its folder
    SETTINGS = "settings"  # the service's own settings name the folder
    NAME = "name"  # the folder's name only


@dataclass(frozen=True)
class SyncedPlace:
    service: SyncService
    root: Path  # the synchronised folder the record is in
    sign: Sign
    detail: str  # the mark's or the settings file's name, or the folder's name


# --- marks --------------------------------------------------------------------------------------

_MARKS: tuple[tuple[str, SyncService], ...] = (
    (".dropbox", SyncService.DROPBOX), (".dropbox.cache", SyncService.DROPBOX),
    (".stfolder", SyncService.SYNCTHING),
    (".tmp.drivedownload", SyncService.GOOGLE_DRIVE), (".tmp.driveupload", SyncService.GOOGLE_DRIVE),
)
_NEXTCLOUD_JOURNAL = re.compile(r"^\._?sync_[0-9a-f]+\.db$", re.IGNORECASE)


def _mark_in(folder: Path) -> SyncedPlace | None:
    for name, service in _MARKS:
        if (folder / name).exists():
            return SyncedPlace(service, folder, Sign.MARK, name)
    if _names_onedrive(folder / "desktop.ini"):
        return SyncedPlace(SyncService.ONEDRIVE, folder, Sign.MARK, "desktop.ini")
    try:
        with os.scandir(folder) as entries:
            journal = next((entry.name for entry in entries if _NEXTCLOUD_JOURNAL.match(entry.name)), None)
    except OSError:
        return None
    return SyncedPlace(SyncService.NEXTCLOUD, folder, Sign.MARK, journal) if journal else None


def _names_onedrive(desktop_ini: Path) -> bool:
    """Windows writes desktop.ini in UTF-16 or in the ANSI code page; either way the word is findable."""
    data = _small_file(desktop_ini)
    return b"onedrive" in data.lower() or "onedrive".encode("utf-16-le") in data.lower()


# --- names --------------------------------------------------------------------------------------

_NAMES: tuple[tuple[re.Pattern[str], SyncService], ...] = (
    (re.compile(r"^onedrive( - .+|-.+)?$", re.IGNORECASE), SyncService.ONEDRIVE),
    (re.compile(r"^dropbox( \(.+\))?$", re.IGNORECASE), SyncService.DROPBOX),
    (re.compile(r"^(google ?drive(-.+)?|my drive)$", re.IGNORECASE), SyncService.GOOGLE_DRIVE),
    (re.compile(r"^(icloud ?drive|com~apple~clouddocs)$", re.IGNORECASE), SyncService.ICLOUD),
    (re.compile(r"^nextcloud$", re.IGNORECASE), SyncService.NEXTCLOUD),
)


def _named(folder: Path) -> SyncedPlace | None:
    for pattern, service in _NAMES:
        if pattern.match(folder.name):
            return SyncedPlace(service, folder, Sign.NAME, folder.name)
    return None


# --- the services' settings -----------------------------------------------------------------------

def _configured_roots(home: Path, environ: Mapping[str, str]) -> Iterator[tuple[SyncService, Path, str]]:
    for variable in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
        if environ.get(variable):
            yield SyncService.ONEDRIVE, Path(environ[variable]), variable
    appdata, local = environ.get("APPDATA", ""), environ.get("LOCALAPPDATA", "")
    for info in _existing(home / ".dropbox" / "info.json", Path(appdata, "Dropbox", "info.json") if appdata else None,
                          Path(local, "Dropbox", "info.json") if local else None):
        yield from ((SyncService.DROPBOX, root, info.name) for root in _dropbox_roots(info))
    for config in _existing(home / ".config" / "Nextcloud" / "nextcloud.cfg",
                            Path(appdata, "Nextcloud", "nextcloud.cfg") if appdata else None,
                            home / "Library" / "Preferences" / "Nextcloud" / "nextcloud.cfg"):
        yield from ((SyncService.NEXTCLOUD, root, config.name) for root in _nextcloud_roots(config))
    for config in _existing(home / ".config" / "syncthing" / "config.xml",
                            home / ".local" / "state" / "syncthing" / "config.xml",
                            Path(local, "Syncthing", "config.xml") if local else None,
                            home / "Library" / "Application Support" / "Syncthing" / "config.xml"):
        yield from ((SyncService.SYNCTHING, root, config.name) for root in _syncthing_roots(config))


def _dropbox_roots(info: Path) -> list[Path]:
    try:
        accounts = json.loads(_small_file(info))
    except ValueError:
        return []
    if not isinstance(accounts, dict):
        return []
    return [Path(account["path"]) for account in accounts.values()
            if isinstance(account, dict) and isinstance(account.get("path"), str)]


_NEXTCLOUD_FOLDER = re.compile(r"^\d+\\Folders(?:WithPlaceholders)?\\\d+\\localPath=(.+)$", re.MULTILINE)
_SYNCTHING_FOLDER = re.compile(r"<folder\b[^>]*\bpath=\"([^\"]+)\"")


def _nextcloud_roots(config: Path) -> list[Path]:
    text = _small_file(config).decode("utf-8", "replace")
    return [Path(match.strip()) for match in _NEXTCLOUD_FOLDER.findall(text)]


def _syncthing_roots(config: Path) -> list[Path]:
    text = _small_file(config).decode("utf-8", "replace")
    return [Path(os.path.expanduser(match.replace("&amp;", "&"))) for match in _SYNCTHING_FOLDER.findall(text)]


def _existing(*paths: Path | None) -> Iterator[Path]:
    yield from (path for path in paths if path is not None and path.is_file())


def _small_file(path: Path) -> bytes:
    try:
        with path.open("rb") as reader:
            return reader.read(MARKER_READ_LIMIT)
    except OSError:
        return b""


# --- the question ---------------------------------------------------------------------------------

def synced_place(folder: Path, home: Path | None = None, environ: Mapping[str, str] | None = None) -> SyncedPlace | None:
    """The sync service that seems to keep `folder` in step between computers; None when none does.

    Marks and settings are surer than names, so they are asked first, for the whole path.
    """
    folder = Path(os.path.abspath(folder))
    ancestors = [folder, *folder.parents]
    for ancestor in ancestors:
        if (found := _mark_in(ancestor)) is not None:
            return found
    configured = _configured_roots(home or Path.home(), os.environ if environ is None else environ)
    for service, root, where in configured:
        if _is_inside(folder, root):
            return SyncedPlace(service, Path(os.path.abspath(root)), Sign.SETTINGS, where)
    return next((found for ancestor in ancestors if (found := _named(ancestor)) is not None), None)


def _is_inside(folder: Path, root: Path) -> bool:
    try:
        return folder.is_relative_to(os.path.abspath(root))
    except (OSError, ValueError):
        return False


# --- conflict copies ------------------------------------------------------------------------------

# The files of a record that a service may copy aside (stem, extension); keys.bak.json is keys.json's twin.
_FILES = (("record", ".db"), ("keys", ".json"), ("keys.bak", ".json"))
# What each service puts between a file's stem and its extension.
_CONFLICT_MIDDLES = (
    r" \([^()]*(?i:conflict)[^()]*\)",  # Dropbox, Nextcloud: "record (Anna's conflicted copy 2026-01-02).db"
    r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}",  # Syncthing
    r"_conflict-\d{8}-\d{6}",  # ownCloud
    r" \(\d{1,3}\)",  # Google Drive: "record (1).db"
    r" \d{1,3}",  # iCloud Drive: "record 2.db"
    r"-[A-Z0-9][A-Z0-9-]{0,14}(?:-\d+)?",  # OneDrive adds the computer's name: "record-DESKTOP-ABC1234.db"
)


def conflict_copies(folder: Path) -> list[str]:
    """The names of conflict copies of record.db or the key files in the record folder, sorted.

    OneDrive's names are told apart from a person's own copy ("record-old.db") by the computer's name
    being written in capitals, as Windows writes it, or being this computer's name.
    """
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError:
        return []
    host = re.escape(socket.gethostname().split(".")[0])
    middles = "|".join((*_CONFLICT_MIDDLES, f"-(?i:{host})(-\\d+)?" if host else "(?!)"))
    patterns = [re.compile(f"^{re.escape(stem)}(?:{middles}){re.escape(suffix)}$") for stem, suffix in _FILES]
    return [name for name in names if any(pattern.match(name) for pattern in patterns)]
