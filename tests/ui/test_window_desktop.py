"""The main window as a desktop app: its title, keys for the sections, Quit, its size on small screens and at
large text, the text-size setting, and a focus indicator that can be seen."""

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QToolBar

from phr.ui.app.controller import AppController
from phr.ui.app.desktop import window_size
from phr.ui.app.desktop.focus_ring import RING, install_focus_rings
from phr.ui.app.desktop.section_list import KEY_ROLE, section_key
from phr.ui.app.desktop.text_size import apply_text_size, desktop_point_size, step_text_size
from phr.ui.app.desktop.window_size import fitted_size
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.widgets.type_scale import HEADING, TITLE


@pytest.fixture
def normal_text(qapp):
    """The text size is the application's: every test leaves it as it found it."""
    yield
    apply_text_size(qapp, 100)


@pytest.fixture
def screen(monkeypatch):
    """A 1024 × 768 screen (the offscreen platform's own is 800 × 800)."""
    from phr.ui.app import main_window

    room = QRect(0, 0, 1024, 768)
    monkeypatch.setattr(window_size, "available_geometry", lambda _window: room)
    monkeypatch.setattr(main_window, "available_geometry", lambda _window: room)
    return room


@pytest.fixture
def window(qtbot, sample_services, screen):
    from phr.ui.app.main_window import MainWindow

    main = MainWindow(sample_services)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)  # keys go to the active window only
    yield main
    main.close_for_lock()


@pytest.fixture
def controller(qtbot, tmp_path, session, screen, normal_text):
    app = AppController(AppSettings(tmp_path / "settings.ini"), RecordActions(), quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.open_record(session)
    yield app
    app.lock()


def test_the_title_is_the_persons_name_and_the_desktop_adds_regie(window, qapp):
    assert window.windowTitle() == window.name_label.text() == "Sanne de Vries"
    assert qapp.applicationDisplayName() in ("Regie", "python", "pytest", qapp.applicationName())


def test_ctrl_1_to_ctrl_0_open_the_first_ten_sections(window, qtbot):
    assert [window.navigation.item(row).data(KEY_ROLE) for row in range(12)] == \
        [f"Ctrl+{n % 10}" for n in range(1, 11)] + [None, None]
    assert window.navigation.item(0).toolTip() == "Overview (Ctrl+1)"
    for row in (2, 7, 9, 0):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + (row + 1) % 10), Qt.KeyboardModifier.ControlModifier)
        assert window.navigation.currentRow() == row
        assert window.pages.currentWidget() is window.page(window.page_keys[row])
    window.go_to_section(5)  # the medicines: the keyboard is on the page, ready to act
    assert window.pages.currentWidget().isAncestorOf(QApplication.focusWidget())


def test_every_key_is_listed_under_help(window, qtbot, monkeypatch):
    from phr.ui.app.desktop import shortcuts_dialog

    shown = []
    monkeypatch.setattr(shortcuts_dialog.ShortcutsDialog, "exec", lambda dialog: shown.append(dialog.rows))
    [keys_action] = [action for action in window.help_menu.actions() if action.text() == "&Keyboard shortcuts"]
    keys_action.trigger()
    rows = dict(shown[0])
    assert rows["Ctrl+P"] == "Print" and rows["Ctrl+Q"] == "Quit" and rows["Ctrl+L"] == "Lock"
    for row in (2, 7, 9):  # Diagnoses, Documents, Operations and procedures
        assert rows[f"Ctrl+{(row + 1) % 10}"] == "Go to " + window.navigation.item(row).text()
    assert rows["Ctrl+F"] == "Search the record" and "Ctrl+M" in rows
    assert rows[QKeySequence(QKeySequence.StandardKey.ZoomOut).toString()] == "Smaller text"
    assert rows[QKeySequence(QKeySequence.StandardKey.ZoomIn).toString() + ", Ctrl+="] == "Larger text"


def test_quit_locks_the_record_and_closes_every_window(controller, qtbot, monkeypatch):
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window = controller.main_window
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    window.quit_action.trigger()
    assert controller.session is None and controller.main_window is None
    assert not controller.start_window.isVisible()
    assert quits == []  # this controller was told not to end the test's application
    controller._quit_on_close = True
    controller.quit()
    assert quits == [True]


@pytest.mark.parametrize("room, expected", [((1024, 768), (1024, 700)), ((1366, 768), (1100, 700)),
                                           ((1920, 1080), (1100, 720)), ((800, 600), (800, 600))])
def test_the_window_fits_the_screen(room, expected):
    assert fitted_size(QSize(*room)) == QSize(*expected)


def test_the_window_opens_where_it_was_last_time(controller, session, template_record, screen, qtbot):
    window = controller.main_window
    assert (window.width(), window.height()) == (1024, 700)  # the first time: fitted to the 1024 × 768 screen
    window.resize(760, 560)
    folder = session.folder
    controller.lock()
    assert controller.settings.main_window_geometry() is not None
    controller.open_record(template_record.open_copy(folder))
    assert controller.main_window.size() == QSize(760, 560)


