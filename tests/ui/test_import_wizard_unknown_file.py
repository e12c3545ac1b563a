"""A file of no known kind in the import wizard: one sentence says what it looks like (its encoding when unusual,
its delimiter, its columns), and Enter goes on to the mapping step, which reads it. A file that is no table, or
no text at all, is refused on the first page with a sentence saying why, and offers no mapping."""

import pytest
from locations import PACKAGE
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QWizard

from phr.ui.imports.wizard import FILE, MAPPING, SUMMARY, ImportWizard

QM = PACKAGE / "ui" / "translations" / "phr_nl.qm"
# A title line, then a scale's columns; none of them is a vendor's.
SCALE = ("Export of my scale\n"
         "Date,Weight (kg),Fat (%),Note\n"
         "2026-11-01 07:30,71.4,22.1,after breakfast\n"
         "2026-11-02 07:31,71.2,22.0,\n")
# Lines about the device before its columns, in UTF-16 with tabs (as Excel's "Unicode text" and Medtronic write).
SENSOR = ("Sensor Data Export File\r\nDEVICE INFO\r\nRecorder\tSome Recorder\ts/n: 1\t\r\n"
          "Index\tDate and time\tSource\tSensor Glucose (mmol/L)\tISIG Value\tEvent\r\n"
          "1\t2026-11-01 08:00\tGSR\t5,4\t20,1\t\r\n"
          "2\t2026-11-01 08:05\tGSR\t5,6\t20,3\t\r\n"
          "3\t2026-11-01 08:10\tGSR\t\t\tCalibration\r\n")


@pytest.fixture
def wizard(qtbot, services):
    shown = ImportWizard(services, "en")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def press_enter(qtbot, wizard, until: int) -> None:
    """Enter where the focus is, as someone who just chose the file with the keyboard."""
    focus = wizard.focusWidget() or wizard
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == until, timeout=10_000)


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def next_text(wizard) -> str:
    return wizard.button(QWizard.WizardButton.NextButton).text()


def test_an_unknown_csv_is_described_and_enter_maps_and_imports_it(qtbot, wizard, services, tmp_path):
    path = tmp_path / "scale.csv"
    path.write_text(SCALE, encoding="utf-8")
    page = wizard.file_page
    page.choose_button.setFocus()   # where the focus is after the file dialog
    page.load(path)
    about = page.about.text()
    assert about == ("Regie does not know this kind of file. It is a table with 4 columns, separated by commas, from "
                     "line 2: “Date”, “Weight (kg)”, “Fat (%)”, “Note”. On the next page you choose which column "
                     "holds the time and which the value.")
    assert page.about.isVisible() and page.isComplete() and next_text(wizard) == "&Next: the columns >"
    press_enter(qtbot, wizard, MAPPING)
    mapping = wizard.mapping_page
    assert [mapping.time_column.itemText(i) for i in range(mapping.time_column.count())] == [
        "Date", "Weight (kg)", "Fat (%)", "Note"]
    assert mapping.preview_model.rowCount() == 2 and "line 2" in mapping.rows_label.text()
    choose(mapping.time_column, "Date")
    choose(mapping.value_column, "Weight (kg)")
    choose(mapping.note_column, "Note")
    choose(mapping.measure, "weight")
    mapping.time_column.setFocus()
    press_enter(qtbot, wizard, SUMMARY)
    assert wizard.summary.added == 2 == services.readings.count()
    assert services.readings.latest("weight").value == pytest.approx(71.2)


def test_a_utf16_file_with_tabs_and_lines_before_its_columns(qtbot, wizard, services, tmp_path):
    path = tmp_path / "sensor.txt"
    path.write_bytes(SENSOR.encode("utf-16"))
    page = wizard.file_page
    page.load(path)
    assert page.about.text().startswith(
        "Regie does not know this kind of file. It is a table in UTF-16 text with 6 columns, separated by tabs, from "
        "line 4: “Index”, “Date and time”, “Source”, “Sensor Glucose (mmol/L)”, “ISIG Value”, “Event”.")
    page.choose_button.setFocus()
    press_enter(qtbot, wizard, MAPPING)
    mapping = wizard.mapping_page
    assert mapping.preview_model.horizontalHeaderItem(3).text() == "Sensor Glucose (mmol/L)"
    choose(mapping.time_column, "Date and time")
    choose(mapping.value_column, "Sensor Glucose (mmol/L)")
    choose(mapping.measure, "glucose")
    mapping.save_as.setText("Sensor")
    mapping.save_as.setFocus()
    press_enter(qtbot, wizard, SUMMARY)
    assert [row.reason for row in wizard.summary.skipped] == ["no_value"]
    assert wizard.summary.added == 2 and services.readings.latest("glucose").value == pytest.approx(5.6)
    assert [saved.name for saved in services.mappings.all()] == ["Sensor"]


