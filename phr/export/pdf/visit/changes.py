"""The layout of what changed since the last visit: diagnoses, medicines and events, each as a short list.

What counts as a change is decided in phr.export.pdf.visit.change_facts; the budget decides how
many of each list fit, and the rest is counted and points to the overview. Each item says where
it came from (typed in, by a carer, from a letter or a file) in small muted words next to it.
"""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from phr.core.entries import Provenance
from phr.core.vocabulary import DiagnosisStatus, DiaryKind, TimelineKind
from phr.export.pdf.base import CONTENT_WIDTH, PdfContext
from phr.export.pdf.clinical import Said
from phr.export.pdf.facts import source_words
from phr.export.pdf.visit.budget import Budget
from phr.export.pdf.visit.change_facts import DiagnosisNews, Event, MedicationStep, StepKind
from phr.words.catalogue import Words
from phr.words.vocabulary import label, label_of


def came_from(context: PdfContext, provenance: Provenance | None) -> str:
    """Where an item came from, as small muted words to put next to it ('' when the record does not say)."""
    words = source_words(context.words, provenance)
    return f" <i><font size='7.5' color='#555555'>{context.esc(words)}</font></i>" if words else ""


def diagnoses_section(context: PdfContext, news: Sequence[DiagnosisNews], budget: Budget) -> list[Flowable]:
    w = context.words
    why_words = {"diagnosed": w("diagnosis date {date}"), "genetic_test": w("genetic test {date}"),
                 "changed": w("changed in the record on {date}"), "added": w("added to the record on {date}")}
    body = []
    for item in news:
        diagnosis = item.diagnosis
        codes = " · ".join(code for code in (f"ORPHA:{diagnosis.orpha_code}" if diagnosis.orpha_code else "",
                                             f"ICD-10 {diagnosis.icd10}" if diagnosis.icd10 else "") if code)
        facts = [label_of(w, DiagnosisStatus, diagnosis.status, in_sentence=True),
                 why_words[item.why].format(date=w.date(item.day)), codes]
        body.append(context.markup(f"{context.said(context.clinical.diagnosis_name(diagnosis), bold=True)} – "
                                   f"{context.esc(' · '.join(fact for fact in facts if fact))}"
                                   f"{came_from(context, diagnosis.provenance)}"))
        if diagnosis.notes and budget.details:
            body.append(context.markup(context.esc(diagnosis.notes), "small_indent"))
    return context.section(w("New or changed diagnoses"), body, w("No new or changed diagnoses since then."))


def medications_section(context: PdfContext, steps: Sequence[MedicationStep], budget: Budget) -> list[Flowable]:
    w = context.words
    rows = [[w.date(step.day), step.medicine, context.markup(context.said(Said(_what(w, step), step.mark)), "cell"),
             context.markup(context.esc(_why(w, step)) + came_from(context, step.provenance), "cell")]
            for step in steps]
    body = []
    if rows:
        widths = [27 * mm, 33 * mm, 64 * mm, CONTENT_WIDTH - 124 * mm]
        body.append(context.table([w("Date"), w("Medicine"), w("What changed"), w("Reason")],
                                  rows[:budget.medications], widths))
    if len(rows) > budget.medications:
        body.append(context.para(w("And {count} earlier changes: see the overview.",
                                   count=len(rows) - budget.medications), "small"))
    return context.section(w("Medication changes"), body, w("No medication changes since then."))


def _what(w: Words, step: MedicationStep) -> str:
    if step.kind == StepKind.STARTED:
        return w("Started: {dose}", dose=step.after)
    if step.kind == StepKind.STOPPED:
        return w("Stopped")
    if step.before:
        return w("Was: {before}\nNow: {after}", before=step.before, after=step.after)
    return w("Now: {after}", after=step.after)


def _why(w: Words, step: MedicationStep) -> str:
    if step.kind == StepKind.STARTED:
        return w("For: {diagnosis}", diagnosis=step.for_diagnosis) if step.for_diagnosis is not None else ""
    return step.reason


def events_section(context: PdfContext, found: Sequence[Event], budget: Budget) -> list[Flowable]:
    w = context.words
    rows = [[w.date(event.day[:10]), _kind_text(w, event.kind),
             context.markup(context.esc(_event_text(w, event)) + came_from(context, event.provenance), "cell")]
            for event in found[:budget.events]]
    body = []
    if rows:
        body.append(context.table(None, rows, [27 * mm, 24 * mm, CONTENT_WIDTH - 51 * mm]))
    if len(found) > budget.events:
        body.append(context.para(w("And {count} earlier events: see the overview.", count=len(found) - budget.events),
                                 "small"))
    return context.section(w("Events"), body, w("No visits, admissions or other events since then."))


def _kind_text(w: Words, kind: TimelineKind | DiaryKind) -> str:
    """What kind of event, in the words of the timeline or the diary, where the event comes from."""
    return label(w, kind)


def _event_text(w: Words, event: Event) -> str:
    text = " – ".join(part for part in (event.text, event.with_whom) if part)
    return text + ("\n" + w("Outcome: {outcome}", outcome=event.outcome) if event.outcome else "")
