"""The diagnosis form's Orphanet and HPO look-ups and its emergency fields, driven with the keyboard."""

import threading

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QScrollArea, QWidget

from phr.record.care_team import CareTeamService, Contact
from phr.record.diagnoses import Diagnosis, DiagnosisService
from phr.reference import orphanet
from phr.ui.forms.lookup_field import LookupField
from phr.ui.pages.diagnoses_page import DiagnosesPage

CAH = "Classic congenital adrenal hyperplasia due to 21-hydroxylase deficiency"


@pytest.fixture(autouse=True)
def english():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def loaded() -> None:
    orphanet.load()


@pytest.fixture
def diagnoses(session):
    return DiagnosisService(session)


@pytest.fixture
def page(qtbot, diagnoses, session, events):
    widget = DiagnosesPage(diagnoses, session, events)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def dialog(page, loaded):
    opened = page.editor(page.blank())
    opened.show()
    return opened


def lookup(dialog, name: str = "orphanet_lookup") -> LookupField:
    found = dialog.findChild(LookupField, name)
    assert found is not None
    return found


def typed_in(dialog, name: str) -> QWidget:
    """The widget one types in for a field (behind the boxes that add help or a picker)."""
    widget = dialog.field(name).widget
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def shown(field: LookupField) -> list[str]:
    return [field.matches.item(row).text() for row in range(field.matches.count())]


def test_typing_part_of_a_name_shows_matches_and_down_enter_fills_code_and_english_name(dialog, qtbot):
    qtbot.keyClicks(dialog.field("name").widget, "Bijnierschorshyperplasie")
    field = lookup(dialog)
    qtbot.keyClicks(field.edit, "adrenal congenital 21")
    assert field.matches.isVisible()
    assert shown(field)[0] == f"{CAH} (ORPHA:90794)"
    assert "1 found" in field.status.text()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert dialog.field("orpha_code").widget.text() == "ORPHA:90794"
    assert dialog.field("name_en").get() == CAH
    assert dialog.field("name").get() == "Bijnierschorshyperplasie"  # the person's own words stay
    assert not field.matches.isVisible() and field.edit.text() == ""
    assert CAH in field.status.text()
    assert dialog.isVisible() and dialog.result() == 0  # Enter picked; it did not save the form


def test_arrows_move_through_the_matches(dialog, qtbot):
    field = lookup(dialog)
    qtbot.keyClicks(field.edit, "adrenal")
    names = shown(field)
    assert len(names) > 3 and all("adrenal" in name.lower() for name in names)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
        qtbot.keyClick(field.edit, key)
    assert field.matches.currentRow() == 1
    assert field.edit.accessibleDescription() == names[1]  # what a screen reader reads
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    code = int(names[1].rsplit("ORPHA:", 1)[1].rstrip(")"))
    assert dialog.field("orpha_code").get() == code
    assert dialog.field("name_en").get() == orphanet.english_name(code)


def test_typing_the_code_finds_it_and_enter_picks_the_first_match(dialog, qtbot):
    field = lookup(dialog)
    qtbot.keyClicks(field.edit, "90794")
    assert shown(field)[0] == f"{CAH} (ORPHA:90794)"
    qtbot.keyClick(field.edit, Qt.Key.Key_Enter)
    assert dialog.field("orpha_code").get() == 90794
    assert dialog.field("name").get() == CAH  # no name of one's own yet: Orphanet's is a start


def test_escape_closes_the_matches_and_not_the_form(dialog, qtbot):
    field = lookup(dialog)
    qtbot.keyClicks(field.edit, "adrenal")
    qtbot.keyClick(field.edit, Qt.Key.Key_Escape)
    assert not field.matches.isVisible() and dialog.isVisible()
    assert dialog.field("orpha_code").get() is None
    qtbot.keyClick(field.edit, Qt.Key.Key_Escape)  # then it empties the search
    assert field.edit.text() == "" and dialog.isVisible()


def test_nothing_found_says_so_and_enter_does_not_save(dialog, diagnoses, qtbot):
    qtbot.keyClicks(dialog.field("name").widget, "CAH")
    field = lookup(dialog)
    qtbot.keyClicks(field.edit, "xyzzyqq")
    assert not field.matches.isVisible()
    assert "Nothing found" in field.status.text()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and diagnoses.all() == []


def test_the_symptom_picker_adds_a_line_once(dialog, qtbot):
    qtbot.keyClicks(typed_in(dialog, "crisis_signs"), "Erg moe")
    picker = lookup(dialog, "symptom_lookup")
    for _ in range(2):
        qtbot.keyClicks(picker.edit, "vomiting")
        assert shown(picker)[0] == "Vomiting (HP:0002013)"
        qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert dialog.field("crisis_signs").get() == "Erg moe\nVomiting (HP:0002013)"
    assert "Added: Vomiting (HP:0002013)" in picker.status.text()


