"""Alt+letter must do one thing per window: no two mnemonics share a letter, in English or Dutch."""

import re
from collections import Counter

import pytest
from locations import PACKAGE
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel

from phr.ui.app.main_window import MainWindow

QM = PACKAGE / "ui" / "translations" / "phr_nl.qm"
MNEMONIC = re.compile(r"&([^&\s])")


def letters_of(widget, skip_hidden=True) -> list[str]:
    found = []
    for child in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        if skip_hidden and not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel) and child.buddy() is None:
            continue
        match = MNEMONIC.search(child.text())
        if match:
            found.append(match.group(1).lower())
    return found


def clashes(letters: list[str]) -> list[str]:
    return sorted(letter for letter, count in Counter(letters).items() if count > 1)


@pytest.fixture(params=["en", "nl"])
def language(request, qapp):
    translator = QTranslator()
    if request.param == "nl":
        assert translator.load(str(QM))
        qapp.installTranslator(translator)
    yield request.param
    qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot, services, language):
    from datetime import date

    from phr.demo.sample_record import fill_sample_record

    fill_sample_record(services, date(2026, 11, 22))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close_for_lock()


def test_each_page_with_the_menu_has_unique_mnemonics(window):
    menu_letters = [MNEMONIC.search(action.text()).group(1).lower()
                    for action in window.menuBar().actions() if MNEMONIC.search(action.text())]
    found = {}
    for key in window.page_keys:
        window.show_page(key)
        letters = letters_of(window.pages.currentWidget()) + menu_letters
        if clashes(letters):
            found[key] = clashes(letters)
    assert found == {}


def test_each_entry_dialog_has_unique_mnemonics(window):
    found = {}
    for key in window.page_keys:
        page = window.page(key)
        for section in [page, getattr(page, "allergies", None)]:
            if section is not None and hasattr(section, "editor") and hasattr(section, "blank"):
                dialog = section.editor(section.blank())
                letters = letters_of(dialog, skip_hidden=False)
                if clashes(letters):
                    found[type(section).__name__] = clashes(letters)
                dialog.deleteLater()
    assert found == {}


def test_the_start_window_has_unique_mnemonics(qtbot, tmp_path, language):
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.start.start_window import StartWindow

    settings = AppSettings(tmp_path / "settings.ini")
    (tmp_path / "record").mkdir()
    settings.remember_record(tmp_path / "record")  # with a record: the list, its buttons and the unlock panel
    window = StartWindow(settings, RecordActions())
    qtbot.addWidget(window)
    window.show()
    letters = letters_of(window)
    assert len(letters) >= 10 and clashes(letters) == []


def test_the_record_menu_uses_each_letter_once(window):
    [menu] = [action.menu() for action in window.menuBar().actions() if action.menu() is not None][:1]
    letters = [MNEMONIC.search(action.text()).group(1).lower() for action in menu.actions()
               if MNEMONIC.search(action.text())]
    assert len(letters) >= 9 and clashes(letters) == []


def test_the_record_menu_imports_a_health_summary(window, monkeypatch):
    from phr.ui.app import main_window

    opened = []
    monkeypatch.setattr(main_window, "open_fhir_import", lambda *args: opened.append(args) or None)
    window.fhir_import_action.trigger()
    assert opened and opened[0][1] is window.open_services()
