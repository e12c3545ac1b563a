"""Diagnoses: what the person has, carries or may have, with codes, who found it and genetic details.

Above the list, what is known about current diagnoses as a whole: "No known diagnoses" is a statement the
person makes (a button), not an empty list; until it is made or a diagnosis is current, the page says it is
not filled in yet (phr.record.person).
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from phr.core.entries import Change
from phr.core.session import Session
from phr.core.vocabulary import DiagnosisStatus, Section, Zygosity
from phr.record.diagnoses import Diagnosis, DiagnosisService, orpha_display, orphanet_page, parse_orpha
from phr.record.person import NONE_KNOWN, UNKNOWN, PersonService
from phr.reference import orphanet
from phr.reference.orphanet import DiseaseMatch, PhenotypeMatch
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import (
    FormField,
    choice_field,
    date_field,
    link_field,
    long_text_field,
    text_field,
    with_help,
)
from phr.ui.forms.lookup_field import LookupField, ReferenceLoader, add_first_row, fit_to_screen
from phr.ui.pages import diagnosis_details as details
from phr.ui.pages.section_page import SectionPage
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import fill, partial
from phr.ui.text.vocabulary import choices, label, label_of
from phr.ui.widgets.entry_table import Column
from phr.ui.widgets.statement_bar import StatementBar
from phr.ui.widgets.whose import carer_of

translate = QCoreApplication.translate


def orpha_field(name: str, label: str) -> FormField:
    """An ORPHAcode typed as 586, ORPHA:586 or orpha 586; text that is no code stays for validation to name."""
    edit = QLineEdit()
    edit.setPlaceholderText(translate("Diagnoses", "e.g. 586 or ORPHA:586"))

    def get() -> int | str | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_orpha(text)
        except ValueError:
            return text

    def set_value(value: int | str | None) -> None:
        edit.setText(orpha_display(value) if isinstance(value, int) else (value or ""))

    return FormField(name, label, edit, get, set_value, edit.textChanged)


def disease_lookup(loader: ReferenceLoader) -> LookupField:
    lookup = LookupField(orphanet.search_diseases, loader, {
        "name": translate("Diagnoses", "Look up in Orphanet"),
        "placeholder": translate("Diagnoses", "e.g. adrenal hyperplasia or 90794"),
        "loading": translate("Diagnoses", "Loading the list of rare diseases…"),
        "matches": translate("Diagnoses", "Rare diseases found in Orphanet"),
        "picked": translate("Diagnoses", "Filled in: %1"),
    })
    lookup.setObjectName("orphanet_lookup")
    return lookup


def fill_from_orphanet(dialog: EntryDialog[Diagnosis], match: DiseaseMatch) -> None:
    """The code and Orphanet's English name; the person's own name only when there is none yet."""
    dialog.field("orpha_code").set(match.code)
    dialog.field("name_en").set(match.name)
    if not str(dialog.field("name").get()).strip():
        dialog.field("name").set(match.name)
    show_names_from_start(dialog)


def keep_english_name_with_code(dialog: EntryDialog[Diagnosis]) -> None:
    """Another ORPHAcode typed after a pick: the English name follows it when it was Orphanet's (or empty), so
    an English card never prints one disease's name beside another's code. A name the person wrote stays."""
    orpha, name_en = dialog.field("orpha_code"), dialog.field("name_en")
    shown = {"code": orpha.get()}

    def follow(*_changed: object) -> None:
        code, before = orpha.get(), shown["code"]
        shown["code"] = code
        if code == before or not orphanet.is_loaded():
            return
        previous = orphanet.english_name(before) if isinstance(before, int) else None
        written = str(name_en.get() or "").strip()
        if not written or written == previous:
            name_en.set((orphanet.english_name(code) or "") if isinstance(code, int) else "")
    orpha.changed.connect(follow)


def show_names_from_start(dialog: EntryDialog[Diagnosis]) -> None:
    """A long name shows from its start, not its end (where setting the text leaves the cursor)."""
    for edit in (dialog.field("name_en").widget.findChild(QLineEdit), dialog.field("name").widget):
        if isinstance(edit, QLineEdit):
            edit.setCursorPosition(0)


def with_note(widget: QWidget, note: str) -> QWidget:
    """A widget that edits no field of its own, with a line of help under it (as with_help gives a field)."""
    return with_help(FormField("", "", widget, lambda: None, lambda _value: None, widget.destroyed), note).widget


def emergency_fields(loader: ReferenceLoader, orpha: FormField) -> list[FormField]:
    """What a doctor must know in an emergency: written for professionals, checked by the specialist."""
    return [
        with_help(long_text_field("emergency_protocol", translate("Diagnoses", "W&hat a doctor must do:"),
                                  translate("Diagnoses", "e.g. at once 100 mg hydrocortisone IV or IM, then …")),
                  translate("Diagnoses", "For doctors and nurses: what to give, how much, what to check. "
                            "Ask the specialist to write or check this.")),
        with_help(long_text_field("emergency_avoid", translate("Diagnoses", "What to avoid:")), translate(
            "Diagnoses", "Medicines, anaesthesia or procedures that are dangerous with this condition, and why.")),
        crisis_signs_field(loader),
        guideline_field(orpha),
    ]


def crisis_signs_field(loader: ReferenceLoader) -> FormField:
    """Signs of a crisis, one per line, typed or picked from the HPO symptom list."""
    field = with_help(long_text_field("crisis_signs", translate("Diagnoses", "&Signs of a crisis:")), translate(
        "Diagnoses", "One sign per line: in everyday words, or chosen from the list of symptoms below."))
    picker = LookupField(orphanet.search_phenotypes, loader, {
        "name": translate("Diagnoses", "Add a symptom from the HPO list"),
        "placeholder": translate("Diagnoses", "Type in English, e.g. vomiting"),
        "loading": translate("Diagnoses", "Loading the list of symptoms…"),
        "matches": translate("Diagnoses", "Symptoms found in the HPO list"),
        "picked": translate("Diagnoses", "Added: %1"),
    })
    picker.setObjectName("symptom_lookup")

    def add_line(match: PhenotypeMatch) -> None:
        lines = [line for line in str(field.get()).splitlines() if line.strip()]
        if match.label not in lines:
            field.set("\n".join([*lines, match.label]))

    picker.picked.connect(add_line)
    title = QLabel(translate("Diagnoses", "Add a sym&ptom from the list (HPO):"))
    title.setBuddy(picker)
    return FormField(field.name, field.label, _stacked(field.widget, title, picker), field.get, field.set,
                     field.changed)


def guideline_field(orpha: FormField) -> FormField:
    """A link to the emergency guideline; one click puts in Orphanet's page of the ORPHAcode, which links to
    Orphanet's emergency guideline for the disease where there is one."""
    field = with_help(text_field("emergency_guideline", translate("Diagnoses", "Emergency guideline (lin&k):"),
                                 translate("Diagnoses", "e.g. https://www.orpha.net/…")), translate(
        "Diagnoses", "A link to what doctors should do, e.g. the Orphanet emergency guideline for this condition."))
    button = QPushButton(translate("Diagnoses", "Use the Orphanet page of this ORPHAcode"))

    def code() -> int | None:
        value = orpha.get()
        return value if isinstance(value, int) else None

    def follow_code() -> None:
        button.setEnabled(code() is not None)
        # English: the page a doctor abroad can read too; it offers the other languages
        button.setToolTip(orphanet_page(code(), "en") or translate("Diagnoses", "Fill in the ORPHAcode first."))

    orpha.changed.connect(follow_code)
    button.clicked.connect(lambda: field.set(orphanet_page(code(), "en")))
    follow_code()
    return FormField(field.name, field.label, _stacked(field.widget, button), field.get, field.set, field.changed)


