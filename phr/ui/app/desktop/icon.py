"""Regie's icon for every window: PNGs rendered from resources/icons/regie.svg (tools/render_icons.py)."""

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_FOLDER = Path(__file__).resolve().parent.parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_file(size: int) -> Path:
    return ICON_FOLDER / f"regie-{size}.png"


def app_icon() -> QIcon:
    """Every size as drawn, so the desktop never has to scale a small one up (a blurred taskbar icon)."""
    icon = QIcon()
    for size in SIZES:
        if icon_file(size).is_file():
            icon.addFile(str(icon_file(size)))
    return icon
