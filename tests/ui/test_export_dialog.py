"""The export dialog as a user drives it: choose what to export, preview it from memory, save it privately."""

import io
import json
import stat
import threading
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from phr.export.options import ExportOptions
from phr.export.pdf import documents as export_pdf
from phr.record.appointments import Appointment
from phr.record.care_team import Contact
from phr.ui.export.dialog import ExportDialog
from phr.ui.export.preview import BusyDialog

NOW = datetime(2026, 11, 22, 12, 0)  # the sample record's today (tests/conftest.py SAMPLE_TODAY)


@pytest.fixture
def said(monkeypatch):
    """Message boxes answer at once; what they said is kept, per kind."""
    messages = {"information": [], "warning": []}
    for kind in messages:
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, kind=kind: messages[kind].append(text))
    return messages


@pytest.fixture
def save_as(monkeypatch, tmp_path):
    """The file dialog answers with a path; the name and folder it proposed are kept."""
    asked = []

    def answer(path):
        def get_save_file_name(_parent, _caption, proposed, _filter):
            asked.append(proposed)
            return (str(path), "") if path else ("", "")
        monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    answer(tmp_path / "export.pdf")
    answer.asked = asked
    return answer


def make_dialog(qtbot, services, language="en") -> ExportDialog:
    dialog = ExportDialog(services, language, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def finish_background_work() -> None:
    """Let the pool threads end, then deliver whatever they sent: an abandoned result must not show up."""
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_dialog_starts_with_the_overview_in_the_app_language_everything_included_and_no_password(
        qtbot, services):
    dialog = make_dialog(qtbot, services, "nl")
    assert dialog.kind() == "overview" and dialog.language.currentText() == "Nederlands"
    assert dialog.options() == ExportOptions(kind="overview", language="nl", now=NOW)  # no period, all sections
    assert not dialog.period.enabled.isChecked() and not dialog.period.since.isEnabled()
    assert not dialog.password.enabled.isChecked() and not dialog.password.fields.isVisible()
    assert dialog.preview_button.isVisible() and not dialog.appointment.isVisible()
    assert make_dialog(qtbot, services, "en").language.currentData() == "en"


def test_without_a_password_the_dialog_says_plainly_that_the_file_is_not_encrypted(qtbot, services):
    dialog = make_dialog(qtbot, services)
    assert dialog.note.isVisible()
    assert "Not encrypted." in dialog.note.text() and "anyone who has the file can read it" in dialog.note.text()
    dialog.password.enabled.setChecked(True)
    assert dialog.password.fields.isVisible() and "Locked with a password." in dialog.note.text()
    for kind in ("fhir", "csv"):  # these files are never encrypted: the sentence is always there
        choose(dialog.format, kind)
        assert dialog.note.isVisible() and "Not encrypted." in dialog.note.text()
        assert not dialog.password.isVisible() and not dialog.preview_button.isVisible()


def test_each_kind_shows_only_what_applies_to_it(qtbot, services):
    dialog = make_dialog(qtbot, services)
    dialog.period.enabled.setChecked(True)
    choose(dialog.format, "emergency")  # the card says what holds now: no period
    assert not dialog.period.isVisible() and (dialog.options().since, dialog.options().until) == (None, None)
    choose(dialog.format, "fhir")
    assert not dialog.language.isVisible() and not dialog.period.isVisible() and not dialog.sections.isVisible()
    choose(dialog.format, "csv")
    assert dialog.period.isVisible() and not dialog.sections.isVisible()


def test_kind_language_period_sections_and_appointment_make_the_export_options(qtbot, services, monkeypatch):
    monkeypatch.setattr(export_pdf, "sections_of", lambda kind: ["diagnoses", "medications", "odd_new_part"])
    contact = services.care_team.add(Contact(name="Dr. Jansen", role="specialist")).item_id
    past = services.appointments.add(Appointment("2026-10-01T09:00", contact, purpose="Controle")).item_id
    later = services.appointments.add(Appointment("2027-01-15T10:30", contact)).item_id
    soon = services.appointments.add(Appointment("2026-12-03T14:00", contact, purpose="Uitslagen")).item_id
    dialog = make_dialog(qtbot, services)
    choose(dialog.format, "visit")
    assert dialog.appointment.isVisible()
    assert [dialog.appointment.itemData(i) for i in range(dialog.appointment.count())] == [soon, later, past]
    assert "Dr. Jansen" in dialog.appointment.itemText(0) and "(past)" in dialog.appointment.itemText(2)
    assert [box.text() for box in dialog.sections.boxes.values()] == [
        "New or changed diagnoses", "Medication changes", "Odd new part"]  # an unknown key reads as words
    choose(dialog.language, "nl")
    dialog.period.enabled.setChecked(True)
    dialog.period.since.set_value("2026-01-01")
    dialog.period.until.set_value("2026-06-30")
    dialog.sections.boxes["medications"].setChecked(False)
    choose(dialog.appointment, later)
    assert dialog.options() == ExportOptions(kind="visit", language="nl", since=date(2026, 1, 1),
                                             until=date(2026, 6, 30), sections=frozenset({"diagnoses", "odd_new_part"}),
                                             appointment_id=later, now=NOW)
    choose(dialog.format, "overview")  # the appointment belongs to the visit brief only
    assert dialog.options().appointment_id is None and not dialog.appointment.isVisible()


def test_every_input_has_a_label_that_names_it_and_no_mnemonic_is_used_twice(qtbot, services):
    dialog = make_dialog(qtbot, services)
    dialog.password.enabled.setChecked(True)
    choose(dialog.format, "visit")
    labels = dialog.findChildren(QLabel)
    widgets = [w for w in dialog.findChildren(QWidget) if w.isVisible()]
    inputs = [w for w in widgets if isinstance(w, (QComboBox, QLineEdit, QAbstractSpinBox))
              and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))]  # not the editors inside them
    assert len(inputs) == 7  # what, language, appointment, from, to, password, repeat
    assert all(any(label.buddy() is widget for label in labels) for widget in inputs)
    texts = [w.text() for w in widgets if isinstance(w, (QLabel, QPushButton, QCheckBox))]
    keys = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(keys) == len(set(keys)), keys


