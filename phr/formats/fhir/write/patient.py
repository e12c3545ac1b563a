"""The Patient: name, sex, birth date, the language the record is written in, and the next of kin.

A next of kin (family or partner) is a Patient.contact, as IPS readers expect it: relationship
v2-0131 'N' (Next-of-Kin) with the relationship in words (e.g. "partner") beside it, name,
phones (the out-of-hours one marked as for the care team), e-mail, address, and what they can
do in an emergency in Regie's 'contact for' extension. Regie's entry uid rides along in an
extension, so importing the file again finds the same contact.

The language the person writes the record in is not the language they speak (Patient.communication),
so it has an extension of its own; the Composition's language is the export's.
"""

from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.care import telecom
from phr.formats.fhir.write.context import FhirContext, without_empty
from phr.record import person
from phr.record.care_team import Contact


def patient(context: FhirContext) -> dict:
    details = context.services.person.get()
    return without_empty({
        "resourceType": "Patient",
        "extension": [{"url": codes.TEXT_LANGUAGE, "valueCode": details.text_language}]
        if details.text_language else [],
        "name": [{"text": details.name}],
        "gender": details.sex if details.sex in person.SEXES else "",
        "birthDate": details.birth_date,
        "contact": [contact(item) for item in context.services.care_team.next_of_kin()],
    })


def contact(item: Contact) -> dict:
    relationship = [codes.concept(codes.CONTACT_ROLE, codes.NEXT_OF_KIN, "Next-of-Kin")]
    if item.relationship:
        relationship.append({"text": item.relationship})
    return {
        "extension": ([{"url": codes.ENTRY_UID, "valueString": item.uid}] if item.uid else [])
        + ([{"url": codes.CONTACT_FOR, "valueString": item.contact_for}] if item.contact_for else []),
        "relationship": relationship,
        "name": {"text": item.name},
        "telecom": telecom(item, use="home"),
        "address": {"text": item.address} if item.address else {},
        "organization": {"display": item.organisation} if item.organisation else {},
    }
