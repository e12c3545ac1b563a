"""The main window makes the overview when a record opens and every other page when it is first shown (issue 20,
point 2): the section list, Ctrl+1 … Ctrl+0, a search hit's link and `page()` still reach every page."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from phr.ui.app.main_window import MainWindow
from phr.ui.app.navigation import Page
from phr.ui.app.page_stack import Placeholder
from phr.ui.monitoring.page import MonitoringPage
from phr.ui.pages.overview_page import OverviewPage
from phr.ui.pages.timeline_page import TimelinePage


@pytest.fixture
def window(qtbot, services):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)  # keys go to the active window only
    yield main
    main.close_for_lock()


def made(window: MainWindow) -> list[str]:
    return [str(key) for key in window.page_keys if window.pages.made(key) is not None]


def test_only_the_overview_is_made_when_the_record_opens(window):
    assert made(window) == ["overview"]
    assert isinstance(window.pages.currentWidget(), OverviewPage)
    placeholders = [window.pages.widget(row) for row in range(1, len(window.page_keys))]
    assert all(isinstance(widget, Placeholder) for widget in placeholders)
    assert window.navigation.count() == len(window.page_keys) == 13  # every section is listed all the same


def test_a_page_is_made_in_its_place_when_first_shown_and_kept(window, qtbot):
    row = window.page_keys.index(Page.TIMELINE)
    window.navigation.setCurrentRow(row)
    timeline = window.pages.currentWidget()
    assert isinstance(timeline, TimelinePage) and window.pages.indexOf(timeline) == row
    assert made(window) == ["overview", "timeline"]
    window.navigation.setCurrentRow(0)
    window.navigation.setCurrentRow(row)
    assert window.pages.currentWidget() is timeline  # made once
    assert window.pages.count() == len(window.page_keys) + 1  # the pages and the search page, nothing left over


def test_ctrl_and_a_number_makes_and_shows_the_page(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, MonitoringPage) and window.page_keys[window.pages.currentIndex()] == Page.MONITORING
    assert QApplication.focusWidget() is not None and page.isAncestorOf(QApplication.focusWidget())


def test_page_makes_a_page_not_shown_yet_without_showing_it(window):
    monitoring = window.page(Page.MONITORING)
    assert isinstance(monitoring, MonitoringPage)
    assert window.pages.currentIndex() == 0 and window.pages.widget(window.page_keys.index("monitoring")) is monitoring
    assert window.page("monitoring") is monitoring


def test_a_link_to_a_section_shows_its_page(window):
    window.events.show_item.emit("medications", 0)
    assert window.page_keys[window.pages.currentIndex()] == Page.MEDICATIONS
    assert not isinstance(window.pages.currentWidget(), Placeholder)
