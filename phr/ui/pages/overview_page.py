"""The start page: the whole care process at a glance, as cards (in an emergency, who to call, the next
appointment, goals, medicines, diagnoses), each with its icon, a few lines with links to the entries it
mentions, and a button to its page. A new record shows Getting started above them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QIcon, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from phr.core.vocabulary import CareRole, Criticality, DiagnosisStatus, Section
from phr.record import overview
from phr.record.care_team import Contact
from phr.record.diagnoses import orpha_display
from phr.record.person import LISTED, NONE_KNOWN, UNKNOWN
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.forms.date_time_field import in_words
from phr.ui.pages.medications_page import dose_and_schedule
from phr.ui.text.formatting import escape, fill, partial
from phr.ui.text.vocabulary import label, label_of
from phr.ui.widgets.card import Card
from phr.ui.widgets.getting_started import GettingStarted, HiddenHere, HiddenLists, Step
from phr.ui.widgets.icons import Topic, glyph, section_icon
from phr.ui.widgets.type_scale import TITLE, set_type
from phr.ui.widgets.whose import given_name, is_carer

translate = QCoreApplication.translate
MOST_LINES = 5       # of a list on a card: the rest is one line ('and 3 more') and on the card's page
CARD_CHARACTERS = 34  # the narrowest a card may be, in characters: narrower, the cards go in one column

# The cards, in reading order: (key, the page its button opens). The first LEFT go in the left column when
# there are two.
CARDS = (("emergency", Section.PERSON), ("who_to_call", Section.CARE_TEAM), ("appointment", Section.APPOINTMENTS),
         ("goals", Section.CARE_PLAN), ("medicines", Section.MEDICATIONS), ("diagnoses", Section.DIAGNOSES))
LEFT = 2


@dataclass(frozen=True)
class Statements:
    """What the person said about medicines in use and current diagnoses as a whole (phr.record.person)."""

    medicines: str = LISTED
    diagnoses: str = LISTED


@dataclass(frozen=True)
class Voice:
    """Who the overview speaks for: the owner ('My goals'), or a carer, who reads the person's name."""

    carer_of: str = ""  # the person's given name when a carer is working


