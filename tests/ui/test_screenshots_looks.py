"""`phr screenshots --theme --size --scale`: every look can be checked without a screen."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from phr.ui.widgets.theme import luminance


def screenshots(*args):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the command chooses the platform
    return subprocess.run([sys.executable, "-m", "phr", "screenshots", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_dark_small_screen_with_large_text(tmp_path, qapp):
    result = screenshots(tmp_path, "--lang", "en", "--theme", "dark", "--size", "1024x768", "--scale", "2")
    assert result.returncode == 0, result.stderr
    start = QImage(str(tmp_path / "00-start.png"))
    assert luminance(start.pixelColor(2, start.height() - 2)) < 0.05, "the window is dark"
    chart = QImage(str(tmp_path / "m-glucose-0.png"))
    assert chart.width() >= 1024 and chart.height() >= 768, "the main window takes (at least) the size asked for"
    # The preview of an export opens within a 768-pixel screen, so its Save and Close can be reached.
    preview = QImage(str(tmp_path / "x-export-preview.png"))
    assert 0 < preview.height() <= 768 and preview.width() <= 1024
    # Text at 200 %: the same dialog is wider than at 100 % (the words take twice the room).
    normal = tmp_path / "normal"
    assert screenshots(normal, "--lang", "en", "--theme", "dark", "--size", "1024x768").returncode == 0
    assert QImage(str(normal / "x-export-overview.png")).height() < QImage(str(tmp_path / "x-export-overview.png")).height()


def test_a_size_or_scale_it_cannot_read_is_a_usage_error(tmp_path):
    for option, value in (("--size", "big"), ("--size", "1024x"), ("--scale", "ten"), ("--scale", "0"),
                          ("--theme", "purple")):
        result = screenshots(tmp_path, option, value)
        assert result.returncode == 2 and option in result.stderr, (option, value)
    assert not any(tmp_path.iterdir()), "nothing is rendered"
