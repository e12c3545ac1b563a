"""The layout of the overview's problems, allergies and medicines: what the person has, must avoid and takes.

What is printed was chosen in phr.export.pdf.overview.facts (what holds now always, the
history in the chosen period); this module lays it out. Each item says where it came from in a
muted line under its name, never in a column of its own: the tables keep their width.
"""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from phr.core.entries import Provenance
from phr.core.vocabulary import AllergyKind, Criticality, DiagnosisStatus, Route, Severity, Zygosity
from phr.export.pdf.base import PdfContext
from phr.export.pdf.facts import AllergyFacts, no_diagnoses_said, no_medicines_said, source_words
from phr.export.pdf.overview.facts import DiagnosisFacts, DiagnosisLine, MedicationFacts, MedicineInUse
from phr.record.codings import icd10_name, others
from phr.record.diagnoses import Diagnosis, orpha_display
from phr.record.medications import Medication, MedicationChange
from phr.record.person import LISTED, NONE_KNOWN
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of

MM = mm  # reportlab points per millimetre
LONG_NOTE = 400  # characters: a longer note is printed under its row, across the table's width


def status_explanations(w: Words) -> dict[str, str]:
    """What a status means, in plain words: 'carrier' on its own is easily misread."""
    return {"suspected": w("The doctors think of this, but it is not certain yet."),
            "carrier": w("Carries the variant; usually no symptoms. It can be passed on to children."),
            "resolved": w("This is over, or no longer needs care.")}


def small(context: PdfContext, text: str) -> str:
    """Record text as a muted second line inside a table cell."""
    return f"<font size='7.5' color='#555555'>{context.esc(text)}</font>" if text else ""


def source(context: PdfContext, provenance: Provenance | None) -> str:
    """Where an item came from, as a muted line for its cell ('' when the record does not say); in italics,
    so that it does not read as part of the notes above it."""
    text = small(context, source_words(context.words, provenance))
    return f"<i>{text}</i>" if text else ""


def lines(*parts: str) -> str:
    return "<br/>".join(part for part in parts if part)


def short_note(notes: str) -> str:
    """The note when it fits in its cell; a long one goes under the row (see `long_note`)."""
    return notes if len(notes or "") <= LONG_NOTE else ""


def long_note(context: PdfContext, notes: str) -> Paragraph | None:
    """A long note as a paragraph across the table, under its row, so it can run on over pages."""
    return context.markup(small(context, notes), "cell") if len(notes or "") > LONG_NOTE else None


def notes_below(notes: Sequence[Paragraph | None]) -> dict[int, Paragraph]:
    """Row index to the note under it, for the rows that have a long note."""
    return {index: note for index, note in enumerate(notes) if note is not None}


# --- problems (diagnoses) ---------------------------------------------------------------------------------

def diagnoses_body(context: PdfContext, facts: DiagnosisFacts) -> list[Flowable]:
    """Without current diagnoses, what the person said (none known) or that it is not filled in."""
    w = context.words
    said = no_diagnoses_said(w, facts.statement) or w("No current diagnoses.")
    body = [_diagnosis_table(context, facts.current) if facts.current else context.para(said, "warning")]
    if facts.genetic:
        body += [context.heading(w("Genetic details"), 2), _genetic_table(context, facts.genetic)]
    if facts.resolved:
        body += [context.heading(w("Past diagnoses (resolved)"), 2), _diagnosis_table(context, facts.resolved)]
    return body


def _diagnosis_table(context: PdfContext, lines_: Sequence[DiagnosisLine]) -> Table:
    w = context.words
    explained = status_explanations(w)
    rows, notes = [], []
    for line in lines_:
        diagnosis = line.diagnosis
        found = w("Diagnosed by {name}", name=line.diagnosed_by) if line.diagnosed_by else ""
        centre = w("Expertise centre: {name}", name=line.expertise_centre) if line.expertise_centre else ""
        name = lines(context.said(context.clinical.diagnosis_name(diagnosis), bold=True),
                     small(context, short_note(diagnosis.notes)),
                     small(context, " · ".join(part for part in (found, centre) if part)),
                     source(context, diagnosis.provenance))
        status = lines(context.esc(label_of(w, DiagnosisStatus, diagnosis.status)),
                       small(context, explained.get(diagnosis.status, "")))
        codes = lines(context.esc(orpha_display(diagnosis.orpha_code)),
                      context.esc(f"{icd10_name(diagnosis.codes, diagnosis.icd10)}: {diagnosis.icd10}")
                      if diagnosis.icd10 else "",
                      small(context, ", ".join(f"{c.system_name} {c.code}" for c in others(
                          diagnosis.codes, diagnosis.icd10, diagnosis.orpha_code))))
        rows.append([context.markup(name, "cell"), context.markup(status, "cell"), context.markup(codes, "cell"),
                     w.date(diagnosis.diagnosed_on)])
        notes.append(long_note(context, diagnosis.notes))
    return context.table([w("Diagnosis"), w("Status"), w("Codes"), w("Since")], rows,
                         [c * MM for c in (84, 38, 28, 24)], below=notes_below(notes))


def _genetic_table(context: PdfContext, diagnoses: Sequence[Diagnosis]) -> Table:
    w = context.words
    rows = []
    for d in diagnoses:
        test = lines(context.esc(d.genetic_lab), context.esc(w.date(d.genetic_test_date)))
        rows.append([context.clinical.diagnosis_name(d).text, d.gene, d.variant, label_of(w, Zygosity, d.zygosity),
                     context.markup(test, "cell")])
    return context.table([w("Diagnosis"), w("Gene"), w("Variant (HGVS)"), w("Zygosity"), w("Genetic test")], rows,
                         [c * MM for c in (44, 18, 44, 36, 32)])


