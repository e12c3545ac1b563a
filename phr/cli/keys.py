"""`phr keys DIR list|add-carer NAME|remove NAME|clean-backups`: who can unlock the record.

The owner's secret comes from PHR_PASSPHRASE (or PHR_RECOVERY_CODE, or a prompt), a
new carer's passphrase from PHR_CARER_PASSPHRASE or a prompt asked twice. Only the
owner (or the recovery code) may add or remove carers. Removing one changes the
record's key, so their passphrase no longer opens it, not even with an old copy of
the key files; a backup is made first (in the app's default automatic backup
folder, or --backup-dir), and without it nothing changes.

Backups made while the carer was one still open with their passphrase. `remove` lists
those it finds (in the backup folder and beside the record) and, with --old-backups
remove-key or delete, takes the key out of them or deletes them; `clean-backups` does the
same later, for any carer removed since (a USB stick plugged in afterwards: --backup-dir).
"""

from pathlib import Path
from typing import TYPE_CHECKING

from phr.cli.common import CliError, ExitCode, new_passphrase, shown, unlock

if TYPE_CHECKING:  # the record's code loads when a command opens one (common.unlock)
    from phr.access.session import RecordSession

ACTIONS = ("list", "add-carer", "remove", "clean-backups")
OLD_BACKUPS = ("keep", "remove-key", "delete")
ELSEWHERE = ("Copies elsewhere (a USB stick, a synced folder, a copy sent to someone) still open with a removed "
             "carer's passphrase: Regie cannot see them. Run 'phr keys DIR clean-backups --backup-dir FOLDER' "
             "for such a folder, or delete those copies. A copy the carer made themselves stays theirs.")


def add_keys_command(commands) -> None:
    keys = commands.add_parser("keys", help="list who can unlock the record; add or remove a carer; take removed "
                                            "carers' keys out of old backups")
    keys.add_argument("dir", help="the record folder")
    keys.add_argument("action", choices=ACTIONS,
                      help="list, add-carer NAME, remove NAME (or key id), or clean-backups")
    keys.add_argument("name", nargs="?", help="the carer's name (for remove also the key id from list)")
    keys.add_argument("--backup-dir", help="for remove: where the backup made before the key change goes; for "
                                           "remove and clean-backups: where to look for old backups (default: the "
                                           "app's default automatic backup folder; the record's folder is searched too)")
    keys.add_argument("--old-backups", choices=OLD_BACKUPS,
                      help="backups that a removed carer's passphrase still opens: keep them (remove's default: "
                           "they are listed), remove-key (clean-backups' default: take the carer's key out; the "
                           "record in them is not decrypted) or delete them")
    keys.set_defaults(handler=cmd_keys)


def cmd_keys(args) -> int:
    if args.action not in ("list", "clean-backups") and not (args.name or "").strip():
        raise CliError(f"Give the carer's name: phr keys DIR {args.action} NAME")
    session = unlock(args.dir)
    try:
        if args.action == "list":
            _list(session)
        elif args.action == "add-carer":
            _add(session, args.name)
        elif args.action == "remove":
            _remove(session, args.name, args.backup_dir, args.old_backups or "keep")
        else:
            _clean(session, args.backup_dir, args.old_backups or "remove-key")
    finally:
        session.lock()
    return ExitCode.OK


def _list(session: "RecordSession") -> None:
    from phr.access import carers

    print("owner: unlocks with the owner's passphrase")
    print("recovery code: unlocks when the passphrase is forgotten")
    for carer in carers.carers(session):
        print(shown(f"carer: {carer.name} (key id {carer.slot_id}, added {carer.added_at[:10]})"))


def _add(session: "RecordSession", name: str) -> None:
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


def _remove(session: "RecordSession", name: str, backup_dir: str | None, old_backups: str) -> None:
    from phr.access import carers
    from phr.backup import auto_backup
    carers.removable(session, name)  # OwnerOnly, CarerNotFound: before any work
    folder = _backup_folder(backup_dir)
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
    _old_backups(session, folder, old_backups, f"{result.carer.name}'s passphrase")


def _clean(session: "RecordSession", backup_dir: str | None, old_backups: str) -> None:
    from phr.access import keys
    if not keys.may_make_recovery_code(session):  # the owner's or the recovery code's session
        raise CliError("Only the owner of the record can change its backups. Nothing was changed.")
    _old_backups(session, _backup_folder(backup_dir), old_backups, "a removed carer's passphrase")


def _backup_folder(backup_dir: str | None) -> Path:
    from phr.backup import auto_backup
    return Path(backup_dir).expanduser() if backup_dir else auto_backup.default_folder()


def _old_backups(session: "RecordSession", folder: Path, choice: str, whose: str) -> None:
    """List the backups a removed carer still opens; take the key out of them or delete them if asked."""
    from phr.backup import removed_carers
    found = removed_carers.find(session, removed_carers.folders_to_search(session, folder))
    if not found:
        print(shown(f"No backup in {folder} or beside the record opens with {whose} any more."))
    elif choice == "keep":
        print(shown(f"These backups still open with {whose} (they were made while the carer was one):"))
        for backup in found:
            print(f"  {shown(backup.path)}")
        print(f"To take the key out of them: phr keys {shown(session.folder)} clean-backups --backup-dir "
              f"{shown(folder)} (or delete them).")
    else:
        cleaned = (removed_carers.take_keys_out(found) if choice == "remove-key" else removed_carers.delete(found))
        for path in cleaned.changed:
            print(f"Key taken out: {shown(path)}")
        for path in cleaned.deleted:
            print(f"Deleted: {shown(path)}")
        if cleaned.failed:
            print(ELSEWHERE)
            raise CliError(f"{len(cleaned.failed)} backups could not be changed (damaged, read-only or gone) and "
                           f"still open with {whose}: " + ", ".join(str(p) for p in cleaned.failed))
    print(ELSEWHERE)
