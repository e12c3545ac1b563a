"""The IPS Alerts section (LOINC 104605-1): what an emergency doctor must know, as Flags and as readable text.

Per current diagnosis with emergency information, one Flag for each of: the protocol for
professionals, what to avoid, and the signs of a crisis; and one Flag for the person's own
emergency notes, with the Patient as its author (the patient's own words). Each Flag is
active, about the Patient, with the text as code.text, the HL7 flag category 'clinical' and
Regie's own category (codes.EmergencyFlag), the language the record is written in, and a
diagnosis's Flags point to its Condition with the flag-detail extension.

The narrative says it all in the export's language for a professional: per diagnosis the
protocol, what to avoid, the signs of a crisis, the emergency guideline (a link), who treats it
and the expertise centre; then the person's own words, marked as such; then the next of kin.
A record without any of this has no Alerts section (IPS makes it optional).
"""

from html import escape

from phr.core.vocabulary import CareRole, TextLanguage
from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.clinical import shown_name
from phr.formats.fhir.write.context import FhirContext, Section, without_empty
from phr.formats.fhir.write.narrative import div, joined
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis, orpha_display
from phr.words.vocabulary import label, label_of

CLINICAL = codes.concept(codes.FLAG_CATEGORY, "clinical", "Clinical")
LINK = "\x00"  # where the link goes in a sentence


def alerts(context: FhirContext) -> Section | None:
    details = context.services.person.get()
    diagnoses = [d for d in context.services.diagnoses.current() if d.has_emergency_information]
    entries = [entry for diagnosis in diagnoses for entry in _diagnosis_flags(context, diagnosis,
                                                                              details.text_language)]
    if details.emergency_notes.strip():
        url = codes.full_url("flag", f"{context.patient_url}:{codes.EmergencyFlag.PATIENT_NOTES}")
        entries.append((url, flag(context, codes.EmergencyFlag.PATIENT_NOTES, details.emergency_notes.strip(),
                                  details.text_language, author=context.subject)))
    if not entries:
        return None
    parts = [_language_note(context, details.text_language)]
    parts += [_diagnosis_text(context, diagnosis) for diagnosis in diagnoses]
    if details.emergency_notes.strip():
        parts.append(_heading(context.words("In the patient's own words")) + _lines(details.emergency_notes))
    parts.append(_next_of_kin_text(context))
    return Section("alerts", context.words("In an emergency"), {"status": "generated", "div": div(*parts)}, entries)


def _diagnosis_flags(context: FhirContext, diagnosis: Diagnosis, language: str) -> list[tuple[str, dict]]:
    condition = context.reference("diagnoses", diagnosis.id) or {"reference": codes.full_url("diagnoses",
                                                                                             diagnosis.uid or "")}
    found = []
    for kind, field in codes.EMERGENCY_FIELDS.items():
        text = getattr(diagnosis, field).strip()
        if text:
            about = {**condition, "display": diagnosis.name}
            found.append((codes.full_url("flag", f"{diagnosis.uid}:{kind}"),
                          flag(context, kind, text, language, about)))
    return found


def flag(context: FhirContext, kind: codes.EmergencyFlag, text: str, language: str, about: dict | None = None,
         author: dict | None = None) -> dict:
    """One alert; `language` is the language the text is written in ('' when the record does not say)."""
    return without_empty({
        "resourceType": "Flag",
        "language": language,
        "extension": [{"url": codes.FLAG_DETAIL, "valueReference": about}] if about else [],
        "status": "active",
        "category": [CLINICAL, codes.concept(codes.EMERGENCY_INFORMATION, kind, codes.EMERGENCY_DISPLAYS[kind])],
        "code": {"text": text},
        "subject": context.subject,
        "author": author,
    })


# --- the narrative ----------------------------------------------------------------------------

def _language_note(context: FhirContext, text_language: str) -> str:
    """Texts from the record are as the person wrote them: say in which language, when it is not the export's."""
    if not text_language or text_language == context.words.language:
        return ""
    language = label_of(context.words, TextLanguage, text_language)  # a language keeps its capital in Dutch too
    return _paragraph(context.words("The texts from the record are given as written, in {language}.",
                                    language=language))


def _diagnosis_text(context: FhirContext, diagnosis: Diagnosis) -> str:
    w = context.words
    name = joined(shown_name(context, diagnosis.name, diagnosis.name_en), orpha_display(diagnosis.orpha_code),
                  separator=", ")
    parts = [_heading(name)]
    if diagnosis.emergency_protocol.strip():
        parts.append(_labelled(w("Protocol for professionals")) + _lines(diagnosis.emergency_protocol))
    if diagnosis.emergency_avoid.strip():
        parts.append(_labelled(w("Avoid in an emergency")) + _lines(diagnosis.emergency_avoid))
    if diagnosis.crisis_signs.strip():
        signs = [line.strip() for line in diagnosis.crisis_signs.splitlines() if line.strip()]
        parts.append(_labelled(w("Signs of a crisis")) + _list(signs))
    if diagnosis.emergency_guideline:
        before, _, after = w("Emergency guideline: {url}", url=LINK).partition(LINK)
        link = escape(diagnosis.emergency_guideline)
        parts.append(f'<p>{escape(before)}<a href="{link}">{link}</a>{escape(after)}</p>')
    for field in ("treating_physician", "expertise_centre"):
        contact = context.services.care_team.get(getattr(diagnosis, field)) if getattr(diagnosis, field) else None
        if contact is None:
            continue
        line = contact_line(context, contact)
        parts.append(_paragraph(w("Treating physician: {name}", name=line) if field == "treating_physician"
                                else w("Expertise centre: {name}", name=line)))
    return "".join(parts)


def _next_of_kin_text(context: FhirContext) -> str:
    family = context.services.care_team.next_of_kin()
    if not family:
        return ""
    w = context.words
    items = [joined(contact_line(context, c), w("what they can do: {text}", text=c.contact_for)
                    if c.contact_for else "", separator="; ") for c in family]
    return _heading(label(w, CareRole.NEXT_OF_KIN)) + _list(items)


def contact_line(context: FhirContext, contact: Contact) -> str:
    """'Name (partner), 06 1234 5678, day and night: 06 8765 4321'."""
    w = context.words
    who = f"{contact.name} ({contact.relationship})" if contact.relationship else contact.name
    return joined(who, contact.organisation if contact.organisation != contact.name else "", contact.phone,
                  w("day and night: {phone}", phone=contact.acute_phone) if contact.acute_phone else "",
                  separator=", ")


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _labelled(text: str) -> str:
    return f"<p><b>{escape(text)}</b></p>"


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _lines(text: str) -> str:
    """A text as typed, line by line."""
    return "<p>" + "<br/>".join(escape(line.strip()) for line in text.strip().splitlines()) + "</p>"
