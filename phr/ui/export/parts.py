"""Words and small parts of the export dialog: format and section labels, file names, the period and
password rows, and the appointment list of the visit brief."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from phr.core.typed_dates import Expect
from phr.core.vocabulary import CareRole, Section
from phr.export.options import KINDS as PDF_KINDS
from phr.ui.forms.date_input import DateInput
from phr.ui.forms.date_time_field import in_words
from phr.ui.text.formatting import fill
from phr.ui.text.vocabulary import label

translate = QCoreApplication.translate
FORMATS = PDF_KINDS + ("fhir", "csv")
# The parts of an export that are a section of the record are called by the section's name.
RECORD_SECTIONS = {"diagnoses": Section.DIAGNOSES, "problems": Section.DIAGNOSES, "medications": Section.MEDICATIONS,
                   "monitoring": Section.MONITORING, "results": Section.MONITORING, "care_team": Section.CARE_TEAM,
                   "team": Section.CARE_TEAM, "appointments": Section.APPOINTMENTS, "documents": Section.DOCUMENTS,
                   "vaccinations": Section.VACCINATIONS, "procedures": Section.PROCEDURES}


def format_label(key: str) -> str:
    return {
        "overview": translate("ExportDialog", "PDF: overview of your care"),
        "visit": translate("ExportDialog", "PDF: brief for a visit"),
        "emergency": translate("ExportDialog", "PDF: emergency card and emergency letter"),
        "fhir": translate("ExportDialog", "FHIR patient summary (for other health record systems)"),
        "csv": translate("ExportDialog", "CSV: your readings (for a spreadsheet)"),
    }.get(key, key)


def section_label(kind: str, key: str) -> str:
    """The sections of the three PDF kinds; a key not listed here is shown humanised."""
    return (_visit_section_label(key) if kind == "visit" else None) or _section_label(key)


def _visit_section_label(key: str) -> str | None:
    """In the visit brief some sections hold only what changed or what is due."""
    return {
        "standing_facts": translate("ExportDialog", "Diagnoses, medicines and allergies"),
        "appointment": translate("ExportDialog", "About the appointment"),
        "diagnoses": translate("ExportDialog", "New or changed diagnoses"),
        "medications": translate("ExportDialog", "Medication changes"),
        "events": translate("ExportDialog", "Events since the last visit"),
        "lab_results": translate("ExportDialog", "Lab results since the last visit"),
        "goals": translate("ExportDialog", "Goals to evaluate"),
    }.get(key)


def _section_label(key: str) -> str:
    if key in RECORD_SECTIONS:
        return label(RECORD_SECTIONS[key])
    return section_labels().get(key) or humanised(key)


def section_labels() -> dict[str, str]:
    """The words of the export sections that are not sections of the record."""
    return {
        "person": label(Section.PERSON),  # the sections' own names, as in the app and the PDF
        "allergies": translate("ExportDialog", "Allergies"),
        "lab_results": translate("ExportDialog", "Lab results"),
        "medication_changes": translate("ExportDialog", "Medication changes"),
        "trends": translate("ExportDialog", "Trends of measurements"),
        "care_plan": label(Section.CARE_PLAN),
        "plan": label(Section.CARE_PLAN),
        "goals": translate("ExportDialog", "Goals"),
        "goals_due": translate("ExportDialog", "Goals to evaluate"),
        "changes": translate("ExportDialog", "What changed since the last visit"),
        "events": translate("ExportDialog", "Events"),
        "questions": translate("ExportDialog", "Questions for this visit"),
        "standing_facts": translate("ExportDialog", "Diagnoses, medicines and allergies"),
        "appointment": translate("ExportDialog", "About the appointment"),
        "card": translate("ExportDialog", "Wallet card"),
        "letter": translate("ExportDialog", "Emergency letter"),
        "emergency": translate("ExportDialog", "What to do in an emergency"),
        "emergency_notes": translate("ExportDialog", "In my own words"),
        "what_to_do": translate("ExportDialog", "What to do (for doctors and nurses)"),
        "what_to_avoid": translate("ExportDialog", "What to avoid"),
        "next_of_kin": label(CareRole.NEXT_OF_KIN),
        "where_to_find_more": translate("ExportDialog", "Where to find more"),
        "contacts": translate("ExportDialog", "Who to call: expertise centre, treating physician"),
        "emergency_contacts": translate("ExportDialog", "Emergency contacts"),
        "expertise_centre": translate("ExportDialog", "Expertise centre"),
        "diary": translate("ExportDialog", "Diary"),
    }


def humanised(key: str) -> str:
    """'care_team' -> 'Care team': better than a bare key for a section the dialog does not know yet."""
    words = key.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def default_file_name(kind: str, language: str, today: date) -> str:
    """'overzicht-2026-11-22.pdf' / 'overview-2026-11-22.pdf': the file's own language names it."""
    names = {"overview": ("overzicht", "overview", "pdf"),
             "visit": ("voorbereiding-afspraak", "visit-brief", "pdf"),
             "emergency": ("noodkaart-en-noodbrief", "emergency-card-and-letter", "pdf"),
             "fhir": ("patientsamenvatting", "patient-summary", "json"),
             "csv": ("metingen", "readings", "csv")}
    dutch, english, extension = names[kind]
    return f"{dutch if language == 'nl' else english}-{today.isoformat()}.{extension}"


