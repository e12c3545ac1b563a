"""About me (About Joke, for a carer): personal details, what others must know in an emergency, allergies and intolerances."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from phr.core.session import Session
from phr.core.vocabulary import AllergyKind, Criticality, Section, Severity, Sex, TextLanguage
from phr.record.person import (
    LISTED,
    NONE_KNOWN,
    Allergy,
    AllergyService,
    PersonService,
)
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, choice_field, date_field, long_text_field, text_field, with_help
from phr.ui.pages.section_page import SectionPage
from phr.ui.text.formatting import definition_table, escape, fill, heading, partial, provenance_html
from phr.ui.text.vocabulary import choices, label_of
from phr.ui.widgets.entry_table import Column
from phr.ui.widgets.whose import about_whom, carer_of

translate = QCoreApplication.translate


class AllergiesSection(SectionPage[Allergy]):
    sections_shown = (Section.PERSON,)
    service: AllergyService

    def __init__(self, service: AllergyService, events: RecordEvents, parent: QWidget | None = None) -> None:
        self.title = translate("Person", "Allergies and intolerances")
        super().__init__(service, events, parent)

    def columns(self) -> list[Column[Allergy]]:
        return [Column(translate("Person", "Substance"), lambda a: a.substance),
                Column(translate("Person", "Kind"), lambda a: label_of(AllergyKind, a.kind)),
                Column(translate("Person", "Reaction"), lambda a: a.reaction),
                Column(translate("Person", "Severity"), lambda a: label_of(Severity, a.severity)),
                Column(translate("Person", "Risk"), lambda a: label_of(Criticality, a.criticality))]

    def describe(self, allergy: Allergy) -> str:
        return allergy.substance

    def editor(self, allergy: Allergy) -> EntryDialog[Allergy]:
        title = translate("Person", "New allergy") if allergy.id is None else translate("Person", "Change allergy")
        fields = [
            text_field("substance", translate("Person", "&Substance:"), translate("Person", "e.g. penicillin, nuts")),
            choice_field("kind", translate("Person", "&Kind:"), choices(AllergyKind)),
            text_field("reaction", translate("Person", "&Reaction:"), translate("Person", "e.g. rash, short of breath")),
            choice_field("severity", translate("Person", "S&everity:"),
                         choices(Severity)),
            with_help(choice_field("criticality", translate("Person", "R&isk of a next reaction:"),
                                   [("", translate("Person", "(not filled in)")), *choices(Criticality)]),
                      translate("Person", "As your doctor judged it: can a next reaction be life-threatening?")),
            date_field("noted_on", translate("Person", "Kno&wn since:")),
            long_text_field("notes", translate("Person", "N&otes:")),
        ]
        save = self.service.add if allergy.id is None else self.service.update
        return EntryDialog(title, fields, allergy, self.service.validate, save, self)

    def details_html(self, a: Allergy) -> str:
        return f"<h3>{escape(a.substance)}</h3>" + definition_table([
            (translate("Person", "Kind"), label_of(AllergyKind, a.kind)),
            (translate("Person", "Reaction"), a.reaction),
            (translate("Person", "Severity"), label_of(Severity, a.severity)),
            (translate("Person", "Risk of a next reaction"), label_of(Criticality, a.criticality)),
            (translate("Person", "Known since"), partial(a.noted_on)),
            (translate("Person", "Notes"), a.notes),
            (translate("Person", "Codes"), "\n".join(coding.said() for coding in a.codes))])


class PersonPage(QWidget):
    def __init__(self, person_service: PersonService, allergy_service: AllergyService, session: Session,
                 events: RecordEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person_service
        self._session = session
        self.events = events
        self.allergies = AllergiesSection(allergy_service, events, self)
        self._build()
        events.changed.connect(lambda change: self.refresh() if change.section == Section.PERSON else None)
        self.refresh()

    def _build(self) -> None:
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.change_button = QPushButton()
        self.change_button.clicked.connect(self.change_details)
        self.emergency = QLabel()
        self.emergency.setWordWrap(True)
        self.statement = QLabel()
        self.none_known_button = QPushButton()
        self.none_known_button.clicked.connect(self.state_no_known_allergies)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        layout.addWidget(self.title)
        layout.addWidget(_box(translate("Person", "Personal details"), self.details, self.change_button))
        layout.addWidget(_box(translate("Person", "In an emergency"), self.emergency))
        statement_row = QHBoxLayout()
        statement_row.addWidget(self.statement, 1)
        statement_row.addWidget(self.none_known_button)
        layout.addLayout(statement_row)
        layout.addWidget(self.allergies, 1)

    def refresh(self) -> None:
        person = self.person.get()
        self._speak_as_reader()
        self.details.setText(definition_table([
            (translate("Person", "Name"), person.name),
            (translate("Person", "Date of birth"), partial(person.birth_date)),
            (translate("Person", "Sex"), label_of(Sex, person.sex)),
            (translate("Person", "Language I speak"), person.language),
            (translate("Person", "Record written in"), label_of(TextLanguage, person.text_language))])
            + provenance_html(person.provenance))
        # The hint is plain text, so its quotes show as typed (escaped, without markup, they read &quot;).
        self.emergency.setTextFormat(Qt.TextFormat.RichText if person.emergency_notes else Qt.TextFormat.PlainText)
        self.emergency.setText(
            f"<b>{escape(person.emergency_notes).replace(chr(10), '<br>')}</b>" if person.emergency_notes else
            translate("Person", "Nothing noted yet. Write here, in your own words, what others must know or do in "
                                "an emergency, e.g. “stress dose of hydrocortisone needed”."))
        self._show_statement(self.person.allergy_statement())

    def _speak_as_reader(self) -> None:
        """The owner reads 'About me' and 'I have no known allergies'; a carer reads 'About Joke' and 'Joke has
        no known allergies', so the statement says whose it is (the name may just have been changed)."""
        whom = carer_of(self._session)
        self.title.setText(heading(about_whom(whom)))
        if whom:
            self.change_button.setText(fill(translate("Person", "Change de&tails of %1…"), whom))
            self.none_known_button.setText(fill(translate("Person", "%1 has &no known allergies"), whom))
        else:
            self.change_button.setText(translate("Person", "Change my de&tails…"))
            self.none_known_button.setText(translate("Person", "I have &no known allergies"))

    def _show_statement(self, statement: str) -> None:
        whom = carer_of(self._session)
        texts: dict[str, str] = {
            LISTED: translate("Person", "Allergies and intolerances: see the list below."),
            NONE_KNOWN: translate("Person", "Allergies: no known allergies (stated by you)."),
        }
        self.statement.setText(texts.get(statement, fill(translate(
            "Person", "Allergies: not filled in yet. Add them below, or state that %1 has none."), whom) if whom
            else translate("Person", "Allergies: not filled in yet. Add them below, or state that you have none.")))
        self.none_known_button.setVisible(statement not in (LISTED, NONE_KNOWN))

    def change_details(self) -> None:
        whom = carer_of(self._session)
        title = fill(translate("Person", "Details of %1"), whom) if whom else translate("Person", "My details")
        dialog = EntryDialog(title, _detail_fields(whom), self.person.get(),
                             self.person.validate, self.person.update, self)
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)

    def state_no_known_allergies(self) -> None:
        self.events.announce(self.person.state_no_known_allergies())

    def release(self) -> None:
        self.allergies.release()
        self.details.clear()
        self.emergency.clear()


def _detail_fields(whom: str) -> list[FormField]:
    """`whom`: the given name a carer reads ('Language Joke speaks'); '' for the owner ('Language I speak')."""
    spoken = fill(translate("Person", "&Language %1 speaks:"), whom) if whom else translate(
        "Person", "&Language I speak:")
    return [
        text_field("name", translate("Person", "&Name:")),
        date_field("birth_date", translate("Person", "Date of &birth:")),
        choice_field("sex", translate("Person", "&Sex:"), [("", ""), *choices(Sex)]),
        text_field("language", spoken, translate("Person", "e.g. Dutch, Turkish")),
        with_help(choice_field("text_language", translate("Person", "Language I &write this record in:"),
                               [("", translate("Person", "(not filled in)")), *choices(TextLanguage)]),
                  translate("Person", "Exports in another language mark your own words with this language.")),
        with_help(long_text_field("emergency_notes", translate("Person", "In an &emergency:"), translate(
            "Person", "What others must know or do, e.g. stress dose of hydrocortisone needed")),
            translate("Person", "Your own words, printed as you write them. The protocol for doctors "
                                "(what to give, what to avoid) goes with the diagnosis, on the Diagnoses page.")),
    ]


def _box(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box

