"""The Record menu's health-summary import reaches the FHIR import with the open record. (That every window,
menu and dialog uses each Alt-letter once is tests/ui/test_alt_letters.py's; the keyboard walk checks
that each letter goes somewhere.)"""

import pytest

from phr.ui.app.main_window import MainWindow


@pytest.fixture
def window(qtbot, services):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close_for_lock()


def test_the_record_menu_imports_a_health_summary(window, monkeypatch):
    from phr.ui.app import main_window

    opened = []
    monkeypatch.setattr(main_window, "open_fhir_import", lambda *args: opened.append(args) or None)
    window.fhir_import_action.trigger()
    assert opened and opened[0][1] is window.open_services()
