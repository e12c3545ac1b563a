"""The monitoring page over a record with readings: the list, chart, readings, statistics, targets and plan,
diary, and release(). What the record holds is checked through the services."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt

from phr.core.vocabulary import DeviceFlag
from phr.monitoring.readings import Reading
from phr.monitoring.targets import Target
from phr.record.care_team import Contact
from phr.record.diary import DiaryEntry
from phr.ui.monitoring.measures import DIARY
from phr.ui.monitoring.page import MonitoringPage
from phr.ui.monitoring.quick_entry import QuickEntryDialog
from phr.ui.widgets.entry_table import PAGE_SIZE

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=AMSTERDAM)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def english_numbers():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


def bp_series(services, first: date, days: int, values=((128, 82, 66),)):
    readings = [Reading("bp", at(first + timedelta(days=d), 8, n), *value)
                for d in range(days) for n, value in enumerate(values)]
    services.readings.add_batch(readings, "typed", None)


@pytest.fixture
def open_page(qtbot, services, events):
    pages = []

    def make():
        page = MonitoringPage(services, events, "en", now=lambda: NOW)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        with qtbot.waitActive(page):  # keyboard shortcuts work in the active window
            page.show()
            page.activateWindow()
        pages.append(page)
        return page
    yield make
    for page in pages:  # as the main window does before the record locks
        if page.services is not None:
            page.release()


def list_texts(page) -> list[str]:
    return [page.measures.item(row).text() for row in range(page.measures.count())]


def stats_text(page) -> str:
    return page.stats_tab.view.toPlainText()


def fill(**values):
    def apply(dialog):
        for name, value in values.items():
            dialog.field(name).set(value)
    return apply


def test_the_list_shows_your_measures_with_their_latest_values(open_page, services):
    bp_series(services, TODAY, 1)
    services.readings.add_batch([Reading("weight", at(TODAY - timedelta(days=3), 7, 15), 71.25)], "typed", None)
    services.targets.add(Target("glucose", 4.0, 10.0, agreed_on="2026-01-05"))
    page = open_page()
    assert list_texts(page) == ["Glucose\nNo readings yet", "Blood pressure\n128/82 mmHg, pulse 66 — today 08:00",
                                "Weight\n71.3 kg — 19 November 07:15", "Diary\nNothing written yet"]
    page.show_all.setChecked(True)
    assert "Temperature\nNo readings yet" in list_texts(page)
    assert page.measures.current_key() == "glucose"  # the first one, with its agreed target


def test_the_chart_tab_shows_the_chosen_measure(open_page, services):
    bp_series(services, TODAY - timedelta(days=6), 7)
    services.targets.add(Target("bp", None, 140, None, 90, agreed_on="2026-01-05"))
    page = open_page()
    page.select_measure("bp")
    chart = page.chart_tab.chart
    assert chart.measure.key == "bp" and chart.isVisible()
    assert chart._target.high == 140 and chart._target.high2 == 90
    assert "Readings: 7." in chart.summary.text()
    page.select_measure("weight")
    assert page.chart_tab.chart.measure.key == "weight" and chart.parent() is None  # made anew, the old one gone


def test_the_readings_table_pages_and_delete_and_undo_change_the_record(open_page, services, qtbot):
    bp_series(services, TODAY - timedelta(days=249), 250)
    page = open_page()
    page.select_measure("bp")
    page.tabs.setCurrentWidget(page.readings_tab)
    model, table = page.readings_tab.model, page.readings_tab.table
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 250
    assert page.readings_tab.count_label.text() == "Readings: 250"
    newest = page.readings_tab.selected()
    assert newest.taken_at == at(TODAY, 8)
    assert "Entered by Zoë Ünal (owner), typed in" in page.readings_tab.details.toPlainText()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert services.readings.count("bp") == 249 and services.readings.get(newest.id) is None
    assert page.readings_tab.undo_bar.isVisible()
    assert "Reading of 22 November 2026 08:00 deleted: 128/82 mmHg, pulse 66." in page.readings_tab.undo_text.text()
    assert list_texts(page)[0] == "Blood pressure\n128/82 mmHg, pulse 66 — yesterday 08:00"
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.readings.count("bp") == 250 and services.readings.get(newest.id) is not None
    assert not page.readings_tab.undo_bar.isVisible()


def test_a_reading_is_corrected_in_the_quick_entry_dialog(open_page, services, qtbot, monkeypatch):
    services.readings.add(Reading("glucose", at(TODAY, 7), 55.0))
    page = open_page()
    page.tabs.setCurrentWidget(page.readings_tab)

    def type_the_right_value(dialog):
        dialog.show()
        edit = dialog.values.field("value").edit
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit, "5.5")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(QuickEntryDialog, "exec", type_the_right_value)
    page.readings_tab.correct_selected()
    assert services.readings.latest("glucose").value == 5.5
    assert page.readings_tab.model.data(page.readings_tab.model.index(0, 1)) == "5.5 mmol/L"
    assert "Corrected on" in page.readings_tab.details.toPlainText()


def glucose_week(services):
    """13 sensor readings over the last days (one a sensor 'Low'), and a finger prick."""
    values = [2.5, 2.9, 3.0, 3.8, 3.9, 5.0, 7.5, 10.0, 10.1, 13.9, 14.0, 20.6, None]
    readings = [Reading("glucose", at(TODAY - timedelta(days=n % 5), 6 + n), value, method="sensor",
                        flag="below_range" if value is None else "") for n, value in enumerate(values)]
    readings.append(Reading("glucose", at(TODAY, 21), 25.0, method="fingerstick"))
    services.readings.add_batch(readings, "device_import", "libre.csv")


def test_glucose_statistics_with_hand_computed_bands(open_page, services):
    glucose_week(services)
    page = open_page()
    page.select_measure("glucose")
    page.tabs.setCurrentWidget(page.stats_tab)
    text = stats_text(page)
    # 13 sensor readings: very low 2.5, 2.9 and the Low; low 3.0, 3.8; in range 3.9, 5.0, 7.5, 10.0;
    # high 10.1, 13.9; very high 14.0, 20.6. The finger prick (25.0) is left out of the ranges.
    assert "Very high (above 13.9)\n2\n15.4%" in text
    assert "High (10.1 to 13.9)\n2\n15.4%" in text
    assert "In range (3.9 to 10.0)\n4\n30.8%" in text
    assert "Low (3.0 to 3.8)\n2\n15.4%" in text
    assert "Very low (below 3.0)\n3\n23.1%" in text
    assert "from the 13 sensor readings" in text
    # Mean of the 12 sensor numbers: 97.2 / 12 = 8.1; GMI 3.31 + 0.02392 * 8.1 * 18.016 = 6.8 %,
    # 12.71 + 4.70587 * 8.1 = 50.8 mmol/mol.
    assert "Mean glucose\n8.1 mmol/L" in text
    assert "6.8% (51 mmol/mol)" in text
    assert "Readings\n13" in text  # all readings with a number (12 sensor, 1 finger prick)
    assert "Sensor Low: 1. Sensor High: 0." in text
    assert page.stats_tab.bar.isVisible()
    assert "In range (3.9 to 10.0): 30.8%" in page.stats_tab.bar.accessibleDescription()


def test_the_readings_beside_the_sensor_keep_their_own_shares(open_page, services):
    glucose_week(services)
    page = open_page()
    page.select_measure("glucose")
    page.tabs.setCurrentWidget(page.stats_tab)
    text = stats_text(page)
    # The one finger prick (25.0) is not in the sensor's shares, but it is not dropped: its own column
    # says 100% very high and 0% in every other range.
    assert "The 1 other readings (finger prick, lab, typed in or not known) are not in these figures" in text
    assert "Very high (above 13.9)\n2\n15.4%\n100.0%" in text
    assert "Very low (below 3.0)\n3\n23.1%\n0.0%" in text


def test_large_periods_are_worked_out_off_the_gui_thread(open_page, services, qtbot, monkeypatch):
    import phr.ui.monitoring.stats as stats_module
    monkeypatch.setattr(stats_module, "BACKGROUND_FROM", 5)
    glucose_week(services)
    page = open_page()
    page.select_measure("glucose")
    page.tabs.setCurrentWidget(page.stats_tab)
    assert "Working out the figures of 14 readings" in stats_text(page)
    qtbot.waitUntil(lambda: "Mean glucose\n8.1 mmol/L" in stats_text(page), timeout=5000)


def test_the_day_profile_lays_every_day_over_one_clock(open_page, services):
    # 14 days before today, a sensor reading every 15 minutes: 4.0 at night (0-6 h), 12.0 in the
    # afternoon (12-18 h), 6.0 otherwise; on the last day the afternoon reads 3.0 instead.
    readings = []
    for day in range(1, 15):
        for quarter in range(96):
            hour = quarter // 4
            value = 4.0 if hour < 6 else 12.0 if 12 <= hour < 18 else 6.0
            if day == 1 and 12 <= hour < 18:
                value = 3.0
            readings.append(Reading("glucose", at(TODAY - timedelta(days=day), hour, quarter % 4 * 15), value,
                                    method="sensor"))
    services.readings.add_batch(readings, "device_import", "libre.csv")
    page = open_page()
    page.select_measure("bp")
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.profile_tab))
    page.select_measure("glucose")
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.profile_tab))
    page.tabs.setCurrentWidget(page.profile_tab)
    words = page.profile_tab.words.text()
    # 1,344 readings in 1,344 quarter hours: 100% of the time. In range: 6 h of 4.0 (3.9 and up) and 12 h
    # of 6.0 each day = 18 / 24 = 75%; below 3.9: the last day's 6 h of 3.0 = 6 / (14 * 24) = 1.8%.
    assert "1,344 sensor readings; the sensor read 100.0% of the time" in words
    assert "In range (3.9–10.0): 75.0%. Below 3.9: 1.8%, of which below 3.0: 0.0%." in words
    median = [item for item in page.profile_tab.plot.getPlotItem().listDataItems() if item.opts["pen"] is not None]
    minutes, values = median[-1].getData()
    # At 15:00 (a whole hour from any change) 13 days read 12.0 and one 3.0: the median is 12.0, the
    # 5th percentile between them. At 03:00 every reading is 4.0.
    assert values[list(minutes).index(15 * 60)] == 12.0 and values[list(minutes).index(3 * 60)] == 4.0


def test_statistics_follow_the_period(open_page, services):
    glucose_week(services)
    services.readings.add_batch([Reading("glucose", at(TODAY - timedelta(days=40), 8), 6.0, method="sensor")],
                                "typed", None)
    page = open_page()
    page.tabs.setCurrentWidget(page.stats_tab)
    page.stats_tab.period.setCurrentIndex(page.stats_tab.period.findData("week"))
    assert "16 November 2026 – 22 November 2026" in page.stats_tab.period_words.text()
    assert "from the 13 sensor readings" in stats_text(page)
    page.stats_tab.period.setCurrentIndex(page.stats_tab.period.findData("all"))
    assert "from the 14 sensor readings" in stats_text(page)
    assert page.stats_tab.period_words.text().startswith("13 October 2026")


def test_blood_pressure_means_leave_out_the_first_day_of_a_series(open_page, services):
    services.readings.add_batch([Reading("bp", at(TODAY - timedelta(days=2), 8), 150, 95, 80),
                                 Reading("bp", at(TODAY - timedelta(days=1), 8), 130, 80, 70),
                                 Reading("bp", at(TODAY, 8), 120, 70, 60)], "typed", None)
    page = open_page()
    page.select_measure("bp")
    page.tabs.setCurrentWidget(page.stats_tab)
    text = stats_text(page)
    assert "The first day of each series is left out of its mean" in text
    assert "20 November 2026 – 22 November 2026\n3\n3\n2\n125\n75\n65" in text
    assert "20 November 2026 (first day: left out)\n1\n150\n95\n80" in text
    assert "Mean\n133 mmHg\n82 mmHg\n70/min" in text  # all three readings in the plain numbers


def test_a_series_that_began_before_the_period_keeps_its_own_first_day(open_page, services):
    # A week's period starts on 16 November; the series began on the 14th.
    bp_series(services, TODAY - timedelta(days=8), 4, values=((150, 95, 80),))
    page = open_page()
    page.select_measure("bp")
    page.tabs.setCurrentWidget(page.stats_tab)
    page.stats_tab.period.setCurrentIndex(page.stats_tab.period.findData("week"))
    text = stats_text(page)
    assert "14 November 2026 – 17 November 2026\n4\n" in text
    assert "14 November 2026 (first day: left out)" in text
    assert "16 November 2026 (first day" not in text


def test_agree_a_new_target_through_the_dialog(open_page, services, dialogs):
    doctor = services.care_team.add(Contact(name="Dr. A. Jansen", role="specialist")).item_id
    page = open_page()
    page.select_measure("glucose")  # not one of yours yet: Show all measures gets ticked
    page.tabs.setCurrentWidget(page.targets_tab)
    assert "Default, not agreed with your care team." in page.targets_tab.view.toPlainText()
    dialogs.append(fill(target_low=4.5, target_high=8.0, alert_low=3.5, agreed_with=doctor, agreed_on="2026-11-20"))
    page.targets_tab.agree_target()
    current = services.targets.current("glucose")
    assert (current.target_low, current.target_high, current.alert_low) == (4.5, 8.0, 3.5)
    assert (current.agreed_with, current.agreed_on) == (doctor, "2026-11-20")
    text = page.targets_tab.view.toPlainText()
    assert "Target: 4.5 to 8.0 mmol/L." in text and "Agreed with Dr. A. Jansen on 20 November 2026." in text
    assert "Call your care team below 3.5 mmol/L." in text
    page.tabs.setCurrentWidget(page.chart_tab)  # the chart draws the new target band when shown
    assert (page.chart_tab.chart._target.low, page.chart_tab.chart._target.high) == (4.5, 8.0)


def test_a_bad_target_is_explained_and_changes_nothing(open_page, services, dialogs, qtbot):
    page = open_page()
    page.show_all.setChecked(True)
    page.select_measure("glucose")

    def type_badly(dialog):
        low, high = dialog.field("target_low").widget, dialog.field("target_high").widget
        qtbot.keyClick(low, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(low, "9")
        qtbot.keyClick(high, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(high, "7")

    dialogs.append(type_badly)
    page.targets_tab.agree_target()
    assert services.targets.all() == []
    assert dialogs.last.field("target_low").widget.text() == "9"
    assert "lower value is higher" in dialogs.last._error_labels["target_high"].text()


def test_a_new_plan_and_its_adherence(open_page, services, dialogs):
    start = TODAY - timedelta(days=2)
    services.readings.add_batch([Reading("bp", at(start, 8), 128, 82, 66), Reading("bp", at(start, 8, 5), 126, 80, 65),
                                 Reading("bp", at(start + timedelta(days=1), 8), 124, 80, 64),
                                 *[Reading("bp", at(TODAY, 8, n), 125, 80, 64) for n in range(3)]], "typed", None)
    page = open_page()
    page.select_measure("bp")
    page.tabs.setCurrentWidget(page.targets_tab)
    dialogs.append(fill(per_day=2, days=7, start_date=start.isoformat(), schedule="morning and evening"))
    page.targets_tab.new_plan()
    [plan] = services.plans.for_measure("bp")
    assert (plan.per_day, plan.days, plan.start_date) == (2, 7, "2026-11-20")
    # 2 + 1 + 3 done; counted per day at most as planned: 2 + 1 + 2 = 5 of 6.
    text = page.targets_tab.view.toPlainText()
    assert "Running now" in text and "From 20 November 2026 to 26 November 2026 (7 days)" in text
    assert "From 20 November 2026 to 22 November 2026: 5 of the 6 planned readings done (83.3%)." in text
    assert "22 November 2026\n2\n3\n100.0%" in text and "21 November 2026\n2\n1\n50.0%" in text
    page.tabs.setCurrentWidget(page.stats_tab)
    assert "5 of the 6 planned readings done (83.3%)" in stats_text(page)


def test_a_plan_is_refused_with_a_plain_reason(open_page, services, dialogs, qtbot):
    page = open_page()
    page.select_measure("bp")

    def type_badly(dialog):
        per_day = dialog.field("per_day").widget
        qtbot.keyClick(per_day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(per_day, "twice")

    dialogs.append(type_badly)
    page.targets_tab.new_plan()
    assert services.plans.all() == []
    assert dialogs.last._error_labels["per_day"].text() == "Type a number, e.g. 4,5."


def test_diary_add_delete_and_undo(open_page, services, dialogs):
    services.diary.add(DiaryEntry("2026-05-31T20:30", "admission", "Opgenomen met buikgriep"))
    page = open_page()
    page.measures.select(DIARY)
    assert page.right.currentWidget() is page.diary
    dialogs.append(fill(kind="symptom", text="Rugpijn na het tillen"))
    page.diary.add()
    assert [(e.kind, e.text, e.written_at) for e in services.diary.all()][0] == ("symptom", "Rugpijn na het tillen",
                                                                                  "2026-11-22T09:00")
    assert list_texts(page)[-1] == "Diary\nEntries: 2"
    page.diary.delete_selected()
    assert [e.text for e in services.diary.all()] == ["Opgenomen met buikgriep"]
    page.diary.undo_delete()
    assert len(services.diary.all()) == 2


def test_own_measure_is_added_and_shown(open_page, services, dialogs):
    page = open_page()
    dialogs.append(fill(name="Tiredness", kind="score"))
    page.add_own_measure()
    [measure] = services.measures.all()
    assert (measure.key, measure.kind, measure.high_bound) == ("tiredness", "score", 10.0)
    assert page.measures.current_key() == "tiredness" and page.chart_tab.chart.measure.key == "tiredness"


def test_buttons_open_quick_entry_and_ask_for_the_import(open_page, services, qtbot, monkeypatch):
    page = open_page()
    page.show_all.setChecked(True)
    page.select_measure("weight")
    opened = []
    monkeypatch.setattr(QuickEntryDialog, "exec", lambda dialog: opened.append(dialog.measure_key()) or 0)
    page.new_button.click()
    assert opened == ["weight"]  # the measure in view
    with qtbot.waitSignal(page.import_requested, timeout=1000):
        page.import_button.click()


def test_an_empty_record_says_how_to_begin(open_page):
    page = open_page()
    assert page.right.currentWidget() is page.empty and "measured at home" in page.empty.sentence.text()
    assert "first measurement" in page.empty.button.text()
    assert list_texts(page) == ["Diary\nNothing written yet"]


def test_a_new_reading_elsewhere_refreshes_the_page(open_page, services, events):
    page = open_page()
    change = services.readings.add(Reading("bp", at(TODAY, 8, 30), 131, 84, 70))
    events.changed.emit(change)
    assert list_texts(page)[0] == "Blood pressure\n131/84 mmHg, pulse 70 — today 08:30"
    assert page.chart_tab.chart.measure.key == "bp"


def test_release_forgets_everything(open_page, services):
    bp_series(services, TODAY - timedelta(days=3), 4)
    services.diary.add(DiaryEntry("2026-11-21T20:30", "note", "Moe"))
    page = open_page()
    page.tabs.setCurrentWidget(page.readings_tab)
    page.readings_tab.delete_selected()
    page.release()
    assert page.measures.count() == 0 and page.chart_tab.chart is None
    assert page.readings_tab.model.rowCount() == 0 and page.readings_tab.details.toPlainText() == ""
    assert page.stats_tab.view.toPlainText() == "" and page.targets_tab.view.toPlainText() == ""
    assert page.diary.model.rowCount() == 0 and not page.readings_tab.undo_bar.isVisible()
    assert page.readings_tab.undo_text.text() == "" and page.services is None


def test_deleting_the_last_reading_of_a_measure_can_still_be_undone(open_page, services, qtbot):
    bp_series(services, TODAY, 1)
    services.readings.add_batch([Reading("weight", at(TODAY, 7), 71.0)], "typed", None)
    page = open_page()
    page.select_measure("weight")
    page.tabs.setCurrentWidget(page.readings_tab)
    page.readings_tab.table.setFocus()
    qtbot.keyClick(page.readings_tab.table, Qt.Key.Key_Delete)
    assert services.readings.count("weight") == 0
    assert page.measures.current_key() == "weight", "the page stays with the measure in view"
    assert page.readings_tab.undo_bar.isVisible()
    qtbot.keyClick(page.readings_tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.readings.count("weight") == 1


def test_the_day_profile_is_reached_with_its_mnemonic_and_its_period_with_the_keyboard(open_page, services, qtbot):
    glucose_week(services)
    page = open_page()
    page.select_measure("glucose")
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.profile_tab
    qtbot.keyClick(page.profile_tab, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Period: its buddy
    assert page.profile_tab.days.hasFocus()
    qtbot.keyClick(page.profile_tab.days, Qt.Key.Key_Down)
    assert page.profile_tab.days.currentData() == 30
    assert "sensor readings" in page.profile_tab.words.text()


def test_lab_tests_stay_out_of_the_measurements_and_the_quick_entry(open_page, services):
    from phr.core.entries import import_stamp
    from phr.monitoring.lab_results import LabResult, ReferenceRange

    bp_series(services, TODAY - timedelta(days=2), 2)
    with services.session.db.transaction():
        sodium = services.lab_results.lab_measure("2951-2", "mmol/L", "Natrium", 0,
                                                  import_stamp(services.session, "fhir_import", "lab.json"))
        services.lab_results.add_results([LabResult(sodium.key, NOW - timedelta(days=3), 139.0,
                                                     ReferenceRange(135, 145))], "fhir_import", "lab.json")
    page = open_page()
    assert any(text.startswith("Blood pressure") for text in list_texts(page))
    assert not any("Natrium" in text for text in list_texts(page))  # the results page shows it with its range
    dialog = QuickEntryDialog(services, "en", now=lambda: NOW)
    assert sodium.key not in [dialog.measure.itemData(row) for row in range(dialog.measure.count())]
    dialog.deleteLater()


def test_what_the_monitor_noticed_shows_with_the_reading(open_page, services):
    from phr.core.vocabulary import DeviceFlag

    flags = DeviceFlag.IRREGULAR_HEARTBEAT | DeviceFlag.CUFF_FIT
    services.readings.add_batch([Reading("bp", at(TODAY, 8), 141, 92, 77, device_flags=int(flags)),
                                 Reading("bp", at(TODAY, 9), 128, 82, 66)], "device_import", "omron.csv")
    page = open_page()
    page.select_measure("bp")
    page.tabs.setCurrentWidget(page.readings_tab)
    model = page.readings_tab.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(
        "The device noticed")
    assert [model.data(model.index(row, column)) for row in range(model.rowCount())] == [
        "", "Irregular heartbeat, Cuff not wrapped well"]  # newest first
    page.readings_tab.table.selectRow(1)
    assert "Irregular heartbeat, Cuff not wrapped well" in page.readings_tab.details.toPlainText()


def test_blood_pressure_figures_say_what_the_monitor_noticed(open_page, services):
    # 10 readings over 10 days; the monitor flagged 3: an irregular heartbeat twice (once with body movement).
    flags = [0, DeviceFlag.IRREGULAR_HEARTBEAT, 0, 0, DeviceFlag.IRREGULAR_HEARTBEAT | DeviceFlag.BODY_MOVEMENT, 0,
             DeviceFlag.CUFF_FIT, 0, 0, 0]
    services.readings.add_batch([Reading("bp", at(TODAY - timedelta(days=9 - day), 8), 128, 82, 66,
                                         device_flags=int(flag)) for day, flag in enumerate(flags)], "typed", None)
    page = open_page()
    page.select_measure("bp")
    page.tabs.setCurrentWidget(page.stats_tab)
    text = " ".join(stats_text(page).split())
    assert "The blood pressure monitor flagged 3 of the 10 readings." in text
    assert "Irregular heartbeat: 2; moved during the measurement: 1; cuff not wrapped well: 1." in text
