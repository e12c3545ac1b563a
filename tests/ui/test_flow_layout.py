"""A row of controls that wraps: one line when there is room, more lines (never a wider window) when not."""

from PySide6.QtWidgets import QPushButton, QWidget

from phr.ui.widgets.flow_layout import FlowLayout


def row_of_buttons(qtbot, texts):
    holder = QWidget()
    layout = FlowLayout(holder)
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        layout.addWidget(button)
    qtbot.addWidget(holder)
    return holder, layout, buttons


def test_the_row_needs_only_its_widest_control_and_wraps_below_the_width_of_all(qtbot):
    holder, layout, buttons = row_of_buttons(qtbot, ["Week", "Month", "3 months", "Year", "All", "Show events"])
    widest = max(button.sizeHint().width() for button in buttons)
    assert holder.minimumSizeHint().width() == widest
    one_line = layout.sizeHint().width()
    assert one_line > 3 * widest
    holder.resize(one_line, layout.heightForWidth(one_line))
    holder.show()
    qtbot.waitExposed(holder)
    assert len({button.y() for button in buttons}) == 1, "all on one line when they fit"
    narrow = widest + 10
    assert layout.heightForWidth(narrow) > 3 * layout.heightForWidth(one_line)
    holder.resize(narrow, layout.heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({button.y() for button in buttons}) == len(buttons))
    assert all(button.geometry().right() < narrow for button in buttons), "nothing sticks out"


def test_a_hidden_control_takes_no_room(qtbot):
    holder, layout, buttons = row_of_buttons(qtbot, ["Week", "Show pulse"])
    full = layout.sizeHint().width()
    buttons[1].hide()
    assert layout.sizeHint().width() == buttons[0].sizeHint().width() < full
