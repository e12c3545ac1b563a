"""PySide6 6.12 on Python < 3.12 drops a reference to None on every Qt call that returns nothing.

Without the guard a long session aborts ("deallocating None"); with it, it runs on.
"""

import subprocess
import sys

import pytest

SCRIPT = """
import sys
{guard}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(20000):
    label.setText("x")
print("survived")
"""
GUARD = "from phr.ui.app.qt_refcount_guard import protect_singletons; protect_singletons()"


def run(guard: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(guard=guard)], capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on: no bug to show")
def test_without_the_guard_a_long_session_aborts():
    result = run("")
    assert result.returncode != 0 and "survived" not in result.stdout


def test_with_the_guard_it_runs_on():
    result = run(GUARD)
    assert result.returncode == 0 and "survived" in result.stdout