def file_filter(kind: str) -> str:
    if kind == "fhir":
        return translate("ExportDialog", "FHIR files (*.json);;All files (*)")
    if kind == "csv":
        return translate("ExportDialog", "CSV files (*.csv);;All files (*)")
    return translate("ExportDialog", "PDF files (*.pdf);;All files (*)")


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class PeriodRow(QWidget):
    """'Only a period' (off by default) with a from and a to date; off means everything."""

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.enabled = QCheckBox(translate("ExportDialog", "O&nly a period"))
        self.since, self.until = DateInput(Expect.DATE), DateInput(Expect.DATE)
        self.since.set_value(_year_before(today).isoformat())  # a sensible start
        self.until.set_value(today.isoformat())
        self.since.edit.setAccessibleName(translate("ExportDialog", "Period from"))
        self.until.edit.setAccessibleName(translate("ExportDialog", "Period to"))
        # The tick box, then the two dates one under the other: in one row they made the dialog scroll sideways at
        # large text.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.addWidget(self.enabled, 0, 0, 1, 3)
        grid.setColumnMinimumWidth(0, 16)  # the dates stand in a little under the tick box that turns them on
        for line, (text, edit) in enumerate(((translate("ExportDialog", "&from"), self.since),
                                             (translate("ExportDialog", "t&o"), self.until)), start=1):
            grid.addWidget(buddy(text, edit.edit), line, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(edit, line, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(2, 1)
        self.enabled.toggled.connect(self._follow)
        self._follow(False)

    def _follow(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)

    def period(self) -> tuple[date | None, date | None]:
        """The days chosen; a side that cannot be read is None (problem() then says why)."""
        if not self.enabled.isChecked():
            return None, None
        return _day(self.since), _day(self.until)

    def problem(self) -> tuple[str, QWidget] | None:
        """What the date under the field says when a date of the period cannot be read, and that field."""
        for edit in (self.since, self.until):
            if self.enabled.isChecked() and edit.understood().problem:
                return edit.echo.text(), edit
        return None


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _day(edit: DateInput) -> date | None:
    iso = edit.understood().iso
    return date.fromisoformat(iso) if iso else None


class SectionBoxes(QGroupBox):
    """One check box per section of the chosen PDF kind, all checked at first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ExportDialog", "Sections to include"), parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._columns = 1
        self.grid = QGridLayout(self)
        self.none = QLabel(translate("ExportDialog", "This export has no sections to choose from: "
                                                    "it holds everything that applies."))
        self.none.setWordWrap(True)

    def show_sections(self, kind: str, keys: list[str]) -> None:
        for box in self.boxes.values():
            self.grid.removeWidget(box)
            box.hide()  # at once: deleteLater waits for the event loop, and the new boxes take its place now
            box.deleteLater()
        self.grid.removeWidget(self.none)
        self.boxes = {}
        if not keys:
            self.grid.addWidget(self.none, 0, 0)
            self.none.show()
            return
        self.none.hide()
        # Made after the dialog's buttons, the boxes would come after them in the Tab order: they follow the last
        # control before the group instead (Qt's setTabOrder ignores a widget that takes no focus, as the group).
        previous = _stop_before(self)
        for index, key in enumerate(keys):
            box = QCheckBox(section_label(kind, key))
            box.setChecked(True)
            self.boxes[key] = box
            self.grid.addWidget(box, index, 0)
            QWidget.setTabOrder(previous, box)  # once it is in the dialog
            previous = box
            box.setVisible(True)  # now, not from the event loop: the dialog measures its new height at once
        self._columns = 1
        self._arrange(2)

    def _arrange(self, columns: int) -> None:
        """Two columns filled top to bottom (the order reads down), or one where two do not fit (large text)."""
        if columns == self._columns or not self.boxes:
            return
        self._columns = columns
        rows = (len(self.boxes) + columns - 1) // columns
        for index, box in enumerate(self.boxes.values()):
            self.grid.removeWidget(box)
            self.grid.addWidget(box, index % rows, index // rows)

    def minimumSizeHint(self) -> QSize:
        """As narrow as one column: the dialog never scrolls sideways for the boxes."""
        hint = super().minimumSizeHint()
        if not self.boxes:
            return hint
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 24
        return QSize(max(box.sizeHint().width() for box in self.boxes.values()) + margins, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        two = sum(sorted((box.sizeHint().width() for box in self.boxes.values()), reverse=True)[:2])
        self._arrange(2 if event.size().width() >= two + self.grid.horizontalSpacing() + 48 else 1)

    def chosen(self) -> frozenset | None:
        """None when every section is chosen (the kind's own default: all, also sections added later)."""
        picked = frozenset(key for key, box in self.boxes.items() if box.isChecked())
        return None if len(picked) == len(self.boxes) else picked


def _stop_before(widget: QWidget) -> QWidget:
    """The last control that takes the focus before `widget` in the Tab order (its window when there is none)."""
    previous = widget.previousInFocusChain()
    while previous is not None and previous is not widget.window() and \
            previous.focusPolicy() == Qt.FocusPolicy.NoFocus:
        previous = previous.previousInFocusChain()
    return previous or widget.window()


class PasswordBox(QWidget):
    """Optional password for a PDF: off by default; when on, typed twice."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.enabled = QCheckBox(translate("ExportDialog", "Loc&k the PDF with a password"))
        self.password, self.repeat = QLineEdit(), QLineEdit()
        # In Dutch the record's passphrase is a 'wachtwoord' too: say this one is new and for this file only.
        hint = QLabel(translate("ExportDialog", "Choose a new password for this file only, not the passphrase "
                                                "of your record. Give it to the reader in another way than "
                                                "the file."))
        hint.setWordWrap(True)
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = QWidget()
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(24, 0, 0, 0)
        grid.addWidget(buddy(translate("ExportDialog", "Passwor&d:"), self.password), 0, 0)
        grid.addWidget(self.password, 0, 1)
        grid.addWidget(buddy(translate("ExportDialog", "R&epeat the password:"), self.repeat), 1, 0)
        grid.addWidget(self.repeat, 1, 1)
        grid.addWidget(hint, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.fields)
        self.enabled.toggled.connect(self.fields.setVisible)
        self.fields.setVisible(False)

    def chosen(self) -> str | None:
        return self.password.text() if self.enabled.isChecked() else None


def appointment_choices(services, now) -> list[tuple[int, str]]:
    """Upcoming appointments first (soonest first, so the next one leads), then past ones, latest first."""
    names = services.care_team.names()

    def text(appointment) -> str:
        parts = [in_words(appointment.starts_at, short=True), names.get(appointment.contact_id, ""),
                 appointment.purpose]
        return " – ".join(part for part in parts if part)

    upcoming = [(a.id, text(a)) for a in services.appointments.upcoming(now)]
    past = [(a.id, fill(translate("ExportDialog", "%1 (past)"), text(a)))
            for a in services.appointments.past(now, limit=50)]
    return upcoming + past


def fill_appointments(combo: QComboBox, choices: list[tuple[int, str]]) -> None:
    combo.clear()
    if not choices:
        combo.addItem(translate("ExportDialog", "(there are no appointments in your record)"), None)
    for appointment_id, text in choices:
        combo.addItem(text, appointment_id)
