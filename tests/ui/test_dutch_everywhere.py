"""No English left in the Dutch app (issue 17): every page and dialog is opened in Dutch and read.

A shown text (label, button, tab, group box, column header, cell, placeholder, tooltip, accessible name,
window title, menu item) fails when it is an English source whose Dutch differs (phr_nl.ts, the Words
catalogue), a stored vocabulary value shown as it is ('monitoring' for Metingen), markup escaped twice
('&quot;'), or holds an English word no Dutch text has. Qt's own dialogs come from qtbase_nl.qm.
"""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from dialog_walk import opens_more, press_every_button, read_what_opens
from locations import DATA
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
    QWizard,
)
from visible_texts import TS_FILE, Catalogue, english_in, plain, visible_texts

from phr.demo.sample_record import fill_sample_record
from phr.ui.app.i18n import install_translators, qt_gaps, qt_translations
from phr.ui.app.main_window import MainWindow
from phr.words.catalogue import DUTCH

translate = QCoreApplication.translate
CATALOGUE = Catalogue.load()


@pytest.fixture
def dutch(qapp):
    before = QLocale()
    translators = install_translators(qapp, "nl")
    assert len(translators) == 2  # Qt's own catalogue and ours
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def english_by_nature(widget: QWidget) -> bool:
    """Texts that stay in their own language: licences and library names (About), Qt's About box, the names
    of time zones (cities)."""
    window = widget.window()
    if type(window).__name__ == "AboutDialog":
        return any(isinstance(part, (QPlainTextEdit, QTreeWidget)) for part in ancestors(widget))
    if isinstance(window, QMessageBox) and window.windowTitle() == translate("QMessageBox", "About Qt"):
        return widget.objectName() == "qt_msgbox_informativelabel"
    return type(widget).__name__ == "ZoneChoice"


def ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    while widget is not None:
        found.append(widget)
        widget = widget.parentWidget()
    return found


class Reader:
    """Reads each window once (and what its own buttons open, one level deep); collects what is English."""

    def __init__(self) -> None:
        self.problems: set[str] = set()
        self.titles: list[str] = []
        self.depth = 0

    def __call__(self, window: QWidget) -> None:
        self.titles.append(plain(window.windowTitle()))
        found = english_in(visible_texts(window, english_by_nature), CATALOGUE)
        self.problems |= {f"[{plain(window.windowTitle())}] {problem}" for problem in found}
        if self.depth == 0 and opens_more(window):
            self.depth += 1
            try:
                press_every_button(window, self)
            finally:
                self.depth -= 1


