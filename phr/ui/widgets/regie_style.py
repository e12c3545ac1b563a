"""The style the app draws its widgets with: the desktop's own, with two things a tired eye needs.

1. Sizes that follow the text: Qt's styles keep check boxes, radio buttons, spin-box buttons, the arrow of a
   combo box and scroll bars at their pixel size whatever the text size, so at 200 % text they are tiny
   targets next to large words. Here they grow with the line height of the widget's font.
2. Over Fusion (the style of Linux desktops and of `phr screenshots`), edges that can be seen: Fusion draws
   the edges of fields, boxes and buttons a shade darker than the window (about 1.2:1 on a dark one) and a
   checked radio button as a small grey dot. Here they are drawn from the palette with 3:1 against what they
   sit on (WCAG 1.4.11), in any palette the desktop gives, and a checked button is filled with the highlight.
   Over a platform's own style (Windows, macOS, Breeze) that style's drawing stays: it fits its own palette.

Qt asks the style again whenever a widget's font changes, so a new text size needs nothing more.
"""

from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionComplex,
    QStyleOptionSpinBox,
    QWidget,
)

from phr.ui.widgets.contrast import checked_colours, edge, mix

PE, CE, CC, PM, SC, CT = (QStyle.PrimitiveElement, QStyle.ControlElement, QStyle.ComplexControl,
                          QStyle.PixelMetric, QStyle.SubControl, QStyle.ContentsType)
State, Role = QStyle.StateFlag, QPalette.ColorRole
NORMAL_LINE = 16   # pixels: the line height of a 10-point desktop font, where the styles' sizes are made for
SCALED = (PM.PM_IndicatorWidth, PM.PM_IndicatorHeight, PM.PM_ExclusiveIndicatorWidth, PM.PM_ExclusiveIndicatorHeight,
          PM.PM_ScrollBarExtent, PM.PM_SmallIconSize, PM.PM_ButtonIconSize)  # small icons: in fields, menus, lists
ARROWS = {PE.PE_IndicatorArrowDown: Qt.ArrowType.DownArrow, PE.PE_IndicatorArrowUp: Qt.ArrowType.UpArrow,
          PE.PE_IndicatorArrowLeft: Qt.ArrowType.LeftArrow, PE.PE_IndicatorArrowRight: Qt.ArrowType.RightArrow}
OUTLINED = (PE.PE_PanelButtonCommand, PE.PE_Frame, PE.PE_FrameGroupBox)
BUTTONS = {CC.CC_ComboBox: ((SC.SC_ComboBoxArrow,), SC.SC_ComboBoxEditField),
           CC.CC_SpinBox: ((SC.SC_SpinBoxUp, SC.SC_SpinBoxDown), SC.SC_SpinBoxEditField)}  # buttons, field
LARGER = 1.2       # text this much larger than normal gets arrows drawn here, as large as the text
ARROW_WIDTH = 0.55  # of the line height: Fusion's arrow is 8 pixels wide on a 14-pixel line


