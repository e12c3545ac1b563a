"""`phr init`, `phr check`, `phr passwd` and `phr demo`: making, checking and opening records."""

import signal
from typing import TYPE_CHECKING

from phr.cli.common import CliError, ExitCode, environment, fail, new_passphrase, shown, unlock

if TYPE_CHECKING:  # the record's code loads when a command opens one (common.unlock)
    from phr.access.records import CreatedRecord


def add_record_commands(commands) -> None:
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


def add_passwd_command(commands) -> None:
    passwd = commands.add_parser("passwd", help="give the record a new passphrase (PHR_NEW_PASSPHRASE); the "
                                                "current one or the recovery code comes from PHR_PASSPHRASE or "
                                                "PHR_RECOVERY_CODE")
    passwd.add_argument("dir", help="the record folder")
    passwd.set_defaults(handler=cmd_passwd)


def cmd_init(args) -> int:
    if not args.dir.strip():
        raise CliError("Give a folder for the new record.")
    secret = new_passphrase()
    # From here until the code is printed, Ctrl+C must not leave a record whose recovery
    # code nobody saw; the creation itself takes only a second or two.
    from phr.access import records

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        created = records.create_record(args.dir, args.name, secret)
        _print_new_record(created)
    finally:
        signal.signal(signal.SIGINT, previous)
    return ExitCode.OK


def _print_new_record(created: "CreatedRecord") -> None:
    try:
        print(shown(f"Record created in {created.session.folder}"))
        print()
        print(f"Recovery code: {created.recovery_code}")
        print()
        print("Write this recovery code down on paper now and keep it somewhere safe.")
        print("It is shown only this once. If you forget your passphrase, it is the only way into your record.")
    finally:
        created.session.lock()


def cmd_check(args) -> int:
    session = unlock(args.dir, verify_first=True)  # check every page before an upgrade may write
    try:
        report = session.check()
    finally:
        session.lock()
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    if not report.healthy:
        for problem in report.problems[:20]:
            print(shown(f"problem: {problem}"))
        return fail("The record is damaged. Restore it from a backup.", ExitCode.DAMAGED)
    print(f"Healthy record (schema version {report.schema_version}, every page checked).")
    return ExitCode.OK


def cmd_passwd(args) -> int:
    from phr.access import keys

    session = unlock(args.dir)
    try:
        new = new_passphrase("PHR_NEW_PASSPHRASE")
        changed = keys.change_passphrase(session, new)
    finally:
        session.lock()
    whose = "Your" if changed.kind == "owner" else "The carer's"
    print(f"{whose} passphrase is changed. The recovery code still works.")
    return ExitCode.OK


def cmd_demo(args) -> int:
    from phr.demo import sample_record

    if not args.dir.strip():
        raise CliError("Give a folder for the sample record.")
    given = environment("PHR_PASSPHRASE")
    session = sample_record.create_sample_record(args.dir, given or sample_record.SAMPLE_PASSPHRASE)
    print(shown(f"Sample record created in {session.folder}"))
    session.lock()
    if given is None:
        print(f"Its passphrase is: {sample_record.SAMPLE_PASSPHRASE}")
    print("Everything in it is invented.")
    return ExitCode.OK
