"""A card: a framed part of a page with its icon, a heading, a few lines, and a button to the page that holds it
all (the overview is made of them).

The lines are rich text whose links (to one entry) Tab reaches one by one; the button is reached after them.
Colours are the palette's own: the card is drawn on the base colour with the theme's frame.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon, QPalette, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from phr.ui.text.formatting import fill
from phr.ui.widgets.icons import Action, IconLabel, give_icon
from phr.ui.widgets.type_scale import HEADING, set_type

translate = QCoreApplication.translate


class Card(QFrame):
    def __init__(self, icon: QIcon, page: str, page_name: str, open_link: Callable[[str], None],
                 go_to: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.icon = IconLabel(icon, HEADING)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        set_type(self.title, HEADING, bold=True)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.linkActivated.connect(open_link)
        self.button = QPushButton(fill(translate("Overview", "Go to %1"), page_name))
        give_icon(self.button, Action.GO_TO)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(lambda _checked=False: go_to(self.page))
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(3, 3, 3, 3)  # room for the focus ring around the button
        bottom.addWidget(self.button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def show_content(self, title: str, html: str) -> None:
        """The heading and the lines as they are now. Only lines with links are a Tab stop (their links are)."""
        self.title.setText(title)
        self.setAccessibleName(title)
        self.body.setText(html)
        links = "<a " in html
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction if links
                                          else Qt.TextInteractionFlag.NoTextInteraction)
        self.body.setFocusPolicy(Qt.FocusPolicy.StrongFocus if links else Qt.FocusPolicy.NoFocus)

    def plain_text(self) -> str:
        """The heading and the lines as a reader sees them."""
        document = QTextDocument()
        document.setHtml(self.body.text())
        return self.title.text() + "\n" + document.toPlainText()

    def clear(self) -> None:
        self.body.clear()