class RegieStyle(QProxyStyle):
    def __init__(self, base: str = "Fusion") -> None:
        style = QStyleFactory.create(base)
        super().__init__(style) if style is not None else super().__init__()
        self.draws_edges = base.lower() == "fusion"

    # -- sizes --------------------------------------------------------------------------------------------

    @staticmethod
    def factor(option: QStyleOption | None, widget: QWidget | None) -> float:
        """How much larger than normal the text of this widget is (1 at the desktop's usual sizes, never less)."""
        if widget is not None:
            line = widget.fontMetrics().height()
        elif option is not None:
            line = option.fontMetrics.height()
        else:
            line = QFontMetrics(QApplication.font()).height()
        return max(1.0, line / NORMAL_LINE)

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        size = super().pixelMetric(metric, option, widget)
        return round(size * self.factor(option, widget)) if metric in SCALED else size

    def _extra(self, base: int, option: QStyleOption | None, widget: QWidget | None) -> int:
        """How many pixels wider a part of `base` pixels becomes at this text size."""
        return round(base * self.factor(option, widget)) - base

    def subControlRect(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                       part: QStyle.SubControl, widget: QWidget | None = None) -> QRect:
        rect = super().subControlRect(control, option, part, _any(widget))
        if not self.draws_edges or control not in (CC.CC_SpinBox, CC.CC_ComboBox) or rect.isNull():
            return rect
        # (The sub-controls of different controls share numbers: SC_ComboBoxEditField is SC_SpinBoxDown.)
        buttons, field = BUTTONS[control]
        extra = self._extra(super().subControlRect(control, option, buttons[0], _any(widget)).width(), option, widget)
        ltr = option.direction != Qt.LayoutDirection.RightToLeft
        if part in buttons:
            return rect.adjusted(-extra, 0, 0, 0) if ltr else rect.adjusted(0, 0, extra, 0)
        if part == field:
            return rect.adjusted(0, 0, -extra, 0) if ltr else rect.adjusted(extra, 0, 0, 0)
        return rect

    def sizeFromContents(self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize,
                         widget: QWidget | None = None) -> QSize:
        result = super().sizeFromContents(kind, option, size, _any(widget))
        if self.draws_edges and kind in (CT.CT_SpinBox, CT.CT_ComboBox) and isinstance(option, QStyleOptionComplex):
            control = CC.CC_ComboBox if kind == CT.CT_ComboBox else CC.CC_SpinBox
            base = super().subControlRect(control, option, BUTTONS[control][0][0], _any(widget)).width()
            result.setWidth(result.width() + self._extra(base, option, widget))
        return result

    # -- drawing ------------------------------------------------------------------------------------------

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if not self.draws_edges:
            super().drawPrimitive(element, option, painter, widget)
        elif element == PE.PE_IndicatorCheckBox:
            draw_check_box(option, painter)
        elif element == PE.PE_IndicatorRadioButton:
            draw_radio_button(option, painter)
        elif element == PE.PE_FrameLineEdit:
            outline(option, painter, self._pen_width(option, widget), focus_shown=True)
        elif element == PE.PE_PanelButtonCommand and option.state & State.State_On:
            draw_checked_panel(option, painter, self._pen_width(option, widget))
        elif element in ARROWS and self.factor(option, widget) > LARGER:  # a date field's calendar button
            ink = option.palette.color(Role.ButtonText)
            rect = QRectF(option.rect)
            width = min(rect.width(), rect.height()) * 0.8, ARROW_WIDTH * NORMAL_LINE * self.factor(option, widget)
            draw_arrow(painter, rect.center(), min(width), ARROWS[element], ink)
        else:
            super().drawPrimitive(element, option, painter, widget)
            if element in OUTLINED:
                outline(option, painter, self._pen_width(option, widget))

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        if self.draws_edges and element == CE.CE_PushButtonLabel and option.state & State.State_On \
                and isinstance(option, QStyleOptionButton):
            option = QStyleOptionButton(option)
            palette = QPalette(option.palette)
            palette.setColor(Role.ButtonText, checked_colours(palette)[1])
            option.palette = palette
        super().drawControl(element, option, painter, widget)
        if self.draws_edges and element == CE.CE_ProgressBar:  # after its contents, which cover the groove's edge
            track = QStyleOption(option)
            track.rect = self.subElementRect(QStyle.SubElement.SE_ProgressBarGroove, option, _any(widget))
            outline(track, painter, self._pen_width(option, widget))

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        if not self.draws_edges or control not in (CC.CC_ComboBox, CC.CC_SpinBox):
            super().drawComplexControl(control, option, painter, widget)
            return
        if isinstance(option, QStyleOptionComboBox):
            arrow = bool(option.subControls & SC.SC_ComboBoxArrow)
            option = QStyleOptionComboBox(option)
            option.subControls &= ~SC.SC_ComboBoxArrow  # drawn below, as large as the text
            super().drawComplexControl(control, option, painter, widget)
            outline(option, painter, self._pen_width(option, widget))
            if arrow:
                self._arrow(control, option, painter, widget, SC.SC_ComboBoxArrow, Qt.ArrowType.DownArrow, True)
            return
        super().drawComplexControl(control, option, painter, widget)
        outline(option, painter, self._pen_width(option, widget))
        if isinstance(option, QStyleOptionSpinBox) and option.buttonSymbols == QAbstractSpinBox.ButtonSymbols.UpDownArrows \
                and self.factor(option, widget) > LARGER:  # Fusion's own arrows are right at the normal size
            steps = option.stepEnabled
            self._arrow(control, option, painter, widget, SC.SC_SpinBoxUp, Qt.ArrowType.UpArrow,
                        bool(steps & QAbstractSpinBox.StepEnabledFlag.StepUpEnabled))
            self._arrow(control, option, painter, widget, SC.SC_SpinBoxDown, Qt.ArrowType.DownArrow,
                        bool(steps & QAbstractSpinBox.StepEnabledFlag.StepDownEnabled))

    def _pen_width(self, option: QStyleOption, widget: QWidget | None) -> float:
        return float(round(self.factor(option, widget)))

    def _arrow(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
               widget: QWidget | None, part: QStyle.SubControl, direction: Qt.ArrowType, enabled: bool) -> None:
        rect = QRectF(self.subControlRect(control, option, part, widget))
        ink = option.palette.color(Role.ButtonText)
        if not enabled or not option.state & State.State_Enabled:
            ink = mix(ink, option.palette.color(Role.Button), 0.5)
        width = min(rect.width() * 0.7, ARROW_WIDTH * NORMAL_LINE * self.factor(option, widget))
        draw_arrow(painter, rect.center(), width, direction, ink)


