"""Walk a window with the Tab key, as a keyboard user does, and say what stands in the way.

From the control that has the keyboard, Tab is pressed until the focus comes back to it. On the way:
- a trap: Tab leaves the focus where it was (a table walking its cells, a text area taking the Tab as a
  character); a text with links may keep it for a few presses, one link after the other, no more;
- a detour: Tab comes back to a control passed before without passing the start (a cycle that shuts the start out);
then, once round:
- unreached: an enabled, shown control that takes Tab focus and that the round never reached;
- stops on nothing: a scroll area that takes the focus itself (Tab seems to go nowhere);
- out of order: after a dialog's buttons (its last stops) Tab must go to the topmost control, not to one made later;
- unlabelled: an input (line, text area, choice, number, date, check box) without a label that names it: a
  label whose buddy it is (through a box that hands it the keyboard, too), a form row's label, an accessible
  name, or a check box's own text;
- dead letters: a label's Alt-letter whose buddy takes no focus, so the letter does nothing;
- clashes: an Alt-letter used twice (test_alt_letters' helpers).
"""

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QTextEdit,
    QWidget,
)
from test_alt_letters import clashes, letter, letters_of

LINKS_AT_MOST = 30  # Tabs a text with links may keep the focus for, one link after the other
INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QCheckBox)


def describe(widget: QWidget) -> str:
    """A widget as a person would point at it: its kind and its words."""
    words = widget.accessibleName() or getattr(widget, "text", lambda: "")() or widget.objectName()
    if not words and isinstance(widget, QComboBox):
        words = widget.currentText()
    if not words:
        words = next((label.text() for label in widget.window().findChildren(QLabel) if label.buddy() is widget), "")
    return f"{type(widget).__name__} '{str(words).replace('&', '')[:60]}'"


