"""Start the desktop app.

Only what the start window needs is imported here: the record's code, the main window and its pages load when a
record is first opened (controller), so the start window shows about as soon as a bare Qt window (issue 20;
tests/ui/test_start_imports.py, bench/start.py).
"""

from pathlib import Path
from typing import cast

import platformdirs
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from phr.ui.app.background import wait_for_background_work
from phr.ui.app.controller import AppController
from phr.ui.app.desktop.prepare import prepare_application
from phr.ui.app.i18n import install_translators, resolve_language
from phr.ui.app.qt_refcount_guard import protect_singletons
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings


def default_settings_path() -> Path:
    return platformdirs.user_config_path("Regie", appauthor=False) / "settings.ini"


def run_app(argv: list[str], settings_path: Path | None = None, actions: RecordActions | None = None,
            backup_file: Path | None = None) -> int:
    """`argv`: Qt's (the program's name; never a file, which Qt could take for one of its options).
    `backup_file`: `phr FILE.regiebackup`: the start window opens the restore of that file."""
    protect_singletons()  # before any Qt call: PySide6 6.12 on Python 3.11 (see qt_refcount_guard)
    # instance() is typed as the QCoreApplication it may be; in this app it is always the QApplication.
    app = cast(QApplication, QApplication.instance() or QApplication(argv))
    app.setApplicationName("Regie")
    app.setApplicationDisplayName("Regie")  # the desktop adds it to every window's title
    app.setDesktopFileName("regie")
    settings = AppSettings(settings_path or default_settings_path())
    prepare_application(app, settings.text_size())
    translators = install_translators(app, resolve_language(settings.language()))  # noqa: F841 (kept alive)
    controller = AppController(settings, actions or RecordActions())
    controller.show()
    if backup_file is not None:  # the restore dialog runs its own loop: start it from inside the app's
        from phr.ui.backup.opened_backup import open_backup_file

        start = controller.start_window
        QTimer.singleShot(0, lambda: open_backup_file(start, backup_file, start.restore_backup))
    code = app.exec()
    controller.lock()
    wait_for_background_work()  # an unlock still running locks its record again (see BackgroundTask)
    return code
