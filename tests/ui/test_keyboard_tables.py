"""No record table traps the keyboard: Tab leaves every list on every page (issue 17's first finding)."""

from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractItemView

from phr.demo.sample_record import fill_sample_record
from phr.ui.app.main_window import MainWindow


@pytest.fixture
def window(qtbot, services):
    fill_sample_record(services, date(2026, 11, 22))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close_for_lock()


def test_tab_leaves_every_list_of_every_page(window):
    trapping = {}
    for key in window.page_keys:
        window.show_page(key)
        views = window.pages.currentWidget().findChildren(QAbstractItemView)
        names = [view.accessibleName() or type(view).__name__ for view in views if view.tabKeyNavigation()]
        if names:
            trapping[key] = names
    assert trapping == {}
