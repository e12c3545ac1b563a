"""The care team: the people and organisations who help, what each is for, and who to call when."""

from dataclasses import dataclass, field

from phr.core import validation
from phr.core.entries import EntryService, FieldError, Provenance
from phr.core.vocabulary import CareRole, ContactKind, Section
from phr.storage.repos import tables

KINDS = tuple(ContactKind)
ROLES = tuple(CareRole)


@dataclass(frozen=True)
class Contact:
    name: str = ""
    role: str = "other"
    kind: str = "person"
    organisation: str = ""
    specialty: str = ""
    phone: str = ""
    acute_phone: str = ""   # out of hours or in an acute situation
    email: str = ""
    address: str = ""
    website: str = ""
    contact_for: str = ""   # what this contact is for (a next of kin: what they can do), in the patient's words
    notes: str = ""
    relationship: str = ""  # a next of kin's relationship to the person, e.g. "partner", "mother"
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


class CareTeamService(EntryService[Contact]):
    section = Section.CARE_TEAM
    table = tables.CONTACTS
    item_type = Contact

    def validate(self, contact: Contact) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", contact.name)
        checks.choice("kind", contact.kind, KINDS)
        checks.choice("role", contact.role, ROLES)
        checks.optional("phone", contact.phone, validation.is_phone, "invalid_phone")
        checks.optional("acute_phone", contact.acute_phone, validation.is_phone, "invalid_phone")
        checks.optional("email", contact.email, validation.is_email, "invalid_email")
        checks.optional("website", contact.website, validation.is_website, "invalid_website")
        return checks.errors

    def to_values(self, contact: Contact) -> dict:
        """A relationship belongs to a next of kin: one left from before the role changed is not kept."""
        values = super().to_values(contact)
        if contact.role != CareRole.NEXT_OF_KIN:
            values["relationship"] = None
        return values

    def who_to_call(self) -> list[Contact]:
        """Contacts with an out-of-hours or acute number: for the start page and the emergency card."""
        return [contact for contact in self.all() if contact.acute_phone]

    def next_of_kin(self) -> list[Contact]:
        """Family or partner to call and tell: for the emergency card and letter."""
        return [contact for contact in self.all() if contact.role == CareRole.NEXT_OF_KIN]

    def names(self) -> dict[int, str]:
        """id -> name, for showing and choosing links to contacts."""
        return {contact.id: contact.name for contact in self.all() if contact.id is not None}
