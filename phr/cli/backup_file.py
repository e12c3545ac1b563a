"""`phr FILE.regiebackup` (and `regie FILE.regiebackup`): the desktop app opens at the restore of that backup.

A file manager's double-click runs `regie %f`, so the file comes as the one argument, without a command.
Which argument is the file: one argument that is not a command's name (the command always wins: a file
named `check` opens as `./check`) and names an existing file, has a folder in it, ends in `.regiebackup`
or is a `file:` URI. Anything else (`phr frobnicate`) stays argparse's, with its list of commands.
"""

import os
import sys
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote, urlsplit

from phr.storage.backups import SUFFIX, read_manifest
from phr.storage.errors import BackupDamaged, RecordFromNewerVersion


def backup_file_argument(args: Sequence[str], commands: Collection[str]) -> Path | None:
    """The file of `phr FILE`, or None when `args` are for argparse (a command, an option, nothing)."""
    if len(args) != 1 or args[0] in commands or args[0].startswith("-"):
        return None
    text = args[0]
    if text.startswith("file:"):
        return _local_path(text)
    path = Path(text).expanduser()
    if path.exists() or "/" in text or os.sep in text or text.lower().endswith(SUFFIX):
        return path
    return None


def _local_path(uri: str) -> Path | None:
    """file:///home/anna/a%20b.regiebackup -> /home/anna/a b.regiebackup (a launcher may pass a URI)."""
    parts = urlsplit(uri)
    if parts.netloc not in ("", "localhost") or not parts.path:
        return None
    return Path(unquote(parts.path))


def backup_file_problem(path: Path) -> str | None:
    """Why `path` is not a backup to restore, in one line; None when it is one (a backup of a newer version
    too: the app says to update). Reads the manifest at the file's start only, never unlocks."""
    if not path.exists():
        return f"{path}: no such file"
    if path.is_dir():
        return f"{path} is a folder, not a backup file"
    if not path.is_file():  # a pipe would block the read of its manifest, a device never end
        return f"{path} is not a regular file (it is a device, a pipe or a socket), not a backup file"
    try:
        read_manifest(path)
    except RecordFromNewerVersion:
        return None
    except BackupDamaged:
        return f"{path} is not a Regie backup, or it is damaged"
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    return None


def has_terminal() -> bool:
    """Someone at a terminal reads a line there; a double-click has none of the three streams on one, and
    its message must be a window. Any of the three counts: `phr FILE 2>log` is still typed in a terminal."""
    return any(_is_terminal(stream) for stream in (sys.stdin, sys.stdout, sys.stderr))


def _is_terminal(stream: TextIO | None) -> bool:  # None: started without streams (pythonw on Windows)
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # closed
        return False
