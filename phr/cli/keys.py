"""`phr keys DIR list|add-carer NAME|remove NAME`: who can unlock the record.

The owner's secret comes from PHR_PASSPHRASE (or PHR_RECOVERY_CODE, or a prompt), a
new carer's passphrase from PHR_CARER_PASSPHRASE or a prompt asked twice. Only the
owner (or the recovery code) may add or remove carers. Removing one changes the
record's key, so their passphrase no longer opens it, not even with an old copy of
the key files; a backup is made first (in the app's default automatic backup
folder, or --backup-dir; older backups there are never removed by this command),
and without it nothing changes.
"""

from phr.access.session import RecordSession
from phr.cli.common import CliError, ExitCode, new_passphrase, shown, unlock

ACTIONS = ("list", "add-carer", "remove")


def add_keys_command(commands) -> None:
    keys = commands.add_parser("keys", help="list who can unlock the record; add or remove a carer")
    keys.add_argument("dir", help="the record folder")
    keys.add_argument("action", choices=ACTIONS, help="list, add-carer NAME, or remove NAME (or key id)")
    keys.add_argument("name", nargs="?", help="the carer's name (for remove also the key id from list)")
    keys.add_argument("--backup-dir", help="for remove: where the backup made before the key change goes "
                                           "(default: the app's default automatic backup folder)")
    keys.set_defaults(handler=cmd_keys)


def cmd_keys(args) -> int:
    if args.action != "list" and not (args.name or "").strip():
        raise CliError(f"Give the carer's name: phr keys DIR {args.action} NAME")
    session = unlock(args.dir)
    try:
        if args.action == "list":
            _list(session)
        elif args.action == "add-carer":
            _add(session, args.name)
        else:
            _remove(session, args.name, args.backup_dir)
    finally:
        session.lock()
    return ExitCode.OK


def _list(session: RecordSession) -> None:
    from phr.access import carers

    print("owner: unlocks with the owner's passphrase")
    print("recovery code: unlocks when the passphrase is forgotten")
    for carer in carers.carers(session):
        print(shown(f"carer: {carer.name} (key id {carer.slot_id}, added {carer.added_at[:10]})"))


def _add(session: RecordSession, name: str) -> None:
    from phr.access import carers
    passphrase = new_passphrase("PHR_CARER_PASSPHRASE", "The carer's passphrase: ")
    added = carers.add_carer(session, name, passphrase)
    print(shown(f"Carer added: {added.carer.name} (key id {added.carer.slot_id}). They open the record with their own "
          "passphrase; what they write is marked with their name."))
    if added.new_recovery_code:
        print()
        print(f"Recovery code: {added.new_recovery_code}")
        print()
        print("This record was made with an older version of Regie: it has a new recovery code now, and the old one "
              "no longer works. Write the new code down on paper and keep it somewhere safe.")


def _remove(session: RecordSession, name: str, backup_dir: str | None) -> None:
    from pathlib import Path

    from phr.access import carers
    from phr.backup import auto_backup
    carers.removable(session, name)  # OwnerOnly, CarerNotFound: before any work
    folder = Path(backup_dir).expanduser() if backup_dir else auto_backup.default_folder()
    try:
        # keep=None: the app's choice of how many to keep is not known here, so none is removed
        made = auto_backup.backup_before(session, "rekey", folder, keep=None)
    except auto_backup.BackupNotMade as error:
        raise CliError(f"Nothing was changed: the backup before the key change could not be written in "
                           f"{folder} ({error.problem.replace('_', ' ')}).") from None
    print(shown(f"Backup before the key change: {made}"))
    result = carers.remove_carer(session, name)
    print(shown(f"Carer removed: {result.carer.name}. The record's key was changed, so their passphrase no longer opens "
          "it. What they wrote stays, with their name."))
    if not result.finished:
        print("The key files are completed the next time the record is opened.")
