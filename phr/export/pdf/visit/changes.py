"""What changed since the last visit: diagnoses, medicines and events, each as a short list.

A diagnosis counts as new when its date (or its genetic test) falls in the period, and as
changed when it was edited in the record during the period. Typing in an old diagnosis is
not news for the specialist, so an entry merely created in the period counts only when it
has no date of its own.
"""

from dataclasses import dataclass

from reportlab.lib.units import mm

from phr.export.pdf.base import CONTENT_WIDTH
from phr.export.pdf.visit.period import Budget, VisitPeriod, in_period

EVENT_KINDS = ("appointment", "document", "allergy")
DIARY_KINDS = ("admission", "event", "symptom")  # day-to-day notes are for the patient, not the brief


@dataclass(frozen=True)
class DiagnosisNews:
    diagnosis: object
    why: str        # diagnosed | genetic_test | changed | added
    day: str        # (partial) ISO date


@dataclass(frozen=True)
class Event:
    day: str        # (partial) ISO date, possibly with a time
    kind: str       # appointment | document | allergy | admission | event | symptom
    text: str


# --- diagnoses ---------------------------------------------------------------------------------------

def diagnosis_news(services, period: VisitPeriod) -> list[DiagnosisNews]:
    news = [item for diagnosis in services.diagnoses.all() if (item := _news_of(diagnosis, period))]
    return sorted(news, key=lambda item: item.day, reverse=True)


def _news_of(diagnosis, period: VisitPeriod) -> DiagnosisNews | None:
    if in_period(period, diagnosis.diagnosed_on):
        return DiagnosisNews(diagnosis, "diagnosed", diagnosis.diagnosed_on)
    if in_period(period, diagnosis.genetic_test_date):
        return DiagnosisNews(diagnosis, "genetic_test", diagnosis.genetic_test_date)
    stamp = diagnosis.provenance
    if stamp is None:
        return None
    if stamp.changed_at != stamp.created_at and in_period(period, stamp.changed_at[:10]):
        return DiagnosisNews(diagnosis, "changed", stamp.changed_at[:10])
    if not diagnosis.diagnosed_on and in_period(period, stamp.created_at[:10]):
        return DiagnosisNews(diagnosis, "added", stamp.created_at[:10])
    return None


def diagnoses_section(context, period: VisitPeriod, budget: Budget) -> list:
    w = context.words
    why_words = {"diagnosed": w("diagnosis date {date}"), "genetic_test": w("genetic test {date}"),
                 "changed": w("changed in the record on {date}"), "added": w("added to the record on {date}")}
    status_words = {"confirmed": w("confirmed"), "suspected": w("suspected"), "carrier": w("carrier"),
                    "resolved": w("resolved")}
    body = []
    for item in diagnosis_news(context.services, period):
        diagnosis = item.diagnosis
        codes = " · ".join(code for code in (f"ORPHA:{diagnosis.orpha_code}" if diagnosis.orpha_code else "",
                                             f"ICD-10 {diagnosis.icd10}" if diagnosis.icd10 else "") if code)
        facts = [status_words.get(diagnosis.status, diagnosis.status),
                 why_words[item.why].format(date=w.date(item.day)), codes]
        body.append(context.markup(f"<b>{context.esc(diagnosis.name)}</b> – "
                                   f"{context.esc(' · '.join(fact for fact in facts if fact))}"))
        if diagnosis.notes and budget.details:
            body.append(context.markup(context.esc(diagnosis.notes), "small_indent"))
    return context.section(w("New or changed diagnoses"), body, w("No new or changed diagnoses since then."))


# --- medicines ---------------------------------------------------------------------------------------