def _any(widget: QWidget | None) -> QWidget:
    """Qt passes no widget at times (an item view's cell): so do we, whatever the type hints of the binding say."""
    return cast(QWidget, widget)


# -- the parts drawn here ------------------------------------------------------------------------------------

def _box(option: QStyleOption, round_: bool = False) -> tuple[QRectF, float]:
    """A square in the middle of the option's rectangle, inset by half its edge's width, and that width (a
    circle's a little wider: anti-aliasing greys a one-pixel curve)."""
    rect = QRectF(option.rect)
    size = min(rect.width(), rect.height())
    pen = max(1.5, size / 9) if round_ else max(1.0, round(size / 14))
    square = QRectF(rect.center().x() - size / 2, rect.center().y() - size / 2, size, size)
    return square.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2), pen


def _indicator(option: QStyleOption, painter: QPainter, round_: bool = False) -> tuple[QRectF, QColor]:
    """Start an indicator: the painter set for its edge and fill; returns its square and the mark's colour."""
    palette, enabled = option.palette, bool(option.state & State.State_Enabled)
    square, pen = _box(option, round_)
    fill = palette.color(Role.Base) if enabled else palette.color(Role.Window)
    if option.state & State.State_Sunken:
        fill = mix(palette.color(Role.Text), fill, 0.15)  # pressed
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(edge(palette, enabled), pen))
    painter.setBrush(fill)
    return square, palette.color(Role.Text)


def draw_check_box(option: QStyleOption, painter: QPainter) -> None:
    """A square with an edge of 3:1 and a check mark (or a dash, for 'some') in the text colour."""
    painter.save()
    square, mark = _indicator(option, painter)
    painter.drawRoundedRect(square, square.width() * 0.12, square.width() * 0.12)
    size, left, top = square.width(), square.left(), square.top()
    pen = QPen(mark, max(1.5, size * 0.14), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if option.state & State.State_NoChange:
        painter.drawLine(QPointF(left + size * 0.25, top + size / 2), QPointF(left + size * 0.75, top + size / 2))
    elif option.state & State.State_On:
        path = QPainterPath(QPointF(left + size * 0.22, top + size * 0.52))
        path.lineTo(left + size * 0.42, top + size * 0.72)
        path.lineTo(left + size * 0.78, top + size * 0.30)
        painter.drawPath(path)
    painter.restore()


def draw_radio_button(option: QStyleOption, painter: QPainter) -> None:
    """A circle with an edge of 3:1; checked, a dot half its width in the text colour."""
    painter.save()
    square, mark = _indicator(option, painter, round_=True)
    painter.drawEllipse(square)
    if option.state & State.State_On:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        painter.drawEllipse(square.center(), square.width() / 4, square.height() / 4)
    painter.restore()


def outline(option: QStyleOption, painter: QPainter, width: float, focus_shown: bool = False) -> None:
    """The edge of a field, button, box or frame with 3:1; a field's is the highlight while it has the focus
    (as Fusion's; the focus ring of phr.ui.app.desktop.focus_ring marks every other control)."""
    palette = option.palette
    focused = focus_shown and bool(option.state & State.State_HasFocus)
    colour = palette.color(Role.Highlight) if focused else edge(palette, bool(option.state & State.State_Enabled))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRoundedRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset), 2, 2)
    painter.restore()


def draw_checked_panel(option: QStyleOption, painter: QPainter, width: float) -> None:
    """A checked button (a chosen period): filled with the highlight, 3:1 against the window, so the choice is
    seen at a glance in every theme. (Its words say it too: the chart makes them bold.)"""
    fill, _text = checked_colours(option.palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(edge(option.palette), width))
    painter.setBrush(fill)
    inset = width / 2
    painter.drawRoundedRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset), 2, 2)
    painter.restore()


def draw_arrow(painter: QPainter, centre: QPointF, width: float, direction: Qt.ArrowType, colour: QColor) -> None:
    """A filled triangle `width` wide and a little over half as high, pointing the way asked."""
    half, depth = width / 2, width * 0.55
    points = {Qt.ArrowType.UpArrow: [(-half, depth / 2), (half, depth / 2), (0, -depth / 2)],
              Qt.ArrowType.DownArrow: [(-half, -depth / 2), (half, -depth / 2), (0, depth / 2)],
              Qt.ArrowType.LeftArrow: [(depth / 2, -half), (depth / 2, half), (-depth / 2, 0)],
              Qt.ArrowType.RightArrow: [(-depth / 2, -half), (-depth / 2, half), (depth / 2, 0)]}.get(direction)
    if points is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([centre + QPointF(x, y) for x, y in points]))
    painter.restore()
