"""The device import wizard as a user drives it: a file, maybe a mapping, a progress dialog, a summary."""

import threading

import pytest
from locations import DATA
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox, QWizard

from phr.ui.imports.wizard import FILE, MAPPING, SUMMARY, ImportWizard

SAMPLES = DATA / "samples"


@pytest.fixture
def wizard(qtbot, services):
    shown = ImportWizard(services, "en")
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def warnings(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    return said


def press_next(qtbot, wizard, until: int) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == until, timeout=10_000)


def test_a_libreview_file_is_recognised_imported_and_summarised(qtbot, wizard, services):
    wizard.file_page.load(SAMPLES / "libreview_nl_mmol.csv")
    assert wizard.file_page.chosen_format() == "libreview"
    assert not wizard.file_page.measure.isEnabled()  # a vendor file says what it measures
    assert wizard.nextId() == SUMMARY  # a known vendor file needs no mapping
    with qtbot.waitSignal(wizard.imported, timeout=10_000) as signal:
        wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY)
    summary = signal.args[0]
    assert summary.added == services.readings.count() > 0
    text = wizard.summary_page.text.text()
    assert f"Readings added: {QLocale().toString(summary.added)}" in text and "Notes added to the diary" in text
    assert "File: libreview_nl_mmol.csv (LibreView (FreeStyle Libre))" in text
    assert wizard.summary_page.skipped_model.rowCount() == len(summary.skipped)


def test_importing_the_same_file_again_says_it_was_already_there(qtbot, services, wizard):
    path = SAMPLES / "omron_connect_bp.csv"
    wizard.file_page.load(path)
    press_next(qtbot, wizard, SUMMARY)
    first = wizard.summary.added
    again = ImportWizard(services, "en")
    qtbot.addWidget(again)
    again.show()
    again.file_page.load(path)
    press_next(qtbot, again, SUMMARY)
    assert (again.summary.added, again.summary.already_present) == (0, first)
    assert f"Already in your record (not added again): {QLocale().toString(first)}" in again.summary_page.text.text()


def test_another_csv_goes_through_the_mapping_and_the_mapping_is_saved(qtbot, services, wizard, tmp_path):
    path = tmp_path / "scale.csv"
    path.write_text("Datum;Gewicht (kg);Opmerking\n2026-11-01 07:30;71,4;na het ontbijt\n"
                    "2026-11-02 07:31;71,2;\n2026-11-03 07:29;geen;\n", encoding="utf-8")
    wizard.file_page.load(path)
    wizard.file_page.format.setCurrentIndex(wizard.file_page.format.findData("csv"))
    assert wizard.file_page.measure.isEnabled() and wizard.nextId() == MAPPING
    press_next(qtbot, wizard, MAPPING)
    page = wizard.mapping_page
    assert page.preview_model.rowCount() == 3
    page.time_column.setCurrentIndex(page.time_column.findData("Datum"))
    page.value_column.setCurrentIndex(page.value_column.findData("Gewicht (kg)"))
    page.measure.setCurrentIndex(page.measure.findData("weight"))
    page.save_as.setText("Weegschaal")
    press_next(qtbot, wizard, SUMMARY)
    assert wizard.summary.added == 2 and [row.reason for row in wizard.summary.skipped] == ["bad_value"]
    assert services.readings.latest("weight").value == pytest.approx(71.2)
    assert [saved.name for saved in services.mappings.all()] == ["Weegschaal"]
    assert wizard.summary_page.skipped_model.item(0, 1).text() == "the value is not a number"


def stored_methods(services, measure: str) -> list[str]:
    return [reading.method for reading in services.readings.page(measure, 0, 100)]


def choose_method(wizard, words: str) -> None:
    method = wizard.file_page.method
    method.setCurrentIndex(method.findText(words))


def test_the_method_of_another_csv_is_asked_and_stored_with_every_reading(qtbot, services, wizard, tmp_path):
    path = tmp_path / "cgm.csv"
    path.write_text("time,value\n2026-11-01T07:30:00+01:00,5.4\n2026-11-01T07:35:00+01:00,2.8\n", encoding="utf-8")
    wizard.file_page.load(path)
    page = wizard.file_page
    assert page.chosen_format() == "csv" and page.method.isEnabled()
    assert [page.method.itemText(i) for i in range(page.method.count())] == [
        "Sensor (continuous glucose monitor)", "Finger prick meter", "Lab", "Typed by hand", "Not known"]
    assert page.method.currentText() == "Not known" and page.method_meaning.isVisibleTo(page)  # by default
    page.measure.setCurrentIndex(page.measure.findData("glucose"))
    choose_method(wizard, "Sensor (continuous glucose monitor)")
    assert not page.method_meaning.isVisibleTo(page)
    press_next(qtbot, wizard, SUMMARY)
    assert wizard.summary.added == 2
    assert stored_methods(services, "glucose") == ["sensor", "sensor"]


