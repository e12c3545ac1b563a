"""The diagnoses page, driven like a user would; what the record holds is checked through the service."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QFormLayout, QLabel

from phr.core.entries import Change
from phr.record.care_team import CareTeamService, Contact
from phr.record.diagnoses import Diagnosis, DiagnosisService
from phr.ui.pages.diagnoses_page import DiagnosesPage


@pytest.fixture
def diagnoses(session):
    return DiagnosisService(session)


@pytest.fixture
def contacts(session):
    return CareTeamService(session)


@pytest.fixture
def page(qtbot, diagnoses, session, events):
    widget = DiagnosesPage(diagnoses, session, events)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def fill(**values):
    def apply(dialog):
        for name, value in values.items():
            dialog.field(name).set(value)
    return apply


def type_into(qtbot, **texts):
    """Type like a user; a new line is the Return key (QTest cannot type '\\n' as a character)."""
    def apply(dialog):
        for name, text in texts.items():
            widget = dialog.field(name).widget
            widget.clear()
            for number, line in enumerate(text.split("\n")):
                if number:
                    qtbot.keyClick(widget, Qt.Key.Key_Return)
                qtbot.keyClicks(widget, line)
    return apply


def cells(page, row: int) -> list[str]:
    return [page.model.index(row, column).data() for column in range(page.model.columnCount())]


def test_add_a_carrier_status_with_genetic_details(page, diagnoses, contacts, dialogs, qtbot):
    centre = contacts.add(Contact(name="Radboudumc", role="expertise_centre", kind="organisation")).item_id

    def enter(dialog):
        type_into(qtbot, name="Cystic fibrosis", orpha_code="orpha 586", icd10="e84.0", diagnosed_on="5-2019",
                  gene="CFTR", variant="NM_000492.4:c.1521_1523del p.(Phe508del)", genetic_lab="Erfelijkheid Nijmegen",
                  genetic_test_date="14-5-2019", trusted_websites="www.ncfs.nl\nwww.orpha.net")(dialog)
        fill(status="carrier", zygosity="heterozygous", expertise_centre=centre)(dialog)

    dialogs.append(enter)
    page.add()
    [saved] = diagnoses.all()
    assert (saved.name, saved.status, saved.orpha_code, saved.icd10, saved.diagnosed_on) == (
        "Cystic fibrosis", "carrier", 586, "E84.0", "2019-05")
    assert (saved.gene, saved.variant, saved.zygosity, saved.genetic_test_date, saved.expertise_centre) == (
        "CFTR", "NM_000492.4:c.1521_1523del p.(Phe508del)", "heterozygous", "2019-05-14", centre)
    assert saved.trusted_websites == "www.ncfs.nl\nwww.orpha.net"
    assert cells(page, 0) == ["Cystic fibrosis", "Carrier", "May 2019"]
    details = page.details.toPlainText()
    for text in ("Radboudumc", "www.ncfs.nl\nwww.orpha.net", "Carrier\nCarries the variant; usually no symptoms",
                 "Entered by Zoë Ünal (owner)", "▸ More details (for the doctor)"):
        assert text in details
    assert "ORPHA:586" not in details and "CFTR" not in details  # codes and genetics wait for the doctor
    open_doctor_part(qtbot, page)
    details = page.details.toPlainText()
    for text in ("ORPHA:586\nThe number of this disease in Orphanet", "E84.0\nThe code of the diagnosis",
                 "Genetic details", "CFTR\nThe gene (a part of the DNA)", "14 May 2019",
                 "Heterozygous – on one copy of the gene\nWhether the change is on one copy", "▾ Fewer details"):
        assert text in details


def open_doctor_part(qtbot, page) -> None:
    """With the keyboard: into the details, Tab to the link, Enter."""
    page.details.setFocus()
    qtbot.keyClick(page.details, Qt.Key.Key_Tab)
    qtbot.keyClick(page.details, Qt.Key.Key_Return)


def test_the_part_for_the_doctor_stays_open_and_closes_again(page, diagnoses, qtbot):
    diagnoses.add(Diagnosis(name="CAH", status="confirmed", orpha_code=418, icd10="E25.0"))
    diagnoses.add(Diagnosis(name="Hypothyreoïdie", status="confirmed", icd10="E03.9"))
    diagnoses.add(Diagnosis(name="Moe", status="suspected"))
    page.reload()
    open_doctor_part(qtbot, page)
    assert "E25.0" in page.details.toPlainText()
    page.table.selectRow(1)
    assert "E03.9" in page.details.toPlainText()  # open while browsing
    page.table.selectRow(2)
    assert "details" not in page.details.toPlainText()  # nothing behind it: no link
    page.table.selectRow(0)
    page.details.anchorClicked.emit(QUrl("#less-details"))
    assert "E25.0" not in page.details.toPlainText() and "More details" in page.details.toPlainText()


def test_the_form_groups_the_genetic_details_under_a_heading(page, dialogs):
    dialogs.append(fill(name="CAH"))
    page.add()
    form = dialogs.last.findChild(QFormLayout)
    spanning = [form.itemAt(row, QFormLayout.ItemRole.SpanningRole) for row in range(form.rowCount())]
    headings = [item.widget().text() for item in spanning if item is not None and isinstance(item.widget(), QLabel)]
    assert headings == ["<b>In an emergency</b>", "<b>Genetic details</b>", "<b>Notes and information</b>"]
    gene_row = next(row for row in range(form.rowCount())
                    if (item := form.itemAt(row, QFormLayout.ItemRole.FieldRole)) and item.layout()
                    and item.layout().indexOf(dialogs.last.field("gene").widget) >= 0)
    assert form.itemAt(gene_row - 1, QFormLayout.ItemRole.SpanningRole).widget().text() == "<b>Genetic details</b>"


def test_change_a_diagnosis_shows_the_orphacode_and_keeps_it(page, diagnoses, contacts, dialogs, qtbot):
    doctor = contacts.add(Contact(name="Dr. Bakker", role="specialist")).item_id
    diagnoses.add(Diagnosis(name="Vermoeden CAH", status="suspected", orpha_code=418, diagnosed_on="2003"))
    page.reload()

    def change(dialog):
        assert dialog.field("orpha_code").widget.text() == "ORPHA:418"
        assert dialog.field("diagnosed_on").widget.text() == "2003"
        fill(status="confirmed", diagnosed_by=doctor)(dialog)
        type_into(qtbot, name="Congenitale bijnierhyperplasie")(dialog)

    dialogs.append(change)
    page.edit_selected()
    [saved] = diagnoses.all()
    assert (saved.name, saved.status, saved.orpha_code, saved.diagnosed_on, saved.diagnosed_by) == (
        "Congenitale bijnierhyperplasie", "confirmed", 418, "2003", doctor)
    assert cells(page, 0) == ["Congenitale bijnierhyperplasie", "Confirmed", "2003"]
    assert "Dr. Bakker" in page.details.toPlainText()


def test_bad_input_is_explained_and_keeps_what_was_typed(page, diagnoses, dialogs, qtbot):
    dialogs.append(type_into(qtbot, name="CAH", orpha_code="ORPHA:abc", icd10="E2", diagnosed_on="2019-13",
                             variant="intron 2"))
    page.add()
    dialog = dialogs.last
    assert not dialog.result()
    assert diagnoses.all() == []  # nothing was stored
    typed = {name: dialog.field(name).widget.text() for name in ("name", "orpha_code", "icd10", "diagnosed_on",
                                                                 "variant")}
    assert typed == {"name": "CAH", "orpha_code": "ORPHA:abc", "icd10": "E2", "diagnosed_on": "2019-13",
                     "variant": "intron 2"}
    assert "586 or ORPHA:586" in dialog._error_labels["orpha_code"].text()
    assert "E25.0" in dialog._error_labels["icd10"].text()
    assert "NM_000500.9:c.293-13C>G" in dialog._error_labels["variant"].text()
    assert dialog._error_labels["diagnosed_on"].text() != ""


def test_a_bad_website_line_is_refused_and_kept(page, diagnoses, dialogs, qtbot):
    dialogs.append(type_into(qtbot, name="CAH", trusted_websites="www.bijniernet.nl\nvraag het de arts"))
    page.add()
    assert diagnoses.all() == []
    assert dialogs.last.field("trusted_websites").widget.toPlainText() == "www.bijniernet.nl\nvraag het de arts"
    assert "website" in dialogs.last._error_labels["trusted_websites"].text()


def test_delete_and_undo(page, diagnoses):
    diagnoses.add(Diagnosis(name="Ziekte van Addison", status="confirmed"))
    page.reload()
    page.delete_selected()
    assert diagnoses.all() == [] and page.model.rowCount() == 0
    assert page.undo_bar.isVisible() and "Ziekte van Addison" in page.undo_text.text()
    page.undo_delete()
    assert [d.name for d in diagnoses.all()] == ["Ziekte van Addison"]
    assert page.model.rowCount() == 1 and not page.undo_bar.isVisible()


def test_a_deleted_contact_no_longer_shows_in_the_details(page, diagnoses, contacts, events):
    doctor = contacts.add(Contact(name="Dr. Bakker", role="specialist")).item_id
    diagnoses.add(Diagnosis(name="CAH", diagnosed_by=doctor))
    page.reload()
    assert "Dr. Bakker" in page.details.toPlainText()
    events.changed.emit(contacts.delete(doctor))  # the care team page announces it; this page follows
    assert "Dr. Bakker" not in page.details.toPlainText()
    assert "CAH" in page.details.toPlainText()


def test_a_renamed_contact_shows_in_the_details_and_the_selection_stays(page, diagnoses, contacts, events):
    doctor = contacts.add(Contact(name="Dr. Bakker", role="specialist")).item_id
    diagnoses.add(Diagnosis(name="Addison", diagnosed_on="2010"))  # has the same id as the doctor
    chosen = diagnoses.add(Diagnosis(name="CAH", diagnosed_on="2003", diagnosed_by=doctor)).item_id
    page.reload(select_id=chosen)
    events.changed.emit(contacts.update(replace(contacts.get(doctor), name="Dr. M. Bakker-de Wit")))
    assert page.selected().id == chosen
    assert "Dr. M. Bakker-de Wit" in page.details.toPlainText()


def test_a_link_from_elsewhere_shows_the_diagnosis(page, diagnoses, events):
    first = diagnoses.add(Diagnosis(name="CAH", diagnosed_on="2003")).item_id
    diagnoses.add(Diagnosis(name="Addison", diagnosed_on="2010"))
    page.reload()
    events.show_item.emit("diagnoses", first)
    assert page.selected().id == first


def test_statuses_are_words_not_colours(page, diagnoses, events):
    for name, status in [("A", "confirmed"), ("B", "suspected"), ("C", "carrier"), ("D", "resolved")]:
        events.changed.emit(Change("diagnoses", "added", diagnoses.add(Diagnosis(name=name, status=status)).item_id))
    shown = {cells(page, row)[0]: cells(page, row)[1] for row in range(page.model.rowCount())}
    assert shown == {"A": "Confirmed", "B": "Suspected", "C": "Carrier", "D": "Resolved"}
