"""The vaccinations, procedures and lab results pages, driven as a person would; the record is checked through
its services."""

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from phr.core.entries import Change, ChangeKind, import_stamp
from phr.core.vocabulary import Section
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.record.codings import Coding
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination
from phr.ui.history.procedures_page import ProceduresPage
from phr.ui.history.results_page import ResultsPage
from phr.ui.history.vaccinations_page import VaccinationsPage

TAKEN = datetime(2026, 11, 10, 9, 30, tzinfo=timezone.utc)


def fill(**values):
    def apply(dialog):
        for name, value in values.items():
            dialog.field(name).set(value)
    return apply


def shown(widget, qtbot):
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


@pytest.fixture
def vaccinations(qtbot, services, events):
    return shown(VaccinationsPage(services.vaccinations, events), qtbot)


@pytest.fixture
def procedures(qtbot, services, events):
    return shown(ProceduresPage(services.procedures, events), qtbot)


def add_results(services):
    """Potassium below, then within its range; creatinine above; sodium without a range."""
    session = services.session
    lab = services.lab_results
    with session.db.transaction():
        stamp = import_stamp(session, "fhir_import", "uitslagen.json")
        potassium = lab.lab_measure("2823-3", "mmol/L", "Kalium", 1, stamp).key
        creatinine = lab.lab_measure("2160-0", "µmol/L", "Kreatinine", 0, stamp).key
        sodium = lab.lab_measure("2951-2", "mmol/L", "Natrium", 0, stamp).key
        lab.add_results([
            LabResult(potassium, TAKEN - timedelta(days=90), 4.1, ReferenceRange(3.5, 5.0)),
            LabResult(potassium, TAKEN, 3.3, ReferenceRange(3.5, 5.0)),
            LabResult(creatinine, TAKEN, 118, ReferenceRange(60, 110)),
            LabResult(sodium, TAKEN, 139),
        ], "fhir_import", "uitslagen.json")
    return {"potassium": potassium, "creatinine": creatinine, "sodium": sodium}


@pytest.fixture
def results(qtbot, services, events):
    return shown(ResultsPage(services.lab_results, events, "en"), qtbot)


