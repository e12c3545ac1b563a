"""`phr screenshots OUTDIR`: every main page of the sample record, rendered offscreen to PNG.

Every look can be checked without a screen: a theme (Fusion with a light, dark or high-contrast palette,
phr.ui.widgets.theme), a screen size (the offscreen screen gets that size, so windows and dialogs that size
themselves to the available screen do so here too) and a text size. Text size scales the application font,
as the app's own text-size setting does: the window keeps its pixels and the words grow, which is what has
to fit. (QT_SCALE_FACTOR would scale the whole window with the text, so every layout would fit as at 100 %.)
"""

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # the Qt modules are imported once the offscreen platform is set
    from PySide6.QtWidgets import QApplication, QWidget

    from phr.ui.app.main_window import MainWindow
    from phr.ui.monitoring.page import MonitoringPage

WINDOW_SIZE = (1280, 800)
START_WINDOW_SIZE = (900, 520)
THEMES = ("light", "dark", "high-contrast")  # as phr.ui.widgets.theme.THEMES (not imported: Qt comes later)


def render(outdir: Path, language: str, theme: str = "light", size: tuple[int, int] = WINDOW_SIZE,
           scale: float = 1.0) -> list[Path]:
    """Render the start window and every page; returns the files written."""
    # The sample record is invented and encrypted; it lives only while the pictures are made.
    workspace = Path(tempfile.mkdtemp(prefix="regie-screenshots-"))
    try:
        _offscreen_screen(workspace, size)
        from phr.ui.app.qt_refcount_guard import protect_singletons

        protect_singletons()
        from PySide6.QtWidgets import QApplication

        # instance() is typed as the QCoreApplication it may be; here it is always a QApplication.
        app = cast(QApplication, QApplication.instance() or QApplication([]))
        from phr.ui.app.i18n import install_translators

        translators = install_translators(app, language)  # noqa: F841 (kept alive while rendering)
        outdir.mkdir(parents=True, exist_ok=True)
        with _look(app, theme, scale):
            return _render_all(app, outdir, workspace, size)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def _offscreen_screen(workspace: Path, size: tuple[int, int]) -> None:
    """Never put windows on a real screen for this; the offscreen one gets the size asked for (it can only be
    set before the application starts: in a running app, as in the tests, its screen stays as it is)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen" or _application_running():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return
    config = workspace / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screenshots", "x": 0, "y": 0, "width": size[0],
                                               "height": size[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _application_running() -> bool:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() is not None


@contextmanager
def _look(app: "QApplication", theme: str, scale: float) -> Iterator[None]:
    """The theme and text size while rendering; the application's own are back afterwards."""
    from phr.ui.widgets.theme import apply_theme

    style, palette, font = app.style().name(), app.palette(), app.font()
    apply_theme(app, theme)
    scaled = app.font()
    scaled.setPointSizeF(scaled.pointSizeF() * scale)
    app.setFont(scaled)
    try:
        yield
    finally:
        app.setStyle(style)
        app.setPalette(palette)
        app.setFont(font)


def _render_all(app: "QApplication", outdir: Path, workspace: Path, size: tuple[int, int]) -> list[Path]:
    from phr.demo import sample_record as demo
    from phr.record.services import RecordServices
    from phr.storage.keys import kdf
    from phr.ui.app.main_window import MainWindow

    written = [_start_window(app, outdir, workspace, size)]
    session = demo.create_sample_record(workspace / "sample.regie", argon2=kdf.MINIMUM)
    window = MainWindow(RecordServices(session))
    try:
        window.resize(*size)
        window.show()
        for number, key in enumerate(window.page_keys, start=1):
            window.show_page(key)
            written.append(_grab(app, window, outdir / f"{number:02d}-{key}.png"))
        window.search_box.setText("hydrocortison")
        window.search()
        written.append(_grab(app, window, outdir / f"{len(window.page_keys) + 1:02d}-search.png"))
        written += _history(app, window, outdir)
        written += _monitoring(app, window, outdir)
        written += _export(app, window, outdir)
        written += _safety(app, window, workspace, outdir)
    finally:
        window.close_for_lock()
        session.lock()
    return written


def _history(app: "QApplication", window: "MainWindow", outdir: Path) -> list[Path]:
    """The forms of a vaccination and of an operation: the first in the list, or a new one."""
    from phr.ui.app.navigation import Page
    from phr.ui.pages.section_page import SectionPage

    written = []
    for key in (Page.VACCINATIONS, Page.PROCEDURES):
        page = window.page(key)
        assert isinstance(page, SectionPage)
        dialog = page.editor(page.selected() or page.blank())
        dialog.show()
        written.append(_grab(app, dialog, outdir / f"h-{key}-form.png"))
        dialog.close()
        dialog.deleteLater()
    return written


# Measurements: each measure and tab worth a look (key, tab: 0 chart, 1 readings, 2 statistics, 3 day profile
# (glucose only), 4 targets).
MONITORING_SHOTS = (("glucose", 0), ("glucose", 1), ("glucose", 2), ("glucose", 3), ("glucose", 4), ("bp", 0),
                    ("bp", 2), ("bp", 4), ("weight", 0), ("peak_flow", 0), ("vermoeidheid", 0))


