"""Several records on one computer: labels in the start window, a folder that is not there, switching records.

Driven like a user would, through the real AppController (pytest-qt, offscreen).
"""

import shutil

import pytest
import shiboken6
from conftest import PASSPHRASE
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QToolBar, QWidget

from phr.ui.app.controller import AppController
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.start.start_window import MISSING_ROLE

ANNA, BRAM = "Anna Achterberg", "Bram Bakker"
BRAM_PASSPHRASE = "seven green owls sing at noon"


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "config" / "settings.ini"


@pytest.fixture
def two_records(tmp_path, create_fast):
    folders = {}
    for name, passphrase, folder in ((ANNA, PASSPHRASE, "anna.regie"), (BRAM, BRAM_PASSPHRASE, "bram.regie")):
        created = create_fast(tmp_path / folder, name, passphrase)
        created.session.lock()
        folders[name] = tmp_path / folder
    return folders


@pytest.fixture
def controller(qtbot, settings_path, create_fast, two_records):
    settings = AppSettings(settings_path)
    settings.remember_record(two_records[BRAM])
    settings.remember_record(two_records[ANNA])
    settings.set_record_label(str(two_records[ANNA]), "Mum")
    app = AppController(settings, RecordActions(create=create_fast), quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.show()
    qtbot.waitExposed(app.start_window)
    yield app
    app.lock()


def item_for(start, folder):
    items = [start.record_list.item(row) for row in range(start.record_list.count())]
    return next(item for item in items if item.data(Qt.ItemDataRole.UserRole) == str(folder))


def choose(qtbot, start, folder):
    item = item_for(start, folder)
    rect = start.record_list.visualItemRect(item)
    qtbot.mouseClick(start.record_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert start.record_list.currentItem() is item
    return item


def unlock(qtbot, controller, passphrase):
    panel = controller.start_window.unlock_panel
    qtbot.keyClicks(panel.passphrase, passphrase)
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    qtbot.waitExposed(controller.main_window)
    return controller.main_window


def texts_in(window: QWidget) -> list[str]:
    """Every text a user or a screen reader can get from the window: labels, fields, menus, tables, titles."""
    texts = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        for getter in ("text", "toPlainText", "placeholderText", "toolTip", "accessibleName", "title",
                       "currentText", "windowTitle"):
            try:
                value = getattr(widget, getter, lambda: None)()
            except TypeError:  # a method of that name that needs arguments
                continue
            if isinstance(value, str):
                texts.append(value)
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
    return texts


def model_texts(model) -> list[str]:
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model: one column
        columns = 1
    return [str(model.index(row, column).data(role) or "") for row in range(model.rowCount(root))
            for column in range(columns) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)]


def test_switching_locks_the_first_record_and_opens_the_second(qtbot, controller, two_records):
    start = controller.start_window
    assert start.record_list.count() == 2
    choose(qtbot, start, two_records[ANNA])
    main_a = unlock(qtbot, controller, PASSPHRASE)
    session_a, services_a = controller.session, main_a.services
    assert main_a.name_label.text() == ANNA and main_a.name_label.isVisible()
    assert ANNA in main_a.windowTitle()
    assert any(ANNA in text for text in texts_in(main_a))  # the search below finds a name where there is one

    assert main_a.switch_action in main_a.menuBar().actions()[0].menu().actions()
    with qtbot.waitActive(main_a):
        main_a.activateWindow()
    qtbot.keyClick(main_a.navigation, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert controller.session is None and controller.main_window is None
    assert not session_a.is_open
    with pytest.raises(RuntimeError, match="locked"):  # a locked session holds nobody's name or key
        session_a.author
    with pytest.raises(RuntimeError):
        session_a.db
    with pytest.raises(RuntimeError):
        services_a.diagnoses.all()
    qtbot.waitUntil(lambda: not shiboken6.isValid(main_a))
    assert not (two_records[ANNA] / "record.db-wal").exists()  # the database is closed
    assert start.isVisible()
    assert start.record_list.currentItem() is item_for(start, two_records[ANNA])

    choose(qtbot, start, two_records[BRAM])
    main_b = unlock(qtbot, controller, BRAM_PASSPHRASE)
    assert controller.session.folder == two_records[BRAM]
    assert main_b.name_label.text() == BRAM and BRAM in main_b.windowTitle()
    assert any(BRAM in text for text in texts_in(main_b))
    assert not [text for text in texts_in(main_b) if "Anna" in text or "Achterberg" in text]


def test_the_list_shows_labels_and_f2_renames_one(qtbot, controller, two_records, settings_path):
    start = controller.start_window
    anna, bram = item_for(start, two_records[ANNA]), item_for(start, two_records[BRAM])
    assert anna.text() == f"Mum\n{two_records[ANNA]}"
    assert bram.text() == f"bram.regie\n{two_records[BRAM]}"  # no label yet: the folder name

    choose(qtbot, start, two_records[BRAM])
    with qtbot.waitActive(start):
        start.activateWindow()
    qtbot.keyClick(start.record_list, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: start.label_dialog is not None)  # a button's shortcut clicks it after a moment
    dialog = start.label_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.edit.hasFocus)  # the field to type in, once the dialog is active
    assert "not encrypted" in dialog.warning.text() and "health details" in dialog.warning.text()
    qtbot.keyClicks(dialog.edit, "Dad")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert start.label_dialog is None
    assert AppSettings(settings_path).record_label(str(two_records[BRAM])) == "Dad"
    assert item_for(start, two_records[BRAM]).text() == f"Dad\n{two_records[BRAM]}"
    assert start.record_list.currentItem() is item_for(start, two_records[BRAM])
    for name in ("Anna", "Achterberg", "Bram", "Bakker"):  # labels and paths only, never the names inside
        assert name.encode() not in settings_path.read_bytes()


def test_an_emptied_label_shows_the_folder_name_again_and_cancel_keeps_it(qtbot, controller, two_records,
                                                                         settings_path):
    start = controller.start_window
    choose(qtbot, start, two_records[ANNA])
    start.rename_button.click()
    start.label_dialog.edit.setText("Something else")
    start.label_dialog.reject()
    assert AppSettings(settings_path).record_label(str(two_records[ANNA])) == "Mum"

    start.rename_button.click()
    assert start.label_dialog.edit.text() == "Mum"
    start.label_dialog.edit.clear()
    start.label_dialog.accept()
    assert AppSettings(settings_path).record_label(str(two_records[ANNA])) == ""
    assert item_for(start, two_records[ANNA]).text() == f"anna.regie\n{two_records[ANNA]}"


def test_removing_a_record_from_the_list_forgets_its_label(qtbot, controller, two_records, settings_path):
    start = controller.start_window
    choose(qtbot, start, two_records[ANNA])
    qtbot.mouseClick(start.forget_button, Qt.MouseButton.LeftButton)
    assert AppSettings(settings_path).known_records() == [str(two_records[BRAM])]
    assert AppSettings(settings_path).record_label(str(two_records[ANNA])) == ""
    assert b"Mum" not in settings_path.read_bytes()
    assert (two_records[ANNA] / "record.db").exists()


def test_a_record_on_a_stick_that_is_not_plugged_in_cannot_be_unlocked(qtbot, controller, two_records, tmp_path):
    start = controller.start_window
    stick = tmp_path / "unplugged.regie"
    shutil.move(two_records[ANNA], stick)  # the USB stick is pulled out
    start.check_folders()
    anna = choose(qtbot, start, two_records[ANNA])
    assert anna.data(MISSING_ROLE) is True
    assert anna.text() == f"Mum\n{two_records[ANNA]} — not found"
    panel = start.unlock_panel
    assert not panel.passphrase.isEnabled() and not panel.unlock_button.isEnabled()
    assert not panel.forgot_button.isEnabled()
    assert "cannot find this record folder" in panel.message.text()
    assert start.forget_button.isEnabled()  # it can still be taken off the list

    bram = choose(qtbot, start, two_records[BRAM])
    assert not bram.data(MISSING_ROLE) and panel.passphrase.isEnabled() and panel.message.text() == ""

    shutil.move(stick, two_records[ANNA])  # plugged in again; choosing it looks again
    choose(qtbot, start, two_records[ANNA])
    assert not anna.data(MISSING_ROLE) and anna.text() == f"Mum\n{two_records[ANNA]}"
    main = unlock(qtbot, controller, PASSPHRASE)
    assert main.name_label.text() == ANNA


def test_the_name_stays_in_view_in_a_narrow_window(qtbot, controller, tmp_path, create_fast):
    long_name = "Maria Theresia Johanna Wilhelmina Cornelia van Oldenbarnevelt-Hoogstraten tot Schaffelaar"
    create_fast(tmp_path / "maria.regie", long_name, PASSPHRASE).session.lock()
    controller.start_window.add_known_record(tmp_path / "maria.regie")
    main = unlock(qtbot, controller, PASSPHRASE)
    toolbar = main.findChild(QToolBar, "record-toolbar")
    for width in (1400, 900, 300):
        main.resize(width, 600)
        qtbot.waitUntil(lambda: toolbar.width() == main.width())
        label = main.name_label
        assert label.isVisible() and label.text() == long_name and label.toolTip() == long_name
        assert label.width() >= 200, "enough of the name is readable"
        assert main.width() <= max(width, 900), "a long name must not make the window wider than asked"
        assert label.mapTo(main, label.rect().topRight()).x() <= main.width()
        assert long_name in main.windowTitle()