def test_the_reader_finds_english_escaped_markup_and_stored_values(qtbot):
    """The check itself: what it must flag, and Dutch (with the person's own words) it must let pass."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    column = QVBoxLayout(box)
    for text in ("Look in:", "&Add…", "Gevonden in: monitoring", "Schrijf &quot;stressdosis&quot;",
                 "Nothing noted yet.", "Zoeken in:", "Hydrocortison 10 mg, 3 keer per dag", "Wat u moet vermijden"):
        column.addWidget(QLabel(text))
    column.addWidget(QPushButton("&Toevoegen…"))
    found = english_in(visible_texts(box), CATALOGUE)
    flagged = {problem.split(": ", 1)[1] for problem in found}
    assert flagged == {"untranslated: 'Look in:'", "untranslated: 'Add…'", "untranslated: 'monitoring'",
                       "escaped twice: 'Schrijf &quot;stressdosis&quot;'", "English word 'Nothing' in 'Nothing noted "
                       "yet.'"}


@pytest.fixture(params=["new", "sample"])
def window(request, qtbot, services, dutch):
    """The main window on a new, empty record (the first run) and on the sample record."""
    if request.param == "sample":
        fill_sample_record(services, date(2026, 11, 22))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close_for_lock()


# The offscreen platform cannot raise a window nor let a popup (the calendar) grab the keyboard; a screen can.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_every_page_and_every_dialog_of_the_record_is_dutch(window, qtbot):
    read = Reader()
    read(window)
    for key in window.page_keys:
        window.show_page(key)
        read(window)  # the page, now shown, with its own texts
        press_every_button(window.pages.currentWidget(), read)
    for action in window.menuBar().actions():
        for item in action.menu().actions():
            if item.text() and item not in (window.lock_action, window.switch_action, window.quit_action):
                read_what_opens(item.trigger, read)
    window.search_box.setText("hydrocortison")
    window.search()
    read(window)
    assert {"Nieuwe meting", "Exporteren", "Mantelzorgers", "Over Regie"} <= set(read.titles)
    assert not read.problems, "\n".join(sorted(read.problems))


def test_the_settings_the_start_window_and_the_new_record_wizard_are_dutch(qtbot, tmp_path, services, dutch):
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.app.settings_dialog import open_settings_dialog
    from phr.ui.start.start_window import StartWindow

    read = Reader()
    settings = AppSettings(tmp_path / "settings.ini")
    read_what_opens(lambda: open_settings_dialog(None, settings, services, "nl"), read)
    (tmp_path / "dossier-1.regie").mkdir()  # a folder's name shows as it is
    settings.remember_record(tmp_path / "dossier-1.regie")
    start = StartWindow(settings, RecordActions())
    qtbot.addWidget(start)
    start.show()
    read(start)
    read.depth = 1  # its buttons open the new-record wizard, the restore dialog and a folder dialog; read those
    sample = {translate("StartWindow", "Explore the &sample record"),
              translate("StartWindow", "First look around in a sample record")}
    press_every_button(start, read, skip=lambda button: button.text() in sample)  # that one makes a record
    assert {"Instellingen", "Nieuw dossier", "Reservekopie terugzetten", "Label voor dit dossier"} <= set(read.titles)
    assert not read.problems, "\n".join(sorted(read.problems))


def test_the_export_preview_is_dutch(qtbot, sample_services, dutch):
    from phr.ui.export.dialog import ExportDialog

    dialog = ExportDialog(sample_services, "nl")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.preview_button.click()
    read = Reader()
    read(dialog.preview)
    read.depth = 1
    press_every_button(dialog.preview, read)  # Save… opens the file dialog
    dialog.preview.reject()
    assert "Export opslaan" in read.titles
    assert not read.problems, "\n".join(sorted(read.problems))


def test_every_page_of_the_import_wizard_is_dutch(qtbot, services, dutch, tmp_path):
    from phr.ui.imports.wizard import MAPPING, SUMMARY, ImportWizard

    wizard = ImportWizard(services, "nl")
    qtbot.addWidget(wizard)
    wizard.show()
    path = tmp_path / "weegschaal.csv"
    path.write_text("Datum;Gewicht (kg)\n2026-11-01 07:30;71,4\n2026-11-03 07:29;geen\n", encoding="utf-8")
    wizard.file_page.load(path)
    wizard.file_page.format.setCurrentIndex(wizard.file_page.format.findData("csv"))
    read = Reader()
    read(wizard)
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING, timeout=10_000)
    page = wizard.mapping_page
    page.time_column.setCurrentIndex(page.time_column.findData("Datum"))
    page.value_column.setCurrentIndex(page.value_column.findData("Gewicht (kg)"))
    page.measure.setCurrentIndex(page.measure.findData("weight"))
    read(wizard)
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY, timeout=10_000)
    read(wizard)
    assert wizard.summary.added == 1 and wizard.summary_page.skipped_model.rowCount() == 1
    assert not read.problems, "\n".join(sorted(read.problems))


def test_a_new_record_shows_no_escaped_markup_on_about_me(qtbot, services, dutch):
    """'&quot;' once showed on About me in every new record (a hint escaped twice)."""
    from phr.ui.app.events import RecordEvents
    from phr.ui.pages.person_page import PersonPage

    page = PersonPage(services.person, services.allergies, services.session, RecordEvents())
    qtbot.addWidget(page)
    page.show()
    texts = [shown.text for shown in visible_texts(page)]
    assert any("Over mij" in text for text in texts)
    assert not [text for text in texts if "&quot;" in text or "&amp;" in text]


def test_search_results_name_each_section_in_dutch(window):
    from phr.core.vocabulary import Section
    from phr.ui.text.vocabulary import label

    window.search_box.setText("hydrocortison")
    window.search()
    model = window.search_page.model
    found_in = {model.index(row, 0).data() for row in range(model.rowCount())}
    if model.rowCount():  # the sample record: the diary, the diagnoses and the medicines hold the word
        assert label(Section.MONITORING) == "Metingen" and "Metingen" in found_in
        assert found_in <= {label(section) for section in Section}
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Gevonden in"


# --- Qt's own texts --------------------------------------------------------------------------------------


def qt_texts() -> list[tuple[str, str]]:
    """The texts of Qt's own dialogs and menus the app uses: the file dialog (Qt's own, as where the desktop
    has none), message box and button box buttons, a line edit's menu, the calendar, the wizard's buttons."""
    shown = []
    for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
        dialog = QFileDialog(None, "", str(DATA / "samples"), "CSV (*.csv)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        shown += [(s.where, s.text) for s in visible_texts(dialog) if s.where.split()[-1] != "cell"]
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Close)
    box.setDetailedText("…")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Apply)
    wizard = QWizard()
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()  # owned by the line edit
    calendar = QCalendarWidget()
    for widget in (box, buttons, wizard, menu, calendar):
        shown += [(s.where, s.text) for s in visible_texts(widget)]
    edit.deleteLater()
    return shown


def test_qts_own_dialogs_buttons_and_menus_are_dutch(qapp):
    before = QLocale()
    english_texts = qt_texts()
    translators = install_translators(qapp, "nl")
    try:
        dutch_texts = qt_texts()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
    same_in_dutch = {"OK", "Help", "Type", "Computer", "CSV (*.csv)", "…"}
    unchanged = {plain(nl) for (_where, en), (_w, nl) in zip(english_texts, dutch_texts, strict=True)
                 if en == nl and any(c.isalpha() for c in nl) and plain(nl) not in same_in_dutch
                 and not nl.startswith("/")}  # the folder shown
    assert unchanged == set()
    shown = {plain(text.split("\t")[0]) for _where, text in dutch_texts}  # a menu item without its shortcut
    assert {"Zoeken in:", "Soort bestand:", "Bestandsnaam:", "Ja", "Nee", "Annuleren", "Details tonen...",
            "Alles selecteren", "januari"} <= shown


def test_each_qt_text_the_app_translates_itself_is_one_qtbase_lacks(qapp, dutch):
    qtbase = QTranslator()
    assert qtbase.load("qtbase_nl", str(qt_translations()))
    for (context, english), shown in qt_gaps().items():
        assert shown and shown != english, (context, english)
        if (context, english) == ("QWizard", "&Finish"):  # qtbase's own gives Back and Finish one Alt-letter
            assert mnemonic(qtbase.translate(context, english)) == mnemonic(qtbase.translate(context, "< &Back"))
            assert mnemonic(shown) != mnemonic(QApplication.translate(context, "< &Back"))
        else:
            assert qtbase.translate(context, english, "All other platforms" if english == "Folder" else None) == ""
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"  # the rest comes from qtbase


def mnemonic(text: str) -> str:
    return text[text.index("&") + 1].lower()


# --- the same words in the app and the PDFs ---------------------------------------------------------------

# An English text both the app and the PDFs use, with other Dutch on purpose: (context, English) -> why.
OTHER_ON_PURPOSE = {
    ("Diagnoses", "&Notes:"): "the form's label says whose notes ('Uw notities'): every letter of Notities is taken",
    ("ImportWizard", "Not known"): "an answer the person chooses ('Weet ik niet'), not a term",
    ("Monitoring", "Readin&gs"): "the list of readings; the PDFs' Readings is a count (Aantal)",
    ("Monitoring", "Readings"): "the list of readings; the PDFs' Readings is a count (Aantal)",
    ("MonitoringStats", "Standard deviation (SD)"): "the app's tooltip names the technical term",
    ("QuickEntry", "&Measure:"): "a question in a form ('Wat u meet')",
    ("Results", "Lab results"): "the page's title says whose results",
    ("SettingsDialog", "English"): "a language is named in its own language in the language choice",
}


def term(text: str) -> str:
    return plain(text).rstrip(":").strip().lower()


def test_the_app_and_the_pdfs_use_the_same_dutch_for_the_same_english():
    pdf = {term(english): dutch for english, dutch in DUTCH.items()}
    differ = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            english = message.findtext("source") or ""
            if translation is None or translation.findall("numerusform") or term(english) not in pdf:
                continue
            if term("".join(translation.itertext())) != term(pdf[term(english)]):
                differ[(context.findtext("name"), english)] = ("".join(translation.itertext()), pdf[term(english)])
    assert {key: value for key, value in differ.items() if key not in OTHER_ON_PURPOSE} == {}
    assert set(OTHER_ON_PURPOSE) <= set(differ)  # each reason still has its difference
