"""The start window is shown before the heavy packages and the main window's code load (issue 20, point 2): they
load when a record is opened, a PDF made or a chart shown. Each check starts a fresh Python, as a person starts
Regie, and looks at what it has imported when the start window has painted once (bench/start.py times it)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

HEAVY = ("numpy", "pyqtgraph", "reportlab", "pypdf", "fhir")
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
                QTimer.singleShot(0, lambda: report(window))
            return False

    def report(window):
        print(json.dumps({"window": window, "modules": sorted(sys.modules)}), flush=True)
        os._exit(0)

    watch = FirstPaint()
    app.installEventFilter(watch)
    from phr.ui.app.launch import run_app

    run_app(["regie"], settings_path=Path(sys.argv[1]))
""")


def loaded_when_start_window_painted(tmp_path: Path) -> tuple[str, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", START, str(tmp_path / "settings.ini")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    return seen["window"], seen["modules"]


def among(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return sorted({package for module in modules for package in packages
                   if module == package or module.startswith(package + ".")})


def test_the_start_window_paints_before_any_heavy_package_or_the_main_window_loads(tmp_path):
    window, modules = loaded_when_start_window_painted(tmp_path)
    assert window == "StartWindow"
    assert among(modules, HEAVY) == []
    assert among(modules, MAIN_WINDOW) == []
    assert "PySide6.QtWidgets" in modules and "phr.ui.start.start_window" in modules  # the check sees imports
