"""'Getting started': the few parts of a new record that matter most, each ticked once it holds something,
with a button that goes to its page. It goes away when every step is done, or when the person hides it.

Whether it was hidden is remembered per record folder in the settings file of this computer: a path and a
yes, never anything of the record itself (that file is not encrypted).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from phr.ui.text.formatting import escape, fill, heading
from phr.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate
HIDDEN_KEY = "records/getting_started_hidden"


@dataclass(frozen=True)
class Step:
    page: str    # the key of the page that holds this part (phr.ui.app.navigation.Page)
    text: str    # what to fill in, e.g. 'Date of birth and allergies'
    button: str  # e.g. 'Go to About me'
    done: bool


class HiddenLists(Protocol):
    """Which records' lists the person hid."""

    def is_hidden(self, folder: Path) -> bool: ...

    def hide(self, folder: Path) -> None: ...


class HiddenHere:
    """Remembered while Regie runs (until the window knows its settings file)."""

    def __init__(self) -> None:
        self._folders: set[str] = set()

    def is_hidden(self, folder: Path) -> bool:
        return str(Path(folder).absolute()) in self._folders

    def hide(self, folder: Path) -> None:
        self._folders.add(str(Path(folder).absolute()))


class HiddenInSettings:
    """Remembered in the app's settings file: the record folders whose list was hidden."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def _folders(self) -> list[str]:
        value = self._settings.value(HIDDEN_KEY, [])
        if isinstance(value, str):  # QSettings returns a lone item as a plain string
            value = [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def is_hidden(self, folder: Path) -> bool:
        return str(Path(folder).absolute()) in self._folders()

    def hide(self, folder: Path) -> None:
        path = str(Path(folder).absolute())
        if path not in self._folders():
            self._settings.setValue(HIDDEN_KEY, [*self._folders(), path])
            self._settings.sync()


class GettingStarted(QFrame):
    go_to = Signal(str)  # the page key of a step's button
    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("GettingStarted", "Getting started"))
        self.title = QLabel(heading(translate("GettingStarted", "Getting started"), 3))
        self.progress = QLabel()
        intro = QLabel(translate("GettingStarted", "Fill these in first: doctors and others need them most, "
                                                   "also on the emergency card."))
        intro.setWordWrap(True)
        self.hide_button = QPushButton(translate("GettingStarted", "Hide this &list"))
        self.hide_button.clicked.connect(lambda _checked=False: self.hide_requested.emit())
        # Words wrap and the rows stack: at 200 % text the list must not make the page wider than the screen.
        top = FlowLayout()
        top.addWidget(self.title)
        top.addWidget(self.progress)
        self.rows = QGridLayout()
        self.rows.setColumnStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(self.rows)
        layout.addLayout(bottom)
        self._rows: list[_StepRow] = []

    def show_steps(self, steps: Sequence[Step]) -> None:
        """The steps as they are now; each says in words (and with a sign) whether it is done. The rows are
        made once and then updated, so a button that has the keyboard keeps it."""
        while len(self._rows) < len(steps):
            self._add_row(len(self._rows))
            QWidget.setTabOrder(self._rows[-1].button, self.hide_button)  # Tab: the steps, then Hide
        for row, step in zip(self._rows, steps):
            row.show(step)
        done = sum(step.done for step in steps)
        self.progress.setText(fill(translate("GettingStarted", "%1 of %2 done"), done, len(steps)))

    def _add_row(self, number: int) -> None:
        row = _StepRow(self.go_to.emit)
        self.rows.addWidget(row.mark, number, 0, Qt.AlignmentFlag.AlignTop)
        self.rows.addWidget(row.text, number, 1)
        self.rows.addWidget(row.button, number, 2)
        self._rows.append(row)

    @property
    def step_buttons(self) -> list[QPushButton]:
        return [row.button for row in self._rows]


class _StepRow:
    """A step's sign, its words with its state, and the button to its page."""

    def __init__(self, go_to: Callable[[str], None]) -> None:
        self.page = ""
        self.mark = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(lambda _checked=False: go_to(self.page))

    def show(self, step: Step) -> None:
        state = translate("GettingStarted", "done") if step.done else translate("GettingStarted", "not yet")
        self.page = step.page
        self.mark.setText("✓" if step.done else "○")
        self.mark.setAccessibleName(state)
        self.text.setText(f"{escape(step.text)} <i>({escape(state).replace(' ', '&nbsp;')})</i>")  # kept whole
        self.button.setText(step.button)
        self.button.setAccessibleDescription(fill(translate("GettingStarted", "%1 (%2)"), step.text, state))
