"""Render the application icon's PNG sizes from its drawing: `python tools/render_icons.py`.

resources/icons/regie.svg is the one drawing; the PNGs next to the app's code (phr/ui/app/icons/) are
what the windows and, later, the installers use, so an installed app needs no SVG renderer. Run this after
changing the drawing and commit the PNGs; tests/ui/test_app_icon.py checks they still match it.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "regie.svg"
PNG_FOLDER = ROOT / "phr" / "ui" / "app" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, folder: Path = PNG_FOLDER) -> Path:
    return folder / f"regie-{size}.png"


def render(size: int, svg: Path = SVG):  # -> QImage (Qt is imported late: the platform is chosen first)
    """The drawing at size × size pixels, on a transparent background, antialiased."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a drawing Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts and plugins)
    PNG_FOLDER.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        if not render(size).save(str(png_path(size)), "PNG"):
            print(f"could not write {png_path(size)}", file=sys.stderr)
            return 1
        print(png_path(size).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
