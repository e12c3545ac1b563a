"""The command line (a stable contract: see docs/cli.md).

Exit codes: 0 ok; 1 error with one clear line on stderr; 2 usage; 3 wrong
passphrase or code; 4 record damaged or from a newer version.
"""

import argparse
import sys
from pathlib import Path

from phr import __version__
from phr.access.hardening import disable_core_dumps
from phr.cli import backup, export, imports, keys, record
from phr.cli.backup_file import backup_file_argument, backup_file_problem, has_terminal
from phr.cli.common import CliError, ExitCode, fail, shown
from phr.core.errors import MistypedRecoveryCode, RecordDamaged, VaultError, WrongSecret


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    backup_file = backup_file_argument(sys.argv[1:] if argv is None else argv, _command_names(parser))
    if backup_file is not None:
        return open_backup_file(backup_file)
    args = parser.parse_args(argv)
    disable_core_dumps()
    if args.command is None:
        from phr.ui.app.launch import run_app  # the only place outside phr.ui that touches the UI

        return run_app(sys.argv[:1])
    try:
        return args.handler(args)
    except (WrongSecret, MistypedRecoveryCode) as error:
        return fail(error, ExitCode.WRONG_SECRET)
    except RecordDamaged as error:
        return fail(error, ExitCode.DAMAGED)
    except (VaultError, CliError) as error:
        return fail(error, ExitCode.ERROR)
    except OSError as error:  # a folder that cannot be made or read: say which, in one line
        where = f": {error.filename}" if error.filename else ""
        return fail(f"{error.strerror or error}{where}", ExitCode.ERROR)
    except KeyboardInterrupt:
        return fail("Stopped.", ExitCode.ERROR)
    except Exception as error:  # noqa: BLE001 - the last resort: one line, never a traceback
        return fail(unexpected(error), ExitCode.ERROR)


# What an unexpected fault was, in words; only its kind, never its text, which may quote the record.
_KINDS = {OverflowError: "a number too large to work with", RecursionError: "data nested too deeply",
          MemoryError: "not enough memory", UnicodeError: "text that is not valid Unicode"}


def unexpected(error: Exception) -> str:
    """The one line for a fault no command expected. Every change is one transaction, and a fault
    inside it undoes it: nothing was changed."""
    kind = next((words for kind, words in _KINDS.items() if isinstance(error, kind)), "an unexpected error")
    return f"Regie could not finish: {kind} ({type(error).__name__}). Nothing was changed."


def open_backup_file(path: Path) -> int:
    """`phr FILE.regiebackup`: the app, at the restore of that file. A file that is not a backup: one line and
    exit 2 at a terminal; without one (a double-click), the app opens and says it in a message."""
    problem = backup_file_problem(path)
    if problem is not None and has_terminal():
        return fail(problem, ExitCode.USAGE)
    disable_core_dumps()
    from phr.ui.app.launch import run_app

    return run_app(sys.argv[:1], backup_file=path.absolute())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="phr", description="Regie: your own encrypted health record.",
        usage="%(prog)s [-h] [--version] [COMMAND ...]\n       %(prog)s FILE.regiebackup",
        epilog="Without a COMMAND, phr opens the desktop app. With a backup file (FILE.regiebackup, or any Regie "
               "backup), it opens the app at the restore of that backup: you choose the folder and type the "
               "passphrase, and nothing is restored before you confirm.")
    parser.add_argument("--version", action="version", version=f"Regie (phr) {__version__}")
    parser.set_defaults(command=None)
    # prog: without it, argparse builds the commands' usage line from the two-line usage above.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="phr")
    record.add_record_commands(commands)
    _add_screenshots_command(commands)
    export.add_export_command(commands)
    backup.add_backup_commands(commands)
    record.add_passwd_command(commands)
    keys.add_keys_command(commands)
    imports.add_import_command(commands)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices}


def _add_screenshots_command(commands) -> None:
    shots = commands.add_parser("screenshots", help="render every main page of the sample record to PNG files")
    shots.add_argument("outdir", help="folder for the PNG files")
    shots.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the app in the pictures")
    shots.add_argument("--theme", choices=("light", "dark", "high-contrast"), default="light",
                       help="colours: Fusion's light palette (default), a dark one, or white on black")
    shots.add_argument("--size", type=_window_size, default=(1280, 800), metavar="WxH",
                       help="screen and main window size in pixels (default 1280x800), e.g. 1024x768")
    shots.add_argument("--scale", type=_text_scale, default=1.0, metavar="N",
                       help="text size factor (default 1), e.g. 2 for text at 200 %%")
    shots.set_defaults(handler=cmd_screenshots)


def _window_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 200 <= int(width) <= 10000 and 200 <= int(height) <= 10000):
        raise argparse.ArgumentTypeError(f"not a size like 1024x768: {text}")
    return int(width), int(height)


def _text_scale(text: str) -> float:
    try:
        scale = float(text)
    except ValueError:
        scale = 0.0
    if not 0.5 <= scale <= 4:
        raise argparse.ArgumentTypeError(f"not a text size factor from 0.5 to 4: {text}")
    return scale


def cmd_screenshots(args) -> int:
    from phr.ui.app import screenshots  # rendering pages is UI work; this is its only entry point

    written = screenshots.render(Path(args.outdir), args.lang, args.theme, args.size, args.scale)
    for path in written:
        print(shown(path))
    return ExitCode.OK