def test_a_short_or_mistyped_password_stops_saving_with_a_message(qtbot, services, save_as):
    dialog = make_dialog(qtbot, services)
    dialog.password.enabled.setChecked(True)
    dialog.password.password.setText("abc")
    dialog.save_button.click()
    assert "too short" in dialog.problem.text() and str(export_pdf.MIN_PASSWORD_LENGTH) in dialog.problem.text()
    dialog.password.password.setText("lange zin")
    dialog.password.repeat.setText("lange zon")
    dialog.save_button.click()
    assert "not the same" in dialog.problem.text() and dialog.focusWidget() is dialog.password.repeat
    dialog.preview_button.click()
    assert save_as.asked == [] and not dialog.is_busy  # neither a file dialog nor any work was started
    dialog.password.repeat.setText("lange zin")
    assert dialog.problem.text() == "" and not dialog.problem.isVisible()
    dialog.password.password.setText("kort")
    assert "too short" in dialog.problem.text()  # said while typing, before any click
    dialog.password.enabled.setChecked(False)
    assert dialog.problem.text() == ""  # no password, no password problem


def test_at_least_one_section_must_be_chosen(qtbot, services, save_as, monkeypatch):
    monkeypatch.setattr(export_pdf, "sections_of", lambda kind: ["diagnoses", "medications"])
    dialog = make_dialog(qtbot, services)
    for box in dialog.sections.boxes.values():
        box.setChecked(False)
    dialog.save_button.click()
    assert "at least one section" in dialog.problem.text() and save_as.asked == []


def test_a_period_that_ends_before_it_starts_is_explained(qtbot, services, save_as):
    dialog = make_dialog(qtbot, services)
    dialog.period.enabled.setChecked(True)
    dialog.period.since.set_value("2026-05-01")
    dialog.period.until.set_value("2026-04-01")
    dialog.save_button.click()
    assert "ends before it starts" in dialog.problem.text() and save_as.asked == []


def test_a_period_date_that_cannot_be_read_stops_the_export(qtbot, services, save_as):
    dialog = make_dialog(qtbot, services)
    dialog.period.enabled.setChecked(True)
    dialog.period.until.setText("30 februari 2026")
    dialog.save_button.click()
    assert "This day does not exist. Check the day and the month." in dialog.problem.text()
    assert save_as.asked == []   # not exported without its end date


def test_the_preview_is_built_in_the_background_and_shown_from_memory_only(qtbot, sample_services,
                                                                            private_tempdir):
    dialog = make_dialog(qtbot, sample_services)  # the overview, the first choice
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.preview_button.click()
        assert isinstance(dialog.busy, BusyDialog) and dialog.busy.isVisible()  # busy, with Cancel
    preview = dialog.preview
    assert preview.isVisible() and preview.pane.document.pageCount() >= 2
    assert sample_services.session.person_name() in pdf_text(preview.data)
    assert "Not encrypted." in preview.note.text()
    assert list(private_tempdir.rglob("*")) == []  # no copy of the PDF in the temp directory
    preview.reject()
    assert dialog.preview is None or not dialog.preview.isVisible()


def test_saving_from_the_preview_writes_the_same_pdf_readable_only_by_the_user(qtbot, sample_services, save_as,
                                                                                said, tmp_path):
    dialog = make_dialog(qtbot, sample_services, "nl")
    choose(dialog.format, "visit")
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.preview_button.click()
    shown = dialog.preview.data
    with qtbot.waitSignal(dialog.saved) as signal:
        dialog.preview.save_button.click()
    path = signal.args[0]
    assert path == tmp_path / "export.pdf" and path.read_bytes() == shown
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert save_as.asked[0].endswith("voorbereiding-afspraak-2026-11-22.pdf")
    assert str(tmp_path) in said["information"][0] and "export.pdf" in said["information"][0]
    assert "export.pdf" in dialog.status.text()


