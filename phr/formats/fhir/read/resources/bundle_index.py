"""Every resource of the file by the ways others refer to it, gathered before any is read.

A medicine names its Medication (in the bundle, or contained in the medicine itself as '#med') and the
diagnosis it is for, a goal the diagnosis it addresses, a CareTeam its members: each by a fullUrl or a
relative Type/id reference. The index also notes who the summary names as a care provider (see
`names_as_care_provider`), so a laboratory or the system that made the file does not become a contact.
"""

from dataclasses import dataclass, field
from typing import Any

from phr.formats.fhir.read.resources.found import Resource

# Where a summary names its care providers, and how: (resource type, path to the references, the naming).
# A Composition's author and attester are people who wrote or vouch for it; an Organization there is as
# often the system or the department that made the file as a care provider, so only people count from there.
AUTHOR, TEAM, ASSERTER, REQUESTER = "author", "care team", "asserter", "requester"
NAMING: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Composition", ("author",), AUTHOR), ("Composition", ("attester", "party"), AUTHOR),
    ("CareTeam", ("participant", "member"), TEAM), ("Condition", ("asserter",), ASSERTER),
    ("MedicationRequest", ("requester",), REQUESTER))
ORGANISATION_NAMINGS = {TEAM, REQUESTER}  # an Organization is a care provider only when named so


@dataclass
class BundleIndex:
    _aliases: dict[str, str] = field(default_factory=dict)          # reference text -> fullUrl
    _resources: dict[str, Resource] = field(default_factory=dict)   # fullUrl -> resource
    _participants: dict[str, Resource] = field(default_factory=dict)  # member reference -> CareTeam participant
    _named: list[tuple[str, str]] = field(default_factory=list)     # (reference, how) of care providers named

    def remember(self, url: str, resource: Resource) -> None:
        """One resource, by its fullUrl and its Type/id; a CareTeam's participants by their member."""
        self._resources[url] = resource
        self._aliases[url] = url
        if resource.get("id"):
            self._aliases[f"{resource['resourceType']}/{resource['id']}"] = url
        for participant in resource.get("participant") or [] if resource["resourceType"] == "CareTeam" else []:
            member = (participant.get("member") or {}).get("reference")
            if member:
                self._participants.setdefault(member, participant)
        for kind, path, how in NAMING:
            if resource["resourceType"] == kind:
                self._named += [(reference, how) for reference in _references(resource, path)]

    def resolve(self, reference: str | None) -> str | None:
        """The fullUrl of the resource a reference points to; None when the file does not hold it."""
        return self._aliases.get(reference or "")

    def resource(self, reference: str, kind: str | None = None) -> Resource | None:
        """The resource a reference points to (of that kind, when given)."""
        url = self._aliases.get(reference)
        found = self._resources[url] if url is not None else None
        return found if found is not None and (kind is None or found.get("resourceType") == kind) else None

    def referenced(self, holder: Resource, reference: str, kind: str | None = None) -> Resource | None:
        """What `holder` points to: a resource contained in it ('#med'), else one of the file."""
        if reference.startswith("#"):
            found = next((c for c in holder.get("contained") or [] if isinstance(c, dict)
                          and c.get("id") == reference[1:]), None)
            return found if found is not None and (kind is None or found.get("resourceType") == kind) else None
        return self.resource(reference, kind)

    def resources(self) -> list[Resource]:
        return list(self._resources.values())

    def medicine_concept(self, resource: Resource) -> dict[str, Any] | None:
        """What names the medicine of a MedicationStatement or MedicationRequest: its own concept, else the code
        of the Medication it refers to (contained in it, or in the file), else the name the reference itself gives
        (a Dutch summary often names the medicine only there: {"reference": "urn:oid:…", "display": "…"})."""
        if resource.get("medicationCodeableConcept") is not None:
            concept: dict[str, Any] | None = resource["medicationCodeableConcept"]
            return concept
        pointer = resource.get("medicationReference") or {}
        reference = pointer.get("reference") or "" if isinstance(pointer, dict) else ""
        medication = self.referenced(resource, reference, "Medication") if reference else None
        code = (medication or {}).get("code")
        if code is None and isinstance(pointer, dict) and isinstance(pointer.get("display"), str) \
                and pointer["display"].strip():
            return {"text": pointer["display"].strip()}
        return code

    def participant_of(self, url: str, resource: Resource) -> Resource | None:
        """The CareTeam participant for this member (by fullUrl or Type/id), if a CareTeam lists it."""
        names = [url] + ([f"{resource['resourceType']}/{resource['id']}"] if resource.get("id") else [])
        return next((self._participants[name] for name in names if name in self._participants), None)

    def names_as_care_provider(self, url: str, resource: Resource) -> bool:
        """Whether the summary names this Practitioner or Organization as a care provider: a person as its
        author or attester, a member of its care team, who asserts a condition or prescribes a medicine
        (directly, or through a PractitionerRole named so); an Organization only as a member of the care team
        or as the prescriber. A laboratory named only as an Observation's performer is none."""
        hows = self._namings().get(url, set())
        if resource["resourceType"] == "Organization":
            return bool(hows & ORGANISATION_NAMINGS)
        return bool(hows)

    def person_url(self, reference: str | None) -> str | None:
        """The fullUrl a reference to a care provider points to; through a PractitionerRole, its practitioner."""
        role = self.resource(reference or "", "PractitionerRole")
        return self.resolve((role.get("practitioner") or {}).get("reference") if role else reference)

    def role_of(self, url: str) -> Resource | None:
        """A PractitionerRole named as a care provider whose practitioner is this one (for the organisation)."""
        for reference, _ in self._named:
            role = self.resource(reference, "PractitionerRole")
            practitioner = ((role or {}).get("practitioner") or {}).get("reference")
            if role is not None and self.resolve(practitioner) == url:
                return role
        return None

    def _namings(self) -> dict[str, set[str]]:
        """fullUrl -> how the summary names it; a PractitionerRole passes its naming on to its practitioner."""
        found: dict[str, set[str]] = {}
        for reference, how in self._named:
            url = self.person_url(reference)
            if url is not None:
                found.setdefault(url, set()).add(how)
        return found


def _references(resource: Resource, path: tuple[str, ...]) -> list[str]:
    """The reference texts at a path such as ('attester', 'party'), through lists on the way."""
    values: list[Any] = [resource]
    for step in path:
        values = [item for value in values if isinstance(value, dict) for item in _as_list(value.get(step))]
    return [value["reference"] for value in values if isinstance(value, dict) and isinstance(value.get("reference"),
                                                                                              str)]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
