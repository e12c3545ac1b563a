"""The application icon: one drawing (resources/icons/regie.svg), PNGs of every size rendered from it and
shipped with the package, shown by every window."""

import importlib.util
import tomllib

import pytest
from locations import ROOT
from PySide6.QtGui import QImage

from phr.ui.app.desktop.icon import ICON_FOLDER, SIZES, app_icon, icon_file


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "tools" / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_size_is_there_at_its_size(qapp):
    assert SIZES == (16, 24, 32, 48, 64, 128, 256, 512)
    for size in SIZES:
        image = QImage(str(icon_file(size)))
        assert (image.width(), image.height()) == (size, size), size
        assert image.hasAlphaChannel()  # the rounded corners are see-through on any desktop


def test_the_pngs_are_the_drawing_as_it_is_now(qapp, tool):
    """Change the SVG, run tools/render_icons.py, commit the PNGs: a PNG left behind fails here."""
    assert tool.SIZES == SIZES and tool.PNG_FOLDER == ICON_FOLDER
    for size in SIZES:
        fresh, kept = tool.render(size), QImage(str(icon_file(size))).convertToFormat(QImage.Format.Format_ARGB32)
        differing = sum(fresh.pixel(x, y) != kept.pixel(x, y) for x in range(size) for y in range(0, size, 3))
        assert differing <= size * size // 300, (size, differing)  # antialiasing may differ by a Qt version


def test_the_icon_reads_at_16_pixels(qapp):
    """A calm teal tile with a white heart: the middle is white, the corners are clear, the edge is teal."""
    image = QImage(str(icon_file(16)))
    middle, corner, edge = image.pixelColor(8, 6), image.pixelColor(0, 0), image.pixelColor(1, 8)
    assert middle.lightness() > 200
    assert corner.alpha() < 80
    assert edge.alpha() > 200 and edge.green() > edge.red() and edge.lightness() < 100


def test_the_package_ships_the_icons_and_the_licence_texts():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["phr.ui"]
    ui = ROOT / "phr" / "ui"
    shipped = {path for pattern in patterns for path in ui.glob(pattern)}
    assert {icon_file(size) for size in SIZES} <= shipped
    assert {ui / "app" / "licences" / "LGPL-3.0.txt", ui / "app" / "licences" / "GPL-3.0.txt"} <= shipped


def test_every_window_shows_it(qtbot, qapp, tmp_path):
    from PySide6.QtWidgets import QStyleFactory

    from phr.ui.app.desktop.prepare import prepare_application
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.start.start_window import StartWindow
    from phr.ui.widgets.regie_style import RegieStyle

    style_before = qapp.style().name()
    prepare_application(qapp, 100)
    try:
        assert isinstance(qapp.style(), RegieStyle)  # the style that draws edges of 3:1 in every theme
        window = StartWindow(AppSettings(tmp_path / "settings.ini"), RecordActions())
        qtbot.addWidget(window)
        assert window.windowIcon().cacheKey() == qapp.windowIcon().cacheKey()
    finally:
        qapp.setStyle(QStyleFactory.create(style_before))  # the other tests on this worker keep Qt's own
    assert sorted(size.width() for size in app_icon().availableSizes()) == list(SIZES)