class OverviewPage(QWidget):
    open_page = Signal(str)  # a card's or Getting started's button: the main window shows that page (navigation.Page)

    def __init__(self, services: RecordServices, events: RecordEvents, parent: QWidget | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.services: RecordServices | None = services  # None once the record locks
        self.events = events
        self._now = now or (lambda: datetime.now().replace(second=0, microsecond=0))
        self.hidden_lists: HiddenLists = HiddenHere()  # the main window gives the settings file's (remember)
        self.setAccessibleName(translate("Overview", "Overview of your care"))
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        set_type(self.name, TITLE, bold=True)
        self.born = QLabel()
        self.born.setTextFormat(Qt.TextFormat.PlainText)
        self.getting_started = GettingStarted()
        self.getting_started.go_to.connect(self.open_page.emit)
        self.getting_started.hide_requested.connect(self.hide_getting_started)
        self.cards = {key: Card(_card_icon(key), page, label(page), self._open, self.open_page.emit)
                      for key, page in CARDS}
        self._lay_out()
        events.changed.connect(lambda _change: self.refresh())
        self.refresh()

    def _lay_out(self) -> None:
        self.columns = (QVBoxLayout(), QVBoxLayout())
        for column in self.columns:
            column.setSpacing(12)
        self.card_row = row = QHBoxLayout()
        row.setSpacing(12)
        for column in self.columns:
            row.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.born)
        layout.addWidget(self.getting_started)
        layout.addLayout(row)
        layout.addStretch(1)
        self._two_columns: bool | None = None
        self._arrange(two=False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width() >= 2 * self.fontMetrics().averageCharWidth() * CARD_CHARACTERS + 60)

    def _arrange(self, two: bool) -> None:
        """Two columns where each card gets at least CARD_CHARACTERS, else one (a small screen, large text)."""
        if two == self._two_columns:
            return
        self._two_columns = two
        for column in self.columns:
            while column.takeAt(0) is not None:
                pass  # the cards stay: they are the page's children
        left, right = self.columns
        for number, card in enumerate(self.cards.values()):
            (left if number < LEFT or not two else right).addWidget(card)
        for column in self.columns:
            column.addStretch(1)  # the cards keep their height; what is left stays below them
        self.card_row.setStretch(1, 1 if two else 0)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # the date moves on: 'overdue' and 'next appointment' depend on it
        super().showEvent(event)

    def refresh(self) -> None:
        if self.services is None:
            return
        now = self._now()
        person = self.services.person
        statements = Statements(person.medication_statement(now.date()), person.problem_statement())
        author = self.services.session.author
        voice = Voice(given_name(self.services.session.person_name()) if is_carer(author) else "")
        view = overview.build(self.services, now)
        self.name.setText(view.person.name or translate("Overview", "(no name)"))
        self.born.setText(born_and_age(view, now.date()))
        self.born.setVisible(bool(self.born.text()))
        contents = card_contents(view, now.date(), self.services.care_team.next_of_kin(), statements, voice)
        for key, (title, html) in contents.items():
            self.cards[key].show_content(title, html)
        self._show_getting_started(view, statements)

    def plain_text(self) -> str:
        """Everything the page says, as a reader sees it: the name, then each card in reading order."""
        return "\n".join([self.name.text(), self.born.text(), *(card.plain_text() for card in self.cards.values())])

    def _show_getting_started(self, view: overview.Overview, statements: Statements) -> None:
        services = self.services
        if services is None:
            return
        steps = getting_started_steps(view, statements, has_contacts=services.care_team.count() > 0)
        hidden = self.hidden_lists.is_hidden(services.session.folder)
        self.getting_started.show_steps(steps)
        self.getting_started.setVisible(not hidden and not all(step.done for step in steps))

    def remember_hidden_lists(self, hidden_lists: HiddenLists) -> None:
        """Where a hidden Getting started is remembered (the app's settings file)."""
        self.hidden_lists = hidden_lists
        self.refresh()

    def hide_getting_started(self) -> None:
        if self.services is not None:
            self.hidden_lists.hide(self.services.session.folder)
        self.getting_started.hide()
        first = self.cards["emergency"]  # the keyboard stays on this page: on the first card
        (first.body if first.body.focusPolicy() != Qt.FocusPolicy.NoFocus else first.button).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def _open(self, link: QUrl | str) -> None:
        section, _, item_id = (link.toString() if isinstance(link, QUrl) else link).partition(":")
        if item_id.isdigit():
            self.events.ask_to_show(section, int(item_id))

    def release(self) -> None:
        self.services = None
        self.name.clear()
        self.born.clear()
        for card in self.cards.values():
            card.clear()


def _card_icon(key: str) -> QIcon:
    topics = {"emergency": Topic.EMERGENCY, "who_to_call": Topic.WHO_TO_CALL}
    return glyph(topics[key].value) if key in topics else section_icon(dict(CARDS)[key])


def getting_started_steps(view: overview.Overview, statements: Statements, has_contacts: bool) -> list[Step]:
    """The parts of a record doctors and others need most, each done once it holds something (or says there is
    nothing to list)."""
    person = view.person
    about, go_to = label(Section.PERSON), translate("Overview", "Go to %1")
    return [
        Step(Section.PERSON, translate("Overview", "Date of birth and allergies"), fill(go_to, about),
             bool(person.birth_date) and view.allergy_statement != UNKNOWN),
        Step(Section.DIAGNOSES, translate("Overview", "Diagnoses, or that there are none"),
             fill(go_to, label(Section.DIAGNOSES)), bool(view.diagnoses) or statements.diagnoses != UNKNOWN),
        Step(Section.MEDICATIONS, translate("Overview", "The medicines in use, or that there are none"),
             fill(go_to, label(Section.MEDICATIONS)), bool(view.medications) or statements.medicines != UNKNOWN),
        Step(Section.CARE_TEAM, translate("Overview", "Who helps with the care, and who to call day and night"),
             fill(go_to, label(Section.CARE_TEAM)), has_contacts),
        Step(Section.PERSON, translate("Overview", "What others must know in an emergency (for the emergency card)"),
             fill(go_to, about), bool(person.emergency_notes.strip())),
    ]


