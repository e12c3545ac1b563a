"""The app's style (phr.ui.widgets.regie_style): edges of fields, check boxes and radio buttons with 3:1 against
what they sit on in every theme and in desktop palettes we did not make; a checked radio button with a dot that
can be seen; controls that grow with the text size; the sample banner and the strength meter from the palette."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)

from phr.ui.app.desktop.text_size import apply_text_size
from phr.ui.security.new_passphrase import NewPassphraseFields
from phr.ui.widgets.contrast import checked_colours, edge, is_high_contrast
from phr.ui.widgets.icons import IconLabel
from phr.ui.widgets.regie_style import RegieStyle
from phr.ui.widgets.theme import THEMES, apply_theme, contrast, install_style, theme_palette
from phr.ui.widgets.whose import sample_banner

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
PM, SE, CC, SC = QStyle.PixelMetric, QStyle.SubElement, QStyle.ComplexControl, QStyle.SubControl


def desktop_palette(window: str, base: str, text: str, highlight: str) -> QPalette:
    """A palette as a desktop theme gives it (KDE's Breeze Dark, GNOME's Adwaita dark): not one of ours."""
    palette = QPalette(QColor(window))
    for role, colour in ((Role.Window, window), (Role.Button, window), (Role.Base, base), (Role.Text, text),
                         (Role.WindowText, text), (Role.ButtonText, text), (Role.Highlight, highlight)):
        palette.setColor(role, QColor(colour))
    return palette


DESKTOP_PALETTES = {"breeze-dark": desktop_palette("#31363b", "#232629", "#eff0f1", "#3daee9"),
                    "adwaita-dark": desktop_palette("#353535", "#2d2d2d", "#eeeeee", "#15539e"),
                    "windows-light": desktop_palette("#f0f0f0", "#ffffff", "#000000", "#0078d7")}


@pytest.fixture
def themed(qapp):
    """Switch the whole application to a theme (or a desktop palette under our style); back afterwards."""
    style, palette = qapp.style().name(), qapp.palette()

    def switch(name: str) -> QPalette:
        apply_theme(qapp, "light")
        qapp.setPalette(DESKTOP_PALETTES[name] if name in DESKTOP_PALETTES else theme_palette(name))
        qapp.processEvents()
        return qapp.palette()
    yield switch
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def text_at(qapp):
    def change(percent: int) -> None:
        apply_text_size(qapp, percent)
        qapp.processEvents()
    yield change
    apply_text_size(qapp, 100)


def shown(qtbot, *widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    return holder


def indicator(box: QCheckBox | QRadioButton) -> QRect:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = SE.SE_CheckBoxIndicator if isinstance(box, QCheckBox) else SE.SE_RadioButtonIndicator
    return box.style().subElementRect(element, option, box)


def row_colours(image: QImage, y: int, x0: int, x1: int) -> list[QColor]:
    return [image.pixelColor(x, y) for x in range(x0, x1)]


def strongest(colours: list[QColor], against: QColor) -> QColor:
    return max(colours, key=lambda colour: contrast(colour, against))


# -- edges ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [*THEMES, *DESKTOP_PALETTES])
def test_the_edge_colour_has_3_to_1_on_window_and_base(qapp, name):
    palette = DESKTOP_PALETTES.get(name) or theme_palette(name)
    line = edge(palette)
    assert contrast(line, palette.color(Role.Window)) >= 3.0
    assert contrast(line, palette.color(Role.Base)) >= 3.0
    disabled = edge(palette, enabled=False)  # dimmer: it reads as not available
    assert contrast(disabled, palette.color(Role.Window)) < contrast(line, palette.color(Role.Window))


@pytest.mark.parametrize("name", ["dark", "high-contrast", "breeze-dark", "adwaita-dark"])
def test_drawn_check_boxes_radio_buttons_and_fields_have_3_to_1_edges(qtbot, themed, name):
    palette = themed(name)
    window, base = palette.color(Role.Window), palette.color(Role.Base)
    box, radio, field = QCheckBox("Show passphrase"), QRadioButton("Current medicines"), QLineEdit()
    holder = shown(qtbot, box, radio, field)
    image = holder.grab().toImage()
    for button in (box, radio):
        rect = indicator(button).translated(button.pos())
        middle = rect.center().y()
        # Across the middle of an empty box: its edge on the left, then the fill.
        left_edge = strongest(row_colours(image, middle, rect.left(), rect.left() + 3), window)
        assert contrast(left_edge, window) >= 3.0, (name, type(button).__name__, left_edge.name())
        assert contrast(left_edge, base) >= 3.0
    field_edge = strongest(row_colours(image, field.y() + field.height() // 2, field.x(), field.x() + 3), window)
    assert contrast(field_edge, window) >= 3.0, (name, field_edge.name())   # was #2a2a2a on #323232: 1.2:1


def test_a_checked_radio_button_has_a_dot_half_its_width_in_the_text_colour(qtbot, themed):
    palette = themed("dark")
    radio = QRadioButton("Current medicines")
    radio.setChecked(True)
    holder = shown(qtbot, radio)
    image = holder.grab().toImage()
    rect = indicator(radio).translated(radio.pos())
    centre = image.pixelColor(rect.center())
    assert contrast(centre, palette.color(Role.Base)) >= 3.0
    dotted = [c for c in row_colours(image, rect.center().y(), rect.left(), rect.right() + 1)
              if contrast(c, palette.color(Role.Text)) < 1.3]
    assert len(dotted) >= rect.width() * 0.4  # not a small grey dot


# -- sizes that follow the text ------------------------------------------------------------------------------

def test_indicators_spin_buttons_and_combo_arrows_grow_with_the_text(qtbot, themed, text_at):
    themed("light")
    box, spin, combo = QCheckBox("Automatic backups"), QSpinBox(), QComboBox()
    combo.addItems(["Blood pressure", "Glucose"])
    _holder = shown(qtbot, box, spin, combo)

    def sizes() -> tuple[int, int, int, int]:
        style = box.style()
        spin_option, combo_option = QStyleOptionSpinBox(), QStyleOptionComboBox()
        spin.initStyleOption(spin_option)
        combo.initStyleOption(combo_option)
        return (style.pixelMetric(PM.PM_IndicatorWidth, None, box),
                style.pixelMetric(PM.PM_ExclusiveIndicatorWidth, None, box),
                style.subControlRect(CC.CC_SpinBox, spin_option, SC.SC_SpinBoxUp, spin).width(),
                style.subControlRect(CC.CC_ComboBox, combo_option, SC.SC_ComboBoxArrow, combo).width())
    normal = sizes()
    text_at(200)
    large = sizes()
    assert all(big >= 1.5 * small for big, small in zip(large, normal)), (normal, large)
    # The edit field gives up what the buttons take: the spin box's value still shows in full.
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    field = box.style().subControlRect(CC.CC_SpinBox, option, SC.SC_SpinBoxEditField, spin)
    assert field.right() < box.style().subControlRect(CC.CC_SpinBox, option, SC.SC_SpinBoxUp, spin).left()
    assert field.left() >= 0


def test_the_desktop_style_is_kept_with_sizes_that_follow_the_text(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    try:
        qapp.setStyle(QStyleFactory.create("Windows"))
        install_style(qapp)
        wrapped = qapp.style()
        assert isinstance(wrapped, RegieStyle) and not wrapped.draws_edges  # Windows draws its own edges
        install_style(qapp)
        assert qapp.style() is wrapped  # once is enough
        qapp.setStyle(QStyleFactory.create("Fusion"))
        install_style(qapp)
        assert isinstance(qapp.style(), RegieStyle) and qapp.style().draws_edges
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


# -- palette-drawn parts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", THEMES)
def test_a_checked_button_is_filled_with_the_highlight_and_its_words_read(qapp, name):
    palette = theme_palette(name)
    fill, text = checked_colours(palette)
    assert contrast(fill, palette.color(Role.Window)) >= 3.0
    assert contrast(text, fill) >= 4.5


def test_high_contrast_greys_what_cannot_be_used_instead_of_greening_it(qapp):
    palette = theme_palette("high-contrast")
    black = palette.color(Role.Window)
    enabled, disabled = palette.color(Role.ButtonText), palette.color(Group.Disabled, Role.ButtonText)
    assert disabled.hslSaturationF() < 0.05, disabled.name()  # Windows' green read as a colour with a meaning
    assert 4.5 <= contrast(disabled, black) <= contrast(enabled, black) / 2  # readable, clearly dimmer
    assert is_high_contrast(palette) and not is_high_contrast(theme_palette("light"))
    assert not is_high_contrast(theme_palette("dark"))


@pytest.mark.parametrize("name", THEMES)
def test_the_sample_banner_is_tinted_and_its_words_read(qtbot, themed, name):
    palette = themed(name)
    banner = sample_banner(True)
    _holder = shown(qtbot, banner)
    tint, line = banner.colours()
    window = palette.color(Role.Window)
    assert tint != window, "it stands out from the window in every theme"
    assert contrast(palette.color(Role.WindowText), tint) >= 4.5
    assert contrast(line, window) >= 3.0
    assert banner.findChild(IconLabel) is not None
    image = banner.grab().toImage()
    assert image.pixelColor(banner.width() - 6, banner.height() // 2) == tint  # right of the words: the tint
    assert banner.text() == "This is a sample record with invented data."


def test_the_strength_meter_is_a_thin_track_with_an_edge(qtbot, themed):
    palette = themed("dark")
    fields = NewPassphraseFields()
    holder = shown(qtbot, fields.first, fields.meter)
    assert fields.meter.height() < fields.first.height() * 0.75, "not the look of a field to type in"
    image = holder.grab().toImage()
    meter = fields.meter
    left = strongest(row_colours(image, meter.y() + meter.height() // 2, meter.x(), meter.x() + 3),
                     palette.color(Role.Window))
    assert contrast(left, palette.color(Role.Window)) >= 3.0
    fields.first.setText("blue kettle under the old bridge")
    assert fields.meter.value() == fields.meter.maximum() and fields.strength.text().startswith("Strong")


def test_an_application_font_change_reaches_the_metrics_without_a_new_style(qtbot, themed, text_at):
    themed("light")
    box = QCheckBox("Show events")
    _holder = shown(qtbot, box)
    style = QApplication.style()
    before = indicator(box).width()
    text_at(200)
    assert QApplication.style() is style
    assert indicator(box).width() >= 1.5 * before
    assert box.sizeHint().height() >= indicator(box).height()
