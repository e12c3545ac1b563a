"""After a carer's removal: the backups on this computer that their passphrase still opens, and what to do.

Every backup made while they were a carer holds their key: the one made just before the key change and
the automatic ones before it. The person chooses: take the carer's key out of these backups (the backup
keeps opening with the owner's passphrase and the recovery code; nothing in it is decrypted for this),
delete them, or keep them. The dialog says plainly what no choice reaches: copies elsewhere, and what the
carer copied while they were one. The work (reading and rewriting whole files) runs on a worker thread.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.access.session import RecordSession
from phr.backup import removed_carers
from phr.backup.removed_carers import Cleaned, OldBackup
from phr.ui.app.background import BackgroundTask, run_in_background
from phr.ui.security.dialog_size import fit_to_screen
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate
TAKE_OUT, DELETE, KEEP = "take_out", "delete", "keep"


class OldBackupsDialog(QDialog):
    """The backups found, the three choices, and what stays out of reach."""

    def __init__(self, name: str, found: list[OldBackup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = KEEP  # closing the window keeps them: nothing is changed without a choice
        self.setWindowTitle(translate("OldBackups", "Old backups"))
        found_text = fill(_counted(len(found), translate(
            "OldBackups", "One backup on this computer still opens with %1's passphrase. It was made while %1 was "
                          "a carer."), translate(
            "OldBackups", "%n backups on this computer still open with %1's passphrase. They were made while %1 "
                          "was a carer.", "", len(found))), name)
        self.files = QListWidget()
        self.files.setAccessibleName(translate("OldBackups", "Backups that still open with the carer's passphrase"))
        self.files.addItems([str(backup.path) for backup in found])
        rows = min(len(found), 6) + 1  # a few lines, then it scrolls; one more for a horizontal scroll bar
        self.files.setMaximumHeight(rows * self.files.fontMetrics().lineSpacing() + 2 * self.files.frameWidth() + 8)
        explain = fill(translate(
            "OldBackups", "Take the key out: %1's passphrase then no longer opens these backups. You can still "
                          "restore them with your own passphrase or the recovery code. Regie does not open the "
                          "backups for this.\n\nDelete: the backups are removed from this computer."), name)
        limit = fill(translate(
            "OldBackups", "Regie cannot reach copies elsewhere: on a USB stick that is not plugged in, in a synced "
                          "folder such as OneDrive or Dropbox, or a copy you sent to someone. Those still open with "
                          "%1's passphrase: delete them yourself. And what %1 copied while they were a carer, they "
                          "keep."), name)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(found_text))
        layout.addWidget(self.files)
        layout.addWidget(_wrapped(explain))
        layout.addWidget(_wrapped(limit))
        layout.addWidget(self._buttons())
        fit_to_screen(self, QSize(600, 0))

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.take_out = self._choice(box, translate("OldBackups", "&Take their key out"), TAKE_OUT,
                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete = self._choice(box, translate("OldBackups", "&Delete these backups"), DELETE,
                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep = self._choice(box, translate("OldBackups", "&Keep them"), KEEP,
                                 QDialogButtonBox.ButtonRole.RejectRole)
        self.take_out.setDefault(True)
        return box

    def _choice(self, box: QDialogButtonBox, text: str, choice: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = box.addButton(text, role)
        assert button is not None  # addButton with a text always makes one
        button.clicked.connect(lambda: self._chosen(choice))
        return button

    def _chosen(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != KEEP else self.reject()


def offer(parent: QWidget, session: RecordSession, name: str, tasks: list[BackgroundTask],
          finished: Callable[[], None] | None = None) -> bool:
    """Look for the backups a just-removed carer still opens; when there are any, ask and do what is chosen.

    False when there was nothing to ask. `finished()` is called once the chosen work is done.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        found = removed_carers.find(session, removed_carers.folders_to_search(session))
    finally:
        QApplication.restoreOverrideCursor()
    if not found:
        return False
    dialog = OldBackupsDialog(name, found, parent)
    dialog.exec()
    if dialog.choice == KEEP:
        return True
    work = removed_carers.take_keys_out if dialog.choice == TAKE_OUT else removed_carers.delete
    progress = _busy(parent)

    def done(cleaned: Cleaned) -> None:
        progress.close()
        _say(parent, name, cleaned)
        if finished is not None:
            finished()

    def failed(error: Exception) -> None:
        progress.close()
        QMessageBox.warning(parent, translate("OldBackups", "Old backups"), error_message(error))

    run_in_background(lambda: work(found), done, failed, tasks)
    return True


def _say(parent: QWidget, name: str, cleaned: Cleaned) -> None:
    title, lines = translate("OldBackups", "Old backups"), []
    changed, deleted, failed = len(cleaned.changed), len(cleaned.deleted), len(cleaned.failed)
    if changed:
        lines.append(fill(_counted(changed, translate("OldBackups", "%1's key was taken out of one backup."),
                                   translate("OldBackups", "%1's key was taken out of %n backups.", "", changed)), name))
    if deleted:
        lines.append(_counted(deleted, translate("OldBackups", "One backup was deleted."),
                              translate("OldBackups", "%n backups were deleted.", "", deleted)))
    if not cleaned.failed:
        QMessageBox.information(parent, title, "\n\n".join(lines))
        return
    lines.append(fill(_counted(failed, translate(
        "OldBackups", "Regie could not change one backup. It may be damaged, or its folder may be read-only, and it "
                      "still opens with %1's passphrase. Delete it yourself if you do not need it:"), translate(
        "OldBackups", "Regie could not change %n backups. They may be damaged, or their folder may be read-only, and "
                      "they still open with %1's passphrase. Delete them yourself if you do not need them:", "",
        failed)), name) + "\n" + "\n".join(str(path) for path in cleaned.failed))
    QMessageBox.warning(parent, title, "\n\n".join(lines))


def _counted(count: int, one: str, many: str) -> str:
    """English has no plural form in the app's catalogue (it is the source): the text for one, or for more."""
    return one if count == 1 else many


def _busy(parent: QWidget) -> QProgressDialog:
    progress = QProgressDialog(translate("OldBackups", "Changing the old backups; please wait."), "", 0, 0, parent)
    progress.setWindowTitle(translate("OldBackups", "Old backups"))
    progress.setCancelButton(None)  # a file half-way is finished first; each is replaced in one step
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.show()
    return progress


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