def _stacked(main: QWidget, *more: QWidget) -> QWidget:
    """Widgets one under the other; the first takes the focus for the row's label."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    column.addWidget(main)
    for widget in more:
        if isinstance(widget, QPushButton):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as its text, not the form
        else:
            column.addWidget(widget)
    box.setFocusProxy(main)
    box.setFocusPolicy(main.focusPolicy())  # else the row label's Alt-letter does nothing
    return box


class DiagnosesPage(SectionPage[Diagnosis]):
    # Contacts are shown by name in the details, so a changed contact refreshes this page too.
    sections_shown = (Section.DIAGNOSES, Section.CARE_TEAM)
    service: DiagnosisService

    def __init__(self, service: DiagnosisService, session: Session, events: RecordEvents,
                 parent: QWidget | None = None) -> None:
        self.title = label(Section.DIAGNOSES)
        self._session = session
        self.person = PersonService(session)
        super().__init__(service, events, parent)
        self.body.insertWidget(1, self._statement_bar())
        self._show_statement()

    def _statement_bar(self) -> QWidget:
        """What is known about the list as a whole, and the button to say there is nothing on it."""
        whom = carer_of(self._session)
        if whom:  # a carer states it of the person whose record it is
            button = fill(translate("Diagnoses", "%1 has &no known diagnoses"), whom)
            tip = fill(translate("Diagnoses", "Say that %1 has no known diagnoses now: the exports then print “No "
                                              "known diagnoses” instead of “not filled in”."), whom)
        else:
            button = translate("Diagnoses", "I have &no known diagnoses")
            tip = translate("Diagnoses", "Say that you have no known diagnoses now: the "
                            "exports then print “No known diagnoses” instead of “not filled in”.")
        self.statement_bar = StatementBar(button, tip, self.state_no_known_diagnoses)
        self.statement, self.none_known_button = self.statement_bar.label, self.statement_bar.button
        return self.statement_bar

    def _show_statement(self) -> None:
        if not hasattr(self, "statement_bar"):
            return  # the base class reloads once before the bar is made
        statement, whom = self.person.problem_statement(), carer_of(self._session)
        texts: dict[str, str] = {
            NONE_KNOWN: translate("Diagnoses", "Diagnoses: no known diagnoses (stated by you)."),
            UNKNOWN: fill(translate("Diagnoses", "Current diagnoses: not filled in yet. Add them, or say that %1 "
                                                 "has none."), whom) if whom else
            translate("Diagnoses", "Current diagnoses: not filled in yet. Add them, or say that you have none."),
        }
        self.statement_bar.say(texts.get(statement, ""), statement == UNKNOWN)

    def state_no_known_diagnoses(self) -> None:
        self.events.announce(self.person.state_no_known_problems())

    def reload(self, select_id: int | None = None) -> None:
        super().reload(select_id)
        self._show_statement()  # a diagnosis added, resolved or deleted changes what the list says

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("Diagnoses", "Here you keep the diagnoses, with what doctors must know in an emergency."),
                translate("Diagnoses", "&Add a diagnosis…"))

    def columns(self) -> list[Column[Diagnosis]]:
        return [
            Column(translate("Diagnoses", "Diagnosis"), lambda d: d.name),
            Column(translate("Diagnoses", "Status"), lambda d: label_of(DiagnosisStatus, d.status)),
            Column(translate("Diagnoses", "Date"), lambda d: partial(d.diagnosed_on)),
        ]

    def describe(self, diagnosis: Diagnosis) -> str:
        return diagnosis.name

    def _on_changed(self, change: Change) -> None:
        if change.section == Section.PERSON:
            self._show_statement()  # the statement is the person's
        elif change.section == Section.CARE_TEAM:  # a contact's id is no diagnosis id: keep what is selected
            self.reload()
        else:
            super()._on_changed(change)

    def editor(self, diagnosis: Diagnosis) -> EntryDialog[Diagnosis]:
        new = diagnosis.id is None
        title = translate("Diagnoses", "New diagnosis") if new else translate("Diagnoses", "Change diagnosis")
        save = self.service.add if new else self.service.update
        headings = {"emergency_protocol": translate("Diagnoses", "In an emergency"),
                    "gene": translate("Diagnoses", "Genetic details"),
                    "notes": translate("Diagnoses", "Notes and information")}
        loader = ReferenceLoader()
        dialog = EntryDialog(title, self._fields(loader), diagnosis, self.service.validate, save, self, headings)
        loader.setParent(dialog)  # closing the dialog while the list loads drops the wait, not the loading
        lookup = disease_lookup(loader)
        lookup.picked.connect(lambda match: fill_from_orphanet(dialog, match))
        keep_english_name_with_code(dialog)
        add_first_row(dialog, translate("Diagnoses", "Look &up in Orphanet:"), with_note(lookup, translate(
            "Diagnoses", "Type part of the English name, or the ORPHAcode. Choose from the list: the ORPHAcode "
            "and the name in English are filled in. The name typed under Diagnosis stays as it is.")))
        show_names_from_start(dialog)
        fit_to_screen(dialog)
        return dialog

    def _fields(self, loader: ReferenceLoader) -> list[FormField]:
        contacts = links.choices(self._session, "contacts")
        nobody = translate("Diagnoses", "(nobody chosen)")
        orpha = orpha_field("orpha_code", translate("Diagnoses", "O&RPHAcode:"))
        return [
            text_field("name", translate("Diagnoses", "&Diagnosis:"),
                       translate("Diagnoses", "e.g. congenital adrenal hyperplasia")),
            with_help(text_field("name_en", translate("Diagnoses", "Na&me in English:")), translate(
                "Diagnoses", "For exports in English. Filled in when you pick from Orphanet.")),
            orpha,
            choice_field("status", translate("Diagnoses", "St&atus:"), choices(DiagnosisStatus)),
            date_field("diagnosed_on", translate("Diagnoses", "Diagnosed &on:")),
            text_field("icd10", translate("Diagnoses", "&ICD-10 code:"), translate("Diagnoses", "e.g. E25.0")),
            link_field("diagnosed_by", translate("Diagnoses", "Diagnosed &by:"), contacts, nobody),
            with_help(link_field("treating_physician", translate("Diagnoses", "Treated b&y:"), contacts, nobody),
                      translate("Diagnoses", "The doctor who treats this condition now.")),
            link_field("expertise_centre", translate("Diagnoses", "&Expertise centre:"), contacts, nobody),
            *emergency_fields(loader, orpha),
            text_field("gene", translate("Diagnoses", "&Gene:"), translate("Diagnoses", "e.g. CYP21A2")),
            text_field("variant", translate("Diagnoses", "&Variant (HGVS):"),
                       translate("Diagnoses", "e.g. NM_000500.9:c.293-13C>G")),
            choice_field("zygosity", translate("Diagnoses", "&Zygosity:"),
                         [("", translate("Diagnoses", "(not filled in)")), *choices(Zygosity)]),
            text_field("genetic_lab", translate("Diagnoses", "&Laboratory:")),
            date_field("genetic_test_date", translate("Diagnoses", "&Test date:")),
            long_text_field("notes", translate("Diagnoses", "&Notes:")),
            long_text_field("information_received", translate("Diagnoses", "In&formation received:"),
                            translate("Diagnoses", "e.g. leaflets, explanations from the doctor")),
            long_text_field("trusted_websites", translate("Diagnoses", "Trusted &websites:"),
                            translate("Diagnoses", "One website per line, e.g. www.orpha.net")),
        ]

    def details_html(self, d: Diagnosis) -> str:
        return details.details_html(d, self.service.linked_contacts(d), self.doctor_part_open)
