"""The layout of the brief's standing facts: the diagnoses (the rare one first, with its ORPHAcode), the
medicines in use with dose and schedule, and the allergies, in a compact block at the top of page 1.

A specialist who does not know the patient reads this before anything else. Each item says where it
came from, in small muted words next to it. A list longer than the budget allows says how many more
there are, and that they are in the overview.
"""

from collections.abc import Callable, Sequence
from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from phr.core.vocabulary import Criticality, DiagnosisStatus, Section, Severity
from phr.export.pdf.base import CONTENT_WIDTH, PdfContext
from phr.export.pdf.facts import AllergyFacts, no_diagnoses_said, no_medicines_said
from phr.export.pdf.visit.budget import Budget
from phr.export.pdf.visit.changes import came_from
from phr.export.pdf.visit.facts import StandingFacts
from phr.record.codings import icd10_name
from phr.record.diagnoses import Diagnosis, orpha_display
from phr.record.medications import Medication
from phr.record.person import LISTED, NONE_KNOWN, Allergy
from phr.words.vocabulary import label, label_of

LABEL_WIDTH = 28 * mm
Item = TypeVar("Item")


def standing_section(context: PdfContext, facts: StandingFacts, budget: Budget) -> list[Flowable]:
    w = context.words
    rows = [[label(w, Section.DIAGNOSES), _listed(context, facts.diagnoses, _diagnosis, budget.standing,
                                                  no_diagnoses_said(w, facts.problem_statement)
                                                  or w("No current diagnoses."))],
            [label(w, Section.MEDICATIONS), _listed(context, facts.medicines, _medicine, budget.standing,
                                                    no_medicines_said(w, facts.medication_statement)
                                                    or w("No medicines in use."))],
            [w("Allergies"), _allergies(context, facts.allergies, budget.standing)]]
    rows = [[context.para(name, "cellhead"), value] for name, value in rows]
    table = context.table(None, rows, [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH])
    return context.section(w("In short: diagnoses, medicines, allergies"), [table])


def _listed(context: PdfContext, items: Sequence[Item], line: Callable[[PdfContext, Item], str], most: int,
            none: str) -> Flowable:
    """One line per item, at most `most` of them; the rest counted, pointing to the overview."""
    if not items:
        return context.para(none, "cell")
    lines = [line(context, item) for item in items[:most]]
    if len(items) > most:
        more = context.words("And {count} more: see the overview.", count=len(items) - most)
        lines.append(f"<i>{context.esc(more)}</i>")
    return context.markup("<br/>".join(lines), "cell")


def _diagnosis(context: PdfContext, diagnosis: Diagnosis) -> str:
    """'Name · ORPHA:90794 · ICD-10 E25.0', and the status when it is not a confirmed diagnosis."""
    w, esc = context.words, context.esc
    status = "" if diagnosis.status == "confirmed" else \
        label_of(w, DiagnosisStatus, diagnosis.status, in_sentence=True)
    icd10 = f"{icd10_name(diagnosis.codes, diagnosis.icd10)} {diagnosis.icd10}" if diagnosis.icd10 else ""
    codes = [orpha_display(diagnosis.orpha_code), icd10, status]
    facts = " · ".join(esc(part) for part in codes if part)
    name = context.said(context.clinical.diagnosis_name(diagnosis), bold=True)
    return name + (f" · {facts}" if facts else "") + came_from(context, diagnosis.provenance)


def _medicine(context: PdfContext, medicine: Medication) -> str:
    """'Hydrocortisone 10 mg – 4 times a day · 17,5 mg per dag; 4 keer per dag: 7,5 - 5 - 2,5 - 2,5 mg': the
    app's words from the structured dose, then the patient's own words when they say more."""
    esc, clinical = context.esc, context.clinical
    name = f"<b>{esc(clinical.medicine_name(medicine))}</b>" + (f" {esc(medicine.strength)}" if medicine.strength else "")
    said = clinical.dose_words(medicine)
    dose = " · ".join(part for part in map(context.said, (said.dose, said.schedule, said.typed)) if part)
    return name + (f" – {dose}" if dose else "") + came_from(context, medicine.provenance)


def _allergy(context: PdfContext, allergy: Allergy) -> str:
    w, esc = context.words, context.esc
    severity = label_of(w, Severity, allergy.severity, in_sentence=True) if allergy.severity != "unknown" else ""
    risk = label_of(w, Criticality, allergy.criticality, in_sentence=True) if allergy.criticality else ""
    about = " · ".join(esc(part) for part in (allergy.reaction, severity) if part)
    about = " · ".join(part for part in (about, f"<b>{esc(risk)}</b>" if allergy.criticality == Criticality.HIGH
                                          else esc(risk)) if part)
    return f"<b>{esc(allergy.substance)}</b>" + (f" – {about}" if about else "") + \
        came_from(context, allergy.provenance)


def _allergies(context: PdfContext, facts: AllergyFacts, most: int) -> Flowable:
    """'None known' only when the record says so; nothing listed and nothing said is 'not filled in'."""
    w = context.words
    if facts.statement == NONE_KNOWN:
        return context.para(w("No known allergies."), "cell")
    if facts.statement != LISTED or not facts.allergies:
        return context.para(w("Not filled in: it is not known whether there are allergies."), "cell")
    return _listed(context, facts.allergies, _allergy, most, "")