def medication_rows(context, period: VisitPeriod) -> list[tuple[str, list]]:
    """(date, [date text, medicine, what changed, reason]) for every change, start and stop; newest first."""
    w, services = context.words, context.services
    found = services.medications.changes_since(period.start, period.end)
    reasons = {diagnosis.id: diagnosis.name for diagnosis in services.diagnoses.all()}
    rows = []
    for name, change in found.changes:
        was = _dose_text(change.previous_dose, change.previous_schedule)
        now = _dose_text(change.dose, change.schedule)
        what = w("Was: {before}\nNow: {after}", before=was, after=now) if was else w("Now: {after}", after=now)
        rows.append((change.changed_on, [w.date(change.changed_on), name, what, change.reason]))
    for medicine in found.started:
        amount = f"{medicine.dose} ({medicine.strength})" if medicine.dose and medicine.strength else \
            medicine.dose or medicine.strength
        dose = _dose_text(amount, medicine.schedule)
        why = w("For: {diagnosis}", diagnosis=reasons[medicine.reason_id]) if medicine.reason_id in reasons else ""
        rows.append((medicine.start_date, [w.date(medicine.start_date), medicine.name,
                                           w("Started: {dose}", dose=dose), why]))
    for medicine in found.stopped:
        rows.append((medicine.stop_date, [w.date(medicine.stop_date), medicine.name, w("Stopped"),
                                          medicine.stop_reason]))
    return sorted(rows, key=lambda row: row[0], reverse=True)


def _dose_text(dose: str, schedule: str) -> str:
    return " · ".join(part for part in (dose, schedule) if part)


def medications_section(context, period: VisitPeriod, budget: Budget) -> list:
    w = context.words
    rows = [row for _, row in medication_rows(context, period)]
    body = []
    if rows:
        widths = [27 * mm, 33 * mm, 64 * mm, CONTENT_WIDTH - 124 * mm]
        body.append(context.table([w("Date"), w("Medicine"), w("What changed"), w("Reason")],
                                  rows[:budget.medications], widths))
    if len(rows) > budget.medications:
        body.append(context.para(w("And {count} earlier changes: see the overview.",
                                   count=len(rows) - budget.medications), "small"))
    return context.section(w("Medication changes"), body, w("No medication changes since then."))


# --- events ------------------------------------------------------------------------------------------

def events(services, period: VisitPeriod, words) -> list[Event]:
    """Other visits, documents, allergies and diary events in the period, newest first."""
    found = [*_timeline_events(services, period, words), *_diary_events(services, period)]
    return sorted(found, key=lambda event: event.day, reverse=True)


def _timeline_events(services, period: VisitPeriod, words) -> list[Event]:
    skip = {visit.id for visit in (period.appointment, period.previous) if visit is not None}
    found, offset = [], 0
    while True:
        page = services.timeline.events(EVENT_KINDS, offset=offset, limit=200)
        for item in page:
            if in_period(period, item.date) and not (item.kind == "appointment" and item.item_id in skip):
                found.append(Event(item.date, item.kind, _event_text(services, item, words)))
        # Newest first: once a page reaches back before the period, nothing older is needed.
        if len(page) < 200 or page[-1].date[:10] < period.start.isoformat():
            return found
        offset += 200


def _event_text(services, item, words) -> str:
    if item.kind != "appointment":
        return item.title
    visit = services.appointments.get(item.item_id)
    contact = services.care_team.get(visit.contact_id) if visit and visit.contact_id else None
    text = " – ".join(part for part in (item.title, contact.name if contact else "") if part)
    if visit and visit.outcome:
        text += "\n" + words("Outcome: {outcome}", outcome=visit.outcome)
    return text


def _diary_events(services, period: VisitPeriod) -> list[Event]:
    return [Event(entry.written_at, entry.kind, entry.text) for entry in services.diary.all()
            if entry.kind in DIARY_KINDS and in_period(period, entry.written_at[:10])]


def events_section(context, period: VisitPeriod, budget: Budget) -> list:
    w = context.words
    kind_words = {"appointment": w("Visit"), "document": w("Document"), "allergy": w("Allergy"),
                  "admission": w("Admission"), "event": w("Event"), "symptom": w("Symptom")}
    found = events(context.services, period, w)
    rows = [[w.date(event.day[:10]), kind_words[event.kind], event.text] for event in found[:budget.events]]
    body = []
    if rows:
        body.append(context.table(None, rows, [27 * mm, 24 * mm, CONTENT_WIDTH - 51 * mm]))
    if len(found) > budget.events:
        body.append(context.para(w("And {count} earlier events: see the overview.", count=len(found) - budget.events),
                                 "small"))
    return context.section(w("Events"), body, w("No visits, admissions or other events since then."))
