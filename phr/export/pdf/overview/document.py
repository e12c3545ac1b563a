"""The overview PDF: the whole care process, for a specialist to read in a few minutes.

record -> facts (phr.export.pdf.overview.facts) -> flowables (this module, record, care,
monitoring) -> bytes (phr.export.pdf.pages). The sections follow the International Patient
Summary (IPS 2.0): who this is (and what others must know in an emergency), problems, allergies
and intolerances, medicines, vaccinations, operations and procedures, results (the lab's, then the
person's measurements), plan of care and team; then the appointments and the list
of documents (the order is OverviewSection's, docs/pdf-exports.md says why). A section the user
left out is not printed; a section without content says so in words. Every item says where it
came from, and the first page that the patient keeps this record, not a care provider.
"""

from collections.abc import Callable
from typing import TypeVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from phr.core.vocabulary import Section, Sex
from phr.export.options import ExportOptions, OverviewSection
from phr.export.pdf.base import SHADE, PdfContext
from phr.export.pdf.facts import PersonFacts, own_words_note, record_note
from phr.export.pdf.overview import care, history, record
from phr.export.pdf.overview.facts import OverviewFacts, OverviewPeriod, gather
from phr.export.pdf.overview.monitoring import keep_with_next, monitoring_body
from phr.export.pdf.overview.monitoring_facts import DEFAULT_DAYS
from phr.export.pdf.pages import render
from phr.record.services import RecordServices
from phr.words.catalogue import Words
from phr.words.vocabulary import label, label_of

SECTIONS: tuple[OverviewSection, ...] = tuple(OverviewSection)
Part = TypeVar("Part")


def section_titles(w: Words) -> dict[str, str]:
    """The printed title of each section, in the export language: the record's own sections as the app names them."""
    return {"person": label(w, Section.PERSON), "diagnoses": label(w, Section.DIAGNOSES),
            "allergies": w("Allergies and intolerances"), "medications": label(w, Section.MEDICATIONS),
            "vaccinations": label(w, Section.VACCINATIONS), "procedures": label(w, Section.PROCEDURES),
            "lab_results": w("Lab results"),
            "monitoring": label(w, Section.MONITORING), "care_plan": w("Care plan: goals and evaluations"),
            "care_team": label(w, Section.CARE_TEAM), "appointments": label(w, Section.APPOINTMENTS),
            "documents": label(w, Section.DOCUMENTS)}


def build(services: RecordServices, options: ExportOptions) -> bytes:
    facts = gather(services, options)
    context = PdfContext.create(options, facts.written_in)
    title = context.words("Overview of my care")
    return render(context, story(context, facts, title), title, facts.subject)


def story(context: PdfContext, facts: OverviewFacts, title: str) -> list[Flowable]:
    flowables = [context.para(title, "title"), context.para(period_text(context.words, facts.period), "subtitle"),
                 context.para(record_note(context.words), "small")]
    if note := own_words_note(context.clinical):
        flowables.append(context.para(note, "small"))
    flowables.append(context.space(2))
    titles, bodies = section_titles(context.words), _bodies(context, facts)
    for key in SECTIONS:
        if (body := bodies[key]) is not None:
            section = context.section(titles[key], body)
            flowables += keep_with_next(section[:1], section[1:])  # a title never ends a page on its own
    return flowables


def _bodies(context: PdfContext, facts: OverviewFacts) -> dict[OverviewSection, list[Flowable] | None]:
    """Each section's flowables; None for a section left out."""
    def laid_out(part: Part | None, layout: Callable[[PdfContext, Part], list[Flowable]]) -> list[Flowable] | None:
        return None if part is None else layout(context, part)

    return {OverviewSection.PERSON: laid_out(facts.person, person_body),
            OverviewSection.DIAGNOSES: laid_out(facts.diagnoses, record.diagnoses_body),
            OverviewSection.ALLERGIES: laid_out(facts.allergies, record.allergies_body),
            OverviewSection.MEDICATIONS: laid_out(facts.medications, record.medications_body),
            OverviewSection.VACCINATIONS: laid_out(facts.vaccinations, history.vaccinations_body),
            OverviewSection.PROCEDURES: laid_out(facts.procedures, history.procedures_body),
            OverviewSection.LAB_RESULTS: laid_out(facts.lab_results, history.lab_results_body),
            OverviewSection.MONITORING: laid_out(facts.monitoring, monitoring_body),
            OverviewSection.CARE_PLAN: laid_out(facts.care_plan, care.care_plan_body),
            OverviewSection.CARE_TEAM: laid_out(facts.care_team, care.care_team_body),
            OverviewSection.APPOINTMENTS: laid_out(facts.appointments, care.appointments_body),
            OverviewSection.DOCUMENTS: laid_out(facts.documents, care.documents_body)}


def period_text(w: Words, period: OverviewPeriod) -> str:
    """What the overview covers: the chosen period for the history, and the measurements' period."""
    if period.since or period.until:
        return w("History from {start} to {end}. Current diagnoses, medicines, allergies, goals and the care team "
                 "are always shown.", start=w.date(period.since) or "…", end=w.date(period.until or period.today))
    return w("The whole history in the record. Measurements: the last {days} days ({start} to {end}).",
             days=DEFAULT_DAYS, start=w.date(period.measured_from), end=w.date(period.measured_to))


def person_body(context: PdfContext, facts: PersonFacts) -> list[Flowable]:
    w, person = context.words, facts.person
    born = w.date(person.birth_date)
    if facts.age is not None:
        born = w("{date} ({years} years)", date=born, years=facts.age)
    details = context.label_rows([(w("Name"), person.name), (w("Date of birth"), born),
                                  (w("Sex"), label_of(w, Sex, person.sex)), (w("Language"), person.language)])
    body: list[Flowable] = [details] if details is not None else []
    if person.emergency_notes:
        body += _boxed(context, w("What others must know in an emergency"), person.emergency_notes,
                       context.clinical.own_words_mark())
    return body


def _boxed(context: PdfContext, title: str, text: str, mark: str = "") -> list[Flowable]:
    """The emergency notes under their title, on a shaded ground, so they stand out on the first page.

    One shaded paragraph rather than a one-cell table, so long notes run on to the next page (a
    table cell taller than a page cannot be laid out at all). The title is not kept with the whole
    paragraph (that would push long notes to a new page), only with its first lines."""
    style = ParagraphStyle("boxed", parent=context.styles["body"], backColor=SHADE,
                           borderPadding=(1.8 * mm, 2 * mm), leftIndent=2 * mm, rightIndent=2 * mm,
                           spaceBefore=1.8 * mm, spaceAfter=2.5 * mm)
    heading = context.heading(title, 2)
    heading.keepWithNext = False
    room = heading.style.spaceBefore + heading.style.leading + heading.style.spaceAfter + 5 * style.leading
    said = [context.markup(f"<i>({context.esc(mark)})</i>", "small")] if mark else []  # whose words, before them
    return [CondPageBreak(room), heading, *said, Paragraph(context.esc(text.strip()), style)]
