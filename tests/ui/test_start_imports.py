"""The start window is shown before the heavy packages and the main window's code load (issue 20, point 2), and
the main window of an open record before the charts, the exports and the FHIR code: they load when a page with a
chart is shown, a PDF made or a file imported. Each check starts a fresh Python, as a person starts Regie, and looks
at what it has imported when the window has painted once (bench/start.py times it)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import PASSPHRASE

HEAVY = ("numpy", "pyqtgraph", "reportlab", "pypdf", "fhir")
# What the main window of an open record does without (numpy comes with the storage the record needs).
NOT_FOR_THE_OVERVIEW = ("pyqtgraph", "reportlab", "pypdf", "fhir", "phr.ui.charts", "phr.ui.monitoring",
                        "phr.ui.export", "phr.export", "phr.formats", "phr.ui.imports", "phr.ui.history")
# The main window's stack and the record's code: none of it is needed to show the records and ask a passphrase.
MAIN_WINDOW = ("phr.ui.app.main_window", "phr.ui.pages", "phr.ui.monitoring", "phr.ui.charts", "phr.ui.export",
               "phr.export", "phr.formats", "phr.access.session", "phr.record.services")

START = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(["regie"])

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):  # its first widget painted
                window = type(watched.window()).__name__
                if window not in seen:
                    seen.add(window)
                    QTimer.singleShot(0, lambda: report(window))
            return False

    def report(window):
        print(json.dumps({"window": window, "modules": sorted(sys.modules)}), flush=True)
        if window == "MainWindow" or len(sys.argv) < 3:
            os._exit(0)
        from phr.access import records  # then open the record as the unlock panel does

        start = next(widget for widget in app.topLevelWidgets() if type(widget).__name__ == "StartWindow")
        start.record_opened.emit(records.unlock_with_passphrase(Path(sys.argv[2]), sys.argv[3]))

    seen = set()
    watch = FirstPaint()
    app.installEventFilter(watch)
    from phr.ui.app.launch import run_app

    run_app(["regie"], settings_path=Path(sys.argv[1]))
""")


def loaded_when_painted(tmp_path: Path, *record: str) -> list[tuple[str, list[str]]]:
    """(the window, the modules loaded) when the start window has painted, and then, with `record` (its folder and
    passphrase), when that record's main window has."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", START, str(tmp_path / "settings.ini"), *record], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return [(seen["window"], seen["modules"]) for seen in map(json.loads, done.stdout.splitlines())]


def among(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return sorted({package for module in modules for package in packages
                   if module == package or module.startswith(package + ".")})


def test_the_start_window_paints_before_any_heavy_package_or_the_main_window_loads(tmp_path):
    [(window, modules)] = loaded_when_painted(tmp_path)
    assert window == "StartWindow"
    assert among(modules, HEAVY) == []
    assert among(modules, MAIN_WINDOW) == []
    assert "PySide6.QtWidgets" in modules and "phr.ui.start.start_window" in modules  # the check sees imports


def test_the_main_window_paints_before_the_charts_exports_and_imports_load(tmp_path, new_record):
    folder, _code = new_record
    (start, _), (window, modules) = loaded_when_painted(tmp_path, str(folder), PASSPHRASE)
    assert (start, window) == ("StartWindow", "MainWindow")
    assert among(modules, NOT_FOR_THE_OVERVIEW) == []
    assert "phr.ui.pages.overview_page" in modules and "phr.ui.pages.timeline_page" not in modules