def typed_in(widget: QWidget) -> QWidget:
    """Where the keyboard lands when `widget` is given it: the end of its focus proxies."""
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def part_of_another(widget: QWidget) -> bool:
    """A piece of a compound control (a combo box's or spin box's line, a calendar's), not a control itself."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def tab_stops(window: QWidget) -> list[QWidget]:
    """The controls Tab should reach in `window` as it is shown now."""
    return [widget for widget in window.findChildren(QWidget)
            if widget.window() is window and widget.isVisible() and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None and not part_of_another(widget)]


def keeps_tab_a_while(widget: QWidget) -> bool:
    """A text with links moves from link to link before Tab leaves it."""
    return isinstance(widget, QTextBrowser) or (isinstance(widget, QLabel) and bool(
        widget.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard))


@dataclass
class Round:
    """What one round of Tab through a window found."""

    window: str
    visited: list[QWidget] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    detours: list[str] = field(default_factory=list)
    unreached: list[str] = field(default_factory=list)
    stops_on_nothing: list[str] = field(default_factory=list)
    out_of_order: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    dead_letters: list[str] = field(default_factory=list)
    clashes: dict[str, list[str]] = field(default_factory=dict)

    def problems(self) -> dict[str, object]:
        found = {"traps": self.traps, "detours": self.detours, "unreached": self.unreached,
                 "stops on nothing": self.stops_on_nothing, "out of order": self.out_of_order,
                 "unlabelled": self.unlabelled, "dead letters": self.dead_letters, "clashes": self.clashes}
        return {kind: what for kind, what in found.items() if what}


def tab_round(window: QWidget, most: int = 400) -> Round:
    """Press Tab from what has the keyboard in `window` (the active window) until the focus is back."""
    found = Round(f"{type(window).__name__} '{window.windowTitle()}'")
    start = QApplication.focusWidget()
    if start is None or start.window() is not window:
        QTest.keyClick(window, Qt.Key.Key_Tab)  # nothing has the keyboard yet: Tab gives it the first control
        start = QApplication.focusWidget()
    if start is None:
        found.unreached = [describe(stop) for stop in tab_stops(window)]
        return found
    found.visited.append(start)
    held = 0
    for _press in range(most):
        before = QApplication.focusWidget()
        assert before is not None
        QTest.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is before and tab_stops(window) == [now]:
            break  # the window's one control: the round is closed
        if now is before or now is None:
            held += 1
            if not keeps_tab_a_while(before) or held > LINKS_AT_MOST:
                found.traps.append(describe(before))
                break
            continue
        held = 0
        if now is start:
            break
        if now in found.visited:
            found.detours.append(f"{describe(before)} -> {describe(now)}")
            break
        found.visited.append(now)
    reached = set(found.visited)
    found.unreached = [describe(stop) for stop in tab_stops(window) if stop not in reached]
    found.stops_on_nothing = [describe(stop) for stop in found.visited if isinstance(stop, QScrollArea)]
    found.out_of_order = after_the_buttons(window, found.visited)
    found.unlabelled = [describe(widget) for widget in unlabelled_inputs(window)]
    found.dead_letters = dead_letters(window)
    found.clashes = clashes(letters_of(window))
    return found


def after_the_buttons(window: QWidget, visited: list[QWidget]) -> list[str]:
    """A dialog's buttons end the round: the stop after them is the topmost control (a control made after the
    buttons, e.g. one shown for a choice, joins the Tab order after them unless it is put in its place)."""
    boxes = [box for box in window.findChildren(QDialogButtonBox) if box.isVisible()]
    buttons = {button for box in boxes for button in box.buttons()}
    places = [index for index, stop in enumerate(visited) if stop in buttons]
    if not places or len(places) == len(visited):
        return []
    if max(places) - min(places) == len(places) - 1:
        last = max(places)
    else:  # the round started on a button: the buttons run from the end round to the start
        last = next(index for index in range(len(visited)) if index + 1 not in places)
    following = visited[(last + 1) % len(visited)]
    top = min(visited, key=lambda stop: stop.mapTo(window, stop.rect().topLeft()).y())
    tops = {stop.mapTo(window, stop.rect().topLeft()).y() for stop in (following, top)}
    return [] if max(tops) - min(tops) <= 4 else [f"{describe(following)} (the first is {describe(top)})"]


def unlabelled_inputs(window: QWidget) -> list[QWidget]:
    named = labelled_widgets(window)
    inputs = [widget for widget in window.findChildren(QWidget)
              if isinstance(widget, INPUTS) and widget.isVisible() and not part_of_another(widget)
              and not read_only(widget)]
    return [widget for widget in inputs if widget not in named and not widget.accessibleName()
            and not (isinstance(widget, (QCheckBox, QRadioButton)) and widget.text().strip())]


def read_only(widget: QWidget) -> bool:
    """Text shown to read (and select), not typed in: it needs no label to be typed in."""
    return isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) and widget.isReadOnly()


def labelled_widgets(window: QWidget) -> set[QWidget]:
    """Every widget a label names: buddies (and where they hand the keyboard), and the fields of form rows."""
    named: set[QWidget] = set()
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.text().strip():
            named |= {label.buddy(), typed_in(label.buddy())}
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or item is None or not isinstance(label.widget(), QLabel) or not label.widget().text():
                continue
            named |= widgets_in(item.widget() or item.layout())
    return named


def widgets_in(part: QWidget | QLayout | None) -> set[QWidget]:
    """A form row's field: a widget (and what is inside it and where it hands the keyboard), or a layout's."""
    if isinstance(part, QWidget):
        return {part, typed_in(part), *part.findChildren(QWidget)}
    found: set[QWidget] = set()
    if isinstance(part, QLayout):
        for index in range(part.count()):
            item = part.itemAt(index)
            if item is not None:
                found |= widgets_in(item.widget() or item.layout())
    return found


def dead_letters(window: QWidget) -> list[str]:
    """Labels whose Alt-letter does nothing: their buddy takes no focus (Qt then does not pass it on)."""
    return [label.text() for label in window.findChildren(QLabel)
            if label.isVisibleTo(window) and label.buddy() is not None and letter(label.text())
            and label.buddy().focusPolicy() == Qt.FocusPolicy.NoFocus]
