"""Runs the automatic backup after an unlock, off the GUI thread, and says in words when it failed.

The controller calls `AutoBackupRunner(settings).start(session, notify)` after every unlock.
When a backup is due (phr.backup.auto_backup) it is made on a pool thread over a connection of its
own, so the person can work meanwhile. A failure is never a dialog: `notify(text)` gets one
sentence for a status line or banner, and the next unlock tries again. Locking calls `stop()`: the backup
ends at its next step (nothing of it is kept) and closes its connection, so a locked record
is closed everywhere; the next unlock makes the backup.

Before a rekey the controller asks `backup_job(session, reason)` on the GUI thread for the job
the rekey's worker runs first: one backup into the same folder, or the sentence saying why
there is none (`failure_text`), and then the rekey is not done.
"""

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from phr.access.session import RecordSession
from phr.backup import auto_backup
from phr.backup.auto_backup import AutoBackupResult, BackupNotMade
from phr.ui.app.background import BackgroundTask, run_in_background
from phr.ui.app.settings import AppSettings
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate
BackupJob = Callable[[], str | None]  # on a worker thread: None, or the sentence saying why there is no backup
Notify = Callable[[str], None]


def problem_text(problem: str, folder: Path) -> str:
    """One plain sentence about an automatic backup that could not be made."""
    if problem == auto_backup.FOLDER_MISSING:
        text = translate("AutoBackup", "The automatic backup was not made: the folder %1 is not there. Is the "
                                       "USB stick plugged in? Regie tries again the next time you unlock.")
    elif problem == auto_backup.DISK_FULL:
        text = translate("AutoBackup", "The automatic backup was not made: the disk with the folder %1 is full. "
                                       "Regie tries again the next time you unlock.")
    elif problem == auto_backup.UNAVAILABLE:
        text = translate("AutoBackup", "The automatic backup was not made: Regie may not write in the folder %1. "
                                       "Choose another backup folder in the settings.")
    else:
        text = translate("AutoBackup", "The automatic backup was not made in the folder %1. Regie tries again "
                                       "the next time you unlock.")
    return fill(text, folder)


def failure_text(error: BackupNotMade, folder: Path) -> str:
    """Why a rekey (or migration) was not done: its backup could not be written first."""
    problem = error.problem
    if problem == auto_backup.FOLDER_MISSING:
        text = translate("AutoBackup", "Nothing was changed: Regie first makes a backup, and the backup folder %1 "
                                       "is not there. Plug in the USB stick, or choose another backup folder in the "
                                       "settings, and try again.")
    elif problem == auto_backup.DISK_FULL:
        text = translate("AutoBackup", "Nothing was changed: Regie first makes a backup, and the disk with the "
                                       "folder %1 is full. Make room, or choose another backup folder, and try again.")
    else:
        text = translate("AutoBackup", "Nothing was changed: Regie first makes a backup, and it could not write in "
                                       "the folder %1. Choose another backup folder in the settings and try again.")
    return fill(text, folder)


class AutoBackupRunner(QObject):
    made = Signal(object)     # the Path of a backup just made
    failed = Signal(str)      # the sentence also given to notify

    def __init__(self, settings: AppSettings, clock: Callable[[], datetime] = auto_backup.utc_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings, self._clock = settings, clock
        self._tasks: list[BackgroundTask] = []
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = threading.Event()

    @property
    def is_running(self) -> bool:
        return not self._idle.is_set()

    def start(self, session: RecordSession, notify: Notify | None = None) -> bool:
        """After an unlock: start the automatic backup if it is switched on. True when work was started."""
        if not self._settings.auto_backup_enabled() or self.is_running:
            return False
        folder, keep, clock = self._settings.backup_folder(), self._settings.backups_kept(), self._clock
        self._idle.clear()
        self._stopping.clear()

        def job() -> AutoBackupResult:
            try:
                if self._stopping.is_set():  # locked before the pool got to it
                    return auto_backup.AutoBackupResult()
                return auto_backup.run_if_due(session, folder, keep, clock, stop=self._stopping.is_set)
            finally:
                self._idle.set()

        def done(result: AutoBackupResult) -> None:
            if result.made is not None:
                self.made.emit(result.made)
            elif result.problem is not None:
                self._say(problem_text(result.problem, folder), notify)

        def broke(_error: Exception) -> None:
            if session.is_open:  # locked meanwhile: nothing to say, the next unlock tries again
                self._say(problem_text(auto_backup.FAILED, folder), notify)

        run_in_background(job, done, broke, self._tasks)
        return True

    def stop(self, timeout: float = 10.0) -> bool:
        """Before locking: end a running backup at its next step and wait until its connection is closed."""
        self._stopping.set()
        return self._idle.wait(timeout)

    def wait(self, timeout: float = 60.0) -> bool:
        """Until a running automatic backup is done (a rekey needs the record to itself)."""
        return self._idle.wait(timeout)

    def backup_job(self, session: RecordSession, reason: str) -> BackupJob:
        """The backup before a rekey, for the rekey's worker thread: the settings are read here, on
        the GUI thread; the job returns None, or the sentence saying why no backup was made."""
        folder, keep, clock = self._settings.backup_folder(), self._settings.backups_kept(), self._clock

        def job() -> str | None:
            self.wait()
            try:
                auto_backup.backup_before(session, reason, folder, keep, clock, own_connection=True)
            except BackupNotMade as error:
                return failure_text(error, folder)
            return None

        return job

    def _say(self, text: str, notify: Notify | None) -> None:
        if notify is not None:
            notify(text)
        self.failed.emit(text)
