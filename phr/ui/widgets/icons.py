"""Regie's icons, chosen once here: one for each section, one for each kind of main action.

They are Phosphor's (MIT), one of the icon fonts inside the qtawesome wheel: nothing is fetched. An icon is a
glyph drawn at the moment it is painted, in the colours of the application's palette at that moment, so it
follows a change to light, dark or high contrast without being made again, and stays sharp at any scale.
An icon never stands alone: every button and item that has one says in words what it does.
"""

from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from phr.ui.widgets.theme import GRAPHIC_CONTRAST, contrast, mix

Role, Group, Mode = QPalette.ColorRole, QPalette.ColorGroup, QIcon.Mode

# By page key (phr.ui.app.navigation.Page; importing it here would make a cycle: the pages use these icons).
SECTION_ICONS = {
    "overview": "ph.house",
    "person": "ph.identification-card",
    "diagnoses": "ph.clipboard-text",
    "care_plan": "ph.target",
    "care_team": "ph.users-three",
    "medications": "ph.pill",
    "appointments": "ph.calendar-blank",
    "monitoring": "ph.chart-line-up",
    "results": "ph.flask",
    "documents": "ph.file-text",
    "vaccinations": "ph.shield-plus",
    "procedures": "ph.bandaids",
    "timeline": "ph.clock-counter-clockwise",
}


class Action(StrEnum):
    """The kinds of main action, each with one icon wherever it appears."""

    ADD = "ph.plus"
    CHANGE = "ph.pencil-simple"
    DELETE = "ph.trash"
    UNDO = "ph.arrow-counter-clockwise"
    IMPORT = "ph.download-simple"
    IMPORT_SUMMARY = "ph.arrow-square-in"
    EXPORT = "ph.export"
    PRINT = "ph.printer"
    LOCK = "ph.lock-simple"
    SEARCH = "ph.magnifying-glass"
    BACK_UP = "ph.archive-box"
    MEASURE = "ph.note-pencil"
    CARERS = "ph.users"
    SETTINGS = "ph.gear"
    SWITCH = "ph.arrows-left-right"
    QUIT = "ph.sign-out"
    GO_TO = "ph.arrow-right"


class Topic(StrEnum):
    """What a card of the overview is about, where no section's icon says it."""

    EMERGENCY = "ph.first-aid"
    WHO_TO_CALL = "ph.phone"


def section_icon(page: str) -> QIcon:
    """The icon of a page (a phr.ui.app.navigation.Page or its key)."""
    return glyph(SECTION_ICONS[str(page)])


def action_icon(action: Action) -> QIcon:
    return glyph(action.value)


def glyph(name: str) -> QIcon:
    """A qtawesome icon name ('ph.pill') as an icon in the palette's colours."""
    return QIcon(GlyphEngine(name))


def glyph_colour(palette: QPalette, mode: QIcon.Mode) -> QColor:
    """The colour a glyph is drawn in: the button text; the disabled text when disabled; the highlighted text
    on a selected item (the section list)."""
    if mode == Mode.Disabled:
        return palette.color(Group.Disabled, Role.ButtonText)
    if mode == Mode.Selected:
        return palette.color(Group.Active, Role.HighlightedText)
    ink = palette.color(Group.Active, Role.ButtonText)
    return _on_button_or_highlight(ink, palette) if mode == Mode.Active else ink


def _on_button_or_highlight(ink: QColor, palette: QPalette) -> QColor:
    """Active is a button under the mouse (on the button colour) and the highlighted item of a menu (on the
    highlight): the button text where it reads on both, else the shade towards the highlighted text that reads
    best on both (white on a black window does not read on the cyan of high contrast)."""
    grounds = (palette.color(Group.Active, Role.Button), palette.color(Group.Active, Role.Highlight))

    def worst(colour: QColor) -> float:
        return min(contrast(colour, ground) for ground in grounds)

    if worst(ink) >= GRAPHIC_CONTRAST:
        return ink
    shades = [mix(palette.color(Group.Active, Role.HighlightedText), ink, step / 20) for step in range(21)]
    return max(shades, key=worst)


class GlyphEngine(QIconEngine):
    """Draws a qtawesome glyph in the palette's colour of the moment, for every mode of the icon."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._drawn: dict[int, QIcon] = {}  # qtawesome's icon per colour (rgba): its colour is fixed when made

    def _in(self, colour: QColor) -> QIcon:
        icon = self._drawn.get(colour.rgba())
        if icon is None:
            # Imported here, not at the top: qtawesome finds Qt through QtPy, which takes the binding that is
            # already imported (PySide6 by now) instead of looking for one of its own.
            import qtawesome

            icon = qtawesome.icon(self.name, color=colour, color_active=colour, color_selected=colour,
                                  color_disabled=colour)
            self._drawn[colour.rgba()] = icon
        return icon

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = glyph_colour(QGuiApplication.palette(), mode)
        self._in(colour).paint(painter, rect, Qt.AlignmentFlag.AlignCenter, Mode.Normal, state)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        """Drawn at the screen's scale (a glyph is a shape): sharp at 200 % too."""
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphEngine(self.name)

    def iconName(self) -> str:
        return self.name

    def isNull(self) -> bool:
        return False


def text_icon_size(widget: QWidget) -> QSize:
    """An icon as high as a line of the widget's text: it grows with the text size."""
    side = max(16, widget.fontMetrics().height())
    return QSize(side, side)


class _IconSizeFollower(QObject):
    """Keeps a button's icon as high as its text, also after the text size changes."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button)
        self._button = button
        button.installEventFilter(self)
        button.setIconSize(text_icon_size(button))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._button and event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._button.setIconSize(text_icon_size(self._button))
        return False


def give_icon(button: QAbstractButton, action: Action) -> None:
    """A button's icon for its kind of action, as high as its text at any text size."""
    button.setIcon(action_icon(action))
    if not button.findChildren(_IconSizeFollower, options=Qt.FindChildOption.FindDirectChildrenOnly):
        _IconSizeFollower(button)


class IconLabel(QWidget):
    """An icon on its own (beside a heading): painted each time in the palette's colours, as high as a line of
    `scale` times the widget's text. Decoration only: the heading beside it says what it is."""

    def __init__(self, icon: QIcon, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon, self.scale = icon, scale
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        side = round(text_icon_size(self).height() * self.scale)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()  # the text size changed: so does the icon
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        mode = Mode.Normal if self.isEnabled() else Mode.Disabled
        self.icon.paint(painter, self.rect(), Qt.AlignmentFlag.AlignCenter, mode)
        painter.end()
