"""The overview PDF: the whole care process, for a specialist to read in a few minutes.

The sections follow the International Patient Summary: who this is (and what others must know
in an emergency), problems, medications, allergies, results, plan and team; then the
appointments and the list of documents. A section the user left out is not printed; a section
without content says so in words.
"""

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph

from phr.export.pdf.base import SHADE, PdfContext, render
from phr.export.pdf.overview import care as care
from phr.export.pdf.overview import record as record
from phr.export.pdf.overview.monitoring import DEFAULT_DAYS, keep_with_next, monitoring_body, monitoring_period
from phr.record.overview import age

SECTIONS: tuple[str, ...] = ("person", "diagnoses", "medications", "allergies", "monitoring", "care_plan",
                             "care_team", "appointments", "documents")


def section_titles(w) -> dict[str, str]:
    """The printed title of each section, in the export language (also for the export dialog)."""
    return {"person": w("About me"), "diagnoses": w("Diagnoses"), "medications": w("Medicines"),
            "allergies": w("Allergies and intolerances"), "monitoring": w("Measurements"),
            "care_plan": w("Care plan: goals and evaluations"), "care_team": w("Care team"),
            "appointments": w("Appointments"), "documents": w("Documents")}


def build(context: PdfContext) -> bytes:
    w = context.words
    title = w("Overview of my care")
    story = [context.para(title, "title"), context.para(period_text(context), "subtitle")]
    titles = section_titles(w)
    for key in SECTIONS:
        if context.options.wants(key):
            section = context.section(titles[key], _BODIES[key](context))
            story += keep_with_next(section[:1], section[1:])  # a title never ends a page on its own
    return render(context, story, title)


def period_text(context: PdfContext) -> str:
    """What the overview covers: the chosen period for the history, and the measurements' period."""
    w, options = context.words, context.options
    start, end = monitoring_period(options)
    if options.since or options.until:
        text = w("History from {start} to {end}. Current diagnoses, medicines, allergies, goals and the care team "
                 "are always shown.", start=w.date(options.since) or "…", end=w.date(options.until or options.today))
    else:
        text = w("The whole history in the record. Measurements: the last {days} days ({start} to {end}).",
                 days=DEFAULT_DAYS, start=w.date(start), end=w.date(end))
    return text


def person_body(context: PdfContext) -> list:
    w = context.words
    person = context.services.person.get()
    sexes = {"female": w("Female"), "male": w("Male"), "other": w("Other"), "unknown": w("Not known")}
    years = age(person.birth_date, context.options.today)
    born = w.date(person.birth_date)
    if years is not None:
        born = w("{date} ({years} years)", date=born, years=years)
    body = [context.label_rows([(w("Name"), person.name), (w("Date of birth"), born),
                                (w("Sex"), sexes.get(person.sex, person.sex)), (w("Language"), person.language)])]
    body = [part for part in body if part is not None]
    if person.emergency_notes:
        body += _boxed(context, w("What others must know in an emergency"), person.emergency_notes)
    return body


def _boxed(context: PdfContext, title: str, text: str) -> list:
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
    return [CondPageBreak(room), heading, Paragraph(context.esc(text.strip()), style)]


def monitoring_section(context: PdfContext) -> list:
    start, end = monitoring_period(context.options)
    return monitoring_body(context, start, end)


_BODIES = {
    "person": person_body,
    "diagnoses": record.diagnoses_body,
    "medications": record.medications_body,
    "allergies": record.allergies_body,
    "monitoring": monitoring_section,
    "care_plan": care.care_plan_body,
    "care_team": care.care_team_body,
    "appointments": care.appointments_body,
    "documents": care.documents_body,
}