def card_contents(view: overview.Overview, today: date, next_of_kin: Sequence[Contact] = (),
                  statements: Statements = Statements(), voice: Voice = Voice()) -> dict[str, tuple[str, str]]:
    """Each card's heading and lines (rich text), by key (CARDS)."""
    goals = fill(translate("Overview", "Goals of %1"), voice.carer_of) if voice.carer_of else translate(
        "Overview", "My goals")
    medicines = (fill(translate("Overview", "Medicines %1 uses now"), voice.carer_of) if voice.carer_of
                 else translate("Overview", "Medicines I use now"))
    return {
        "emergency": (translate("Overview", "In an emergency"), _emergency(view)),
        "who_to_call": (translate("Overview", "Who to call, day and night"), _who_to_call(view, next_of_kin)),
        "appointment": (translate("Overview", "Next appointment"), _next_appointment(view)),
        "goals": (goals, _goals(view, today)),
        "medicines": (medicines, _medications(view, statements.medicines)),
        "diagnoses": (translate("Overview", "Diagnoses"), _diagnoses(view, statements.diagnoses)),
    }


def born_and_age(view: overview.Overview, today: date) -> str:
    person = view.person
    years = overview.age(person.birth_date, today)
    born = fill(translate("Overview", "born %1"), partial(person.birth_date)) if person.birth_date else ""
    aged = fill(translate("Overview", "%1 years"), years) if years is not None else ""
    return ", ".join(part for part in (born, aged) if part)


def _link(section: str, item_id: int | None, text: str) -> str:
    return f"<a href='{section}:{item_id}'>{escape(text)}</a>" if item_id is not None else escape(text)


def _quiet(text: str) -> str:
    """A note that something is not there (yet), in italics."""
    return f"<p><i>{escape(text)}</i></p>"


def _part(text: str) -> str:
    """The words over a part of a card ('Next of kin:')."""
    return f"<p style='margin-top: 8px'><b>{escape(text)}</b></p>"


def _items(lines: list[str], empty: str) -> str:
    """At most MOST_LINES lines, then how many more there are (on the card's page)."""
    if not lines:
        return _quiet(empty)
    shown = lines if len(lines) <= MOST_LINES else lines[:MOST_LINES - 1]
    more = len(lines) - len(shown)
    rest = ["<i>" + escape(translate("Overview", "and %n more", "", more)) + "</i>"] if more else []
    return "<ul style='margin-left: -20px'>" + "".join(f"<li>{line}</li>" for line in shown + rest) + "</ul>"


def _emergency(view: overview.Overview) -> str:
    """What others must know (the person's own words), the allergies, and per diagnosis whether doctors find
    what to do in a crisis."""
    notes = view.person.emergency_notes
    body = (f"<p>{escape(notes).replace(chr(10), '<br>')}</p>" if notes else
            _quiet(translate("Overview", "Nothing noted yet (see About me).")))
    return body + _part(translate("Overview", "Allergies")) + _allergies(view) + _protocols(view)


def _protocols(view: overview.Overview) -> str:
    """Per diagnosis (a carrier status needs none), whether doctors will find what to do in a crisis."""
    diagnoses = [d for d in view.diagnoses if d.status != DiagnosisStatus.CARRIER]
    lines = [_link("diagnoses", d.id, d.name) + " – " + escape(
        translate("Overview", "emergency information filled in") if d.has_emergency_information
        else translate("Overview", "emergency information not filled in yet"))
        for d in diagnoses]
    return (_part(translate("Overview", "Emergency information for doctors:"))
            + _items(lines, translate("Overview", "No diagnoses yet.")))


def _allergies(view: overview.Overview) -> str:
    if view.allergy_statement == NONE_KNOWN:
        return "<p>" + escape(translate("Overview", "No known allergies.")) + "</p>"
    if view.allergy_statement != LISTED:
        return _quiet(translate("Overview", "Not filled in yet."))
    return _items([_link("person", a.id, a.substance) + (f" – {escape(a.reaction)}" if a.reaction else "")
                   + (f" – <b>{escape(label_of(Criticality, a.criticality, in_sentence=True))}</b>"
                      if a.criticality == Criticality.HIGH else "")
                   for a in view.allergies], "")


