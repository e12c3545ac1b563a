"""What the record says about a whole list (none known, not filled in yet), with the button to say there are none.

Shared by the pages whose lists have such a statement (medicines, diagnoses): a statement is a fact of the
record, not of one entry, so it stands above the list.
"""

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class StatementBar(QWidget):
    def __init__(self, button_text: str, tooltip: str, state_none_known: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(button_text)
        self.button.setToolTip(tooltip)
        self.button.clicked.connect(state_none_known)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)

    def say(self, text: str, can_state: bool) -> None:
        """Show `text` ('' hides the bar: the list speaks for itself); the button only while one can still state it."""
        self.label.setText(text)
        self.setVisible(bool(text))
        self.button.setVisible(can_state)
