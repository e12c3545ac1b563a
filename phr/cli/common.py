"""What every command shares: the exit codes, the one-line error, and how a secret is asked for.

Command modules import this module, never `phr.cli.main`, so the command line has no import cycle.
"""

import getpass
import os
import sys
from enum import IntEnum
from pathlib import Path

from phr.access import records
from phr.access.session import RecordSession


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1          # one clear line on stderr
    USAGE = 2          # argparse's own
    WRONG_SECRET = 3
    DAMAGED = 4        # or made by a newer version


class CliError(Exception):
    """An expected problem with the command itself (exit 1)."""


def fail(error: object, code: ExitCode) -> int:
    print(f"phr: {error}", file=sys.stderr)
    return code


def unlock(folder: str | Path, verify_first: bool = False) -> RecordSession:
    """Open the record with PHR_PASSPHRASE, else PHR_RECOVERY_CODE, else a hidden prompt."""
    folder = Path(folder)
    if "PHR_PASSPHRASE" in os.environ:
        return records.unlock_with_passphrase(folder, os.environ["PHR_PASSPHRASE"], verify_first)
    if "PHR_RECOVERY_CODE" in os.environ:
        return records.unlock_with_recovery_code(folder, os.environ["PHR_RECOVERY_CODE"], verify_first)
    return records.unlock_with_passphrase(folder, prompt("Passphrase: "), verify_first)


def new_passphrase(variable: str = "PHR_PASSPHRASE", label: str = "New passphrase: ") -> str:
    """A new passphrase from `variable`, else typed twice at a hidden prompt."""
    if variable in os.environ:
        return os.environ[variable]
    first = prompt(label)
    if prompt("Type it again: ") != first:
        raise CliError("The two passphrases are not the same. Nothing was changed.")
    return first


def prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise CliError("No passphrase given: set PHR_PASSPHRASE or run this in a terminal.")
    try:
        return getpass.getpass(label)
    except EOFError:
        raise CliError("No passphrase given.") from None
