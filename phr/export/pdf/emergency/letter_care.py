"""The emergency letter's care: what to do and what to avoid, the person's own words, whom to call, the next
of kin and where to find more.

The protocol for professionals stands in a box of its own, apart from what the person wrote in their
own words: a doctor must see at a glance which is which. Every line of a typed text keeps its line
break. A box is a table of one column, a row a paragraph, so a long protocol runs on to the next page.
"""

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from phr.export.pdf.base import CONTENT_WIDTH, INK, RULE, SHADE, PdfContext, SplittingTable
from phr.export.pdf.clinical import Said
from phr.export.pdf.emergency.facts import Condition, EmergencyFacts
from phr.export.pdf.emergency.qr import qr_drawing
from phr.record.care_team import Contact
from phr.record.diagnoses import orpha_display

QR_SIZE = 28 * mm
SIGNS_IN_ONE_COLUMN = 4
PAD = 3 * mm


def _style(context: PdfContext, name: str, size: float = 10.5, bold: bool = False) -> ParagraphStyle:
    body = context.styles["warning" if bold else "body"]
    return ParagraphStyle(name, parent=body, fontSize=size, leading=size * 1.35)


def _box(rows: Sequence[Flowable], width: float = 1.6, shaded: bool = False) -> Table:
    table = SplittingTable([[row] for row in rows], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    style = [("BOX", (0, 0), (-1, -1), width, INK), ("LEFTPADDING", (0, 0), (-1, -1), PAD),
             ("RIGHTPADDING", (0, 0), (-1, -1), PAD), ("TOPPADDING", (0, 0), (-1, -1), 1),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, 0), PAD),
             ("BOTTOMPADDING", (0, -1), (-1, -1), PAD)]
    if shaded:
        style.append(("BACKGROUND", (0, 0), (-1, -1), SHADE))
    table.setStyle(TableStyle(style))
    return table


def _text_rows(context: PdfContext, said: Said, style: ParagraphStyle, label: str = "",
               label_style: ParagraphStyle | None = None) -> list[Flowable]:
    """A typed text under its label, a paragraph per line as typed. Its mark (whose words, from where) comes
    first, beside the label: a reader must know it before reading on."""
    lines = [Paragraph(context.esc(line.strip()), style) for line in said.text.splitlines() if line.strip()]
    mark = f" <i><font size='8' color='#555555'>({context.esc(said.mark)})</font></i>" if said.mark else ""
    if not lines:
        return []
    if label:
        return [Paragraph(f"{context.esc(label)}{mark}", label_style or style), *lines]
    return ([context.markup(mark.strip(), "small")] if mark else []) + lines