def test_the_orphanet_page_can_be_taken_as_the_guideline_once_there_is_a_code(dialog, qtbot):
    button = next(b for b in dialog.findChildren(QPushButton) if "Orphanet page" in b.text())
    assert not button.isEnabled()
    qtbot.keyClicks(dialog.field("orpha_code").widget, "ORPHA:90794")
    assert button.isEnabled() and button.toolTip() == "https://www.orpha.net/en/disease/detail/90794"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.field("emergency_guideline").get() == "https://www.orpha.net/en/disease/detail/90794"


def test_saving_stores_every_new_field_and_the_details_show_them(page, diagnoses, session, dialogs, qtbot, loaded):
    doctor = CareTeamService(session).add(Contact(name="dr. Eva Hoekstra", role="specialist")).item_id

    def enter(dialog):
        field = lookup(dialog)
        qtbot.keyClicks(dialog.field("name").widget, "Bijnierziekte")
        qtbot.keyClicks(field.edit, "90794")
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
        dialog.field("treating_physician").set(doctor)
        qtbot.keyClicks(typed_in(dialog, "emergency_protocol"), "100 mg hydrocortison i.m.")
        qtbot.keyClicks(typed_in(dialog, "emergency_avoid"), "Etomidaat: remt de bijnier")
        picker = lookup(dialog, "symptom_lookup")
        qtbot.keyClicks(picker.edit, "HP:0002013")
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)

    dialogs.append(enter)
    page.add()
    [saved] = diagnoses.all()
    assert (saved.name, saved.name_en, saved.orpha_code, saved.treating_physician) == (
        "Bijnierziekte", CAH, 90794, doctor)
    assert (saved.emergency_protocol, saved.emergency_avoid, saved.crisis_signs, saved.emergency_guideline) == (
        "100 mg hydrocortison i.m.", "Etomidaat: remt de bijnier", "Vomiting (HP:0002013)", "")
    details = page.details.toPlainText()
    for text in (f"Name in English\n{CAH}", "Treated by\ndr. Eva Hoekstra", "In an emergency",
                 "What a doctor must do\n100 mg hydrocortison i.m.", "Signs of a crisis\nVomiting (HP:0002013)",
                 "What to avoid\nEtomidaat: remt de bijnier", "Emergency guideline\nNot filled in"):
        assert text in details


def test_while_the_list_loads_typing_goes_on_and_the_search_follows(page, qtbot, monkeypatch, loaded):
    release, ready, calls = threading.Event(), {"now": False}, []
    monkeypatch.setattr(orphanet, "is_loaded", lambda: ready["now"])

    def slow_load(apart: bool = False) -> None:
        calls.append(apart)
        release.wait(10)
        ready["now"] = True

    monkeypatch.setattr(orphanet, "load", slow_load)
    dialog = page.editor(page.blank())
    field = lookup(dialog)
    qtbot.keyClicks(field.edit, "90794")
    assert field.edit.text() == "90794"
    assert field.status.text() == "Loading the list of rare diseases…" and not field.matches.isVisible()
    with qtbot.waitSignal(field._loader.ready, timeout=10_000):
        release.set()
    assert shown(field)[0] == f"{CAH} (ORPHA:90794)"
    assert calls == [True]  # once, in a separate process: loading in this one would hold up the window


def test_the_form_starts_in_the_lookup_and_tab_follows_the_form(dialog, qtbot):
    field = lookup(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field.edit)
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [dialog.field("name").widget, typed_in(dialog, "name_en"),
                         dialog.field("orpha_code").widget]
    tops = [widget.mapTo(dialog, widget.rect().topLeft()).y() for widget in [field.edit, *order]]
    assert tops == sorted(tops)


def test_the_form_is_no_taller_than_the_screen_and_scrolls(dialog):
    room = dialog.screen().availableGeometry().height()
    assert dialog.height() <= room - 80
    assert dialog.findChild(QScrollArea).verticalScrollBar().maximum() > 0


def test_an_existing_diagnosis_keeps_its_name_when_a_code_is_picked(page, diagnoses, dialogs, qtbot, loaded):
    diagnoses.add(Diagnosis(name="Ziekte van Addison", status="confirmed"))
    page.reload()

    def pick(dialog):
        field = lookup(dialog)
        qtbot.keyClicks(field.edit, "Addison disease")
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)

    dialogs.append(pick)
    page.edit_selected()
    [saved] = diagnoses.all()
    assert saved.name == "Ziekte van Addison"
    assert saved.orpha_code is not None and saved.name_en == orphanet.english_name(saved.orpha_code)
    assert "addison" in saved.name_en.lower()
    assert isinstance(dialogs.last.field("name").widget, QLineEdit)


def test_the_english_name_follows_another_code_typed_after_a_pick_but_not_the_persons_own(dialog, qtbot):
    qtbot.keyClicks(lookup(dialog).edit, "90794")
    qtbot.keyClick(lookup(dialog).edit, Qt.Key.Key_Return)
    assert dialog.field("name_en").get() == CAH
    dialog.field("orpha_code").set(586)  # typed over: another disease
    assert dialog.field("name_en").get() == orphanet.english_name(586) != CAH
    dialog.field("name_en").set("My own English name")
    dialog.field("orpha_code").set(90794)
    assert dialog.field("name_en").get() == "My own English name"
