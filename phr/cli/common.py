"""What every command shares: the exit codes, the one-line error, and how a secret is asked for.

Command modules import this module, never `phr.cli.main`, so the command line has no import cycle.

Every line `phr` prints that may hold a file name (or a message built from one) goes through `shown`: a
name can hold control characters, and an escape sequence in it must not reach the terminal.
"""

import dataclasses
import getpass
import os
import stat
import sys
import unicodedata
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from phr.core.errors import ReadOnly

if TYPE_CHECKING:  # phr.access (the storage, with numpy) loads when a command opens a record: `phr --version`,
    from phr.access.session import RecordSession  # `--help` and the app's start window go without it (issue 20)


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1          # one clear line on stderr
    USAGE = 2          # argparse's own
    WRONG_SECRET = 3
    DAMAGED = 4        # or made by a newer version


class CliError(Exception):
    """An expected problem with the command itself (exit 1)."""


def fail(error: object, code: ExitCode) -> int:
    """The one line on stderr. Messages from every layer come here, and some quote a file name: the
    whole line is shown with its control characters escaped (a line break in it would make two lines)."""
    print(f"phr: {shown(error)}", file=sys.stderr)
    return code


# Invisible characters that change how the rest of a line reads: right-to-left overrides and isolates.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(text: object) -> str:
    """`text` (a path, a file name, a message quoting one) safe to print: control characters, and the
    invisible ones that reorder a line, as escapes (ESC as \\x1b); a byte of a name that is not UTF-8
    (Python keeps it as a lone surrogate, which no terminal encoding takes) as \\xNN, its value."""
    return "".join(_escaped(char) for char in str(text))


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte of a name
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(char) in ("Cc", "Cs") or char in _BIDI:
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def regular_file(path: Path) -> None:
    """Refuse, before anything is read, what is not a regular file: a device such as /dev/zero has no end,
    a pipe no size, and a folder no bytes. A missing file is the OSError's line (no such file)."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise CliError(f"{path} is a folder, not a file.")
    if not stat.S_ISREG(mode):
        raise CliError(f"{path} is not a regular file (it is a device, a pipe or a socket); Regie reads only "
                       "files.")


def new_file_place(path: Path) -> None:
    """Refuse to write over what is not a regular file: a file is written beside it and renamed over it, which
    would put a file in the place of a device (as root, /dev/null) or a pipe; a folder is no file's place."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise CliError(f"{path} is a folder: give the name of the file to write. Nothing was written.")
    if not stat.S_ISREG(mode):
        raise CliError(f"{path} is not a regular file (it is a device, a pipe or a socket); Regie writes only "
                       "files. Nothing was written.")


def environment(name: str) -> str | None:
    """The variable's value; None when it is not set or empty (`PHR_PASSPHRASE=` is no passphrase)."""
    return os.environ.get(name) or None


def unlock(folder: str | Path, verify_first: bool = False) -> "RecordSession":
    """Open the record with PHR_PASSPHRASE, else PHR_RECOVERY_CODE, else a hidden prompt; then say on stderr
    what to know about where it is (a synced folder, a conflict copy, read-only media): notes, not errors."""
    from phr.access import records

    session = _unlocked(Path(folder), verify_first)
    place = records.record_place(session)
    if place.read_only is ReadOnly.MEDIA:  # a change says it in its one line; check and export need no note
        place = dataclasses.replace(place, read_only=None)
    for note in records.place_notes(place):
        print(f"phr: note: {shown(note)}", file=sys.stderr)
    return session


def _unlocked(folder: Path, verify_first: bool) -> "RecordSession":
    from phr.access import records

    if (passphrase := environment("PHR_PASSPHRASE")) is not None:
        return records.unlock_with_passphrase(folder, passphrase, verify_first)
    if (code := environment("PHR_RECOVERY_CODE")) is not None:
        return records.unlock_with_recovery_code(folder, code, verify_first)
    return records.unlock_with_passphrase(folder, prompt("Passphrase: "), verify_first)


def new_passphrase(variable: str = "PHR_PASSPHRASE", label: str = "New passphrase: ") -> str:
    """A new passphrase from `variable`, else typed twice at a hidden prompt."""
    if (given := environment(variable)) is not None:
        return given
    first = prompt(label, variable)
    if prompt("Type it again: ", variable) != first:
        raise CliError("The two passphrases are not the same. Nothing was changed.")
    return first


def prompt(label: str, variable: str = "PHR_PASSPHRASE") -> str:
    """A secret typed at a hidden prompt; without a terminal, the variable that would have given it."""
    if not sys.stdin.isatty():
        raise CliError(f"No passphrase given: set {variable} or run this in a terminal.")
    try:
        return getpass.getpass(label)
    except EOFError:
        raise CliError("No passphrase given.") from None
