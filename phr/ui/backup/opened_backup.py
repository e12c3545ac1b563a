"""Regie started with a backup file (`regie FILE.regiebackup`: a double-click on it in the file manager).

The start window opens the restore of that file, or, when the file is not a backup Regie can read, says
why in a message: who double-clicked has no terminal to read a line on. Deciding costs a look at the
file's first lines (its manifest), never an unlock.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from phr.storage.backups import read_manifest
from phr.storage.errors import BackupDamaged, RecordFromNewerVersion
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate


def backup_file_problem(path: Path) -> str | None:
    """Why `path` cannot be restored, in the app's language; None when it is a Regie backup (also one of a
    newer version: the restore dialog says to update Regie)."""
    if not path.exists():
        return fill(translate("OpenedBackup", "Regie cannot find the file %1. Was it moved or deleted?"), path)
    if path.is_dir():
        return fill(translate("OpenedBackup", "%1 is a folder, not a backup file. To open a record folder, "
                                              "choose Open record folder."), path)
    try:
        read_manifest(path)
    except RecordFromNewerVersion:
        return None
    except BackupDamaged:
        return fill(translate("OpenedBackup", "The file %1 is not a Regie backup, or it is damaged. Nothing was "
                                              "changed."), path)
    except OSError:
        return fill(translate("OpenedBackup", "Regie may not read the file %1. Copy it to a folder of your own "
                                              "and try again."), path)
    return None


def open_backup_file(parent: QWidget, path: Path, restore: Callable[[Path], None]) -> None:
    """The restore of `path` (`restore`: the start window's, with the file filled in), or a message why not."""
    problem = backup_file_problem(path)
    if problem is None:
        restore(path)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, translate("OpenedBackup", "This file cannot be restored"),
                      problem, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(translate("OpenedBackup", "To restore a backup, choose Restore a backup… in the start "
                                                     "window and choose the backup file."))
    box.exec()
    box.deleteLater()