def test_a_mapped_csv_takes_the_method_too(qtbot, services, wizard, tmp_path):
    path = tmp_path / "meter.csv"
    path.write_text("Datum;Glucose\n2026-11-01 07:30;6,1\n", encoding="utf-8")
    wizard.file_page.load(path)
    choose_method(wizard, "Finger prick meter")
    press_next(qtbot, wizard, MAPPING)
    page = wizard.mapping_page
    page.time_column.setCurrentIndex(page.time_column.findData("Datum"))
    page.value_column.setCurrentIndex(page.value_column.findData("Glucose"))
    page.measure.setCurrentIndex(page.measure.findData("glucose"))
    press_next(qtbot, wizard, SUMMARY)
    assert stored_methods(services, "glucose") == ["fingerstick"]


def test_a_csv_whose_method_is_not_known_is_stored_without_one(qtbot, services, wizard, tmp_path):
    path = tmp_path / "weight.csv"
    path.write_text("time,value\n2026-11-01T07:30:00+01:00,71.4\n", encoding="utf-8")
    wizard.file_page.load(path)
    wizard.file_page.measure.setCurrentIndex(wizard.file_page.measure.findData("weight"))
    press_next(qtbot, wizard, SUMMARY)
    assert stored_methods(services, "weight") == [""]


def test_a_device_file_is_asked_no_method_and_keeps_its_own(qtbot, services, wizard):
    choose_method(wizard, "Lab")  # chosen before the file: a vendor's file ignores it
    wizard.file_page.load(SAMPLES / "dexcom_clarity_mmol.csv")
    page = wizard.file_page
    assert not page.method.isEnabled() and page.chosen_method() == ""
    assert not page.method_meaning.isVisibleTo(page)
    press_next(qtbot, wizard, SUMMARY)
    assert set(stored_methods(services, "glucose")) == {"sensor"}


def test_a_picture_is_refused_on_the_first_page(wizard, tmp_path):
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    wizard.file_page.load(path)
    assert not wizard.file_page.isComplete()
    assert "not a CSV file" in wizard.file_page.problem.text()


def test_a_file_of_the_wrong_kind_gets_a_clear_message_and_changes_nothing(qtbot, services, wizard, warnings):
    wizard.file_page.load(SAMPLES / "omron_connect_bp.csv")
    wizard.file_page.format.setCurrentIndex(wizard.file_page.format.findData("dexcom"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "cannot read this file as “Dexcom Clarity”" in warnings[0]
    assert wizard.currentId() == FILE and not wizard.is_busy
    assert services.readings.count() == 0


def test_cancel_in_the_progress_dialog_adds_nothing(qtbot, services, wizard, warnings, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from phr.ui.imports import wizard as import_wizard

    real, clicked = import_wizard.import_file, threading.Event()

    def import_after_the_click(*args, **by_name):
        clicked.wait(10)  # the worker is busy while the user presses Cancel
        return real(*args, **by_name)  # the import's first progress report then stops it
    monkeypatch.setattr(import_wizard, "import_file", import_after_the_click)
    wizard.file_page.load(SAMPLES / "dexcom_clarity_mmol.csv")
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.findChild(import_wizard._ImportProgress) is not None)
    progress = wizard.findChild(import_wizard._ImportProgress)
    progress.findChild(QPushButton).click()
    assert progress.isVisible() and "Stopping" in progress.labelText()  # open until the worker rolled back
    clicked.set()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "cancelled" in warnings[0] and services.readings.count() == 0
    assert wizard.currentId() == FILE
    qtbot.waitUntil(lambda: wizard.findChild(import_wizard._ImportProgress) is None)  # closed and gone


def test_escape_in_the_progress_dialog_cancels_and_no_second_import_can_start(qtbot, services, wizard, warnings,
                                                                               monkeypatch):
    from PySide6.QtCore import Qt

    from phr.ui.imports import wizard as import_wizard

    real, clicked, started = import_wizard.import_file, threading.Event(), []

    def import_after_the_key(*args, **by_name):
        started.append(args)
        clicked.wait(10)
        return real(*args, **by_name)
    monkeypatch.setattr(import_wizard, "import_file", import_after_the_key)
    wizard.file_page.load(SAMPLES / "omron_connect_bp.csv")
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.findChild(import_wizard._ImportProgress) is not None)
    progress = wizard.findChild(import_wizard._ImportProgress)
    qtbot.waitUntil(progress.isVisible)
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert progress.isVisible() and "Stopping" in progress.labelText()  # Escape is Cancel, not 'hide'
    progress.close()  # the window's close button: the same
    assert progress.isVisible()
    wizard.button(QWizard.WizardButton.NextButton).click()  # were the wizard reachable: no second import
    clicked.set()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert len(started) == 1 and not wizard.is_busy
    assert "cancelled" in warnings[0] and services.readings.count() == 0


def test_the_record_stays_readable_during_an_import_and_shows_nothing_of_it_until_it_is_done(
        qtbot, services, wizard, monkeypatch):
    from phr.ui.imports import wizard as import_wizard

    real, storing, go_on = import_wizard.import_file, threading.Event(), threading.Event()

    def import_that_pauses_while_storing(*args, **by_name):
        report = args[-1]

        def paused(fraction):
            if fraction > 0.8 and not storing.is_set():  # inside the import's transaction
                storing.set()
                go_on.wait(10)
            return report(fraction)
        return real(*args[:-1], paused, **by_name)
    monkeypatch.setattr(import_wizard, "import_file", import_that_pauses_while_storing)
    wizard.file_page.load(SAMPLES / "dexcom_clarity_mmol.csv")
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(storing.is_set, timeout=10_000)
    assert services.readings.count() == 0  # the app's connection reads on, and sees no half import
    go_on.set()
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY, timeout=10_000)
    assert services.readings.count() == wizard.summary.added == 2016