def test_text_size_changes_every_window_and_is_kept(controller, qapp):
    base = desktop_point_size(qapp)
    window = controller.main_window
    controller.step_text_size(1)
    assert controller.settings.text_size() == 115
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.15, abs=0.1)
    assert window.name_label.font().pointSizeF() == pytest.approx(base * 1.15 * TITLE, abs=0.2)
    assert window.navigation.font().pointSizeF() == pytest.approx(base * 1.15 * HEADING, abs=0.2)  # the type scale
    assert window.navigation.minimumWidth() >= window.navigation.sizeHintForColumn(0)
    window.text_size_step.emit(-1)  # View → Smaller text, as the menu sends it
    assert controller.settings.text_size() == 100
    assert QApplication.font().pointSizeF() == pytest.approx(base, abs=0.1)
    assert [step_text_size(200, 1), step_text_size(100, -1), step_text_size(175, 0)] == [200, 100, 100]
    assert AppSettings(controller.settings.path).text_size() == 100


def test_at_200_percent_on_a_1024_screen_search_and_lock_stay_in_view(window, qapp, normal_text):
    apply_text_size(qapp, 200)
    window.text_size_changed()
    window.resize(1024, 700)
    window.show_page("monitoring")
    qapp.processEvents()
    assert window.width() <= 1024
    toolbar = window.findChild(QToolBar)
    for widget in (window.search_box, toolbar.widgetForAction(window.lock_action)):
        assert widget.isVisible()
        assert widget.mapTo(window, widget.rect().topRight()).x() <= window.width()
    assert window.width() <= 1024  # the page scrolls if it must, the window does not grow


def test_at_200_percent_on_a_1024_screen_the_sections_are_icons_and_the_pages_keep_their_width(window, qapp,
                                                                                                normal_text):
    at_normal = window.navigation.width()
    assert not window.navigation.compact and window.navigation.fitting_width() <= 0.25 * window.width()
    apply_text_size(qapp, 200)
    window.text_size_changed()
    window.resize(1024, 700)
    qapp.processEvents()
    names = window.navigation
    assert names.compact and names.width() < at_normal < 0.25 * window.width()  # 390 pixels of names before
    assert [names.item(row).text() for row in range(3)] == ["Overview", "About me", "Diagnoses"]  # still named
    assert names.item(0).toolTip() == "Overview (Ctrl+1)"
    sideways = []
    for row in range(names.count()):
        window.go_to_section(row)
        qapp.processEvents()
        if window.page_area.horizontalScrollBar().isVisible():
            sideways.append(window.page_keys[row].value)
    assert sideways == []
    apply_text_size(qapp, 100)
    window.text_size_changed()
    qapp.processEvents()
    assert not names.compact and names.width() == at_normal  # names again when they fit


def test_a_focused_control_has_a_ring_of_two_pixels_in_the_highlight_colour(window, qapp, qtbot):
    rings = install_focus_rings(qapp)
    try:
        window.go_to_section(5)
        button = QApplication.focusWidget()
        assert isinstance(button, QPushButton) and rings.ringed_widget is button
        qapp.processEvents()
        picture = window.grab().toImage()
        ring = button.mapTo(window, button.rect().topLeft())
        highlight = window.palette().color(QPalette.ColorRole.Highlight)
        # In the middle of the button's top edge, just outside it: the ring's pixels are the highlight colour.
        x = (ring.x() + button.width() // 2) * picture.devicePixelRatio()
        colours = {picture.pixelColor(int(x), int((ring.y() - d) * picture.devicePixelRatio())).name()
                   for d in range(1, RING + 1)}
        assert colours == {highlight.name()}
        window.search_box.setFocus()
        assert rings.ringed_widget is window.search_box
    finally:
        rings.stop()


def test_section_keys_stop_after_ten():
    assert section_key(0).toString() == "Ctrl+1" and section_key(9).toString() == "Ctrl+0"
    assert section_key(10) is None


def test_the_settings_set_the_text_size_at_once(qtbot, tmp_path, qapp, normal_text):
    from phr.ui.app.settings_dialog import SettingsDialog

    base = desktop_point_size(qapp)
    settings = AppSettings(tmp_path / "settings.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.text_size.currentText() == "100% (normal)"
    assert [dialog.text_size.itemData(i) for i in range(dialog.text_size.count())] == [100, 115, 130, 150, 175, 200]
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))
    dialog.accept()
    assert settings.text_size() == 150
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5, abs=0.1)


def test_at_200_percent_the_settings_scroll_and_ok_stays_in_view(qtbot, tmp_path, qapp, normal_text, monkeypatch,
                                                                 services):
    from phr.storage.keys import kdf
    from phr.ui.app import settings_dialog
    from phr.ui.app.settings_dialog import SettingsDialog

    monkeypatch.setattr(settings_dialog, "available_geometry", lambda _widget: QRect(0, 0, 1024, 768))
    apply_text_size(qapp, 200)
    dialog = SettingsDialog(AppSettings(tmp_path / "settings.ini"), services, "en", kdf.MINIMUM)
    qtbot.addWidget(dialog)
    dialog.show()
    qapp.processEvents()
    assert dialog.height() <= 768 * 0.9 and dialog.width() <= 1024 * 0.9
    assert dialog.area.verticalScrollBar().isVisible()  # the boxes scroll ...
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isVisible() and ok.mapTo(dialog, ok.rect().bottomLeft()).y() <= dialog.height()  # ... OK does not