def test_save_with_a_password_writes_a_pdf_that_cannot_be_read_without_it(qtbot, sample_services, save_as, said,
                                                                           tmp_path):
    dialog = make_dialog(qtbot, sample_services)
    choose(dialog.format, "emergency")
    dialog.password.enabled.setChecked(True)
    dialog.password.password.setText("geheim123")
    dialog.password.repeat.setText("geheim123")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_button.click()
    data = (tmp_path / "export.pdf").read_bytes()
    assert stat.S_IMODE((tmp_path / "export.pdf").stat().st_mode) == 0o600
    locked = PdfReader(io.BytesIO(data))
    assert locked.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        locked.pages[0].extract_text()
    assert locked.decrypt("wrong-password") == 0
    opened = PdfReader(io.BytesIO(data))
    assert opened.decrypt("geheim123") != 0
    assert sample_services.session.person_name() in opened.pages[0].extract_text()
    assert save_as.asked[0].endswith("emergency-card-and-letter-2026-11-22.pdf")


def test_a_cancelled_preview_is_never_shown(qtbot, services, monkeypatch, said):
    go_on, real = threading.Event(), export_pdf.build_pdf
    monkeypatch.setattr(export_pdf, "sections_of", lambda kind: [])

    def slow_build(services_, options):
        go_on.wait(10)  # still building while the user presses Cancel
        return real(services_, ExportOptions(kind="emergency", language=options.language, now=options.now))
    monkeypatch.setattr(export_pdf, "build_pdf", slow_build)
    dialog = make_dialog(qtbot, services)
    dialog.preview_button.click()
    busy = dialog.busy
    busy.findChild(QPushButton).click()
    assert "cancelled" in dialog.status.text() and not dialog.is_busy
    go_on.set()
    finish_background_work()
    assert dialog.preview is None and said["warning"] == []


def test_an_export_that_fails_is_explained_in_plain_words(qtbot, services, monkeypatch, said, save_as, tmp_path):
    def broken(_services, _options):
        raise RuntimeError("GEHEIM: a fault while laying out the record")
    monkeypatch.setattr(export_pdf, "build_pdf", broken)
    dialog = make_dialog(qtbot, services)
    with qtbot.waitSignal(dialog.failed) as signal:
        dialog.save_button.click()
    assert "could not make this export" in signal.args[0] and said["warning"] == [signal.args[0]]
    assert "GEHEIM" not in signal.args[0]  # the fault's text may quote the record: it is not shown
    assert not (tmp_path / "export.pdf").exists() and not dialog.is_busy


def test_the_readings_are_saved_as_csv_over_a_second_connection(qtbot, services, save_as, said, tmp_path):
    save_as(tmp_path / "metingen")  # typed without an extension
    dialog = make_dialog(qtbot, services, "nl")
    choose(dialog.format, "csv")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as signal:
        dialog.save_button.click()
    assert signal.args[0] == tmp_path / "metingen.csv" and save_as.asked[0].endswith("metingen-2026-11-22.csv")
    assert stat.S_IMODE(signal.args[0].stat().st_mode) == 0o600


def test_the_fhir_summary_is_written_in_the_chosen_language(qtbot, sample_services, save_as, said, tmp_path):
    save_as(tmp_path / "summary.json")
    dialog = make_dialog(qtbot, sample_services, "nl")
    choose(dialog.format, "fhir")
    choose(dialog.language, "en")
    with qtbot.waitSignal(dialog.saved, timeout=30_000) as signal:
        dialog.save_button.click()
    bundle = json.loads(signal.args[0].read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "document"
    composition = bundle["entry"][0]["resource"]
    assert composition["section"][0]["title"] == "Problems and diagnoses"  # English, though the app speaks Dutch
    assert stat.S_IMODE(signal.args[0].stat().st_mode) == 0o600
    assert save_as.asked[0].endswith("patient-summary-2026-11-22.json")


def test_record_menu_export_opens_the_dialog_with_ctrl_e(qtbot, services, monkeypatch):
    from phr.ui.app import main_window

    opened = []
    monkeypatch.setattr(main_window, "open_export_dialog", lambda *args: opened.append(args))
    window = main_window.MainWindow(services)
    qtbot.addWidget(window)
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.export_action in window.menuBar().actions()[0].menu().actions()
    window.export_action.trigger()
    assert opened and opened[0][1] is services


def test_closing_the_dialog_drops_work_still_running(qtbot, services, monkeypatch):
    go_on = threading.Event()

    def slow_build(_services, _options):
        go_on.wait(10)
        return b"%PDF-1.4"
    monkeypatch.setattr(export_pdf, "build_pdf", slow_build)
    dialog = make_dialog(qtbot, services)
    dialog.preview_button.click()
    dialog.done(0)
    assert not dialog.is_busy
    go_on.set()
    finish_background_work()
    assert dialog.preview is None


def test_every_section_of_every_kind_has_a_label_of_its_own(qapp):
    """A section the dialog has no words for would show its key, humanised and in English in a Dutch app."""
    from phr.export.options import SECTIONS
    from phr.ui.export import parts

    unnamed = [(kind, key) for kind, keys in SECTIONS.items() for key in keys
               if key not in parts.RECORD_SECTIONS and key not in parts.section_labels()]
    assert unnamed == []
