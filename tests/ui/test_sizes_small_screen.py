"""A 1024 × 768 screen at 200 % text: the dialogs for safety, backups, quick entry and the export preview fit on it,
nothing is cut off, and the statistics keep their tables readable."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QBoxLayout, QDialog, QDialogButtonBox, QPushButton, QWidget

from phr.backup.backups import RestorePreview
from phr.export.options import ExportOptions
from phr.export.pdf import documents as export_pdf
from phr.monitoring.readings import Reading
from phr.storage.keys import kdf
from phr.ui.app.desktop.text_size import apply_text_size
from phr.ui.backup.restore_dialog import RestoreDialog
from phr.ui.export.preview import ExportPreview
from phr.ui.monitoring import quick_entry
from phr.ui.monitoring.quick_entry import QuickEntryDialog
from phr.ui.monitoring.reading_fields import WIDEST_VALUE
from phr.ui.monitoring.stats import StatisticsTab
from phr.ui.security import dialog_size
from phr.ui.security.carers_dialog import AddCarerDialog
from phr.ui.security.new_recovery_code_dialog import NewRecoveryCodeDialog
from phr.ui.security.passphrase_dialog import PassphraseDialog

SCREEN = QRect(0, 0, 1024, 768)
MOST = (int(1024 * 0.9), int(768 * 0.9))  # what a dialog may take of that screen
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
COUNTS = {"diagnoses": 4, "allergies": 2, "goals": 3, "evaluations": 2, "contacts": 6, "medications": 5,
          "appointments": 4, "questions": 6, "documents": 3, "readings": 9000, "diary": 7}


@pytest.fixture
def small_screen(monkeypatch):
    for module in (dialog_size, quick_entry):
        monkeypatch.setattr(module, "available_geometry", lambda _widget: SCREEN)


@pytest.fixture
def large_text(qapp, small_screen):
    apply_text_size(qapp, 200)
    yield
    apply_text_size(qapp, 100)


def shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    return dialog


def inside(widget: QWidget, window: QWidget) -> bool:
    """The whole widget lies within the window (nothing sticks out to the right or below)."""
    corner = widget.mapTo(window, widget.rect().bottomRight())
    return widget.mapTo(window, widget.rect().topLeft()).x() >= 0 and corner.x() < window.width() \
        and corner.y() < window.height()


def whole(label) -> bool:
    """A wrapped label has the height its lines need at its width: no line cut off."""
    return label.height() >= label.heightForWidth(label.width())


def test_restore_fits_the_screen_and_its_check_result_scrolls_above_the_buttons(qtbot, large_text, tmp_path):
    dialog = shown(qtbot, RestoreDialog(target=tmp_path / "restored.regie"))
    assert dialog.width() <= MOST[0] and dialog.minimumSizeHint().width() <= MOST[0]  # was 1095 pixels
    for widget in (dialog.use_passphrase, dialog.use_code, dialog.secret, dialog.check_button):
        assert widget.isVisible() and inside(widget, dialog), widget
    assert dialog.use_code.geometry().intersected(dialog.use_passphrase.geometry()).isEmpty()
    dialog._show_preview(RestorePreview(COUNTS, 9, "2026-12-01T10:00:00+01:00", True))
    qtbot.waitUntil(lambda: not dialog.area.visibleRegion().isEmpty())
    QApplication.processEvents()
    assert dialog.height() <= MOST[1]
    assert dialog.area.verticalScrollBar().isVisible()  # eleven counts and the warning do not fit at 200 %
    qtbot.waitUntil(lambda: not dialog.replace_box.visibleRegion().isEmpty())  # scrolled to the tick box
    for button in (dialog.check_button, dialog.restore_button):
        assert inside(button, dialog)
    dialog.pending = None


def test_restore_grows_for_its_result_where_the_screen_has_room(qtbot, small_screen, tmp_path):
    dialog = shown(qtbot, RestoreDialog(target=tmp_path / "restored.regie"))
    before = dialog.height()
    dialog._show_preview(RestorePreview(COUNTS, 9, "2026-12-01T10:00:00+01:00", True))
    dialog._say("This backup was made with a newer version of Regie. Update Regie to restore it. Nothing changed.")
    qtbot.waitUntil(lambda: dialog.height() > before + 200)
    qtbot.wait(20)
    assert not dialog.area.verticalScrollBar().isVisible()
    assert whole(dialog.preview) and whole(dialog.warning) and whole(dialog.message)


def test_quick_entry_fits_and_its_fields_follow_the_text_size(qtbot, qapp, services, small_screen):
    def value_field_width() -> tuple[int, int]:
        dialog = QuickEntryDialog(services, "en", measure_key="glucose", now=NOW)
        shown(qtbot, dialog)
        edit = dialog.values.fields[0].edit
        width, needed = edit.width(), edit.fontMetrics().horizontalAdvance(WIDEST_VALUE)
        assert dialog.width() <= MOST[0]  # was 1082 pixels at 200 %
        assert all(inside(button, dialog) for button in dialog.findChildren(QPushButton) if button.isVisible())
        assert whole(dialog.last_text)
        dialog.done(0)
        return width, needed

    services.readings.add(Reading(measure="glucose", value=5.5, taken_at=NOW.replace(hour=7)))
    normal, needed = value_field_width()
    assert needed < normal < 3 * needed  # room for the digits, no wide empty field
    apply_text_size(qapp, 200)
    try:
        large, needed_large = value_field_width()
    finally:
        apply_text_size(qapp, 100)
    assert needed_large < large and large > 1.6 * normal  # a fixed 140 pixels cut the digits off at 200 %


@pytest.fixture(scope="module")
def visit_pdf(sample_services):
    return export_pdf.build_pdf(sample_services, ExportOptions(kind="visit", language="en", now=NOW))


def test_the_preview_toolbar_wraps_at_200_percent(qtbot, large_text, visit_pdf):
    preview = shown(qtbot, ExportPreview("Preview", visit_pdf, "Not encrypted."))
    screen = preview.screen().availableGeometry()
    assert preview.width() <= screen.width() and preview.minimumSizeHint().width() < 700  # was 1086 pixels
    buttons = [b for b in preview.pane.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) == 5 and all(inside(button, preview) for button in buttons)
    assert len({button.y() for button in buttons}) > 1  # on more than one line
    box = preview.findChild(QDialogButtonBox)
    assert inside(box, preview) and preview.print_button.isVisible()


def test_the_preview_toolbar_is_one_line_where_it_fits(qtbot, visit_pdf):
    preview = shown(qtbot, ExportPreview("Preview", visit_pdf, "Not encrypted."))
    preview.resize(1000, 600)
    QApplication.processEvents()
    buttons = [b for b in preview.pane.findChildren(QPushButton) if b.isVisible()]
    assert len({button.y() for button in buttons}) == 1


def statistics_tab(qtbot, services, events) -> StatisticsTab:
    for hour in range(6):
        services.readings.add(Reading(measure="glucose", value=4.0 + hour, taken_at=NOW.replace(hour=hour + 1),
                                      method="sensor"))
    tab = StatisticsTab(services, events, "en", lambda: NOW)
    tab.set_measure(services.measures.find("glucose"))
    shown(qtbot, tab)
    tab.refresh()
    assert tab.bar.isVisible()
    return tab


@pytest.mark.parametrize("width", [560, 1200])
def test_the_time_in_range_bar_goes_above_the_tables_when_beside_them_would_squeeze_them(qtbot, services, events,
                                                                                          width):
    tab = statistics_tab(qtbot, services, events)
    tab.resize(width, 600)
    QApplication.processEvents()
    beside = tab.body.direction() == QBoxLayout.Direction.LeftToRight
    assert beside == (width == 1200)
    characters = tab.view.width() / tab.fontMetrics().averageCharWidth()
    assert characters >= 45  # beside a 360-pixel bar at 560 pixels the table had 169 pixels: 'Mea|n'
    assert (tab.bar.y() < tab.view.y()) != beside


def test_the_period_in_words_wraps_instead_of_widening_the_tab(qtbot, services, events, large_text):
    tab = statistics_tab(qtbot, services, events)
    assert tab.minimumSizeHint().width() <= tab.bar.sizeHint().width() + 40  # was 1010 pixels: the dates in one line


def test_the_strength_of_a_passphrase_is_never_cut_off(qtbot, session, large_text):
    dialog = shown(qtbot, AddCarerDialog(session, None, kdf.MINIMUM))
    assert dialog.width() <= MOST[0]
    dialog.name.setText("Anna de Vries")
    dialog.first.setText("anna123")
    dialog.second.setText("anna")  # too weak, built from the name, and not the same: four lines and more
    qtbot.waitUntil(lambda: whole(dialog.fields.strength))
    QApplication.processEvents()
    strength = dialog.fields.strength
    buttons = dialog.findChild(QDialogButtonBox)
    assert strength.mapTo(dialog, strength.rect().bottomLeft()).y() < buttons.mapTo(dialog, buttons.rect().topLeft()).y()
    assert inside(buttons, dialog)


def test_dialogs_widen_with_the_text_but_stay_on_the_screen(qtbot, session, large_text):
    for dialog in (PassphraseDialog(session, kdf.MINIMUM), AddCarerDialog(session, None, kdf.MINIMUM)):
        shown(qtbot, dialog)
        assert 600 < dialog.width() <= MOST[0] and dialog.height() <= MOST[1]
        dialog.done(QDialog.DialogCode.Rejected)


def test_the_new_recovery_code_is_larger_than_the_text_at_any_text_size(qtbot, qapp, session, large_text):
    dialog = shown(qtbot, NewRecoveryCodeDialog(session, "en"))
    dialog.make_code()
    QApplication.processEvents()
    assert dialog.code.font().pointSizeF() >= 1.5 * QApplication.font().pointSizeF()  # was the desktop's size + 6
    assert dialog.width() <= MOST[0] and inside(dialog.code, dialog) and whole(dialog.text)
    assert dialog.confirm.width() >= dialog.confirm.fontMetrics().horizontalAdvance("WWWW")
    dialog.reject()


def test_the_export_dialog_never_scrolls_sideways_at_200_percent(qtbot, large_text, sample_services):
    from phr.ui.export.dialog import ExportDialog

    dialog = shown(qtbot, ExportDialog(sample_services, "nl", now=NOW))
    screen = dialog.screen().availableGeometry()
    for index in range(dialog.format.count()):  # every kind: the visit brief's parts are the longest
        dialog.format.setCurrentIndex(index)
        QApplication.processEvents()
        assert dialog.width() <= screen.width(), dialog.format.currentText()
        assert not dialog.choices_area.horizontalScrollBar().isVisible(), dialog.format.currentText()
    dialog.format.setCurrentIndex(dialog.format.findData("visit"))
    QApplication.processEvents()
    boxes = list(dialog.sections.boxes.values())
    assert len(boxes) > 6 and len({box.x() for box in boxes}) == 1  # one column where two do not fit
    apply_text_size(QApplication.instance(), 100)
    QApplication.processEvents()
    dialog.resize(screen.width() - 20, dialog.height())
    QApplication.processEvents()
    assert len({box.x() for box in dialog.sections.boxes.values()}) == 2  # two again where they fit
