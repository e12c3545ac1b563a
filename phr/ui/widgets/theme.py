"""The colours the app paints with itself, taken from the palette so light, dark and high-contrast themes all read.

Qt's widgets follow the palette on their own (drawn by phr.ui.widgets.regie_style, with edges of 3:1). This
module is for what the app colours itself: muted and error text, and the charts. The contrast arithmetic lives
in phr.ui.widgets.contrast (the style needs it too) and is importable from here as before. Every colour keeps the WCAG 2.1 contrast against what it sits on: 4.5:1 for text (1.4.3),
3:1 for lines and symbols (1.4.11). Colour never carries meaning alone: the words and shapes say it too.
The three palettes of `phr screenshots --theme` are here as well, to check every look without a screen.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from phr.ui.widgets.contrast import GRAPHIC_CONTRAST as GRAPHIC_CONTRAST
from phr.ui.widgets.contrast import TEXT_CONTRAST as TEXT_CONTRAST
from phr.ui.widgets.contrast import contrast as contrast
from phr.ui.widgets.contrast import is_dark as is_dark
from phr.ui.widgets.contrast import is_high_contrast as is_high_contrast
from phr.ui.widgets.contrast import luminance as luminance
from phr.ui.widgets.contrast import mix as mix
from phr.ui.widgets.contrast import over as over
from phr.ui.widgets.contrast import readable as readable
from phr.ui.widgets.regie_style import RegieStyle

ERROR_RED = QColor("#a40000")  # on a light window; lighter shades of it on a dark one
MUTED_SHARE = 0.62             # muted text: this much of the text colour, the rest of the background
THEMES = ("light", "dark", "high-contrast")
Role = QPalette.ColorRole


def _text_backgrounds(palette: QPalette) -> list[QColor]:
    """Text the app colours sits on the window (labels) or on the base (text panes): it must read on both."""
    return [palette.color(Role.Window), palette.color(Role.Base)]


def muted_text(palette: QPalette) -> QColor:
    """Secondary text (provenance, hints): the theme's placeholder colour when it reads well, else a mix of the
    text and window colours with at least 4.5:1."""
    backgrounds = _text_backgrounds(palette)
    placeholder = over(palette.color(Role.PlaceholderText), backgrounds[0])
    if min(contrast(placeholder, b) for b in backgrounds) >= TEXT_CONTRAST:
        return placeholder
    return readable(mix(palette.color(Role.Text), backgrounds[0], MUTED_SHARE), backgrounds, TEXT_CONTRAST)


def error_text(palette: QPalette) -> QColor:
    """The red of error messages: dark red on a light theme, a lighter red on a dark one, always 4.5:1."""
    return readable(ERROR_RED, _text_backgrounds(palette), TEXT_CONTRAST)


def chart_background(palette: QPalette) -> QColor:
    return palette.color(Role.Base)


def chart_ink(palette: QPalette) -> QColor:
    """Axes, their numbers and labels: the text colour of the base the chart is drawn on."""
    return palette.color(Role.Text)


def chart_neutral(palette: QPalette) -> QColor:
    """A grey for lines that must not look like a series (events): between ink and background, 3:1 at least."""
    background = chart_background(palette)
    return readable(mix(chart_ink(palette), background, 0.7), [background], GRAPHIC_CONTRAST)


def graphic(colour: str | QColor, palette: QPalette) -> QColor:
    """A series or status colour as drawn on the chart: a shade of it with 3:1 against the chart's background."""
    return readable(QColor(colour), [chart_background(palette)], GRAPHIC_CONTRAST)


def html_colour(colour_of: Callable[[QPalette], QColor]) -> str:
    """A role's colour for rich text (which cannot name palette roles), from the application's palette now."""
    return colour_of(QGuiApplication.palette()).name()


# -- widgets whose text colour follows the palette ---------------------------------------------------------

PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class _Tint(QObject):
    """Keeps a widget's text in a colour derived from its palette, also after the theme changes."""

    def __init__(self, widget: QWidget, colour_of: Callable[[QPalette], QColor]) -> None:
        super().__init__(widget)
        self._widget, self._colour_of = widget, colour_of
        widget.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() in PALETTE_EVENTS:
            self.apply()
        return False

    def apply(self) -> None:
        palette = self._widget.palette()
        colour = self._colour_of(palette)
        if palette.color(Role.WindowText) != colour:
            # Only WindowText (a label's rich text uses it too): the roles the colour is made from stay the theme's.
            # Disabled text keeps the theme's disabled colour.
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                palette.setColor(group, Role.WindowText, colour)
            self._widget.setPalette(palette)  # the same palette again sends no event: this cannot loop


def mark_muted(widget: QWidget) -> None:
    """Show a label's text as secondary (hints, explanations) in any theme."""
    _tint(widget, muted_text)


def mark_error(widget: QWidget, on: bool = True) -> None:
    """Show a label's text in the error red of the theme (its words say what is wrong; the colour only helps).
    `on=False` gives it the theme's own text colour again (a field that echoes either its reading or a problem)."""
    _tint(widget, error_text if on else None)


def _tint(widget: QWidget, colour_of: Callable[[QPalette], QColor] | None) -> None:
    for old in widget.findChildren(_Tint, options=Qt.FindChildOption.FindDirectChildrenOnly):
        widget.removeEventFilter(old)
        old.setParent(None)
        old.deleteLater()
    if colour_of is None:
        widget.setPalette(QPalette())  # no colour of its own: all from its parent and the theme again
    else:
        _Tint(widget, colour_of)


# -- the palettes of the screenshots, and the style -------------------------------------------------------

def theme_palette(name: str) -> QPalette:
    """light: Fusion's own; dark: Fusion's dark palette with readable links; high-contrast: white on black,
    with grey (not Windows' green) for what cannot be used now, so it reads as unavailable."""
    if name == "light":
        style = QStyleFactory.create("Fusion")
        return style.standardPalette()
    if name == "dark":
        return _palette(window="#323232", text="#f0f0f0", base="#242424", disabled="#828282", highlight="#308cc6",
                        highlighted_text="#f0f0f0", link="#7cc0ff", frame="#5c5c5c", placeholder="#a8a8a8")
    if name == "high-contrast":  # as Windows' "High Contrast Black" / "Night sky"
        return _palette(window="#000000", text="#ffffff", base="#000000", disabled="#8f8f8f", highlight="#1aebff",
                        highlighted_text="#000000", link="#ffff00", frame="#ffffff", placeholder="#c8c8c8")
    raise ValueError(f"unknown theme: {name}")


def _palette(window: str, text: str, base: str, disabled: str, highlight: str, highlighted_text: str, link: str,
             frame: str, placeholder: str) -> QPalette:
    palette = QPalette(QColor(window))
    colours = {Role.Window: window, Role.WindowText: text, Role.Base: base, Role.AlternateBase: window,
               Role.Text: text, Role.Button: window, Role.ButtonText: text, Role.BrightText: text,
               Role.ToolTipBase: base, Role.ToolTipText: text, Role.PlaceholderText: placeholder,
               Role.Highlight: highlight, Role.HighlightedText: highlighted_text, Role.Accent: highlight,
               Role.Link: link, Role.LinkVisited: link,
               Role.Light: frame, Role.Midlight: frame, Role.Mid: frame, Role.Dark: frame, Role.Shadow: frame}
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.Base, QColor(window))
    return palette


def apply_theme(app: QApplication, name: str) -> None:
    """Fusion with the theme's palette and Regie's edges and sizes: the same look on every platform, for the
    screenshots."""
    app.setStyle(RegieStyle("Fusion"))
    app.setPalette(theme_palette(name))


def install_style(app: QApplication) -> None:
    """At start-up: the desktop's own style and palette, with sizes that follow the text size and, over Fusion,
    edges of 3:1 (phr.ui.widgets.regie_style)."""
    if not isinstance(app.style(), RegieStyle):
        app.setStyle(RegieStyle(app.style().name()))