def _who_to_call(view: overview.Overview, next_of_kin: Sequence[Contact]) -> str:
    """The numbers for out of hours, then the family (they have a place of their own, not among the numbers)."""
    lines = [f"{_link('care_team', c.id, c.name)} ({escape(label_of(CareRole, c.role))}): <b>{escape(c.acute_phone)}</b>"
             + (f"<br>{escape(c.contact_for)}" if c.contact_for else "")
             for c in view.who_to_call if c.role != CareRole.NEXT_OF_KIN]
    family = [_link("care_team", c.id, c.name) + (f" ({escape(c.relationship)})" if c.relationship else "")
              + (f": <b>{escape(c.acute_phone or c.phone)}</b>" if c.acute_phone or c.phone else "")
              + (f"<br>{escape(c.contact_for)}" if c.contact_for else "") for c in next_of_kin]
    return (_items(lines, translate("Overview", "No out-of-hours numbers yet (see Care team)."))
            + _part(translate("Overview", "Next of kin:"))
            + _items(family, translate("Overview", "No family or partner yet (see Care team).")))


def _next_appointment(view: overview.Overview) -> str:
    visit = view.next_appointment
    if visit is None:
        return _quiet(translate("Overview", "No appointment planned."))
    text = in_words(visit.starts_at) + (f" – {visit.purpose}" if visit.purpose else "")
    questions = _items([escape(q.text) for q in view.open_questions],
                       translate("Overview", "No questions written down yet."))
    later = ""
    if view.later_appointments:
        later = _part(translate("Overview", "After that:")) + _items(
            [_link("appointments", a.id, in_words(a.starts_at, short=True) + (f" – {a.purpose}" if a.purpose else ""))
             for a in view.later_appointments], "")
    return (f"<p>{_link('appointments', visit.id, text)}</p>"
            + _part(translate("Overview", "Questions to ask:")) + questions + later)


def _goals(view: overview.Overview, today: date) -> str:
    lines = [f"⚠ {_link('care_plan', g.id, g.description)} – <b>"
             + escape(fill(translate("Overview", "review overdue since %1"), partial(g.review_date))) + "</b>"
             for g in view.overdue_goals]
    lines += [f"{_link('care_plan', g.id, g.description)} – "
              + escape(fill(translate("Overview", "review soon: %1"), partial(g.review_date))) for g in view.goals_due_soon]
    lines += [_link("care_plan", g.id, g.description) + (
        " – " + escape(fill(translate("Overview", "review %1"), partial(g.review_date))) if g.review_date else "")
        for g in view.other_active_goals]
    return _items(lines, translate("Overview", "No active goals."))


def _diagnoses(view: overview.Overview, statement: str = LISTED) -> str:
    lines = [_link("diagnoses", d.id, d.name) + escape(
        " – " + ", ".join(part for part in (label_of(DiagnosisStatus, d.status), orpha_display(d.orpha_code)) if part))
        for d in view.diagnoses]
    if not lines and statement == NONE_KNOWN:
        return "<p>" + escape(translate("Overview", "No known diagnoses.")) + "</p>"
    if not lines and statement == UNKNOWN:
        return _quiet(translate("Overview", "Not filled in yet (see Diagnoses)."))
    return _items(lines, translate("Overview", "No diagnoses yet."))


def _medications(view: overview.Overview, statement: str = LISTED) -> str:
    lines = [_link("medications", m.id, " ".join(part for part in (m.name, m.strength) if part))
             + escape(f" – {dose_and_schedule(m)}" if dose_and_schedule(m) else "")
             for m in view.medications]
    if not lines and statement == NONE_KNOWN:
        return "<p>" + escape(translate("Overview", "No known medicines.")) + "</p>"
    if not lines and statement == UNKNOWN:
        return _quiet(translate("Overview", "Not filled in yet (see Medicines)."))
    return _items(lines, translate("Overview", "No medicines."))