def _signs(context: PdfContext, signs: Sequence[Said], style: ParagraphStyle) -> Flowable:
    """The signs as a list, in two columns when there are many: the box should not run on for a list."""
    cells = [Paragraph("• " + context.esc(sign.text), style) for sign in signs]
    if len(cells) <= SIGNS_IN_ONE_COLUMN:
        table = Table([[cell] for cell in cells], colWidths=[CONTENT_WIDTH - 2 * PAD], hAlign="LEFT")
    else:
        half = (len(cells) + 1) // 2
        pairs = [[cells[i], cells[i + half] if i + half < len(cells) else ""] for i in range(half)]
        table = Table(pairs, colWidths=[(CONTENT_WIDTH - 2 * PAD) / 2] * 2, hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _for(context: PdfContext, condition: Condition) -> Paragraph:
    code = orpha_display(condition.diagnosis.orpha_code)
    return context.markup(context.said(condition.name, bold=True) + (f" · {code}" if code else ""), "body")


def what_to_do(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    """Per condition that has them: the signs of a crisis, the protocol, the link to its guideline."""
    w, story = context.words, []
    text, label = _style(context, "protocol"), _style(context, "protocol_label", 9.5, bold=True)
    for condition in (c for c in facts.conditions if c.protocol.text or c.crisis_signs or c.guideline):
        rows: list[Flowable] = [_for(context, condition)]
        if condition.crisis_signs:
            mark = next((sign.mark for sign in condition.crisis_signs if sign.mark), "")
            rows.append(Paragraph(context.esc(w("Signs of a crisis:")) + (
                f" <i><font size='8' color='#555555'>({context.esc(mark)})</font></i>" if mark else ""), label))
            rows.append(_signs(context, condition.crisis_signs, text))
        rows += _text_rows(context, condition.protocol, text, w("What to do:"), label)
        if condition.guideline:
            rows.append(context.markup(f"<b>{context.esc(w('Emergency guideline:'))}</b> "
                                       f"{context.esc(condition.guideline)}"))
        story += [_box(rows), context.space(2)]
    return story


def what_to_avoid(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    story: list[Flowable] = []
    for condition in (c for c in facts.conditions if c.avoid.text):
        rows = [_for(context, condition), *_text_rows(context, condition.avoid, _style(context, "avoid", 10))]
        story += [_box(rows, width=0.8), context.space(2)]
    return story


def own_words(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    """The person's emergency notes, as written: every line break kept, nothing summarised; shaded, so they
    are not taken for the protocol above."""
    rows = _text_rows(context, facts.emergency_notes, _style(context, "own_words"))
    return [_box(rows, width=0.4, shaded=True)] if rows else []


# --- whom to call ------------------------------------------------------------------------------------

def contacts(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w, calls = context.words, facts.contacts
    if calls is None:
        return []
    story: list[Flowable] = []
    if calls.who_to_call:
        rows = [[context.markup(f"<b>{context.esc(c.name)}</b>" + (f"<br/>{context.esc(c.organisation)}"
                                                                    if c.organisation else ""), "cell"),
                 context.markup(f"<b>{context.esc(c.acute_phone)}</b>", "cell"), c.phone, c.contact_for]
                for c in calls.who_to_call]
        header = [w("Who"), w("Day and night"), w("Office hours"), w("Call for")]
        story.append(context.table(header, rows, [46 * mm, 29 * mm, 27 * mm, CONTENT_WIDTH - 102 * mm]))
    else:
        story.append(context.no_information(w("No out-of-hours numbers in my record.")))
    story.append(context.heading(w("Expertise centre"), 2))
    story += [_contact(context, c.contact, c.diagnoses) for c in calls.expertise_centres] or [
        context.no_information(w("Not filled in."))]
    story.append(context.heading(w("Treating physician"), 2))
    story += [_contact(context, p.contact, p.diagnoses) for p in calls.physicians] or [
        context.no_information(w("Not filled in."))]
    return story


def _contact(context: PdfContext, contact: Contact, diagnoses: tuple[str, ...]) -> Table | None:
    w = context.words
    return context.label_rows([
        (w("Name"), contact.name), (w("For"), "; ".join(diagnoses)), (w("Organisation"), contact.organisation),
        (w("Speciality"), contact.specialty), (w("Day and night"), contact.acute_phone),
        (w("Office hours"), contact.phone), (w("Address"), contact.address), (w("Website"), contact.website),
        (w("Call for"), contact.contact_for), (w("Notes"), contact.notes)])


def next_of_kin(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w = context.words
    rows = [[context.markup(f"<b>{context.esc(p.name)}</b>" + (f"<br/>{context.esc(p.relationship)}"
                                                                if p.relationship else ""), "cell"),
             context.markup(f"<b>{context.esc(p.acute_phone)}</b>", "cell"), p.phone, p.contact_for]
            for p in facts.next_of_kin or ()]
    if not rows:
        return []
    header = [w("Who"), w("Day and night"), w("Other number"), w("What they can do")]
    return [context.table(header, rows, [46 * mm, 29 * mm, 27 * mm, CONTENT_WIDTH - 102 * mm])]


# --- where to find more --------------------------------------------------------------------------------

def where_to_find_more(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    """Per condition its guideline, Orphanet page and trusted websites; the expertise centre's website; and
    the card's QR code, large, with its link printed under it."""
    w, link = context.words, facts.link[1]
    width = CONTENT_WIDTH - (QR_SIZE + 8 * mm if link else 0)
    details: list[Flowable] = []
    for condition in facts.conditions:
        # The Orphanet page once: a guideline link to the same page says it already.
        orphanet = "" if _same_address(condition.orphanet, condition.guideline) else condition.orphanet
        rows = context.label_rows([(w("Emergency guideline"), condition.guideline),
                                   (w("Orphanet page"), orphanet),
                                   (w("Trusted websites"), "\n".join(condition.diagnosis.website_list()))],
                                  label_width=38 * mm, width=width)
        if rows is not None:
            details += [_for(context, condition), rows, context.space(1.5)]
    centre = facts.contacts.first_centre if facts.contacts else None
    if centre is not None and centre.website:
        details.append(context.label_rows([(w("Expertise centre"), f"{centre.name}: {centre.website}")],
                                          label_width=38 * mm, width=width))
    if not details or not link:
        return details
    code = [qr_drawing(link, QR_SIZE), context.markup(f"<font size='7'>{context.esc(link)}</font>", "small")]
    layout = Table([[details, code]], colWidths=[width, CONTENT_WIDTH - width], hAlign="LEFT")
    layout.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                ("LINEBEFORE", (1, 0), (1, 0), 0.4, RULE), ("LEFTPADDING", (1, 0), (1, 0), 3 * mm)]))
    return [layout]


def _same_address(one: str, other: str) -> bool:
    """'https://www.orpha.net/x' and 'www.orpha.net/x/' are the same page."""
    def bare(address: str) -> str:
        return address.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")
    return bool(one) and bare(one) == bare(other)