# --- medications --------------------------------------------------------------------------------------------

def medications_body(context: PdfContext, facts: MedicationFacts) -> list[Flowable]:
    """Without medicines in use, what the person said (none known) or that it is not filled in."""
    w = context.words
    said = no_medicines_said(w, facts.statement) or w("No medicines in use.")
    body = [_current_table(context, facts.current) if facts.current else context.para(said, "warning")]
    if facts.changes:
        body += [context.heading(w("Dose changes"), 2), _changes_table(context, facts.changes)]
    if facts.past:
        body += [context.heading(w("Past medicines"), 2), _past_table(context, facts.past)]
    return body


def _name(context: PdfContext, medicine: Medication) -> str:
    """'<b>Hydrocortisone</b> 10 mg': the name in the export language when the patient gave one."""
    return f"<b>{context.esc(context.clinical.medicine_name(medicine))}</b> {context.esc(medicine.strength)}"


def _current_table(context: PdfContext, medicines: Sequence[MedicineInUse]) -> Table:
    w = context.words
    rows, notes = [], []
    for in_use in medicines:
        m = in_use.medicine
        prescriber = w("Prescribed by {name}", name=in_use.prescriber) if in_use.prescriber is not None else ""
        name = lines(_name(context, m), small(context, short_note(m.notes)),
                     small(context, prescriber), source(context, m.provenance))
        said = context.clinical.dose_words(m)
        typed = f"<font size='7.5'>{context.said(said.typed)}</font>" if said.typed.text else ""
        dose = lines(context.said(said.dose), context.said(said.schedule), typed,
                     small(context, label_of(w, Route, m.route)))
        rows.append([context.markup(name, "cell"), context.markup(dose, "cell"), in_use.reason,
                     w.date(m.start_date)])
        notes.append(long_note(context, m.notes))
    return context.table([w("Medicine"), w("Dose and when"), w("For"), w("Since")], rows,
                         [c * MM for c in (56, 48, 44, 26)], below=notes_below(notes))


def _dose(dose: str, schedule: str) -> str:
    return ", ".join(part for part in (dose, schedule) if part)


def _changes_table(context: PdfContext, changes: Sequence[tuple[Medication, MedicationChange]]) -> Table:
    w = context.words
    rows = []
    for medicine, change in changes:
        before = _dose(change.previous_dose, change.previous_schedule)
        after = _dose(change.dose, change.schedule)
        what = w("from {before} to {after}", before=before, after=after) if before else after
        said = context.clinical.typed(what)  # the history keeps the patient's words only
        rows.append([w.date(change.changed_on), context.clinical.medicine_name(medicine),
                     context.markup(context.said(said), "cell"),
                     context.markup(lines(context.esc(change.reason), source(context, change.provenance)), "cell")])
    return context.table([w("Date"), w("Medicine"), w("Change"), w("Reason")], rows,
                         [c * MM for c in (24, 34, 64, 52)])


def _past_table(context: PdfContext, medicines: Sequence[Medication]) -> Table:
    w = context.words
    rows = [[context.markup(lines(_name(context, m), small(context, context.clinical.dose_words(m).said().plain()),
                                  source(context, m.provenance)), "cell"),
             w("{start} to {stop}", start=w.date(m.start_date) or "?", stop=w.date(m.stop_date) or "?"),
             m.stop_reason] for m in medicines]
    return context.table([w("Medicine"), w("Used"), w("Why stopped")], rows, [c * MM for c in (56, 44, 74)])


# --- allergies ----------------------------------------------------------------------------------------------

def allergies_body(context: PdfContext, facts: AllergyFacts) -> list[Flowable]:
    """The allergy statement matters as much as the list: 'none known' is not 'not asked'."""
    w = context.words
    if facts.statement == NONE_KNOWN:
        return [context.para(w("No known allergies."), "warning")]
    if facts.statement != LISTED:
        return [context.para(w("Not filled in: it is not known whether there are allergies."), "warning")]
    rows, notes = [], []
    for allergy in facts.allergies:
        kind = label_of(w, AllergyKind, allergy.kind)
        reaction = lines(context.esc(allergy.reaction), small(context, short_note(allergy.notes)))
        substance = lines(f"<b>{context.esc(allergy.substance)}</b>", source(context, allergy.provenance))
        severity = lines(context.esc(label_of(w, Severity, allergy.severity)),
                         _risk(context, allergy.criticality))
        rows.append([context.markup(substance, "cell"), kind,
                     context.markup(reaction, "cell"), context.markup(severity, "cell"),
                     w.date(allergy.noted_on)])
        notes.append(long_note(context, allergy.notes))
    return [context.table([w("Substance"), w("Kind"), w("Reaction"), w("Severity"), w("Known since")], rows,
                          [c * MM for c in (44, 24, 56, 30, 20)], below=notes_below(notes))]


def _risk(context: PdfContext, criticality: str) -> str:
    """How dangerous a next reaction may be, under the severity: in bold when it can be life-threatening (words,
    not a colour, carry it: the PDF prints in black and white)."""
    if not criticality:
        return ""
    text = context.esc(label_of(context.words, Criticality, criticality))
    return f"<b>{text}</b>" if criticality == Criticality.HIGH else small(context, text)