def test_the_mapping_offers_only_units_regie_can_convert(qtbot, services, wizard, tmp_path):
    path = tmp_path / "meter.csv"
    path.write_text("Wanneer,Suiker\n2026-11-01 07:30,99\n", encoding="utf-8")
    wizard.file_page.load(path)
    wizard.file_page.format.setCurrentIndex(wizard.file_page.format.findData("csv"))
    press_next(qtbot, wizard, MAPPING)
    page = wizard.mapping_page
    page.measure.setCurrentIndex(page.measure.findData("glucose"))
    assert [page.unit.itemText(i) for i in range(page.unit.count())] == ["mmol/L", "mg/dL"]
    page.measure.setCurrentIndex(page.measure.findData("weight"))
    assert [page.unit.itemText(i) for i in range(page.unit.count())] == ["kg", "g", "lb"]
    page.measure.setCurrentIndex(page.measure.findData("glucose"))
    page.unit.setCurrentIndex(page.unit.findText("mg/dL"))
    page.time_column.setCurrentIndex(page.time_column.findData("Wanneer"))
    page.value_column.setCurrentIndex(page.value_column.findData("Suiker"))
    press_next(qtbot, wizard, SUMMARY)
    assert services.readings.latest("glucose").value == pytest.approx(99 / 18.016, abs=0.01)


def test_a_file_without_readings_says_what_it_held_instead(wizard, warnings):
    from phr.imports.device_import import NoReadings

    wizard._on_failed(NoReadings("food.csv", "libreview", 3, {"not_a_reading": 2, "bad_time": 1}), "auto")
    [said] = warnings
    assert said == ("“food.csv” (LibreView (FreeStyle Libre)) holds no readings. Of its 3 rows: 2 × not a reading "
                    "(other data in the file); 1 × the time cannot be read. Nothing was added.")


def test_the_summary_names_what_was_left_out_and_the_member_of_a_skipped_line(wizard):
    from PySide6.QtCore import QLocale

    from phr.imports.devices.model import DeviceImportSummary, SkippedRow

    summary = DeviceImportSummary("apple_health", 12, 0, [SkippedRow(7, "bad_value", "bp.csv")], 0,
                                  {"HKQuantityTypeIdentifierStepCount": 5000, "Workout": 3, "SleepAnalysis": 40},
                                  {"implausible": 2})
    wizard.summary_page.show_summary(summary, "export.zip")
    text = wizard.summary_page.text.text()
    assert "Rows skipped: 3" in text
    records = QLocale().toString(5043)
    assert (f"Left out, because they are no readings Regie keeps: {records} records (such as "
            "StepCount, SleepAnalysis, Workout)") in text
    assert wizard.summary_page.skipped_model.item(0, 0).text() == "7 in bp.csv"
