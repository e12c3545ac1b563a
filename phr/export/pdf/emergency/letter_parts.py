"""The emergency letter's facts about the person: who they are, their diagnoses, allergies, medicines and
earlier operations.

Names, statuses and doses are in the export language (phr.export.pdf.clinical); what the person typed
is printed as typed, with its mark when it is in another language. An empty part returns no
flowables: the letter then says "Not filled in." under its title.
"""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from phr.core.vocabulary import AllergyKind, Criticality, DeviceFlag, DiagnosisStatus, Route, Severity, Sex
from phr.export.pdf.base import CONTENT_WIDTH, PdfContext
from phr.export.pdf.emergency.facts import EmergencyFacts
from phr.export.pdf.facts import no_diagnoses_said, no_medicines_said
from phr.record.codings import icd10_name
from phr.record.diagnoses import orpha_display
from phr.record.person import LISTED, NONE_KNOWN
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of

MAX_PROCEDURES = 12  # the newest; the letter stays short (the overview lists them all)


def severity_text(w: Words, severity: str) -> str:
    """'severe', as said of one allergy; nothing when it is not known."""
    return "" if severity == Severity.UNKNOWN else label_of(w, Severity, severity, in_sentence=True)


def who_i_am(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w, person = context.words, facts.person.person
    born = w.date(person.birth_date) or w("Not filled in")
    if facts.person.age is not None:
        born = w("{date} ({years} years old)", date=born, years=facts.person.age)
    rows = context.label_rows([(w("Name"), person.name or w("Not filled in")), (w("Date of birth"), born),
                               (w("Sex"), label_of(w, Sex, person.sex, in_sentence=True)),
                               (w("Language I speak"), person.language)])
    return [rows] if rows else []


def diagnoses(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w = context.words
    rows = []
    for condition in facts.conditions:
        diagnosis = condition.diagnosis
        icd10 = f"{icd10_name(diagnosis.codes, diagnosis.icd10)} {diagnosis.icd10}" if diagnosis.icd10 else ""
        codes = "\n".join(code for code in (orpha_display(diagnosis.orpha_code), icd10) if code)
        rows.append([context.markup(context.said(condition.name, bold=True), "cell"), codes,
                     label_of(w, DiagnosisStatus, diagnosis.status, in_sentence=True), w.date(diagnosis.diagnosed_on)])
    if not rows:
        return _statement(context, facts.problem_statement,
                          no_diagnoses_said(w, facts.problem_statement, first_person=True)) + _afib(context, facts)
    header = [w("Diagnosis"), w("Code"), w("Status"), w("Since")]
    return [context.table(header, rows, [88 * mm, 30 * mm, 24 * mm, CONTENT_WIDTH - 142 * mm]), *_afib(context, facts)]


def _afib(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    """One line when my blood pressure monitor noticed possible AFib in the past year (why: emergency/facts.py)."""
    w, counts = context.words, facts.possible_afib
    afib = counts.of(DeviceFlag.POSSIBLE_AFIB) if counts is not None else None
    if counts is None or afib is None:
        return []
    return [context.space(1), context.para(w(
        "My blood pressure monitor at home noticed possible atrial fibrillation (AFib) in {count} of {total} readings "
        "in the past year, the last time on {date}. This is a signal from the monitor, not a diagnosis.",
        count=w.number(afib.count, 0), total=w.number(counts.readings, 0), date=w.date(afib.last_day)))]


def medications(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w, clinical = context.words, context.clinical
    rows = []
    for medicine in facts.medications or ():
        what = " ".join(part for part in (clinical.medicine_name(medicine), medicine.strength) if part)
        route = "" if medicine.route in ("", Route.OTHER) else label_of(w, Route, medicine.route, in_sentence=True)
        dose = clinical.dose_words(medicine)
        typed = f"<br/><font size='7.5'>{context.said(dose.typed)}</font>" if dose.typed.text else ""
        rows.append([context.markup(f"<b>{context.esc(what)}</b>" + (f"<br/>{context.esc(route)}" if route else ""),
                                    "cell"),
                     context.markup(context.said(dose.dose, bold=True), "cell"),
                     context.markup(context.said(dose.schedule) + typed, "cell"), medicine.notes])
    if not rows:
        return _statement(context, facts.medication_statement,
                          no_medicines_said(w, facts.medication_statement, first_person=True))
    header = [w("Medicine"), w("Dose"), w("When"), w("Notes")]
    return [context.table(header, rows, [44 * mm, 28 * mm, 50 * mm, CONTENT_WIDTH - 122 * mm])]


def procedures(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    """Earlier operations, with what I wrote about them (how the anaesthesia went), marked as my words; the
    newest MAX_PROCEDURES, and how many more the record holds."""
    w, clinical = context.words, context.clinical
    shown = (facts.procedures or ())[:MAX_PROCEDURES]
    rows = [[context.markup("<br/>".join(part for part in (context.said(clinical.typed(p.name), bold=True),
                                                          context.esc(p.body_site)) if part), "cell"),
             w.date(p.performed_on), p.place, context.markup(context.said(clinical.written(p.notes, p.provenance)),
                                                             "cell")]
            for p in shown]
    if not rows:
        return []
    header = [w("Operation or procedure"), w("When"), w("Where"), w("Notes")]
    body: list[Flowable] = [context.table(header, rows, [48 * mm, 24 * mm, 36 * mm, CONTENT_WIDTH - 108 * mm])]
    if len(facts.procedures or ()) > MAX_PROCEDURES:
        body.append(context.para(w("And {count} earlier ones in my record.",
                                   count=len(facts.procedures or ()) - MAX_PROCEDURES), "small"))
    return body


def allergies(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w, known = context.words, facts.allergies
    if known is None:
        return []
    if known.statement == NONE_KNOWN:
        return [context.para(w("No known allergies."), "warning")]
    if known.statement != LISTED:
        return [context.no_information(w("Not filled in: it is not known whether I have allergies."))]
    rows = [[context.markup(f"<b>{context.esc(a.substance)}</b>", "cell"),
             label_of(w, AllergyKind, a.kind, in_sentence=True),
             "\n".join(part for part in (a.reaction, a.notes) if part), _severity(context, a.severity, a.criticality)]
            for a in known.allergies]
    header = [w("Substance"), w("Kind"), w("Reaction"), w("Severity")]
    return [context.table(header, rows, [40 * mm, 22 * mm, CONTENT_WIDTH - 102 * mm, 40 * mm])]


def _statement(context: PdfContext, statement: str, said: str) -> list[Flowable]:
    """'No known medicines.' when I said so; 'not filled in' in the words of the list; nothing when listed."""
    if not said:
        return []
    return [context.para(said, "warning")] if statement == NONE_KNOWN else [context.no_information(said)]


def _severity(context: PdfContext, severity: str, criticality: str) -> Flowable | str:
    """The severity, and under it how dangerous a next reaction may be (in bold when it can be life-threatening)."""
    w = context.words
    text = context.esc(severity_text(w, severity))
    if criticality:
        risk = context.esc(label_of(w, Criticality, criticality, in_sentence=True))
        text = "<br/>".join(part for part in (text, f"<b>{risk}</b>" if criticality == Criticality.HIGH else risk)
                            if part)
    return context.markup(text, "cell")