def rows(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


# --- vaccinations -----------------------------------------------------------------------------------------


def test_add_a_vaccination_with_every_field(vaccinations, services, dialogs):
    dialogs.append(fill(vaccine="COVID-19 (Comirnaty)", given_on="2021-06", dose_number=2, against="COVID-19",
                        given_by="GGD", lot_number="FK1234", notes="Een dag koorts"))
    vaccinations.add()
    [saved] = services.vaccinations.all()
    assert (saved.vaccine, saved.given_on, saved.dose_number, saved.against, saved.given_by, saved.lot_number,
            saved.notes) == ("COVID-19 (Comirnaty)", "2021-06", 2, "COVID-19", "GGD", "FK1234", "Een dag koorts")
    assert rows(vaccinations.model) == [["COVID-19 (Comirnaty)", "June 2021", "2", "COVID-19"]]
    assert "FK1234" in vaccinations.details.toPlainText()


def test_a_vaccination_needs_its_vaccine_and_keeps_what_was_typed(vaccinations, services, dialogs, qtbot):
    def type_date_only(dialog):
        qtbot.keyClicks(dialog.field("given_on").widget, "5-2021")

    dialogs.append(type_date_only)
    vaccinations.add()
    assert not dialogs.last.result() and services.vaccinations.all() == []
    assert dialogs.last.field("given_on").widget.text() == "5-2021"
    assert dialogs.last._error_labels["vaccine"].isVisibleTo(dialogs.last)


def test_the_dose_number_may_stay_empty(vaccinations, services, dialogs):
    dialogs.append(fill(vaccine="BMR", given_on="1998"))
    vaccinations.add()
    assert services.vaccinations.all()[0].dose_number is None


def test_the_batch_number_says_where_to_find_it(vaccinations):
    dialog = vaccinations.editor(vaccinations.blank())
    field = dialog.field("lot_number").widget.focusProxy()
    assert "vaccination card" in field.accessibleDescription()
    dialog.deleteLater()


def test_codes_from_a_file_wait_behind_more_details_for_the_doctor(vaccinations, services):
    services.vaccinations.add(Vaccination("Influenza", "2025-10-14", codes=(
        Coding("http://snomed.info/sct", "86198006", "Influenza vaccination"),)))
    vaccinations.reload()
    shown = vaccinations.details.toPlainText()
    assert "SNOMED" not in shown and "More details (for the doctor)" in shown  # codes mean little to most readers
    vaccinations.details.anchorClicked.emit(QUrl("#more-details"))
    shown = vaccinations.details.toPlainText()
    assert "SNOMED CT 86198006 (Influenza vaccination)" in shown and "computer systems" in shown  # with what it is
    vaccinations.details.anchorClicked.emit(QUrl("#less-details"))
    assert "SNOMED" not in vaccinations.details.toPlainText()
    services.vaccinations.add(Vaccination("Griepprik", "2024-10"))
    vaccinations.reload(select_id=services.vaccinations.all()[-1].id)
    assert "More details" not in vaccinations.details.toPlainText()  # nothing for the doctor: no link


def test_change_and_delete_a_vaccination_with_undo(vaccinations, services, dialogs):
    services.vaccinations.add(Vaccination("Griepprik", "2024-10"))
    vaccinations.reload()
    dialogs.append(fill(against="griep"))
    vaccinations.edit_selected()
    assert services.vaccinations.all()[0].against == "griep"
    vaccinations.delete_selected()
    assert services.vaccinations.all() == [] and vaccinations.model.rowCount() == 0
    assert "Griepprik" in vaccinations.undo_text.text()
    vaccinations.undo_delete()
    assert [v.vaccine for v in services.vaccinations.all()] == ["Griepprik"]
    assert vaccinations.model.rowCount() == 1


# --- procedures -------------------------------------------------------------------------------------------


def test_add_change_and_delete_a_procedure_with_undo(procedures, services, dialogs):
    dialogs.append(fill(name="Blindedarm verwijderd", performed_on="2009-03-02", place="Rijnstate, Arnhem",
                        body_site="buik", notes="Misselijk na de narcose"))
    procedures.add()
    [saved] = services.procedures.all()
    assert (saved.name, saved.performed_on, saved.place, saved.body_site, saved.notes) == (
        "Blindedarm verwijderd", "2009-03-02", "Rijnstate, Arnhem", "buik", "Misselijk na de narcose")
    assert rows(procedures.model) == [["Blindedarm verwijderd", "2 March 2009", "Rijnstate, Arnhem", "buik"]]
    dialogs.append(fill(place="Ziekenhuis Rijnstate"))
    procedures.edit_selected()
    assert services.procedures.all()[0].place == "Ziekenhuis Rijnstate"
    procedures.delete_selected()
    assert services.procedures.all() == []
    procedures.undo_delete()
    assert [p.name for p in services.procedures.all()] == ["Blindedarm verwijderd"]


def test_the_notes_of_a_procedure_ask_about_the_anaesthesia(procedures):
    dialog = procedures.editor(procedures.blank())
    assert "anaesthesia" in dialog.field("notes").widget.focusProxy().accessibleDescription()
    dialog.deleteLater()


def test_a_procedure_needs_a_name(procedures, services, dialogs):
    dialogs.append(fill(performed_on="2016"))
    procedures.add()
    assert not dialogs.last.result() and services.procedures.all() == []


# --- the keyboard -----------------------------------------------------------------------------------------


def test_tab_reaches_every_control_and_leaves_the_list(procedures, services, qtbot):
    for name in ("Kijkoperatie knie", "Gastroscopie"):
        services.procedures.add(Procedure(name, "2016"))
    procedures.reload()
    procedures.add_button.setFocus()
    reached = []
    for _ in range(5):
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert reached == [procedures.add_button, procedures.edit_button, procedures.delete_button, procedures.table,
                       procedures.details]
    assert QApplication.focusWidget() is not procedures.table  # Tab went on: out of the page's list


def test_the_arrow_keys_move_in_the_list(procedures, services, qtbot):
    for name in ("Kijkoperatie knie", "Gastroscopie"):
        services.procedures.add(Procedure(name, "2016"))
    procedures.reload()
    procedures.table.setFocus()
    qtbot.keyClick(procedures.table, Qt.Key.Key_Down)
    assert procedures.selected().name == "Kijkoperatie knie"


def test_tab_goes_from_the_results_list_to_the_chosen_results(results, services, qtbot):
    add_results(services)
    results.reload()
    results.table.setFocus()
    qtbot.keyClick(results.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is results.results_table


# --- results ----------------------------------------------------------------------------------------------


def test_the_results_list_says_where_each_latest_value_lies(results, services):
    add_results(services)
    results.reload()
    assert rows(results.model) == [
        ["Kalium", "3.3 mmol/L", "10 November 2026", "3.5 – 5.0", "Below the range"],
        ["Kreatinine", "118 µmol/L", "10 November 2026", "60 – 110", "Above the range"],
        ["Natrium", "139 mmol/L", "10 November 2026", "", "No range given"],
    ]
    # Not by colour alone: words, and the chart's own symbol where there is a range to lie against.
    icons = [results.model.index(r, 4).data(Qt.ItemDataRole.DecorationRole) for r in range(3)]
    assert icons[0] is not None and icons[1] is not None and icons[2] is None


def test_choosing_a_measure_shows_all_its_results_and_the_range_band(results, services):
    keys = add_results(services)
    results.reload(select_key=keys["potassium"])
    assert rows(results.results_model) == [["10 Nov 2026", "3.3 mmol/L", "3.5 – 5.0", "Below the range"],
                                           ["12 Aug 2026", "4.1 mmol/L", "3.5 – 5.0", "Within the range"]]
    assert results.chart.band.items  # the normal range as a band
    assert "Normal range: 3.5 – 5.0" in results.chart.legend.text()
    assert "Results of Kalium: 2." in results.chart.summary.text()
    results.select_measure(keys["sodium"])
    assert results.chart.band.items == [] and "no normal range" in results.chart.summary.text()


def test_without_results_the_page_says_where_they_come_from(results):
    assert results.model.rowCount() == 0
    assert "FHIR file that you import" in results.intro.text()
    assert not results.body.isVisible()


def test_results_follow_a_change_of_the_measurements(results, services, events):
    add_results(services)
    events.announce(Change(Section.MONITORING, ChangeKind.ADDED, 0))
    assert results.model.rowCount() == 3 and results.body.isVisible()


def test_locking_forgets_the_results(results, services):
    add_results(services)
    results.reload()
    results.release()
    assert results.model.rowCount() == 0 and results.results_model.rowCount() == 0
    assert results.chart.summary.text() == ""


# --- the main window --------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, services):
    from phr.ui.app.main_window import MainWindow

    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close_for_lock()


def test_the_history_pages_come_after_documents_and_the_daily_ones_have_a_key(window):
    keys = [str(key) for key in window.page_keys]
    assert keys[keys.index("documents"):keys.index("timeline")] == ["documents", "vaccinations", "procedures"]
    # Ctrl+1 ... Ctrl+0 reach the first ten: measurements (daily) and results among them
    assert {"monitoring", "results", "documents"} <= set(keys[:10])


@pytest.mark.parametrize("section", ["vaccinations", "procedures"])
def test_a_search_hit_leads_to_its_page_and_entry(window, services, qtbot, section):
    services.vaccinations.add(Vaccination("Hepatitis B", "2019-01", against="hepatitis B"))
    services.procedures.add(Procedure("Galblaas verwijderd", "2012", notes="Hepatitis-test vooraf"))
    wanted = {"vaccinations": services.vaccinations.all()[0].id, "procedures": services.procedures.all()[0].id}
    window.search_box.setText("hepatitis")
    window.search()
    hits = window.search_page._hits
    row = next(i for i, hit in enumerate(hits) if hit.section == section)
    window.search_page.table.activated.emit(window.search_page.model.index(row, 0))
    page = window.page(section)
    assert window.pages.currentWidget() is page and page.selected().id == wanted[section]


def test_the_timeline_shows_vaccinations_and_operations_and_opens_them(window, services):
    services.vaccinations.add(Vaccination("DTP", "2010-05-01"))
    target = services.procedures.add(Procedure("Amandelen geknipt", "1995")).item_id
    window.show_page("timeline")
    timeline = window.page("timeline")
    timeline.reload()
    titles = [timeline.model.item(r).title for r in range(timeline.model.rowCount())]
    assert titles == ["DTP", "Amandelen geknipt"]
    timeline.table.activated.emit(timeline.model.index(1, 0))
    assert window.pages.currentWidget() is window.page("procedures")
    assert window.page("procedures").selected().id == target


def test_at_1024_pixels_no_word_of_the_results_table_is_cut_off(services, qtbot, qapp):
    """The table and the chart share the width once the page has its real size, not the size it was built at
    (in Dutch: 'Hoger dan normaal' is the longest word in the table)."""
    from datetime import date

    from phr.demo.sample_record import fill_sample_record
    from phr.ui.app.i18n import install_translators
    from phr.ui.app.main_window import MainWindow
    from phr.ui.app.navigation import Page

    fill_sample_record(services, date(2026, 11, 22))
    translators = install_translators(qapp, "nl")
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1024, 768)
    main.show()
    main.show_page(Page.RESULTS)
    page = main.page(Page.RESULTS)
    view, last = page.results_table, page.results_model.columnCount() - 1
    assert page.results_model.rowCount() == 4  # the first test, 17-OH-progesterone: two results above the range
    try:
        qtbot.waitUntil(lambda: view.columnWidth(last) >= view.sizeHintForColumn(last), timeout=3000)
    finally:
        main.close_for_lock()
        for translator in translators:
            qapp.removeTranslator(translator)