def _monitoring_page(window: "MainWindow") -> "MonitoringPage":
    from phr.ui.app.navigation import Page
    from phr.ui.monitoring.page import MonitoringPage

    page = window.page(Page.MONITORING)
    assert isinstance(page, MonitoringPage)
    return page


def _monitoring(app: "QApplication", window: "MainWindow", outdir: Path) -> list[Path]:
    from phr.ui.monitoring.measures import DIARY
    from phr.ui.monitoring.quick_entry import QuickEntryDialog

    window.search_box.clear()
    window.show_page("monitoring")
    page, written = _monitoring_page(window), []
    for key, tab in MONITORING_SHOTS:
        page.select_measure(key)
        page.tabs.setCurrentIndex(tab)
        written.append(_grab(app, window, outdir / f"m-{key}-{tab}.png"))
    page.measures.select(DIARY)
    written.append(_grab(app, window, outdir / "m-diary.png"))
    page.select_measure("bp")
    dialog = QuickEntryDialog(window.open_services(), page.language, window, "bp")
    dialog.show()
    written.append(_grab(app, dialog, outdir / "m-quick-entry.png"))
    dialog.close()
    return written


def _export(app: "QApplication", window: "MainWindow", outdir: Path) -> list[Path]:
    """The export dialog: the overview as it opens, the visit brief with a password chosen, and its preview."""
    from phr.export.pdf import documents as export_pdf
    from phr.ui.export.dialog import ExportDialog
    from phr.ui.export.preview import ExportPreview

    dialog = ExportDialog(window.open_services(), _monitoring_page(window).language, window)
    dialog.show()
    written = [_grab(app, dialog, outdir / "x-export-overview.png")]
    dialog.format.setCurrentIndex(dialog.format.findData("visit"))
    dialog.password.enabled.setChecked(True)
    written.append(_grab(app, dialog, outdir / "x-export-visit-password.png"))
    # Made here and now rather than on the dialog's pool thread: a picture needs no Cancel.
    preview = ExportPreview("", export_pdf.build_pdf(window.open_services(), dialog.options()), dialog.note.text(),
                            dialog)
    preview.show()
    _settle(preview, 1500)  # the pages are rendered on a thread of their own
    written.append(_grab(app, preview, outdir / "x-export-preview.png"))
    preview.close()
    dialog.close()
    return written


def _safety(app: "QApplication", window: "MainWindow", workspace: Path, outdir: Path) -> list[Path]:
    """Settings, carers, passphrase, backup and recovery: the dialogs that keep the record safe."""
    from phr.access import carers
    from phr.storage.keys import kdf
    from phr.ui.app.record_actions import record_session
    from phr.ui.app.settings import AppSettings
    from phr.ui.app.settings_dialog import SettingsDialog
    from phr.ui.backup.backup_dialog import BackupDialog
    from phr.ui.backup.restore_dialog import RestoreDialog
    from phr.ui.security.carers_dialog import AddCarerDialog, CarersDialog
    from phr.ui.security.passphrase_dialog import PassphraseDialog
    from phr.ui.security.recovery_dialog import RecoveryDialog

    session = record_session(window.open_services())
    carers.add_carer(session, "Pieter de Vries", "pieter fietst elke zaterdag naar de markt", kdf.MINIMUM)
    settings = AppSettings(workspace / "settings.ini")
    language = _monitoring_page(window).language
    add = AddCarerDialog(session, window, kdf.MINIMUM)
    add.name.setText("Anna de Vries")
    add.first.setText("anna123")
    add.second.setText("anna")
    dialogs: tuple[tuple[str, QWidget], ...] = (
        ("s-settings", SettingsDialog(settings, window.open_services(), language, kdf.MINIMUM, window)),
        ("s-carers", CarersDialog(session, window, kdf.MINIMUM)),
        ("s-add-carer", add),
        ("s-passphrase", PassphraseDialog(session, kdf.MINIMUM, parent=window)),
        ("s-backup", BackupDialog(session, window, workspace / "backups")),
        # The name the dialog proposes, in the pictures' language, in the workspace (not the real Documents folder).
        ("s-restore", RestoreDialog(window, workspace / (app.translate("RestoreDialog", "restored record") + ".regie"))),
        ("s-recovery", RecoveryDialog(session.folder, parent=window)))
    written = []
    for name, dialog in dialogs:
        dialog.show()
        written.append(_grab(app, dialog, outdir / f"{name}.png"))
        dialog.close()
    return written


def _start_window(app: "QApplication", outdir: Path, workspace: Path, size: tuple[int, int]) -> Path:
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.start.start_window import StartWindow

    window = StartWindow(AppSettings(workspace / "settings.ini"), RecordActions())
    window.resize(min(START_WINDOW_SIZE[0], size[0]), min(START_WINDOW_SIZE[1], size[1]))
    window.show()
    try:
        return _grab(app, window, outdir / "00-start.png")
    finally:
        window.close()


def _settle(widget: "QWidget", milliseconds: int) -> None:
    from PySide6.QtTest import QTest

    QTest.qWaitForWindowExposed(widget)
    QTest.qWait(milliseconds)


def _grab(app: "QApplication", widget: "QWidget", path: Path) -> Path:
    for _ in range(3):
        app.processEvents()
    widget.grab().save(str(path))
    return path
