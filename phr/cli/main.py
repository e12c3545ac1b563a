"""The command line (a stable contract: see docs/cli.md).

Exit codes: 0 ok; 1 error with one clear line on stderr; 2 usage; 3 wrong
passphrase or code; 4 record damaged or from a newer version.
"""

import argparse
import getpass
import os
import signal
import sys
from pathlib import Path

from phr import __version__
from phr.access import records
from phr.access.hardening import disable_core_dumps
from phr.cli import backup as cli_backup
from phr.cli import export as cli_export
from phr.cli import keys as cli_keys
from phr.core.errors import MistypedRecoveryCode, RecordDamaged, VaultError, WrongSecret

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_WRONG_SECRET, EXIT_DAMAGED = 0, 1, 2, 3, 4


class CliError(Exception):
    """An expected problem with the command itself (exit 1)."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    disable_core_dumps()
    if args.command is None:
        from phr.ui.app.launch import run_app  # the only place outside phr.ui that touches the UI

        return run_app(sys.argv[:1])
    try:
        return args.handler(args)
    except (WrongSecret, MistypedRecoveryCode) as error:
        return _fail(error, EXIT_WRONG_SECRET)
    except RecordDamaged as error:
        return _fail(error, EXIT_DAMAGED)
    except (VaultError, CliError) as error:
        return _fail(error, EXIT_ERROR)
    except OSError as error:  # a folder that cannot be made or read: say which, in one line
        where = f": {error.filename}" if error.filename else ""
        return _fail(f"{error.strerror or error}{where}", EXIT_ERROR)
    except KeyboardInterrupt:
        return _fail("Stopped.", EXIT_ERROR)


def _fail(error, code: int) -> int:
    print(f"phr: {error}", file=sys.stderr)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="phr", description="Regie: your own encrypted health record.")
    parser.add_argument("--version", action="version", version=f"Regie (phr) {__version__}")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _record_commands(commands)
    _exchange_commands(commands)
    return parser


def _record_commands(commands) -> None:
    """Making, checking and showing records."""
    init = commands.add_parser("init", help="make a new record; prints the recovery code once")
    init.add_argument("dir", help="folder for the new record (must not exist or be empty)")
    init.add_argument("--name", default="", help="the name of the person whose record this is")
    init.set_defaults(handler=cmd_init)

    check = commands.add_parser("check", help="unlock, check integrity, print counts; exit 0 if healthy")
    check.add_argument("dir", help="the record folder")
    check.set_defaults(handler=cmd_check)

    demo = commands.add_parser("demo", help="make the sample record of an invented person")
    demo.add_argument("dir", help="folder for the sample record (must not exist or be empty)")
    demo.set_defaults(handler=cmd_demo)

    shots = commands.add_parser("screenshots", help="render every main page of the sample record to PNG files")
    shots.add_argument("outdir", help="folder for the PNG files")
    shots.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the app in the pictures")
    shots.set_defaults(handler=cmd_screenshots)


def _exchange_commands(commands) -> None:
    """Moving data in and out of a record."""
    cli_export.add_export_command(commands, cmd_export)
    cli_backup.add_backup_commands(commands)

    passwd = commands.add_parser("passwd", help="give the record a new passphrase (PHR_NEW_PASSPHRASE); the "
                                                "current one or the recovery code comes from PHR_PASSPHRASE or "
                                                "PHR_RECOVERY_CODE")
    passwd.add_argument("dir", help="the record folder")
    passwd.set_defaults(handler=cmd_passwd)
    cli_keys.add_keys_command(commands)

    import_ = commands.add_parser("import", help="read a file into the record")
    import_.add_argument("dir", help="the record folder")
    import_.add_argument("file", help="the file to read")
    import_.add_argument("--format", choices=("auto", "libreview", "dexcom", "omron", "csv", "json", "fhir"),
                         default="auto", help="auto: decided from the file's contents; csv: a file with the columns "
                                              "time and value (needs --measure); json: Regie's own format; fhir: an "
                                              "HL7 FHIR patient summary bundle (docs/fhir.md)")
    import_.add_argument("--measure", help="the measure of a plain CSV (glucose, bp, weight, ... or your own)")
    import_.set_defaults(handler=cmd_import)


def cmd_init(args) -> int:
    if not args.dir.strip():
        raise CliError("Give a folder for the new record.")
    secret = _new_passphrase()
    # From here until the code is printed, Ctrl+C must not leave a record whose recovery
    # code nobody saw; the creation itself takes only a second or two.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        created = records.create_record(args.dir, args.name, secret)
        _print_new_record(created)
    finally:
        signal.signal(signal.SIGINT, previous)
    return EXIT_OK


def _print_new_record(created) -> None:
    try:
        print(f"Record created in {created.session.folder}")
        print()
        print(f"Recovery code: {created.recovery_code}")
        print()
        print("Write this recovery code down on paper now and keep it somewhere safe.")
        print("It is shown only this once. If you forget your passphrase, it is the only way into your record.")
    finally:
        created.session.lock()


def cmd_check(args) -> int:
    session = _unlock(args.dir, verify_first=True)  # check every page before an upgrade may write
    try:
        report = session.check()
    finally:
        session.lock()
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    if not report.healthy:
        for problem in report.problems[:20]:
            print(f"problem: {problem}")
        return _fail("The record is damaged. Restore it from a backup.", EXIT_DAMAGED)
    print(f"Healthy record (schema version {report.schema_version}, every page checked).")
    return EXIT_OK


def cmd_export(args) -> int:
    session = _unlock(args.dir)
    try:
        encrypted = cli_export.write(session, args)
    except cli_export.ExportRequestError as error:  # one line, nothing written
        raise CliError(str(error)) from None
    except (VaultError, OSError, KeyboardInterrupt):
        raise
    except Exception as error:  # noqa: BLE001 - a fault in making the file: its text may quote the record
        raise CliError(f"The export could not be made ({type(error).__name__}). Nothing was written.") from None
    finally:
        session.lock()
    cli_export.report(args.out, encrypted)
    return EXIT_OK


def cmd_passwd(args) -> int:
    from phr.access import keys

    session = _unlock(args.dir)
    try:
        new = _new_passphrase("PHR_NEW_PASSPHRASE")
        changed = keys.change_passphrase(session, new)
    finally:
        session.lock()
    whose = "Your" if changed.kind == "owner" else "The carer's"
    print(f"{whose} passphrase is changed. The recovery code still works.")
    return EXIT_OK


def cmd_import(args) -> int:
    data = Path(args.file).read_bytes()
    session = _unlock(args.dir)
    try:
        if args.format == "json" or (args.format == "auto" and _looks_like_regie_json(data)):
            _import_json(session, data)
        elif args.format == "fhir" or (args.format == "auto" and _looks_like_fhir_bundle(data)):
            _import_fhir(session, data, Path(args.file).name)
        else:
            _import_device(session, data, Path(args.file).name, args.format, args.measure)
    finally:
        session.lock()
    return EXIT_OK


def _looks_like_regie_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and b'"regie-record"' in data[:4096]


def _looks_like_fhir_bundle(data: bytes) -> bool:
    head = data[:4096]
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and b'"resourceType"' in head and b'"Bundle"' in head


def _import_fhir(session, data: bytes, name: str) -> None:
    from phr.formats.fhir.read import bundle as fhir
    from phr.record.services import RecordServices

    summary = fhir.import_bundle(RecordServices(session), data, name)
    for section in sorted(set(summary.added) | set(summary.already_present)):
        print(f"{section}: {summary.added.get(section, 0)} added, "
              f"{summary.already_present.get(section, 0)} already present")
    for resource, count in sorted(summary.unsupported.items()):
        print(f"skipped: {count} x {resource} (Regie does not read these from FHIR files)")
    for reason in summary.skipped[:20]:
        print(f"skipped: {reason}")
    print(f"Imported {sum(summary.added.values())} entries.")


def _import_json(session, data: bytes) -> None:
    from phr.formats.native import read as native_json

    summary = native_json.import_record(session, data)
    for section in sorted(set(summary.added) | set(summary.already_present)):
        print(f"{section}: {summary.added.get(section, 0)} added, "
              f"{summary.already_present.get(section, 0)} already present")
    print(f"Imported {sum(summary.added.values())} entries.")


def _import_device(session, data: bytes, name: str, format: str, measure: str | None) -> None:
    from phr.imports import device_import
    from phr.record.services import RecordServices

    summary = device_import.import_file(RecordServices(session), data, name, format, measure)
    print(f"format: {summary.format}")
    print(f"readings: {summary.added} added, {summary.already_present} already present")
    if summary.notes_added:
        print(f"notes: {summary.notes_added} added to the diary")
    print(f"skipped rows: {len(summary.skipped)}")
    for reason, count in sorted(summary.skipped_by_reason().items()):
        print(f"  {count} x {device_import.REASON_TEXT.get(reason, reason)}")
    for row in summary.skipped[:10]:
        print(f"  line {row.line}: {device_import.REASON_TEXT.get(row.reason, row.reason)}")


def cmd_demo(args) -> int:
    from phr.demo import sample_record as demo

    if not args.dir.strip():
        raise CliError("Give a folder for the sample record.")
    passphrase = os.environ.get("PHR_PASSPHRASE") or demo.SAMPLE_PASSPHRASE
    session = demo.create_sample_record(args.dir, passphrase)
    print(f"Sample record created in {session.folder}")
    session.lock()
    if "PHR_PASSPHRASE" not in os.environ:
        print(f"Its passphrase is: {demo.SAMPLE_PASSPHRASE}")
    print("Everything in it is invented.")
    return EXIT_OK


def cmd_screenshots(args) -> int:
    from phr.ui.app import screenshots  # rendering pages is UI work; this is its only entry point

    written = screenshots.render(Path(args.outdir), args.lang)
    for path in written:
        print(path)
    return EXIT_OK


def _unlock(folder: str, verify_first: bool = False):
    if "PHR_PASSPHRASE" in os.environ:
        return records.unlock_with_passphrase(folder, os.environ["PHR_PASSPHRASE"], verify_first)
    if "PHR_RECOVERY_CODE" in os.environ:
        return records.unlock_with_recovery_code(folder, os.environ["PHR_RECOVERY_CODE"], verify_first)
    return records.unlock_with_passphrase(folder, _prompt("Passphrase: "), verify_first)


def _new_passphrase(variable: str = "PHR_PASSPHRASE") -> str:
    if variable in os.environ:
        return os.environ[variable]
    first = _prompt("New passphrase: ")
    if _prompt("Type it again: ") != first:
        raise CliError("The two passphrases are not the same. Nothing was changed.")
    return first


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise CliError("No passphrase given: set PHR_PASSPHRASE or run this in a terminal.")
    try:
        return getpass.getpass(label)
    except EOFError:
        raise CliError("No passphrase given.") from None
