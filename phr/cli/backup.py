"""`phr backup DIR OUT` and `phr restore BACKUP DIR`.

A backup file is as safe as the record: it holds the encrypted database and the key
file, so it opens only with the record's passphrase, a carer's passphrase or the
recovery code. A restore is checked (unlocked, every page, the counts) before it
replaces anything, and replaces an existing record only when asked to (--replace),
after backing that record up beside it.
"""

import sys
from pathlib import Path

from phr.cli.common import ExitCode, environment, prompt, regular_file, shown, unlock


def add_backup_commands(commands) -> None:
    backup = commands.add_parser("backup", help="write an encrypted backup of the record to one file")
    backup.add_argument("dir", help="the record folder")
    backup.add_argument("out", help="the backup file to write (e.g. on a USB stick)")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="put a backup back as a record, after checking it")
    restore.add_argument("backup", help="the backup file")
    restore.add_argument("dir", help="where the record goes: a new folder, or an existing record with --replace")
    restore.add_argument("--replace", action="store_true",
                         help="replace the record in DIR (it is backed up beside it first)")
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(args) -> int:
    from phr.backup import backups
    session = unlock(args.dir)
    try:
        made = backups.make_backup(session, Path(args.out))
    finally:
        session.lock()
    print(shown(f"Backup written to {made.path}"))
    print("It opens only with this record's passphrase, a carer's passphrase or the recovery code.")
    return ExitCode.OK


def _secret() -> tuple[str, str]:
    if (passphrase := environment("PHR_PASSPHRASE")) is not None:
        return "passphrase", passphrase
    if (code := environment("PHR_RECOVERY_CODE")) is not None:
        return "recovery_code", code
    return "passphrase", prompt("Passphrase of the backed-up record: ")


def cmd_restore(args) -> int:
    from phr.backup import backups
    regular_file(Path(args.backup))  # a device or a pipe would be read without end
    kind, secret = _secret()
    with backups.prepare_restore(Path(args.backup), Path(args.dir), kind, secret, args.replace) as pending:
        preview = pending.preview
        print(f"The backup of {preview.created_at} is healthy (schema version {preview.schema_version}):")
        for name, count in preview.counts.items():
            print(f"  {name}: {count}")
        if preview.replaces_existing and sys.stdin.isatty() and input("Replace the record? [y/N] ").strip().lower() \
                not in ("y", "yes", "j", "ja"):
            print("Nothing was changed.")
            return ExitCode.OK
        restored = pending.confirm()
    print(shown(f"Restored to {restored.folder}"))
    if restored.previous_record_backup:
        print(shown(f"The record that was there is kept as {restored.previous_record_backup}"))
    return ExitCode.OK
