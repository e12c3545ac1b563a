"""What an empty page shows instead of a blank table and greyed buttons: one sentence saying what belongs
there, and the one button that starts it.

The sentence is also the button's accessible description, so a screen reader that lands on the button
hears why it is there.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from phr.ui.widgets.type_scale import HEADING, set_type

RING_ROOM = 3  # pixels around the button for the focus ring (phr.ui.app.desktop.focus_ring draws 2 outside it)


class EmptyState(QWidget):
    def __init__(self, sentence: str, button_text: str, start: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sentence = QLabel(sentence)
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        set_type(self.sentence, HEADING)  # the type scale's step: it follows a later text-size change
        self.button = QPushButton(button_text)
        self.button.setAutoDefault(True)  # Enter on the focused button starts it, as Space does
        self.button.setMinimumHeight(self.button.sizeHint().height() + 12)  # the page's one thing to do
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.button.setAccessibleDescription(sentence)
        self.button.clicked.connect(lambda _checked=False: start())
        row = QHBoxLayout()
        row.setContentsMargins(RING_ROOM, RING_ROOM, RING_ROOM, RING_ROOM)  # the focus ring is drawn around it
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 24, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.sentence)
        layout.addLayout(row)
        layout.addStretch(1)