def test_a_long_row_of_columns_is_cut_short_in_the_sentence(wizard, tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(";".join(f"Column {n}" for n in range(1, 13)) + "\n" + ";".join("1" * 12) + "\n")
    wizard.file_page.load(path)
    assert wizard.file_page.about.text().endswith(
        "“Column 7”, “Column 8” and 4 more. On the next page you choose which column holds the time and which "
        "the value.")
    assert "separated by semicolons" in wizard.file_page.about.text()


def test_a_plain_time_value_csv_needs_no_words_and_no_mapping(wizard, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("time,value\n2026-11-01T07:30:00+01:00,71.4\n")
    wizard.file_page.load(path)
    assert not wizard.file_page.about.isVisibleTo(wizard.file_page) and wizard.nextId() == SUMMARY
    assert next_text(wizard) == wizard.buttonText(QWizard.WizardButton.NextButton)


@pytest.mark.parametrize(("data", "said"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8, "it is not text (it may be a PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8, "it is not text (it may be a PDF"),
    (b'<?xml version="1.0"?>\n<catalog><book id="x"/></catalog>\n', "This file looks like XML, not like a "
                                                                              "table with columns"),
    (b'{"resourceType": "Bundle", "type": "searchset", "entry": []}', "This file looks like JSON"),
    (b"just some words\nand more words\n", "This file is text without columns"),
    (b"\n\n  \n", "This file is empty."),
])
def test_a_file_no_mapping_can_read_is_refused_on_the_first_page(qtbot, wizard, tmp_path, data, said):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    page = wizard.file_page
    page.choose_button.setFocus()
    page.load(path)
    assert said in page.problem.text()
    assert not page.isComplete() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not page.about.isVisibleTo(page) and not page.needs_mapping()
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)
    assert wizard.currentId() == FILE


def test_the_xml_refusal_points_to_the_health_summary_import(wizard, tmp_path):
    path = tmp_path / "bundle.xml"
    path.write_text('<Bundle xmlns="http://hl7.org/fhir"><type value="document"/></Bundle>\n')
    wizard.file_page.load(path)
    assert "Then choose “Import a health summary (FHIR file)…” in the Record menu." in wizard.file_page.problem.text()


def test_a_good_file_after_a_refused_one_is_read(wizard, tmp_path):
    bad, good = tmp_path / "photo.csv", tmp_path / "scale.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    good.write_text(SCALE)
    wizard.file_page.load(bad)
    wizard.file_page.load(good)
    assert wizard.file_page.problem.text() == "" and wizard.file_page.isComplete()
    assert wizard.file_page.about.isVisibleTo(wizard.file_page) and wizard.nextId() == MAPPING


@pytest.fixture
def dutch(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_sentence_is_in_dutch_too(dutch, qtbot, services, tmp_path):
    path = tmp_path / "sensor.txt"
    path.write_bytes(SENSOR.encode("utf-16"))
    shown = ImportWizard(services, "nl")
    qtbot.addWidget(shown)
    shown.file_page.load(path)
    assert shown.file_page.about.text().startswith(
        "Regie kent dit soort bestand niet. Het is een tabel in UTF-16-tekst met 6 kolommen, gescheiden door tabs, "
        "vanaf regel 4: “Index”,")


def test_a_refused_file_after_a_good_one_leaves_nothing_to_import(wizard, tmp_path):
    good, refused = tmp_path / "scale.csv", tmp_path / "photo.csv"
    good.write_text(SCALE)
    refused.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    wizard.file_page.load(good)
    assert wizard.file_page.isComplete()
    wizard.file_page.load(refused)
    assert wizard.file_page.problem.text() and not wizard.file_page.isComplete()
    assert wizard.file_page.data is None and not wizard.file_page.about.isVisibleTo(wizard.file_page)


def test_an_apple_health_export_is_known_from_its_start_and_imported_from_its_path(wizard, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="nl_NL">\n'
                      '<Record type="HKQuantityTypeIdentifierBodyMass" unit="kg" value="72.5" '
                      'startDate="2024-03-01 08:00:00 +0100" endDate="2024-03-01 08:00:00 +0100"/>\n</HealthData>\n')
    wizard.file_page.load(export)
    assert wizard.file_page.isComplete() and wizard.file_page.data == export   # the path: read by the import
    assert wizard.file_page.chosen_format() == "apple_health" and not wizard.file_page.needs_mapping()
    assert "Apple Health" in wizard.file_page.chosen.text()
