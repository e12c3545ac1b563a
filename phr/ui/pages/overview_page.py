"""The start page: the whole care process at a glance, with links to every entry it mentions."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from phr.core.vocabulary import CareRole, Criticality, DiagnosisStatus, Section
from phr.record import overview
from phr.record.care_team import Contact
from phr.record.diagnoses import orpha_display
from phr.record.person import LISTED, NONE_KNOWN, UNKNOWN
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.forms.date_time_field import in_words
from phr.ui.pages.medications_page import dose_and_schedule
from phr.ui.text.formatting import escape, fill, heading, partial
from phr.ui.text.vocabulary import label, label_of
from phr.ui.widgets.getting_started import GettingStarted, HiddenHere, HiddenLists, Step
from phr.ui.widgets.whose import given_name, is_carer

translate = QCoreApplication.translate


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
    open_page = Signal(str)  # a Getting started button: the main window shows that page (phr.ui.app.navigation.Page)

    def __init__(self, services: RecordServices, events: RecordEvents, parent: QWidget | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.services: RecordServices | None = services  # None once the record locks
        self.events = events
        self._now = now or (lambda: datetime.now().replace(second=0, microsecond=0))
        self.hidden_lists: HiddenLists = HiddenHere()  # the main window gives the settings file's (remember)
        self.getting_started = GettingStarted()
        self.getting_started.go_to.connect(self.open_page.emit)
        self.getting_started.hide_requested.connect(self.hide_getting_started)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(translate("Overview", "Overview of your care"))
        self.view.anchorClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.getting_started)
        layout.addWidget(self.view, 1)
        events.changed.connect(lambda _change: self.refresh())
        self.refresh()

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
        self.view.setHtml(render(view, now.date(), self.services.care_team.next_of_kin(), statements, voice))
        self._show_getting_started(view, statements)

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
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard stays on this page

    def _open(self, url: QUrl) -> None:
        section, _, item_id = url.toString().partition(":")
        if item_id.isdigit():
            self.events.ask_to_show(section, int(item_id))

    def release(self) -> None:
        self.services = None
        self.view.clear()


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


def render(view: overview.Overview, today: date, next_of_kin: Sequence[Contact] = (),
           statements: Statements = Statements(), voice: Voice = Voice()) -> str:
    left = _emergency(view, next_of_kin) + _who_to_call(view) + _allergies(view)
    right = (_next_appointment(view) + _goals(view, today, voice) + _diagnoses(view, statements.diagnoses)
             + _medications(view, statements.medicines, voice))
    return (_who(view, today) + "<table width='100%' cellspacing='0' cellpadding='8'><tr>"
            f"<td width='42%' valign='top'>{left}</td><td valign='top'>{right}</td></tr></table>")


def _link(section: str, item_id: int | None, text: str) -> str:
    return f"<a href='{section}:{item_id}'>{escape(text)}</a>" if item_id is not None else escape(text)


def _quiet(text: str) -> str:
    """A note that something is not there (yet), in italics."""
    return f"<p><i>{escape(text)}</i></p>"


def _items(lines: list[str], empty: str) -> str:
    if not lines:
        return _quiet(empty)
    return "<ul style='margin-left: -20px'>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def _who(view, today: date) -> str:
    person = view.person
    years = overview.age(person.birth_date, today)
    born = fill(translate("Overview", "born %1"), partial(person.birth_date)) if person.birth_date else ""
    aged = fill(translate("Overview", "%1 years"), years) if years is not None else ""
    details = ", ".join(part for part in (born, aged) if part)
    return heading(person.name or translate("Overview", "(no name)"), 2) + (f"<p>{escape(details)}</p>"
                                                                         if details else "")


def _emergency(view, next_of_kin: Sequence[Contact]) -> str:
    notes = view.person.emergency_notes
    body = (f"<p style='font-size: large'><b>{escape(notes).replace(chr(10), '<br>')}</b></p>" if notes else
            _quiet(translate("Overview", "Nothing noted yet (see About me).")))
    return (heading(translate("Overview", "In an emergency"), 3) + body + _next_of_kin(next_of_kin)
            + _protocols(view))


def _next_of_kin(contacts: Sequence[Contact]) -> str:
    lines = [_link("care_team", c.id, c.name) + (f" ({escape(c.relationship)})" if c.relationship else "")
             + (f": <b>{escape(c.acute_phone or c.phone)}</b>" if c.acute_phone or c.phone else "")
             + (f"<br><small>{escape(c.contact_for)}</small>" if c.contact_for else "") for c in contacts]
    return "<p>" + escape(translate("Overview", "Next of kin:")) + "</p>" + _items(
        lines, translate("Overview", "No family or partner yet (see Care team)."))


def _protocols(view) -> str:
    """Per diagnosis (a carrier status needs none), whether doctors will find what to do in a crisis."""
    diagnoses = [d for d in view.diagnoses if d.status != DiagnosisStatus.CARRIER]
    lines = [_link("diagnoses", d.id, d.name) + " – " + escape(
        translate("Overview", "filled in") if d.has_emergency_information else translate("Overview", "not filled in"))
        for d in diagnoses]
    return ("<p>" + escape(translate("Overview", "Emergency information for doctors:")) + "</p>"
            + _items(lines, translate("Overview", "No diagnoses yet.")))


def _who_to_call(view) -> str:
    lines = [f"{_link('care_team', c.id, c.name)} ({escape(label_of(CareRole, c.role))}): <b>{escape(c.acute_phone)}</b>"
             + (f"<br><small>{escape(c.contact_for)}</small>" if c.contact_for else "")
             for c in view.who_to_call if c.role != CareRole.NEXT_OF_KIN]  # they have a place of their own above
    return heading(translate("Overview", "Who to call, day and night"), 3) + _items(
        lines, translate("Overview", "No out-of-hours numbers yet (see Care team)."))


def _allergies(view) -> str:
    title = heading(translate("Overview", "Allergies"), 3)
    if view.allergy_statement == NONE_KNOWN:
        return title + "<p>" + escape(translate("Overview", "No known allergies.")) + "</p>"
    if view.allergy_statement != LISTED:
        return title + _quiet(translate("Overview", "Not filled in yet."))
    return title + _items([_link("person", a.id, a.substance) + (f" – {escape(a.reaction)}" if a.reaction else "")
                           + (f" – <b>{escape(label_of(Criticality, a.criticality, in_sentence=True))}</b>"
                              if a.criticality == Criticality.HIGH else "")
                           for a in view.allergies], "")


def _next_appointment(view) -> str:
    title = heading(translate("Overview", "Next appointment"), 3)
    visit = view.next_appointment
    if visit is None:
        return title + _quiet(translate("Overview", "No appointment planned."))
    text = in_words(visit.starts_at) + (f" – {visit.purpose}" if visit.purpose else "")
    questions = _items([escape(q.text) for q in view.open_questions],
                       translate("Overview", "No questions written down yet."))
    later = ""
    if view.later_appointments:
        later = "<p>" + escape(translate("Overview", "After that:")) + "</p>" + _items(
            [_link("appointments", a.id, in_words(a.starts_at, short=True) + (f" – {a.purpose}" if a.purpose else ""))
             for a in view.later_appointments], "")
    return (title + f"<p>{_link('appointments', visit.id, text)}</p>"
            + "<p>" + escape(translate("Overview", "Questions to ask:")) + "</p>" + questions + later)


def _goals(view, today: date, voice: Voice = Voice()) -> str:
    lines = [f"⚠ {_link('care_plan', g.id, g.description)} – <b>"
             + escape(fill(translate("Overview", "review overdue since %1"), partial(g.review_date))) + "</b>"
             for g in view.overdue_goals]
    lines += [f"{_link('care_plan', g.id, g.description)} – "
              + escape(fill(translate("Overview", "review soon: %1"), partial(g.review_date))) for g in view.goals_due_soon]
    lines += [_link("care_plan", g.id, g.description) + (
        " – " + escape(fill(translate("Overview", "review %1"), partial(g.review_date))) if g.review_date else "")
        for g in view.other_active_goals]
    title = fill(translate("Overview", "Goals of %1"), voice.carer_of) if voice.carer_of else translate(
        "Overview", "My goals")
    return heading(title, 3) + _items(lines, translate("Overview", "No active goals."))


def _diagnoses(view, statement: str = LISTED) -> str:
    lines = [_link("diagnoses", d.id, d.name) + escape(
        " – " + ", ".join(part for part in (label_of(DiagnosisStatus, d.status), orpha_display(d.orpha_code)) if part))
        for d in view.diagnoses]
    title = heading(translate("Overview", "Diagnoses"), 3)
    if not lines and statement == NONE_KNOWN:
        return title + "<p>" + escape(translate("Overview", "No known diagnoses.")) + "</p>"
    if not lines and statement == UNKNOWN:
        return title + _quiet(translate("Overview", "Not filled in yet (see Diagnoses)."))
    return title + _items(lines, translate("Overview", "No diagnoses yet."))


def _medications(view, statement: str = LISTED, voice: Voice = Voice()) -> str:
    lines = [_link("medications", m.id, " ".join(part for part in (m.name, m.strength) if part))
             + escape(f" – {dose_and_schedule(m)}" if dose_and_schedule(m) else "")
             for m in view.medications]
    title = heading(fill(translate("Overview", "Medicines %1 uses now"), voice.carer_of) if voice.carer_of
                    else translate("Overview", "Medicines I use now"), 3)
    if not lines and statement == NONE_KNOWN:
        return title + "<p>" + escape(translate("Overview", "No known medicines.")) + "</p>"
    if not lines and statement == UNKNOWN:
        return title + _quiet(translate("Overview", "Not filled in yet (see Medicines)."))
    return title + _items(lines, translate("Overview", "No medicines."))
