"""Contrast between colours (WCAG 2.1) and the colours of a palette that must keep it: edges of fields and
boxes, the checked state of a button, and whether a palette is a high-contrast one.

Below both the theme (which colours text and charts) and the style (which draws the widgets), so both use
the same numbers: 4.5:1 for text (1.4.3), 3:1 for the edges and symbols that say what a control is and
what state it is in (1.4.11).
"""

from PySide6.QtGui import QColor, QPalette

TEXT_CONTRAST, GRAPHIC_CONTRAST = 4.5, 3.0
HIGH_CONTRAST = 20.0    # text against window: only near-black on white, or white on black, reaches it
EDGE_SHARE = 0.35       # an edge starts as this much of the text colour, the rest the window's (then 3:1)
EDGE_CONTRAST = 3.5     # 3:1 with room: anti-aliasing greys the pixels of a thin curve a little
DISABLED_SHARE = 0.6    # a disabled control's edge: this much of the usual edge colour, the rest the window's
Role, Group = QPalette.ColorRole, QPalette.ColorGroup


def luminance(colour: QColor) -> float:
    """The relative luminance of WCAG 2.1 (0 black .. 1 white)."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """A translucent colour as it shows on an opaque background."""
    alpha = colour.alphaF()
    return mix(QColor(colour.red(), colour.green(), colour.blue()), background, alpha)


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """`share` of the first colour, the rest of the second."""
    def channel(a: int, b: int) -> int:
        return round(a * share + b * (1 - share))
    return QColor(channel(first.red(), second.red()), channel(first.green(), second.green()),
                  channel(first.blue(), second.blue()))


def is_dark(background: QColor) -> bool:
    """Whether white text reads better on it than black (about where both have the same contrast)."""
    return luminance(background) < 0.18


def readable(colour: QColor, backgrounds: list[QColor], ratio: float) -> QColor:
    """`colour` itself when it has `ratio` against every background, else the nearest shade of its hue that has:
    lighter on a dark background, darker on a light one."""
    lighten = is_dark(backgrounds[0])
    hue, saturation, lightness = max(colour.hslHueF(), 0.0), colour.hslSaturationF(), colour.lightnessF()
    step = 0
    shade = QColor(colour)
    while min(contrast(shade, b) for b in backgrounds) < ratio and step < 50:
        step += 1
        lightness = min(1.0, lightness + 0.02) if lighten else max(0.0, lightness - 0.02)
        shade = QColor.fromHslF(hue, saturation, lightness)
    return shade


def best_text_on(background: QColor, preferred: QColor) -> QColor:
    """`preferred` when it reads on `background` (4.5:1), else black or white, whichever reads better."""
    if contrast(preferred, background) >= TEXT_CONTRAST:
        return preferred
    black, white = QColor("black"), QColor("white")
    return black if contrast(black, background) >= contrast(white, background) else white


def is_high_contrast(palette: QPalette) -> bool:
    """A high-contrast palette: white on black or black on white, as the desktops' high-contrast themes are.
    (Ordinary light themes have a grey window: black on it stays below 20:1.)"""
    text, window = palette.color(Group.Active, Role.WindowText), palette.color(Group.Active, Role.Window)
    return contrast(text, window) >= HIGH_CONTRAST


def edge(palette: QPalette, enabled: bool = True) -> QColor:
    """The line around a field, a check box, a radio button or a button: 3:1 against the window it sits on and
    against the base inside it. A high-contrast palette draws it in its text colour, as those desktops do;
    a disabled control's edge is nearer the window's colour, so it reads as not available (WCAG exempts it)."""
    active = QPalette(palette)
    active.setCurrentColorGroup(Group.Active)  # a disabled control's edge is a dimmer shade of the usual one
    window, base, text = (active.color(role) for role in (Role.Window, Role.Base, Role.WindowText))
    line = text if is_high_contrast(active) else readable(mix(text, window, EDGE_SHARE), [window, base],
                                                          EDGE_CONTRAST)
    return line if enabled else mix(line, window, DISABLED_SHARE)


def checked_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The fill of a checked (pressed-in) button and its text: the highlight colour, 3:1 against the window,
    with text that reads on it."""
    window = palette.color(Role.Window)
    fill = readable(palette.color(Role.Highlight), [window], GRAPHIC_CONTRAST)
    return fill, best_text_on(fill, palette.color(Role.HighlightedText))
