"""What the application gets once, before its first window: its style (the desktop's, with edges that read in
every theme and sizes that follow the text), the icon of every window, the focus ring, and the text size the user
chose."""

from PySide6.QtWidgets import QApplication

from phr.ui.app.desktop.focus_ring import install_focus_rings
from phr.ui.app.desktop.icon import app_icon
from phr.ui.app.desktop.text_size import apply_text_size
from phr.ui.widgets.theme import install_style


def prepare_application(app: QApplication, text_size: int) -> None:
    install_style(app)  # first: the focus ring and the sizes are drawn by it
    app.setWindowIcon(app_icon())  # every window and dialog without an icon of its own shows this one
    install_focus_rings(app)
    apply_text_size(app, text_size)
